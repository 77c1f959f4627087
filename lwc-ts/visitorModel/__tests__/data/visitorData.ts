// Typed test data: the Apex contract's own types and the UI API's, so a contract change breaks these
// tests at compile time.
import type { RecordRepresentation, RecordDefaultsRepresentation } from 'lightning/uiRecordApi';
import type { ObjectInfo, FieldInfo } from 'lightning/uiObjectInfoApi';
import type { PanelFields } from '@salesforce/apex/VisitorPanelController.getPanelFields';
import type { ActionState } from '@salesforce/apex/ChatActionsController.getActionState';
import type { CreateDefaults } from '@salesforce/apex/ChatActionsController.getCreateDefaults';

export const CHAT_ID = 'a01000000000001AAA';
export const CONTACT_ID = '003000000000001AAA';
export const LEAD_ID = '00Q000000000001AAA';
export const ACCOUNT_ID = '001000000000001AAA';
export const CASE_ID = '500000000000001AAA';
export const TASK_ID = '00T000000000001AAA';

type Values = Record<string, string | number | boolean | null>;

export function chatRecord(values: Values): RecordRepresentation {
    return {
        apiName: 'Comm100_Chat__c',
        id: CHAT_ID,
        childRelationships: {},
        fields: Object.fromEntries(
            Object.entries(values).map(([name, value]) => [
                name,
                { value, displayValue: typeof value === 'string' && name.endsWith('Time__c') ? `shown ${value}` : null }
            ])
        ),
        lastModifiedById: null,
        lastModifiedDate: null,
        recordTypeId: null,
        recordTypeInfo: null,
        systemModstamp: null,
        weakEtag: 1
    };
}

const VISITOR: Values = {
    Visitor_Name__c: 'Maria Lopez',
    Visitor_Email__c: 'maria.lopez@example.com',
    Visitor_Phone__c: '+1 415 555 0100',
    Visitor_Company__c: 'Northwind Traders',
    City__c: 'San Francisco',
    Kind__c: 'Chat',
    Status__c: 'Started',
    Start_Time__c: '2025-11-25T09:40:12.000Z',
    Browser__c: 'Chrome 131',
    Landing_Page_URL__c: 'https://www.example.com/pricing',
    // eslint-disable-next-line no-script-url -- hostile input the component must show as text
    Referrer_URL__c: 'javascript:alert(1)',
    Custom_Variables__c: '{"plan":"Enterprise","cartValue":"1299.00"}',
    Pre_Chat_Fields__c: '{"Department":"Sales","Question":"<b>Do you ship to Canada?</b>"}'
};

export const IDENTIFIED_CONTACT = chatRecord({
    ...VISITOR,
    Identification_Status__c: 'Identified',
    Matched_Object__c: 'Contact',
    Matched_Record_Id__c: CONTACT_ID,
    Matched_Record_Name__c: 'Maria Lopez',
    Account__c: ACCOUNT_ID
});

/** An Account matched directly: its own Account__c is not shown a second time. */
export const IDENTIFIED_ACCOUNT = chatRecord({
    ...VISITOR,
    Identification_Status__c: 'Identified',
    Matched_Object__c: 'Account',
    Matched_Record_Id__c: ACCOUNT_ID,
    Matched_Record_Name__c: 'Northwind Traders',
    Account__c: ACCOUNT_ID
});

export const IDENTIFIED_LEAD = chatRecord({
    ...VISITOR,
    Identification_Status__c: 'Identified',
    Matched_Object__c: 'Lead',
    Matched_Record_Id__c: LEAD_ID,
    Matched_Record_Name__c: 'Maria Lopez',
    Account__c: null
});

export const NOT_FOUND = chatRecord({
    ...VISITOR,
    Identification_Status__c: 'Not Found',
    Matched_Object__c: null,
    Matched_Record_Id__c: null,
    Custom_Variables__c: 'not json',
    Pre_Chat_Fields__c: null
});

export const AMBIGUOUS = chatRecord({ ...VISITOR, Identification_Status__c: 'Ambiguous' });

/** A rule could not decide (its query failed or too many records match): no record was chosen. */
export const UNDECIDED = chatRecord({ ...VISITOR, Identification_Status__c: 'Undecided' });

/** A chat that has only just started: nothing is known about the visitor yet. */
export const JUST_STARTED = chatRecord({
    Kind__c: 'Chat',
    Status__c: 'Started',
    Visitor_Name__c: null,
    Custom_Variables__c: null,
    Pre_Chat_Fields__c: null,
    Identification_Status__c: 'Pending'
});

