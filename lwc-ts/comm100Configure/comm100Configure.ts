import { LightningElement, api } from 'lwc';
import getConfiguration from '@salesforce/apex/ConfigurationController.getConfiguration';
import type {
    CatalogueField,
    ConfigDraft,
    Configuration,
    Deployment,
    ObjectCount
} from '@salesforce/apex/ConfigurationController.getConfiguration';
import check from '@salesforce/apex/ConfigurationController.check';
import type { DraftIssue, DraftSection } from '@salesforce/apex/ConfigurationController.check';
import deploy from '@salesforce/apex/ConfigurationController.deploy';
import getDeployment from '@salesforce/apex/ConfigurationController.getDeployment';
import { changesLabel, copyDraft, countChanges, issueSummary, tagIssues, withRows } from 'c/configModel';
import type { ShownIssue } from 'c/configModel';
import { rebaseDraft, withNames } from 'c/configMerge';
import { DeploymentWatch, POLL_MS } from './deploymentWatch';
import { NOTHING_TO_DEPLOY, TIMED_OUT, deploymentView, orphanIssues, tabs } from './configureView';
import type { DeploymentView, TabView } from './configureView';

const EMPTY: ConfigDraft = {
    identificationRules: [],
    fieldMappings: [],
    policies: [],
    redactionRules: [],
    allowList: []
};

/**
 * The Configure section of the Comm100 Setup page. It loads the deployed configuration, holds the admin's draft
 * (nothing typed is lost: not after a refused check, nor after a failed deployment), shows one editor per section
 * in tabs, checks the draft, deploys it as custom metadata and follows the deployment to its result, reading it again
 * every 3 seconds for at most 10 minutes. "Rehearse these changes" hands the draft to the page (a `rehearse` event).
 */
export default class Comm100Configure extends LightningElement {
    /** How often a running deployment is read again, in milliseconds. */
    @api pollMs = POLL_MS;

    configuration: Configuration | undefined;
    loadError: unknown;
    loading = false;
    private deployed: ConfigDraft = EMPTY;
    draft: ConfigDraft = EMPTY;

    issues: ShownIssue[] = [];
    summary = '';
    draftError = '';
    notice = '';
    actionError: unknown;
    busy = '';
    confirmingDiscard = false;

    deployment: Deployment | undefined;
    watchMessage = '';
    watchError: unknown;
    /** The draft the running deployment the page started sent, as JSON ('' when none runs). */
    private deployedJson = '';
    /** The draft the last deployment read as successful sent, until the configuration is read again. */
    private succeeded: ConfigDraft | undefined;
    /**
     * The DeveloperNames the deployments started on this page give the draft's new rows, by key, until one is read as
     * ended: a deployment started before then sends them, so a row the first one created is not created twice.
     */
    private deployingNames: Record<string, string> = {};
    /** Whether `deployed` may be out of date: a deployment started on this page ended, or may have, since it was read. */
    private deployedMayBeStale = false;
    /** The DeveloperNames the deployments that succeeded gave the draft's new rows, until the page reads it again. */
    private deployedNames: Record<string, string> = {};
    /** How many times the configuration was read: only the latest read counts. */
    private reads = 0;
    private watch: DeploymentWatch | undefined;
    private focusConfirm = false;

    override connectedCallback(): void {
        this.watch = new DeploymentWatch(
            (jobId) => getDeployment({ jobId }),
            {
                update: (deployment) => {
                    this.deploymentRead(deployment);
                },
                failed: (error) => {
                    this.watchError = error;
                },
                timedOut: () => {
                    this.watchMessage = TIMED_OUT;
                }
            },
            this.pollMs
        );
        this.load().catch((error: unknown) => {
            this.loadError = error;
        });
    }

    override disconnectedCallback(): void {
        this.watch?.stop();
    }

    override renderedCallback(): void {
        if (this.focusConfirm) {
            this.focusConfirm = false;
            this.template?.querySelector<HTMLElement>('[data-id="confirm-discard"]')?.focus();
        }
    }

    async load(): Promise<void> {
        const read = ++this.reads;
        this.loading = true;
        try {
            const configuration = await getConfiguration();
            if (read !== this.reads) {
                // A later read started (a deployment ended since): this one may not show what it deployed.
                return;
            }
            const stored = configuration.draft;
            // A deployment still running may have created the rows it names already.
            const names = { ...this.deployedNames, ...this.deployingNames };
            // Unsaved edits are kept (made while a deployment ran, or not saved by it); the rest is what is deployed.
            this.draft = rebaseDraft(this.draft, stored, this.deployed, this.succeeded, names);
            if (this.deployedJson !== '') {
                // What a deployment still running sent is set against this read too: its end compares with it.
                const sending = JSON.parse(this.deployedJson) as ConfigDraft;
                this.deployedJson = JSON.stringify(rebaseDraft(sending, stored, this.deployed, this.succeeded, names));
            }
            this.configuration = configuration;
            this.deployed = stored;
            this.succeeded = undefined;
            this.deployedNames = {};
            this.loadError = undefined;
            const last = configuration.lastDeployment ?? undefined;
            if (last && !this.deployment) {
                this.deployment = last;
                if (!last.done) {
                    this.watch?.start(last.jobId);
                }
            }
            // What is deployed is known once no deployment runs (a deployment's end reads the configuration again).
            this.deployedMayBeStale = this.deployment !== undefined && !this.deployment.done;
        } catch (error) {
            if (read === this.reads) {
                this.loadError = error;
            }
        } finally {
            if (read === this.reads) {
                this.loading = false;
            }
        }
    }

