import { createElement } from 'lwc';
import ChatTranscript from 'c/chatTranscript';
import { ChatMessages } from 'c/transcriptConversation';
import getChats from '@salesforce/apex/ChatTranscriptController.getChats';
import type { ChatPage } from '@salesforce/apex/ChatTranscriptController.getChats';
import getTranscript from '@salesforce/apex/ChatTranscriptController.getTranscript';
import type { Transcript } from '@salesforce/apex/ChatTranscriptController.getTranscript';
import searchChats from '@salesforce/apex/ChatTranscriptController.searchChats';
import {
    FIRST_PAGE,
    SECOND_PAGE,
    TRANSCRIPT,
    LABELLED_PAGE,
    CONVERSATION,
    OFFLINE_TRANSCRIPT,
    longTranscript
} from './data/chatTranscriptData';
import {
    $,
    $$,
    button,
    click,
    contents,
    currentMessage,
    deferred,
    errorPanel,
    flush,
    hosts,
    matchCount,
    NO_ACCESS,
    panelReasons,
    press,
    settle,
    spinner,
    texts,
    type
} from './data/helpers';
import type { IconStub } from './data/helpers';

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

/** The conversation part, as the viewer fills it. */
interface ConversationHost extends HTMLElement {
    messages: unknown;
    chat: unknown;
    windowSize: number;
}

/** The list part, as the viewer fills it. */
interface ListHost extends HTMLElement {
    chats: unknown[];
    selectedChatId: string | undefined;
    matchingChatIds: readonly string[] | undefined;
    searchError: unknown;
}

