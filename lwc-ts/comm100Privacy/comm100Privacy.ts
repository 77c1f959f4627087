import { LightningElement } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import preview from '@salesforce/apex/VisitorPrivacyController.preview';
import type { IdentifierKind, Preview } from '@salesforce/apex/VisitorPrivacyController.preview';
import erase from '@salesforce/apex/VisitorPrivacyController.erase';
import type { Erasure } from '@salesforce/apex/VisitorPrivacyController.erase';
import {
    ERASE_IN_COMM100,
    KINDS,
    confirmationProblem,
    erasureSummary,
    hasUnreadable,
    identifierProblem,
    previewSummary,
    rowsOf
} from './privacyModel';
import type { Row } from './privacyModel';

/** What becomes of the Tasks and Events related to the chats (Related To): the platform deletes them too. */
function activitiesNote(n: number): string {
    return n === 0
        ? 'None: no task or event is related to these chats.'
        : `${String(n)} task${n === 1 ? ' or event is' : 's and events are'} related to these chats: the platform deletes ${n === 1 ? 'it' : 'them'} with the chats.`;
}

interface Group {
    key: string;
    title: string;
    note: string;
    rows: Row[];
    hasRows: boolean;
    empty: boolean;
}

/**
 * The Privacy section of the Comm100 Setup page: the admin finds everything the package holds about a visitor (by
 * email, Comm100 visitor id or Comm100 chat id), sees it per kind with links to each record, and erases it after
 * typing ERASE. The erasure removes the chats, their transcript chunks and sync logs, empties them from the Recycle
 * Bin, clears the transcript from the descriptions of their Cases and Tasks, and leaves a Comm100 Erasure record
 * without personal data. Input is checked next to its field before Apex is called (and again by Apex); progress
 * and results are announced through a live region.
 */
export default class Comm100Privacy extends NavigationMixin(LightningElement) {
    kind: IdentifierKind = 'email';
    identifier = '';
    identifierError = '';
    confirmation = '';
    confirmationError = '';

    searching = false;
    erasing = false;
    result: Preview | undefined;
    erasure: Erasure | undefined;
    /** Why the search failed, shown under the search form. */
    searchError: unknown;
    /** Why the erasure failed, shown under the erase button. */
    eraseError: unknown;
    recordUrls: Record<string, string> = {};

    /** What the shown result was searched for: an erasure erases that, whatever the fields say since. */
    private searchedKind: IdentifierKind = 'email';
    private searchedIdentifier = '';
    private focusAfterRender = '';

    get kindOptions(): { value: string; label: string; id: string; checked: boolean }[] {
        return KINDS.map((option) => ({
            value: option.value,
            label: option.label,
            id: `kind-${option.value}`,
            checked: option.value === this.kind
        }));
    }

    get fieldLabel(): string {
        return KINDS.find((option) => option.value === this.kind)?.fieldLabel ?? '';
    }

    get placeholder(): string {
        return KINDS.find((option) => option.value === this.kind)?.placeholder ?? '';
    }

    get identifierClass(): string {
        return this.identifierError ? 'slds-form-element slds-has-error' : 'slds-form-element';
    }

    get confirmationClass(): string {
        return this.confirmationError ? 'slds-form-element slds-has-error' : 'slds-form-element';
    }

    get identifierInvalid(): string {
        return this.identifierError ? 'true' : 'false';
    }

    get confirmationInvalid(): string {
        return this.confirmationError ? 'true' : 'false';
    }

    get busy(): boolean {
        return this.searching || this.erasing;
    }

    get statusText(): string {
        if (this.searching) {
            return 'Searching…';
        }
        if (this.erasing) {
            return 'Erasing…';
        }
        if (this.erasure) {
            return this.erasure.message ?? '';
        }
        return this.result ? previewSummary(this.result) : '';
    }

    get summary(): string {
        return this.result ? previewSummary(this.result) : '';
    }

    get showResult(): boolean {
        return this.result !== undefined && this.erasure === undefined;
    }

    get foundSomething(): boolean {
        return this.result !== undefined && !this.result.nothingFound;
    }

    get groups(): Group[] {
        const found = this.result;
        if (!found) {
            return [];
        }
        const withUrls = (rows: Row[]): Row[] => rows.map((row) => ({ ...row, url: this.recordUrls[row.id] ?? '#' }));
        return [
            { key: 'chats', title: 'Chats', note: '', rows: withUrls(rowsOf(found.chats)) },
            {
                key: 'chunks',
                title: 'Transcript chunks',
                note: `${String(found.transcriptChunks)} transcript chunk${found.transcriptChunks === 1 ? '' : 's'}, deleted with their chats.`,
                rows: []
            },
            { key: 'logs', title: 'Sync logs', note: '', rows: withUrls(rowsOf(found.syncLogs)) },
            { key: 'cases', title: "Cases with the visitor's data", note: '', rows: withUrls(rowsOf(found.cases)) },
            { key: 'tasks', title: "Tasks with the visitor's data", note: '', rows: withUrls(rowsOf(found.tasks)) },
            {
                key: 'activities',
                title: 'Related tasks and events',
                note: activitiesNote(found.activities ?? 0),
                rows: []
            }
        ].map((group) => ({
            ...group,
            hasRows: group.rows.length > 0,
            empty: group.rows.length === 0 && group.note === ''
        }));
    }

