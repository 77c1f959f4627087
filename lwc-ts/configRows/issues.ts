import type { DraftIssue, DraftSection } from '@salesforce/apex/ConfigurationController.check';

/** A row as the issues name it: by its key. */
interface Keyed {
    key: string;
}

/**
 * An issue of the last check or deploy as the editors receive it: a DraftIssue, marked `severity: 'warning'` when it
 * came from the warnings (allowed, but worth knowing). Without a severity it is an error (refused).
 */
export type EditorIssue = DraftIssue & { severity?: 'error' | 'warning' };

/** One issue as an editor shows it next to an input. */
export interface IssueView {
    id: string;
    message: string;
    warning: boolean;
    /** "Error" or "Warning", read before the message by a screen reader. */
    kind: string;
    className: string;
}

/** What an editor needs to show one input of one row with its issues. */
export interface FieldView {
    issues: IssueView[];
    hasIssues: boolean;
    /** aria-invalid: only an error makes an input invalid, a warning does not. */
    invalid: 'true' | 'false';
    /** The form element's class: slds-has-error for an error, config-has-warning for warnings only. */
    className: string;
    /** The id of the element that holds the messages (aria-describedby). */
    helpId: string;
}

function view(issue: EditorIssue, index: number): IssueView {
    const warning = issue.severity === 'warning';
    return {
        id: `${issue.key}-${issue.field}-${String(index)}`,
        message: issue.message,
        warning,
        kind: warning ? 'Warning' : 'Error',
        className: warning ? 'config-issue config-issue_warning' : 'config-issue config-issue_error'
    };
}

/** The issues of one section, errors first (a list may hold both), in the order they came. */
export function sectionIssues(issues: unknown, section: DraftSection): EditorIssue[] {
    const list = Array.isArray(issues) ? (issues as EditorIssue[]) : [];
    const mine = list.filter((issue) => issue.section === section);
    return [...mine.filter((i) => i.severity !== 'warning'), ...mine.filter((i) => i.severity === 'warning')];
}

/** The issues of one input (`field`) of one row (`key`). */
export function issuesFor(issues: EditorIssue[], key: string, field: string): IssueView[] {
    return issues.filter((issue) => issue.key === key && issue.field === field).map(view);
}

/**
 * The issues of a row that name none of the inputs the editor shows (`shown`), so none is lost: the editor shows
 * them on the row itself.
 */
export function otherIssuesFor(issues: EditorIssue[], key: string, shown: readonly string[]): IssueView[] {
    return issues.filter((issue) => issue.key === key && !shown.includes(issue.field)).map(view);
}

/** The issues that name no row of the editor (a key the draft no longer holds): shown above the rows. */
export function issuesWithoutRow(issues: EditorIssue[], rows: readonly Keyed[]): IssueView[] {
    const keys = new Set(rows.map((row) => row.key));
    return issues.filter((issue) => !keys.has(issue.key)).map(view);
}

/** Whether any of the issues is an error (a warning does not make an input invalid). */
export function hasError(views: IssueView[]): boolean {
    return views.some((issue) => !issue.warning);
}

/** One input (`field`) of one row (`key`) with its issues, for a form element of class `base`. */
export function fieldView(issues: EditorIssue[], key: string, field: string, base = 'slds-form-element'): FieldView {
    const found = issuesFor(issues, key, field);
    const error = hasError(found);
    let className = base;
    if (error) {
        className += ' slds-has-error';
    } else if (found.length > 0) {
        className += ' config-has-warning';
    }
    return {
        issues: found,
        hasIssues: found.length > 0,
        invalid: error ? 'true' : 'false',
        className,
        helpId: `${key}-${field}-help`
    };
}

/**
 * The input with a message the editor found itself before any check (a value it cannot put in the draft), shown as
 * an error before the input's other issues.
 */
export function withLocalError(input: FieldView, message: string): FieldView {
    const local: IssueView = {
        id: `${input.helpId}-local`,
        message,
        warning: false,
        kind: 'Error',
        className: 'config-issue config-issue_error'
    };
    return {
        ...input,
        // The check may answer the same sentence: it is said once.
        issues: [local, ...input.issues.filter((issue) => issue.message !== message)],
        hasIssues: true,
        invalid: 'true',
        className: input.className.replace(' config-has-warning', '').replace(' slds-has-error', '') + ' slds-has-error'
    };
}
