// The text of the conversation's bookends, from the chat's summary: who started it and when, and how it ended.
import type { ChatSummary } from '@salesforce/apex/ChatTranscriptController.getChats';
import { formatDateTime } from 'c/transcriptFormat';

/** The text of a bookend: what happened, who (isolated, since a name may be in any script) and when. */
export interface Bookend {
    opening: string;
    name: string;
    time: string;
}

function separated(text: string): string {
    return text ? ` • ${text}` : '';
}

/** "Chat started by <visitor> • <date>" (or "Offline message from …"), in parts: the visitor's name apart. */
export function startBookend(chat: ChatSummary | undefined): Bookend {
    const offline = chat?.kind === 'Offline Message';
    const name = chat?.visitorName?.trim() ?? '';
    const opening = offline ? 'Offline message' : 'Chat started';
    return {
        opening: name ? `${opening} ${offline ? 'from' : 'by'} ` : opening,
        name,
        time: separated(formatDateTime(chat?.startTime))
    };
}

/** "Chat ended • <date>", or "End of the transcript" for a chat without an end. */
export function endBookend(chat: ChatSummary | undefined): Bookend {
    const ended = formatDateTime(chat?.endTime);
    return ended
        ? { opening: 'Chat ended', name: '', time: separated(ended) }
        : { opening: 'End of the transcript', name: '', time: '' };
}
