// Stands in for `lightning/uiRecordApi` in the preview: records come from the scene's `records`, keyed
// by id, in the shape the UI API returns ({ apiName, id, fields: { Name: { value, displayValue } } }).
//
// As on the platform, getRecord answers with the fields asked for and no others: `fields` and
// `optionalFields` ("Object.Field", or "Object.Relationship.Field" for a related record, nested as the UI
// API nests it). A field the scene lists in `unreadableFields` ("Object.Field"), or one the object does not
// have (neither in the scene's record nor in its objectInfos), fails the wire when it is in `fields` and
// is left out when it is in `optionalFields`. Record wires fetch again after notifyRecordUpdateAvailable()
// and after a save through this module, and emit only when the record they show changed.
import {
    createWireAdapter,
    getScene,
    latency,
    onRecordsChanged,
    recordsChanged,
    reportEvent
} from 'preview/mockContext';

function qualifiedName(field) {
    return typeof field === 'string' ? field : `${field?.objectApiName}.${field?.fieldApiName}`;
}

function asList(value) {
    if (value === undefined || value === null) {
        return [];
    }
    return (Array.isArray(value) ? value : [value]).map(qualifiedName);
}

function lookup(record, field) {
    let current = record;
    let entry;
    for (const part of qualifiedName(field).split('.').slice(1)) {
        entry = current?.fields?.[part];
        if (entry === undefined) {
            return undefined;
        }
        current = entry.value;
    }
    return entry;
}

/** An error of a UI API read, as the data service gives it to a wire: the body is a list. */
function readError(status, statusText, errors) {
    return { ok: false, status, statusText, headers: {}, body: errors };
}

function notFound(recordId) {
    return readError(404, 'Not Found', [
        { errorCode: 'NOT_FOUND', message: `The requested resource does not exist (${recordId})` }
    ]);
}

function invalidField(objectApiName, fieldPath) {
    return {
        errorCode: 'INVALID_FIELD',
        message: `No such column '${fieldPath}' on entity '${objectApiName}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`
    };
}

function isUnreadable(objectApiName, fieldApiName) {
    return (getScene().unreadableFields ?? []).includes(`${objectApiName}.${fieldApiName}`);
}

/** A field the object has: in the scene's record, or described in the scene's objectInfos. */
function fieldExists(record, fieldApiName) {
    return (
        Object.prototype.hasOwnProperty.call(record.fields ?? {}, fieldApiName) ||
        getScene().objectInfos?.[record.apiName]?.fields?.[fieldApiName] !== undefined
    );
}

/** The field that holds the id behind a relationship: Account → AccountId, Owner__r → Owner__c. */
function idFieldOf(relationship) {
    return relationship.endsWith('__r') ? relationship.replace(/__r$/, '__c') : `${relationship}Id`;
}

const NULL_ENTRY = { value: null, displayValue: null };

/**
 * One field path (without the object) of a scene record: `{ entry }` in the UI API's shape, or
 * `{ problem: true }` when the path is unreadable or names a field the object does not have. Adds the
 * ids of the related records it read to `ids`.
 */
function resolvePath(record, parts, ids) {
    const [name, ...rest] = parts;
    if (isUnreadable(record.apiName, name)) {
        return { problem: true };
    }
    if (rest.length === 0) {
        return fieldExists(record, name)
            ? { entry: structuredClone(record.fields?.[name] ?? NULL_ENTRY) }
            : { problem: true };
    }
    const inline = record.fields?.[name];
    let related;
    if (inline?.value && typeof inline.value === 'object') {
        // The scene nests the related record itself.
        related = inline.value;
    } else {
        const idField = idFieldOf(name);
        if (isUnreadable(record.apiName, idField)) {
            return { problem: true };
        }
        if (inline === undefined && !fieldExists(record, idField)) {
            return { problem: true };
        }
        const id = record.fields?.[idField]?.value ?? null;
        if (id === null) {
            return { entry: { ...NULL_ENTRY } };
        }
        related = getScene().records?.[id];
        if (!related) {
            console.error(
                `[preview] Record ${record.id} names the related record ${id} (${name}), which is not in the scene's records`
            );
            return { entry: { ...NULL_ENTRY } };
        }
    }
    ids.add(related.id);
    const inner = resolvePath(related, rest, ids);
    if (inner.problem) {
        return inner;
    }
    return {
        entry: {
            displayValue: inline?.displayValue ?? related.fields?.Name?.value ?? null,
            value: { apiName: related.apiName, id: related.id, fields: { [rest[0]]: inner.entry } }
        }
    };
}

