import { LightningElement } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import getLogs from '@salesforce/apex/SyncLogConsoleController.getLogs';
import type {
    FieldError,
    FilterField,
    LogFilter,
    LogPage,
    LogRow
} from '@salesforce/apex/SyncLogConsoleController.getLogs';
import getLogDetail from '@salesforce/apex/SyncLogConsoleController.getLogDetail';
import type { LogDetail } from '@salesforce/apex/SyncLogConsoleController.getLogDetail';
import replayLogs from '@salesforce/apex/SyncLogConsoleController.replayLogs';
import type { ReplayResult } from '@salesforce/apex/SyncLogConsoleController.replayLogs';
import {
    EMPTY_DRAFT,
    REPLAY_BATCH_SIZE,
    STATUSES,
    batches,
    filterOf,
    formatDateTime,
    formatPayload,
    messageFor,
    validateDraft
} from 'c/syncLogModel';
import type { FilterDraft } from 'c/syncLogModel';

const FIELD_ORDER: FilterField[] = ['status', 'eventType', 'fromDate', 'toDate', 'comm100Id'];

interface RowView extends LogRow {
    className: string;
    createdLabel: string;
    selected: boolean;
    selectLabel: string;
    openLabel: string;
    stuckLabel: string;
    partLabel: string;
    isOpen: boolean;
    expanded: string;
}

interface ResultView extends ReplayResult {
    key: string;
    label: string;
    outcome: string;
    className: string;
}

interface RecordLink {
    key: string;
    label: string;
    recordId: string;
}

interface FieldView {
    value: string;
    message: string;
    className: string;
    invalid: string;
}

/**
 * The Sync log section of the Comm100 Setup page: the Comm100 Sync Logs, newest first, 25 a page, filtered by
 * status, event type, a range of days and Comm100 id; the detail of the chosen log with its payload shown as text
 * (re-indented when it is JSON, never rendered as markup), its reason and the records it touched; replay of one or
 * many logs with progress and a result per log. Dead letters and parts stuck past the parts timeout stand out.
 */
export default class Comm100SyncLog extends NavigationMixin(LightningElement) {
    readonly statuses = STATUSES.map((status) => ({ value: status, label: status }));

    draft: FilterDraft = { ...EMPTY_DRAFT };
    fieldErrors: FieldError[] = [];
    private applied: LogFilter = filterOf(EMPTY_DRAFT);

    page: LogPage | undefined;
    listError: unknown;
    loading = false;
    private listRequest = 0;
    private focusFirstInvalid = false;

    selectedIds: string[] = [];

    detail: LogDetail | undefined;
    detailError: unknown;
    detailLoading = false;
    openLogId: string | undefined;
    private detailRequest = 0;
    private focusDetail = false;
    private focusRowId: string | undefined;

    replaying = false;
    replayTotal = 0;
    replayDone = 0;
    replayResults: ReplayResult[] = [];
    replayError: unknown;
    replayNotSent: string[] = [];
    private focusResults = false;

    override connectedCallback(): void {
        this.load(1, this.applied);
    }

    // ---- the list

    private load(pageNumber: number, filter: LogFilter): void {
        this.fetchPage(pageNumber, filter).catch((error: unknown) => {
            this.listError = error;
        });
    }

    async fetchPage(pageNumber: number, filter: LogFilter): Promise<void> {
        const request = ++this.listRequest;
        this.loading = true;
        try {
            const page = await getLogs({ ...filter, pageNumber });
            if (request !== this.listRequest) {
                return;
            }
            this.listError = undefined;
            if (page.errors.length > 0) {
                this.fieldErrors = page.errors;
                this.focusFirstInvalid = true;
                return;
            }
            this.fieldErrors = [];
            this.page = page;
            this.applied = filter;
            const onPage = new Set(page.logs.filter((log) => log.replayable).map((log) => log.id));
            this.selectedIds = this.selectedIds.filter((id) => onPage.has(id));
        } catch (error) {
            if (request === this.listRequest) {
                this.listError = error;
            }
        } finally {
            if (request === this.listRequest) {
                this.loading = false;
            }
        }
    }

    get hasLoaded(): boolean {
        return this.page !== undefined;
    }

