import { LightningElement, api } from 'lwc';
import type {
    CatalogueField,
    FieldMapping,
    MappedObject,
    ObjectCount
} from '@salesforce/apex/ConfigurationController.getConfiguration';
import type { DraftIssue } from '@salesforce/apex/ConfigurationController.check';
import { MAPPED_OBJECTS, isNewRow, newKey, removeRow, updateRow } from 'c/configModel';
import { SECTION, defaultLabel, mappingGroups } from './mappingView';
import type { MappingGroup } from './mappingView';

/**
 * The field mappings of the draft, by object (Contact, Lead, Account, Case, Task, Comm100 Chat): which Comm100 field
 * the sync writes into which Salesforce field (only fields it can create or update are offered), active, add and
 * remove (a new mapping goes, a deployed one is deactivated). Each object shows how many of its fields the deployed
 * mappings write, and the draft's count beside it when the draft changes it. Every edit dispatches `draftchange`.
 */
export default class Comm100MappingEditor extends LightningElement {
    @api rows: FieldMapping[] | undefined;
    @api issues: DraftIssue[] | undefined;
    @api catalogue: CatalogueField[] | undefined;
    /** The objects' field counts from getConfiguration. */
    @api objects: ObjectCount[] | undefined;

    private get list(): FieldMapping[] {
        return this.rows ?? [];
    }

    get groups(): MappingGroup[] {
        return mappingGroups(this.rows ?? [], this.issues ?? [], this.objects ?? []);
    }

    private publish(rows: FieldMapping[]): void {
        this.dispatchEvent(new CustomEvent('draftchange', { detail: { section: SECTION, rows } }));
    }

    private mapping(key: string | undefined): FieldMapping | undefined {
        return this.list.find((row) => row.key === key);
    }

    private patch(event: Event, patch: (mapping: FieldMapping) => Partial<FieldMapping>): void {
        const mapping = this.mapping((event.currentTarget as HTMLElement).dataset.key);
        if (mapping) {
            this.publish(updateRow(this.list, mapping.key, patch(mapping)));
        }
    }

    handleLabel(event: Event): void {
        const label = (event.target as HTMLInputElement).value;
        this.patch(event, () => ({ label }));
    }

    handleActive(event: Event): void {
        const active = (event.target as HTMLInputElement).checked;
        this.patch(event, () => ({ active }));
    }

    handleComm100Field(event: CustomEvent<{ value: string }>): void {
        const comm100Field = event.detail.value;
        this.patch(event, () => ({ comm100Field }));
    }

    handleSalesforceField(event: CustomEvent<{ value: string }>): void {
        const salesforceField = event.detail.value;
        this.patch(event, (mapping) => {
            const objectLabel = MAPPED_OBJECTS.find((o) => o.apiName === mapping.targetObject)?.label ?? '';
            // A new mapping not named yet (or still named after its previous field) is named after its field.
            const named =
                isNewRow(mapping) &&
                (!mapping.label || mapping.label === defaultLabel(objectLabel, mapping.salesforceField));
            return named && salesforceField
                ? { salesforceField, label: defaultLabel(objectLabel, salesforceField) }
                : { salesforceField };
        });
    }

    addMapping(event: Event): void {
        const targetObject = (event.currentTarget as HTMLElement).dataset.object as MappedObject;
        const mapping: FieldMapping = {
            key: newKey(),
            developerName: null,
            label: '',
            targetObject,
            comm100Field: '',
            salesforceField: '',
            active: true
        };
        this.publish([...this.list, mapping]);
    }

    removeMapping(event: Event): void {
        const mapping = this.mapping((event.currentTarget as HTMLElement).dataset.key);
        if (mapping) {
            this.publish(removeRow(this.list, mapping.key));
        }
    }
}