/** Puts a resolved entry into a record's fields, merging the fields of a related record read twice. */
function mergeEntry(fields, name, entry) {
    const existing = fields[name];
    if (existing?.value?.fields && entry.value?.fields) {
        for (const [inner, value] of Object.entries(entry.value.fields)) {
            mergeEntry(existing.value.fields, inner, value);
        }
    } else {
        fields[name] = entry;
    }
}

/**
 * The record as getRecord gives it for this request: only the fields asked for. Throws the data
 * service's error when a required field cannot be read.
 * @returns {{ record: object, ids: Set<string> }}
 */
export function pickFields(record, { fields, optionalFields, layoutTypes }) {
    if (layoutTypes !== undefined) {
        const message = 'The preview cannot read records by layoutTypes: ask for fields or optionalFields';
        console.error(`[preview] ${message}`);
        throw readError(400, 'Bad Request', [{ errorCode: 'ILLEGAL_QUERY_PARAMETER_VALUE', message }]);
    }
    const ids = new Set([record.id]);
    const picked = {};
    const problems = [];
    const take = (qualified, required) => {
        const [objectApiName, ...path] = qualified.split('.');
        const resolved =
            objectApiName === record.apiName && path.length > 0 ? resolvePath(record, path, ids) : { problem: true };
        if (resolved.problem) {
            if (required) {
                problems.push(invalidField(record.apiName, path.join('.') || qualified));
            }
            return;
        }
        mergeEntry(picked, path[0], resolved.entry);
    };
    asList(fields).forEach((field) => take(field, true));
    asList(optionalFields).forEach((field) => take(field, false));
    if (problems.length > 0) {
        throw readError(400, 'Bad Request', problems);
    }
    const { fields: allFields, ...rest } = structuredClone(record);
    void allFields;
    return { record: { childRelationships: {}, recordTypeId: null, ...rest, fields: picked }, ids };
}

function readRecord(config, adapter) {
    const recordId = config.recordId;
    adapter.ids = new Set([recordId]);
    return latency().then(() => {
        const record = getScene().records?.[recordId];
        if (!record) {
            throw notFound(recordId);
        }
        const { record: picked, ids } = pickFields(record, config);
        adapter.ids = ids;
        return picked;
    });
}

/** A wire adapter over records that fetches again when the data service hears one of them changed. */
function createRecordWireAdapter(read, ready) {
    const Base = createWireAdapter(read, { ready });
    return class PreviewRecordWireAdapter extends Base {
        connect() {
            super.connect();
            this.stopListening = onRecordsChanged((changed) =>
                [...(this.ids ?? [])].some((id) => changed.has(id)) ? this.refresh() : undefined
            );
        }

        disconnect() {
            super.disconnect();
            this.stopListening?.();
        }
    };
}

export const getRecord = createRecordWireAdapter(readRecord, (config) => Boolean(config.recordId));

export const getRecords = createRecordWireAdapter(
    (config, adapter) => {
        adapter.ids = new Set();
        return latency().then(() => ({
            results: (config.records ?? []).flatMap((batch) =>
                (batch.recordIds ?? []).map((id) => {
                    adapter.ids.add(id);
                    const record = getScene().records?.[id];
                    if (!record) {
                        return { statusCode: 404, result: notFound(id).body };
                    }
                    try {
                        const { record: picked, ids } = pickFields(record, batch);
                        ids.forEach((used) => adapter.ids.add(used));
                        return { statusCode: 200, result: picked };
                    } catch (error) {
                        return { statusCode: error.status ?? 400, result: error.body };
                    }
                })
            )
        }));
    },
    (config) => Array.isArray(config.records) && config.records.length > 0
);

function objectNameOf(value) {
    return typeof value === 'string' ? value : value?.objectApiName;
}

