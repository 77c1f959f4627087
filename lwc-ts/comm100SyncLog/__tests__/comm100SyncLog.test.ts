import { createElement } from 'lwc';
import Comm100SyncLog from 'c/comm100SyncLog';
import getLogs from '@salesforce/apex/SyncLogConsoleController.getLogs';
import type { LogPage } from '@salesforce/apex/SyncLogConsoleController.getLogs';
import getLogDetail from '@salesforce/apex/SyncLogConsoleController.getLogDetail';
import replayLogs from '@salesforce/apex/SyncLogConsoleController.replayLogs';
import type { ReplayResult } from '@salesforce/apex/SyncLogConsoleController.replayLogs';
import {
    CHAT_ID,
    CONTACT_ID,
    DEAD,
    DEAD_ID,
    FAILED,
    FAILED_DETAIL,
    FAILED_ID,
    HOSTILE_PAYLOAD,
    MIXED,
    PROCESSED,
    STUCK,
    STUCK_ID,
    detail,
    page
} from './data/syncLogData';

jest.mock('@salesforce/apex/SyncLogConsoleController.getLogs', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock('@salesforce/apex/SyncLogConsoleController.getLogDetail', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock('@salesforce/apex/SyncLogConsoleController.replayLogs', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const navigate = jest.fn();
    const NavigationMixin = Object.assign(
        (Base: new () => object) =>
            class extends Base {
                [Navigate](pageReference: unknown): void {
                    navigate(pageReference);
                }
            },
        { Navigate, GenerateUrl }
    );
    return { __esModule: true, NavigationMixin, navigate };
});

const logsCall = getLogs as unknown as jest.Mock;
const detailCall = getLogDetail as unknown as jest.Mock;
const replayCall = replayLogs as unknown as jest.Mock;
const navigation = jest.requireMock<{ navigate: jest.Mock }>('lightning/navigation');

const NO_FILTER = { status: null, eventType: null, fromDate: null, toDate: null, comm100Id: null };
const NO_ACCESS = 'You do not have access to the Comm100 Setup. Ask your admin for the Comm100 Admin permission set.';

type ErrorPanel = HTMLElement & { errors: unknown; friendlyMessage: string };

function flush(): Promise<void> {
    return new Promise((resolve) => {
        setTimeout(resolve, 0);
    });
}

async function render(first: LogPage | Error = MIXED): Promise<HTMLElement> {
    if (first instanceof Error) {
        logsCall.mockRejectedValueOnce({ body: { message: first.message }, status: 500 });
    } else {
        logsCall.mockResolvedValueOnce(first);
    }
    const element = createElement('c-comm100-sync-log', { is: Comm100SyncLog });
    document.body.appendChild(element);
    await flush();
    return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot!.querySelector<HTMLElement>(selector);
}

function all(element: HTMLElement, selector: string): HTMLElement[] {
    return Array.from(element.shadowRoot!.querySelectorAll<HTMLElement>(selector));
}

function text(element: HTMLElement, selector: string): string {
    return ($(element, selector)?.textContent ?? '').trim();
}

function texts(element: HTMLElement, selector: string): string[] {
    return all(element, selector).map((node) => node.textContent.trim());
}

function type(element: HTMLElement, field: string, value: string): void {
    const input = $(element, `[data-field="${field}"]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new CustomEvent(input.tagName === 'SELECT' ? 'change' : 'input'));
}

function submit(element: HTMLElement): void {
    $(element, 'form')!.dispatchEvent(new CustomEvent('submit', { cancelable: true }));
}

function check(element: HTMLElement, selector: string, checked = true): void {
    const box = $(element, selector) as HTMLInputElement;
    box.checked = checked;
    box.dispatchEvent(new CustomEvent('change'));
}

function activeField(element: HTMLElement): string | undefined {
    return (element.shadowRoot!.activeElement as HTMLElement | null)?.dataset.field;
}

describe('c-comm100-sync-log', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        logsCall.mockReset();
        detailCall.mockReset();
        replayCall.mockReset();
        navigation.navigate.mockReset();
    });

    describe('the list', () => {
        it('asks for the first page without filters and shows the logs newest first with the total', async () => {
            const element = await render();
            expect(logsCall).toHaveBeenCalledWith({ ...NO_FILTER, pageNumber: 1 });
            expect(texts(element, 'button.sync-log__open')).toEqual([
                'SL-00000041',
                'SL-00000040',
                'SL-00000039',
                'SL-00000038'
            ]);
            expect(text(element, '.sync-log__summary')).toBe('30 logs · showing 1–4 · page 1');
            expect(($(element, '.sync-log__previous') as HTMLButtonElement).disabled).toBe(true);
            expect(($(element, '.sync-log__next') as HTMLButtonElement).disabled).toBe(false);
            await expect(element).toBeAccessible();
        });

        it('highlights a dead letter and a stuck part with words, not only colour', async () => {
            const element = await render();
            const rows = all(element, 'tbody tr');
            expect(rows[1]?.className).toContain('sync-log__row_dead-letter');
            expect(rows[1]?.querySelector('.sync-log__flag_dead-letter')?.textContent).toBe('Dead letter');
            expect(rows[2]?.className).toContain('sync-log__row_stuck');
            expect(rows[2]?.querySelector('.sync-log__flag_stuck')?.textContent).toBe('Stuck: waiting over 60 min');
            expect(rows[2]?.querySelector('.sync-log__part')?.textContent).toBe('part 1 of 3');
            expect(rows[0]?.className).not.toMatch(/dead-letter|stuck/);
            await expect(element).toBeAccessible();
        });

        it('offers replay only for replayable logs and says why not for the others', async () => {
            const element = await render();
            const boxes = all(element, 'input.sync-log__select');
            expect(boxes.map((box) => box.dataset.id)).toEqual([FAILED_ID, DEAD_ID]);
            expect(boxes.map((box) => box.getAttribute('aria-label'))).toEqual([
                'Select SL-00000041 for replay',
                'Select SL-00000040 for replay'
            ]);
            expect(texts(element, '.sync-log__not-replayable')).toEqual([
                'Not replayable: Only Failed or Dead-Lettered logs can be replayed.',
                'Not replayable: Only Failed or Dead-Lettered logs can be replayed.'
            ]);
            await expect(element).toBeAccessible();
        });

        it('says so when there are no logs, and when no log matches the filters', async () => {
            const element = await render(page([]));
            expect(text(element, '.sync-log__empty')).toBe('No Comm100 sync logs yet.');
            expect($(element, 'table')).toBeNull();
            logsCall.mockResolvedValueOnce(page([]));
            type(element, 'status', 'Failed');
            submit(element);
            await flush();
            expect(text(element, '.sync-log__empty')).toBe('No sync logs match these filters.');
            await expect(element).toBeAccessible();
        });

        it('shows a refusal with the error panel and a way to try again, and no filters', async () => {
            const element = await render(new Error(NO_ACCESS));
            const panel = $(element, 'c-error-panel') as ErrorPanel;
            expect(panel.friendlyMessage).toBe('The sync logs could not be loaded.');
            expect(panel.errors).toEqual({ body: { message: NO_ACCESS }, status: 500 });
            expect($(element, 'form')).toBeNull();
            logsCall.mockResolvedValueOnce(MIXED);
            $(element, '.sync-log__retry')!.click();
            await flush();
            expect($(element, 'c-error-panel')).toBeNull();
            expect(all(element, 'tbody tr')).toHaveLength(4);
            await expect(element).toBeAccessible();
        });

        it('pages with the filter it applied, not with what was typed since', async () => {
            const element = await render();
            logsCall.mockResolvedValueOnce(page([FAILED], { pageNumber: 1, total: 30, hasNext: true }));
            type(element, 'status', 'Failed');
            type(element, 'comm100Id', '  chat-41 ');
            submit(element);
            await flush();
            expect(logsCall).toHaveBeenLastCalledWith({
                ...NO_FILTER,
                status: 'Failed',
                comm100Id: 'chat-41',
                pageNumber: 1
            });
            type(element, 'eventType', 'typed later');
            logsCall.mockResolvedValueOnce(page([DEAD], { pageNumber: 2, total: 30, hasPrevious: true }));
            $(element, '.sync-log__next')!.click();
            await flush();
            expect(logsCall).toHaveBeenLastCalledWith({
                ...NO_FILTER,
                status: 'Failed',
                comm100Id: 'chat-41',
                pageNumber: 2
            });
            expect(text(element, '.sync-log__summary')).toBe('30 logs · showing 26–26 · page 2');
            expect(($(element, '[data-field="eventType"]') as HTMLInputElement).value).toBe('typed later');
            logsCall.mockResolvedValueOnce(page([FAILED], { total: 30, hasNext: true }));
            $(element, '.sync-log__previous')!.click();
            await flush();
            expect(logsCall).toHaveBeenLastCalledWith({
                ...NO_FILTER,
                status: 'Failed',
                comm100Id: 'chat-41',
                pageNumber: 1
            });
            await expect(element).toBeAccessible();
        });

        it('shows the note when paging cannot reach every log', async () => {
            const note =
                'The filter matches 3,000 logs; paging reaches the newest 2,025 (page 81). Narrow the filter, for example with a range of days, to reach older logs.';
            const element = await render(page([FAILED], { total: 3000, pageLimitNote: note, hasNext: true }));
            expect(text(element, '.sync-log__limit-note')).toBe(note);
            await expect(element).toBeAccessible();
        });
    });

    describe('the filters', () => {
        it('refuses bad values next to their fields, keeps what was typed, calls nothing and focuses the first', async () => {
            const element = await render();
            type(element, 'eventType', 'e'.repeat(41));
            type(element, 'fromDate', '2025-02-30');
            type(element, 'toDate', 'tomorrow');
            type(element, 'comm100Id', 'c'.repeat(81));
            submit(element);
            await flush();
            expect(logsCall).toHaveBeenCalledTimes(1);
            expect(text(element, '[id^="filter-event-type-help"]')).toBe('An event type has at most 40 characters.');
            expect(texts(element, '.slds-form-element__help')).toEqual([
                '',
                'An event type has at most 40 characters.',
                'Enter a date from 2000 to 3999 as YYYY-MM-DD, for example 2025-01-31.',
                'Enter a date from 2000 to 3999 as YYYY-MM-DD, for example 2025-01-31.',
                'A Comm100 id has at most 80 characters.'
            ]);
            expect(all(element, '.slds-has-error')).toHaveLength(4);
            expect(($(element, '[data-field="fromDate"]') as HTMLInputElement).value).toBe('2025-02-30');
            expect($(element, '[data-field="toDate"]')?.getAttribute('aria-invalid')).toBe('true');
            expect($(element, '[data-field="status"]')?.getAttribute('aria-invalid')).toBe('false');
            expect(activeField(element)).toBe('eventType');
            await expect(element).toBeAccessible();
        });

        it('says next to event type and Comm100 id that they match the whole value, ignoring case', async () => {
            const element = await render();
            expect(texts(element, '.sync-log__hint')).toEqual([
                'The whole event type, ignoring case.',
                'The whole id, ignoring case.'
            ]);
            expect($(element, '[data-field="eventType"]')?.getAttribute('aria-describedby')).toContain(
                'filter-event-type-hint'
            );
            expect($(element, '[data-field="comm100Id"]')?.getAttribute('aria-describedby')).toContain(
                'filter-comm100-id-hint'
            );
            await expect(element).toBeAccessible();
        });

        it('refuses a range that ends before it starts, on its end', async () => {
            const element = await render();
            type(element, 'fromDate', '2025-03-05');
            type(element, 'toDate', '2025-03-04');
            submit(element);
            await flush();
            expect(texts(element, '.slds-has-error .slds-form-element__help')).toEqual([
                'The end date is before the start date.'
            ]);
            expect(activeField(element)).toBe('toDate');
            await expect(element).toBeAccessible();
        });

        it('shows what the Apex refused next to its field', async () => {
            const element = await render();
            logsCall.mockResolvedValueOnce(
                page([], { total: null, errors: [{ field: 'status', message: 'Choose a status from the list.' }] })
            );
            type(element, 'status', 'Failed');
            submit(element);
            await flush();
            expect(texts(element, '.slds-has-error .slds-form-element__help')).toEqual([
                'Choose a status from the list.'
            ]);
            expect(all(element, 'tbody tr')).toHaveLength(4);
            await expect(element).toBeAccessible();
        });

        it('clears every filter and reads the first page again', async () => {
            const element = await render();
            type(element, 'status', 'Failed');
            type(element, 'eventType', 'e'.repeat(41));
            submit(element);
            await flush();
            logsCall.mockResolvedValueOnce(MIXED);
            $(element, '.sync-log__clear')!.click();
            await flush();
            expect(logsCall).toHaveBeenLastCalledWith({ ...NO_FILTER, pageNumber: 1 });
            expect(all(element, '.slds-has-error')).toHaveLength(0);
            expect(($(element, '[data-field="eventType"]') as HTMLInputElement).value).toBe('');
            await expect(element).toBeAccessible();
        });
    });

    describe('the detail', () => {
        it('opens a log, moves focus to it and shows the payload indented, as text', async () => {
            const element = await render();
            detailCall.mockResolvedValueOnce(FAILED_DETAIL);
            $(element, `button.sync-log__open[data-id="${FAILED_ID}"]`)!.click();
            await flush();
            await flush();
            expect(detailCall).toHaveBeenCalledWith({ logId: FAILED_ID });
            expect(text(element, '.sync-log__detail-heading')).toBe('Sync log SL-00000041');
            expect(element.shadowRoot!.activeElement).toBe($(element, '.sync-log__detail-heading'));
            const payload = $(element, 'pre.sync-log__payload')!;
            expect(payload.textContent).toBe(
                [
                    '{',
                    '  "event": "chat_ended",',
                    '  "visitor": {',
                    '    "name": "<img src=x onerror=\\"document.title=\'pwned\'\\">",',
                    '    "id": 12345678901234567890,',
                    '    "score": 1.50',
                    '  },',
                    '  "tags": [],',
                    '  "chat": {}',
                    '}'
                ].join('\n')
            );
            expect(payload.querySelector('img')).toBeNull();
            expect(text(element, '.sync-log__payload-note')).toBe(
                `JSON, ${HOSTILE_PAYLOAD.length} characters, as stored (redacted), indented for reading.`
            );
            expect(text(element, '.sync-log__detail-reason')).toBe('The chat could not be saved: UNABLE_TO_LOCK_ROW');
            expect(texts(element, '.sync-log__fields dt')).toEqual([
                'Status',
                'Event type',
                'Comm100 id',
                'Source',
                'Created',
                'Retries',
                'Event UUID'
            ]);
            expect($(element, `tbody tr[data-id="${FAILED_ID}"] button`)?.getAttribute('aria-expanded')).toBe('true');
            await expect(element).toBeAccessible();
        });

        it('lists the records it touched and opens them', async () => {
            const element = await render();
            detailCall.mockResolvedValueOnce(FAILED_DETAIL);
            $(element, `button.sync-log__open[data-id="${FAILED_ID}"]`)!.click();
            await flush();
            expect(texts(element, '.sync-log__record-link')).toEqual([
                'Chat: Chat with Anna',
                `Contact: ${CONTACT_ID}`
            ]);
            expect(text(element, '.sync-log__chat-id')).toBe('Comm100 chat id: chat-41');
            all(element, '.sync-log__record-link')[1]!.click();
            expect(navigation.navigate).toHaveBeenCalledWith({
                type: 'standard__recordPage',
                attributes: { recordId: CONTACT_ID, actionName: 'view' }
            });
            all(element, '.sync-log__record-link')[0]!.click();
            expect(navigation.navigate).toHaveBeenLastCalledWith({
                type: 'standard__recordPage',
                attributes: { recordId: CHAT_ID, actionName: 'view' }
            });
            await expect(element).toBeAccessible();
        });

        it('shows a payload that is not JSON exactly as stored, and a stuck part with what to do', async () => {
            const element = await render();
            const fragment = '"chat_transcript":"[10:00:01] Ana: <b>Hello</b>';
            detailCall.mockResolvedValueOnce(detail(STUCK, { payload: fragment, payloadLength: fragment.length }));
            $(element, `button.sync-log__open[data-id="${STUCK_ID}"]`)!.click();
            await flush();
            expect($(element, 'pre.sync-log__payload')?.textContent).toBe(fragment);
            expect($(element, 'pre.sync-log__payload b')).toBeNull();
            expect(text(element, '.sync-log__payload-note')).toBe(
                `Not valid JSON (a part of a split payload, or cut to what the log holds): ${fragment.length} characters, as stored (redacted), shown exactly as stored.`
            );
            expect(text(element, '.sync-log__detail-stuck')).toContain(
                'Stuck: this part is Awaiting Parts and was created more than 60 minutes ago (the parts timeout).'
            );
            expect(text(element, '.sync-log__detail-stuck')).toContain('The parts sweeper decides per message');
            expect(text(element, '.sync-log__detail-not-replayable')).toBe(
                'Not replayable: Only Failed or Dead-Lettered logs can be replayed.'
            );
            expect($(element, '.sync-log__replay-one')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('gives a detail error to the error panel and closes back to the row', async () => {
            const element = await render();
            detailCall.mockRejectedValueOnce({
                body: { message: 'This Comm100 Sync Log was deleted or is not visible to you.' }
            });
            $(element, `button.sync-log__open[data-id="${DEAD_ID}"]`)!.click();
            await flush();
            const panel = $(element, '.sync-log__detail c-error-panel') as ErrorPanel;
            expect(panel.friendlyMessage).toBe('The log could not be loaded.');
            expect(text(element, '.sync-log__detail-heading')).toBe('Sync log SL-00000040');
            $(element, '.sync-log__close')!.click();
            await flush();
            expect($(element, '.sync-log__detail')).toBeNull();
            expect(element.shadowRoot!.activeElement).toBe($(element, `button.sync-log__open[data-id="${DEAD_ID}"]`));
            await expect(element).toBeAccessible();
        });
    });

    describe('replay', () => {
        function result(id: string, name: string, replayed: boolean, message: string): ReplayResult {
            return { id, name, replayed, message, status: replayed ? 'Replayed' : 'Failed' };
        }

        it('replays the selected logs and shows a result per log, then reads the page again', async () => {
            const element = await render();
            expect(($(element, '.sync-log__replay-selected') as HTMLButtonElement).disabled).toBe(true);
            check(element, `input.sync-log__select[data-id="${FAILED_ID}"]`);
            check(element, `input.sync-log__select[data-id="${DEAD_ID}"]`);
            await flush();
            expect(text(element, '.sync-log__replay-selected')).toBe('Replay selected (2)');
            replayCall.mockResolvedValueOnce([
                result(FAILED_ID, 'SL-00000041', true, 'SL-00000041: replayed.'),
                result(
                    DEAD_ID,
                    'SL-00000040',
                    false,
                    'SL-00000040: not replayed: the event could not be published (LIMIT_EXCEEDED). The log stays Dead-Lettered and can be replayed again.'
                )
            ]);
            logsCall.mockResolvedValueOnce(
                page([{ ...FAILED, status: 'Replayed', replayable: false }, DEAD, PROCESSED])
            );
            $(element, '.sync-log__replay-selected')!.click();
            await flush();
            await flush();
            expect(replayCall).toHaveBeenCalledWith({ logIds: [FAILED_ID, DEAD_ID] });
            expect(texts(element, '.sync-log__result-name')).toEqual(['SL-00000041', 'SL-00000040']);
            expect(texts(element, '.sync-log__result .slds-badge')).toEqual(['Replayed', 'Not replayed']);
            expect(texts(element, '.sync-log__result-message')[1]).toContain('can be replayed again');
            expect(text(element, '.sync-log__replay-live')).toBe('Replay finished: 1 replayed, 1 not replayed.');
            expect($(element, '.sync-log__progress')?.getAttribute('aria-valuenow')).toBe('2');
            expect(text(element, '.sync-log__progress-label')).toBe('2 of 2 logs sent');
            expect(logsCall).toHaveBeenLastCalledWith({ ...NO_FILTER, pageNumber: 1 });
            expect(text(element, '.sync-log__replay-selected')).toBe('Replay selected');
            expect(element.shadowRoot!.activeElement).toBe($(element, '.sync-log__replay-heading'));
            await expect(element).toBeAccessible();
        });

        it('sends many logs five at a time, shows progress, and stops at a refused call naming what was not sent', async () => {
            const ids = Array.from({ length: 12 }, (_, i) => `a0300000000010${String(i).padStart(2, '0')}AAA`);
            const logs = ids.map((id, i) => ({ ...FAILED, id, name: `SL-000001${String(i).padStart(2, '0')}` }));
            const element = await render(page(logs));
            check(element, 'input.sync-log__select-all');
            await flush();
            expect(text(element, '.sync-log__replay-selected')).toBe('Replay selected (12)');
            let release!: () => void;
            replayCall
                .mockImplementationOnce(({ logIds }: { logIds: string[] }) =>
                    Promise.resolve(logIds.map((id) => result(id, id, true, `${id}: replayed.`)))
                )
                .mockImplementationOnce(
                    () =>
                        new Promise((_, reject) => {
                            release = () => {
                                // An Apex refusal reaches the component as this object, not as an Error.
                                // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the platform's shape
                                reject({ body: { message: 'Nothing was replayed: try again.' } });
                            };
                        })
                );
            logsCall.mockResolvedValueOnce(page(logs));
            $(element, '.sync-log__replay-selected')!.click();
            await flush();
            expect(text(element, '.sync-log__replay-live')).toBe('Replaying: 5 of 12 logs done.');
            expect($(element, '.sync-log__progress')?.getAttribute('aria-valuemax')).toBe('12');
            expect($(element, '.sync-log__progress .slds-progress-bar__value')?.getAttribute('style')).toBe(
                'width: 42%'
            );
            expect(($(element, '.sync-log__replay-selected') as HTMLButtonElement).disabled).toBe(true);
            release();
            await flush();
            await flush();
            expect(replayCall.mock.calls.map(([params]) => (params as { logIds: string[] }).logIds.length)).toEqual([
                5, 5
            ]);
            expect(($(element, '.sync-log__replay c-error-panel') as ErrorPanel).friendlyMessage).toBe(
                'The replay stopped.'
            );
            expect(text(element, '.sync-log__not-sent')).toBe(
                `Not sent, because the replay stopped: ${logs
                    .slice(5)
                    .map((log) => log.name)
                    .join(', ')}.`
            );
            expect(text(element, '.sync-log__replay-live')).toBe(
                'Replay finished: 5 replayed, 0 not replayed, 7 not sent.'
            );
            await expect(element).toBeAccessible();
        });

        it('replays the open log from its detail and reads it again', async () => {
            const element = await render();
            detailCall.mockResolvedValueOnce(detail(DEAD));
            $(element, `button.sync-log__open[data-id="${DEAD_ID}"]`)!.click();
            await flush();
            replayCall.mockResolvedValueOnce([result(DEAD_ID, 'SL-00000040', true, 'SL-00000040: replayed.')]);
            detailCall.mockResolvedValueOnce(detail({ ...DEAD, status: 'Replayed', replayable: false }));
            logsCall.mockResolvedValueOnce(MIXED);
            $(element, '.sync-log__replay-one')!.click();
            await flush();
            await flush();
            expect(replayCall).toHaveBeenCalledWith({ logIds: [DEAD_ID] });
            expect(detailCall).toHaveBeenLastCalledWith({ logId: DEAD_ID });
            expect(texts(element, '.sync-log__result-message')).toEqual(['SL-00000040: replayed.']);
            $(element, '.sync-log__dismiss')!.click();
            await flush();
            expect($(element, '.sync-log__replay')).toBeNull();
            expect(text(element, '.sync-log__replay-live')).toBe('');
            await expect(element).toBeAccessible();
        });
    });

    describe('answers with missing keys (the framework may leave a null property out)', () => {
        /** A copy of value without the given keys: not null, absent. */
        function without<T extends object>(value: T, ...keys: string[]): T {
            return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key))) as T;
        }

        it('reads a missing part number, part count, total and note like null in the list', async () => {
            const noNumber = without(STUCK, 'partNumber', 'reasonPreview', 'chatId', 'chatName', 'retryCount');
            const noCount = without({ ...FAILED, partNumber: 2 }, 'partCount', 'notReplayableReason');
            const element = await render(without(page([noNumber, noCount, PROCESSED]), 'total', 'pageLimitNote'));
            expect(texts(element, 'button.sync-log__open')).toEqual(['SL-00000039', 'SL-00000041', 'SL-00000038']);
            expect(all(element, '.sync-log__part')).toHaveLength(0);
            expect(text(element, '.sync-log__summary')).toBe('');
            expect($(element, '.sync-log__limit-note')).toBeNull();
            expect(texts(element, 'input.sync-log__select').length).toBe(1);
            expect(element.shadowRoot!.textContent).not.toContain('undefined');
            await expect(element).toBeAccessible();
        });

        it('reads missing keys like null in the detail', async () => {
            const element = await render();
            const log = without(STUCK, 'partNumber', 'retryCount', 'source', 'reasonPreview', 'notReplayableReason');
            detailCall.mockResolvedValueOnce(
                without(detail(log), 'reason', 'payload', 'messageId', 'jobId', 'eventUuid', 'chat', 'replayOf')
            );
            $(element, `button.sync-log__open[data-id="${STUCK_ID}"]`)!.click();
            await flush();
            expect(texts(element, '.sync-log__fields dt')).toEqual(['Status', 'Event type', 'Comm100 id', 'Created']);
            expect(text(element, '.sync-log__detail-reason')).toBe('No reason: it simply succeeded.');
            expect(text(element, '.sync-log__no-records')).toBe('No chat is linked to this log.');
            expect(text(element, '.sync-log__payload-note')).toBe('This log keeps no payload.');
            expect($(element, '.sync-log__detail')!.textContent).not.toContain('undefined');
            await expect(element).toBeAccessible();
        });

        it('names a replay result by its id when its name, status and message are missing', async () => {
            const element = await render();
            check(element, `input.sync-log__select[data-id="${FAILED_ID}"]`);
            await flush();
            replayCall.mockResolvedValueOnce([without({ id: FAILED_ID, replayed: true }, 'name', 'status', 'message')]);
            logsCall.mockResolvedValueOnce(MIXED);
            $(element, '.sync-log__replay-selected')!.click();
            await flush();
            await flush();
            expect(texts(element, '.sync-log__result-name')).toEqual([FAILED_ID]);
            expect(texts(element, '.sync-log__result .slds-badge')).toEqual(['Replayed']);
            expect(texts(element, '.sync-log__result-message')).toEqual(['']);
            expect(text(element, '.sync-log__replay-live')).toBe('Replay finished: 1 replayed, 0 not replayed.');
            await expect(element).toBeAccessible();
        });
    });
});
