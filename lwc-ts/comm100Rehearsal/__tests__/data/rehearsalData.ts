import type { Sample } from '@salesforce/apex/RehearsalController.getSamples';
import type { StoredChatOption } from '@salesforce/apex/RehearsalController.findChats';
import type { Rehearsal } from '@salesforce/apex/RehearsalController.rehearse';

// What RehearsalController answers, in its own words: the shipped samples (staticresources/
// Comm100_Rehearsal_Samples.json), and rehearsals whose sentences are those ChatRehearsal, RehearsalRecords,
// ChatSyncEngine, VisitorIdentifier and FieldMapper build. Apex leaves out a chat value that is null.
export const CONTACT_ID = '003000000000001AAA';
export const OTHER_CONTACT_ID = '003000000000002AAA';
export const ACCOUNT_ID = '001000000000001AAA';
export const CHAT_ID = 'a01000000000001AAA';
export const CHAT_2_ID = 'a01000000000002AAA';

export const SAMPLES: Sample[] = [
    {
        name: 'chat_ended',
        label: 'Chat ended (webhook)',
        description:
            'Maria Lopez asks for a refund on a damaged order: a chat_ended webhook with a transcript, pre-chat fields and two custom variables.',
        source: 'webhook'
    },
    {
        name: 'offline_message',
        label: 'Offline message (webhook)',
        description:
            'Jun Chen reports a double charge while no agent is online: an offline_message_submitted webhook with a subject and an attachment.',
        source: 'webhook'
    },
    {
        name: 'api_v4_chat',
        label: 'Chat from the Comm100 API v4',
        description:
            "Omar Haddad's router keeps rebooting: a chat as the Comm100 API v4 returns it (a backfill), with the transcript as one text.",
        source: 'api_v4'
    }
];

export const CHATS: StoredChatOption[] = [
    {
        id: CHAT_ID,
        comm100Id: '3f6d1c1e-8b2a-4d1f-9c57-2b8e6a9d0c41',
        visitorName: 'Maria Lopez',
        visitorEmail: 'maria.lopez@northwind.example',
        startedAt: '2025-11-25T09:40:12Z',
        kind: 'Chat',
        status: 'Ended'
    },
    // Apex may leave null fields out: this chat has no name, email, time, kind or status key.
    { id: CHAT_2_ID, comm100Id: '58f738e3-6e51-4d1b-b2c4-0a9d8e7f6a51' }
];

export const PAYLOAD =
    '{"event":"chat_ended","visitor":{"name":"Maria Lopez","email":"maria.lopez@northwind.example"}}';

export const TRANSCRIPT =
    '(system): Agent Walid Haddad has joined the chat.\n[09:40:12] Walid Haddad (agent): Hi Maria, thank you for contacting Northwind! How may I help you?\n[09:40:31] Maria Lopez (visitor): Hi, my order SO-99817 arrived damaged. Can I get a refund?';

/** A pre-chat company longer than Case.SuppliedCompany (80 characters), and the text FieldMapper.fit leaves of it. */
export const LONG_COMPANY = 'Northwind Traders International Holdings Limited, Pacific Northwest Retail Division';
export const CUT_COMPANY = 'Northwind\n[Cut to fit this field: the whole text is on the Comm100 chat record.]';
export const CUT_REASON =
    'cut from 83 to 80 characters to fit the field (the whole text stays on the Comm100 chat record)';

/** The sentences of RehearsalRecords and ChatSyncEngine this data holds. */
export const NEW_CASE = '(the Case this sync creates)';
export const NEW_LEAD = '(the Lead this sync creates)';
export const LEFT_OUT_NOTE =
    'Case values left out: Case.SuppliedEmail: "maria.lopez at northwind" is not an email address.';
export const UNDECIDED_FAILURE =
    'The identification rules could not decide whether this visitor is a known Contact: nothing was created, so no duplicate is made. Replay this log once the rule is fixed.';
