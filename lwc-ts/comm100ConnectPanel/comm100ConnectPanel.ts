import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import type { WireResult } from '@salesforce/apex';
import getStatus from '@salesforce/apex/ConnectSetupController.getStatus';
import type { ConnectStatus, PollerStatus } from '@salesforce/apex/ConnectSetupController.getStatus';
import rotateSiteKey from '@salesforce/apex/ConnectSetupController.rotateSiteKey';
import type { KeyRotation } from '@salesforce/apex/ConnectSetupController.rotateSiteKey';
import registerWebhooks from '@salesforce/apex/ConnectSetupController.registerWebhooks';
import type { RegistrationResult } from '@salesforce/apex/ConnectSetupController.registerWebhooks';
import testConnection from '@salesforce/apex/ConnectSetupController.testConnection';
import type { ConnectionTest } from '@salesforce/apex/ConnectSetupController.testConnection';
import getPollerStatus from '@salesforce/apex/ConnectSetupController.getPollerStatus';
import startPoller from '@salesforce/apex/ConnectSetupController.startPoller';
import type { PollerResult } from '@salesforce/apex/ConnectSetupController.startPoller';
import stopPoller from '@salesforce/apex/ConnectSetupController.stopPoller';
import startBackfill from '@salesforce/apex/ConnectSetupController.startBackfill';
import getHealth from '@salesforce/apex/ConnectionHealthController.getHealth';
import type { Health } from '@salesforce/apex/ConnectionHealthController.getHealth';
import {
    backfillProblems,
    backfillRunning,
    backfillSentence,
    eventRows,
    formatDateTime,
    formatDay,
    healthRows,
    keySentence,
    pollerSentence,
    siteBaseUrlProblem,
    webhookAddress
} from './connectModel';
import type { EventRow, HealthRow } from './connectModel';

const INTERVAL_OPTIONS = [
    { label: 'Every 15 minutes', value: '15' },
    { label: 'Every 30 minutes', value: '30' },
    { label: 'Every 60 minutes', value: '60' }
];
const DAY_OPTIONS = [7, 14, 30];
const COPIED = 'Copied.';
const COPY_FAILED = 'Copying is not allowed here: the text is selected, press Ctrl+C (or ⌘C) to copy it.';

/**
 * The Connect section of the Comm100 Setup page: the Site webhook address and its key (rotate with the grace period;
 * the new key is shown once with the address to give Comm100), the registration of the webhooks in Comm100, the
 * Comm100 API's configuration and a connection test, the poller (start, stop, interval) with a backfill of a date
 * range and its progress, and the connection health per event type. Every Apex call is refused unless the user
 * holds the Comm100 Setup permission; results are announced in live regions.
 */
export default class Comm100ConnectPanel extends LightningElement {
    /** How often, in seconds, the backfill's progress is read again while it runs (5 to 300). */
    @api refreshSeconds = 15;

    status: ConnectStatus | undefined;
    statusError: unknown;
    loading = true;

    siteBaseUrl = '';
    siteBaseUrlError = '';

    rotation: KeyRotation | undefined;
    rotating = false;
    rotateError: unknown;
    copyMessage = '';

    registration: RegistrationResult | undefined;
    registering = false;
    registerError: unknown;

    connectionTest: ConnectionTest | undefined;
    testing = false;
    testError: unknown;

    interval = '15';
    pollerWorking = false;
    pollerReport = '';
    pollerError: unknown;

    backfillFrom = '';
    backfillTo = '';
    backfillFromError = '';
    backfillToError = '';

    healthDays = 7;
    health: Health | undefined;
    healthError: unknown;
    private wiredHealthResult: WireResult<Health> | undefined;
    private refreshTimer: ReturnType<typeof setTimeout> | undefined;
    private connected = false;

    readonly intervalOptions = INTERVAL_OPTIONS;

    override connectedCallback(): void {
        this.connected = true;
        this.loadStatus().catch((error: unknown) => {
            this.statusError = error;
        });
    }

    override disconnectedCallback(): void {
        this.connected = false;
        clearTimeout(this.refreshTimer);
    }

    @wire(getHealth, { days: '$healthDays' })
    wiredHealth(result: WireResult<Health>): void {
        this.wiredHealthResult = result;
        if (result.data) {
            this.health = result.data;
            this.healthError = undefined;
        } else if (result.error) {
            this.healthError = result.error;
        }
    }

