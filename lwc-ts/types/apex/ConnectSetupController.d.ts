/**
 * The contract of ConnectSetupController (Apex): the Connect section of the Comm100 Setup page. Components, Jest
 * mocks and preview fixtures use these types, so a change of the Apex contract fails the type-check. A field the
 * Apex leaves null may reach the component as a missing key rather than null, so such fields are optional
 * (`?: T | null`) and components test them with `== null` or `??`.
 */
declare module '@salesforce/apex/ConnectSetupController.getStatus' {
    import type { ApexMethodNoParams } from '@salesforce/apex';

    /** SiteWebhookKey.Status: whether a key exists and its dates; never the key. */
    export interface SiteKeyStatus {
        hasKey: boolean;
        created?: string | null;
        /** When the key the last rotation replaced stops working; null when none works now. */
        previousKeyExpires?: string | null;
    }

    /** Comm100ChatPoller.Status: where the poller stands, with the backfill's progress. */
    export interface PollerStatus {
        enabled: boolean;
        stopped: boolean;
        stopReason?: string | null;
        intervalMinutes?: 15 | 30 | 60 | null;
        scheduled: boolean;
        cursor?: string | null;
        nextAttemptAt?: string | null;
        consecutiveFailures: number;
        lastPollAt?: string | null;
        lastPollResult?: string | null;
        lastError?: string | null;
        lastErrorAt?: string | null;
        backfillFrom?: string | null;
        backfillTo?: string | null;
        backfillCompletedAt?: string | null;
        backfillPagesRead?: number | null;
        backfillTotalPages?: number | null;
        backfillTotalChats?: number | null;
        backfillChatsFetched?: number | null;
        /** 0 to 100, or null when no total is known yet; 100 once complete. */
        backfillPercent?: number | null;
    }

    export interface ConnectStatus {
        canCustomizeApplication: boolean;
        siteKey: SiteKeyStatus;
        siteKeyGraceHours: number;
        /** The path of the Site webhook address before the key, for example /services/apexrest/comm100/v1/hooks/. */
        webhookPath: string;
        comm100SiteId?: string | null;
        apiCallBudget: number;
        apiCallsLeft: number;
        apiBudgetResetsAt: string;
        poller: PollerStatus;
        /**
         * Today in the user's Salesforce time zone (YYYY-MM-DD, at the poller's clock): the last day a backfill may
         * name. The browser's day may be another.
         */
        today: string;
    }

    const getStatus: ApexMethodNoParams<ConnectStatus>;
    export default getStatus;
}

declare module '@salesforce/apex/ConnectSetupController.rotateSiteKey' {
    import type { ApexMethodNoParams } from '@salesforce/apex';
    import type { SiteKeyStatus } from '@salesforce/apex/ConnectSetupController.getStatus';

    export interface KeyRotation {
        /** The new key, shown once. */
        key: string;
        webhookPath: string;
        siteKey: SiteKeyStatus;
        siteKeyGraceHours: number;
    }

    const rotateSiteKey: ApexMethodNoParams<KeyRotation>;
    export default rotateSiteKey;
}

declare module '@salesforce/apex/ConnectSetupController.registerWebhooks' {
    import type { ApexMethod } from '@salesforce/apex';

    /** Comm100WebhookRegistrar.EventResult. */
    export interface EventResult {
        eventName: 'chatStarts' | 'chatEnds' | 'chatIsWrappedUp' | 'offlineMessageIsSubmitted';
        outcome: 'created' | 'updated' | 'failed';
        webhookIds: string[];
        message?: string | null;
        note?: string | null;
        /** Webhooks of the event on another Salesforce Site, left alone: "<id> (<site base URL>)". */
        otherSiteWebhooks: string[];
    }

    /** Comm100WebhookRegistrar.Result. */
    export interface RegistrationResult {
        siteBaseUrl: string;
        events: EventResult[];
        keyStored: boolean;
        previousKeyExpires?: string | null;
        graceHours: number;
        keyFailure?: string | null;
        outcomeUnknown: boolean;
        report: string;
    }

    const registerWebhooks: ApexMethod<{ siteBaseUrl: string }, RegistrationResult>;
    export default registerWebhooks;
}

declare module '@salesforce/apex/ConnectSetupController.testConnection' {
    import type { ApexMethodNoParams } from '@salesforce/apex';

    export type CalloutFailureKind =
        'CREDENTIAL' | 'RATE_LIMITED' | 'SERVER' | 'TIMEOUT' | 'MALFORMED' | 'CLIENT' | 'BUDGET' | 'NOT_CONFIGURED';

    export interface ConnectionTest {
        ok: boolean;
        kind?: CalloutFailureKind | null;
        /** The HTTP status of Comm100's answer, whatever it was (a MALFORMED failure carries a 2xx); none when no call was answered. */
        statusCode?: number | null;
        headline: string;
        message?: string | null;
        retryAfterSeconds?: number | null;
    }

    const testConnection: ApexMethodNoParams<ConnectionTest>;
    export default testConnection;
}

declare module '@salesforce/apex/ConnectSetupController.getPollerStatus' {
    import type { ApexMethodNoParams } from '@salesforce/apex';
    import type { PollerStatus } from '@salesforce/apex/ConnectSetupController.getStatus';

    const getPollerStatus: ApexMethodNoParams<PollerStatus>;
    export default getPollerStatus;
}

declare module '@salesforce/apex/ConnectSetupController.startPoller' {
    import type { ApexMethod } from '@salesforce/apex';
    import type { PollerStatus } from '@salesforce/apex/ConnectSetupController.getStatus';

    export interface PollerResult {
        /** The poller's report of what it did. */
        report: string;
        poller: PollerStatus;
    }

    const startPoller: ApexMethod<{ intervalMinutes: number }, PollerResult>;
    export default startPoller;
}

declare module '@salesforce/apex/ConnectSetupController.stopPoller' {
    import type { ApexMethodNoParams } from '@salesforce/apex';
    import type { PollerResult } from '@salesforce/apex/ConnectSetupController.startPoller';

    const stopPoller: ApexMethodNoParams<PollerResult>;
    export default stopPoller;
}

declare module '@salesforce/apex/ConnectSetupController.startBackfill' {
    import type { ApexMethod } from '@salesforce/apex';
    import type { PollerResult } from '@salesforce/apex/ConnectSetupController.startPoller';

    /** fromDate and toDate as YYYY-MM-DD (Apex Date). */
    const startBackfill: ApexMethod<{ fromDate: string; toDate: string }, PollerResult>;
    export default startBackfill;
}