export const getRecordCreateDefaults = createWireAdapter(
    (config) => {
        const name = objectNameOf(config.objectApiName);
        const defaults = getScene().recordCreateDefaults?.[name];
        return latency().then(() => (defaults ? structuredClone(defaults) : Promise.reject(notFound(name))));
    },
    { ready: (config) => Boolean(objectNameOf(config.objectApiName)) }
);

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

/** The refusal of a write that names fields the running user may not write, in the UI API's write shape. */
function writeRefusal(objectApiName, names, permission) {
    const problems = names.filter((name) => {
        const info = getScene().objectInfos?.[objectApiName]?.fields?.[name];
        return isUnreadable(objectApiName, name) || info?.[permission] === false;
    });
    if (problems.length === 0) {
        return undefined;
    }
    return {
        ok: false,
        status: 400,
        statusText: 'Bad Request',
        headers: {},
        body: {
            message: '',
            output: {
                errors: [],
                fieldErrors: Object.fromEntries(
                    problems.map((name) => [
                        name,
                        [
                            {
                                errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
                                field: name,
                                message: `Unable to create/update fields: ${name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`
                            }
                        ]
                    ])
                )
            }
        }
    };
}

export function updateRecord(recordInput) {
    const id = recordInput?.fields?.Id;
    const record = getScene().records?.[id];
    return latency().then(() => {
        if (!record) {
            return Promise.reject(notFound(id));
        }
        const refusal = getScene().saveErrors?.[id];
        if (refusal) {
            return Promise.reject(structuredClone(refusal));
        }
        const changes = { ...recordInput.fields };
        delete changes.Id;
        const notWritable = writeRefusal(record.apiName, Object.keys(changes), 'updateable');
        if (notWritable) {
            return Promise.reject(notWritable);
        }
        Object.assign(record.fields, toFields(changes));
        reportEvent('record', `Updated ${record.apiName} ${id}: ${Object.keys(changes).join(', ')}`);
        return recordsChanged([id]).then(() => structuredClone(record));
    });
}

// Key prefixes of the objects the components create, so that a created record's id looks like one.
const KEY_PREFIXES = { Account: '001', Case: '500', Contact: '003', Lead: '00Q', Task: '00T' };

/**
 * Creates the record; its id is the object's key prefix, `PV`, a counter from 1 for each scene shown
 * and `AAA` (003PV0000000001AAA), so that a scene can name it in a `when`.
 */
export function createRecord(recordInput) {
    return latency().then(() => {
        const refusal = getScene().saveErrors?.[recordInput.apiName];
        if (refusal) {
            return Promise.reject(structuredClone(refusal));
        }
        const notWritable = writeRefusal(recordInput.apiName, Object.keys(recordInput.fields ?? {}), 'createable');
        if (notWritable) {
            return Promise.reject(notWritable);
        }
        const scene = getScene();
        scene.createdCount = (scene.createdCount ?? 0) + 1;
        const prefix = KEY_PREFIXES[recordInput.apiName] ?? recordInput.apiName.slice(0, 3).toUpperCase();
        const id = `${prefix}PV${String(scene.createdCount).padStart(10, '0')}AAA`;
        const record = { apiName: recordInput.apiName, id, fields: toFields(recordInput.fields) };
        scene.records = { ...(scene.records ?? {}), [id]: record };
        reportEvent('record', `Created ${recordInput.apiName} ${id}`);
        return recordsChanged([id]).then(() => structuredClone(record));
    });
}

export function deleteRecord(recordId) {
    return latency().then(() => {
        delete getScene().records?.[recordId];
        reportEvent('record', `Deleted ${recordId}`);
        return recordsChanged([recordId]);
    });
}

/**
 * Tells the record wires and record forms that show one of these records to fetch it again; resolves once
 * they have it, as the platform does.
 */
export function notifyRecordUpdateAvailable(items) {
    if (!Array.isArray(items) || items.some((item) => typeof item?.recordId !== 'string' || !item.recordId)) {
        const message = `notifyRecordUpdateAvailable takes a list of { recordId }, not ${JSON.stringify(items)}`;
        console.error(`[preview] ${message}`);
        return Promise.reject(new TypeError(message));
    }
    const ids = items.map((item) => item.recordId);
    reportEvent('record', `Refresh asked for ${ids.join(', ')}`);
    return latency().then(() => recordsChanged(ids));
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
