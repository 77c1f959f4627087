// The visitor panel's pure logic, apart from the component so that it reads (and tests) on its own:
// readable sections from the chat record, the named values of custom variables and pre-chat forms, and
// the fields of a create form in the object's layout order.
import type { FieldId } from '@salesforce/schema';
import type { RecordLayout } from 'lightning/uiRecordApi';
import type { ObjectInfo } from 'lightning/uiObjectInfoApi';

/** A chat field shown in a section; `isUrl` fields become links when they are safe web addresses. */
export interface FieldSpec {
    field: FieldId;
    isUrl?: boolean;
}

/** One label and value, rendered as text, or as a link when `url` is set. */
export interface DisplayField {
    key: string;
    label: string;
    value: string;
    url: string | null;
}

export interface Section {
    id: string;
    title: string;
    headingId: string;
    fields: DisplayField[];
    hasFields: boolean;
    empty: string;
}

export interface SectionSpec {
    id: string;
    title: string;
    empty: string;
    specs: FieldSpec[];
}

export interface ValueSection {
    id: string;
    title: string;
    empty: string;
    fields: DisplayField[];
}

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
 * The sections of the panel: the chat fields that have a value (a section without any says so) and
 * the named-value sections, in the order given.
 */
export function buildSections(
    fieldSections: SectionSpec[],
    valueSections: ValueSection[],
    label: (field: FieldId) => string,
    value: (field: FieldId) => string,
    toSafeUrl: (url: string | null) => string | null
): Section[] {
    const fromFields = fieldSections.map((section) => ({
        id: section.id,
        title: section.title,
        empty: section.empty,
        fields: section.specs
            .map((spec) => {
                const shown = value(spec.field);
                return {
                    key: spec.field.fieldApiName,
                    label: label(spec.field),
                    value: shown,
                    url: spec.isUrl ? toSafeUrl(shown) : null
                };
            })
            .filter((field) => field.value !== '')
    }));
    return [...fromFields, ...valueSections].map((section) => ({
        ...section,
        headingId: `visitor-panel-${section.id}`,
        hasFields: section.fields.length > 0
    }));
}

/**
 * The named values stored on the chat as a JSON object (custom variables, pre-chat fields). A value
 * that is not a JSON object is shown whole rather than lost.
 */
export function parseNamedValues(raw: unknown): DisplayField[] {
    if (raw === null || raw === undefined || raw === '') {
        return [];
    }
    let parsed: unknown;
    try {
        parsed = typeof raw === 'string' ? JSON.parse(raw) : raw;
    } catch {
        parsed = undefined;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        return [
            {
                key: 'raw',
                label: 'Value as received',
                value: typeof raw === 'string' ? raw : JSON.stringify(raw),
                url: null
            }
        ];
    }
    return Object.entries(parsed as Record<string, unknown>).map(([name, value], index) => ({
        key: `${String(index)}-${name}`,
        label: name,
        value: value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value),
        url: null
    }));
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
