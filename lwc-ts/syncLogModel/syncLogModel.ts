import type { FieldError, FilterField, LogFilter } from '@salesforce/apex/SyncLogConsoleController.getLogs';

/** The statuses a log can have, in the order the Status picklist lists them. */
export const STATUSES = [
    'Processed',
    'Retried',
    'Failed',
    'Dead-Lettered',
    'Replayed',
    'Rejected',
    'Awaiting Parts'
] as const;

/** The same sentences the Apex answers, so a message reads the same whichever side found the problem. */
export const MESSAGES = {
    status: 'Choose a status from the list.',
    eventType: 'An event type has at most 40 characters.',
    comm100Id: 'A Comm100 id has at most 80 characters.',
    date: 'Enter a date from 2000 to 3999 as YYYY-MM-DD, for example 2025-01-31.',
    dateOrder: 'The end date is before the start date.'
} as const;

/** Logs one replay call takes; the progress moves after each call. */
export const REPLAY_BATCH_SIZE = 5;

/** What the admin typed in the filter form, kept exactly as typed. */
export interface FilterDraft {
    status: string;
    eventType: string;
    fromDate: string;
    toDate: string;
    comm100Id: string;
}

export const EMPTY_DRAFT: FilterDraft = { status: '', eventType: '', fromDate: '', toDate: '', comm100Id: '' };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The years a day of the filter may fall in, as the Apex accepts them: inside the dates Salesforce keeps (1700 to
 * 4000, offset by the user's time zone), so that neither bound of the range makes the query fail.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 3999;

/** Whether text is a real day written YYYY-MM-DD in the years 2000 to 3999 (30 February is not). */
export function isDay(text: string): boolean {
    const parts = DAY.exec(text);
    if (!parts) {
        return false;
    }
    const year = Number(parts[1]);
    const month = Number(parts[2]);
    const day = Number(parts[3]);
    if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) {
        return false;
    }
    // Day 0 of the next month is the last day of this one.
    return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Checks the draft as the Apex does (the Apex checks again): one message per field, in the form's order.
 * @returns the refused fields; empty when the draft can be sent
 */
export function validateDraft(draft: FilterDraft): FieldError[] {
    const errors: FieldError[] = [];
    const status = draft.status.trim();
    if (status && !(STATUSES as readonly string[]).includes(status)) {
        errors.push({ field: 'status', message: MESSAGES.status });
    }
    if (draft.eventType.trim().length > 40) {
        errors.push({ field: 'eventType', message: MESSAGES.eventType });
    }
    const from = draft.fromDate.trim();
    const to = draft.toDate.trim();
    const fromOk = !from || isDay(from);
    const toOk = !to || isDay(to);
    if (!fromOk) {
        errors.push({ field: 'fromDate', message: MESSAGES.date });
    }
    if (!toOk) {
        errors.push({ field: 'toDate', message: MESSAGES.date });
    } else if (fromOk && from && to && to < from) {
        errors.push({ field: 'toDate', message: MESSAGES.dateOrder });
    }
    if (draft.comm100Id.trim().length > 80) {
        errors.push({ field: 'comm100Id', message: MESSAGES.comm100Id });
    }
    return errors;
}

/** The filter the Apex receives: trimmed values, null for a blank one. */
export function filterOf(draft: FilterDraft): LogFilter {
    const value = (text: string): string | null => (text.trim() ? text.trim() : null);
    return {
        status: value(draft.status),
        eventType: value(draft.eventType),
        fromDate: value(draft.fromDate),
        toDate: value(draft.toDate),
        comm100Id: value(draft.comm100Id)
    };
}

/** The message for one field, or an empty string. */
export function messageFor(errors: FieldError[], field: FilterField): string {
    return errors.find((error) => error.field === field)?.message ?? '';
}

/** A payload to show as text: pretty-printed when it is JSON, else exactly as stored. */
export interface FormattedPayload {
    text: string;
    isJson: boolean;
}

/**
 * Re-indents JSON text two spaces a level without parsing its values, so every number, escape and key order stays
 * exactly as stored (parsing and printing again would round numbers past 2^53 and drop a trailing zero).
 * The text must be valid JSON.
 */
export function indentJson(text: string): string {
    const out: string[] = [];
    let depth = 0;
    let inString = false;
    let escaped = false;
    const newline = (): string => `\n${'  '.repeat(depth)}`;
    for (let i = 0; i < text.length; i++) {
        const ch = text.charAt(i);
        if (inString) {
            out.push(ch);
            if (escaped) {
                escaped = false;
            } else if (ch === '\\') {
                escaped = true;
            } else if (ch === '"') {
                inString = false;
            }
            continue;
        }
        if (ch === '"') {
            inString = true;
            out.push(ch);
        } else if (ch === '{' || ch === '[') {
            const close = ch === '{' ? '}' : ']';
            let next = i + 1;
            while (next < text.length && /\s/.test(text.charAt(next))) {
                next++;
            }
            if (text.charAt(next) === close) {
                out.push(ch, close);
                i = next;
            } else {
                depth++;
                out.push(ch, newline());
            }
        } else if (ch === '}' || ch === ']') {
            depth--;
            out.push(newline(), ch);
        } else if (ch === ',') {
            out.push(ch, newline());
        } else if (ch === ':') {
            out.push(': ');
        } else if (!/\s/.test(ch)) {
            out.push(ch);
        }
    }
    return out.join('');
}

/** The payload as text: pretty-printed JSON when it parses, the stored text otherwise. */
export function formatPayload(payload?: string | null): FormattedPayload {
    if (payload == null || payload === '') {
        return { text: '', isJson: false };
    }
    try {
        JSON.parse(payload);
    } catch {
        return { text: payload, isJson: false };
    }
    return { text: indentJson(payload), isJson: true };
}

/** The ids in batches of at most size, in order. */
export function batches<T>(items: T[], size: number): T[][] {
    const result: T[][] = [];
    for (let i = 0; i < items.length; i += size) {
        result.push(items.slice(i, i + size));
    }
    return result;
}

/** A date and time in the user's locale, or the text itself when it is not a date. */
export function formatDateTime(value?: string | null): string {
    if (!value) {
        return '';
    }
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}
