import { createElement } from 'lwc';
import Comm100ConnectPanel from 'c/comm100ConnectPanel';
import getStatus from '@salesforce/apex/ConnectSetupController.getStatus';
import rotateSiteKey from '@salesforce/apex/ConnectSetupController.rotateSiteKey';
import registerWebhooks from '@salesforce/apex/ConnectSetupController.registerWebhooks';
import testConnection from '@salesforce/apex/ConnectSetupController.testConnection';
import getPollerStatus from '@salesforce/apex/ConnectSetupController.getPollerStatus';
import startPoller from '@salesforce/apex/ConnectSetupController.startPoller';
import stopPoller from '@salesforce/apex/ConnectSetupController.stopPoller';
import startBackfill from '@salesforce/apex/ConnectSetupController.startBackfill';
import getHealth from '@salesforce/apex/ConnectionHealthController.getHealth';
import { refreshApex } from '@salesforce/apex';
import {
    BACKFILLING_POLLER,
    BASE,
    HEALTH,
    IDLE_POLLER,
    KEY,
    PATH,
    REGISTRATION,
    ROTATION,
    RUNNING_POLLER,
    STATUS
} from './data/connectData';

jest.mock('@salesforce/apex/ConnectSetupController.getStatus', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock('@salesforce/apex/ConnectSetupController.rotateSiteKey', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock(
    '@salesforce/apex/ConnectSetupController.registerWebhooks',
    () => ({ default: jest.fn(), __esModule: true }),
    { virtual: true }
);
jest.mock('@salesforce/apex/ConnectSetupController.testConnection', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock('@salesforce/apex/ConnectSetupController.getPollerStatus', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock('@salesforce/apex/ConnectSetupController.startPoller', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock('@salesforce/apex/ConnectSetupController.stopPoller', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock('@salesforce/apex/ConnectSetupController.startBackfill', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock(
    '@salesforce/apex/ConnectionHealthController.getHealth',
    () => {
        const { createApexTestWireAdapter } = jest.requireActual<{
            createApexTestWireAdapter: (fn: jest.Mock) => unknown;
        }>('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()), __esModule: true };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()), __esModule: true }), {
    virtual: true
});

interface WireMock {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}

interface PanelElement extends HTMLElement {
    refreshSeconds: number;
}

type ButtonElement = HTMLElement & { label: string; disabled: boolean };

const statusCall = getStatus as unknown as jest.Mock;
const rotateCall = rotateSiteKey as unknown as jest.Mock;
const registerCall = registerWebhooks as unknown as jest.Mock;
const testCall = testConnection as unknown as jest.Mock;
const pollerStatusCall = getPollerStatus as unknown as jest.Mock;
const startCall = startPoller as unknown as jest.Mock;
const stopCall = stopPoller as unknown as jest.Mock;
const backfillCall = startBackfill as unknown as jest.Mock;
const healthWire = getHealth as unknown as WireMock;
const refresh = refreshApex as unknown as jest.Mock;

const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const shown = (iso: string): string => new Date(iso).toLocaleString(undefined, DATE_TIME);

function flush(): Promise<void> {
    return new Promise((resolve) => {
        setTimeout(resolve, 0);
    });
}

async function render(setup?: (element: PanelElement) => void): Promise<PanelElement> {
    const element = createElement('c-comm100-connect-panel', { is: Comm100ConnectPanel }) as unknown as PanelElement;
    setup?.(element);
    document.body.appendChild(element);
    await flush();
    healthWire.emit(HEALTH);
    await flush();
    return element;
}

function root(element: HTMLElement): ShadowRoot {
    return element.shadowRoot!;
}

function textOf(element: HTMLElement, selector: string): string {
    return root(element).querySelector(selector)?.textContent.trim() ?? '';
}

function button(element: HTMLElement, label: string): ButtonElement {
    const found = Array.from(root(element).querySelectorAll<ButtonElement>('lightning-button')).find(
        (candidate) => candidate.label === label
    );
    if (!found) {
        throw new Error(`No button labelled ${label}`);
    }
    return found;
}

async function click(element: HTMLElement, label: string): Promise<void> {
    button(element, label).click();
    await flush();
    await flush();
}

function type(element: HTMLElement, selector: string, value: string): void {
    const input = root(element).querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new CustomEvent('input'));
}

function errorPanel(element: HTMLElement, selector: string): { errors: unknown; friendlyMessage: string } {
    return root(element).querySelector(selector) as unknown as { errors: unknown; friendlyMessage: string };
}

const REFUSAL = {
    body: {
        message: 'You do not have access to the Comm100 Setup. Ask your admin for the Comm100 Admin permission set.'
    }
};

describe('c-comm100-connect-panel', () => {
    beforeEach(() => {
        statusCall.mockResolvedValue(STATUS);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.useRealTimers();
    });

    it('shows the key, the Comm100 API, the poller and the health of the last 7 days', async () => {
        const element = await render();

        expect(statusCall).toHaveBeenCalledTimes(1);
        expect(healthWire.getLastConfig()).toEqual({ days: 7 });
        expect(textOf(element, '.connect__key-summary')).toBe(
            `The current key was made on ${shown('2026-11-20T08:30:00.000Z')}.`
        );
        expect(root(element).querySelector('.connect__previous-key')).toBeNull();
        expect(textOf(element, '.connect__site-id')).toBe('Comm100 Site Id: 10000423.');
        expect(textOf(element, '.connect__budget')).toBe('250 calls per 5 minutes allowed, none used in this window.');
        expect(textOf(element, '.connect__poller-state')).toBe('Started: polls every 30 minutes.');
        expect(textOf(element, '.connect__last-poll')).toBe(
            `Last poll on ${shown('2026-11-22T09:00:05.000Z')}: Read 3 chats of the catch-up window.`
        );
        expect(button(element, 'Restart polling').disabled).toBe(false);
        expect(button(element, 'Stop polling').disabled).toBe(false);
        expect((root(element).querySelector('lightning-radio-group') as unknown as { value: string }).value).toBe('30');
        expect(root(element).querySelector('.connect__read-only')).toBeNull();
        expect(root(element).querySelector('lightning-progress-bar')).toBeNull();

        const headers = Array.from(root(element).querySelectorAll('.connect__health thead th')).map((th) =>
            th.textContent.trim()
        );
        expect(headers).toEqual(['Source', 'Event type', 'Last received', 'Nov 20', 'Nov 21', 'Nov 22', 'Total']);
        const rows = Array.from(root(element).querySelectorAll('.connect__health tbody tr')).map((tr) =>
            Array.from(tr.children).map((cell) => cell.textContent.trim())
        );
        expect(rows).toEqual([
            ['API v4', 'chat', shown('2026-11-22T09:00:05.000Z'), '0', '4', '3', '7'],
            ['Webhook', 'chat_ended', shown('2026-11-22T08:59:00.000Z'), '12', '9', '5', '26']
        ]);
        expect(textOf(element, '.connect__health-last-error')).toBe(
            `SL-00000042 (Failed, chat_ended) on ${shown('2026-11-21T17:45:00.000Z')}: The Contact could not be saved: REQUIRED_FIELD_MISSING.`
        );
        expect(textOf(element, '.connect__health-poll')).toBe(
            `Last poll on ${shown('2026-11-22T09:00:05.000Z')}: Read 3 chats of the catch-up window.`
        );
        await expect(element).toBeAccessible();
    });

    it('reads another period of health when the admin picks it', async () => {
        const element = await render();
        const select = root(element).querySelector<HTMLSelectElement>('.connect__health-days')!;
        select.value = '30';
        select.dispatchEvent(new CustomEvent('change'));
        await flush();
        expect(healthWire.getLastConfig()).toEqual({ days: 30 });
        healthWire.emit({ ...HEALTH, eventTypes: [], lastError: null, lastPollAt: null, pollerConfigured: false });
        await flush();
        expect(textOf(element, '.connect__no-events')).toBe('Nothing received in this period.');
        expect(textOf(element, '.connect__health-last-error')).toBe('Nothing went wrong in this period.');
        expect(textOf(element, '.connect__health-poll')).toBe('Polling is not started.');
        await click(element, 'Refresh health');
        expect(refresh).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });

    it('rotates the key and shows it once, then the whole address once the base URL is typed, and copies it', async () => {
        rotateCall.mockResolvedValue(ROTATION);
        const writeText = jest.fn(() => Promise.resolve());
        Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
        const element = await render();

        await click(element, 'Rotate the key');
        expect(rotateCall).toHaveBeenCalledTimes(1);
        expect(root(element).querySelector('label[for^="shown-secret"]')?.textContent).toBe('New key');
        expect(root(element).querySelector<HTMLInputElement>('.connect__secret')!.value).toBe(KEY);
        expect(textOf(element, '.connect__previous-key')).toBe(
            `The key it replaced keeps working until ${shown('2026-11-23T09:16:00.000Z')}.`
        );
        expect(textOf(element, '.connect__key-summary')).toBe(
            `The current key was made on ${shown('2026-11-22T09:16:00.000Z')}.`
        );

        type(element, '.connect__site-base-url', `${BASE}/`);
        await flush();
        expect(root(element).querySelector('label[for^="shown-secret"]')?.textContent).toBe('Address to give Comm100');
        expect(root(element).querySelector<HTMLInputElement>('.connect__secret')!.value).toBe(`${BASE}${PATH}${KEY}`);

        await click(element, 'Copy');
        expect(writeText).toHaveBeenCalledWith(`${BASE}${PATH}${KEY}`);
        expect(textOf(element, '.connect__copy-message')).toBe('Copied.');
        await expect(element).toBeAccessible();
    });

    it('selects the key for the admin to copy when the browser refuses the clipboard', async () => {
        rotateCall.mockResolvedValue(ROTATION);
        Object.defineProperty(navigator, 'clipboard', {
            value: { writeText: jest.fn(() => Promise.reject(new Error('NotAllowedError'))) },
            configurable: true
        });
        const element = await render();
        await click(element, 'Rotate the key');
        await click(element, 'Copy');
        const secret = root(element).querySelector<HTMLInputElement>('.connect__secret')!;
        expect(root(element).activeElement).toBe(secret);
        expect(secret.selectionStart).toBe(0);
        expect(secret.selectionEnd).toBe(KEY.length);
        expect(textOf(element, '.connect__copy-message')).toBe(
            'Copying is not allowed here: the text is selected, press Ctrl+C (or ⌘C) to copy it.'
        );
        await expect(element).toBeAccessible();
    });

    it('shows why the key was not rotated', async () => {
        rotateCall.mockRejectedValue({
            body: {
                message: 'Only users with the Customize Application permission can rotate the Comm100 site webhook key.'
            }
        });
        const element = await render();
        await click(element, 'Rotate the key');
        expect(root(element).querySelector('.connect__secret')).toBeNull();
        const panel = root(element).querySelectorAll('c-error-panel')[0] as unknown as { friendlyMessage: string };
        expect(panel.friendlyMessage).toBe('The key was not rotated.');
        await expect(element).toBeAccessible();
    });

    it('refuses a bad Site base URL next to the field, keeps what was typed and calls nothing', async () => {
        const element = await render();
        await click(element, 'Register the webhooks');
        expect(textOf(element, '.connect__site-base-url-error')).toBe(
            'Type the base address of your public Salesforce Site. For example https://acme.my.salesforce-sites.com.'
        );
        const input = root(element).querySelector<HTMLInputElement>('.connect__site-base-url')!;
        expect(input.getAttribute('aria-invalid')).toBe('true');
        expect(root(element).activeElement).toBe(input);

        type(element, '.connect__site-base-url', 'http://litware.my.salesforce-sites.com');
        await flush();
        expect(textOf(element, '.connect__site-base-url-error')).toBe(
            'The Site address must start with https://. For example https://acme.my.salesforce-sites.com.'
        );
        for (const [typed, problem] of [
            ['https://litware.my.salesforce-sites.com/services/apexrest', 'without /services/apexrest'],
            ['https://litware.my.site.com/support/s/', 'use https://litware.my.site.com/support.'],
            ['https://lit ware.com', 'no query (?), fragment (#) or spaces'],
            ['https://-bad-.com', 'must name a host']
        ]) {
            type(element, '.connect__site-base-url', typed!);
            // eslint-disable-next-line no-await-in-loop -- each address is tried in turn, in the same form
            await click(element, 'Register the webhooks');
            expect(textOf(element, '.connect__site-base-url-error')).toContain(problem);
            expect(input.value).toBe(typed);
        }
        expect(registerCall).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();

        type(element, '.connect__site-base-url', BASE);
        await flush();
        expect(textOf(element, '.connect__site-base-url-error')).toBe('');
        expect(input.getAttribute('aria-invalid')).toBe('false');
    });

    it('registers the webhooks and shows the result per event and what became of the key', async () => {
        registerCall.mockResolvedValue(REGISTRATION);
        rotateCall.mockResolvedValue(ROTATION);
        const element = await render();
        await click(element, 'Rotate the key');
        expect(root(element).querySelector('.connect__secret')).not.toBeNull();
        type(element, '.connect__site-base-url', BASE);
        await click(element, 'Register the webhooks');
        await flush();

        expect(registerCall).toHaveBeenCalledWith({ siteBaseUrl: BASE });
        const rows = Array.from(root(element).querySelectorAll('.connect__events tbody tr')).map((tr) =>
            Array.from(tr.children).map((cell) => cell.textContent.trim())
        );
        expect(rows).toEqual([
            ['Chat starts', 'Created', 'ID-1', ''],
            [
                'Chat ends',
                'Updated',
                'ID-2, ID-5',
                'On another Salesforce Site, left alone: ID-9 (https://sandbox.my.salesforce-sites.com).'
            ],
            [
                'Chat is wrapped up',
                'Failed',
                '',
                'Comm100 failed to answer the webhook creation (POST livechat/webhooks) (503).'
            ],
            ['Offline message is submitted', 'Created', 'ID-4', '']
        ]);
        expect(textOf(element, '.connect__key-sentence')).toBe(
            `A new Site key is stored. A webhook with the previous address keeps working until ${shown('2026-11-23T09:16:00.000Z')}.`
        );
        expect(statusCall).toHaveBeenCalledTimes(2);
        expect(root(element).querySelector('.connect__secret')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says when no key was stored, or why it could not be saved', async () => {
        registerCall
            .mockResolvedValueOnce({ ...REGISTRATION, keyStored: false, previousKeyExpires: null })
            .mockResolvedValueOnce({
                ...REGISTRATION,
                keyStored: false,
                keyFailure: 'The new Site key could not be saved.'
            })
            .mockResolvedValueOnce({ ...REGISTRATION, previousKeyExpires: null });
        const element = await render();
        rotateCall.mockResolvedValue(ROTATION);
        await click(element, 'Rotate the key');
        type(element, '.connect__site-base-url', BASE);
        await click(element, 'Register the webhooks');
        expect(textOf(element, '.connect__key-sentence')).toBe(
            'No webhook was created or updated, so the Site key was not changed.'
        );
        expect(root(element).querySelector('.connect__secret')).not.toBeNull();
        await click(element, 'Register the webhooks');
        expect(textOf(element, '.connect__key-sentence')).toBe('The new Site key could not be saved.');
        await click(element, 'Register the webhooks');
        expect(textOf(element, '.connect__key-sentence')).toBe('A new Site key is stored.');
        await expect(element).toBeAccessible();
    });

    it('shows a refused registration in an error panel', async () => {
        registerCall.mockRejectedValue({ body: { message: 'The Site address must start with https://.' } });
        const element = await render();
        type(element, '.connect__site-base-url', BASE);
        await click(element, 'Register the webhooks');
        const panel = Array.from(root(element).querySelectorAll('c-error-panel')).map(
            (node) => node as unknown as { friendlyMessage: string; errors: unknown }
        );
        expect(panel.map((p) => p.friendlyMessage)).toEqual(['The webhooks were not registered.']);
        expect(panel[0]!.errors).toEqual({ body: { message: 'The Site address must start with https://.' } });
        await expect(element).toBeAccessible();
    });

    it('tests the connection and says what works, or what failed and what to do', async () => {
        testCall
            .mockResolvedValueOnce({
                ok: true,
                kind: null,
                statusCode: null,
                headline: 'Comm100 answered: the site id, the API credential and the API address work.',
                message: null,
                retryAfterSeconds: null
            })
            .mockResolvedValueOnce({
                ok: false,
                kind: 'CREDENTIAL',
                statusCode: 401,
                headline: 'Comm100 refused the API credential.',
                message: 'Check the agent email and API key.',
                retryAfterSeconds: null
            })
            .mockRejectedValueOnce(REFUSAL);
        const element = await render();
        await click(element, 'Test connection');
        expect(textOf(element, '.connect__test-ok')).toBe(
            'Comm100 answered: the site id, the API credential and the API address work.'
        );
        await click(element, 'Test connection');
        expect(root(element).querySelector('.connect__test-ok')).toBeNull();
        expect(textOf(element, '.connect__test-headline')).toBe('Comm100 refused the API credential.');
        expect(textOf(element, '.connect__test-message')).toBe('Check the agent email and API key.');
        await click(element, 'Test connection');
        expect(root(element).querySelector('.connect__test-headline')).toBeNull();
        const panel = root(element).querySelector('c-error-panel') as unknown as { friendlyMessage: string };
        expect(panel.friendlyMessage).toBe('The connection was not tested.');
        await expect(element).toBeAccessible();
    });

    it('starts the poller at the chosen interval, then stops it, refreshing health each time', async () => {
        statusCall.mockResolvedValue({ ...STATUS, poller: IDLE_POLLER });
        startCall.mockResolvedValue({
            report: 'Comm100 chat polling started: every 60 minutes.',
            poller: { ...RUNNING_POLLER, intervalMinutes: 60 }
        });
        stopCall.mockResolvedValue({
            report: 'Comm100 chat polling stopped.',
            poller: { ...RUNNING_POLLER, enabled: false, scheduled: false }
        });
        const element = await render();
        expect(textOf(element, '.connect__poller-state')).toBe('Not started.');
        expect(textOf(element, '.connect__last-poll')).toBe('No poll yet.');
        expect(button(element, 'Stop polling').disabled).toBe(true);

        root(element)
            .querySelector('lightning-radio-group')!
            .dispatchEvent(new CustomEvent('change', { detail: { value: '60' } }));
        await click(element, 'Start polling');
        expect(startCall).toHaveBeenCalledWith({ intervalMinutes: 60 });
        expect(textOf(element, '.connect__poller-state')).toBe('Started: polls every 60 minutes.');
        expect(textOf(element, '.connect__poller-report')).toBe('Comm100 chat polling started: every 60 minutes.');
        expect(refresh).toHaveBeenCalledTimes(1);

        await click(element, 'Stop polling');
        expect(stopCall).toHaveBeenCalledTimes(1);
        expect(textOf(element, '.connect__poller-state')).toBe('Stopped. A start goes on from where it stopped.');
        expect(textOf(element, '.connect__poller-report')).toBe('Comm100 chat polling stopped.');
        expect(refresh).toHaveBeenCalledTimes(2);
        await expect(element).toBeAccessible();
    });

    it('shows a poller stopped by a credential error, its back-off and its last error', async () => {
        statusCall.mockResolvedValue({
            ...STATUS,
            poller: {
                ...RUNNING_POLLER,
                stopped: true,
                stopReason: 'Comm100 refused the API credential (401): fix it, then start the poller again.',
                lastError: 'Comm100 refused the API credential (401).',
                lastErrorAt: '2026-11-22T08:45:00.000Z',
                nextAttemptAt: '2026-11-22T09:45:00.000Z',
                consecutiveFailures: 5
            }
        });
        const element = await render();
        expect(textOf(element, '.connect__poller-state')).toBe('Stopped by an error.');
        expect(textOf(element, '.connect__stop-reason')).toBe(
            'Comm100 refused the API credential (401): fix it, then start the poller again.'
        );
        expect(textOf(element, '.connect__last-poll-error')).toBe(
            `Last error (${shown('2026-11-22T08:45:00.000Z')}): Comm100 refused the API credential (401).`
        );
        expect(textOf(element, '.connect__backoff')).toBe(
            `5 failed polls in a row: the next try is not before ${shown('2026-11-22T09:45:00.000Z')}.`
        );
        expect(button(element, 'Start polling').disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('says when the poller is started but its schedule is gone', async () => {
        statusCall.mockResolvedValue({ ...STATUS, poller: { ...RUNNING_POLLER, scheduled: false } });
        const element = await render();
        expect(textOf(element, '.connect__poller-state')).toBe(
            'Started, but its schedule is gone (aborted in Setup, Scheduled Jobs): start it again.'
        );
        expect(button(element, 'Start polling').disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('refuses a backfill range next to its fields and keeps the days typed', async () => {
        const element = await render();
        await click(element, 'Backfill these days');
        expect(textOf(element, '.connect__backfill-from-error')).toBe('Choose the first day of the range to backfill.');
        expect(textOf(element, '.connect__backfill-to-error')).toBe('Choose the last day of the range to backfill.');
        expect(root(element).activeElement).toBe(root(element).querySelector('.connect__backfill-from'));

        type(element, '.connect__backfill-from', '2026-11-07');
        type(element, '.connect__backfill-to', '2026-11-01');
        await click(element, 'Backfill these days');
        expect(textOf(element, '.connect__backfill-from-error')).toBe('');
        expect(textOf(element, '.connect__backfill-to-error')).toBe(
            'The last day of the range must be on or after its first day.'
        );
        expect(root(element).activeElement).toBe(root(element).querySelector('.connect__backfill-to'));
        expect(root(element).querySelector<HTMLInputElement>('.connect__backfill-from')!.value).toBe('2026-11-07');

        type(element, '.connect__backfill-from', '2026-11-23');
        type(element, '.connect__backfill-to', '2026-11-24');
        await click(element, 'Backfill these days');
        expect(textOf(element, '.connect__backfill-from-error')).toBe(
            'The first day of the range must not be in the future: the poller reads new chats by itself.'
        );
        expect(textOf(element, '.connect__backfill-to-error')).toBe(
            'The last day of the range must not be in the future: the poller reads new chats by itself.'
        );

        type(element, '.connect__backfill-from', '2026-11-20');
        type(element, '.connect__backfill-to', '2026-11-23');
        await click(element, 'Backfill these days');
        expect(textOf(element, '.connect__backfill-from-error')).toBe('');
        expect(textOf(element, '.connect__backfill-to-error')).toBe(
            'The last day of the range must not be in the future: the poller reads new chats by itself.'
        );
        expect(root(element).activeElement).toBe(root(element).querySelector('.connect__backfill-to'));
        expect(root(element).querySelector<HTMLInputElement>('.connect__backfill-to')!.value).toBe('2026-11-23');
        expect(backfillCall).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it("takes today from the Apex (the user's time zone), not from the browser's clock", async () => {
        // The browser's day is 21 Nov while the user's Salesforce day is already 22 Nov: 22 Nov may be backfilled.
        jest.useFakeTimers({ doNotFake: ['setTimeout'], now: new Date(2026, 10, 21, 12, 0, 0) });
        backfillCall.mockResolvedValue({ report: 'Backfill of the chats from …', poller: BACKFILLING_POLLER });
        const element = await render();
        for (const selector of ['.connect__backfill-from', '.connect__backfill-to']) {
            expect(root(element).querySelector<HTMLInputElement>(selector)!.max).toBe('2026-11-22');
        }
        type(element, '.connect__backfill-from', '2026-11-22');
        type(element, '.connect__backfill-to', '2026-11-22');
        await click(element, 'Backfill these days');
        expect(backfillCall).toHaveBeenCalledWith({ fromDate: '2026-11-22', toDate: '2026-11-22' });
        document.body.removeChild(element);

        // The browser's day is 23 Nov while the user's is still 22 Nov: 23 Nov is refused before Apex is called.
        backfillCall.mockClear();
        jest.setSystemTime(new Date(2026, 10, 23, 12, 0, 0));
        const later = await render();
        type(later, '.connect__backfill-from', '2026-11-23');
        type(later, '.connect__backfill-to', '2026-11-23');
        await click(later, 'Backfill these days');
        expect(textOf(later, '.connect__backfill-from-error')).toBe(
            'The first day of the range must not be in the future: the poller reads new chats by itself.'
        );
        expect(backfillCall).not.toHaveBeenCalled();
        await expect(later).toBeAccessible();
    });

    it('treats a null field the platform left out (a missing key) as null', async () => {
        const withoutTotals: Record<string, unknown> = { ...BACKFILLING_POLLER };
        delete withoutTotals.backfillTotalChats;
        delete withoutTotals.backfillPercent;
        delete withoutTotals.stopReason;
        const withoutSiteId: Record<string, unknown> = { ...STATUS };
        delete withoutSiteId.comm100SiteId;
        statusCall.mockResolvedValue({
            ...withoutSiteId,
            siteKey: { hasKey: true, created: '2026-11-20T08:30:00.000Z' },
            poller: withoutTotals
        });
        testCall.mockResolvedValue({ ok: false, headline: 'Comm100 did not answer in time, or could not be reached.' });
        const element = await render();
        expect(textOf(element, '.connect__backfill-progress')).toBe('0%: 2 of 5 pages read.');
        expect((root(element).querySelector('lightning-progress-bar') as unknown as { value: number }).value).toBe(0);
        expect(textOf(element, '.connect__site-id')).toBe(
            'The Comm100 Site Id is not set: enter it as Comm100 Site Id in the Default record of Setup > Custom Metadata Types > Comm100 Setting.'
        );
        expect(root(element).querySelector('.connect__previous-key')).toBeNull();
        expect(root(element).querySelector('.connect__stop-reason')).toBeNull();
        await click(element, 'Test connection');
        expect(textOf(element, '.connect__test-headline')).toBe(
            'Comm100 did not answer in time, or could not be reached.'
        );
        expect(textOf(element, '.connect__test-message')).toBe('');
        expect(root(element).textContent).not.toContain('undefined');
        await expect(element).toBeAccessible();
    });

    it('backfills a range and shows its progress, read again while it runs', async () => {
        jest.useFakeTimers({ doNotFake: ['setTimeout'] });
        backfillCall.mockResolvedValue({
            report: 'Backfill of the chats from … ; a run is queued.',
            poller: BACKFILLING_POLLER
        });
        pollerStatusCall.mockResolvedValue({
            ...BACKFILLING_POLLER,
            backfillCompletedAt: '2026-11-22T09:30:00.000Z',
            backfillChatsFetched: 480,
            backfillPercent: 100
        });
        const element = await render((panel) => {
            panel.refreshSeconds = 5;
        });
        type(element, '.connect__backfill-from', '2026-11-01');
        type(element, '.connect__backfill-to', '2026-11-07');
        await click(element, 'Backfill these days');

        expect(backfillCall).toHaveBeenCalledWith({ fromDate: '2026-11-01', toDate: '2026-11-07' });
        const bar = root(element).querySelector('lightning-progress-bar') as unknown as { value: number };
        expect(bar.value).toBe(40);
        expect(textOf(element, '.connect__backfill-progress')).toBe('40%: 192 of 480 chats read.');
        expect(textOf(element, '.connect__backfill-range')).toBe(
            `From ${shown('2026-11-01T00:00:00.000Z')} to ${shown('2026-11-08T00:00:00.000Z')}`
        );
        expect(textOf(element, '.connect__poller-report')).toBe('Backfill of the chats from … ; a run is queued.');
        await expect(element).toBeAccessible();
    });

    it('reads the progress again every refreshSeconds while the backfill runs, and stops once it is complete', async () => {
        jest.useFakeTimers();
        statusCall.mockResolvedValue({ ...STATUS, poller: BACKFILLING_POLLER });
        pollerStatusCall.mockResolvedValue({
            ...BACKFILLING_POLLER,
            backfillCompletedAt: '2026-11-22T09:30:00.000Z',
            backfillChatsFetched: 480,
            backfillPercent: 100
        });
        const element = createElement('c-comm100-connect-panel', {
            is: Comm100ConnectPanel
        }) as unknown as PanelElement;
        element.refreshSeconds = 5;
        document.body.appendChild(element);
        await Promise.resolve();
        await Promise.resolve();
        jest.advanceTimersByTime(4999);
        expect(pollerStatusCall).not.toHaveBeenCalled();
        jest.advanceTimersByTime(1);
        expect(pollerStatusCall).toHaveBeenCalledTimes(1);
        await Promise.resolve();
        await Promise.resolve();
        jest.advanceTimersByTime(60000);
        expect(pollerStatusCall).toHaveBeenCalledTimes(1);
        jest.useRealTimers();
        await flush();
        expect(textOf(element, '.connect__backfill-progress')).toBe(
            `Completed on ${shown('2026-11-22T09:30:00.000Z')}: 480 chats read.`
        );
        await expect(element).toBeAccessible();
    });

    it('shows a backfill whose size Comm100 has not told yet, or told in pages only', async () => {
        statusCall.mockResolvedValue({
            ...STATUS,
            poller: { ...BACKFILLING_POLLER, backfillTotalChats: null, backfillTotalPages: null, backfillPercent: null }
        });
        const element = await render();
        expect(textOf(element, '.connect__backfill-progress')).toBe(
            'Waiting for the first page: Comm100 has not said yet how many chats the range holds.'
        );
        expect((root(element).querySelector('lightning-progress-bar') as unknown as { value: number }).value).toBe(0);
        document.body.removeChild(element);
        statusCall.mockResolvedValue({
            ...STATUS,
            poller: { ...BACKFILLING_POLLER, backfillTotalChats: null, backfillPercent: 40 }
        });
        const pages = await render();
        expect(textOf(pages, '.connect__backfill-progress')).toBe('40%: 2 of 5 pages read.');
        await expect(pages).toBeAccessible();
    });

    it('shows a refused backfill in the poller error panel', async () => {
        backfillCall.mockRejectedValue({
            body: { message: 'Start the poller first: its schedule is what resumes a backfill that has to pause.' }
        });
        const element = await render();
        type(element, '.connect__backfill-from', '2026-11-01');
        type(element, '.connect__backfill-to', '2026-11-07');
        await click(element, 'Backfill these days');
        const panel = errorPanel(element, '.connect__poller-error');
        expect(panel.friendlyMessage).toBe('The poller did not do that.');
        expect(panel.errors).toEqual({
            body: { message: 'Start the poller first: its schedule is what resumes a backfill that has to pause.' }
        });
        await expect(element).toBeAccessible();
    });

    it('lets an admin without Customize Application look and test, but not change anything', async () => {
        statusCall.mockResolvedValue({
            ...STATUS,
            canCustomizeApplication: false,
            comm100SiteId: null,
            siteKey: { hasKey: false, created: null, previousKeyExpires: null },
            apiCallsLeft: 12,
            siteKeyGraceHours: 0
        });
        const element = await render();
        expect(textOf(element, '.connect__read-only')).toContain('need the Customize Application permission');
        for (const label of [
            'Rotate the key',
            'Register the webhooks',
            'Restart polling',
            'Stop polling',
            'Backfill these days'
        ]) {
            expect(button(element, label).disabled).toBe(true);
        }
        expect(button(element, 'Test connection').disabled).toBe(false);
        expect(textOf(element, '.connect__key-summary')).toBe(
            'No key yet: rotate the key, or register the webhooks, to make one.'
        );
        expect(textOf(element, '.connect__site-id')).toBe(
            'The Comm100 Site Id is not set: enter it as Comm100 Site Id in the Default record of Setup > Custom Metadata Types > Comm100 Setting.'
        );
        expect(textOf(element, '.connect__budget')).toBe(
            `12 of 250 calls left in this 5-minute window; the budget starts over at ${shown('2026-11-22T09:16:00.000Z')}.`
        );
        await expect(element).toBeAccessible();
    });

    it('shows an Apex refusal of the section and of the health', async () => {
        statusCall.mockRejectedValue(REFUSAL);
        const element = createElement('c-comm100-connect-panel', {
            is: Comm100ConnectPanel
        }) as unknown as PanelElement;
        document.body.appendChild(element);
        await flush();
        healthWire.error({
            message:
                'You do not have access to Comm100 connection health. Ask your admin for the Comm100 Admin permission set.'
        });
        await flush();
        const status = errorPanel(element, '.connect__status-error');
        expect(status.friendlyMessage).toBe('The Connect section could not be loaded.');
        expect(status.errors).toEqual(REFUSAL);
        expect(root(element).querySelector('[data-section="address"]')).toBeNull();
        expect(errorPanel(element, '.connect__health-error').friendlyMessage).toBe(
            'Connection health could not be loaded.'
        );
        expect(root(element).querySelector('lightning-spinner')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
