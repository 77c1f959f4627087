import { createElement } from 'lwc';
import TranscriptChatList from 'c/transcriptChatList';
import type { ChatSummary } from '@salesforce/apex/ChatTranscriptController.getChats';
import { FIRST_PAGE, SECOND_PAGE, LABELLED_PAGE } from '../../chatTranscript/__tests__/data/chatTranscriptData';
import {
    $,
    $$,
    button,
    click,
    errorPanel,
    flush,
    panelReasons,
    plain,
    press,
    texts,
    type
} from '../../chatTranscript/__tests__/data/helpers';

interface ListElement extends HTMLElement {
    chats: ChatSummary[];
    selectedChatId: string | undefined;
    hasMore: boolean;
    loadingMore: boolean;
    matchingChatIds: readonly string[] | undefined;
    searchError: unknown;
}

const CHAT_1 = 'a01000000000001AAA';
const CHAT_2 = 'a01000000000002AAA';

/** Renders the list with `props` and records every event it sends, in order. */
async function render(props: Partial<ListElement>): Promise<{ element: ListElement; events: [string, unknown][] }> {
    const element = createElement('c-transcript-chat-list', { is: TranscriptChatList }) as unknown as ListElement;
    Object.assign(element, props);
    const events: [string, unknown][] = [];
    for (const name of ['select', 'loadmore', 'search', 'clearsearch']) {
        element.addEventListener(name, (event) => events.push([name, (event as CustomEvent).detail]));
    }
    document.body.appendChild(element);
    await flush();
    return { element, events };
}

function searchBox(element: HTMLElement): HTMLInputElement {
    return $(element, '.chat-list__search-input') as HTMLInputElement;
}