export const NOT_ENDED_REASON =
    'The sync policy runs when a chat ends or an offline message is submitted; this chat received chat_wrapped_up.';

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
            { apiName: 'Transcript_Chunk_Count__c', label: 'Transcript Chunks', value: '1' }
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
            reason: 'An earlier rule decided: Identified (Contact).'
        },
        {
            targetObject: 'Account',
            label: 'Account by company',
            developerName: 'Account_Company',
            order: 1,
            conditions: [{ comm100Field: 'preChat.Company', salesforceField: 'Name' }],
            outcome: 'Not run',
            matches: [],
            matchCount: 0,
            reason: "The matched Contact's Account is used."
        }
    ],
    identity: {
        status: 'Identified',
        matchedObject: 'Contact',
        record: { id: CONTACT_ID, name: 'Maria Lopez', objectApiName: 'Contact' },
        contact: { id: CONTACT_ID, name: 'Maria Lopez', objectApiName: 'Contact' },
        // The admin cannot read the Account: its name is not sent.
        account: { id: ACCOUNT_ID, name: null, objectApiName: 'Account' }
    },
    policy: {
        developerName: 'Chat_Ended',
        label: 'When a chat ends',
        action: 'Create/Update Contact & Attach Case',
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
            reason: 'the field has a value (Only Fill Blanks)'
        },
        {
            targetObject: 'Contact',
            comm100Field: 'customVariable.NoEmail',
            salesforceField: 'HasOptedOutOfEmail',
            rawValue: 'yes',
            value: 'true',
            outcome: 'Converted',
            reason: 'converted to a checkbox value'
        },
        {
            targetObject: 'Case',
            comm100Field: 'preChat.Company',
            salesforceField: 'SuppliedCompany',
            rawValue: LONG_COMPANY,
            value: CUT_COMPANY,
            outcome: 'Truncated',
            reason: CUT_REASON
        },
        {
            targetObject: 'Case',
            comm100Field: 'preChat.Email',
            salesforceField: 'SuppliedEmail',
            rawValue: 'maria.lopez at northwind',
            value: null,
            outcome: 'Skipped',
            reason: '"maria.lopez at northwind" is not an email address'
        }
    ],
    records: [
        {
            operation: 'Update',
            objectApiName: 'Contact',
            recordId: CONTACT_ID,
            values: [
                { apiName: 'HasOptedOutOfEmail', label: 'Email Opt Out', value: 'true' },
                { apiName: 'Phone', label: 'Business Phone', value: '+1 604 555 0134' }
            ]
        },
        {
            operation: 'Create',
            objectApiName: 'Case',
            recordId: null,
            values: [
                { apiName: 'Subject', label: 'Subject', value: 'Comm100 chat with Maria Lopez' },
                { apiName: 'SuppliedCompany', label: 'Web Company', value: CUT_COMPANY },
                { apiName: 'ContactId', label: 'Contact ID', value: CONTACT_ID },
                { apiName: 'AccountId', label: 'Account ID', value: ACCOUNT_ID }
            ]
        },
        {
            // The chat itself, always last: not stored yet (a sample), so no id.
            operation: 'Attach',
            objectApiName: 'Comm100_Chat__c',
            recordId: null,
            values: [
                { apiName: 'Identification_Status__c', label: 'Identification Status', value: 'Identified' },
                { apiName: 'Matched_Object__c', label: 'Matched Object', value: 'Contact' },
                { apiName: 'Matched_Record_Id__c', label: 'Matched Record Id', value: CONTACT_ID },
                { apiName: 'Matched_Record_Name__c', label: 'Matched Record Name', value: 'Maria Lopez' },
                { apiName: 'Contact__c', label: 'Contact', value: CONTACT_ID },
                { apiName: 'Account__c', label: 'Account', value: ACCOUNT_ID },
                { apiName: 'Case__c', label: 'Case', value: NEW_CASE }
            ]
        }
    ],
    notes: [LEFT_OUT_NOTE],
    failure: null
};

/** The same chat stored: the sync updates the stored record, which the page names by its Comm100 id. */
export const STORED: Rehearsal = {
    ...IDENTIFIED,
    source: 'storedChat',
    records: IDENTIFIED.records.map((record) => {
        return record.objectApiName === 'Comm100_Chat__c' ? { ...record, recordId: CHAT_ID } : record;
    }),
    notes: [
        'The stored chat received chat_started, chat_ended: the sync runs on it as a replay of its sync log would, with these events.',
        LEFT_OUT_NOTE
    ]
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
            developerName: 'Contact_Email',
            order: 1,
            conditions: [{ comm100Field: 'visitor.name', salesforceField: 'LastName', value: HOSTILE_NAME }],
            outcome: 'Matched',
            matches: [{ id: OTHER_CONTACT_ID, name: HOSTILE_NAME, objectApiName: 'Contact' }],
            matchCount: 1
        }
    ],
    identity: { status: 'Identified', matchedObject: 'Contact' },
    policy: {
        developerName: 'Chat_Ended',
        label: 'When a chat ends',
        action: 'Create Case',
        multipleMatches: 'Oldest',
        updateMode: 'Only Fill Blanks',
        applies: true
    },
    mappings: [
        {
            targetObject: 'Case',
            comm100Field: 'preChat.Company',
            salesforceField: 'SuppliedCompany',
            rawValue: HOSTILE_COMPANY,
            value: HOSTILE_COMPANY,
            outcome: 'Written'
        }
    ],
    records: [
        {
            operation: 'Create',
            objectApiName: 'Case',
            values: [
                { apiName: 'Subject', label: 'Subject', value: `Comm100 chat with ${HOSTILE_NAME}` },
                { apiName: 'SuppliedCompany', label: 'Web Company', value: HOSTILE_COMPANY }
            ]
        },
        {
            operation: 'Attach',
            objectApiName: 'Comm100_Chat__c',
            values: [
                { apiName: 'Matched_Record_Name__c', label: 'Matched Record Name', value: HOSTILE_NAME },
                { apiName: 'Case__c', label: 'Case', value: NEW_CASE }
            ]
        }
    ],
    notes: [`Case values left out: Case.SuppliedEmail: "${HOSTILE_COMPANY}" is not an email address.`]
};