    get isFirstLoad(): boolean {
        return this.loading && this.page === undefined;
    }

    get firstLoadFailed(): boolean {
        return !this.loading && this.page === undefined && this.listError !== undefined;
    }

    get rows(): RowView[] {
        const selected = new Set(this.selectedIds);
        const timeout = this.page?.partsTimeoutMinutes ?? 60;
        return (this.page?.logs ?? []).map((log) => ({
            ...log,
            className: [
                'sync-log__row',
                log.deadLetter ? 'sync-log__row_dead-letter' : '',
                log.stuck ? 'sync-log__row_stuck' : '',
                log.id === this.openLogId ? 'sync-log__row_open' : ''
            ]
                .filter(Boolean)
                .join(' '),
            createdLabel: formatDateTime(log.createdDate),
            selected: selected.has(log.id),
            selectLabel: `Select ${log.name} for replay`,
            openLabel: `Open ${log.name}`,
            stuckLabel: `Stuck: waiting over ${timeout} min`,
            partLabel:
                log.partCount != null && log.partNumber != null ? `part ${log.partNumber} of ${log.partCount}` : '',
            isOpen: log.id === this.openLogId,
            expanded: log.id === this.openLogId ? 'true' : 'false'
        }));
    }

    get hasRows(): boolean {
        return (this.page?.logs.length ?? 0) > 0;
    }

    get isEmpty(): boolean {
        return this.page !== undefined && this.page.logs.length === 0;
    }

    get emptyMessage(): string {
        const filtered = Object.values(this.applied).some((value) => value != null);
        return filtered ? 'No sync logs match these filters.' : 'No Comm100 sync logs yet.';
    }

    get summary(): string {
        const page = this.page;
        if (!page || page.total == null) {
            return '';
        }
        const total = page.total === 1 ? '1 log' : `${page.total.toLocaleString()} logs`;
        if (page.total === 0) {
            return total;
        }
        const first = (page.pageNumber - 1) * page.pageSize + 1;
        const last = first + page.logs.length - 1;
        return `${total} · showing ${first}–${last} · page ${page.pageNumber}`;
    }

    get pageLimitNote(): string | null {
        return this.page?.pageLimitNote ?? null;
    }

    get previousDisabled(): boolean {
        return this.loading || !this.page?.hasPrevious;
    }

    get nextDisabled(): boolean {
        return this.loading || !this.page?.hasNext;
    }

    get pageError(): string {
        return messageFor(this.fieldErrors, 'page');
    }

    previousPage(): void {
        if (this.page?.hasPrevious) {
            this.load(this.page.pageNumber - 1, this.applied);
        }
    }

    nextPage(): void {
        if (this.page?.hasNext) {
            this.load(this.page.pageNumber + 1, this.applied);
        }
    }

    retry(): void {
        this.load(this.page?.pageNumber ?? 1, this.applied);
    }

    // ---- the filters

    private field(field: FilterField): FieldView {
        const message = messageFor(this.fieldErrors, field);
        return {
            value: field === 'page' ? '' : this.draft[field],
            message,
            className: `slds-form-element sync-log__filter${message ? ' slds-has-error' : ''}`,
            invalid: message ? 'true' : 'false'
        };
    }

    get statusField(): FieldView {
        return this.field('status');
    }

    get eventTypeField(): FieldView {
        return this.field('eventType');
    }

    get fromDateField(): FieldView {
        return this.field('fromDate');
    }

    get toDateField(): FieldView {
        return this.field('toDate');
    }

    get comm100IdField(): FieldView {
        return this.field('comm100Id');
    }

    get statusOptions(): { value: string; label: string; selected: boolean }[] {
        return [{ value: '', label: 'All statuses' }, ...this.statuses].map((option) => ({
            ...option,
            selected: option.value === this.draft.status
        }));
    }

    handleFilterInput(event: Event): void {
        const target = event.target as HTMLInputElement | HTMLSelectElement;
        const name = target.dataset.field as keyof FilterDraft | undefined;
        if (name && name in this.draft) {
            this.draft = { ...this.draft, [name]: target.value };
        }
    }

