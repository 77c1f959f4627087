/**
 * The contract of ChatTranscriptController (Apex). Components, Jest mocks and preview fixtures use these
 * types, so a change of the Apex contract fails the type-check.
 */
declare module '@salesforce/apex/ChatTranscriptController.getChats' {
    import type { ApexMethod } from '@salesforce/apex';

    export interface ChatSummary {
        id: string;
        name: string;
        kind: 'Chat' | 'Offline Message' | null;
        status: 'Started' | 'Ended' | 'Wrapped Up' | 'Submitted' | null;
        startTime: string | null;
        endTime: string | null;
        durationSeconds: number | null;
        agents: string | null;
        rating: number | null;
        messageCount: number | null;
        visitorName: string | null;
    }

    export interface ChatPage {
        chats: ChatSummary[];
        nextCursor: string | null;
    }

    const getChats: ApexMethod<{ recordId: string | undefined; pageSize: number; cursor: string | null }, ChatPage>;
    export default getChats;
}

declare module '@salesforce/apex/ChatTranscriptController.getTranscript' {
    import type { ApexMethod } from '@salesforce/apex';

    export type SenderType = 'system' | 'visitor' | 'agent' | 'bot' | 'note';

    export interface TranscriptMessage {
        sentAt: string | null;
        senderName: string | null;
        senderType: SenderType;
        content: string | null;
        attachmentUrl: string | null;
        translation: string | null;
    }

    export interface Transcript {
        chatId: string;
        messages: TranscriptMessage[];
    }

    const getTranscript: ApexMethod<{ chatId: string }, Transcript>;
    export default getTranscript;
}

declare module '@salesforce/apex/ChatTranscriptController.searchChats' {
    import type { ApexMethod } from '@salesforce/apex';

    const searchChats: ApexMethod<{ recordId: string | undefined; term: string }, string[]>;
    export default searchChats;
}
