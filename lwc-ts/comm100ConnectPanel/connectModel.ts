import type { PollerStatus } from '@salesforce/apex/ConnectSetupController.getStatus';
import type { EventResult, RegistrationResult } from '@salesforce/apex/ConnectSetupController.registerWebhooks';
import type { Health } from '@salesforce/apex/ConnectionHealthController.getHealth';

/** How dates and times are shown: the user's locale, medium date and short time. */
export const DATE_TIME_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

const SCHEME = 'https://';
const HOST =
    /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]{1,5})?$/;
const EXAMPLE = ' For example https://acme.my.salesforce-sites.com.';

const EVENT_LABELS: Record<EventResult['eventName'], string> = {
    chatStarts: 'Chat starts',
    chatEnds: 'Chat ends',
    chatIsWrappedUp: 'Chat is wrapped up',
    offlineMessageIsSubmitted: 'Offline message is submitted'
};

const OUTCOME_LABELS: Record<EventResult['outcome'], string> = {
    created: 'Created',
    updated: 'Updated',
    failed: 'Failed'
};

const SOURCE_LABELS: Record<string, string> = {
    webhook: 'Webhook',
    api_v2: 'API v2',
    api_v3: 'API v3',
    api_v4: 'API v4'
};

/** A date and time for a person, or '' for none. */
export function formatDateTime(value: string | null | undefined): string {
    if (!value) {
        return '';
    }
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date.toLocaleString(undefined, DATE_TIME_FORMAT);
}

