// What the manual actions of a chat say: the attachment once done, and the pending request until then.
import type { ActionState } from '@salesforce/apex/ChatActionsController.getActionState';

/** A done attachment: the case or task the chat is attached to, and how the panel names it. */
export interface Attachment {
    recordId: string;
    text: string;
    linkLabel: string;
    icon: string;
}

const PENDING_MESSAGES: Record<string, string> = {
    'Attach Case': 'A case will be created for this chat when it ends.',
    'Attach Task': 'The chat will be attached as a task when it ends.',
    'Link Case': 'The chat will be linked to the new case when it ends.'
};

/** The case (first) or task the chat is attached to; undefined while it is attached to none. */
export function attachmentOf(state: ActionState | undefined): Attachment | undefined {
    if (state?.caseId) {
        const text = 'This chat is attached to a case.';
        return { recordId: state.caseId, text, linkLabel: 'Open the case', icon: 'standard:case' };
    }
    if (state?.taskId) {
        const text = 'This chat is attached to a task.';
        return { recordId: state.taskId, text, linkLabel: 'Open the task', icon: 'standard:task' };
    }
    return undefined;
}

/** What happens to a pending request when the chat ends. */
export function pendingText(pendingAction: string): string {
    return PENDING_MESSAGES[pendingAction] ?? `Requested: ${pendingAction}.`;
}
