import type {
    CatalogueField,
    ConfigDraft,
    Configuration,
    Deployment
} from '@salesforce/apex/ConfigurationController.getConfiguration';
import type { FieldOption } from '@salesforce/apex/ConfigurationController.getObjectFields';

export const CATALOGUE: CatalogueField[] = [
    { key: 'visitor.name', label: 'Name', category: 'Visitor', valueType: 'STRING' },
    { key: 'visitor.email', label: 'Email', category: 'Visitor', valueType: 'EMAIL' },
    { key: 'visitor.phone', label: 'Phone', category: 'Visitor', valueType: 'PHONE' },
    { key: 'session.ip', label: 'IP', category: 'Session', valueType: 'STRING' },
    { key: 'preChat.Company', label: 'Company', category: 'Pre-Chat', valueType: 'STRING' },
    { key: 'chat.transcript', label: 'Transcript', category: 'Chat', valueType: 'TEXTAREA' }
];

export const CONTACT_FIELDS: FieldOption[] = [
    { apiName: 'Id', label: 'Contact ID', type: 'ID', createable: false, updateable: false, indexed: true, length: 18 },
    {
        apiName: 'LastName',
        label: 'Last Name',
        type: 'STRING',
        createable: true,
        updateable: true,
        indexed: true,
        length: 80
    },
    { apiName: 'Email', label: 'Email', type: 'EMAIL', createable: true, updateable: true, indexed: true, length: 80 },
    {
        apiName: 'Phone',
        label: 'Business Phone',
        type: 'PHONE',
        createable: true,
        updateable: true,
        indexed: false,
        length: 40
    },
    {
        apiName: 'Department',
        label: 'Department',
        type: 'STRING',
        createable: true,
        updateable: true,
        indexed: false,
        length: 80
    },
    {
        apiName: 'CreatedDate',
        label: 'Created Date',
        type: 'DATETIME',
        createable: false,
        updateable: false,
        indexed: true,
        length: 0
    }
];

export function draft(): ConfigDraft {
    return {
        identificationRules: [
            {
                key: 'Contact_Email',
                developerName: 'Contact_Email',
                label: 'Contact by email',
                targetObject: 'Contact',
                order: 1,
                active: true,
                conditions: [{ comm100Field: 'visitor.email', salesforceField: 'Email' }]
            },
            {
                key: 'Contact_Phone',
                developerName: 'Contact_Phone',
                label: 'Contact by phone',
                targetObject: 'Contact',
                order: 2,
                active: true,
                conditions: [{ comm100Field: 'visitor.phone', salesforceField: 'Phone' }]
            },
            {
                key: 'Lead_Email',
                developerName: 'Lead_Email',
                label: 'Lead by email',
                targetObject: 'Lead',
                order: 1,
                active: true,
                conditions: [{ comm100Field: 'visitor.email', salesforceField: 'Email' }]
            }
        ],
        fieldMappings: [
            {
                key: 'Contact_Email',
                developerName: 'Contact_Email',
                label: 'Contact Email',
                targetObject: 'Contact',
                comm100Field: 'visitor.email',
                salesforceField: 'Email',
                active: true
            },
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
        policies: [
            {
                key: 'Chat_Ended',
                appliesTo: 'Chat_Ended',
                developerName: 'Chat_Ended',
                label: 'When a chat ends',
                action: 'Do Nothing',
                multipleMatches: 'Oldest',
                updateMode: 'Only Fill Blanks'
            }
        ],
        redactionRules: [],
        allowList: []
    };
}

export function configuration(lastDeployment: Deployment | null = null): Configuration {
    return {
        draft: draft(),
        catalogue: CATALOGUE,
        objects: [
            { objectApiName: 'Contact', label: 'Contact', totalFields: 57, mappedFields: 1 },
            { objectApiName: 'Case', label: 'Case', totalFields: 41, mappedFields: 1 }
        ],
        lastDeployment
    };
}

export const QUEUED: Deployment = {
    jobId: '0Af5g00000AbCdEFGH',
    status: 'Queued',
    done: false,
    message: 'Deploying 2 records. The deployment runs in the background; its result shows here when it ends.',
    errors: [],
    startedAt: '2026-11-22T09:00:00.000Z',
    completedAt: null,
    startedBy: 'Ada Admin'
};

export const SUCCEEDED: Deployment = {
    ...QUEUED,
    status: 'Succeeded',
    done: true,
    message: 'Deployed: 2 records saved. The sync uses the new configuration from now on.',
    completedAt: '2026-11-22T09:00:09.000Z'
};

export const FAILED: Deployment = {
    ...QUEUED,
    status: 'Failed',
    done: true,
    message: 'Nothing was saved: see the errors below.',
    errors: ['Comm100_Field_Mapping.Contact_Email: Salesforce Field: value too long'],
    completedAt: '2026-11-22T09:00:09.000Z'
};
