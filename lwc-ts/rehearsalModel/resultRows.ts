import type {
    ChatValue,
    Identity,
    MappingTrace,
    PlannedRecord,
    RecordRef,
    Rehearsal,
    RuleTrace
} from '@salesforce/apex/RehearsalController.rehearse';
import { BANNER, LEFT_OUT, mappingBadge, plural, ruleBadge, shown } from './wording';
import type { Badge } from './wording';

// The parts of a rehearsal's result turned into rows a template lists: every value is text, keys are stable.

/** A record named to the admin: its name, or its id when the admin cannot read it. */
export interface RecordLink {
    key: string;
    id: string;
    text: string;
    objectApiName: string;
    linked: boolean;
}

export function recordLink(ref: RecordRef, key: string): RecordLink {
    const id = ref.id;
    return {
        key,
        id,
        text: ref.name ?? (id || ref.objectApiName),
        objectApiName: ref.objectApiName,
        linked: id !== ''
    };
}

export interface ValueRow {
    key: string;
    label: string;
    apiName: string;
    value: string;
}

export function valueRows(values: ChatValue[] | null | undefined, prefix: string): ValueRow[] {
    return (values ?? []).map((value, i) => ({
        key: `${prefix}-${String(i)}`,
        label: value.label || value.apiName,
        apiName: value.apiName,
        value: shown(value.value)
    }));
}

export interface RuleRow {
    key: string;
    position: number;
    targetObject: string;
    label: string;
    /** Each condition: the Salesforce field, the Comm100 field it is compared with, and the value compared. */
    conditions: { key: string; fields: string; value: string }[];
    badge: Badge;
    reason: string;
    countText: string;
    matches: RecordLink[];
    hasMatches: boolean;
}

function countText(rule: RuleTrace): string {
    const shownCount = rule.matches.length;
    if (rule.matchCount > shownCount && shownCount > 0) {
        return `${plural(rule.matchCount, 'record')} found; the first ${String(shownCount)} shown.`;
    }
    return rule.matchCount > 0 ? `${plural(rule.matchCount, 'record')} found.` : '';
}

/** The rules in the order they ran, each with what it compared and what it found. */
export function ruleRows(rules: RuleTrace[] | null | undefined): RuleRow[] {
    return (rules ?? []).map((rule, i) => {
        const key = `rule-${String(i)}`;
        const matches = rule.matches.map((ref, j) => recordLink(ref, `${key}-match-${String(j)}`));
        return {
            key,
            position: i + 1,
            targetObject: rule.targetObject,
            label: rule.label,
            conditions: rule.conditions.map((condition, j) => ({
                key: `${key}-condition-${String(j)}`,
                fields: `${condition.salesforceField} = ${condition.comm100Field}`,
                value: shown(condition.value)
            })),
            badge: ruleBadge(rule.outcome),
            reason: rule.reason ?? '',
            countText: countText(rule),
            matches,
            hasMatches: matches.length > 0
        };
    });
}

export interface IdentityLine {
    key: string;
    label: string;
    link: RecordLink;
}

/** The records the identity names: the one matched, then the contact, lead and account it links. */
export function identityLines(identity: Identity | null | undefined): IdentityLine[] {
    if (!identity) {
        return [];
    }
    const named: [string, RecordRef | null | undefined][] = [
        ['Matched record', identity.record],
        ['Contact', identity.contact],
        ['Lead', identity.lead],
        ['Account', identity.account]
    ];
    return named.flatMap(([label, ref]) => {
        const key = `identity-${label}`;
        return ref ? [{ key, label, link: recordLink(ref, key) }] : [];
    });
}

export function identityText(identity: Identity | null | undefined): string {
    if (!identity) {
        return '';
    }
    return identity.matchedObject ? `${identity.status} (${identity.matchedObject})` : identity.status;
}

export interface MappingRow {
    key: string;
    comm100Field: string;
    rawValue: string;
    salesforceField: string;
    value: string;
    badge: Badge;
    reason: string;
    rowClass: string;
}

export interface MappingTable {
    key: string;
    objectApiName: string;
    caption: string;
    rows: MappingRow[];
}

function tableCaption(objectApiName: string, rows: MappingTrace[]): string {
    const counts = (['Truncated', 'Skipped'] as const)
        .map((outcome) => [outcome, rows.filter((row) => row.outcome === outcome).length] as const)
        .filter(([, n]) => n > 0)
        .map(([outcome, n]) => `${String(n)} ${outcome.toLowerCase()}`);
    return `${objectApiName}: ${[plural(rows.length, 'value'), ...counts].join(', ')}`;
}

