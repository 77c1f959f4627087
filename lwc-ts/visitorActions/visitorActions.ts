import { LightningElement, api } from 'lwc';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { NavigationMixin } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getActionState from '@salesforce/apex/ChatActionsController.getActionState';
import type { ActionOption, ActionState, ChatAction } from '@salesforce/apex/ChatActionsController.getActionState';
import requestAction from '@salesforce/apex/ChatActionsController.requestAction';
import { attachmentOf, pendingText, recordPage, recordUrls } from 'c/visitorModel';
import type { Attachment } from 'c/visitorModel';

/**
 * The manual actions of a Comm100 chat (ChatActionsController): attach the chat to the identified record, or
 * create a Lead, Contact or Case first (c-visitor-create-form) and attach the chat to it. A request made before
 * the chat ends is shown as pending and checked every `refreshSeconds`; when it is done the agent is told and the
 * page is asked to read the chat again. A done attachment links to its case or task.
 */
export default class VisitorActions extends NavigationMixin(LightningElement) {
    /** The Comm100 Chat record. */
    @api recordId: string | undefined;

    /** How often, in seconds, a pending attachment is checked (5 to 300). */
    @api refreshSeconds = 15;

    actionState: ActionState | undefined;
    actionError: unknown;
    actionMessage = '';
    working = false;
    creating: ActionOption | undefined;
    urls: Record<string, string> = {};
    private pollTimer: ReturnType<typeof setTimeout> | undefined;
    private connected = false;
    private focusAction: ChatAction | undefined;

    override connectedCallback(): void {
        this.connected = true;
        this.loadActionState().catch((error: unknown) => {
            this.actionError = error;
        });
    }

    override disconnectedCallback(): void {
        this.connected = false;
        this.stopPolling();
    }

    override renderedCallback(): void {
        // Back from the create form, focus returns to the action that opened it.
        const action = this.focusAction;
        const target = action && this.template?.querySelector<HTMLElement>(`lightning-button[data-action="${action}"]`);
        if (target) {
            this.focusAction = undefined;
            target.focus();
        }
    }

    get loading(): boolean {
        return this.actionState === undefined && this.actionError === undefined;
    }

    get attached(): Attachment | undefined {
        return attachmentOf(this.actionState);
    }

    get attachedUrl(): string {
        return this.urls[this.attached?.recordId ?? ''] ?? '#';
    }

    get isPending(): boolean {
        return !this.attached && Boolean(this.actionState?.pendingAction);
    }

    get pendingText(): string {
        return pendingText(this.actionState?.pendingAction ?? '');
    }

    get options(): (ActionOption & { icon: string })[] {
        if (!this.actionState || this.attached || this.isPending || this.creating) {
            return [];
        }
        return this.actionState.options.map((option) => ({
            ...option,
            icon: option.createObject ? 'utility:new' : 'utility:attach'
        }));
    }

    get hasOptions(): boolean {
        return this.options.length > 0;
    }

    get noActionText(): string {
        return this.actionState && !this.attached && !this.isPending && this.actionState.options.length === 0
            ? 'No manual action is available for this chat.'
            : '';
    }

    async loadActionState(): Promise<void> {
        if (!this.recordId) {
            return;
        }
        const wasPending = this.isPending;
        try {
            this.actionState = await getActionState({ chatId: this.recordId });
            this.actionError = undefined;
        } catch (error) {
            this.actionError = error;
            return;
        }
        const ids = [this.actionState.caseId ?? '', this.actionState.taskId ?? ''];
        this.urls = await recordUrls(ids, this.urls, (pageReference) =>
            this[NavigationMixin.GenerateUrl](pageReference)
        );
        const attached = this.attached;
        if (wasPending && attached) {
            this.actionMessage = `Done: ${attached.text}`;
            this.dispatchEvent(
                new ShowToastEvent({ title: 'Chat attached', message: attached.text, variant: 'success' })
            );
            await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
        }
        this.schedulePoll();
    }

    private schedulePoll(): void {
        this.stopPolling();
        if (!this.connected || !this.isPending) {
            return;
        }
        const seconds = Math.min(Math.max(this.refreshSeconds || 15, 5), 300);
        // A pending attachment is carried out by the chat-end event, on the server; polling is the only way to hear of it.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.pollTimer = setTimeout(() => {
            this.pollTimer = undefined;
            this.loadActionState().catch((error: unknown) => {
                this.actionError = error;
            });
        }, seconds * 1000);
    }

    private stopPolling(): void {
        if (this.pollTimer !== undefined) {
            clearTimeout(this.pollTimer);
            this.pollTimer = undefined;
        }
    }

    async chooseAction(event: Event): Promise<void> {
        const action = (event.currentTarget as HTMLElement).dataset.action as ChatAction | undefined;
        const option = this.actionState?.options.find((candidate) => candidate.action === action);
        if (!option || !this.recordId) {
            return;
        }
        this.actionMessage = '';
        this.actionError = undefined;
        if (option.createObject) {
            this.creating = option;
        } else if (option.targetRecordId) {
            await this.request(option.action, option.targetRecordId);
        }
    }

    closeForm(): void {
        this.focusAction = this.creating?.action;
        this.creating = undefined;
    }

    async handleCreated(event: CustomEvent<{ id: string }>): Promise<void> {
        const option = this.creating;
        this.creating = undefined;
        if (option) {
            await this.request(option.action, event.detail.id);
        }
    }

    private async request(action: ChatAction, recordId: string): Promise<void> {
        this.working = true;
        let refusal: unknown;
        try {
            const message = await requestAction({ chatId: this.recordId ?? '', action, recordId });
            this.actionMessage = message;
            this.dispatchEvent(new ShowToastEvent({ title: 'Comm100 chat', message, variant: 'success' }));
            await notifyRecordUpdateAvailable([{ recordId: this.recordId ?? '' }]);
        } catch (error) {
            refusal = error;
        } finally {
            this.working = false;
        }
        // The state is read again either way: another agent may have asked first.
        await this.loadActionState();
        if (refusal !== undefined) {
            this.actionError = refusal;
        }
    }

    openRecord(event: Event): void {
        const recordId = (event.currentTarget as HTMLElement).dataset.recordId;
        if (recordId) {
            event.preventDefault();
            this[NavigationMixin.Navigate](recordPage(recordId));
        }
    }
}
