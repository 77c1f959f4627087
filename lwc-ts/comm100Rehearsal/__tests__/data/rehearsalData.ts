import type { Sample } from '@salesforce/apex/RehearsalController.getSamples';
import type { StoredChatOption } from '@salesforce/apex/RehearsalController.findChats';
import type { Rehearsal } from '@salesforce/apex/RehearsalController.rehearse';

// Values from the Comm100 payload fixtures (webhooks/chat_ended.json, edge/chat_ended_hostile_content.json).
export const CONTACT_ID = '003000000000001AAA';
export const OTHER_CONTACT_ID = '003000000000002AAA';
export const ACCOUNT_ID = '001000000000001AAA';
export const CHAT_ID = 'a01000000000001AAA';
export const CHAT_2_ID = 'a01000000000002AAA';

export const SAMPLES: Sample[] = [
    {
        name: 'chat_ended_webhook',
        label: 'Chat ended (webhook)',
        description: 'Maria Lopez of Northwind Traders asks for a refund of order SO-99817; the chat ends.',
        source: 'webhook'
    },
    {
        name: 'offline_message_webhook',
        label: 'Offline message (webhook)',
        description: 'Jun Chen of Contoso leaves a message about a double charge on invoice 8812.',
        source: 'webhook'
    },
    {
        name: 'api_v4_chat',
        label: 'Chat from the API (v4)',
        description: 'A chat as the Comm100 API v4 returns it, with a flattened pre-chat form.',
        source: 'api_v4'
    }
];

export const CHATS: StoredChatOption[] = [
    {
        id: CHAT_ID,
        comm100Id: '3f6d1c1e-8b2a-4d1f-9c57-2b8e6a9d0c41',
        visitorName: 'Maria Lopez',
        visitorEmail: 'maria.lopez@northwind.example',
        startedAt: '2025-11-25T09:40:12.000Z',
        kind: 'Chat',
        status: 'Identified'
    },
    // Apex may leave null fields out: this chat has no name, email, time, kind or status key.
    { id: CHAT_2_ID, comm100Id: '58f738e3-6e51-4d1b-b2c4-0a9d8e7f6a51' }
];

export const PAYLOAD =
    '{"event":"chat_ended","visitor":{"name":"Maria Lopez","email":"maria.lopez@northwind.example"}}';

export const TRANSCRIPT =
    'Agent Walid Haddad has joined the chat.\n[09:40:12] Walid Haddad: Hi Maria, thank you for contacting Northwind! How may I help you?\n[09:40:31] Maria Lopez: Hi, my order SO-99817 arrived damaged. Can I get a refund?';

const EMPTY: Rehearsal = { usedDraft: false, rules: [], mappings: [], records: [], notes: [] };

export const IDENTIFIED: Rehearsal = {
    inputError: null,
    inputField: null,
    source: 'sample',
    usedDraft: false,
    chat: {
        comm100Id: '3f6d1c1e-8b2a-4d1f-9c57-2b8e6a9d0c41',
        eventType: 'chat_ended',
        source: 'webhook',
        kind: 'Chat',
        values: [
            { apiName: 'Visitor_Name__c', label: 'Visitor Name', value: 'Maria Lopez' },
            { apiName: 'Visitor_Email__c', label: 'Visitor Email', value: 'maria.lopez@northwind.example' },
            { apiName: 'Department__c', label: 'Department', value: 'Support' },
            { apiName: 'Rating_Comment__c', label: 'Rating Comment', value: null }
        ],
        messageCount: 6,
        transcriptPreview: TRANSCRIPT,
        redactions: ['Card number (2)', 'US social security number (1)']
    },
    rules: [
        {
            targetObject: 'Contact',
            label: 'Contact by email',
            developerName: 'Contact_Email',
            order: 1,
            conditions: [
                { comm100Field: 'visitor.email', salesforceField: 'Email', value: 'maria.lopez@northwind.example' }
            ],
            outcome: 'Matched',
            matches: [{ id: CONTACT_ID, name: 'Maria Lopez', objectApiName: 'Contact' }],
            matchCount: 1,
            reason: null
        },
        {
            targetObject: 'Lead',
            label: 'Lead by email',
            developerName: 'Lead_Email',
            order: 1,
            conditions: [
                { comm100Field: 'visitor.email', salesforceField: 'Email', value: 'maria.lopez@northwind.example' }
            ],
            outcome: 'Not run',
            matches: [],
            matchCount: 0,
            reason: 'A Contact rule decided.'
        },
        {
            targetObject: 'Account',
            label: 'Account by company',
            order: 1,
            conditions: [{ comm100Field: 'preChat.Company', salesforceField: 'Name' }],
            outcome: 'Skipped',
            matches: [],
            matchCount: 0,
            reason: 'The chat has no value for preChat.Company.'
        }
    ],
    identity: {
        status: 'Identified',
        matchedObject: 'Contact',
        record: { id: CONTACT_ID, name: 'Maria Lopez', objectApiName: 'Contact' },
        contact: { id: CONTACT_ID, name: 'Maria Lopez', objectApiName: 'Contact' },
        account: { id: ACCOUNT_ID, name: null, objectApiName: 'Account' }
    },
    policy: {
        developerName: 'Chat_Ended',
        label: 'Chat Ended',
        action: 'Create Case',
        multipleMatches: 'Oldest',
        updateMode: 'Only Fill Blanks',
        applies: true,
        reason: null
    },
    mappings: [
        {
            targetObject: 'Contact',
            comm100Field: 'preChat.Phone',
            salesforceField: 'Phone',
            rawValue: '+1 604 555 0134',
            value: '+1 604 555 0134',
            outcome: 'Written',
            reason: null
        },
        {
            targetObject: 'Contact',
            comm100Field: 'preChat.Department',
            salesforceField: 'Department',
            rawValue: 'Support',
            value: null,
            outcome: 'Skipped',
            reason: 'Contact.Department: you do not have access to write this field'
        },
        {
            targetObject: 'Case',
            comm100Field: 'chat.transcript',
            salesforceField: 'Description',
            rawValue: TRANSCRIPT,
            value: 'Agent Walid Haddad has joined the chat.\n[Cut to fit this field: the whole text is on the Comm100 chat record.]',
            outcome: 'Truncated',
            reason: 'Cut to the field length of 32,000 characters.'
        },
        {
            targetObject: 'Case',
            comm100Field: 'visitor.email',
            salesforceField: 'SuppliedEmail',
            rawValue: 'MARIA.LOPEZ@northwind.example',
            value: 'maria.lopez@northwind.example',
            outcome: 'Converted',
            reason: 'Email in lower case.'
        }
    ],
    records: [
        {
            operation: 'Update',
            objectApiName: 'Contact',
            recordId: CONTACT_ID,
            values: [{ apiName: 'Phone', label: 'Business Phone', value: '+1 604 555 0134' }]
        },
        {
            operation: 'Create',
            objectApiName: 'Case',
            recordId: null,
            values: [
                { apiName: 'Subject', label: 'Subject', value: 'Chat with Maria Lopez' },
                { apiName: 'SuppliedEmail', label: 'Web Email', value: 'maria.lopez@northwind.example' }
            ]
        },
        { operation: 'Attach', objectApiName: 'Case', recordId: null, values: [] }
    ],
    notes: ['Contact values left out: Contact.Department: you do not have access to write this field.'],
    failure: null
};