    async loadStatus(): Promise<void> {
        this.loading = true;
        try {
            this.status = await getStatus();
            this.statusError = undefined;
            if (this.status.poller.intervalMinutes) {
                this.interval = String(this.status.poller.intervalMinutes);
            }
            this.scheduleRefresh();
        } catch (error) {
            this.statusError = error;
        } finally {
            this.loading = false;
        }
    }

    // ----- The webhook address and its key

    get hasStatus(): boolean {
        return this.status !== undefined;
    }

    get readOnly(): boolean {
        return this.status?.canCustomizeApplication !== true;
    }

    get keySummary(): string {
        const key = this.status?.siteKey;
        if (!key?.hasKey) {
            return 'No key yet: rotate the key, or register the webhooks, to make one.';
        }
        return `The current key was made on ${formatDateTime(key.created)}.`;
    }

    get previousKeySummary(): string {
        const expires = this.status?.siteKey.previousKeyExpires;
        return expires ? `The key it replaced keeps working until ${formatDateTime(expires)}.` : '';
    }

    get graceSummary(): string {
        const hours = this.status?.siteKeyGraceHours ?? 0;
        return hours > 0
            ? `Rotating makes a new key; the current one keeps working for ${hours} hours, so there is time to give Comm100 the new address.`
            : 'Rotating makes a new key; the current one stops working at once (Site Key Grace Hours is 0).';
    }

    get siteBaseUrlHelpId(): string {
        return 'site-base-url-error';
    }

    get siteBaseUrlInvalid(): string {
        return this.siteBaseUrlError ? 'true' : 'false';
    }

    get siteBaseUrlClass(): string {
        return `slds-form-element${this.siteBaseUrlError ? ' slds-has-error' : ''}`;
    }

    get newAddress(): string {
        return this.rotation ? webhookAddress(this.siteBaseUrl, this.rotation.webhookPath, this.rotation.key) : '';
    }

    get shownSecret(): string {
        return this.newAddress || this.rotation?.key || '';
    }

    get shownSecretLabel(): string {
        return this.newAddress ? 'Address to give Comm100' : 'New key';
    }

    get shownSecretHint(): string {
        return this.newAddress
            ? 'Shown once: copy it now. It is the webhook address of the four events in Comm100.'
            : 'Shown once: copy it now. Type the Site base URL above to see the whole address to give Comm100.';
    }

    handleSiteBaseUrl(event: Event): void {
        this.siteBaseUrl = (event.target as HTMLInputElement).value;
        if (this.siteBaseUrlError) {
            this.siteBaseUrlError = siteBaseUrlProblem(this.siteBaseUrl) ?? '';
        }
    }

    async rotate(): Promise<void> {
        this.rotating = true;
        this.rotateError = undefined;
        this.copyMessage = '';
        try {
            this.rotation = await rotateSiteKey();
            if (this.status) {
                this.status = { ...this.status, siteKey: this.rotation.siteKey };
            }
        } catch (error) {
            this.rotateError = error;
        } finally {
            this.rotating = false;
        }
    }

    async copySecret(): Promise<void> {
        const text = this.shownSecret;
        try {
            await navigator.clipboard.writeText(text);
            this.copyMessage = COPIED;
        } catch {
            const field = this.template?.querySelector<HTMLInputElement>('.connect__secret');
            field?.focus();
            field?.select();
            this.copyMessage = COPY_FAILED;
        }
    }

    // ----- Registration

    get eventRows(): EventRow[] {
        return this.registration ? eventRows(this.registration) : [];
    }

    get registrationKeySentence(): string {
        return this.registration ? keySentence(this.registration) : '';
    }

    async register(): Promise<void> {
        const problem = siteBaseUrlProblem(this.siteBaseUrl);
        if (problem) {
            this.siteBaseUrlError = problem;
            this.template?.querySelector<HTMLInputElement>('.connect__site-base-url')?.focus();
            return;
        }
        this.siteBaseUrlError = '';
        this.registering = true;
        this.registerError = undefined;
        try {
            this.registration = await registerWebhooks({ siteBaseUrl: this.siteBaseUrl });
            if (this.registration.keyStored) {
                // The registration made and stored a key of its own: a key shown before is no longer the current one.
                this.rotation = undefined;
                this.copyMessage = '';
            }
            await this.loadStatus();
        } catch (error) {
            this.registerError = error;
        } finally {
            this.registering = false;
        }
    }

