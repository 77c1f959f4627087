// The preview's stand-in for the Salesforce server: one scene (fixture JSON) at a time supplies the
// answers of Apex methods, the records of the data service and object descriptions. Wire adapters
// behave like the platform's: they emit `{ data: undefined, error: undefined }` at once, then the answer.

const EMPTY_SCENE = { apex: {}, records: {}, objectInfos: {} };
let scene = EMPTY_SCENE;
const liveAdapters = new Set();

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

function matches(when, params) {
    if (!when) {
        return true;
    }
    return Object.entries(when).every(([key, value]) => JSON.stringify(params?.[key]) === JSON.stringify(value));
}

/**
 * The answer a scene gives to an Apex call: `{ data }` or `{ error }`, or a list of them each with an
 * optional `when` (a subset of the parameters) and `once`; the first unused one that matches wins.
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
            return Promise.reject({
                status: 500,
                body: { message: `The preview scene has no answer for Apex method ${name}.` }
            });
        }
        if (answer.error !== undefined) {
            return Promise.reject(structuredClone(answer.error));
        }
        return structuredClone(answer.data);
    });
}

/**
 * A wire adapter class whose answers come from `fetchAnswer(config)`.
 * @param {(config: object) => Promise<unknown>} fetchAnswer
 */
export function createWireAdapter(fetchAnswer) {
    return class PreviewWireAdapter {
        constructor(callback) {
            this.callback = callback;
            this.config = undefined;
            this.version = 0;
            callback({ data: undefined, error: undefined });
        }

        update(config) {
            this.config = config;
            this.refresh();
        }

        refresh() {
            const version = ++this.version;
            return fetchAnswer(this.config).then(
                (data) => {
                    if (version === this.version) {
                        this.callback({ data, error: undefined });
                    }
                },
                (error) => {
                    if (version === this.version) {
                        this.callback({ data: undefined, error });
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