    get more(): boolean {
        return this.result?.more === true;
    }

    get blocked(): boolean {
        return this.result !== undefined && hasUnreadable(this.result);
    }

    get canErase(): boolean {
        return this.foundSomething && !this.blocked;
    }

    get eraseInComm100(): string {
        return ERASE_IN_COMM100;
    }

    get eraseDisabled(): boolean {
        return this.busy;
    }

    get erasedSummary(): string {
        return this.erasure ? erasureSummary(this.erasure) : '';
    }

    get erasedRecordUrl(): string {
        return this.erasure?.erasureId ? (this.recordUrls[this.erasure.erasureId] ?? '#') : '#';
    }

    get reviewRows(): Row[] {
        return this.erasure
            ? rowsOf(this.erasure.leftForReview).map((row) => ({ ...row, url: this.recordUrls[row.id] ?? '#' }))
            : [];
    }

    get hasReview(): boolean {
        return this.reviewRows.length > 0;
    }

    get notEmptiedText(): string {
        const n = this.erasure?.notEmptied ?? 0;
        return n > 0
            ? `${String(n)} deleted record${n === 1 ? '' : 's'} could not be emptied from the Recycle Bin: empty ${n === 1 ? 'it' : 'them'} there by hand, or the platform removes ${n === 1 ? 'it' : 'them'} after 15 days.`
            : '';
    }

    get erasedMore(): boolean {
        return this.erasure?.more === true;
    }

    override renderedCallback(): void {
        if (this.focusAfterRender) {
            const target = this.template?.querySelector<HTMLElement>(this.focusAfterRender);
            this.focusAfterRender = '';
            target?.focus();
        }
    }

    // ----- input -----

    handleKindChange(event: Event): void {
        this.kind = (event.target as HTMLInputElement).value as IdentifierKind;
        this.identifierError = '';
        this.clearResult();
    }

    handleIdentifierChange(event: Event): void {
        this.identifier = (event.target as HTMLInputElement).value;
        this.identifierError = '';
        this.clearResult();
    }

    handleConfirmationChange(event: Event): void {
        this.confirmation = (event.target as HTMLInputElement).value;
        this.confirmationError = '';
    }

    private clearResult(): void {
        this.result = undefined;
        this.erasure = undefined;
        this.searchError = undefined;
        this.eraseError = undefined;
        this.confirmation = '';
        this.confirmationError = '';
    }

    // ----- search -----

    async handleSearch(event: Event): Promise<void> {
        event.preventDefault();
        this.identifierError = identifierProblem(this.kind, this.identifier);
        if (this.identifierError) {
            this.focusAfterRender = '[data-id="identifier"]';
            return;
        }
        this.clearResult();
        this.searching = true;
        try {
            const found = await preview({ kind: this.kind, identifier: this.identifier.trim() });
            if (found.identifierError) {
                this.identifierError = found.identifierError;
                this.focusAfterRender = '[data-id="identifier"]';
                return;
            }
            this.searchedKind = this.kind;
            this.searchedIdentifier = this.identifier.trim();
            this.result = found;
            this.focusAfterRender = '[data-id="result-heading"]';
            await this.generateUrls(
                [...found.chats, ...found.syncLogs, ...found.cases, ...found.tasks].map((r) => r.id)
            );
        } catch (error) {
            this.searchError = error;
        } finally {
            this.searching = false;
        }
    }

    // ----- erase -----

    async handleErase(event: Event): Promise<void> {
        event.preventDefault();
        this.confirmationError = confirmationProblem(this.confirmation);
        if (this.confirmationError) {
            this.focusAfterRender = '[data-id="confirmation"]';
            return;
        }
        this.erasing = true;
        this.eraseError = undefined;
        try {
            const done = await erase({
                kind: this.searchedKind,
                identifier: this.searchedIdentifier,
                confirmation: this.confirmation.trim()
            });
            if (done.confirmationError || done.identifierError) {
                this.confirmationError = done.confirmationError ?? '';
                this.identifierError = done.identifierError ?? '';
                this.focusAfterRender = done.confirmationError ? '[data-id="confirmation"]' : '[data-id="identifier"]';
                return;
            }
            this.erasure = done;
            this.confirmation = '';
            this.focusAfterRender = '[data-id="erased-heading"]';
            await this.generateUrls([done.erasureId ?? '', ...done.leftForReview.map((r) => r.id)]);
        } catch (error) {
            this.eraseError = error;
        } finally {
            this.erasing = false;
        }
    }

    // ----- links -----

    private async generateUrls(ids: string[]): Promise<void> {
        const missing = ids.filter((id) => id !== '' && !(id in this.recordUrls));
        const generated = await Promise.all(
            missing.map((id) =>
                this[NavigationMixin.GenerateUrl]({
                    type: 'standard__recordPage',
                    attributes: { recordId: id, actionName: 'view' }
                }).then(
                    (url) => [id, url] as const,
                    // Without a URL the link still opens the record: the click navigates.
                    () => [id, '#'] as const
                )
            )
        );
        if (generated.length > 0) {
            this.recordUrls = { ...this.recordUrls, ...Object.fromEntries(generated) };
        }
    }

    openRecord(event: Event): void {
        const recordId = (event.currentTarget as HTMLElement).dataset.recordId;
        if (!recordId) {
            return;
        }
        event.preventDefault();
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: { recordId, actionName: 'view' }
        });
    }
}
