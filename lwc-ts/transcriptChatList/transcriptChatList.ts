import { LightningElement, api } from 'lwc';
import type { ChatSummary } from '@salesforce/apex/ChatTranscriptController.getChats';
import { formatDateTime, formatDuration } from 'c/transcriptFormat';

interface ChatRow extends ChatSummary {
    ariaCurrent: string;
    className: string;
    startLabel: string;
    /** Agents, duration, rating and status, each isolated (an agent's name may be in any script). */
    metaParts: MetaPart[];
}

interface MetaPart {
    key: string;
    text: string;
    separated: boolean;
}

/**
 * The chats of a record as the server lists them (newest first), the one open marked, a "Load more chats" button
 * while there are more, and a search across the chats. It loads nothing: it shows what it is given and says what
 * the agent asked for through events: `select` (detail `{ chatId }`), `loadmore`, `search` (detail `{ term }`, the
 * trimmed term) and `clearsearch` ("Show all chats"). Chat names and agents are shown as text.
 */
export default class TranscriptChatList extends LightningElement {
    /** The chats loaded so far, in the server's order. */
    @api chats: ChatSummary[] = [];

    /** The chat whose transcript is open. */
    @api selectedChatId: string | undefined;

    /** More chats can be loaded. */
    @api hasMore = false;

    /** The next page is being loaded: the button waits. */
    @api loadingMore = false;

    /** The chats that mention the searched term, or undefined when no search filters the list. */
    @api matchingChatIds: readonly string[] | undefined;

    /** Why the last search across the chats failed, for the error panel. */
    @api searchError: unknown;

    term = '';
    /** Where keyboard focus goes once rendered, when the control that had it goes away. */
    private focusAfterRender: 'search' | 'newChats' | undefined;
    private chatsBeforeLoad = 0;

    override renderedCallback(): void {
        if (this.focusAfterRender === 'search') {
            this.focusAfterRender = undefined;
            this.template?.querySelector<HTMLElement>('.chat-list__search-input')?.focus();
        } else if (this.focusAfterRender === 'newChats' && this.chats.length > this.chatsBeforeLoad) {
            // The first chat of the new page: "Load more chats" may be gone (the last page), and the agent reads on.
            this.focusAfterRender = undefined;
            const first = this.chats[this.chatsBeforeLoad];
            const rows = this.template?.querySelectorAll<HTMLElement>('.chat-list__item') ?? [];
            Array.from(rows)
                .find((row) => row.dataset.id === first?.id)
                ?.focus();
        }
    }

    get rows(): ChatRow[] {
        const matching = this.matchingChatIds === undefined ? undefined : new Set(this.matchingChatIds);
        return this.chats
            .filter((chat) => matching === undefined || matching.has(chat.id))
            .map((chat) => {
                const selected = chat.id === this.selectedChatId;
                return {
                    ...chat,
                    ariaCurrent: selected ? 'true' : 'false',
                    className: `slds-button chat-list__item${selected ? ' chat-list__item_selected' : ''}`,
                    startLabel: formatDateTime(chat.startTime),
                    metaParts: [
                        chat.agents,
                        formatDuration(chat.durationSeconds),
                        chat.rating === null ? '' : `Rating ${chat.rating}`,
                        chat.status
                    ]
                        .filter((part): part is string => Boolean(part))
                        .map((text, i) => ({ key: String(i), text, separated: i > 0 }))
                };
            });
    }

    get summary(): string {
        if (this.matchingChatIds === undefined) {
            return '';
        }
        const count = new Set(this.matchingChatIds).size;
        return count === 1 ? '1 chat mentions it' : `${count} chats mention it`;
    }

    handleChatClick(event: Event): void {
        const chatId = (event.currentTarget as HTMLElement).dataset.id;
        if (chatId) {
            this.dispatchEvent(new CustomEvent('select', { detail: { chatId } }));
        }
    }

    handleLoadMore(): void {
        this.chatsBeforeLoad = this.chats.length;
        this.focusAfterRender = 'newChats';
        this.dispatchEvent(new CustomEvent('loadmore'));
    }

    handleInput(event: Event): void {
        this.term = (event.target as HTMLInputElement).value;
    }

    handleSearch(): void {
        this.dispatchEvent(new CustomEvent('search', { detail: { term: this.term.trim() } }));
    }

    handleKeydown(event: KeyboardEvent): void {
        // The Enter that confirms a word typed with an input method (Chinese, Japanese, Korean) is not a search.
        if (event.key === 'Enter' && !event.isComposing) {
            event.preventDefault();
            this.handleSearch();
        }
    }

    handleShowAll(): void {
        this.term = '';
        // "Show all chats" goes with the filter: the agent is back in the search box.
        this.focusAfterRender = 'search';
        this.dispatchEvent(new CustomEvent('clearsearch'));
    }
}