export const PANEL_FIELDS: PanelFields[] = [
    { objectApiName: 'Contact', fields: ['Name', 'Email', 'Phone', 'Department', 'OwnerId'] },
    { objectApiName: 'Lead', fields: ['Name', 'Email', 'Company', 'OwnerId'] },
    { objectApiName: 'Account', fields: ['Name', 'OwnerId'] }
];

export const CONTACT_ACTIONS: ActionState = {
    options: [
        { action: 'ATTACH_CASE', label: 'Attach Case', createObject: null, targetRecordId: CONTACT_ID },
        { action: 'ATTACH_TASK', label: 'Attach Task', createObject: null, targetRecordId: CONTACT_ID }
    ],
    pendingAction: null,
    pendingRecordId: null,
    chatEnded: false,
    caseId: null,
    taskId: null
};

export const LEAD_ACTIONS: ActionState = {
    ...CONTACT_ACTIONS,
    options: [{ action: 'ATTACH_TASK', label: 'Attach Task', createObject: null, targetRecordId: LEAD_ID }]
};

export const NOT_FOUND_ACTIONS: ActionState = {
    ...CONTACT_ACTIONS,
    options: [
        { action: 'CREATE_LEAD_TASK', label: 'Create Lead & Attach Task', createObject: 'Lead', targetRecordId: null },
        { action: 'CREATE_CASE', label: 'Create Case', createObject: 'Case', targetRecordId: null },
        {
            action: 'CREATE_CONTACT_CASE',
            label: 'Create Contact & Attach Case',
            createObject: 'Contact',
            targetRecordId: null
        },
        {
            action: 'CREATE_CONTACT_TASK',
            label: 'Create Contact & Attach Task',
            createObject: 'Contact',
            targetRecordId: null
        }
    ]
};

export const PENDING: ActionState = {
    ...CONTACT_ACTIONS,
    pendingAction: 'Attach Case',
    pendingRecordId: CONTACT_ID
};

export const ATTACHED: ActionState = { ...PENDING, chatEnded: true, caseId: CASE_ID };

export const ATTACHED_TASK: ActionState = {
    ...CONTACT_ACTIONS,
    options: [],
    pendingAction: 'Attach Task',
    pendingRecordId: CONTACT_ID,
    chatEnded: true,
    taskId: TASK_ID
};

export const CONTACT_DEFAULTS: CreateDefaults = {
    objectApiName: 'Contact',
    defaults: { LastName: 'Maria Lopez', Email: 'maria.lopez@example.com', Department: 'Sales' },
    skipped: ['Contact.Phone: you do not have access to write this field', 'Contact.Description: the value is too long']
};

function fieldInfo(apiName: string, overrides: Partial<FieldInfo> = {}): FieldInfo {
    return {
        apiName,
        label: apiName,
        dataType: 'String',
        required: false,
        createable: true,
        updateable: true,
        length: 80,
        nillable: true,
        reference: false,
        referenceToInfos: [],
        relationshipName: null,
        compound: false,
        compoundFieldName: null,
        ...overrides
    };
}

/** The object information of a Comm100 Chat for the agent: the labels an admin gave two fields. */
export const CHAT_INFO: ObjectInfo = {
    apiName: 'Comm100_Chat__c',
    label: 'Comm100 Chat',
    labelPlural: 'Comm100 Chats',
    keyPrefix: 'a01',
    createable: false,
    updateable: true,
    deletable: false,
    queryable: true,
    defaultRecordTypeId: '012000000000000AAA',
    nameFields: ['Name'],
    recordTypeInfos: {},
    themeInfo: null,
    fields: {
        Visitor_Name__c: fieldInfo('Visitor_Name__c', { label: 'Name' }),
        Browser__c: fieldInfo('Browser__c', { label: 'Web browser' })
    }
};

/**
 * The Contact as this agent may create it: Phone is not createable for them (the mapping skipped it,
 * see CONTACT_DEFAULTS), Title is createable but read-only on the create layout, and the Mailing
 * Address parts arrive in no particular order, three of them with no place in the usual order.
 */
