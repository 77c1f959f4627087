import type { ConfigDraft, IdentificationRule } from '@salesforce/apex/ConfigurationController.getConfiguration';

/** A rule keyed and labelled `key`: a new row (no DeveloperName) when the key starts with new-. */
export function rule(key: string, targetObject: 'Contact' | 'Lead' | 'Account', order: number): IdentificationRule {
    return {
        key,
        developerName: key.startsWith('new-') ? null : key,
        label: key,
        targetObject,
        order,
        active: true,
        conditions: [{ comm100Field: 'visitor.email', salesforceField: 'Email' }]
    };
}

/** A deployed configuration: two rules and one mapping. */
export const DEPLOYED: ConfigDraft = {
    identificationRules: [rule('Contact_Email', 'Contact', 1), rule('Lead_Email', 'Lead', 1)],
    fieldMappings: [
        {
            key: 'Case_Description',
            developerName: 'Case_Description',
            label: 'Case Description',
            targetObject: 'Case',
            comm100Field: 'chat.transcript',
            salesforceField: 'Description',
            active: true
        }
    ],
    policies: [],
    redactionRules: [],
    allowList: []
};