    // ----- The Comm100 API

    get siteIdSummary(): string {
        const siteId = this.status?.comm100SiteId;
        return siteId
            ? `Comm100 Site Id: ${siteId}.`
            : 'The Comm100 Site Id is not set: enter it as Comm100 Site Id in the Default record of Setup > Custom Metadata Types > Comm100 Setting.';
    }

    get siteIdMissing(): boolean {
        return !this.status?.comm100SiteId;
    }

    get budgetSummary(): string {
        if (!this.status) {
            return '';
        }
        const { apiCallsLeft, apiCallBudget, apiBudgetResetsAt } = this.status;
        return apiCallsLeft < apiCallBudget
            ? `${apiCallsLeft} of ${apiCallBudget} calls left in this 5-minute window; the budget starts over at ${formatDateTime(apiBudgetResetsAt)}.`
            : `${apiCallBudget} calls per 5 minutes allowed, none used in this window.`;
    }

    get testOk(): boolean {
        return this.connectionTest?.ok === true;
    }

    get testFailed(): boolean {
        return this.connectionTest?.ok === false;
    }

    async runTest(): Promise<void> {
        this.testing = true;
        this.testError = undefined;
        this.connectionTest = undefined;
        try {
            this.connectionTest = await testConnection();
        } catch (error) {
            this.testError = error;
        } finally {
            this.testing = false;
        }
    }

    // ----- The poller

    get poller(): PollerStatus | undefined {
        return this.status?.poller;
    }

    get pollerSentence(): string {
        return this.poller ? pollerSentence(this.poller) : '';
    }

    get pollerRunning(): boolean {
        return this.poller?.enabled === true && !this.poller.stopped;
    }

    get startLabel(): string {
        return this.pollerRunning && this.poller?.scheduled ? 'Restart polling' : 'Start polling';
    }

    get stopDisabled(): boolean {
        return this.readOnly || this.pollerWorking || this.poller?.enabled !== true;
    }

    get actionDisabled(): boolean {
        return this.readOnly || this.pollerWorking;
    }

    get lastPollSummary(): string {
        const poller = this.poller;
        if (!poller?.lastPollAt) {
            return 'No poll yet.';
        }
        return `Last poll on ${formatDateTime(poller.lastPollAt)}${poller.lastPollResult ? `: ${poller.lastPollResult}` : '.'}`;
    }

    get lastPollErrorSummary(): string {
        const poller = this.poller;
        return poller?.lastError ? `Last error (${formatDateTime(poller.lastErrorAt)}): ${poller.lastError}` : '';
    }

    get backoffSummary(): string {
        const poller = this.poller;
        return poller?.nextAttemptAt
            ? `${poller.consecutiveFailures} failed polls in a row: the next try is not before ${formatDateTime(poller.nextAttemptAt)}.`
            : '';
    }

    handleInterval(event: CustomEvent<{ value: string }>): void {
        this.interval = event.detail.value;
    }

    async start(): Promise<void> {
        await this.pollerAction(() => startPoller({ intervalMinutes: Number(this.interval) }));
    }

    async stop(): Promise<void> {
        await this.pollerAction(() => stopPoller());
    }

    private async pollerAction(action: () => Promise<PollerResult>): Promise<void> {
        this.pollerWorking = true;
        this.pollerError = undefined;
        this.pollerReport = '';
        try {
            const result = await action();
            this.pollerReport = result.report;
            this.applyPoller(result.poller);
            await this.refreshHealth();
        } catch (error) {
            this.pollerError = error;
        } finally {
            this.pollerWorking = false;
        }
    }

    private applyPoller(poller: PollerStatus): void {
        if (this.status) {
            this.status = { ...this.status, poller };
        }
        this.scheduleRefresh();
    }

    // ----- The backfill

    /** The user's day in their Salesforce time zone, as the Apex checks it (the browser's may be another). */
    get today(): string {
        return this.status?.today ?? '';
    }

    get hasBackfill(): boolean {
        return Boolean(this.poller?.backfillFrom);
    }

    get backfillRange(): string {
        const poller = this.poller;
        return poller ? `From ${formatDateTime(poller.backfillFrom)} to ${formatDateTime(poller.backfillTo)}` : '';
    }

