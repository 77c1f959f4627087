// The sections of the visitor panel as plain data: labelled values read from the chat record or from the named
// values stored on it, each shown as text, or as a link when the value is a safe web address, email address or
// phone number.
import { getFieldValue, getFieldDisplayValue } from 'lightning/uiRecordApi';
import type { RecordRepresentation } from 'lightning/uiRecordApi';
import type { ObjectInfo } from 'lightning/uiObjectInfoApi';
import type { FieldId } from '@salesforce/schema';
import { safeUrl } from 'c/transcriptSearch';
import type { FieldSpec, LinkKind } from './fields';

/** One label and value, rendered as text, or as a link when `url` is set (`external`: opens in a new tab). */
export interface DisplayField {
    key: string;
    label: string;
    value: string;
    url: string | null;
    external: boolean;
}

/** A section of the panel; `note` says what was left out and why (empty when nothing was). */
export interface Section {
    id: string;
    title: string;
    headingId: string;
    fields: DisplayField[];
    hasFields: boolean;
    empty: string;
    note: string;
}

/** A value of a record field or a named value, as text. */
export function text(value: unknown): string {
    if (value === null || value === undefined) {
        return '';
    }
    return typeof value === 'string' ? value : JSON.stringify(value);
}

// Letters, digits and the punctuation of real addresses; no spaces, quotes, angle brackets or a second @.
const EMAIL = /^[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;
// Digits with an optional leading + and the separators people write (spaces, dots, dashes, parentheses).
const PHONE = /^\+?[\d\s().-]+$/;

/** A mailto: address for an email address, or null when the value is not one. */
export function emailUrl(value: string): string | null {
    const address = value.trim();
    if (!EMAIL.test(address)) {
        return null;
    }
    const at = address.lastIndexOf('@');
    return `mailto:${encodeURIComponent(address.slice(0, at))}@${encodeURIComponent(address.slice(at + 1))}`;
}

/** A tel: address for a phone number (its digits, and + when it starts with one), or null when it is not one. */
export function phoneUrl(value: string): string | null {
    const number = value.trim();
    if (!PHONE.test(number)) {
        return null;
    }
    const digits = number.replace(/\D/g, '');
    if (digits.length < 3 || digits.length > 15) {
        return null;
    }
    return `tel:${number.startsWith('+') ? '+' : ''}${digits}`;
}

function linkOf(kind: LinkKind | undefined, value: string): Pick<DisplayField, 'url' | 'external'> {
    switch (kind) {
        case 'web':
            return { url: safeUrl(value), external: true };
        case 'email':
            return { url: emailUrl(value), external: false };
        case 'phone':
            return { url: phoneUrl(value), external: false };
        default:
            return { url: null, external: false };
    }
}

/** The label of a chat field as the object describes it; its API name in words while the description is unknown. */
export function labelOf(info: ObjectInfo | undefined, field: FieldId): string {
    return info?.fields[field.fieldApiName]?.label ?? field.fieldApiName.replace(/__c$/, '').replace(/_/g, ' ');
}

/** The fields of a chat that have a value, in the order given, with their display value when there is one. */
export function chatValues(
    chat: RecordRepresentation | undefined,
    specs: FieldSpec[],
    info: ObjectInfo | undefined
): DisplayField[] {
    return specs
        .map((spec) => {
            const display = getFieldDisplayValue(chat, spec.field);
            const value = display ? display : text(getFieldValue(chat, spec.field));
            return {
                key: spec.field.fieldApiName,
                label: labelOf(info, spec.field),
                value,
                ...linkOf(spec.link, value)
            };
        })
        .filter((field) => field.value !== '');
}

/** A section from its fields; a section without any shows `empty`. */
export function section(id: string, title: string, empty: string, fields: DisplayField[], note = ''): Section {
    return { id, title, headingId: `visitor-panel-${id}`, fields, hasFields: fields.length > 0, empty, note };
}

/**
 * The named values stored on the chat as a JSON object (custom variables, pre-chat fields). A value
 * that is not a JSON object is shown whole rather than lost.
 */
export function parseNamedValues(raw: unknown): DisplayField[] {
    if (raw === null || raw === undefined || raw === '') {
        return [];
    }
    let parsed: unknown;
    try {
        parsed = typeof raw === 'string' ? JSON.parse(raw) : raw;
    } catch {
        parsed = undefined;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        return [{ key: 'raw', label: 'Value as received', value: text(raw), url: null, external: false }];
    }
    return Object.entries(parsed as Record<string, unknown>).map(([name, value], index) => ({
        key: `${String(index)}-${name}`,
        label: name,
        value: text(value),
        url: null,
        external: false
    }));
}

/** A value compared with another: case, spacing and Unicode form ignored; a phone number by its digits. */
function comparable(value: string): string {
    const words = value.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
    return PHONE.test(words) && /\d/.test(words) ? words.replace(/[^\d+]/g, '') : words;
}

/** The answers whose value is not already shown (`shown`), and the labels of those that are. */
export function withoutRepeats(
    answers: DisplayField[],
    shown: DisplayField[]
): { kept: DisplayField[]; repeated: string[] } {
    const values = new Set(shown.map((field) => comparable(field.value)));
    const kept = answers.filter((answer) => answer.value === '' || !values.has(comparable(answer.value)));
    const repeated = answers.filter((answer) => !kept.includes(answer)).map((answer) => answer.label);
    return { kept, repeated };
}
