// The format of a preview scene (a fixture JSON), checked where scenes are read (the preview server shows
// a scene that breaks it as invalid) and by `check-scene-types.mjs`. A misspelt key would otherwise be
// ignored, and the preview would quietly answer for the component (an answer whose "when" is misspelt
// answers every call), so every key is known here.
//
//   title, component           required: the scene's name and the component's tag (c-error-panel)
//   description, props         text shown above the component; its public properties
//   apex                       { "Class.method": answer | [answer, …] }, an answer being
//                              { data | error, when?, once?, changes? }: `when` is a part of the parameters
//                              that must match, `once` answers one call, `changes` is what the server changed
//                              while answering ({ recordId: { Field: { value, displayValue } } })
//   records                    { recordId: { apiName, id, fields: { Field: { value, displayValue } } } }
//   unreadableFields           ["Object.Field", …]: fields the running user cannot read
//   objectInfos, recordCreateDefaults, picklistValues, saveErrors, pageReference, latencyMs

const SCENE_KEYS = new Set([
    'title',
    'component',
    'description',
    'props',
    'apex',
    'records',
    'unreadableFields',
    'objectInfos',
    'recordCreateDefaults',
    'picklistValues',
    'saveErrors',
    'pageReference',
    'latencyMs'
]);
const ANSWER_KEYS = new Set(['data', 'error', 'when', 'once', 'changes']);

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

function fieldEntryProblems(where, name, entry) {
    if (!isObject(entry) || !('value' in entry) || !('displayValue' in entry)) {
        return [`${where}: field ${name} must be { "value": …, "displayValue": … }`];
    }
    if (entry.value === null && entry.displayValue !== null) {
        return [`${where}: field ${name} has no value but shows ${JSON.stringify(entry.displayValue)}`];
    }
    return [];
}

function answerProblems(method, answer, index, records) {
    const where = `apex ${method} answer ${index + 1}`;
    if (!isObject(answer)) {
        return [`${where} must be an object with "data" or "error"`];
    }
    const problems = [];
    for (const key of Object.keys(answer)) {
        if (!ANSWER_KEYS.has(key)) {
            problems.push(`${where}: unknown key "${key}" (known: ${[...ANSWER_KEYS].join(', ')})`);
        }
    }
    if ('data' in answer === 'error' in answer) {
        problems.push(`${where} must have exactly one of "data" and "error"`);
    }
    if ('when' in answer && !isObject(answer.when)) {
        problems.push(`${where}: "when" must be an object of parameters`);
    }
    if ('once' in answer && typeof answer.once !== 'boolean') {
        problems.push(`${where}: "once" must be true or false`);
    }
    if ('changes' in answer) {
        if (!isObject(answer.changes)) {
            problems.push(`${where}: "changes" must be { recordId: { Field: { value, displayValue } } }`);
        } else {
            for (const [recordId, fields] of Object.entries(answer.changes)) {
                if (!records[recordId]) {
                    problems.push(`${where} changes record ${recordId}, which is not in "records"`);
                } else if (!isObject(fields)) {
                    problems.push(`${where}: the changes of ${recordId} must be an object of fields`);
                } else {
                    for (const [name, entry] of Object.entries(fields)) {
                        problems.push(...fieldEntryProblems(`${where} changes ${recordId}`, name, entry));
                    }
                }
            }
        }
    }
    return problems;
}

/**
 * What is wrong with a parsed scene, one sentence each; an empty list when nothing is.
 * @param {unknown} scene
 * @returns {string[]}
 */
export function sceneProblems(scene) {
    if (!isObject(scene)) {
        return ['a scene is a JSON object'];
    }
    const problems = [];
    if (typeof scene.title !== 'string' || !scene.title) {
        problems.push('"title" (text) is missing');
    }
    if (typeof scene.component !== 'string' || !/^c-[a-z0-9-]+$/.test(scene.component)) {
        problems.push('"component" must be a component tag such as "c-error-panel"');
    }
    for (const key of Object.keys(scene)) {
        if (!SCENE_KEYS.has(key)) {
            problems.push(`unknown key "${key}" (known: ${[...SCENE_KEYS].join(', ')})`);
        }
    }
    const records = isObject(scene.records) ? scene.records : {};
    if ('records' in scene && !isObject(scene.records)) {
        problems.push('"records" must be an object keyed by record id');
    }
    for (const [id, record] of Object.entries(records)) {
        if (!isObject(record) || record.id !== id || typeof record.apiName !== 'string' || !isObject(record.fields)) {
            problems.push(`record ${id} must be { "apiName": …, "id": "${id}", "fields": { … } }`);
            continue;
        }
        for (const [name, entry] of Object.entries(record.fields)) {
            // A related record nested in the scene is { value: { apiName, id, fields }, displayValue }.
            if (!isObject(entry?.value)) {
                problems.push(...fieldEntryProblems(`record ${id}`, name, entry));
            }
        }
    }
    if ('unreadableFields' in scene) {
        const list = scene.unreadableFields;
        if (!Array.isArray(list) || list.some((name) => typeof name !== 'string' || !/^\w+\.\w+$/.test(name))) {
            problems.push('"unreadableFields" must be a list of "Object.Field" names');
        }
    }
    if ('latencyMs' in scene && (typeof scene.latencyMs !== 'number' || scene.latencyMs < 0)) {
        problems.push('"latencyMs" must be a number of milliseconds');
    }
    if ('apex' in scene) {
        if (!isObject(scene.apex)) {
            problems.push('"apex" must be an object keyed by "Class.method"');
        } else {
            for (const [method, configured] of Object.entries(scene.apex)) {
                if (!/^\w+\.\w+$/.test(method)) {
                    problems.push(`apex "${method}" must be named "Class.method"`);
                }
                const answers = Array.isArray(configured) ? configured : [configured];
                answers.forEach((answer, i) => problems.push(...answerProblems(method, answer, i, records)));
            }
        }
    }
    return problems;
}
