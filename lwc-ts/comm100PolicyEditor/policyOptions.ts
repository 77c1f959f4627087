import type {
    MultipleMatches,
    PolicyAction,
    SyncPolicy,
    UpdateMode
} from '@salesforce/apex/ConfigurationController.getConfiguration';

/** One value of a policy field, with a line saying what choosing it does. */
export interface PolicyOption<T extends string> {
    value: T;
    label: string;
    help: string;
}

/** The two kinds of event a policy applies to, in the order the editor shows them. */
export const KINDS: readonly { appliesTo: SyncPolicy['appliesTo']; title: string }[] = [
    { appliesTo: 'Chat_Ended', title: 'When a chat ends' },
    { appliesTo: 'Offline_Message', title: 'When an offline message arrives' }
];

/** The actions, as the sync (ChatSyncEngine) carries them out. */
export const ACTIONS: readonly PolicyOption<PolicyAction>[] = [
    {
        value: 'Create/Update Contact & Attach Case',
        label: 'Create/Update Contact & Attach Case',
        help: "Uses the visitor's contact or creates one, updates it as the update mode says, and creates a case holding the chat."
    },
    {
        value: 'Create/Update Contact & Attach Task',
        label: 'Create/Update Contact & Attach Task',
        help: "Uses the visitor's contact or creates one, updates it as the update mode says, and logs the chat as a completed task."
    },
    {
        value: 'Create Case',
        label: 'Create Case',
        help: 'Creates a case holding the chat, linked to the contact found and its account; creates no contact.'
    },
    {
        value: 'Create Lead & Attach Task',
        label: 'Create Lead & Attach Task',
        help: 'Creates a lead for an unknown visitor (a contact or lead found is used instead) and logs the chat as a completed task.'
    },
    {
        value: 'Do Nothing',
        label: 'Do Nothing',
        help: 'Creates and updates nothing: the chat is stored and its visitor identified only.'
    }
];

export const MULTIPLE_MATCHES: readonly PolicyOption<MultipleMatches>[] = [
    { value: 'Oldest', label: 'Oldest', help: 'Uses the record created first.' },
    { value: 'Newest', label: 'Newest', help: 'Uses the record created last.' },
    {
        value: 'Ambiguous',
        label: 'Ambiguous',
        help: 'Creates nothing when several records match, and the sync log says so (Create Case still creates its case).'
    }
];

export const UPDATE_MODES: readonly PolicyOption<UpdateMode>[] = [
    { value: 'Do Not Update', label: 'Do Not Update', help: 'Leaves an existing contact as it is.' },
    { value: 'Overwrite', label: 'Overwrite', help: "Writes every mapped value over the contact's current value." },
    {
        value: 'Only Fill Blanks',
        label: 'Only Fill Blanks',
        help: "Writes mapped values only into the contact's blank fields."
    }
];

/** The actions that update an existing contact, the only ones the update mode applies to. */
export const CONTACT_ACTIONS: readonly PolicyAction[] = [
    'Create/Update Contact & Attach Case',
    'Create/Update Contact & Attach Task'
];

export const UPDATE_MODE_UNUSED =
    'Only the two Contact actions update an existing contact: with this action the update mode has no effect. It is kept for when you choose a Contact action again.';

export const SHARED_RECORD =
    'The Comm100 Setting names this record for both kinds: a choice made here applies to both, since one record holds one set of values.';

/** The policy fields the editor shows as inputs, as issues name them. */
export const POLICY_FIELDS = ['action', 'multipleMatches', 'updateMode'] as const;
export type PolicyField = (typeof POLICY_FIELDS)[number];