    retry(): void {
        this.load().catch((error: unknown) => {
            this.loadError = error;
        });
    }

    get loaded(): boolean {
        return this.configuration !== undefined;
    }

    get firstLoadFailed(): boolean {
        return !this.loaded && !this.loading && this.loadError !== undefined;
    }

    get catalogue(): CatalogueField[] {
        return this.configuration?.catalogue ?? [];
    }

    get objects(): ObjectCount[] {
        return this.configuration?.objects ?? [];
    }

    get changeCount(): number {
        return countChanges(this.deployed, this.draft);
    }

    get changesText(): string {
        return changesLabel(this.changeCount);
    }

    get tabs(): Record<string, TabView> {
        return Object.fromEntries(tabs(this.issues).map((tab) => [tab.name, tab]));
    }

    get orphans(): { id: string; text: string }[] {
        return orphanIssues(this.issues, this.draft);
    }

    get deploying(): boolean {
        return this.deployment !== undefined && !this.deployment.done && this.watch?.running === true;
    }

    get actionsDisabled(): boolean {
        return this.busy !== '' || this.deploying || this.loading || !this.loaded;
    }

    get discardDisabled(): boolean {
        // Discarding goes back to the deployed configuration, which must be read again after a deployment first.
        return this.actionsDisabled || this.changeCount === 0 || this.deployedMayBeStale;
    }

    get deploymentView(): DeploymentView | undefined {
        return this.deployment ? deploymentView(this.deployment) : undefined;
    }

    handleDraftChange(event: CustomEvent<{ section: DraftSection; rows: unknown[] }>): void {
        event.stopPropagation();
        this.draft = withRows(this.draft, event.detail.section, event.detail.rows);
        this.notice = '';
    }

    async checkDraft(): Promise<void> {
        await this.run('check', async (draftJson) => {
            const result = await check({ draftJson });
            this.showIssues(result.errors, result.warnings, result.draftError);
        });
    }

    async deployDraft(): Promise<void> {
        // A deployment still running (its progress unread) may create the new rows it named: name them so.
        this.draft = withNames(this.draft, this.deployingNames);
        await this.run('deploy', async (draftJson) => {
            const result = await deploy({ draftJson });
            this.showIssues(result.errors, result.warnings, result.draftError);
            if (result.errors.length > 0 || result.draftError) {
                this.summary = `Not deployed: ${this.summary}. Your draft is kept.`;
            } else if (result.deployment) {
                this.deployedJson = draftJson;
                this.deployingNames = { ...this.deployingNames, ...result.newNames };
                this.deployedMayBeStale = true;
                this.watchMessage = '';
                this.watchError = undefined;
                this.deployment = result.deployment;
                this.followDeployment(result.deployment);
            } else if (result.changedRecords === 0) {
                this.notice = NOTHING_TO_DEPLOY;
            }
        });
    }

    private async run(kind: string, action: (draftJson: string) => Promise<void>): Promise<void> {
        this.busy = kind;
        this.actionError = undefined;
        this.notice = '';
        try {
            await action(JSON.stringify(this.draft));
        } catch (error) {
            this.actionError = error;
        } finally {
            this.busy = '';
        }
    }

    private showIssues(
        errors: DraftIssue[] | undefined,
        warnings: DraftIssue[] | undefined,
        draftError?: string | null
    ): void {
        this.issues = tagIssues(errors ?? [], warnings ?? []);
        this.draftError = draftError ?? '';
        this.summary = issueSummary(errors?.length ?? 0, warnings?.length ?? 0);
    }

    private followDeployment(deployment: Deployment): void {
        if (deployment.done) {
            this.deploymentRead(deployment);
        } else {
            this.watch?.start(deployment.jobId);
        }
    }

    private deploymentRead(deployment: Deployment): void {
        this.deployment = deployment;
        this.watchError = undefined;
        if (!deployment.done) {
            return;
        }
        const names = this.deployingNames;
        this.deployingNames = {};
        // Until the configuration is read again: a row named for a record that was not created becomes new again.
        this.deployedNames = { ...this.deployedNames, ...names };
        const sent = this.deployedJson;
        this.deployedJson = '';
        if (deployment.status === 'Failed' || deployment.status === 'Canceled') {
            // Nothing was deployed (a failed deployment is rolled back): the draft holds unsaved edits again, kept
            // when the configuration is read again (an earlier deployment may have changed it since it was read).
            this.retry();
        } else if (deployment.status === 'Succeeded' || deployment.status === 'SucceededPartial') {
            this.issues = [];
            this.summary = '';
            // The new rows have records now, named so, even if reading the configuration again fails.
            this.draft = withNames(this.draft, names);
            if (sent !== '') {
                this.succeeded = withNames(JSON.parse(sent) as ConfigDraft, names);
            }
            this.retry();
        }
    }

    readAgain(): void {
        if (this.deployment) {
            this.watchError = undefined;
            this.watchMessage = '';
            this.watch?.start(this.deployment.jobId);
        }
    }

    askDiscard(): void {
        this.confirmingDiscard = true;
        this.focusConfirm = true;
    }

    keepEditing(): void {
        this.confirmingDiscard = false;
    }

    discard(): void {
        this.draft = copyDraft(this.deployed);
        this.issues = [];
        this.summary = '';
        this.draftError = '';
        this.confirmingDiscard = false;
        this.notice = 'Your changes were discarded: the draft is the deployed configuration.';
    }

    rehearse(): void {
        const draftJson = JSON.stringify(this.draft);
        this.dispatchEvent(new CustomEvent('rehearse', { detail: { draftJson }, bubbles: true, composed: true }));
    }
}
