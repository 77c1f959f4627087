/**
 * The contract of ChatActionsController (Apex): the manual actions of the visitor panel. Components, Jest
 * mocks and preview fixtures use these types, so a change of the Apex contract fails the type-check.
 */
declare module '@salesforce/apex/ChatActionsController.getActionState' {
    import type { ApexMethod } from '@salesforce/apex';

    export type ChatAction =
        | 'CREATE_LEAD_TASK'
        | 'CREATE_CASE'
        | 'CREATE_CONTACT_CASE'
        | 'CREATE_CONTACT_TASK'
        | 'ATTACH_CASE'
        | 'ATTACH_TASK';

    /** The pending request as stored on the chat (ChatAttacher's actions). */
    export type PendingAction = 'Attach Case' | 'Attach Task' | 'Link Case';

    export interface ActionOption {
        action: ChatAction;
        label: string;
        /** The object the agent creates first, or null to attach to the found record. */
        createObject: 'Lead' | 'Case' | 'Contact' | null;
        /** The found record the action attaches to, or null. */
        targetRecordId: string | null;
    }

    export interface ActionState {
        options: ActionOption[];
        pendingAction: PendingAction | null;
        pendingRecordId: string | null;
        chatEnded: boolean;
        caseId: string | null;
        taskId: string | null;
    }

    const getActionState: ApexMethod<{ chatId: string }, ActionState>;
    export default getActionState;
}

declare module '@salesforce/apex/ChatActionsController.getCreateDefaults' {
    import type { ApexMethod } from '@salesforce/apex';
    import type { ChatAction } from '@salesforce/apex/ChatActionsController.getActionState';

    export interface CreateDefaults {
        objectApiName: 'Lead' | 'Case' | 'Contact';
        /** Field API name to the value the field mappings give it. */
        defaults: Record<string, string | number | boolean | null>;
        /** Mapped fields the agent cannot write, with the reason. */
        skipped: string[];
    }

    const getCreateDefaults: ApexMethod<{ chatId: string; action: ChatAction }, CreateDefaults>;
    export default getCreateDefaults;
}

declare module '@salesforce/apex/ChatActionsController.requestAction' {
    import type { ApexMethod } from '@salesforce/apex';
    import type { ChatAction } from '@salesforce/apex/ChatActionsController.getActionState';

    /** Answers a sentence for the agent: attached now, or to be attached when the chat ends. */
    const requestAction: ApexMethod<{ chatId: string; action: ChatAction; recordId: string }, string>;
    export default requestAction;
}
