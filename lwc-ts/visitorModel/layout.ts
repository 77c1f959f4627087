// The fields of a create form in the object's layout order, pre-filled from the field mappings.
import type { RecordLayout } from 'lightning/uiRecordApi';
import type { ObjectInfo } from 'lightning/uiObjectInfoApi';

/** A field of a create form: in layout order, marked required, with the value the mappings give it. */
export interface LayoutField {
    key: string;
    apiName: string;
    required: boolean;
    value: string | number | boolean | null | undefined;
    /** True when the field is not on the layout and was added because a mapping fills it. */
    addedForMapping: boolean;
}

const PART_ORDER = [
    'Salutation',
    'FirstName',
    'MiddleName',
    'LastName',
    'Suffix',
    'Street',
    'City',
    'State',
    'PostalCode',
    'Country'
];

function partRank(apiName: string): number {
    const rank = PART_ORDER.findIndex((suffix) => apiName.endsWith(suffix));
    return rank === -1 ? PART_ORDER.length : rank;
}

/**
 * The fields of a create form in the layout's order: only items editable on create, compound fields
 * (a name, an address) split into their parts so that each can be pre-filled, required items marked,
 * and mapped fields that the layout lacks added at the end so no mapped value is lost.
 */
export function layoutFields(
    layout: RecordLayout | null,
    objectInfo: ObjectInfo | undefined,
    defaults: Record<string, string | number | boolean | null>
): LayoutField[] {
    const result: LayoutField[] = [];
    const seen = new Set<string>();
    const fieldInfos = objectInfo?.fields ?? {};
    const add = (apiName: string, required: boolean, addedForMapping: boolean): void => {
        const info = fieldInfos[apiName];
        if (seen.has(apiName) || (info !== undefined && !info.createable)) {
            return;
        }
        seen.add(apiName);
        result.push({
            key: apiName,
            apiName,
            required: required || (info?.required ?? false),
            value: defaults[apiName],
            addedForMapping
        });
    };
    for (const section of layout?.sections ?? []) {
        for (const row of section.layoutRows) {
            for (const item of row.layoutItems) {
                if (!item.editableForNew) {
                    continue;
                }
                for (const component of item.layoutComponents) {
                    if (component.componentType !== 'Field' || !component.apiName) {
                        continue;
                    }
                    const compoundName = component.apiName;
                    const parts = fieldInfos[compoundName]?.compound
                        ? Object.values(fieldInfos)
                              .filter(
                                  (info) => info.compoundFieldName === compoundName && info.apiName !== compoundName
                              )
                              .sort((a, b) => partRank(a.apiName) - partRank(b.apiName))
                        : [];
                    if (parts.length > 0) {
                        // A part is required when the item is and the database also requires it (LastName, not FirstName).
                        parts.forEach((part) => {
                            add(part.apiName, false, false);
                        });
                    } else {
                        add(compoundName, item.required, false);
                    }
                }
            }
        }
    }
    for (const apiName of Object.keys(defaults)) {
        add(apiName, false, true);
    }
    return result;
}