    applyFilters(event?: Event): void {
        event?.preventDefault();
        const errors = validateDraft(this.draft);
        if (errors.length > 0) {
            this.fieldErrors = errors;
            this.focusFirstInvalid = true;
            return;
        }
        this.fieldErrors = [];
        this.load(1, filterOf(this.draft));
    }

    clearFilters(): void {
        this.draft = { ...EMPTY_DRAFT };
        this.fieldErrors = [];
        this.load(1, filterOf(EMPTY_DRAFT));
    }

    // ---- selection

    get replayableIds(): string[] {
        return (this.page?.logs ?? []).filter((log) => log.replayable).map((log) => log.id);
    }

    get hasReplayable(): boolean {
        return this.replayableIds.length > 0;
    }

    get allSelected(): boolean {
        const ids = this.replayableIds;
        return ids.length > 0 && ids.every((id) => this.selectedIds.includes(id));
    }

    get selectedCount(): number {
        return this.selectedIds.length;
    }

    get replaySelectedLabel(): string {
        return this.selectedCount === 0 ? 'Replay selected' : `Replay selected (${this.selectedCount})`;
    }

    get replaySelectedDisabled(): boolean {
        return this.replaying || this.selectedCount === 0;
    }

    toggleSelect(event: Event): void {
        const target = event.target as HTMLInputElement;
        const id = target.dataset.id;
        if (!id) {
            return;
        }
        this.selectedIds = target.checked
            ? [...this.selectedIds.filter((selected) => selected !== id), id]
            : this.selectedIds.filter((selected) => selected !== id);
    }

    toggleSelectAll(event: Event): void {
        this.selectedIds = (event.target as HTMLInputElement).checked ? this.replayableIds : [];
    }

    // ---- the detail

    openDetail(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        if (id) {
            this.focusRowId = id;
            this.showDetail(id, true);
        }
    }

    private showDetail(logId: string, focus: boolean): void {
        this.fetchDetail(logId, focus).catch((error: unknown) => {
            this.detailError = error;
        });
    }

    async fetchDetail(logId: string, focus: boolean): Promise<void> {
        const request = ++this.detailRequest;
        this.openLogId = logId;
        this.detailLoading = true;
        this.detailError = undefined;
        if (focus) {
            this.detail = undefined;
        }
        try {
            const detail = await getLogDetail({ logId });
            if (request === this.detailRequest) {
                this.detail = detail;
                this.focusDetail = focus;
            }
        } catch (error) {
            if (request === this.detailRequest) {
                this.detail = undefined;
                this.detailError = error;
                this.focusDetail = focus;
            }
        } finally {
            if (request === this.detailRequest) {
                this.detailLoading = false;
            }
        }
    }

    closeDetail(): void {
        this.detailRequest++;
        this.openLogId = undefined;
        this.detail = undefined;
        this.detailError = undefined;
        this.detailLoading = false;
        const rowId = this.focusRowId;
        if (rowId) {
            const button = this.template?.querySelector<HTMLElement>(`button.sync-log__open[data-id="${rowId}"]`);
            button?.focus();
        }
    }

    get isDetailOpen(): boolean {
        return this.openLogId !== undefined;
    }

    get detailHeading(): string {
        const row = this.detail?.log ?? this.page?.logs.find((log) => log.id === this.openLogId);
        return row ? `Sync log ${row.name}` : 'Sync log';
    }

    get detailRows(): { labelKey: string; valueKey: string; label: string; value: string }[] {
        const detail = this.detail;
        if (!detail) {
            return [];
        }
        const log = detail.log;
        const rows: [string, string | number | null | undefined][] = [
            ['Status', log.status],
            ['Event type', log.eventType],
            ['Comm100 id', log.comm100Id],
            ['Source', log.source],
            ['Created', formatDateTime(log.createdDate)],
            ['Retries', log.retryCount],
            ['Part', log.partCount != null && log.partNumber != null ? `${log.partNumber} of ${log.partCount}` : null],
            ['Message id', detail.messageId],
            ['Job id', detail.jobId],
            ['Event UUID', detail.eventUuid]
        ];
        return rows
            .filter((row): row is [string, string | number] => row[1] != null && row[1] !== '')
            .map(([label, value]) => ({
                labelKey: `${label}-label`,
                valueKey: `${label}-value`,
                label,
                value: String(value)
            }));
    }