export const HOSTILE_NAME = "<img src=x onerror=alert(1)> Robert'); DROP TABLE Contact;--";
export const HOSTILE_COMPANY = "<script>alert('x')</script>";
export const HOSTILE_TRANSCRIPT =
    '[10:00:09] <b>Bobby</b>: <svg onload=alert(1)>hi</svg> <a href="javascript:alert(2)">click</a>';

export const HOSTILE: Rehearsal = {
    ...EMPTY,
    source: 'payload',
    chat: {
        comm100Id: 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6',
        eventType: 'chat_ended',
        source: 'webhook',
        kind: 'Chat',
        values: [
            { apiName: 'Visitor_Name__c', label: 'Visitor Name', value: HOSTILE_NAME },
            {
                apiName: 'Custom_Variables__c',
                label: '<i>Custom Variables</i>',
                value: 'Note: javascript:alert(document.cookie)'
            }
        ],
        messageCount: 4,
        transcriptPreview: HOSTILE_TRANSCRIPT,
        redactions: []
    },
    rules: [
        {
            targetObject: 'Contact',
            label: '<b>Contact by email</b>',
            order: 1,
            conditions: [{ comm100Field: 'visitor.name', salesforceField: 'LastName', value: HOSTILE_NAME }],
            outcome: 'Matched',
            matches: [{ id: OTHER_CONTACT_ID, name: HOSTILE_NAME, objectApiName: 'Contact' }],
            matchCount: 1
        }
    ],
    identity: { status: 'Identified', matchedObject: 'Contact' },
    mappings: [
        {
            targetObject: 'Lead',
            comm100Field: 'preChat.Company',
            salesforceField: 'Company',
            rawValue: HOSTILE_COMPANY,
            value: HOSTILE_COMPANY,
            outcome: 'Written'
        }
    ],
    records: [
        {
            operation: 'Create',
            objectApiName: 'Lead',
            values: [{ apiName: 'Company', label: 'Company', value: HOSTILE_COMPANY }]
        }
    ],
    notes: [`Lead values: ${HOSTILE_COMPANY}`],
    failure: `<a href="javascript:alert(3)">${HOSTILE_NAME}</a>`
};

export const FAILED: Rehearsal = {
    ...EMPTY,
    source: 'payload',
    identity: { status: 'Not Found' },
    policy: {
        developerName: 'Chat_Ended',
        label: 'Chat Ended',
        action: 'Create Lead',
        applies: false,
        reason: 'The chat has not ended.'
    },
    failure: 'Lead: Last Name is required and the chat has no visitor name.'
};

/** A refusal of the input by Apex: the rest of the answer is empty. */
export function refused(inputField: string, inputError: string): Rehearsal {
    return { ...EMPTY, inputError, inputField };
}