    get backfillPercent(): number {
        return this.poller?.backfillPercent ?? 0;
    }

    get backfillSentence(): string {
        return this.poller ? backfillSentence(this.poller) : '';
    }

    get backfillFromClass(): string {
        return `slds-form-element${this.backfillFromError ? ' slds-has-error' : ''}`;
    }

    get backfillToClass(): string {
        return `slds-form-element${this.backfillToError ? ' slds-has-error' : ''}`;
    }

    get backfillFromInvalid(): string {
        return this.backfillFromError ? 'true' : 'false';
    }

    get backfillToInvalid(): string {
        return this.backfillToError ? 'true' : 'false';
    }

    handleBackfillFrom(event: Event): void {
        this.backfillFrom = (event.target as HTMLInputElement).value;
        this.backfillFromError = '';
    }

    handleBackfillTo(event: Event): void {
        this.backfillTo = (event.target as HTMLInputElement).value;
        this.backfillToError = '';
    }

    async backfill(): Promise<void> {
        const problems = backfillProblems(this.backfillFrom, this.backfillTo, this.today);
        this.backfillFromError = problems.from ?? '';
        this.backfillToError = problems.to ?? '';
        if (problems.from || problems.to) {
            this.template
                ?.querySelector<HTMLInputElement>(problems.from ? '.connect__backfill-from' : '.connect__backfill-to')
                ?.focus();
            return;
        }
        await this.pollerAction(() => startBackfill({ fromDate: this.backfillFrom, toDate: this.backfillTo }));
    }

    /** While a backfill runs, its progress is read again every refreshSeconds. */
    private scheduleRefresh(): void {
        clearTimeout(this.refreshTimer);
        if (!this.connected || !backfillRunning(this.poller) || this.poller?.enabled !== true) {
            return;
        }
        const seconds = Math.min(300, Math.max(5, this.refreshSeconds));
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.refreshTimer = setTimeout(() => {
            this.refreshPoller().catch((error: unknown) => {
                this.pollerError = error;
            });
        }, seconds * 1000);
    }

    async refreshPoller(): Promise<void> {
        try {
            this.applyPoller(await getPollerStatus());
        } catch (error) {
            this.pollerError = error;
        }
    }

    // ----- Connection health

    get dayOptions(): { label: string; value: string; selected: boolean }[] {
        return DAY_OPTIONS.map((days) => ({
            label: `Last ${days} days`,
            value: String(days),
            selected: days === this.healthDays
        }));
    }

    get healthDayLabels(): { key: string; label: string }[] {
        return (this.health?.days ?? []).map((day) => ({ key: day, label: formatDay(day) }));
    }

    get healthRows(): HealthRow[] {
        return this.health ? healthRows(this.health) : [];
    }

    get hasHealthRows(): boolean {
        return this.healthRows.length > 0;
    }

    get healthLastError(): string {
        const error = this.health?.lastError;
        if (!error) {
            return 'Nothing went wrong in this period.';
        }
        return `${error.name} (${error.status}${error.eventType ? `, ${error.eventType}` : ''}) on ${formatDateTime(error.createdDate)}: ${error.reason ?? 'no reason given'}`;
    }

    get healthPoll(): string {
        const health = this.health;
        if (!health) {
            return '';
        }
        if (!health.lastPollAt) {
            return health.pollerConfigured ? 'Polling is started; no poll yet.' : 'Polling is not started.';
        }
        return `Last poll on ${formatDateTime(health.lastPollAt)}${health.lastPollResult ? `: ${health.lastPollResult}` : '.'}`;
    }

    get healthPollError(): string {
        const health = this.health;
        return health?.lastPollError
            ? `Last poll error (${formatDateTime(health.lastPollErrorAt)}): ${health.lastPollError}`
            : '';
    }

    get healthStopReason(): string {
        return this.health?.pollerStopReason ?? '';
    }

    handleHealthDays(event: Event): void {
        this.healthDays = Number((event.target as HTMLSelectElement).value);
    }

    async refreshHealth(): Promise<void> {
        if (this.wiredHealthResult) {
            await refreshApex(this.wiredHealthResult);
        }
    }

    handleRefreshHealth(): void {
        this.refreshHealth().catch((error: unknown) => {
            this.healthError = error;
        });
    }
}
