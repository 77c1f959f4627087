// Stands in for `lightning/uiRecordApi` in the preview: records come from the scene's `records`,
// keyed by id, in the shape the UI API returns ({ apiName, id, fields: { Name: { value, displayValue } } }).
import { createWireAdapter, getScene, latency, reportEvent } from 'preview/mockContext';

function fieldName(field) {
    const qualified = typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
    return qualified.split('.').slice(1);
}

function lookup(record, field) {
    let current = record;
    let entry;
    for (const part of fieldName(field)) {
        entry = current?.fields?.[part];
        if (entry === undefined) {
            return undefined;
        }
        current = entry.value;
    }
    return entry;
}

function notFound(recordId) {
    return {
        status: 404,
        body: [{ errorCode: 'NOT_FOUND', message: `The requested resource does not exist (${recordId})` }]
    };
}

function readRecord(config) {
    const record = getScene().records?.[config?.recordId];
    if (!config?.recordId) {
        return new Promise(() => {});
    }
    return latency().then(() => (record ? structuredClone(record) : Promise.reject(notFound(config.recordId))));
}

export const getRecord = createWireAdapter(readRecord);

export const getRecords = createWireAdapter((config) =>
    Promise.resolve({
        results: (config?.records ?? []).flatMap((batch) =>
            batch.recordIds.map((id) => {
                const record = getScene().records?.[id];
                return record
                    ? { statusCode: 200, result: structuredClone(record) }
                    : { statusCode: 404, result: notFound(id) };
            })
        )
    })
);

export const getRecordCreateDefaults = createWireAdapter((config) => {
    const defaults = getScene().recordCreateDefaults?.[config?.objectApiName?.objectApiName ?? config?.objectApiName];
    return defaults ? Promise.resolve(structuredClone(defaults)) : Promise.reject(notFound(config?.objectApiName));
});

export function getFieldValue(record, field) {
    const entry = lookup(record, field);
    return entry === undefined ? undefined : entry.value;
}

export function getFieldDisplayValue(record, field) {
    const entry = lookup(record, field);
    return entry === undefined ? undefined : (entry.displayValue ?? null);
}

function toFields(values) {
    return Object.fromEntries(
        Object.entries(values ?? {}).map(([name, value]) => [name, { value, displayValue: null }])
    );
}

export function updateRecord(recordInput) {
    const id = recordInput?.fields?.Id;
    const records = getScene().records ?? {};
    const record = records[id];
    if (!record) {
        return Promise.reject(notFound(id));
    }
    const refusal = getScene().saveErrors?.[id];
    if (refusal) {
        return Promise.reject(structuredClone(refusal));
    }
    const changes = { ...recordInput.fields };
    delete changes.Id;
    Object.assign(record.fields, toFields(changes));
    reportEvent('record', `Updated ${record.apiName} ${id}: ${Object.keys(changes).join(', ')}`);
    return Promise.resolve(structuredClone(record));
}

let created = 0;
export function createRecord(recordInput) {
    const refusal = getScene().saveErrors?.[recordInput.apiName];
    if (refusal) {
        return Promise.reject(structuredClone(refusal));
    }
    created++;
    const id = `${recordInput.apiName.slice(0, 3).toUpperCase()}PREVIEW${String(created).padStart(8, '0')}`;
    const record = { apiName: recordInput.apiName, id, fields: toFields(recordInput.fields) };
    const scene = getScene();
    scene.records = { ...(scene.records ?? {}), [id]: record };
    reportEvent('record', `Created ${recordInput.apiName} ${id}`);
    return Promise.resolve(structuredClone(record));
}

export function deleteRecord(recordId) {
    delete getScene().records?.[recordId];
    reportEvent('record', `Deleted ${recordId}`);
    return Promise.resolve();
}

export function notifyRecordUpdateAvailable() {
    return Promise.resolve();
}

export function generateRecordInputForCreate(record) {
    return {
        apiName: record.apiName,
        fields: Object.fromEntries(Object.entries(record.fields).map(([k, v]) => [k, v.value]))
    };
}

export function generateRecordInputForUpdate(record) {
    return { fields: { Id: record.id, ...generateRecordInputForCreate(record).fields } };
}