function render(windowSize?: number): TranscriptElement {
    const element = createElement('c-chat-transcript', { is: ChatTranscript }) as unknown as TranscriptElement;
    element.recordId = RECORD_ID;
    if (windowSize !== undefined) {
        element.windowSize = windowSize;
    }
    document.body.appendChild(element);
    return element;
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

/** The list of chats (c-transcript-chat-list); its own elements are in its shadow root. */
function list(element: HTMLElement): ListHost {
    return $(element, 'c-transcript-chat-list') as ListHost;
}

/** The conversation (c-transcript-conversation); its own elements are in its shadow root. */
function conversation(element: HTMLElement): ConversationHost {
    return $(element, 'c-transcript-conversation') as ConversationHost;
}

function chatNames(element: HTMLElement): (string | null)[] {
    return texts(list(element), '.chat-list__name');
}

function clickChat(element: HTMLElement, chatId: string): void {
    click(list(element), `button[data-id="${chatId}"]`);
}

function openChatId(element: HTMLElement): string | undefined {
    return $(list(element), '[aria-current="true"]')?.dataset.id;
}

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
            expect(chatNames(element)).toEqual(['Chat with Maria Lopez', 'Offline message from Maria Lopez']);
            await expect(element).toBeAccessible();
        });

        it('hands the list the chats in the order the server gives (never re-sorted) and opens the first', async () => {
            answerTranscripts({ a01000000000011AAA: CONVERSATION });
            const element = await renderWith(LABELLED_PAGE);
            // The server sorts newest first (ChatTranscriptControllerTest proves it); here the older chat
            // comes first on purpose, and stays first.
            expect(list(element).chats).toEqual(LABELLED_PAGE.chats);
            expect(list(element).selectedChatId).toBe('a01000000000011AAA');
            expect(list(element).matchingChatIds).toBeUndefined();
            // the first chat listed is the one opened
            expect(transcriptCall.mock.calls).toEqual([[{ chatId: 'a01000000000011AAA' }]]);
            expect(conversation(element).chat).toEqual(LABELLED_PAGE.chats[0]);
            // the messages as the server sent them, in a ChatMessages, so that LWC neither copies nor proxies them
            const given = conversation(element).messages;
            expect(given).toBeInstanceOf(ChatMessages);
            expect((given as ChatMessages).messages).toBe(CONVERSATION.messages);
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
            expect(openChatId(element)).toBe(CHAT_2);
            expect(contents(conversation(element))).toEqual(['Please send the invoice again.']);
            await expect(element).toBeAccessible();
        });

        it('loads the next page after the loaded chats, one request at a time', async () => {
            answerTranscripts({ [CHAT_1]: TRANSCRIPT });
            const page = deferred<ChatPage>();
            chatsWire.mockReturnValue(page.promise);
            const element = await renderWith(FIRST_PAGE);
            const more = button(list(element), '.chat-list__more')!;
            expect(more.label).toBe('Load more chats');
            expect(more.disabled).toBe(false);
            more.click();
            await flush();
            expect(button(list(element), '.chat-list__more')?.disabled).toBe(true);
            more.click();
            await flush();
            expect(chatsWire.mock.calls).toEqual([
                [{ recordId: RECORD_ID, pageSize: 20, cursor: FIRST_PAGE.nextCursor }]
            ]);
            page.resolve(SECOND_PAGE);
            await flush();
            expect(chatNames(element)).toEqual([
                'Chat with Maria Lopez',
                'Offline message from Maria Lopez',
                'Chat with Maria Lopez'
            ]);
            expect($$(list(element), '.chat-list__item')[2]?.dataset.id).toBe('a01000000000003AAA');
            // the last page has no cursor: nothing more to load
            expect($(list(element), '.chat-list__more')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('starts afresh for another record: its first chat opens, no filter, error or late page of the last one stays', async () => {
            const third = SECOND_PAGE.chats[0]!.id;
            answerTranscripts({ [CHAT_1]: TRANSCRIPT, [third]: OFFLINE_TRANSCRIPT });
            searchCall.mockResolvedValue([CHAT_2]);
            const page = deferred<ChatPage>();
            chatsWire.mockReturnValue(page.promise);
            const element = await renderWith(FIRST_PAGE);
            type(list(element), '.chat-list__search-input', 'invoice');
            click(list(element), '.chat-list__search-button');
            button(list(element), '.chat-list__more')!.click();
            await flush();
            expect(list(element).matchingChatIds).toEqual([CHAT_2]);

            element.recordId = '003000000000002AAA';
            chatsWire.emit(SECOND_PAGE);
            await flush();
            expect(list(element).chats).toEqual(SECOND_PAGE.chats);
            expect(list(element).selectedChatId).toBe(third);
            expect(list(element).matchingChatIds).toBeUndefined();
            expect(transcriptCall).toHaveBeenLastCalledWith({ chatId: third });
            expect(contents(conversation(element))).toEqual(['Please send the invoice again.']);
            // the first record's next page, answered now, is not added to the second record's chats
            page.resolve(FIRST_PAGE);
            await flush();
            expect(list(element).chats).toEqual(SECOND_PAGE.chats);
            await expect(element).toBeAccessible();
        });

        it('keeps the loaded chats when the next page fails, gives the error to the panel, and clears it on a retry that works', async () => {
            answerTranscripts({ [CHAT_1]: TRANSCRIPT });
            const failure = { body: { message: 'The page cursor is not valid; reload the list.' }, status: 400 };
            chatsWire.mockRejectedValueOnce(failure).mockResolvedValueOnce(SECOND_PAGE);
            const element = await renderWith(FIRST_PAGE);
            click(list(element), '.chat-list__more');
            await flush();
            const panel = errorPanel(element, '.slds-card__body > c-error-panel');
            expect(panel?.errors).toEqual(failure);
            expect(panel?.friendlyMessage).toBe('The chats could not be loaded.');
            expect(panelReasons(panel)).toEqual(['The page cursor is not valid; reload the list.']);
            expect(chatNames(element)).toHaveLength(2);
            expect(button(list(element), '.chat-list__more')?.disabled).toBe(false);

            click(list(element), '.chat-list__more');
            await flush();
            expect(chatsWire).toHaveBeenCalledTimes(2);
            expect(chatsWire).toHaveBeenLastCalledWith({
                recordId: RECORD_ID,
                pageSize: 20,
                cursor: FIRST_PAGE.nextCursor
            });
            expect(chatNames(element)).toHaveLength(3);
            expect($(element, 'c-error-panel')).toBeNull();
            await expect(element).toBeAccessible();
        });
    });

    describe('the transcript', () => {
        it('frames the viewer: a card with its header icon, the list beside the conversation of the open chat', async () => {
            answerTranscripts({ a01000000000011AAA: CONVERSATION });
            const element = await renderWith(LABELLED_PAGE, 50);
            expect(($(element, '.chat-transcript__icon') as IconStub | null)?.iconName).toBe('standard:live_chat');
            expect($(element, 'h2')?.textContent).toBe('Comm100 Chats');
            const layout = $(element, '.chat-transcript__layout')!;
            expect(Array.from(layout.children, (child) => child.tagName.toLowerCase())).toEqual([
                'c-transcript-chat-list',
                'section'
            ]);
            expect($(element, '.transcript')?.getAttribute('aria-label')).toBe('Transcript');
            // the conversation gets the configured window, the chat's summary and its messages, the very objects sent
            expect(conversation(element).windowSize).toBe(50);
            expect(conversation(element).chat).toEqual(LABELLED_PAGE.chats[0]);
            expect(contents(conversation(element))).toEqual(CONVERSATION.messages.map((m) => m.content));
            expect($(element, '.transcript__empty')).toBeNull();
            expect($(element, 'lightning-spinner')).toBeNull();
            expect($(element, '.chat-transcript__empty')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('forwards showMessage to the conversation, and ignores it before a chat is open', async () => {
            const scrollIntoView = jest.fn();
            Element.prototype.scrollIntoView = scrollIntoView;
            try {
                const early = render();
                early.showMessage(3);
                expect(scrollIntoView).not.toHaveBeenCalled();
                document.body.removeChild(early);

                answerTranscripts({ [CHAT_1]: longTranscript(10000) });
                const element = await renderWith(FIRST_PAGE);
                element.showMessage(5000);
                await settle();
                expect($(conversation(element), '.transcript__messages')?.getAttribute('aria-label')).toBe(
                    'Messages 4986 to 5015 of 10000'
                );
                expect(scrollIntoView).toHaveBeenCalledTimes(1);
                expect(scrollIntoView.mock.contexts[0]).toBe(
                    $(conversation(element), 'c-transcript-message[data-index="5000"]')
                );
                await expect(element).toBeAccessible();
            } finally {
                delete (Element.prototype as Partial<Element>).scrollIntoView;
            }
        });

        it('shows a spinner while the transcript loads, and the messages once it has come', async () => {
            const transcript = deferred<Transcript>();
            answerTranscripts({ [CHAT_1]: transcript.promise });
            const element = await renderWith(FIRST_PAGE);
            expect(spinner(element, '.transcript__loading lightning-spinner')?.alternativeText).toBe(
                'Loading the transcript'
            );
            expect($(element, '.transcript__empty')).toBeNull();
            expect(hosts(conversation(element))).toHaveLength(0);
            transcript.resolve(TRANSCRIPT);
            await flush();
            expect($(element, '.transcript__loading')).toBeNull();
            expect(contents(conversation(element))).toEqual(TRANSCRIPT.messages.map((m) => m.content));
            await expect(element).toBeAccessible();
        });

        it('says so when a chat has no messages', async () => {
            answerTranscripts({ [CHAT_1]: { chatId: CHAT_1, messages: [] } });
            const element = await renderWith(FIRST_PAGE);
            expect($(element, '.transcript__empty')?.textContent).toBe('This chat has no messages.');
            expect((conversation(element).messages as ChatMessages).messages).toEqual([]);
            expect($(conversation(element), '.transcript__messages')).toBeNull();
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
            expect(contents(conversation(element))).toEqual(['Please send the invoice again.']);
            expect(transcriptCall.mock.calls).toEqual([[{ chatId: CHAT_1 }], [{ chatId: CHAT_2 }]]);
            await expect(element).toBeAccessible();
        });

        it('switches chats: marks the clicked one, clears the previous transcript while the next loads', async () => {
            const offline = deferred<Transcript>();
            answerTranscripts({ [CHAT_1]: TRANSCRIPT, [CHAT_2]: offline.promise });
            const element = await renderWith(FIRST_PAGE);
            expect(contents(conversation(element))).toHaveLength(4);

            clickChat(element, CHAT_2);
            await flush();
            expect(transcriptCall).toHaveBeenLastCalledWith({ chatId: CHAT_2 });
            const marked = $$(list(element), '.chat-list__item').map((b) => [
                b.getAttribute('aria-current'),
                b.className
            ]);
            expect(marked).toEqual([
                ['false', 'slds-button chat-list__item'],
                ['true', 'slds-button chat-list__item chat-list__item_selected']
            ]);
            expect(hosts(conversation(element))).toHaveLength(0);
            expect($(element, '.transcript__loading')).not.toBeNull();
            expect($(element, '.transcript__empty')).toBeNull();
            // a search typed now finds nothing of the chat that was left, and counts nothing while the next loads
            type(conversation(element), '.transcript__search-input', 'e');
            await flush();
            expect(matchCount(conversation(element))).toBe('');
            expect(hosts(conversation(element))).toHaveLength(0);

            offline.resolve(OFFLINE_TRANSCRIPT);
            await flush();
            expect(contents(conversation(element))).toEqual(['Please send the invoice again.']);
            // the search typed while loading runs on the transcript that came
            expect(matchCount(conversation(element))).toBe('1 of 1');
            expect(currentMessage(conversation(element))).toBe('Please send the invoice again.');
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
            expect(contents(conversation(element))).toEqual(['Please send the invoice again.']);
            expect(openChatId(element)).toBe(CHAT_2);
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
            expect(hosts(conversation(element))).toHaveLength(0);
            expect($(element, '.transcript__loading')).not.toBeNull();
            expect($(element, '.transcript__empty')).toBeNull();

            second.resolve(OFFLINE_TRANSCRIPT);
            await flush();
            expect(contents(conversation(element))).toEqual(['Please send the invoice again.']);
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
            expect(contents(conversation(element))).toEqual(['Please send the invoice again.']);
            await expect(element).toBeAccessible();
        });
    });

    describe('searching all chats', () => {
        it('searches with the trimmed term and lists only the chats that mention it, until shown all again', async () => {
            answerTranscripts({ [CHAT_1]: TRANSCRIPT });
            searchCall.mockResolvedValue([CHAT_2]);
            const element = await renderWith(FIRST_PAGE);
            type(list(element), '.chat-list__search-input', '  invoice  ');
            click(list(element), '.chat-list__search-button');
            await flush();
            expect(searchCall.mock.calls).toEqual([[{ recordId: RECORD_ID, term: 'invoice' }]]);
            expect(list(element).matchingChatIds).toEqual([CHAT_2]);
            expect(chatNames(element)).toEqual(['Offline message from Maria Lopez']);
            // the open chat stays open though the filter hides it
            expect(contents(conversation(element))).toHaveLength(4);

            button(list(element), '.chat-list__summary lightning-button')!.click();
            await flush();
            expect(list(element).matchingChatIds).toBeUndefined();
            expect(chatNames(element)).toEqual(['Chat with Maria Lopez', 'Offline message from Maria Lopez']);
            expect(searchCall).toHaveBeenCalledTimes(1);
            await expect(element).toBeAccessible();
        });

        it('asks nothing for a term under two characters, and clears the filter', async () => {
            answerTranscripts({ [CHAT_1]: TRANSCRIPT });
            searchCall.mockResolvedValue([CHAT_2]);
            const element = await renderWith(FIRST_PAGE);
            click(list(element), '.chat-list__search-button');
            await flush();
            expect(searchCall).not.toHaveBeenCalled();
            type(list(element), '.chat-list__search-input', 'in');
            expect(press(list(element), '.chat-list__search-input', 'Enter')).toBe(false);
            await flush();
            expect(searchCall.mock.calls).toEqual([[{ recordId: RECORD_ID, term: 'in' }]]);
            expect(chatNames(element)).toHaveLength(1);

            type(list(element), '.chat-list__search-input', ' x ');
            press(list(element), '.chat-list__search-input', 'Enter');
            await flush();
            expect(searchCall).toHaveBeenCalledTimes(1);
            expect(list(element).matchingChatIds).toBeUndefined();
            expect(chatNames(element)).toHaveLength(2);
            expect($(list(element), '.chat-list__summary')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('keeps only the latest search: an earlier answer, or one that comes after "Show all chats", changes nothing', async () => {
            answerTranscripts({ [CHAT_1]: TRANSCRIPT });
            const first = deferred<string[]>();
            const second = deferred<string[]>();
            const third = deferred<string[]>();
            searchCall
                .mockReturnValueOnce(first.promise)
                .mockReturnValueOnce(second.promise)
                .mockReturnValueOnce(third.promise);
            const element = await renderWith(FIRST_PAGE);
            type(list(element), '.chat-list__search-input', 'invoice');
            click(list(element), '.chat-list__search-button');
            type(list(element), '.chat-list__search-input', 'refund');
            click(list(element), '.chat-list__search-button');
            second.resolve([CHAT_1]);
            await flush();
            first.resolve([CHAT_2]);
            await flush();
            expect(list(element).matchingChatIds).toEqual([CHAT_1]);

            click(list(element), '.chat-list__search-button');
            button(list(element), '.chat-list__summary lightning-button')!.click();
            await flush();
            third.reject({ body: { message: 'Too late.' }, status: 500 });
            await flush();
            expect(list(element).matchingChatIds).toBeUndefined();
            expect(list(element).searchError).toBeUndefined();
            expect(chatNames(element)).toHaveLength(2);
            await expect(element).toBeAccessible();
        });

        it('gives the search error to the list, keeps the list, and clears the error after a search that works', async () => {
            answerTranscripts({ [CHAT_1]: TRANSCRIPT });
            const failure = { body: { message: 'The search term is too long.' }, status: 400 };
            searchCall.mockRejectedValueOnce(failure).mockResolvedValueOnce([CHAT_1]);
            const element = await renderWith(FIRST_PAGE);
            type(list(element), '.chat-list__search-input', 'invoice');
            click(list(element), '.chat-list__search-button');
            await flush();
            expect(list(element).searchError).toEqual(failure);
            const panel = errorPanel(list(element), '.chat-list c-error-panel');
            expect(panel?.friendlyMessage).toBe('The chats could not be searched.');
            expect(panelReasons(panel)).toEqual(['The search term is too long.']);
            expect(chatNames(element)).toHaveLength(2);

            press(list(element), '.chat-list__search-input', 'Enter');
            await flush();
            expect(list(element).searchError).toBeUndefined();
            expect($(list(element), 'c-error-panel')).toBeNull();
            expect(chatNames(element)).toEqual(['Chat with Maria Lopez']);
            await expect(element).toBeAccessible();
        });
    });
});
