import type { ConnectStatus, PollerStatus } from '@salesforce/apex/ConnectSetupController.getStatus';
import type { KeyRotation } from '@salesforce/apex/ConnectSetupController.rotateSiteKey';
import type { RegistrationResult } from '@salesforce/apex/ConnectSetupController.registerWebhooks';
import type { Health } from '@salesforce/apex/ConnectionHealthController.getHealth';

export const KEY = 'Vq3mA1c9-kN_2xYbT7pR4sLw8eHfJ0uZ6dGiCoKtQyM';
export const PATH = '/services/apexrest/comm100/v1/hooks/';
export const BASE = 'https://litware.my.salesforce-sites.com';

export const IDLE_POLLER: PollerStatus = {
    enabled: false,
    stopped: false,
    stopReason: null,
    intervalMinutes: null,
    scheduled: false,
    cursor: null,
    nextAttemptAt: null,
    consecutiveFailures: 0,
    lastPollAt: null,
    lastPollResult: null,
    lastError: null,
    lastErrorAt: null,
    backfillFrom: null,
    backfillTo: null,
    backfillCompletedAt: null,
    backfillPagesRead: null,
    backfillTotalPages: null,
    backfillTotalChats: null,
    backfillChatsFetched: null,
    backfillPercent: null
};

export const RUNNING_POLLER: PollerStatus = {
    ...IDLE_POLLER,
    enabled: true,
    intervalMinutes: 30,
    scheduled: true,
    cursor: '2026-11-22T09:00:00.000Z',
    lastPollAt: '2026-11-22T09:00:05.000Z',
    lastPollResult: 'Read 3 chats of the catch-up window.'
};

export const BACKFILLING_POLLER: PollerStatus = {
    ...RUNNING_POLLER,
    backfillFrom: '2026-11-01T00:00:00.000Z',
    backfillTo: '2026-11-08T00:00:00.000Z',
    backfillPagesRead: 2,
    backfillTotalPages: 5,
    backfillTotalChats: 480,
    backfillChatsFetched: 192,
    backfillPercent: 40
};

export const STATUS: ConnectStatus = {
    canCustomizeApplication: true,
    siteKey: { hasKey: true, created: '2026-11-20T08:30:00.000Z', previousKeyExpires: null },
    siteKeyGraceHours: 24,
    webhookPath: PATH,
    comm100SiteId: '10000423',
    apiCallBudget: 250,
    apiCallsLeft: 250,
    apiBudgetResetsAt: '2026-11-22T09:16:00.000Z',
    poller: RUNNING_POLLER,
    today: '2026-11-22'
};

export const ROTATION: KeyRotation = {
    key: KEY,
    webhookPath: PATH,
    siteKey: {
        hasKey: true,
        created: '2026-11-22T09:16:00.000Z',
        previousKeyExpires: '2026-11-23T09:16:00.000Z'
    },
    siteKeyGraceHours: 24
};

export const REGISTRATION: RegistrationResult = {
    siteBaseUrl: BASE,
    events: [
        {
            eventName: 'chatStarts',
            outcome: 'created',
            webhookIds: ['ID-1'],
            message: null,
            note: null,
            otherSiteWebhooks: []
        },
        {
            eventName: 'chatEnds',
            outcome: 'updated',
            webhookIds: ['ID-2', 'ID-5'],
            message: null,
            note: null,
            otherSiteWebhooks: ['ID-9 (https://sandbox.my.salesforce-sites.com)']
        },
        {
            eventName: 'chatIsWrappedUp',
            outcome: 'failed',
            webhookIds: [],
            message: 'Comm100 failed to answer the webhook creation (POST livechat/webhooks) (503).',
            note: null,
            otherSiteWebhooks: []
        },
        {
            eventName: 'offlineMessageIsSubmitted',
            outcome: 'created',
            webhookIds: ['ID-4'],
            message: null,
            note: null,
            otherSiteWebhooks: []
        }
    ],
    keyStored: true,
    previousKeyExpires: '2026-11-23T09:16:00.000Z',
    graceHours: 24,
    keyFailure: null,
    outcomeUnknown: false,
    report: 'Comm100 webhooks for https://litware.my.salesforce-sites.com: …'
};

export const HEALTH: Health = {
    days: ['2026-11-20', '2026-11-21', '2026-11-22'],
    eventTypes: [
        {
            source: 'api_v4',
            eventType: 'chat',
            lastReceived: '2026-11-22T09:00:05.000Z',
            counts: [0, 4, 3],
            total: 7
        },
        {
            source: 'webhook',
            eventType: 'chat_ended',
            lastReceived: '2026-11-22T08:59:00.000Z',
            counts: [12, 9, 5],
            total: 26
        }
    ],
    lastError: {
        name: 'SL-00000042',
        status: 'Failed',
        eventType: 'chat_ended',
        reason: 'The Contact could not be saved: REQUIRED_FIELD_MISSING.',
        createdDate: '2026-11-21T17:45:00.000Z'
    },
    pollerConfigured: true,
    lastPollAt: '2026-11-22T09:00:05.000Z',
    lastPollResult: 'Read 3 chats of the catch-up window.',
    lastPollError: null,
    lastPollErrorAt: null,
    pollerStopReason: null
};
