import type { StoredChatOption } from '@salesforce/apex/RehearsalController.findChats';
import type { MappingTrace, RuleTrace } from '@salesforce/apex/RehearsalController.rehearse';

// The words and badges of a rehearsal, shared by the section and its result parts.

/** Whether text is missing or only whitespace. */
export function isBlank(text: string | null | undefined): boolean {
    return text === null || text === undefined || text.trim() === '';
}

export const BANNER = 'Nothing was written: this is a rehearsal';
export const BLANK = '(blank)';
export const LEFT_OUT = '(left out)';

const SOURCE_LABELS: Record<string, string> = {
    webhook: 'Webhook',
    api_v2: 'API v2',
    api_v3: 'API v3',
    api_v4: 'API v4'
};

export function sourceLabel(source: string | null | undefined): string {
    return source ? (SOURCE_LABELS[source] ?? source) : '';
}

/** A value as text: a blank one says so rather than showing nothing. */
export function shown(value: string | null | undefined): string {
    return value === null || value === undefined || value === '' ? BLANK : value;
}

export function plural(n: number, one: string, many = `${one}s`): string {
    return `${String(n)} ${n === 1 ? one : many}`;
}

/** One stored chat as the list of chats shows it. */
export function chatLabel(chat: StoredChatOption): string {
    return [chat.comm100Id, chat.visitorName, chat.visitorEmail].filter((part) => !isBlank(part)).join(' · ');
}

export interface Badge {
    text: string;
    className: string;
}

const BADGE = 'slds-badge rehearsal-badge';
// Keyed by any text: Apex may one day answer an outcome this page does not know, which then gets a plain badge.
const RULE_BADGES: Record<string, string | undefined> = {
    Matched: `${BADGE} slds-theme_success`,
    'No match': BADGE,
    Ambiguous: `${BADGE} slds-theme_warning`,
    Skipped: `${BADGE} slds-theme_warning`,
    'Not run': `${BADGE} slds-badge_lightest`
};
const MAPPING_BADGES: Record<string, string | undefined> = {
    Written: `${BADGE} slds-badge_lightest`,
    Converted: BADGE,
    Truncated: `${BADGE} slds-theme_warning`,
    Skipped: `${BADGE} slds-theme_error`
};

export function ruleBadge(outcome: RuleTrace['outcome']): Badge {
    return { text: outcome, className: RULE_BADGES[outcome] ?? BADGE };
}

export function mappingBadge(outcome: MappingTrace['outcome']): Badge {
    return { text: outcome, className: MAPPING_BADGES[outcome] ?? BADGE };
}
