import type { AllowListEntry, RedactionRule } from '@salesforce/apex/ConfigurationController.getConfiguration';
import { isNewRow, newKey as pageKey } from 'c/configModel';

/** Whether a row has never been deployed (no DeveloperName): it can be removed outright. */
export { isNewRow as isNew } from 'c/configModel';

export {
    fieldView,
    hasError,
    issuesFor,
    issuesWithoutRow,
    otherIssuesFor,
    sectionIssues,
    withLocalError
} from './issues';
export type { EditorIssue, FieldView, IssueView } from './issues';
export {
    CHECKED_BY_APEX,
    NESTED_REPEAT,
    PREVIEW_LIMIT,
    passesLuhn,
    previewPattern,
    previewRedaction
} from './redactionPreview';
export type { PatternPreview, RedactionPreview, PreviewNote } from './redactionPreview';

/** A row of any section: each has the key issues name it by, and a DeveloperName once deployed. */
export interface KeyedRow {
    key: string;
    developerName?: string | null;
}

/**
 * A key for a new row (`new-…`), different from every key of `rows` and from every key made on this page for a row
 * of any section: a deployment hands back the names it gives new rows by key alone.
 */
export function newKey(rows: readonly KeyedRow[]): string {
    const taken = new Set(rows.map((row) => row.key));
    let key: string;
    do {
        key = pageKey();
    } while (taken.has(key));
    return key;
}

/** A new array with the row of `key` replaced by a copy holding `changes`; every other row is the same object. */
export function updateRow<T extends KeyedRow>(rows: readonly T[], key: string, changes: Partial<T>): T[] {
    return rows.map((row) => (row.key === key ? { ...row, ...changes } : row));
}

/**
 * "Remove": a new row is removed from the array; a deployed row cannot be deleted (the Apex Metadata API does not
 * delete custom metadata records), so it is kept and made inactive.
 */
export function removeRow<T extends KeyedRow & { active: boolean }>(
    rows: readonly T[],
    key: string
): { rows: T[]; deactivated: boolean } {
    const row = rows.find((candidate) => candidate.key === key);
    if (!row) {
        return { rows: [...rows], deactivated: false };
    }
    if (isNewRow(row)) {
        return { rows: rows.filter((candidate) => candidate.key !== key), deactivated: false };
    }
    return { rows: updateRow<T>(rows, key, { active: false } as Partial<T>), deactivated: true };
}

type Ordered = KeyedRow & { order: number };

/** The rows by order (then in the order they came); the array given is not changed. */
export function byOrder<T extends Ordered>(rows: readonly T[]): T[] {
    return rows
        .map((row, index) => ({ row, index }))
        .sort((a, b) => a.row.order - b.row.order || a.index - b.index)
        .map((entry) => entry.row);
}

/** The order a row added last gets: ten after the highest. */
export function nextOrder(rows: readonly Ordered[]): number {
    const highest = rows.reduce((max, row) => Math.max(max, row.order), 0);
    return Math.floor(highest / 10) * 10 + 10;
}

/**
 * Moves a row one place up (-1) or down (1) among the rows by order. The two rows exchange their orders; when they
 * had the same order, every row is numbered again 10, 20, 30 … in the new sequence. The rows keep their places in
 * the array; a move past either end returns the rows unchanged.
 */
export function moveRow<T extends Ordered>(rows: readonly T[], key: string, direction: -1 | 1): T[] {
    const sorted = byOrder(rows);
    const from = sorted.findIndex((row) => row.key === key);
    const to = from + direction;
    const moving = sorted[from];
    const other = sorted[to];
    if (from < 0 || !moving || !other) {
        return [...rows];
    }
    if (moving.order !== other.order) {
        return rows.map((row) => {
            if (row.key === moving.key) {
                return { ...row, order: other.order };
            }
            return row.key === other.key ? { ...row, order: moving.order } : row;
        });
    }
    sorted[from] = other;
    sorted[to] = moving;
    const positions = new Map(sorted.map((row, index) => [row.key, (index + 1) * 10]));
    return rows.map((row) => {
        const order = positions.get(row.key) ?? row.order;
        return order === row.order ? row : { ...row, order };
    });
}

/** Rows in groups by a name, the `first` names first (each shown even when empty), then the others by name. */
export function groupRows<T>(
    rows: readonly T[],
    nameOf: (row: T) => string,
    first: readonly string[] = []
): { name: string; rows: T[] }[] {
    const groups = new Map<string, T[]>(first.map((name) => [name, []]));
    const others: string[] = [];
    for (const row of rows) {
        const name = nameOf(row);
        if (!groups.has(name)) {
            groups.set(name, []);
            others.push(name);
        }
        groups.get(name)?.push(row);
    }
    const names = [...first, ...others.sort((a, b) => a.localeCompare(b))];
    return names.map((name) => ({ name, rows: groups.get(name) ?? [] }));
}

/** A new redaction rule, active, after the others, masking with "[removed]" until the admin says otherwise. */
export function newRedactionRule(rows: readonly RedactionRule[]): RedactionRule {
    return {
        key: newKey(rows),
        developerName: null,
        label: '',
        pattern: '',
        replacement: '[removed]',
        luhnCheck: false,
        order: nextOrder(rows),
        active: true
    };
}

/** A new allow-list entry of an object: the chatbot may read the field once it is named. */
export function newAllowListEntry(rows: readonly AllowListEntry[], targetObject: string): AllowListEntry {
    return {
        key: newKey(rows),
        developerName: null,
        label: allowListLabel(targetObject, ''),
        targetObject,
        salesforceField: '',
        canRead: true,
        canWrite: false,
        active: true
    };
}

/** The label of an allow-list entry the page made, as the shipped ones read ("Contact Account.Name"), 40 at most. */
export function allowListLabel(targetObject: string, salesforceField: string): string {
    return `${targetObject} ${salesforceField}`.trim().slice(0, 40);
}

/** An object or field API name as Salesforce writes it (letters, digits, underscores; starts with a letter). */
export function isApiName(text: string): boolean {
    return /^[A-Za-z][A-Za-z0-9_]*$/.test(text);
}
