import type {
    CatalogueField,
    ConfigDraft,
    IdentificationRule,
    MappedObject,
    RuleObject
} from '@salesforce/apex/ConfigurationController.getConfiguration';
import type { DraftIssue, DraftSection } from '@salesforce/apex/ConfigurationController.check';

/**
 * An issue as the Configure section hands it to the editors (`@api issues`): a DraftIssue of the last check or
 * deploy with whether it refused the draft (error) or is only worth knowing (warning).
 */
export interface ShownIssue extends DraftIssue {
    severity: 'error' | 'warning';
}

/** An issue an editor receives: without a severity it is an error (another editor may pass one so). */
export type IncomingIssue = DraftIssue & { severity?: ShownIssue['severity'] };

/** A row of any section: every row has a key, stored rows a developerName. */
export interface DraftRow {
    key: string;
    developerName?: string | null;
    active?: boolean;
}

export const RULE_OBJECTS: { apiName: RuleObject; label: string }[] = [
    { apiName: 'Contact', label: 'Contact' },
    { apiName: 'Lead', label: 'Lead' },
    { apiName: 'Account', label: 'Account' }
];

export const MAPPED_OBJECTS: { apiName: MappedObject; label: string }[] = [
    ...RULE_OBJECTS,
    { apiName: 'Case', label: 'Case' },
    { apiName: 'Task', label: 'Task' },
    { apiName: 'Comm100_Chat__c', label: 'Comm100 Chat' }
];

export const SECTIONS: { name: DraftSection; label: string }[] = [
    { name: 'identificationRules', label: 'Identification rules' },
    { name: 'fieldMappings', label: 'Field mappings' },
    { name: 'policies', label: 'Sync policy' },
    { name: 'redactionRules', label: 'Redaction' },
    { name: 'allowList', label: 'Chatbot allow-list' }
];

export const MAX_CONDITIONS = 3;
export const CUSTOM_VARIABLE_PREFIX = 'customVariable.';
export const PRE_CHAT_PREFIX = 'preChat.';

let lastKey = 0;

/** The key of a row the admin adds: `new-` and a number unique on this page. */
export function newKey(): string {
    lastKey += 1;
    return `new-${Date.now().toString(36)}-${lastKey}`;
}

/** A row never deployed: it can be removed outright (the Metadata API cannot delete a stored record). */
export function isNewRow(row: DraftRow): boolean {
    return !row.developerName;
}

/** A row's values as text, the same whatever the order of its keys (a field left undefined counts as absent). */
export function canonical(value: unknown): string {
    return JSON.stringify(value, (_key, inner: unknown) => {
        if (!inner || typeof inner !== 'object' || Array.isArray(inner)) {
            return inner;
        }
        return Object.fromEntries(
            Object.entries(inner as Record<string, unknown>)
                .filter(([, v]) => v !== undefined)
                .sort(([a], [b]) => a.localeCompare(b))
        );
    });
}

/** The keys of the rows of one section that differ from the deployed configuration (new rows included). */
export function changedKeys(deployed: DraftRow[], draft: DraftRow[]): Set<string> {
    const stored = new Map(deployed.map((row) => [row.key, canonical(row)]));
    return new Set(draft.filter((row) => stored.get(row.key) !== canonical(row)).map((row) => row.key));
}

/** How many rows of the whole draft differ from the deployed configuration. */
export function countChanges(deployed: ConfigDraft, draft: ConfigDraft): number {
    return SECTIONS.reduce((sum, { name }) => sum + changedKeys(rowsOf(deployed, name), rowsOf(draft, name)).size, 0);
}

/** One section's rows; a section the Apex left out (a missing key) is read as no rows. */
export function rowsOf(draft: Partial<ConfigDraft>, section: DraftSection): DraftRow[] {
    const rows: DraftRow[] | undefined = draft[section];
    return rows ?? [];
}

/** The draft with one section's rows replaced; the other sections are the same arrays. */
export function withRows(draft: ConfigDraft, section: DraftSection, rows: unknown[]): ConfigDraft {
    return { ...draft, [section]: rows };
}

/** A copy of the draft: the editors never share arrays with the deployed configuration. */
export function copyDraft(draft: ConfigDraft): ConfigDraft {
    return JSON.parse(JSON.stringify(draft)) as ConfigDraft;
}

/** The rows with the one of `key` changed by `patch`. */
export function updateRow<T extends DraftRow>(rows: T[], key: string, patch: Partial<T>): T[] {
    return rows.map((row) => (row.key === key ? { ...row, ...patch } : row));
}

