import { LightningElement, api } from 'lwc';
import findChats from '@salesforce/apex/RehearsalController.findChats';
import type { StoredChatOption } from '@salesforce/apex/RehearsalController.findChats';
import { chatLabel } from 'c/rehearsalModel';

/** How long typing must pause before the search runs. */
export const SEARCH_DELAY_MS = 300;

interface ChatRow {
    id: string;
    inputId: string;
    label: string;
    startedAt: string;
    detail: string;
    checked: boolean;
}

/**
 * The stored chat a rehearsal reads: a search box (Comm100 id, visitor name or email; it searches once typing pauses
 * for 300 ms, at once on Enter) over the latest stored chats, and a radio list to choose one. It loads the list the
 * first time it is shown, keeps the search and the choice while hidden, and dispatches `chatchange` with
 * `{ chatId, label }` when a chat is chosen. `error` is shown under the list and describes the search box.
 */
export default class RehearsalChatPicker extends LightningElement {
    @api chatId = '';
    @api error = '';
    @api disabled = false;

    term = '';
    chats: StoredChatOption[] = [];
    searched = false;
    searching = false;
    searchError: unknown;

    private shown = false;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private sequence = 0;

    /** True while the picker is on screen: the first time, it loads the latest chats. */
    @api
    get active(): boolean {
        return this.shown;
    }
    set active(value: boolean) {
        this.shown = value;
        if (value && !this.searched && !this.searching) {
            this.startSearch();
        }
    }

    /** Puts keyboard focus in the search box (after an error about the chosen chat). */
    @api
    focusSearch(): void {
        this.template?.querySelector<HTMLInputElement>('[data-id="chat-search"]')?.focus();
    }

    get rows(): ChatRow[] {
        return this.chats.map((chat) => ({
            id: chat.id,
            inputId: `chat-${chat.id}`,
            label: chatLabel(chat),
            startedAt: chat.startedAt ?? '',
            detail: [chat.kind, chat.status]
                .filter((part) => part !== null && part !== undefined && part !== '')
                .join(' · '),
            checked: chat.id === this.chatId
        }));
    }

    get hasRows(): boolean {
        return this.chats.length > 0;
    }

    get emptyText(): string {
        if (!this.searched || this.searching || this.hasRows || this.searchError) {
            return '';
        }
        return this.term.trim() === ''
            ? 'No chat is stored yet: paste a payload or choose a sample instead.'
            : `No stored chat matches “${this.term.trim()}”.`;
    }

    get formClass(): string {
        return this.error ? 'slds-form-element slds-has-error' : 'slds-form-element';
    }

    get invalid(): string {
        return this.error ? 'true' : 'false';
    }

    override disconnectedCallback(): void {
        clearTimeout(this.timer);
    }

    handleTermInput(event: Event): void {
        this.term = (event.target as HTMLInputElement).value;
        clearTimeout(this.timer);
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.timer = setTimeout(() => {
            this.startSearch();
        }, SEARCH_DELAY_MS);
    }

    handleTermKeydown(event: KeyboardEvent): void {
        if (event.key === 'Enter') {
            // Enter searches now rather than submitting the rehearsal.
            event.preventDefault();
            clearTimeout(this.timer);
            this.startSearch();
        }
    }

    handleChoose(event: Event): void {
        const chatId = (event.target as HTMLInputElement).value;
        const chat = this.chats.find((candidate) => candidate.id === chatId);
        this.dispatchEvent(
            new CustomEvent('chatchange', { detail: { chatId, label: chat ? chatLabel(chat) : chatId } })
        );
    }

    private startSearch(): void {
        this.search().catch((error: unknown) => {
            this.searchError = error;
        });
    }

    private async search(): Promise<void> {
        const sequence = ++this.sequence;
        this.searching = true;
        this.searchError = undefined;
        try {
            const found = await findChats({ term: this.term.trim() });
            if (sequence === this.sequence) {
                this.chats = found;
            }
        } catch (error) {
            if (sequence === this.sequence) {
                this.chats = [];
                this.searchError = error;
            }
        } finally {
            if (sequence === this.sequence) {
                this.searching = false;
                this.searched = true;
            }
        }
    }
}
