// Stands in for `lightning/uiObjectInfoApi` in the preview: object descriptions come from the
// scene's `objectInfos`, keyed by API name.
import { createWireAdapter, getScene } from 'preview/mockContext';

function apiNameOf(value) {
    return typeof value === 'string' ? value : value?.objectApiName;
}

function describe(apiName) {
    const info = getScene().objectInfos?.[apiName];
    return info
        ? Promise.resolve(structuredClone(info))
        : Promise.reject({
              status: 404,
              body: [{ errorCode: 'NOT_FOUND', message: `No object info for ${apiName} in this scene` }]
          });
}

export const getObjectInfo = createWireAdapter((config) => describe(apiNameOf(config?.objectApiName)));

export const getObjectInfos = createWireAdapter((config) =>
    Promise.all(
        (config?.objectApiNames ?? []).map((name) =>
            describe(apiNameOf(name)).then(
                (result) => ({ statusCode: 200, result }),
                (error) => ({ statusCode: 404, result: error })
            )
        )
    ).then((results) => ({ results }))
);

export const getPicklistValues = createWireAdapter((config) => {
    const field = config?.fieldApiName;
    const qualified = typeof field === 'string' ? field : `${field?.objectApiName}.${field?.fieldApiName}`;
    const values = getScene().picklistValues?.[qualified];
    return values
        ? Promise.resolve(structuredClone(values))
        : Promise.reject({ status: 404, body: [{ message: `No picklist values for ${qualified} in this scene` }] });
});
