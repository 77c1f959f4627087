/**
 * The contract of SyncLogConsoleController (Apex), the Sync log section of the Comm100 Setup page. Components, Jest
 * mocks and preview fixtures use these types, so a change of the Apex contract fails the type-check.
 * A field the Apex may leave null is optional as well: the framework may leave a null property out of the answer
 * altogether, so a component treats a missing key like null (`== null`, `??`).
 */
declare module '@salesforce/apex/SyncLogConsoleController.getLogs' {
    import type { ApexMethod } from '@salesforce/apex';

    export type SyncLogStatus =
        'Processed' | 'Retried' | 'Failed' | 'Dead-Lettered' | 'Replayed' | 'Rejected' | 'Awaiting Parts';

    export type FilterField = 'status' | 'eventType' | 'fromDate' | 'toDate' | 'comm100Id' | 'page';

    export interface FieldError {
        field: FilterField;
        message: string;
    }

    export interface LogRow {
        id: string;
        name: string;
        status?: SyncLogStatus | null;
        eventType?: string | null;
        comm100Id?: string | null;
        source?: string | null;
        createdDate: string;
        reasonPreview?: string | null;
        chatId?: string | null;
        chatName?: string | null;
        partNumber?: number | null;
        partCount?: number | null;
        retryCount?: number | null;
        deadLetter: boolean;
        stuck: boolean;
        replayable: boolean;
        notReplayableReason?: string | null;
    }

    export interface LogPage {
        logs: LogRow[];
        total?: number | null;
        pageNumber: number;
        pageSize: number;
        hasPrevious: boolean;
        hasNext: boolean;
        pageLimitNote?: string | null;
        partsTimeoutMinutes: number;
        errors: FieldError[];
    }

    /** What the component sends: every filter value, null when blank. */
    export interface LogFilter {
        status: string | null;
        eventType: string | null;
        fromDate: string | null;
        toDate: string | null;
        comm100Id: string | null;
    }

    const getLogs: ApexMethod<LogFilter & { pageNumber: number }, LogPage>;
    export default getLogs;
}

declare module '@salesforce/apex/SyncLogConsoleController.getLogDetail' {
    import type { ApexMethod } from '@salesforce/apex';
    import type { LogRow } from '@salesforce/apex/SyncLogConsoleController.getLogs';

    export interface ChatLink {
        id: string;
        name?: string | null;
        comm100Id?: string | null;
        contactId?: string | null;
        leadId?: string | null;
        accountId?: string | null;
        caseId?: string | null;
        taskId?: string | null;
    }

    export interface LogReference {
        id: string;
        name?: string | null;
        status?: string | null;
        createdDate?: string | null;
    }

    export interface LogDetail {
        log: LogRow;
        reason?: string | null;
        payload?: string | null;
        payloadLength: number;
        messageId?: string | null;
        jobId?: string | null;
        eventUuid?: string | null;
        chat?: ChatLink | null;
        replayOf?: LogReference | null;
        replays: LogReference[];
    }

    const getLogDetail: ApexMethod<{ logId: string }, LogDetail>;
    export default getLogDetail;
}

declare module '@salesforce/apex/SyncLogConsoleController.replayLogs' {
    import type { ApexMethod } from '@salesforce/apex';

    export interface ReplayResult {
        id: string;
        name?: string | null;
        replayed: boolean;
        message?: string | null;
        status?: string | null;
    }

    const replayLogs: ApexMethod<{ logIds: string[] }, ReplayResult[]>;
    export default replayLogs;
}
