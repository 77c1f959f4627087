import { createElement } from 'lwc';
import ChatTranscript from 'c/chatTranscript';
import getChats from '@salesforce/apex/ChatTranscriptController.getChats';
import type { ChatPage } from '@salesforce/apex/ChatTranscriptController.getChats';
import getTranscript from '@salesforce/apex/ChatTranscriptController.getTranscript';
import type { Transcript, TranscriptMessage } from '@salesforce/apex/ChatTranscriptController.getTranscript';
import searchChats from '@salesforce/apex/ChatTranscriptController.searchChats';
import {
    FIRST_PAGE,
    SECOND_PAGE,
    TRANSCRIPT,
    HOSTILE,
    LABELLED_PAGE,
    CONVERSATION,
    OFFLINE_TRANSCRIPT,
    REFUNDS,
    longTranscript,
    markedTranscript,
    SCRIPTS,
    ARABIC_REFUND,
    ARABIC_REFUND_WORD,
    HEBREW_ORDER,
    WOMAN_TECHNOLOGIST
} from './data/chatTranscriptData';

jest.mock(
    '@salesforce/apex/ChatTranscriptController.getChats',
    () => {
        const { createApexTestWireAdapter } = jest.requireActual<{
            createApexTestWireAdapter: (fn: jest.Mock) => unknown;
        }>('@salesforce/sfdx-lwc-jest');
        // Both a wire adapter (emit, error) and a jest.fn for the imperative "load more" call.
        return { default: createApexTestWireAdapter(jest.fn()), __esModule: true };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/ChatTranscriptController.getTranscript', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock('@salesforce/apex/ChatTranscriptController.searchChats', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});

interface WireMock {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): unknown;
}

const chatsWire = getChats as unknown as WireMock & jest.Mock;
const transcriptCall = getTranscript as unknown as jest.Mock;
const searchCall = searchChats as unknown as jest.Mock;

const RECORD_ID = '003000000000001AAA';
const CHAT_1 = 'a01000000000001AAA';
const CHAT_2 = 'a01000000000002AAA';

interface TranscriptElement extends HTMLElement {
    recordId: string;
    windowSize: number;
    showMessage(position: number): void;
}

/** A message as the viewer hands it to c-transcript-message. */
interface MessageHost extends HTMLElement {
    message: TranscriptMessage;
    highlights: readonly { start: number; end: number }[];
    current: boolean;
}

type IconStub = HTMLElement & { iconName: string };

type ErrorPanel = HTMLElement & { errors: unknown; friendlyMessage: string };
type ButtonStub = HTMLElement & { label: string; disabled: boolean };
type SpinnerStub = HTMLElement & { alternativeText: string };

function render(windowSize?: number): TranscriptElement {
    const element = createElement('c-chat-transcript', { is: ChatTranscript }) as unknown as TranscriptElement;
    element.recordId = RECORD_ID;
    if (windowSize !== undefined) {
        element.windowSize = windowSize;
    }
    document.body.appendChild(element);
    return element;
}

function root(element: HTMLElement): ShadowRoot {
    return element.shadowRoot!;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
    return root(element).querySelector<HTMLElement>(selector);
}

function errorPanel(element: HTMLElement, selector: string): ErrorPanel | null {
    return $(element, selector) as ErrorPanel | null;
}

function button(element: HTMLElement, selector: string): ButtonStub | null {
    return $(element, selector) as ButtonStub | null;
}

function spinner(element: HTMLElement, selector: string): SpinnerStub | null {
    return $(element, selector) as SpinnerStub | null;
}

function texts(element: HTMLElement, selector: string): (string | null)[] {
    return Array.from(root(element).querySelectorAll(selector)).map((node) => node.textContent);
}

/** Lets wires, promises and re-renders settle. */
function flush(): Promise<void> {
    return new Promise((resolve) => {
        setTimeout(resolve, 0);
    });
}

function type(element: HTMLElement, selector: string, value: string): void {
    const input = $(element, selector) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new CustomEvent('input'));
}

/** Dispatches a cancelable keydown on an input and says whether the component prevented its default. */
function press(element: HTMLElement, selector: string, key: string, shiftKey = false): boolean {
    const event = new KeyboardEvent('keydown', { key, shiftKey, cancelable: true });
    $(element, selector)!.dispatchEvent(event);
    return !event.defaultPrevented;
}

function click(element: HTMLElement, selector: string): void {
    $(element, selector)!.click();
}

function clickChat(element: HTMLElement, chatId: string): void {
    click(element, `button[data-id="${chatId}"]`);
}

interface Deferred<T> {
    promise: Promise<T>;
    resolve(value: T): void;
    reject(reason: unknown): void;
}

function deferred<T>(): Deferred<T> {
    let resolve!: (value: T) => void;
    let reject!: (reason: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
    });
    return { promise, resolve, reject };
}

/** getTranscript answers per chat id; a chat with no scripted answer fails the test loudly. */
function answerTranscripts(answers: Record<string, Transcript | Promise<Transcript>>): void {
    transcriptCall.mockImplementation(({ chatId }: { chatId: string }) => {
        const answer = answers[chatId];
        if (answer === undefined) {
            throw new Error(`getTranscript called for an unexpected chat ${chatId}`);
        }
        return Promise.resolve(answer);
    });
}

/** Renders the component with a first page of chats and waits for the first transcript. */
async function renderWith(page: ChatPage, windowSize?: number): Promise<TranscriptElement> {
    const element = render(windowSize);
    chatsWire.emit(page);
    await flush();
    return element;
}

function matchCount(element: HTMLElement): string | null | undefined {
    return $(element, '.transcript__match-count')?.textContent;
}

function windowLabel(element: HTMLElement): string | null | undefined {
    return $(element, '.transcript__messages')?.getAttribute('aria-label');
}

/** The messages in the DOM, each a c-transcript-message. */
function hosts(element: HTMLElement): MessageHost[] {
    return Array.from(root(element).querySelectorAll<MessageHost>('c-transcript-message'));
}

function currentHost(element: HTMLElement): MessageHost | undefined {
    return hosts(element).find((host) => host.current);
}

function currentMessage(element: HTMLElement): string | null | undefined {
    return currentHost(element)?.message.content;
}

/** The rendered messages' contents. */
function contents(element: HTMLElement): (string | null)[] {
    return hosts(element).map((host) => host.message.content);
}

