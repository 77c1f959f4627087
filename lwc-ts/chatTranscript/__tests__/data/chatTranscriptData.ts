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

/**
 * A page the server gives in its own order (its query sorts newest first; the component must keep the
 * order it is given, never re-sort): the older chat comes first here, so a component that sorted by
 * itself would fail. Each chat exercises a different metadata label.
 */
export const LABELLED_PAGE: ChatPage = {
    chats: [
        {
            id: 'a01000000000011AAA',
            name: 'Chat with Ana Silva',
            kind: 'Chat',
            status: 'Ended',
            startTime: '2025-11-20T08:00:00.000Z',
            endTime: '2025-11-20T08:00:45.000Z',
            durationSeconds: 45,
            agents: 'Ana',
            rating: 0,
            messageCount: 3,
            visitorName: 'Ana Silva'
        },
        {
            id: 'a01000000000012AAA',
            name: 'Chat with Ben Okafor',
            kind: 'Chat',
            status: 'Wrapped Up',
            startTime: '2025-11-25T09:40:12.000Z',
            endTime: '2025-11-25T09:41:12.000Z',
            durationSeconds: 60,
            agents: 'Walid Haddad',
            rating: null,
            messageCount: 2,
            visitorName: 'Ben Okafor'
        },
        {
            id: 'a01000000000013AAA',
            name: 'Chat without details',
            kind: null,
            status: null,
            startTime: null,
            endTime: null,
            durationSeconds: null,
            agents: null,
            rating: null,
            messageCount: null,
            visitorName: null
        },
        {
            id: 'a01000000000014AAA',
            name: 'Chat with an unreadable start',
            kind: 'Chat',
            status: 'Submitted',
            startTime: 'not a date',
            endTime: null,
            durationSeconds: 111,
            agents: null,
            rating: 4,
            messageCount: 1,
            visitorName: null
        }
    ],
    nextCursor: null
};

/** Every sender type, a translation, an http and an https attachment, a message with no sender. */
export const CONVERSATION: Transcript = {
    chatId: 'a01000000000011AAA',
    messages: [
        {
            sentAt: null,
            senderName: null,
            senderType: 'system',
            content: 'The visitor was routed to Ana.',
            attachmentUrl: null,
            translation: null
        },
        {
            sentAt: '2025-11-20T08:00:05Z',
            senderName: 'Ana Silva',
            senderType: 'visitor',
            content: 'Hola, necesito ayuda.',
            attachmentUrl: 'http://files.example.com/att/receipt.pdf',
            translation: 'Hello, I need help.'
        },
        {
            sentAt: '2025-11-20T08:00:09Z',
            senderName: 'Comm100 Bot',
            senderType: 'bot',
            content: 'An agent will answer shortly.',
            attachmentUrl: null,
            translation: null
        },
        {
            sentAt: '2025-11-20T08:00:20Z',
            senderName: 'Ana',
            senderType: 'agent',
            content: 'How can I help?',
            attachmentUrl: 'https://files.example.com/att/guide.pdf',
            translation: null
        },
        {
            sentAt: '2025-11-20T08:00:40Z',
            senderName: 'Ana',
            senderType: 'note',
            content: 'Spanish speaker.',
            attachmentUrl: null,
            translation: null
        }
    ]
};

/** The transcript of the offline message (chat a01000000000002AAA of FIRST_PAGE). */
export const OFFLINE_TRANSCRIPT: Transcript = {
    chatId: 'a01000000000002AAA',
    messages: [
        {
            sentAt: '2025-11-20T08:00:00Z',
            senderName: 'Maria Lopez',
            senderType: 'visitor',
            content: 'Please send the invoice again.',
            attachmentUrl: null,
            translation: null
        }
    ]
};

/** Four messages, three of which mention a refund: enough to tell next from previous. */
export const REFUNDS: Transcript = {
    chatId: 'a01000000000001AAA',
    messages: ['Refund requested.', 'Which order?', 'SO-1: refund it, then REFUND SO-2', 'The refund is done.'].map(
        (content, i) => ({
            sentAt: null,
            senderName: i % 2 === 0 ? 'Maria Lopez' : 'Walid Haddad',
            senderType: i % 2 === 0 ? ('visitor' as const) : ('agent' as const),
            content,
            attachmentUrl: null,
            translation: null
        })
    )
};

/** A transcript of `count` messages "Message number i", with the given words appended to some of them. */
export function markedTranscript(count: number, marks: Record<number, string>): Transcript {
    const messages: TranscriptMessage[] = [];
    for (let i = 0; i < count; i++) {
        const mark = marks[i];
        messages.push({
            sentAt: null,
            senderName: 'Maria Lopez',
            senderType: 'visitor',
            content: `Message number ${i}${mark ? ` ${mark}` : ''}`,
            attachmentUrl: null,
            translation: null
        });
    }
    return { chatId: 'a01000000000001AAA', messages };
}

// Written with escapes so that what each message holds is unambiguous whatever the editor shows.
/** A woman technologist: woman, ZWJ, laptop; one grapheme cluster of five UTF-16 code units. */
export const WOMAN_TECHNOLOGIST = '\u{1F469}\u200D\u{1F4BB}';
/** "I want a refund for order 4521" in Arabic, the number at the end of a right-to-left line. */
export const ARABIC_REFUND =
    '\u0623\u0631\u064A\u062F \u0627\u0633\u062A\u0631\u062F\u0627\u062F \u0627\u0644\u0637\u0644\u0628 4521';
/** "refund" in Arabic: the second word of ARABIC_REFUND, code units 5 to 12. */
export const ARABIC_REFUND_WORD = '\u0627\u0633\u062A\u0631\u062F\u0627\u062F';
/** "Hello, order 4521 arrived" in Hebrew. */
export const HEBREW_ORDER =
    '\u05E9\u05DC\u05D5\u05DD, \u05D4\u05D4\u05D6\u05DE\u05E0\u05D4 4521 \u05D4\u05D2\u05D9\u05E2\u05D4';

/** A conversation in several scripts: right-to-left lines, CJK, an emoji ZWJ sequence, zero-width characters. */
export const SCRIPTS: Transcript = {
    chatId: 'a01000000000001AAA',
    messages: [
        {
            sentAt: '2025-11-25T09:40:12Z',
            senderName: '\u0645\u0631\u064A\u0645',
            senderType: 'visitor',
            content: ARABIC_REFUND,
            attachmentUrl: null,
            translation: 'I want a refund for order 4521'
        },
        {
            sentAt: '2025-11-25T09:40:30Z',
            senderName: '\u05D3\u05E0\u05D4',
            senderType: 'agent',
            content: HEBREW_ORDER,
            attachmentUrl: null,
            translation: null
        },
        {
            sentAt: '2025-11-25T09:40:41Z',
            senderName: 'Walid Haddad',
            senderType: 'agent',
            content: `Our ${WOMAN_TECHNOLOGIST} team sees zero\u200Bwidth\u200Djoiner text: \u6211\u60F3\u9000\u6B3E`,
            attachmentUrl: null,
            translation: null
        }
    ]
};
