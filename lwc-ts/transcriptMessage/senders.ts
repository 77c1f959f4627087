import type { SenderType } from '@salesforce/apex/ChatTranscriptController.getTranscript';

/**
 * How c-transcript-message shows each sender type: its label, side of the conversation, bubble, and the
 * avatar's fallback mark, shape and colour (SLDS classes that exist in the design system's CSS).
 */
export interface SenderStyle {
    label: string;
    /** The avatar's initials when the sender has no name. */
    mark: string;
    /** The avatar's shape: SLDS draws people round and everything else square. */
    shape: string;
    /** The avatar's colour (an SLDS standard icon colour): each sender type has its own. */
    colour: string;
    direction: 'inbound' | 'outbound' | 'event';
    bubble: string;
}

const ROUND = 'slds-avatar slds-avatar_circle slds-avatar_x-small transcript-message__avatar';

const SENDERS: Record<SenderType, SenderStyle> = {
    visitor: {
        label: 'Visitor',
        mark: 'V',
        shape: ROUND,
        colour: 'slds-icon-standard-customer',
        direction: 'inbound',
        bubble: 'slds-chat-message__text_inbound'
    },
    agent: {
        label: 'Agent',
        mark: 'A',
        shape: ROUND,
        colour: 'slds-icon-standard-user',
        direction: 'outbound',
        bubble: 'slds-chat-message__text_outbound'
    },
    bot: {
        label: 'Bot',
        mark: 'B',
        shape: 'slds-avatar slds-avatar_x-small transcript-message__avatar',
        colour: 'slds-icon-standard-robot',
        direction: 'outbound',
        bubble: 'slds-chat-message__text_outbound-agent'
    },
    note: {
        label: 'Internal note',
        mark: 'N',
        shape: ROUND,
        colour: 'slds-icon-standard-note',
        direction: 'outbound',
        bubble: 'transcript-message__note'
    },
    system: { label: 'System', mark: '', shape: '', colour: '', direction: 'event', bubble: '' }
};

/** The style of a sender type; a type the contract does not know (a newer server) is shown as a system line. */
export function senderStyle(type: string | null | undefined): SenderStyle {
    return (SENDERS as Partial<Record<string, SenderStyle>>)[type ?? 'system'] ?? SENDERS.system;
}
