// Typed test data: the Apex contract's own types, so a contract change breaks these tests at compile time.
import type { ChatPage } from '@salesforce/apex/ChatTranscriptController.getChats';
import type { Transcript, TranscriptMessage } from '@salesforce/apex/ChatTranscriptController.getTranscript';

export const FIRST_PAGE: ChatPage = {
    chats: [
        {
            id: 'a01000000000001AAA',
            name: 'Chat with Maria Lopez',
            kind: 'Chat',
            status: 'Wrapped Up',
            startTime: '2025-11-25T09:40:12.000Z',
            endTime: '2025-11-25T09:42:03.000Z',
            durationSeconds: 111,
            agents: 'Walid Haddad',
            rating: 5,
            messageCount: 4,
            visitorName: 'Maria Lopez'
        },
        {
            id: 'a01000000000002AAA',
            name: 'Offline message from Maria Lopez',
            kind: 'Offline Message',
            status: 'Submitted',
            startTime: '2025-11-20T08:00:00.000Z',
            endTime: null,
            durationSeconds: null,
            agents: null,
            rating: null,
            messageCount: 1,
            visitorName: 'Maria Lopez'
        }
    ],
    nextCursor: '1763625600000|a01000000000002AAA'
};

export const SECOND_PAGE: ChatPage = {
    chats: [
        {
            id: 'a01000000000003AAA',
            name: 'Chat with Maria Lopez',
            kind: 'Chat',
            status: 'Ended',
            startTime: '2025-10-01T10:00:00.000Z',
            endTime: '2025-10-01T10:05:00.000Z',
            durationSeconds: 300,
            agents: 'Ana',
            rating: null,
            messageCount: 2,
            visitorName: 'Maria Lopez'
        }
    ],
    nextCursor: null
};

export const TRANSCRIPT: Transcript = {
    chatId: 'a01000000000001AAA',
    messages: [
        {
            sentAt: null,
            senderName: '',
            senderType: 'system',
            content: 'Agent Walid Haddad has joined the chat.',
            attachmentUrl: null,
            translation: null
        },
        {
            sentAt: '2025-11-25T09:40:12Z',
            senderName: 'Walid Haddad',
            senderType: 'agent',
            content: 'Hi Maria! How may I help you?',
            attachmentUrl: null,
            translation: null
        },
        {
            sentAt: '2025-11-25T09:40:31Z',
            senderName: 'Maria Lopez',
            senderType: 'visitor',
            content: 'My order SO-99817 arrived damaged. Refund please.',
            attachmentUrl: 'https://files.example.com/att/photo.jpg',
            translation: null
        },
        {
            sentAt: '2025-11-25T09:41:00Z',
            senderName: 'Walid Haddad',
            senderType: 'note',
            content: 'Check the refund policy for damaged goods.',
            attachmentUrl: null,
            translation: null
        }
    ]
};

export const HOSTILE: Transcript = {
    chatId: 'a01000000000001AAA',
    messages: [
        {
            sentAt: '10:00:09',
            senderName: '<b>Bobby</b>',
            senderType: 'visitor',
            content: '<svg onload=alert(1)>hi</svg> <img src=x onerror=alert(2)>',
            // eslint-disable-next-line no-script-url -- hostile input the component must show as text
            attachmentUrl: 'javascript:alert(3)',
            translation: null
        }
    ]
};

/** A transcript of `count` messages, for windowing. */
export function longTranscript(count: number): Transcript {
    const messages: TranscriptMessage[] = [];
    for (let i = 0; i < count; i++) {
        messages.push({
            sentAt: '2025-11-25T09:40:12Z',
            senderName: i % 2 === 0 ? 'Maria Lopez' : 'Walid Haddad',
            senderType: i % 2 === 0 ? 'visitor' : 'agent',
            content: `Message number ${i}${i === count - 5 ? ' mentions the needle' : ''}`,
            attachmentUrl: null,
            translation: null
        });
    }
    return { chatId: 'a01000000000001AAA', messages };
}