/** What the reader sees highlighted in a rendered message. */
function marks(host: MessageHost | undefined): (string | null)[] {
    return Array.from(host?.shadowRoot?.querySelectorAll('mark') ?? [], (mark) => mark.textContent);
}

/** The rendered messages' numbers, for the numbered long transcripts. */
function numbers(element: HTMLElement): number[] {
    return contents(element).map((content) => Number(/Message number (\d+)/.exec(content ?? '')?.[1]));
}

/** A text with the narrow and no-break spaces some ICU versions put in times made plain. */
function plain(text: string | null | undefined): string | undefined {
    return text?.replace(/[\u00A0\u202F]/g, ' ').trim();
}

function range(from: number, to: number): number[] {
    return Array.from({ length: to - from }, (_, i) => from + i);
}

function scroller(element: HTMLElement): HTMLElement {
    return $(element, '.transcript__scroller')!;
}

/** Presses a key in the conversation box. */
function pressInConversation(element: HTMLElement, key: string): boolean {
    const event = new KeyboardEvent('keydown', { key, cancelable: true, bubbles: true });
    scroller(element).dispatchEvent(event);
    return !event.defaultPrevented;
}

/**
 * Lays the conversation out as a browser would, for jsdom (which has no layout): a box 500 px high whose top is at
 * 100 px, every item of its list 100 px high, and a scroll position the test sets.
 */
function layOut(element: HTMLElement, scrollTop: number): { scrollTop: () => number } {
    const box = scroller(element);
    let top = scrollTop;
    Object.defineProperty(box, 'scrollTop', {
        configurable: true,
        get: () => top,
        set: (value: number) => {
            top = value;
        }
    });
    Object.defineProperty(box, 'clientHeight', { configurable: true, get: () => 500 });
    Object.defineProperty(box, 'scrollHeight', {
        configurable: true,
        get: () => $(element, '.transcript__messages')!.children.length * 100
    });
    box.getBoundingClientRect = () => ({ top: 100, bottom: 600 }) as DOMRect;
    jest.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function place(this: Element) {
        const position = Array.from(this.parentElement?.children ?? []).indexOf(this);
        const itemTop = 100 + position * 100 - top;
        return { top: itemTop, bottom: itemTop + 100 } as DOMRect;
    });
    return { scrollTop: () => top };
}

/** The panel's own rendered reasons: proves the panel received the error, not only a message of ours. */
function panelReasons(panel: ErrorPanel | null): (string | null)[] {
    return Array.from(panel?.shadowRoot?.querySelectorAll('.error-panel__message') ?? []).map((n) => n.textContent);
}

const NO_ACCESS = 'You do not have access to Comm100 chats.';

