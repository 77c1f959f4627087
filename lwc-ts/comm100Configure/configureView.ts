import type { ConfigDraft, Deployment } from '@salesforce/apex/ConfigurationController.getConfiguration';
import { SECTIONS, errorCount, rowsOf } from 'c/configModel';
import type { ShownIssue } from 'c/configModel';

export interface TabView {
    name: string;
    label: string;
    hasErrors: boolean;
}

/** The editors' tabs, each label with the number of errors the last check found in its section. */
export function tabs(issues: readonly ShownIssue[]): TabView[] {
    return SECTIONS.map(({ name, label }) => {
        const errors = errorCount(issues, name);
        return {
            name,
            label: errors === 0 ? label : `${label} (${errors} ${errors === 1 ? 'error' : 'errors'})`,
            hasErrors: errors > 0
        };
    });
}

/** Issues that name a row the draft no longer holds: shown at the top, so none is lost. */
export function orphanIssues(issues: readonly ShownIssue[], draft: ConfigDraft): { id: string; text: string }[] {
    return issues
        .filter((issue) => !rowsOf(draft, issue.section).some((row) => row.key === issue.key))
        .map((issue, index) => ({
            id: `orphan-${index}`,
            text: `${issue.severity === 'warning' ? 'Warning' : 'Error'} (${issue.section}, ${issue.key}): ${issue.message}`
        }));
}

function when(iso: string | null | undefined): string {
    return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

/** One sentence on where a deployment stands. */
export function deploymentHeadline(deployment: Deployment): string {
    const by = deployment.startedBy ? ` by ${deployment.startedBy}` : '';
    const started = deployment.startedAt ? ` on ${when(deployment.startedAt)}` : '';
    switch (deployment.status) {
        case 'Queued':
            return `Deploying: started${by}${started}. Salesforce reports the result when the deployment is done.`;
        case 'Succeeded':
            return `Deployed${deployment.completedAt ? ` on ${when(deployment.completedAt)}` : ''}: the sync uses this configuration now.`;
        case 'SucceededPartial':
            return 'Deployed in part: some records were not saved.';
        case 'Canceled':
            return 'The deployment was canceled: the configuration did not change.';
        default:
            return 'The deployment failed: the configuration did not change. Your draft is kept.';
    }
}

export interface DeploymentView {
    headline: string;
    errors: { id: string; text: string }[];
    hasErrors: boolean;
    className: string;
}

/** What the deployment area shows: the headline, each component's error, a failure's look. */
export function deploymentView(deployment: Deployment): DeploymentView {
    const failed = deployment.status === 'Failed' || deployment.status === 'Canceled';
    const errors = deployment.errors.map((text, index) => ({ id: `deployment-error-${index}`, text }));
    return {
        headline: deploymentHeadline(deployment),
        errors,
        hasErrors: errors.length > 0,
        className: `configure__deployment${failed ? ' configure__deployment_failed' : ''}`
    };
}

export const TIMED_OUT =
    'No result after 10 minutes. The deployment may still finish: see Setup > Deployment Status, then open this page again.';

export const NOTHING_TO_DEPLOY = 'Nothing to deploy: the draft is the same as the deployed configuration.';
