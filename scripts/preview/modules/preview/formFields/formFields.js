// What the preview's record form stand-ins share: a field's description from the scene's objectInfos,
// the input type for its data type, and the text shown for a record's value.
import { getScene } from 'preview/mockContext';

const INPUT_TYPES = {
    Boolean: 'checkbox',
    Currency: 'number',
    Date: 'date',
    DateTime: 'datetime',
    Double: 'number',
    Email: 'email',
    Int: 'number',
    Percent: 'number',
    Phone: 'tel',
    Url: 'url'
};

/** The scene's description of a field, or a plain text field named after it. */
export function fieldInfo(objectApiName, fieldApiName) {
    const info = getScene().objectInfos?.[objectApiName]?.fields?.[fieldApiName];
    return {
        apiName: fieldApiName,
        label: fieldApiName,
        dataType: 'String',
        required: false,
        createable: true,
        updateable: true,
        ...(info ?? {})
    };
}

export function inputType(info) {
    return INPUT_TYPES[info.dataType] ?? 'text';
}

export function isTextArea(info) {
    return info.dataType === 'TextArea';
}

/** The text a record form shows for a field: the display value, else the value. */
export function shownValue(record, fieldApiName) {
    const entry = record?.fields?.[fieldApiName];
    if (!entry) {
        return '';
    }
    const shown = entry.displayValue ?? entry.value;
    return shown === null || shown === undefined ? '' : String(shown);
}

/** A rejected data service call in the shape lightning-record-form and lightning-messages report. */
export function errorText(error) {
    const body = error?.body;
    if (Array.isArray(body)) {
        // A read: a list of { errorCode, message }.
        const read = body.map((e) => e?.message).filter(Boolean);
        return read.length ? read.join(' ') : 'The record could not be loaded.';
    }
    const messages = [
        body?.message,
        ...(body?.output?.errors ?? []).map((e) => e.message),
        ...Object.values(body?.output?.fieldErrors ?? {})
            .flat()
            .map((e) => `${e.field ?? e.fieldLabel}: ${e.message}`)
    ].filter(Boolean);
    return messages.length ? messages.join(' ') : 'The record could not be saved.';
}