describe('c-transcript-chat-list', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('keeps the order it is given (never re-sorts) and labels each chat exactly', async () => {
        const { element } = await render({ chats: LABELLED_PAGE.chats, selectedChatId: 'a01000000000011AAA' });
        // The server sorts newest first (ChatTranscriptControllerTest proves it); here the older chat
        // comes first on purpose, and stays first.
        expect(texts(element, '.chat-list__name')).toEqual([
            'Chat with Ana Silva',
            'Chat with Ben Okafor',
            'Chat without details',
            'Chat with an unreadable start'
        ]);
        const metas = $$(element, '.chat-list__item').map((item) =>
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
        // the selected chat is the only one marked
        expect(
            $$(element, '.chat-list__item').map((b) => [b.dataset.id, b.getAttribute('aria-current'), b.className])
        ).toEqual([
            ['a01000000000011AAA', 'true', 'slds-button chat-list__item chat-list__item_selected'],
            ['a01000000000012AAA', 'false', 'slds-button chat-list__item'],
            ['a01000000000013AAA', 'false', 'slds-button chat-list__item'],
            ['a01000000000014AAA', 'false', 'slds-button chat-list__item']
        ]);
        await expect(element).toBeAccessible();
    });

    it('says which chat was clicked with select, and marks the chat it is told is open', async () => {
        const { element, events } = await render({ chats: FIRST_PAGE.chats, selectedChatId: CHAT_1 });
        click(element, `button[data-id="${CHAT_2}"]`);
        await flush();
        expect(events).toEqual([['select', { chatId: CHAT_2 }]]);
        // the list marks what it is told, not what was clicked: the viewer decides what is open
        expect($(element, '[aria-current="true"]')?.dataset.id).toBe(CHAT_1);
        element.selectedChatId = CHAT_2;
        await flush();
        expect($$(element, '.chat-list__item').map((b) => [b.getAttribute('aria-current'), b.className])).toEqual([
            ['false', 'slds-button chat-list__item'],
            ['true', 'slds-button chat-list__item chat-list__item_selected']
        ]);
        await expect(element).toBeAccessible();
    });

    it('shows a chat name with markup as text', async () => {
        const hostile = { ...SECOND_PAGE.chats[0]!, name: '<img src=x onerror=alert(1)> <b>Bobby</b>' };
        const { element } = await render({ chats: [hostile] });
        expect(texts(element, '.chat-list__name')).toEqual(['<img src=x onerror=alert(1)> <b>Bobby</b>']);
        expect(element.shadowRoot!.querySelector('img, .chat-list__name b')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('offers more chats while there are more, waits while they load, and asks for them with loadmore', async () => {
        const { element, events } = await render({ chats: FIRST_PAGE.chats, hasMore: true });
        const more = button(element, '.chat-list__more')!;
        expect(more.label).toBe('Load more chats');
        expect(more.disabled).toBe(false);
        more.click();
        expect(events).toEqual([['loadmore', null]]);
        element.loadingMore = true;
        await flush();
        expect(button(element, '.chat-list__more')?.disabled).toBe(true);
        element.loadingMore = false;
        element.hasMore = false;
        element.chats = [...FIRST_PAGE.chats, ...SECOND_PAGE.chats];
        await flush();
        expect($(element, '.chat-list__more')).toBeNull();
        // the button that had the focus is gone: the focus is on the first chat loaded
        expect(element.shadowRoot!.activeElement).toBe($$(element, '.chat-list__item')[FIRST_PAGE.chats.length]);
        await expect(element).toBeAccessible();
    });

    it('puts the search box and its button in one row, in that order', async () => {
        const { element } = await render({ chats: FIRST_PAGE.chats });
        const rows = $$(element, '.search-row').map((row) =>
            Array.from(row.children, (child) => child.className.split(' ').pop())
        );
        expect(rows).toEqual([['chat-list__search-input', 'chat-list__search-button']]);
        await expect(element).toBeAccessible();
    });

    it('asks for a search with the trimmed term from the button and on Enter, not on other keys or an IME Enter', async () => {
        const { element, events } = await render({ chats: FIRST_PAGE.chats });
        expect(searchBox(element).value).toBe('');
        type(element, '.chat-list__search-input', '  invoice  ');
        click(element, '.chat-list__search-button');
        expect(press(element, '.chat-list__search-input', 'n')).toBe(true);
        // the Enter that confirms a word typed with an input method is the input method's, not a search
        expect(press(element, '.chat-list__search-input', 'Enter', false, true)).toBe(true);
        expect(press(element, '.chat-list__search-input', 'Enter')).toBe(false);
        type(element, '.chat-list__search-input', '');
        click(element, '.chat-list__search-button');
        expect(events).toEqual([
            ['search', { term: 'invoice' }],
            ['search', { term: 'invoice' }],
            ['search', { term: '' }]
        ]);
        await expect(element).toBeAccessible();
    });

    it('lists only the chats that mention the term, with a summary, until "Show all chats" clears the box', async () => {
        const { element, events } = await render({ chats: FIRST_PAGE.chats, selectedChatId: CHAT_1 });
        expect($(element, '.chat-list__summary')).toBeNull();
        type(element, '.chat-list__search-input', 'invoice');
        element.matchingChatIds = [CHAT_2];
        await flush();
        expect(texts(element, '.chat-list__name')).toEqual(['Offline message from Maria Lopez']);
        expect($(element, '.chat-list__summary')?.textContent.trim()).toBe('1 chat mentions it');

        const showAll = button(element, '.chat-list__summary lightning-button')!;
        expect(showAll.label).toBe('Show all chats');
        showAll.click();
        await flush();
        expect(events).toEqual([['clearsearch', null]]);
        expect(searchBox(element).value).toBe('');
        element.matchingChatIds = undefined;
        await flush();
        expect(texts(element, '.chat-list__name')).toEqual([
            'Chat with Maria Lopez',
            'Offline message from Maria Lopez'
        ]);
        expect($(element, '.chat-list__summary')).toBeNull();
        // "Show all chats" went with the filter: the focus is back in the search box
        expect(element.shadowRoot!.activeElement).toBe(searchBox(element));
        await expect(element).toBeAccessible();
    });

    it('counts several matching chats, and none', async () => {
        const { element } = await render({ chats: FIRST_PAGE.chats, matchingChatIds: [CHAT_1, CHAT_2] });
        expect($(element, '.chat-list__summary')?.textContent.trim()).toBe('2 chats mention it');
        expect(texts(element, '.chat-list__name')).toHaveLength(2);

        element.matchingChatIds = [];
        await flush();
        expect($(element, '.chat-list__summary')?.textContent.trim()).toBe('0 chats mention it');
        expect(texts(element, '.chat-list__name')).toEqual([]);
        await expect(element).toBeAccessible();
    });

    it('gives the search error to its panel and keeps the list', async () => {
        const failure = { body: { message: 'The search term is too long.' }, status: 400 };
        const { element } = await render({ chats: FIRST_PAGE.chats, searchError: failure });
        const panel = errorPanel(element, '.chat-list__search c-error-panel');
        expect(panel?.friendlyMessage).toBe('The chats could not be searched.');
        expect(panel?.errors).toEqual(failure);
        expect(panelReasons(panel)).toEqual(['The search term is too long.']);
        expect(texts(element, '.chat-list__name')).toHaveLength(2);
        element.searchError = undefined;
        await flush();
        expect($(element, 'c-error-panel')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
