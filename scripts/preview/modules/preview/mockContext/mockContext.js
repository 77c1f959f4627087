// The preview's stand-in for the Salesforce server: one scene (fixture JSON) at a time supplies the
// answers of Apex methods, the records of the data service and object descriptions. Wire adapters
// behave like the platform's: they emit `{ data: undefined, error: undefined }` at once, then the answer.
//
// The stand-ins never answer for the component: an Apex call that no entry of the scene matches fails
// (and says so on the console, which every browser test checks), a record is read with the fields the
// component asked for and no others, and a record wire hears of a change only when Salesforce would tell
// it: after notifyRecordUpdateAvailable() or a save through the data service.

const EMPTY_SCENE = { apex: {}, records: {}, objectInfos: {} };
let scene = EMPTY_SCENE;
const liveAdapters = new Set();
const recordListeners = new Set();

/** Installs the scene whose fixtures answer every call from now on. */
export function setScene(next) {
    scene = { ...EMPTY_SCENE, ...structuredClone(next ?? {}) };
    scene.records = scene.records ?? {};
}

export function getScene() {
    return scene;
}

/** Tells the preview page that a component did something visible outside itself (a toast, a navigation). */
export function reportEvent(kind, detail) {
    window.dispatchEvent(new CustomEvent('preview:event', { detail: { kind, detail } }));
}

/** Waits the scene's `latencyMs` (Apex answers and records alike). */
export function latency() {
    const ms = Number(scene.latencyMs ?? 0);
    return new Promise((resolve) => setTimeout(resolve, Number.isFinite(ms) && ms > 0 ? ms : 0));
}

/** The parameters of a call as the scene and the messages show them. */
export function describeParams(params) {
    return params === undefined ? '(no parameters)' : JSON.stringify(params);
}

function matches(when, params) {
    if (!when) {
        return true;
    }
    return Object.entries(when).every(([key, value]) => JSON.stringify(params?.[key]) === JSON.stringify(value));
}

/**
 * Applies an answer's `changes` to the scene's records: what the server changed while answering
 * (`{ "<recordId>": { "<Field>": { "value": …, "displayValue": … } } }`). Record wires do not see the
 * change until the component tells the data service, as on the platform.
 */
function applyChanges(changes) {
    for (const [recordId, fields] of Object.entries(changes ?? {})) {
        const record = scene.records[recordId];
        if (!record) {
            throw new Error(`The answer changes record ${recordId}, which is not in the scene's records`);
        }
        Object.assign(record.fields, structuredClone(fields));
    }
}

/**
 * The answer a scene gives to an Apex call: `{ data }` or `{ error }`, or a list of them each with an
 * optional `when` (a subset of the parameters) and `once`; the first unused one that matches wins. A call
 * that no entry matches is a mistake of the scene or of the component: it fails with an error naming the
 * method and its parameters, and the preview logs it as a console error.
 */
export function answerApex(name, params) {
    const configured = scene.apex?.[name];
    const candidates = Array.isArray(configured) ? configured : configured ? [configured] : [];
    const answer = candidates.find((candidate) => !candidate.used && matches(candidate.when, params));
    if (answer?.once) {
        // A `once` answer is given one time; the next matching one answers the calls after it.
        answer.used = true;
    }
    return latency().then(() => {
        if (!answer) {
            const message =
                candidates.length === 0
                    ? `The preview scene "${scene.id ?? ''}" has no answer for Apex method ${name}, called with ${describeParams(params)}.`
                    : `No answer of the preview scene "${scene.id ?? ''}" for Apex method ${name} matches its parameters ${describeParams(params)}.`;
            console.error(`[preview] ${message}`);
            return Promise.reject({ ok: false, status: 500, statusText: 'Server Error', body: { message } });
        }
        try {
            applyChanges(answer.changes);
        } catch (error) {
            console.error(`[preview] ${error.message}`);
            return Promise.reject({
                ok: false,
                status: 500,
                statusText: 'Server Error',
                body: { message: error.message }
            });
        }
        if (answer.error !== undefined) {
            return Promise.reject(structuredClone(answer.error));
        }
        return structuredClone(answer.data);
    });
}

function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A wire adapter class whose answers come from `fetchAnswer(config, adapter)`. With `ready(config)`, a
 * config that is not ready (a required parameter still undefined) is not fetched, as the data service does.
 * @param {(config: object, adapter: object) => Promise<unknown>} fetchAnswer
 * @param {{ ready?: (config: object) => boolean }} [options]
 */
export function createWireAdapter(fetchAnswer, { ready = () => true } = {}) {
    return class PreviewWireAdapter {
        constructor(callback) {
            this.callback = callback;
            this.config = undefined;
            this.version = 0;
            this.emitted = undefined;
            callback({ data: undefined, error: undefined });
        }

        update(config) {
            this.config = config;
            this.emitted = undefined;
            if (!ready(config ?? {})) {
                // A pending fetch of the previous config must not answer for this one.
                this.version++;
                return;
            }
            this.refresh();
        }

        emit(value) {
            // Like @wire: a value equal to the last one emitted is not sent again.
            if (this.emitted !== undefined && same(this.emitted, value)) {
                return;
            }
            this.emitted = value;
            this.callback(value);
        }

        refresh() {
            if (this.config === undefined || !ready(this.config)) {
                return Promise.resolve();
            }
            const version = ++this.version;
            return fetchAnswer(this.config, this).then(
                (data) => {
                    if (version === this.version) {
                        this.emit({ data, error: undefined });
                    }
                },
                (error) => {
                    if (version === this.version) {
                        this.emit({ data: undefined, error });
                    }
                }
            );
        }

        connect() {
            liveAdapters.add(this);
        }

        disconnect() {
            liveAdapters.delete(this);
        }
    };
}

/** What `@salesforce/apex/Class.method` imports: callable imperatively and usable with `@wire`. */
export function apexMethod(name) {
    const Adapter = createWireAdapter((config) => answerApex(name, config));
    function method(params) {
        if (new.target) {
            return new Adapter(params);
        }
        return answerApex(name, params);
    }
    return method;
}

/** `refreshApex`: asks every live wire to fetch its answer again. */
export function refreshApex() {
    return Promise.all([...liveAdapters].map((adapter) => adapter.refresh())).then(() => undefined);
}

export function getSObjectValue(sObject, field) {
    const name = typeof field === 'string' ? field : field.fieldApiName;
    return name.split('.').reduce((value, part) => (value == null ? undefined : value[part]), sObject);
}

/**
 * Listens for changed records: `listener(ids)` is called with the Set of record ids the data service was
 * told about. Returns the function that stops listening.
 */
export function onRecordsChanged(listener) {
    recordListeners.add(listener);
    return () => recordListeners.delete(listener);
}

/** Tells every record listener that these records changed; resolves when they have their new values. */
export function recordsChanged(recordIds) {
    const ids = new Set(recordIds.filter(Boolean));
    return Promise.all([...recordListeners].map((listener) => listener(ids))).then(() => undefined);
}
