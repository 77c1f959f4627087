/**
 * The contract of VisitorPanelController (Apex). Components, Jest mocks and preview fixtures use these
 * types, so a change of the Apex contract fails the type-check.
 */
declare module '@salesforce/apex/VisitorPanelController.getPanelFields' {
    import type { ApexMethodNoParams } from '@salesforce/apex';

    export interface PanelFields {
        objectApiName: 'Contact' | 'Lead' | 'Account';
        /** Field API names in the order shown: Name, the mapped fields, OwnerId; only fields the agent may read. */
        fields: string[];
    }

    const getPanelFields: ApexMethodNoParams<PanelFields[]>;
    export default getPanelFields;
}
