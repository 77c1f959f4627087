/**
 * The contract of ConnectionHealthController (Apex): whether Comm100 is reaching the org. Components, Jest mocks and
 * preview fixtures use these types, so a change of the Apex contract fails the type-check.
 */
declare module '@salesforce/apex/ConnectionHealthController.getHealth' {
    import type { ApexMethod } from '@salesforce/apex';

    /** What arrived of one event type from one source. */
    export interface EventTypeHealth {
        source: 'webhook' | 'api_v2' | 'api_v3' | 'api_v4';
        eventType: string;
        lastReceived: string | null;
        /** Events stored on each day of the period, in the order of Health.days (oldest first). */
        counts: number[];
        total: number;
    }

    /** The newest sync log of the period that went wrong; never its payload. */
    export interface LastError {
        name: string;
        status: 'Failed' | 'Dead-Lettered' | 'Rejected';
        eventType: string | null;
        reason: string | null;
        createdDate: string;
    }

    export interface Health {
        /** The GMT days of the period (YYYY-MM-DD), oldest first; today (GMT) last. */
        days: string[];
        eventTypes: EventTypeHealth[];
        lastError: LastError | null;
        pollerConfigured: boolean;
        lastPollAt: string | null;
        lastPollResult: string | null;
        lastPollError: string | null;
        lastPollErrorAt: string | null;
        pollerStopReason: string | null;
    }

    /** days: 1 to 30; null means 7. Cacheable. */
    const getHealth: ApexMethod<{ days: number | null }, Health>;
    export default getHealth;
}