/** A Comm100 Setting that names no policy record (typed in Setup, so it may hold markup): the sync fails. */
export const HOSTILE_SETTING = `<a href="javascript:alert(3)">${HOSTILE_NAME}</a>`;
export const HOSTILE_FAILED: Rehearsal = {
    ...EMPTY,
    source: 'payload',
    identity: { status: 'Not Found' },
    records: [
        {
            operation: 'Update',
            objectApiName: 'Comm100_Chat__c',
            values: [{ apiName: 'Identification_Status__c', label: 'Identification Status', value: 'Not Found' }]
        }
    ],
    failure: `The Comm100 Setting Chat Ended Policy names the Comm100 Sync Policy "${HOSTILE_SETTING}", which does not exist: Do Nothing applies. Nothing was synced: replay this log once the setting names an existing Comm100 Sync Policy.`
};

/** Identification could not decide: the sync fails for the chat and creates nothing; the chat is still updated. */
export const FAILED: Rehearsal = {
    ...EMPTY,
    source: 'payload',
    identity: { status: 'Undecided', matchedObject: 'Contact' },
    policy: {
        developerName: 'Chat_Ended',
        label: 'When a chat ends',
        action: 'Create Lead & Attach Task',
        multipleMatches: 'Oldest',
        updateMode: 'Only Fill Blanks',
        applies: true,
        reason: null
    },
    records: [
        {
            operation: 'Update',
            objectApiName: 'Comm100_Chat__c',
            recordId: null,
            values: [
                { apiName: 'Identification_Status__c', label: 'Identification Status', value: 'Undecided' },
                { apiName: 'Matched_Object__c', label: 'Matched Object', value: 'Contact' }
            ]
        }
    ],
    failure: UNDECIDED_FAILURE
};

/** A chat that did not end: the policy does not apply, and the sync only updates the chat. */
export const NOT_ENDED: Rehearsal = {
    ...EMPTY,
    source: 'sample',
    identity: { status: 'Not Found' },
    policy: {
        developerName: 'Chat_Ended',
        label: 'When a chat ends',
        action: 'Create Lead & Attach Task',
        multipleMatches: 'Oldest',
        updateMode: 'Only Fill Blanks',
        applies: false,
        reason: NOT_ENDED_REASON
    },
    records: [
        {
            operation: 'Update',
            objectApiName: 'Comm100_Chat__c',
            recordId: null,
            values: [{ apiName: 'Identification_Status__c', label: 'Identification Status', value: 'Not Found' }]
        }
    ]
};

/** ChatRehearsal's refusals, in its words. */
export const NOT_JSON =
    "The payload is not valid JSON (Unexpected character ('e' (code 101)): expected a valid value (number, String, array, object, 'true', 'false' or 'null') at input location [1,2]): paste the body exactly as Comm100 sent it.";
export const NO_SUCH_SAMPLE = 'There is no sample named "chat_transferred": choose one of the samples listed.';
export const NOT_SHARED = `The Comm100 Chat ${CHAT_ID} is not shared with you: choose another chat, or ask its owner.`;
export const DRAFT_REFUSED =
    'The draft has 4 errors, which Check in the Configure section shows next to their inputs: fix them, then rehearse again. identificationRules new-1, label: Enter a label. fieldMappings Contact_Opted_Out, salesforceField: Contact.HasOptedOutOfEmail (BOOLEAN): chat.startTime (DATETIME) can never be yes or no (true, false, 1, 0). redactionRules Order_Number, pattern: This is not a valid regular expression: Unclosed group near index 12 (1 more.)';
export const NO_ACCESS =
    'You do not have access to the Comm100 Setup. Ask your admin for the Comm100 Admin permission set.';

/** A refusal of the input by Apex: the rest of the answer is empty. */
export function refused(inputField: string, inputError: string): Rehearsal {
    return { ...EMPTY, inputError, inputField };
}