const CONTACT_INFO: ObjectInfo = {
    apiName: 'Contact',
    label: 'Contact',
    labelPlural: 'Contacts',
    keyPrefix: '003',
    createable: true,
    updateable: true,
    deletable: true,
    queryable: true,
    defaultRecordTypeId: '012000000000000AAA',
    nameFields: ['Name'],
    recordTypeInfos: {},
    themeInfo: null,
    fields: {
        Name: fieldInfo('Name', { compound: true, createable: false }),
        Salutation: fieldInfo('Salutation', { compoundFieldName: 'Name' }),
        LastName: fieldInfo('LastName', { compoundFieldName: 'Name', required: true }),
        FirstName: fieldInfo('FirstName', { compoundFieldName: 'Name' }),
        AccountId: fieldInfo('AccountId', { reference: true }),
        Email: fieldInfo('Email'),
        Phone: fieldInfo('Phone', { createable: false }),
        Title: fieldInfo('Title'),
        Department: fieldInfo('Department'),
        CreatedById: fieldInfo('CreatedById', { createable: false }),
        MailingAddress: fieldInfo('MailingAddress', { compound: true, createable: false }),
        MailingGeocodeAccuracy: fieldInfo('MailingGeocodeAccuracy', { compoundFieldName: 'MailingAddress' }),
        MailingCountry: fieldInfo('MailingCountry', { compoundFieldName: 'MailingAddress' }),
        MailingLatitude: fieldInfo('MailingLatitude', { compoundFieldName: 'MailingAddress' }),
        MailingCity: fieldInfo('MailingCity', { compoundFieldName: 'MailingAddress' }),
        MailingStreet: fieldInfo('MailingStreet', { compoundFieldName: 'MailingAddress' }),
        MailingPostalCode: fieldInfo('MailingPostalCode', { compoundFieldName: 'MailingAddress' }),
        MailingState: fieldInfo('MailingState', { compoundFieldName: 'MailingAddress' }),
        MailingLongitude: fieldInfo('MailingLongitude', { compoundFieldName: 'MailingAddress' })
    }
};

/**
 * The Contact create layout: Name (compound), Account; Phone (not createable for this agent), Title
 * (read-only on create), Created By (read-only); Email with a custom link beside it; Mailing Address
 * (compound). Department is not on it.
 */
export const CONTACT_CREATE_DEFAULTS: RecordDefaultsRepresentation = {
    layout: {
        id: '00h000000000001AAA',
        layoutType: 'Full',
        mode: 'Create',
        sections: [
            {
                id: 's1',
                heading: 'Contact Information',
                useHeading: true,
                columns: 2,
                layoutRows: [
                    {
                        layoutItems: [
                            {
                                editableForNew: true,
                                editableForUpdate: true,
                                label: 'Name',
                                required: true,
                                layoutComponents: [{ apiName: 'Name', componentType: 'Field', label: 'Name' }]
                            },
                            {
                                editableForNew: true,
                                editableForUpdate: true,
                                label: 'Account Name',
                                required: false,
                                layoutComponents: [{ apiName: 'AccountId', componentType: 'Field', label: 'Account' }]
                            }
                        ]
                    },
                    {
                        layoutItems: [
                            {
                                editableForNew: true,
                                editableForUpdate: true,
                                label: 'Phone',
                                required: false,
                                layoutComponents: [{ apiName: 'Phone', componentType: 'Field', label: 'Phone' }]
                            },
                            {
                                editableForNew: false,
                                editableForUpdate: true,
                                label: 'Title',
                                required: false,
                                layoutComponents: [{ apiName: 'Title', componentType: 'Field', label: 'Title' }]
                            },
                            {
                                editableForNew: false,
                                editableForUpdate: false,
                                label: 'Created By',
                                required: false,
                                layoutComponents: [
                                    { apiName: 'CreatedById', componentType: 'Field', label: 'Created By' }
                                ]
                            }
                        ]
                    },
                    {
                        layoutItems: [
                            {
                                editableForNew: true,
                                editableForUpdate: true,
                                label: 'Email',
                                required: true,
                                layoutComponents: [
                                    { apiName: 'Email', componentType: 'Field', label: 'Email' },
                                    { apiName: 'Verify_Email', componentType: 'CustomLink', label: 'Verify' },
                                    { apiName: null, componentType: 'EmptySpace', label: null }
                                ]
                            }
                        ]
                    }
                ]
            },
            {
                id: 's2',
                heading: 'Address Information',
                useHeading: true,
                columns: 1,
                layoutRows: [
                    {
                        layoutItems: [
                            {
                                editableForNew: true,
                                editableForUpdate: true,
                                label: 'Mailing Address',
                                required: false,
                                layoutComponents: [
                                    { apiName: 'MailingAddress', componentType: 'Field', label: 'Mailing Address' }
                                ]
                            }
                        ]
                    }
                ]
            }
        ]
    },
    objectInfos: { Contact: CONTACT_INFO },
    record: chatRecord({})
};

/** A create form the UI API gives no layout for, nor object information: only the mapped fields. */
export const NO_LAYOUT_CREATE_DEFAULTS: RecordDefaultsRepresentation = {
    layout: null,
    objectInfos: {},
    record: chatRecord({})
};