/** "Remove": a new row goes; a stored row is deactivated (it stays, inactive, after the deploy). */
export function removeRow<T extends DraftRow>(rows: T[], key: string): T[] {
    const row = rows.find((candidate) => candidate.key === key);
    if (!row) {
        return rows;
    }
    return isNewRow(row)
        ? rows.filter((candidate) => candidate !== row)
        : updateRow(rows, key, { active: false } as Partial<T>);
}

/** The rows of each object, in the objects' order; rows of another object are left out. */
export function groupByObject<T extends { targetObject: string }>(
    rows: T[],
    objects: { apiName: string; label: string }[]
): { apiName: string; label: string; rows: T[] }[] {
    return objects.map((object) => ({ ...object, rows: rows.filter((row) => row.targetObject === object.apiName) }));
}

/** The rules of one object in the order they run. */
export function rulesInOrder(rules: IdentificationRule[], targetObject: string): IdentificationRule[] {
    return rules
        .filter((rule) => rule.targetObject === targetObject)
        .sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
}

/**
 * Moves a rule one place up (-1) or down (+1) among its object's rules by exchanging its order with its neighbour's;
 * when both have the same order, the object's rules are numbered again 1, 2, 3 … in their new places.
 */
export function moveRule(rules: IdentificationRule[], key: string, direction: -1 | 1): IdentificationRule[] {
    const rule = rules.find((candidate) => candidate.key === key);
    if (!rule) {
        return rules;
    }
    const ordered = rulesInOrder(rules, rule.targetObject);
    const from = ordered.indexOf(rule);
    const neighbour = ordered[from + direction];
    if (!neighbour) {
        return rules;
    }
    const orders = new Map<string, number>();
    if (neighbour.order !== rule.order) {
        orders.set(rule.key, neighbour.order).set(neighbour.key, rule.order);
    } else {
        ordered.splice(from, 1);
        ordered.splice(from + direction, 0, rule);
        ordered.forEach((each, index) => {
            if (each.order !== index + 1) {
                orders.set(each.key, index + 1);
            }
        });
    }
    return rules.map((each) => {
        const order = orders.get(each.key);
        return order === undefined ? each : { ...each, order };
    });
}

/** The order of a rule added to an object: after its last rule. */
export function nextOrder(rules: IdentificationRule[], targetObject: string): number {
    return rulesInOrder(rules, targetObject).reduce((max, rule) => Math.max(max, rule.order), 0) + 1;
}

/** The errors and warnings of a check or deploy as the editors receive them: errors first. */
export function tagIssues(errors: DraftIssue[] = [], warnings: DraftIssue[] = []): ShownIssue[] {
    return [
        ...errors.map((issue) => ({ ...issue, severity: 'error' as const })),
        ...warnings.map((issue) => ({ ...issue, severity: 'warning' as const }))
    ];
}

/** The issue shown next to one input of one row: an error before a warning. */
export function issueAt(
    issues: readonly IncomingIssue[] | undefined,
    section: DraftSection,
    key: string,
    field: string
): ShownIssue | undefined {
    const matching = (issues ?? []).filter((i) => i.section === section && i.key === key && i.field === field);
    const shown = matching.map((issue) => ({ ...issue, severity: issue.severity ?? 'error' }));
    return shown.find((issue) => issue.severity === 'error') ?? shown[0];
}

/** How many errors a section has. */
export function errorCount(issues: readonly ShownIssue[], section: DraftSection): number {
    return issues.filter((issue) => issue.section === section && issue.severity === 'error').length;
}

function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "2 errors, 1 warning" — what a check found. */
export function issueSummary(errors: number, warnings: number): string {
    return errors === 0 && warnings === 0
        ? 'No problems found.'
        : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** "3 unsaved changes" */
export function changesLabel(count: number): string {
    return count === 0 ? 'No unsaved changes' : plural(count, 'unsaved change');
}

/** The catalogue grouped by category, in the catalogue's order. */
export function catalogueGroups(
    catalogue: readonly CatalogueField[]
): { category: string; fields: CatalogueField[] }[] {
    const groups = new Map<string, CatalogueField[]>();
    for (const field of catalogue) {
        groups.set(field.category, [...(groups.get(field.category) ?? []), field]);
    }
    return [...groups].map(([category, fields]) => ({ category, fields }));
}
