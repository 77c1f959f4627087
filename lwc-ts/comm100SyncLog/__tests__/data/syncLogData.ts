import type { LogPage, LogRow } from '@salesforce/apex/SyncLogConsoleController.getLogs';
import type { LogDetail } from '@salesforce/apex/SyncLogConsoleController.getLogDetail';

export const FAILED_ID = 'a03000000000001AAA';
export const DEAD_ID = 'a03000000000002AAA';
export const STUCK_ID = 'a03000000000003AAA';
export const PROCESSED_ID = 'a03000000000004AAA';
export const CHAT_ID = 'a01000000000001AAA';
export const CONTACT_ID = '003000000000001AAA';

function row(overrides: Partial<LogRow> & Pick<LogRow, 'id' | 'name' | 'status'>): LogRow {
    return {
        eventType: 'chat_ended',
        comm100Id: 'chat-1',
        source: 'webhook',
        createdDate: '2025-03-10T11:00:00.000Z',
        reasonPreview: null,
        chatId: null,
        chatName: null,
        partNumber: null,
        partCount: null,
        retryCount: null,
        deadLetter: false,
        stuck: false,
        replayable: false,
        notReplayableReason: 'Only Failed or Dead-Lettered logs can be replayed.',
        ...overrides
    };
}

export const FAILED = row({
    id: FAILED_ID,
    name: 'SL-00000041',
    status: 'Failed',
    comm100Id: 'chat-41',
    reasonPreview: 'The chat could not be saved: UNABLE_TO_LOCK_ROW',
    chatId: CHAT_ID,
    chatName: 'Chat with Anna',
    retryCount: 2,
    replayable: true,
    notReplayableReason: null
});

export const DEAD = row({
    id: DEAD_ID,
    name: 'SL-00000040',
    status: 'Dead-Lettered',
    comm100Id: 'chat-40',
    reasonPreview: 'Given up after 2 retries: UNABLE_TO_LOCK_ROW',
    deadLetter: true,
    replayable: true,
    notReplayableReason: null
});

export const STUCK = row({
    id: STUCK_ID,
    name: 'SL-00000039',
    status: 'Awaiting Parts',
    comm100Id: 'chat-39',
    partNumber: 1,
    partCount: 3,
    stuck: true
});

export const PROCESSED = row({ id: PROCESSED_ID, name: 'SL-00000038', status: 'Processed', comm100Id: 'chat-38' });

export function page(logs: LogRow[], overrides: Partial<LogPage> = {}): LogPage {
    return {
        logs,
        total: logs.length,
        pageNumber: 1,
        pageSize: 25,
        hasPrevious: false,
        hasNext: false,
        pageLimitNote: null,
        partsTimeoutMinutes: 60,
        errors: [],
        ...overrides
    };
}

export const MIXED = page([FAILED, DEAD, STUCK, PROCESSED], { total: 30, hasNext: true });

export const HOSTILE_PAYLOAD =
    '{"event":"chat_ended","visitor":{"name":"<img src=x onerror=\\"document.title=\'pwned\'\\">","id":12345678901234567890,"score":1.50},"tags":[],"chat":{}}';

export function detail(log: LogRow, overrides: Partial<LogDetail> = {}): LogDetail {
    return {
        log,
        reason: log.reasonPreview,
        payload: null,
        payloadLength: 0,
        messageId: null,
        jobId: null,
        eventUuid: null,
        chat: null,
        replayOf: null,
        replays: [],
        ...overrides
    };
}

export const FAILED_DETAIL = detail(FAILED, {
    payload: HOSTILE_PAYLOAD,
    payloadLength: HOSTILE_PAYLOAD.length,
    eventUuid: 'uuid-41',
    chat: {
        id: CHAT_ID,
        name: 'Chat with Anna',
        comm100Id: 'chat-41',
        contactId: CONTACT_ID,
        leadId: null,
        accountId: null,
        caseId: null,
        taskId: null
    }
});