describe('c-chat-transcript', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        transcriptCall.mockReset();
        searchCall.mockReset();
        chatsWire.mockReset();
    });

    describe('the list of chats', () => {
        it('asks for the first page of the record and shows only a spinner until the wire answers', async () => {
            const element = render();
            await flush();
            expect(chatsWire.getLastConfig()).toEqual({ recordId: RECORD_ID, pageSize: 20, cursor: null });
            expect(spinner(element, '.chat-transcript__loading lightning-spinner')?.alternativeText).toBe(
                'Loading chats'
            );
            expect($(element, '.chat-transcript__empty')).toBeNull();
            expect($(element, 'c-error-panel')).toBeNull();
            expect($(element, '.chat-transcript__layout')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('says so when the record has no chats, and opens no transcript', async () => {
            const element = await renderWith({ chats: [], nextCursor: null });
            expect($(element, '.chat-transcript__empty')?.textContent).toBe('No Comm100 chats for this record yet.');
            expect($(element, 'lightning-spinner')).toBeNull();
            expect($(element, '.chat-transcript__layout')).toBeNull();
            expect(transcriptCall).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();
        });

        it('gives the list error to the error panel, shows no empty message, and clears it when the chats come', async () => {
            answerTranscripts({ [CHAT_1]: TRANSCRIPT });
            const element = render();
            chatsWire.error({ message: NO_ACCESS }, 403, 'Forbidden');
            await flush();
            const panel = errorPanel(element, '.slds-card__body > c-error-panel');
            expect(panel?.friendlyMessage).toBe('The chats could not be loaded.');
            expect(panel?.errors).toEqual({
                body: { message: NO_ACCESS },
                ok: false,
                status: 403,
                statusText: 'Forbidden'
            });
            expect(panelReasons(panel)).toEqual([NO_ACCESS]);
            expect($(element, 'lightning-spinner')).toBeNull();
            expect($(element, '.chat-transcript__empty')).toBeNull();

            chatsWire.emit(FIRST_PAGE);
            await flush();
            expect($(element, 'c-error-panel')).toBeNull();
            expect(texts(element, '.chat-list__name')).toEqual([
                'Chat with Maria Lopez',
                'Offline message from Maria Lopez'
            ]);
            await expect(element).toBeAccessible();
        });

        it('keeps the order the server gives (never re-sorts) and labels each chat exactly', async () => {
            answerTranscripts({ a01000000000011AAA: CONVERSATION });
            const element = await renderWith(LABELLED_PAGE);
            // The server sorts newest first (ChatTranscriptControllerTest proves it); here the older chat
            // comes first on purpose, and stays first.
            expect(texts(element, '.chat-list__name')).toEqual([
                'Chat with Ana Silva',
                'Chat with Ben Okafor',
                'Chat without details',
                'Chat with an unreadable start'
            ]);
            const metas = Array.from(root(element).querySelectorAll('.chat-list__item')).map((item) =>
                Array.from(item.querySelectorAll('.chat-list__meta')).map((n) => plain(n.textContent))
            );
            // in the user's locale and time zone (en-US, America/Los_Angeles in Jest), without seconds
            expect(metas).toEqual([
                ['Nov 20, 2025, 12:00 AM', 'Ana · 45 s · Rating 0 · Ended'],
                ['Nov 25, 2025, 1:40 AM', 'Walid Haddad · 1 min · Wrapped Up'],
                ['', ''],
                ['not a date', '2 min · Rating 4 · Submitted']
            ]);
            // each part is isolated, so that a right-to-left agent name does not reorder the numbers after it
            expect(texts(element, '.chat-list__item_selected .chat-list__meta bdi')).toEqual([
                'Ana',
                '45 s',
                'Rating 0',
                'Ended'
            ]);
            expect($(element, '.chat-list__name')?.getAttribute('dir')).toBe('auto');
            // the first chat listed is the one opened, and the only one marked
            expect(transcriptCall.mock.calls).toEqual([[{ chatId: 'a01000000000011AAA' }]]);
            const buttons = Array.from(root(element).querySelectorAll('.chat-list__item'));
            expect(
                buttons.map((b) => [b.getAttribute('data-id'), b.getAttribute('aria-current'), b.className])
            ).toEqual([
                ['a01000000000011AAA', 'true', 'slds-button chat-list__item chat-list__item_selected'],
                ['a01000000000012AAA', 'false', 'slds-button chat-list__item'],
                ['a01000000000013AAA', 'false', 'slds-button chat-list__item'],
                ['a01000000000014AAA', 'false', 'slds-button chat-list__item']
            ]);
            await expect(element).toBeAccessible();
        });

        it('keeps the open chat when the wire answers again', async () => {
            answerTranscripts({ [CHAT_1]: TRANSCRIPT, [CHAT_2]: OFFLINE_TRANSCRIPT });
            const element = await renderWith(FIRST_PAGE);
            clickChat(element, CHAT_2);
            await flush();
            chatsWire.emit(FIRST_PAGE);
            await flush();
            expect(transcriptCall.mock.calls).toEqual([[{ chatId: CHAT_1 }], [{ chatId: CHAT_2 }]]);
            expect($(element, '[aria-current="true"]')?.getAttribute('data-id')).toBe(CHAT_2);
            expect(contents(element)).toEqual(['Please send the invoice again.']);
            await expect(element).toBeAccessible();
        });

        it('loads the next page after the loaded chats, one request at a time', async () => {
            answerTranscripts({ [CHAT_1]: TRANSCRIPT });
            const page = deferred<ChatPage>();
            chatsWire.mockReturnValue(page.promise);
            const element = await renderWith(FIRST_PAGE);
            const more = button(element, '.chat-list__more')!;
            expect(more.label).toBe('Load more chats');
            expect(more.disabled).toBe(false);
            more.click();
            await flush();
            expect(button(element, '.chat-list__more')?.disabled).toBe(true);
            more.click();
            await flush();
            expect(chatsWire.mock.calls).toEqual([
                [{ recordId: RECORD_ID, pageSize: 20, cursor: FIRST_PAGE.nextCursor }]
            ]);
            page.resolve(SECOND_PAGE);
            await flush();
            expect(texts(element, '.chat-list__name')).toEqual([
                'Chat with Maria Lopez',
                'Offline message from Maria Lopez',
                'Chat with Maria Lopez'
            ]);
            expect(root(element).querySelectorAll('.chat-list__item')[2]?.getAttribute('data-id')).toBe(
                'a01000000000003AAA'
            );
            // the last page has no cursor: nothing more to load
            expect($(element, '.chat-list__more')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('keeps the loaded chats when the next page fails, gives the error to the panel, and clears it on a retry that works', async () => {
            answerTranscripts({ [CHAT_1]: TRANSCRIPT });
            const failure = { body: { message: 'The page cursor is not valid; reload the list.' }, status: 400 };
            chatsWire.mockRejectedValueOnce(failure).mockResolvedValueOnce(SECOND_PAGE);
            const element = await renderWith(FIRST_PAGE);
            click(element, '.chat-list__more');
            await flush();
            const panel = errorPanel(element, '.slds-card__body > c-error-panel');
            expect(panel?.errors).toEqual(failure);
            expect(panel?.friendlyMessage).toBe('The chats could not be loaded.');
            expect(panelReasons(panel)).toEqual(['The page cursor is not valid; reload the list.']);
            expect(texts(element, '.chat-list__name')).toHaveLength(2);
            expect(button(element, '.chat-list__more')?.disabled).toBe(false);

            click(element, '.chat-list__more');
            await flush();
            expect(chatsWire).toHaveBeenCalledTimes(2);
            expect(chatsWire).toHaveBeenLastCalledWith({
                recordId: RECORD_ID,
                pageSize: 20,
                cursor: FIRST_PAGE.nextCursor
            });
            expect(texts(element, '.chat-list__name')).toHaveLength(3);
            expect($(element, 'c-error-panel')).toBeNull();
            await expect(element).toBeAccessible();
        });
    });

    describe('the transcript', () => {
        it('frames the conversation in the SLDS chat layout: header icon, bookends, every message through c-transcript-message', async () => {
            answerTranscripts({ a01000000000011AAA: CONVERSATION });
            const element = await renderWith(LABELLED_PAGE);
            expect(($(element, '.chat-transcript__icon') as IconStub | null)?.iconName).toBe('standard:live_chat');
            const box = scroller(element);
            expect([box.tagName, box.className, box.getAttribute('tabindex'), box.getAttribute('aria-label')]).toEqual([
                'SECTION',
                'slds-chat slds-chat_past transcript__scroller',
                '0',
                'Conversation'
            ]);
            const list = $(element, '.transcript__messages')!;
            expect([list.tagName, list.className]).toEqual(['UL', 'slds-chat-list transcript__messages']);
            // the start bookend, the messages in order (the very objects the server sent), the end bookend
            expect(Array.from(list.children, (child) => child.tagName.toLowerCase())).toEqual([
                'li',
                'c-transcript-message',
                'c-transcript-message',
                'c-transcript-message',
                'c-transcript-message',
                'c-transcript-message',
                'li'
            ]);
            expect(hosts(element).map((host) => host.message)).toEqual(CONVERSATION.messages);
            expect(hosts(element).map((host) => [host.highlights, host.current])).toEqual([
                [[], false],
                [[], false],
                [[], false],
                [[], false],
                [[], false]
            ]);
            expect($(element, '.transcript__start')?.className).toBe(
                'slds-chat-listitem slds-chat-listitem_bookend transcript__start'
            );
            expect(plain($(element, '.transcript__start p')?.textContent)).toBe(
                'Chat started by Ana Silva • Nov 20, 2025, 12:00 AM'
            );
            expect($(element, '.transcript__start bdi')?.textContent).toBe('Ana Silva');
            expect(plain($(element, '.transcript__end .slds-chat-bookend_stop p')?.textContent)).toBe(
                'Chat ended • Nov 20, 2025, 12:00 AM'
            );
            const icons = Array.from(root(element).querySelectorAll<IconStub>('.slds-chat-bookend lightning-icon'));
            expect(icons.map((icon) => icon.iconName)).toEqual(['utility:chat', 'utility:end_chat']);
            // each message is rendered by the child: the visitor's inbound, the agent's outbound, the system line an event
            const sides = hosts(element).map(
                (host) => /slds-chat-listitem_(\w+)/.exec(host.shadowRoot?.firstElementChild?.className ?? '')?.[1]
            );
            expect(sides).toEqual(['event', 'inbound', 'outbound', 'outbound', 'outbound']);
            // a short chat fits its window: earlier and later are disabled, and the label counts what is shown
            expect(windowLabel(element)).toBe('Messages 1 to 5 of 5');
            expect(button(element, '.transcript__earlier')?.disabled).toBe(true);
            expect(button(element, '.transcript__later')?.disabled).toBe(true);
            expect($(element, '.transcript__empty')).toBeNull();
            expect($(element, 'lightning-spinner')).toBeNull();
            expect($(element, '.chat-transcript__empty')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('names an offline message and a chat without an end in its bookends', async () => {
            answerTranscripts({ [CHAT_1]: TRANSCRIPT, [CHAT_2]: OFFLINE_TRANSCRIPT });
            const element = await renderWith(FIRST_PAGE);
            expect(plain($(element, '.transcript__start p')?.textContent)).toBe(
                'Chat started by Maria Lopez • Nov 25, 2025, 1:40 AM'
            );
            clickChat(element, CHAT_2);
            await flush();
            expect(plain($(element, '.transcript__start p')?.textContent)).toBe(
                'Offline message from Maria Lopez • Nov 20, 2025, 12:00 AM'
            );
            expect($(element, '.transcript__end p')?.textContent).toBe('End of the transcript');
            await expect(element).toBeAccessible();
        });

        it('puts the search box and its buttons on one line, for this transcript and for all chats', async () => {
            answerTranscripts({ [CHAT_1]: TRANSCRIPT });
            const element = await renderWith(FIRST_PAGE);
            const rows = Array.from(root(element).querySelectorAll('.search-row'), (row) =>
                Array.from(row.children, (child) => child.className.split(' ').pop())
            );
            expect(rows).toEqual([
                ['chat-list__search-input', 'chat-list__search-button'],
                ['transcript__search-input', 'transcript__match-count', 'transcript__previous', 'transcript__next']
            ]);
            await expect(element).toBeAccessible();
        });

        it('shows a spinner while the transcript loads, and the messages once it has come', async () => {
            const transcript = deferred<Transcript>();
            answerTranscripts({ [CHAT_1]: transcript.promise });
            const element = await renderWith(FIRST_PAGE);
            expect(spinner(element, '.transcript__loading lightning-spinner')?.alternativeText).toBe(
                'Loading the transcript'
            );
            expect($(element, '.transcript__empty')).toBeNull();
            expect(hosts(element)).toHaveLength(0);
            transcript.resolve(TRANSCRIPT);
            await flush();
            expect($(element, '.transcript__loading')).toBeNull();
            expect(contents(element)).toEqual(TRANSCRIPT.messages.map((m) => m.content));
            await expect(element).toBeAccessible();
        });

        it('says so when a chat has no messages', async () => {
            answerTranscripts({ [CHAT_1]: { chatId: CHAT_1, messages: [] } });
            const element = await renderWith(FIRST_PAGE);
            expect($(element, '.transcript__empty')?.textContent).toBe('This chat has no messages.');
            expect($(element, '.transcript__messages')).toBeNull();
            expect($(element, '.transcript c-error-panel')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('gives the transcript error to its panel, and clears it when another chat opens', async () => {
            const failure = { body: { message: NO_ACCESS }, status: 403 };
            transcriptCall.mockRejectedValueOnce(failure).mockResolvedValueOnce(OFFLINE_TRANSCRIPT);
            const element = await renderWith(FIRST_PAGE);
            const panel = errorPanel(element, '.transcript c-error-panel');
            expect(panel?.friendlyMessage).toBe('The transcript could not be loaded.');
            expect(panel?.errors).toEqual(failure);
            expect(panelReasons(panel)).toEqual([NO_ACCESS]);
            expect($(element, '.transcript__empty')).toBeNull();
            expect($(element, '.transcript__loading')).toBeNull();

            clickChat(element, CHAT_2);
            await flush();
            expect($(element, '.transcript c-error-panel')).toBeNull();
            expect(contents(element)).toEqual(['Please send the invoice again.']);
            expect(transcriptCall.mock.calls).toEqual([[{ chatId: CHAT_1 }], [{ chatId: CHAT_2 }]]);
            await expect(element).toBeAccessible();
        });

        it('switches chats: marks the clicked one, clears the previous transcript while the next loads', async () => {
            const offline = deferred<Transcript>();
            answerTranscripts({ [CHAT_1]: TRANSCRIPT, [CHAT_2]: offline.promise });
            const element = await renderWith(FIRST_PAGE);
            expect(contents(element)).toHaveLength(4);

            clickChat(element, CHAT_2);
            await flush();
            expect(transcriptCall).toHaveBeenLastCalledWith({ chatId: CHAT_2 });
            const marked = Array.from(root(element).querySelectorAll('.chat-list__item')).map((b) => [
                b.getAttribute('aria-current'),
                b.className
            ]);
            expect(marked).toEqual([
                ['false', 'slds-button chat-list__item'],
                ['true', 'slds-button chat-list__item chat-list__item_selected']
            ]);
            expect(hosts(element)).toHaveLength(0);
            expect($(element, '.transcript__loading')).not.toBeNull();
            expect($(element, '.transcript__empty')).toBeNull();
            // a search typed now finds nothing of the chat that was left
            type(element, '.transcript__search-input', 'e');
            await flush();
            expect(matchCount(element)).toBe('No matches');

            offline.resolve(OFFLINE_TRANSCRIPT);
            await flush();
            expect(contents(element)).toEqual(['Please send the invoice again.']);
            // the search typed while loading runs on the transcript that came
            expect(matchCount(element)).toBe('1 of 1');
            expect(currentMessage(element)).toBe('Please send the invoice again.');
            await expect(element).toBeAccessible();
        });

        it('never lets a late answer for the chat that was left overwrite the chat just opened', async () => {
            const first = deferred<Transcript>();
            const second = deferred<Transcript>();
            answerTranscripts({ [CHAT_1]: first.promise, [CHAT_2]: second.promise });
            const element = await renderWith(FIRST_PAGE);
            clickChat(element, CHAT_2);
            await flush();
            second.resolve(OFFLINE_TRANSCRIPT);
            await flush();
            first.resolve(TRANSCRIPT);
            await flush();
            expect(contents(element)).toEqual(['Please send the invoice again.']);
            expect($(element, '[aria-current="true"]')?.getAttribute('data-id')).toBe(CHAT_2);
            await expect(element).toBeAccessible();
        });

        it('keeps loading the chat just opened when the chat that was left answers first', async () => {
            const first = deferred<Transcript>();
            const second = deferred<Transcript>();
            answerTranscripts({ [CHAT_1]: first.promise, [CHAT_2]: second.promise });
            const element = await renderWith(FIRST_PAGE);
            clickChat(element, CHAT_2);
            await flush();
            first.resolve(TRANSCRIPT);
            await flush();
            expect(hosts(element)).toHaveLength(0);
            expect($(element, '.transcript__loading')).not.toBeNull();
            expect($(element, '.transcript__empty')).toBeNull();

            second.resolve(OFFLINE_TRANSCRIPT);
            await flush();
            expect(contents(element)).toEqual(['Please send the invoice again.']);
            expect($(element, '.transcript__loading')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('shows no error of the chat that was left on the chat just opened', async () => {
            const first = deferred<Transcript>();
            const second = deferred<Transcript>();
            answerTranscripts({ [CHAT_1]: first.promise, [CHAT_2]: second.promise });
            const element = await renderWith(FIRST_PAGE);
            clickChat(element, CHAT_2);
            await flush();
            first.reject({ body: { message: NO_ACCESS } });
            await flush();
            expect($(element, '.transcript c-error-panel')).toBeNull();
            expect($(element, '.transcript__loading')).not.toBeNull();

            second.resolve(OFFLINE_TRANSCRIPT);
            await flush();
            expect($(element, '.transcript c-error-panel')).toBeNull();
            expect(contents(element)).toEqual(['Please send the invoice again.']);
            await expect(element).toBeAccessible();
        });

        it('renders hostile content as text and never as a link or element', async () => {
            answerTranscripts({ [CHAT_1]: HOSTILE });
            const element = await renderWith(FIRST_PAGE);
            const message = hosts(element)[0]!.shadowRoot!;
            expect(message.textContent).toContain('<svg onload=alert(1)>hi</svg> <img src=x onerror=alert(2)>');
            expect(message.textContent).toContain('<b>Bobby</b>');
            expect(message.querySelector('svg, img, b, script')).toBeNull();
            expect(message.querySelector('a')).toBeNull();
            await expect(element).toBeAccessible();
        });
    });

    describe('the message window', () => {
        afterEach(() => {
            jest.restoreAllMocks();
            delete (Element.prototype as Partial<Element>).scrollIntoView;
        });

        it('renders a long transcript in a window and jumps to a match far down', async () => {
            answerTranscripts({ [CHAT_1]: longTranscript(10000) });
            const element = await renderWith(FIRST_PAGE);
            expect(numbers(element)).toEqual(range(0, 30));
            expect(windowLabel(element)).toBe('Messages 1 to 30 of 10000');
            expect(button(element, '.transcript__earlier')?.disabled).toBe(true);
            expect(button(element, '.transcript__later')?.label).toBe('Show later messages');
            expect(button(element, '.transcript__later')?.disabled).toBe(false);
            expect($(element, '.transcript__start')).not.toBeNull();
            expect($(element, '.transcript__end')).toBeNull();

            type(element, '.transcript__search-input', 'needle');
            await flush();
            expect(numbers(element)).toEqual(range(9970, 10000));
            expect(windowLabel(element)).toBe('Messages 9971 to 10000 of 10000');
            expect(currentMessage(element)).toBe('Message number 9995 mentions the needle');
            expect(button(element, '.transcript__earlier')?.disabled).toBe(false);
            expect(button(element, '.transcript__later')?.disabled).toBe(true);
            expect($(element, '.transcript__start')).toBeNull();
            expect($(element, '.transcript__end')).not.toBeNull();
            await expect(element).toBeAccessible();
        });

        it('slides later half a window at a time, dropping the earliest, until the last message', async () => {
            answerTranscripts({ [CHAT_1]: longTranscript(50) });
            const element = await renderWith(FIRST_PAGE, 20);
            const seen = [windowLabel(element)];
            for (let i = 0; i < 4; i++) {
                click(element, '.transcript__later');
                // eslint-disable-next-line no-await-in-loop -- each step acts on what the previous one rendered
                await flush();
                seen.push(windowLabel(element));
                expect(hosts(element).length).toBeLessThanOrEqual(20);
            }
            expect(seen).toEqual([
                'Messages 1 to 20 of 50',
                'Messages 11 to 30 of 50',
                'Messages 21 to 40 of 50',
                'Messages 31 to 50 of 50',
                'Messages 31 to 50 of 50'
            ]);
            expect(numbers(element)).toEqual(range(30, 50));
            expect(button(element, '.transcript__later')?.disabled).toBe(true);
            await expect(element).toBeAccessible();
        });

        it('slides earlier half a window at a time until the first message; the match is current again when back in view', async () => {
            answerTranscripts({ [CHAT_1]: longTranscript(60) });
            const element = await renderWith(FIRST_PAGE, 20);
            type(element, '.transcript__search-input', 'needle');
            await flush();
            expect(windowLabel(element)).toBe('Messages 41 to 60 of 60');
            const seen = [];
            for (let i = 0; i < 5; i++) {
                click(element, '.transcript__earlier');
                // eslint-disable-next-line no-await-in-loop -- each step acts on what the previous one rendered
                await flush();
                seen.push(windowLabel(element));
            }
            expect(seen).toEqual([
                'Messages 31 to 50 of 60',
                'Messages 21 to 40 of 60',
                'Messages 11 to 30 of 60',
                'Messages 1 to 20 of 60',
                'Messages 1 to 20 of 60'
            ]);
            expect(numbers(element)).toEqual(range(0, 20));
            expect(currentHost(element)).toBeUndefined();
            expect(button(element, '.transcript__earlier')?.disabled).toBe(true);
            // Enter on the search shows the match (the only one) again
            press(element, '.transcript__search-input', 'Enter');
            await flush();
            expect(windowLabel(element)).toBe('Messages 41 to 60 of 60');
            expect(currentMessage(element)).toBe('Message number 55 mentions the needle');
            await expect(element).toBeAccessible();
        });

        it('goes to the last and first message of 100,000 with the buttons and with End and Home, never holding more than the window', async () => {
            const scrollIntoView = jest.fn();
            Element.prototype.scrollIntoView = scrollIntoView;
            answerTranscripts({ [CHAT_1]: longTranscript(100000) });
            const element = await renderWith(FIRST_PAGE);
            const toEnd = $(element, '.transcript__to-end') as HTMLElement & { alternativeText: string };
            expect(toEnd.alternativeText).toBe('Go to the last message');
            toEnd.click();
            await flush();
            expect(numbers(element)).toEqual(range(99970, 100000));
            expect($(element, '.transcript__end')).not.toBeNull();
            expect(scroller(element).scrollTop).toBe(scroller(element).scrollHeight);

            click(element, '.transcript__to-start');
            await flush();
            expect(numbers(element)).toEqual(range(0, 30));
            expect($(element, '.transcript__start')).not.toBeNull();

            expect(pressInConversation(element, 'End')).toBe(false);
            await flush();
            expect(windowLabel(element)).toBe('Messages 99971 to 100000 of 100000');
            expect(pressInConversation(element, 'Home')).toBe(false);
            await flush();
            expect(windowLabel(element)).toBe('Messages 1 to 30 of 100000');
            // other keys scroll as the browser does
            expect(pressInConversation(element, 'PageDown')).toBe(true);
            expect(pressInConversation(element, 'ArrowDown')).toBe(true);
            await flush();
            expect(windowLabel(element)).toBe('Messages 1 to 30 of 100000');
            expect(scrollIntoView).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();
        });

        it('never renders more than 200 messages, whatever window is configured', async () => {
            answerTranscripts({ [CHAT_1]: longTranscript(1000) });
            const element = await renderWith(FIRST_PAGE, 100000);
            expect(hosts(element)).toHaveLength(200);
            click(element, '.transcript__later');
            await flush();
            expect(hosts(element)).toHaveLength(200);
            expect(windowLabel(element)).toBe('Messages 101 to 300 of 1000');
            click(element, '.transcript__to-end');
            await flush();
            expect(hosts(element)).toHaveLength(200);
            expect(windowLabel(element)).toBe('Messages 801 to 1000 of 1000');
            await expect(element).toBeAccessible();
        });

        it('shows a given message through showMessage, in view, and the nearest end for a position outside the chat', async () => {
            const scrollIntoView = jest.fn();
            Element.prototype.scrollIntoView = scrollIntoView;
            answerTranscripts({ [CHAT_1]: longTranscript(10000) });
            const element = await renderWith(FIRST_PAGE);
            element.showMessage(5000);
            await flush();
            expect(windowLabel(element)).toBe('Messages 4986 to 5015 of 10000');
            expect(scrollIntoView.mock.calls).toEqual([[{ block: 'nearest' }]]);
            expect((scrollIntoView.mock.contexts[0] as MessageHost).message.content).toBe('Message number 5000');
            // a message already in the window: no move, but it is scrolled into view
            element.showMessage(4990);
            await flush();
            expect(windowLabel(element)).toBe('Messages 4986 to 5015 of 10000');
            expect((scrollIntoView.mock.contexts[1] as MessageHost).message.content).toBe('Message number 4990');
            element.showMessage(-3);
            await flush();
            expect(windowLabel(element)).toBe('Messages 1 to 30 of 10000');
            element.showMessage(1e9);
            await flush();
            expect(windowLabel(element)).toBe('Messages 9971 to 10000 of 10000');
            expect((scrollIntoView.mock.contexts[3] as MessageHost).message.content).toBe('Message number 9999');
            await expect(element).toBeAccessible();
        });

        it('brings later messages in when scrolled near the bottom, keeping the message in view where it was', async () => {
            answerTranscripts({ [CHAT_1]: longTranscript(100) });
            const element = await renderWith(FIRST_PAGE, 20);
            // the start bookend and 20 messages, 100 px each: 2,100 px; scrolled to 1,450, 150 px from the bottom
            const layout = layOut(element, 1450);
            scroller(element).dispatchEvent(new CustomEvent('scroll'));
            await flush();
            expect(windowLabel(element)).toBe('Messages 11 to 30 of 100');
            // message 13 was the first in view, its top 50 px above the box's; it still is, though 10 messages
            // and the bookend went above it: 3 items above it now, 300 - 350 = -50
            expect(layout.scrollTop()).toBe(350);
            // scrolling in the middle moves nothing
            layout.scrollTop();
            scroller(element).scrollTop = 800;
            scroller(element).dispatchEvent(new CustomEvent('scroll'));
            await flush();
            expect(windowLabel(element)).toBe('Messages 11 to 30 of 100');
            await expect(element).toBeAccessible();
        });

        it('brings earlier messages in when scrolled near the top, keeping the message in view where it was', async () => {
            answerTranscripts({ [CHAT_1]: longTranscript(100) });
            const element = await renderWith(FIRST_PAGE, 20);
            click(element, '.transcript__to-end');
            await flush();
            expect(windowLabel(element)).toBe('Messages 81 to 100 of 100');
            // 20 messages and the end bookend; scrolled to 120 px: message 81 is first in view, 20 px above the top
            const layout = layOut(element, 120);
            scroller(element).dispatchEvent(new CustomEvent('scroll'));
            await flush();
            expect(windowLabel(element)).toBe('Messages 71 to 90 of 100');
            // ten messages came in above message 81: it is the 12th item (position 11), 1,100 - 1,120 = -20
            expect(layout.scrollTop()).toBe(1120);
            await expect(element).toBeAccessible();
        });
    });

    describe('searching the transcript', () => {
        afterEach(() => {
            delete (Element.prototype as Partial<Element>).scrollIntoView;
        });

        it('shows no count and disables the match buttons until something is searched', async () => {
            answerTranscripts({ [CHAT_1]: TRANSCRIPT });
            const element = await renderWith(FIRST_PAGE);
            expect(matchCount(element)).toBe('');
            expect(button(element, '.transcript__previous')?.disabled).toBe(true);
            expect(button(element, '.transcript__next')?.disabled).toBe(true);

            type(element, '.transcript__search-input', '   ');
            await flush();
            expect(matchCount(element)).toBe('');
            expect(hosts(element).flatMap((host) => host.highlights)).toEqual([]);

            type(element, '.transcript__search-input', 'zebra');
            await flush();
            expect(matchCount(element)).toBe('No matches');
            expect(currentHost(element)).toBeUndefined();
            expect(button(element, '.transcript__next')?.disabled).toBe(true);
            await expect(element).toBeAccessible();
        });

        it('highlights every match, counts the messages, and makes the first one current', async () => {
            answerTranscripts({ [CHAT_1]: TRANSCRIPT });
            const element = await renderWith(FIRST_PAGE);
            type(element, '.transcript__search-input', 'refund');
            await flush();
            expect(matchCount(element)).toBe('1 of 2');
            expect(button(element, '.transcript__previous')?.disabled).toBe(false);
            expect(button(element, '.transcript__next')?.disabled).toBe(false);
            expect(hosts(element).map((host) => [host.highlights, host.current])).toEqual([
                [[], false],
                [[], false],
                [[{ start: 35, end: 41 }], true],
                [[{ start: 10, end: 16 }], false]
            ]);
            expect(hosts(element).map(marks)).toEqual([[], [], ['Refund'], ['refund']]);
            expect(currentMessage(element)).toBe('My order SO-99817 arrived damaged. Refund please.');
            await expect(element).toBeAccessible();
        });

        it('finds words across zero-width characters and in right-to-left, CJK and emoji text, highlighting whole clusters', async () => {
            answerTranscripts({ [CHAT_1]: SCRIPTS });
            const element = await renderWith(FIRST_PAGE);
            const highlightsFor = async (term: string): Promise<[string | null | undefined, unknown[]]> => {
                type(element, '.transcript__search-input', term);
                await flush();
                return [matchCount(element), hosts(element).map((host) => host.highlights)];
            };
            expect(await highlightsFor('zerowidthjoiner')).toEqual(['1 of 1', [[], [], [{ start: 20, end: 37 }]]]);
            expect(await highlightsFor(ARABIC_REFUND_WORD)).toEqual(['1 of 1', [[{ start: 5, end: 12 }], [], []]]);
            expect(await highlightsFor('4521')).toEqual([
                '1 of 2',
                [[{ start: ARABIC_REFUND.length - 4, end: ARABIC_REFUND.length }], [{ start: 13, end: 17 }], []]
            ]);
            expect(marks(hosts(element)[1])).toEqual(['4521']);
            expect(HEBREW_ORDER.slice(13, 17)).toBe('4521');
            // the laptop alone finds the woman technologist, and the whole sequence is highlighted
            expect(await highlightsFor('\u{1F4BB}')).toEqual(['1 of 1', [[], [], [{ start: 4, end: 9 }]]]);
            expect(marks(hosts(element)[2])).toEqual([WOMAN_TECHNOLOGIST]);
            expect(await highlightsFor('\u9000\u6B3E')).toEqual(['1 of 1', [[], [], [{ start: 46, end: 48 }]]]);
            await expect(element).toBeAccessible();
        });

        it('moves to the next match and wraps around from the last to the first', async () => {
            answerTranscripts({ [CHAT_1]: REFUNDS });
            const element = await renderWith(FIRST_PAGE);
            type(element, '.transcript__search-input', 'refund');
            await flush();
            const seen = [[matchCount(element), currentMessage(element)]];
            for (let i = 0; i < 3; i++) {
                click(element, '.transcript__next');
                // eslint-disable-next-line no-await-in-loop -- each step acts on what the previous one rendered
                await flush();
                seen.push([matchCount(element), currentMessage(element)]);
            }
            expect(seen).toEqual([
                ['1 of 3', 'Refund requested.'],
                ['2 of 3', 'SO-1: refund it, then REFUND SO-2'],
                ['3 of 3', 'The refund is done.'],
                ['1 of 3', 'Refund requested.']
            ]);
            await expect(element).toBeAccessible();
        });

        it('moves to the previous match and wraps around from the first to the last', async () => {
            answerTranscripts({ [CHAT_1]: REFUNDS });
            const element = await renderWith(FIRST_PAGE);
            type(element, '.transcript__search-input', 'refund');
            await flush();
            const seen = [];
            for (let i = 0; i < 3; i++) {
                click(element, '.transcript__previous');
                // eslint-disable-next-line no-await-in-loop -- each step acts on what the previous one rendered
                await flush();
                seen.push([matchCount(element), currentMessage(element)]);
            }
            expect(seen).toEqual([
                ['3 of 3', 'The refund is done.'],
                ['2 of 3', 'SO-1: refund it, then REFUND SO-2'],
                ['1 of 3', 'Refund requested.']
            ]);
            await expect(element).toBeAccessible();
        });

        it('moves with Enter and Shift+Enter in the search box, and ignores other keys', async () => {
            answerTranscripts({ [CHAT_1]: REFUNDS });
            const element = await renderWith(FIRST_PAGE);
            type(element, '.transcript__search-input', 'refund');
            await flush();
            expect(press(element, '.transcript__search-input', 'Enter')).toBe(false);
            await flush();
            expect(matchCount(element)).toBe('2 of 3');
            expect(press(element, '.transcript__search-input', 'Enter', true)).toBe(false);
            await flush();
            expect(press(element, '.transcript__search-input', 'Enter', true)).toBe(false);
            await flush();
            expect(matchCount(element)).toBe('3 of 3');
            expect(press(element, '.transcript__search-input', 'a')).toBe(true);
            await flush();
            expect(matchCount(element)).toBe('3 of 3');
            expect(currentMessage(element)).toBe('The refund is done.');
            await expect(element).toBeAccessible();
        });

        it('scrolls the current match into view once per move, not on every render', async () => {
            const scrollIntoView = jest.fn();
            Element.prototype.scrollIntoView = scrollIntoView;
            answerTranscripts({ [CHAT_1]: REFUNDS });
            const element = await renderWith(FIRST_PAGE);
            type(element, '.transcript__search-input', 'refund');
            await flush();
            expect(scrollIntoView.mock.calls).toEqual([[{ block: 'nearest' }]]);
            expect(scrollIntoView.mock.contexts[0]).toBe(currentHost(element));
            expect((scrollIntoView.mock.contexts[0] as MessageHost).message.content).toBe('Refund requested.');

            // an unrelated re-render scrolls nothing
            type(element, '.chat-list__search-input', 'invoice');
            await flush();
            expect(scrollIntoView).toHaveBeenCalledTimes(1);

            click(element, '.transcript__next');
            await flush();
            expect(scrollIntoView).toHaveBeenCalledTimes(2);
            expect((scrollIntoView.mock.contexts[1] as MessageHost).message.content).toContain('SO-1: refund it');
            await expect(element).toBeAccessible();
        });

        it('keeps the window when the match is in view, and moves it when the match is just outside', async () => {
            answerTranscripts({
                [CHAT_1]: markedTranscript(100, { 9: 'delta', 10: 'gamma', 19: 'alpha', 20: 'beta' })
            });
            const element = await renderWith(FIRST_PAGE, 20);
            const seen = [];
            for (const term of ['alpha', 'beta', 'gamma', 'delta']) {
                type(element, '.transcript__search-input', term);
                // eslint-disable-next-line no-await-in-loop -- each step acts on what the previous one rendered
                await flush();
                seen.push([windowLabel(element), currentMessage(element)]);
            }
            expect(seen).toEqual([
                ['Messages 1 to 20 of 100', 'Message number 19 alpha'],
                ['Messages 11 to 30 of 100', 'Message number 20 beta'],
                ['Messages 11 to 30 of 100', 'Message number 10 gamma'],
                ['Messages 1 to 20 of 100', 'Message number 9 delta']
            ]);
            await expect(element).toBeAccessible();
        });

        it('starts the next chat at its first message, wherever the last one was', async () => {
            answerTranscripts({ [CHAT_1]: longTranscript(60), [CHAT_2]: longTranscript(50) });
            const element = await renderWith(FIRST_PAGE, 20);
            type(element, '.transcript__search-input', 'needle');
            await flush();
            expect(windowLabel(element)).toBe('Messages 41 to 60 of 60');
            type(element, '.transcript__search-input', '');
            clickChat(element, CHAT_2);
            await flush();
            expect(windowLabel(element)).toBe('Messages 1 to 20 of 50');
            expect(numbers(element)).toEqual(range(0, 20));
            await expect(element).toBeAccessible();
        });
    });

    describe('searching all chats', () => {
        it('searches with the trimmed term and lists only the chats that mention it, until shown all again', async () => {
            answerTranscripts({ [CHAT_1]: TRANSCRIPT });
            searchCall.mockResolvedValue([CHAT_2]);
            const element = await renderWith(FIRST_PAGE);
            // nothing typed: an empty box, and the button asks nothing
            expect(($(element, '.chat-list__search-input') as HTMLInputElement | null)?.value).toBe('');
            click(element, '.chat-list__search-button');
            await flush();
            expect(searchCall).not.toHaveBeenCalled();
            expect($(element, '.chat-list__summary')).toBeNull();

            type(element, '.chat-list__search-input', '  invoice  ');
            click(element, '.chat-list__search-button');
            await flush();
            expect(searchCall.mock.calls).toEqual([[{ recordId: RECORD_ID, term: 'invoice' }]]);
            expect(texts(element, '.chat-list__name')).toEqual(['Offline message from Maria Lopez']);
            expect($(element, '.chat-list__summary')?.textContent.trim()).toBe('1 chat mentions it');
            // the open chat stays open though the filter hides it
            expect(contents(element)).toHaveLength(4);

            const showAll = button(element, '.chat-list__summary lightning-button')!;
            expect(showAll.label).toBe('Show all chats');
            showAll.click();
            await flush();
            expect(texts(element, '.chat-list__name')).toEqual([
                'Chat with Maria Lopez',
                'Offline message from Maria Lopez'
            ]);
            expect($(element, '.chat-list__summary')).toBeNull();
            expect(($(element, '.chat-list__search-input') as HTMLInputElement | null)?.value).toBe('');
            await expect(element).toBeAccessible();
        });

        it('counts several matching chats, and none', async () => {
            answerTranscripts({ [CHAT_1]: TRANSCRIPT });
            searchCall.mockResolvedValueOnce([CHAT_1, CHAT_2]).mockResolvedValueOnce([]);
            const element = await renderWith(FIRST_PAGE);
            type(element, '.chat-list__search-input', 'maria');
            click(element, '.chat-list__search-button');
            await flush();
            expect($(element, '.chat-list__summary')?.textContent.trim()).toBe('2 chats mention it');
            expect(texts(element, '.chat-list__name')).toHaveLength(2);

            type(element, '.chat-list__search-input', 'zebra');
            click(element, '.chat-list__search-button');
            await flush();
            expect($(element, '.chat-list__summary')?.textContent.trim()).toBe('0 chats mention it');
            expect(texts(element, '.chat-list__name')).toEqual([]);
            await expect(element).toBeAccessible();
        });

        it('searches on Enter, not on other keys, and a term under two characters clears the filter without asking', async () => {
            answerTranscripts({ [CHAT_1]: TRANSCRIPT });
            searchCall.mockResolvedValue([CHAT_2]);
            const element = await renderWith(FIRST_PAGE);
            type(element, '.chat-list__search-input', 'in');
            expect(press(element, '.chat-list__search-input', 'n')).toBe(true);
            await flush();
            expect(searchCall).not.toHaveBeenCalled();
            expect(press(element, '.chat-list__search-input', 'Enter')).toBe(false);
            await flush();
            expect(searchCall.mock.calls).toEqual([[{ recordId: RECORD_ID, term: 'in' }]]);
            expect(texts(element, '.chat-list__name')).toHaveLength(1);

            type(element, '.chat-list__search-input', ' x ');
            press(element, '.chat-list__search-input', 'Enter');
            await flush();
            expect(searchCall).toHaveBeenCalledTimes(1);
            expect(texts(element, '.chat-list__name')).toHaveLength(2);
            expect($(element, '.chat-list__summary')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('gives the search error to its panel, keeps the list, and clears the error after a search that works', async () => {
            answerTranscripts({ [CHAT_1]: TRANSCRIPT });
            const failure = { body: { message: 'The search term is too long.' }, status: 400 };
            searchCall.mockRejectedValueOnce(failure).mockResolvedValueOnce([CHAT_1]);
            const element = await renderWith(FIRST_PAGE);
            type(element, '.chat-list__search-input', 'invoice');
            click(element, '.chat-list__search-button');
            await flush();
            const panel = errorPanel(element, '.chat-list c-error-panel');
            expect(panel?.friendlyMessage).toBe('The chats could not be searched.');
            expect(panel?.errors).toEqual(failure);
            expect(panelReasons(panel)).toEqual(['The search term is too long.']);
            expect(texts(element, '.chat-list__name')).toHaveLength(2);

            press(element, '.chat-list__search-input', 'Enter');
            await flush();
            expect($(element, '.chat-list c-error-panel')).toBeNull();
            expect(texts(element, '.chat-list__name')).toEqual(['Chat with Maria Lopez']);
            await expect(element).toBeAccessible();
        });
    });
});