    get detailFlags(): { deadLetter: boolean; stuck: boolean } {
        return { deadLetter: this.detail?.log.deadLetter ?? false, stuck: this.detail?.log.stuck ?? false };
    }

    /**
     * What "stuck" means, exactly as the Apex decides it (Awaiting Parts, created longer ago than the timeout), and
     * why that alone does not say what happens next: the parts sweeper decides per message.
     */
    get detailStuckText(): string {
        return `Stuck: this part is Awaiting Parts and was created more than ${
            this.page?.partsTimeoutMinutes ?? 60
        } minutes ago (the parts timeout). The parts sweeper decides per message, not per part: it leaves the message alone while the job that stores it is queued or running, starts that job when every part has arrived, and dead-letters the waiting parts when a part is still missing. If this log turns Dead-Lettered, send the whole chat again from Comm100.`;
    }

    get detailReplayBlocked(): string | null {
        return this.detail && !this.detail.log.replayable ? (this.detail.log.notReplayableReason ?? null) : null;
    }

    get detailReplayable(): boolean {
        return this.detail?.log.replayable ?? false;
    }

    get recordLinks(): RecordLink[] {
        const chat = this.detail?.chat;
        const links: RecordLink[] = [];
        if (!chat) {
            return links;
        }
        links.push({ key: 'chat', label: `Chat: ${chat.name ?? chat.id}`, recordId: chat.id });
        const linked: [string, string | null | undefined][] = [
            ['Contact', chat.contactId],
            ['Lead', chat.leadId],
            ['Account', chat.accountId],
            ['Case', chat.caseId],
            ['Task', chat.taskId]
        ];
        for (const [label, recordId] of linked) {
            if (recordId) {
                links.push({ key: label, label: `${label}: ${recordId}`, recordId });
            }
        }
        return links;
    }

    get chatComm100Id(): string | null {
        return this.detail?.chat?.comm100Id ?? null;
    }

    get hasRecordLinks(): boolean {
        return this.recordLinks.length > 0;
    }

    get replayOfLink(): RecordLink | null {
        const replayOf = this.detail?.replayOf;
        return replayOf
            ? {
                  key: replayOf.id,
                  label: `${replayOf.name ?? replayOf.id} (${replayOf.status ?? ''})`,
                  recordId: replayOf.id
              }
            : null;
    }

    get replayLinks(): RecordLink[] {
        return (this.detail?.replays ?? []).map((replay) => ({
            key: replay.id,
            label: `${replay.name ?? replay.id} (${replay.status ?? ''}, ${formatDateTime(replay.createdDate)})`,
            recordId: replay.id
        }));
    }

    get hasReplays(): boolean {
        return this.replayLinks.length > 0;
    }

    get payload(): { text: string; isJson: boolean } {
        return formatPayload(this.detail?.payload ?? null);
    }

    get hasPayload(): boolean {
        return this.payload.text.length > 0;
    }

    get payloadNote(): string {
        const detail = this.detail;
        if (!detail || !detail.payload) {
            return 'This log keeps no payload.';
        }
        const size = `${detail.payloadLength.toLocaleString()} characters, as stored (redacted)`;
        return this.payload.isJson
            ? `JSON, ${size}, indented for reading.`
            : `Not valid JSON (a part of a split payload, or cut to what the log holds): ${size}, shown exactly as stored.`;
    }

    openRecord(event: Event): void {
        const recordId = (event.currentTarget as HTMLElement).dataset.recordId;
        if (recordId) {
            this[NavigationMixin.Navigate]({
                type: 'standard__recordPage',
                attributes: { recordId, actionName: 'view' }
            });
        }
    }

    openReplay(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.recordId;
        if (id) {
            this.showDetail(id, true);
        }
    }

    // ---- replay

    replaySelected(): void {
        this.startReplay([...this.selectedIds]);
    }

    replayOpenLog(): void {
        if (this.openLogId) {
            this.startReplay([this.openLogId]);
        }
    }

