/**
 * Turns what a wire adapter, an imperative Apex call, a Lightning Data Service
 * operation or a script throws into short, readable messages for a person.
 *
 * Shapes handled (an array of any of them is flattened):
 * - UI API read errors: `{ body: [{ message }] }`
 * - UI API write errors: `{ body: { message, output: { errors: [{ message }], fieldErrors: { Field: [{ fieldLabel, message }] } } } }`
 * - Apex errors (AuraHandledException and DML): `{ body: { message } }`, `{ body: { pageErrors: [{ message }], fieldErrors } }`
 * - network failures: `{ status: 0, statusText }` without a body
 * - JavaScript errors: `Error` or `{ message }`
 * - plain strings
 */

/** The message shown when an error carries no readable text at all. */
export const UNKNOWN_ERROR = 'Unknown error';

/** The message shown when the browser could not reach Salesforce. */
export const NETWORK_ERROR = 'The server could not be reached. Check the connection and try again.';

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null;
}

function text(value: unknown): string | undefined {
    if (typeof value !== 'string') {
        return undefined;
    }
    const trimmed = value.trim();
    return trimmed.length > 0 ? trimmed : undefined;
}

function messagesOf(list: unknown): string[] {
    if (!Array.isArray(list)) {
        return [];
    }
    return list.flatMap((entry: unknown) => {
        const message = isObject(entry) ? text(entry.message) : text(entry);
        return message ? [message] : [];
    });
}

function fieldMessagesOf(fieldErrors: unknown): string[] {
    if (!isObject(fieldErrors)) {
        return [];
    }
    return Object.entries(fieldErrors).flatMap(([fieldName, entries]) => {
        if (!Array.isArray(entries)) {
            return [];
        }
        return entries.flatMap((entry: unknown) => {
            if (!isObject(entry)) {
                return [];
            }
            const message = text(entry.message);
            if (!message) {
                return [];
            }
            const label = text(entry.fieldLabel) ?? fieldName;
            return [`${label}: ${message}`];
        });
    });
}

function reduceBody(body: unknown): string[] {
    if (Array.isArray(body)) {
        return messagesOf(body);
    }
    const plain = text(body);
    if (plain) {
        return [plain];
    }
    if (!isObject(body)) {
        return [];
    }
    const output = isObject(body.output) ? body.output : undefined;
    const detailed = [
        ...messagesOf(output?.errors),
        ...fieldMessagesOf(output?.fieldErrors),
        ...messagesOf(body.pageErrors),
        ...fieldMessagesOf(body.fieldErrors)
    ];
    if (detailed.length > 0) {
        return detailed;
    }
    const message = text(body.message);
    return message ? [message] : [];
}

function reduceOne(error: unknown): string[] {
    const plain = text(error);
    if (plain) {
        return [plain];
    }
    if (!isObject(error)) {
        return [];
    }
    if ('body' in error && error.body !== undefined && error.body !== null) {
        const fromBody = reduceBody(error.body);
        if (fromBody.length > 0) {
            return fromBody;
        }
    }
    const message = text(error.message);
    if (message) {
        return [message];
    }
    if (error.status === 0) {
        return [NETWORK_ERROR];
    }
    const statusText = text(error.statusText);
    if (statusText) {
        return [statusText];
    }
    return [UNKNOWN_ERROR];
}

/**
 * Reduces one error or a list of errors to distinct, non-empty messages, in order.
 *
 * @param errors what was thrown or handed to a wire as `error`; `null` and `undefined` give `[]`
 * @returns the messages to show
 * @example
 * reduceErrors({ body: { message: 'You do not have access to this chat.' } });
 * // ['You do not have access to this chat.']
 */
export function reduceErrors(errors: unknown): string[] {
    const list: unknown[] = Array.isArray(errors) ? errors.flat(Infinity) : [errors];
    const messages = list.filter((error) => error !== null && error !== undefined).flatMap(reduceOne);
    return [...new Set(messages)];
}
