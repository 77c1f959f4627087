import type { Preview } from '@salesforce/apex/VisitorPrivacyController.preview';
import type { Erasure } from '@salesforce/apex/VisitorPrivacyController.erase';

export const CHAT_ID = 'a01000000000001AAA';
export const CHAT_2_ID = 'a01000000000002AAA';
export const LOG_ID = 'a02000000000001AAA';
export const CASE_ID = '500000000000001AAA';
export const TASK_ID = '00T000000000001AAA';
export const ERASURE_ID = 'a05000000000001AAA';

export const FOUND: Preview = {
    identifierError: null,
    kind: 'email',
    chats: [
        { id: CHAT_ID, name: 'C-00000041', detail: '3f6d1c1e-8b2a', whenAt: '2026-03-02T09:15:00.000Z', state: null },
        // Apex may leave null fields out: this chat has no detail, time or state key.
        { id: CHAT_2_ID, name: 'C-00000042' }
    ],
    transcriptChunks: 3,
    syncLogs: [
        {
            id: LOG_ID,
            name: 'SL-00000107',
            detail: 'Processed · chat_ended',
            whenAt: '2026-03-02T09:21:00.000Z',
            state: null
        }
    ],
    cases: [
        {
            id: CASE_ID,
            name: '00001026',
            detail: null,
            whenAt: null,
            state: 'CLEAR',
            alsoCleared: ['Subject', 'Web Email']
        }
    ],
    tasks: [{ id: TASK_ID, name: 'Chat with Ana', detail: null, whenAt: null, state: 'REVIEW', alsoCleared: [] }],
    activities: 1,
    more: false,
    nothingFound: false
};

export const NOTHING: Preview = {
    identifierError: null,
    kind: 'email',
    chats: [],
    transcriptChunks: 0,
    syncLogs: [],
    cases: [],
    tasks: [],
    more: false,
    nothingFound: true
};

export const ERASED: Erasure = {
    identifierError: null,
    confirmationError: null,
    chats: 2,
    transcriptChunks: 3,
    syncLogs: 1,
    casesCleared: 1,
    tasksCleared: 0,
    activities: 1,
    leftForReview: [{ id: TASK_ID, name: 'Chat with Ana', detail: null, whenAt: null, state: 'REVIEW' }],
    notEmptied: 0,
    erasureId: ERASURE_ID,
    erasureName: 'ER-00000001',
    more: false,
    message:
        'Erased, recorded as ER-00000001. Erase this visitor in Comm100 too: until then, a backfill or the poller imports their chats again.'
};