    private startReplay(ids: string[]): void {
        this.replay(ids).catch((error: unknown) => {
            this.replayError = error;
            this.replaying = false;
        });
    }

    async replay(ids: string[]): Promise<void> {
        if (ids.length === 0 || this.replaying) {
            return;
        }
        const names = new Map((this.page?.logs ?? []).map((log) => [log.id, log.name]));
        if (this.detail) {
            names.set(this.detail.log.id, this.detail.log.name);
        }
        this.replaying = true;
        this.replayTotal = ids.length;
        this.replayDone = 0;
        this.replayResults = [];
        this.replayError = undefined;
        this.replayNotSent = [];
        const groups = batches(ids, REPLAY_BATCH_SIZE);
        for (let i = 0; i < groups.length; i++) {
            const group = groups[i] ?? [];
            try {
                // One call after another on purpose: the progress moves per call, and a refused call stops the rest.
                // eslint-disable-next-line no-await-in-loop -- sequential by design, see above
                const results = await replayLogs({ logIds: group });
                this.replayResults = [...this.replayResults, ...results];
                this.replayDone += group.length;
            } catch (error) {
                this.replayError = error;
                this.replayNotSent = groups
                    .slice(i)
                    .flat()
                    .map((id) => names.get(id) ?? id);
                break;
            }
        }
        this.replaying = false;
        this.selectedIds = [];
        this.focusResults = true;
        const openId = this.openLogId;
        if (openId && ids.includes(openId)) {
            this.showDetail(openId, false);
        }
        await this.fetchPage(this.page?.pageNumber ?? 1, this.applied);
    }

    get showReplay(): boolean {
        return this.replaying || this.replayTotal > 0;
    }

    get progressStyle(): string {
        const percent = this.replayTotal === 0 ? 0 : Math.round((this.replayDone / this.replayTotal) * 100);
        return `width: ${percent}%`;
    }

    get progressLabel(): string {
        return `${this.replayDone} of ${this.replayTotal} logs sent`;
    }

    get replayStatus(): string {
        if (this.replaying) {
            return `Replaying: ${this.replayDone} of ${this.replayTotal} logs done.`;
        }
        if (this.replayTotal === 0) {
            return '';
        }
        const replayed = this.replayResults.filter((result) => result.replayed).length;
        const refused = this.replayResults.length - replayed;
        const parts = [`${replayed} replayed`, `${refused} not replayed`];
        if (this.replayNotSent.length > 0) {
            parts.push(`${this.replayNotSent.length} not sent`);
        }
        return `Replay finished: ${parts.join(', ')}.`;
    }

    get resultRows(): ResultView[] {
        return this.replayResults.map((result, index) => ({
            ...result,
            key: `${index}-${result.id}`,
            label: result.name ?? result.id,
            outcome: result.replayed ? 'Replayed' : 'Not replayed',
            className: `slds-badge ${result.replayed ? 'slds-theme_success' : 'slds-theme_warning'}`
        }));
    }

    get notSentText(): string {
        return this.replayNotSent.length > 0
            ? `Not sent, because the replay stopped: ${this.replayNotSent.join(', ')}.`
            : '';
    }

    dismissResults(): void {
        this.replayTotal = 0;
        this.replayDone = 0;
        this.replayResults = [];
        this.replayError = undefined;
        this.replayNotSent = [];
    }

    // ---- focus after render

    override renderedCallback(): void {
        if (this.focusFirstInvalid) {
            const first = FIELD_ORDER.find((field) => messageFor(this.fieldErrors, field));
            const target = first
                ? this.template?.querySelector<HTMLElement>(`[data-field="${first}"]`)
                : this.template?.querySelector<HTMLElement>('.sync-log__page-error');
            if (target) {
                this.focusFirstInvalid = false;
                target.focus();
            }
        }
        if (this.focusDetail) {
            const heading = this.template?.querySelector<HTMLElement>('.sync-log__detail-heading');
            if (heading) {
                this.focusDetail = false;
                heading.focus();
            }
        }
        if (this.focusResults && !this.replaying) {
            const results = this.template?.querySelector<HTMLElement>('.sync-log__replay-heading');
            if (results) {
                this.focusResults = false;
                results.focus();
            }
        }
    }
}
