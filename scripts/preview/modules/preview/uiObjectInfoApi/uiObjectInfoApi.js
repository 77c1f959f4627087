// Stands in for `lightning/uiObjectInfoApi` in the preview: object descriptions come from the
// scene's `objectInfos`, keyed by API name. As on the platform, a field the running user cannot read
// (the scene's `unreadableFields`) is not in the description.
import { createWireAdapter, getScene, latency } from 'preview/mockContext';

function apiNameOf(value) {
    return typeof value === 'string' ? value : value?.objectApiName;
}

function describe(apiName) {
    const info = getScene().objectInfos?.[apiName];
    if (!info) {
        return Promise.reject({
            ok: false,
            status: 404,
            statusText: 'Not Found',
            body: [{ errorCode: 'NOT_FOUND', message: `No object info for ${apiName} in this scene` }]
        });
    }
    const described = structuredClone(info);
    const unreadable = new Set(getScene().unreadableFields ?? []);
    described.fields = Object.fromEntries(
        Object.entries(described.fields ?? {}).filter(([name]) => !unreadable.has(`${apiName}.${name}`))
    );
    return Promise.resolve(described);
}

export const getObjectInfo = createWireAdapter(
    (config) => latency().then(() => describe(apiNameOf(config.objectApiName))),
    { ready: (config) => Boolean(apiNameOf(config.objectApiName)) }
);

export const getObjectInfos = createWireAdapter(
    (config) =>
        latency().then(() =>
            Promise.all(
                (config.objectApiNames ?? []).map((name) =>
                    describe(apiNameOf(name)).then(
                        (result) => ({ statusCode: 200, result }),
                        (error) => ({ statusCode: 404, result: error.body })
                    )
                )
            ).then((results) => ({ results }))
        ),
    { ready: (config) => Array.isArray(config.objectApiNames) }
);

export const getPicklistValues = createWireAdapter(
    (config) => {
        const field = config.fieldApiName;
        const qualified = typeof field === 'string' ? field : `${field?.objectApiName}.${field?.fieldApiName}`;
        const values = getScene().picklistValues?.[qualified];
        return latency().then(() =>
            values
                ? structuredClone(values)
                : Promise.reject({
                      ok: false,
                      status: 404,
                      statusText: 'Not Found',
                      body: [{ errorCode: 'NOT_FOUND', message: `No picklist values for ${qualified} in this scene` }]
                  })
        );
    },
    { ready: (config) => Boolean(config.fieldApiName) && Boolean(config.recordTypeId) }
);
