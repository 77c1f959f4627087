import { LightningElement, api } from 'lwc';
import type { MappingTrace } from '@salesforce/apex/RehearsalController.rehearse';
import { mappingTables } from 'c/rehearsalModel';
import type { MappingTable } from 'c/rehearsalModel';

/**
 * The mapped values of a rehearsal, one table per target object: the Comm100 field and its raw value, the
 * Salesforce field and the value it would get, the outcome as a badge with text, and the conversion made or why the
 * value was cut or left out. Truncated and skipped rows are marked by more than colour.
 */
export default class RehearsalMappings extends LightningElement {
    @api mappings: MappingTrace[] | undefined;

    get tables(): MappingTable[] {
        return mappingTables(this.mappings);
    }

    get hasTables(): boolean {
        return this.tables.length > 0;
    }
}
