import type { FieldMapping, ObjectCount } from '@salesforce/apex/ConfigurationController.getConfiguration';
import type { DraftIssue } from '@salesforce/apex/ConfigurationController.check';
import { MAPPED_OBJECTS, isNewRow, issueAt } from 'c/configModel';
import type { ShownIssue } from 'c/configModel';

export const SECTION = 'fieldMappings';
const OWN_FIELDS = new Set(['label', 'comm100Field', 'salesforceField']);

export interface MappingView {
    key: string;
    label: string;
    comm100Field: string;
    salesforceField: string;
    active: boolean;
    targetObject: string;
    ids: { label: string; active: string; labelMessage: string };
    labelText: string;
    labelClass: string;
    labelInvalid: string;
    comm100Issue: { message: string; severity: string };
    salesforceIssue: { message: string; severity: string };
    otherIssues: { id: string; text: string; className: string }[];
    removeLabel: string;
    className: string;
    inactiveNote: string;
}

export interface MappingGroup {
    apiName: string;
    label: string;
    countText: string;
    addLabel: string;
    empty: boolean;
    mappings: MappingView[];
}

function shown(issues: readonly DraftIssue[], key: string, field: string): { message: string; severity: string } {
    const issue = issueAt(issues, SECTION, key, field);
    return { message: issue?.message ?? '', severity: issue?.severity ?? '' };
}

function mappingView(mapping: FieldMapping, issues: readonly DraftIssue[]): MappingView {
    const labelIssue = issueAt(issues, SECTION, mapping.key, 'label');
    const warning = labelIssue?.severity === 'warning';
    const name = mapping.label || 'the new mapping';
    return {
        key: mapping.key,
        label: mapping.label,
        comm100Field: mapping.comm100Field,
        salesforceField: mapping.salesforceField,
        active: mapping.active,
        targetObject: mapping.targetObject,
        ids: {
            label: `${mapping.key}-label`,
            active: `${mapping.key}-active`,
            labelMessage: `${mapping.key}-label-message`
        },
        labelText: labelIssue ? `${warning ? 'Warning' : 'Error'}: ${labelIssue.message}` : '',
        labelClass: `slds-form-element mapping-editor__label${labelIssue ? (warning ? ' mapping-editor__warning' : ' slds-has-error') : ''}`,
        labelInvalid: labelIssue && !warning ? 'true' : 'false',
        comm100Issue: shown(issues, mapping.key, 'comm100Field'),
        salesforceIssue: shown(issues, mapping.key, 'salesforceField'),
        otherIssues: (issues as ShownIssue[])
            .filter((i) => i.section === SECTION && i.key === mapping.key && !OWN_FIELDS.has(i.field))
            .map((i, index) => ({
                id: `${mapping.key}-other-${index}`,
                text: `${i.severity === 'warning' ? 'Warning' : 'Error'}: ${i.message}`,
                className: i.severity === 'warning' ? 'mapping-editor__warning' : 'slds-text-color_error'
            })),
        removeLabel: `Remove ${name}`,
        className: `mapping-editor__mapping${mapping.active ? '' : ' mapping-editor__mapping_inactive'}`,
        inactiveNote:
            mapping.active || isNewRow(mapping)
                ? ''
                : 'Inactive: a deployed mapping cannot be deleted, so it stays in the configuration and writes nothing. Check Active to use it again.'
    };
}

/** How many fields of an object the draft's active mappings write (each field once). */
export function draftMappedCount(rows: readonly FieldMapping[], objectApiName: string): number {
    return new Set(
        rows
            .filter((m) => m.active && m.targetObject === objectApiName && m.salesforceField)
            .map((m) => m.salesforceField)
    ).size;
}

/** "12 of 57 fields mapped", and the draft's count beside it when the draft changes it. */
export function countText(count: ObjectCount | undefined, draftCount: number): string {
    if (!count) {
        return draftCount === 1 ? '1 field mapped in this draft' : `${draftCount} fields mapped in this draft`;
    }
    const deployed = `${count.mappedFields} of ${count.totalFields} fields mapped`;
    return draftCount === count.mappedFields ? deployed : `${deployed} (${draftCount} in this draft)`;
}

export function mappingGroups(
    rows: readonly FieldMapping[],
    issues: readonly DraftIssue[],
    objects: readonly ObjectCount[]
): MappingGroup[] {
    return MAPPED_OBJECTS.map(({ apiName, label }) => {
        const mappings = rows.filter((row) => row.targetObject === apiName);
        return {
            apiName,
            label,
            countText: countText(
                objects.find((object) => object.objectApiName === apiName),
                draftMappedCount(rows, apiName)
            ),
            addLabel: `Add a ${label} mapping`,
            empty: mappings.length === 0,
            mappings: mappings.map((mapping) => mappingView(mapping, issues))
        };
    });
}

/** The label a new mapping gets from its field until the admin names it: "Case Description". */
export function defaultLabel(objectLabel: string, salesforceField: string): string {
    return `${objectLabel} ${salesforceField.replace(/__c$/, '').replace(/_/g, ' ')}`.slice(0, 40).trim();
}