/** A GMT day (YYYY-MM-DD) as a short label, for example "Nov 16". */
export function formatDay(day: string): string {
    const date = new Date(`${day}T00:00:00Z`);
    return Number.isNaN(date.getTime())
        ? day
        : date.toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** The base address as the webhooks use it: trimmed, without trailing slashes. */
export function normaliseBaseUrl(text: string): string {
    return text.trim().replace(/\/+$/, '');
}

/**
 * What is wrong with a Site base address, in the words of the Apex registration (Comm100WebhookRegistrar), or null
 * when it is usable: https, a host, no query, fragment, spaces or /services/ path, and no Experience Cloud /s.
 */
export function siteBaseUrlProblem(text: string): string | null {
    const url = normaliseBaseUrl(text);
    if (url.length === 0) {
        return `Type the base address of your public Salesforce Site.${EXAMPLE}`;
    }
    if (!url.toLowerCase().startsWith(SCHEME)) {
        return `The Site address must start with https://.${EXAMPLE}`;
    }
    const rest = url.substring(SCHEME.length);
    if (/[?#\s]/.test(rest)) {
        return 'The Site address must have no query (?), fragment (#) or spaces.';
    }
    const slash = rest.indexOf('/');
    const host = slash < 0 ? rest : rest.substring(0, slash);
    const path = slash < 0 ? '' : rest.substring(slash);
    if (!HOST.test(host)) {
        return `The Site address must name a host after https://.${EXAMPLE}`;
    }
    if (`${path}/`.toLowerCase().includes('/services/')) {
        return 'The Site address must be the base address only, without /services/apexrest or what follows it.';
    }
    if (path.endsWith('/s')) {
        return `The Site address ends in /s, where the pages of an Experience Cloud site start: use ${SCHEME}${rest.slice(0, -2)}.`;
    }
    return null;
}

/** The address to give Comm100, or '' while the base address is not usable. */
export function webhookAddress(baseUrl: string, webhookPath: string, key: string): string {
    return siteBaseUrlProblem(baseUrl) === null ? `${normaliseBaseUrl(baseUrl)}${webhookPath}${key}` : '';
}

/** One line of the registration result. */
export interface EventRow {
    key: string;
    label: string;
    outcome: string;
    failed: boolean;
    webhooks: string;
    detail: string;
}

export function eventRows(result: RegistrationResult): EventRow[] {
    return result.events.map((event) => ({
        key: event.eventName,
        label: EVENT_LABELS[event.eventName],
        outcome: OUTCOME_LABELS[event.outcome],
        failed: event.outcome === 'failed',
        webhooks: event.webhookIds.join(', '),
        detail: [
            event.message,
            event.note,
            ...event.otherSiteWebhooks.map((other) => `On another Salesforce Site, left alone: ${other}.`)
        ]
            .filter((part): part is string => Boolean(part))
            .join(' ')
    }));
}

/** What the registration did to the Site key, in one sentence. */
export function keySentence(result: RegistrationResult): string {
    if (result.keyFailure) {
        return result.keyFailure;
    }
    if (!result.keyStored) {
        return 'No webhook was created or updated, so the Site key was not changed.';
    }
    return result.previousKeyExpires
        ? `A new Site key is stored. A webhook with the previous address keeps working until ${formatDateTime(result.previousKeyExpires)}.`
        : 'A new Site key is stored.';
}

/** Where the poller stands, in one sentence. */
export function pollerSentence(poller: PollerStatus): string {
    if (poller.stopped) {
        return 'Stopped by an error.';
    }
    if (poller.enabled && poller.scheduled) {
        return `Started: polls every ${poller.intervalMinutes ?? 15} minutes.`;
    }
    if (poller.enabled) {
        return 'Started, but its schedule is gone (aborted in Setup, Scheduled Jobs): start it again.';
    }
    return poller.cursor ? 'Stopped. A start goes on from where it stopped.' : 'Not started.';
}

/** Whether a backfill range is being read. */
export function backfillRunning(poller: PollerStatus | undefined): boolean {
    return Boolean(poller?.backfillFrom) && !poller?.backfillCompletedAt;
}

/** The backfill's progress in words. */
export function backfillSentence(poller: PollerStatus): string {
    if (poller.backfillCompletedAt) {
        return `Completed on ${formatDateTime(poller.backfillCompletedAt)}: ${poller.backfillChatsFetched ?? 0} chats read.`;
    }
    if (poller.backfillTotalChats != null) {
        return `${poller.backfillPercent ?? 0}%: ${poller.backfillChatsFetched ?? 0} of ${poller.backfillTotalChats} chats read.`;
    }
    if (poller.backfillTotalPages != null) {
        return `${poller.backfillPercent ?? 0}%: ${poller.backfillPagesRead ?? 0} of ${poller.backfillTotalPages} pages read.`;
    }
    return 'Waiting for the first page: Comm100 has not said yet how many chats the range holds.';
}

/** One line of the health table. */
export interface HealthRow {
    key: string;
    source: string;
    eventType: string;
    lastReceived: string;
    counts: { key: string; value: number }[];
    total: number;
}

export function healthRows(health: Health): HealthRow[] {
    return health.eventTypes.map((entry) => ({
        key: `${entry.source}|${entry.eventType}`,
        source: SOURCE_LABELS[entry.source] ?? entry.source,
        eventType: entry.eventType,
        lastReceived: formatDateTime(entry.lastReceived),
        counts: entry.counts.map((value, index) => ({ key: health.days[index] ?? String(index), value })),
        total: entry.total
    }));
}

/**
 * What is wrong with a backfill range, by field, in the words of the Apex (ConnectSetupController); empty when it is
 * usable. Days are YYYY-MM-DD; today is the user's day as the Apex gives it (ConnectStatus.today), not the browser's.
 */
export function backfillProblems(fromDay: string, toDay: string, today: string): { from?: string; to?: string } {
    const problems: { from?: string; to?: string } = {};
    if (!fromDay) {
        problems.from = 'Choose the first day of the range to backfill.';
    } else if (fromDay > today) {
        problems.from = 'The first day of the range must not be in the future: the poller reads new chats by itself.';
    }
    if (!toDay) {
        problems.to = 'Choose the last day of the range to backfill.';
    } else if (fromDay && toDay < fromDay) {
        problems.to = 'The last day of the range must be on or after its first day.';
    } else if (toDay > today) {
        problems.to = 'The last day of the range must not be in the future: the poller reads new chats by itself.';
    }
    return problems;
}