/** The mapped values, one table per target object in the order the objects first appear. */
export function mappingTables(mappings: MappingTrace[] | null | undefined): MappingTable[] {
    const byObject = new Map<string, MappingTrace[]>();
    for (const mapping of mappings ?? []) {
        const list = byObject.get(mapping.targetObject) ?? [];
        list.push(mapping);
        byObject.set(mapping.targetObject, list);
    }
    return [...byObject.entries()].map(([objectApiName, rows], t) => ({
        key: `mapping-${String(t)}`,
        objectApiName,
        caption: tableCaption(objectApiName, rows),
        rows: rows.map((row, i) => ({
            key: `mapping-${String(t)}-${String(i)}`,
            comm100Field: row.comm100Field,
            rawValue: shown(row.rawValue),
            salesforceField: row.salesforceField,
            value: row.outcome === 'Skipped' ? LEFT_OUT : shown(row.value),
            badge: mappingBadge(row.outcome),
            reason: row.reason ?? '',
            rowClass: `rehearsal-mapping rehearsal-mapping_${row.outcome.toLowerCase()}`
        }))
    }));
}

export interface PlannedRow {
    key: string;
    title: string;
    operation: PlannedRecord['operation'];
    objectApiName: string;
    link: RecordLink | null;
    values: ValueRow[];
    hasValues: boolean;
}

/** The Comm100 Chat (its API name with or without the package's namespace): the record every sync updates. */
export function isChatRecord(record: PlannedRecord): boolean {
    return /(^|__)Comm100_Chat__c$/.test(record.objectApiName);
}

/** What a chat planned as Attach is attached to, read from the link the sync writes on it. */
function attachedTo(record: PlannedRecord): string {
    const links = record.values.map((value) => value.apiName);
    if (links.some((apiName) => apiName.endsWith('Case__c'))) {
        return 'the new Case';
    }
    return links.some((apiName) => apiName.endsWith('Task_Id__c')) ? 'the new Task' : 'a new record';
}

/** What stands for a chat the sync updates that is not stored yet: text, since there is no record to open. */
export const CHAT_NOT_STORED = '(not stored yet: ingest stores it before the sync runs)';

export function plannedTitle(record: PlannedRecord): string {
    if (isChatRecord(record)) {
        return record.operation === 'Attach' ? `Attach the chat to ${attachedTo(record)}` : 'Update the chat';
    }
    return `${record.operation} ${record.objectApiName}`;
}

/** The record a planned row names: a link to a stored one, plain text for a chat not stored yet, else none. */
function plannedLink(record: PlannedRecord, names: Record<string, string>, key: string): RecordLink | null {
    if (record.recordId) {
        return recordLink(
            { id: record.recordId, objectApiName: record.objectApiName, name: names[record.recordId] ?? null },
            key
        );
    }
    return isChatRecord(record)
        ? { key, id: '', text: CHAT_NOT_STORED, objectApiName: record.objectApiName, linked: false }
        : null;
}

/**
 * The names of the records a rehearsal found (rule matches, the identity) and of the stored chat it updates, by id,
 * for the records it plans.
 */
export function recordNames(result: Rehearsal | null | undefined): Record<string, string> {
    if (!result) {
        return {};
    }
    const identity = result.identity;
    const refs = [
        ...result.rules.flatMap((rule) => rule.matches),
        ...[identity?.record, identity?.contact, identity?.lead, identity?.account].filter((ref): ref is RecordRef =>
            Boolean(ref)
        )
    ];
    const names: Record<string, string> = {};
    for (const ref of refs) {
        if (ref.name) {
            names[ref.id] = ref.name;
        }
    }
    // A stored chat the sync updates is named by its Comm100 id, as the chat part shows it.
    const comm100Id = result.chat?.comm100Id;
    for (const record of result.records) {
        if (comm100Id && record.recordId && isChatRecord(record)) {
            names[record.recordId] = `Comm100 chat ${comm100Id}`;
        }
    }
    return names;
}

/** What the sync would create, update or attach, in its order; an existing record by its name when it is known. */
export function plannedRows(
    records: PlannedRecord[] | null | undefined,
    names: Record<string, string> = {}
): PlannedRow[] {
    return (records ?? []).map((record, i) => {
        const key = `record-${String(i)}`;
        const values = valueRows(record.values, key);
        return {
            key,
            title: plannedTitle(record),
            operation: record.operation,
            objectApiName: record.objectApiName,
            link: plannedLink(record, names, `${key}-link`),
            values,
            hasValues: values.length > 0
        };
    });
}

/** The sentence announced when a rehearsal is shown. */
export function resultSummary(result: Rehearsal): string {
    const parts = [`${BANNER}.`];
    if (result.identity) {
        parts.push(`Identity: ${identityText(result.identity)}.`);
    }
    const records = result.records;
    parts.push(
        records.length > 0
            ? `The sync would: ${records.map(plannedTitle).join(', ')}.`
            : 'The sync would create, update or attach nothing.'
    );
    if (result.failure) {
        parts.push(`The sync would fail: ${result.failure}`);
    }
    return parts.join(' ');
}
