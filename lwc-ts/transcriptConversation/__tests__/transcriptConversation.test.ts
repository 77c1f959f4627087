import { createElement } from 'lwc';
import TranscriptConversation from 'c/transcriptConversation';
import type { ChatSummary } from '@salesforce/apex/ChatTranscriptController.getChats';
import type { Transcript } from '@salesforce/apex/ChatTranscriptController.getTranscript';
import {
    FIRST_PAGE,
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
} from '../../chatTranscript/__tests__/data/chatTranscriptData';
import {
    $,
    $$,
    button,
    click,
    contents,
    currentHost,
    currentMessage,
    flush,
    hosts,
    matchCount,
    plain,
    press,
    frame,
    range,
    settle,
    type
} from '../../chatTranscript/__tests__/data/helpers';
import type { IconStub, MessageHost } from '../../chatTranscript/__tests__/data/helpers';

interface ConversationElement extends HTMLElement {
    messages: Transcript['messages'];
    chat: ChatSummary | undefined;
    windowSize: number;
    showMessage(position: number): void;
}

const [MARIA_CHAT, OFFLINE_CHAT] = FIRST_PAGE.chats as [ChatSummary, ChatSummary];

/** Renders the conversation of `transcript` (of the chat `chat`) and lets it settle. */
async function render(
    transcript: Transcript,
    windowSize?: number,
    chat: ChatSummary = MARIA_CHAT
): Promise<ConversationElement> {
    const element = createElement('c-transcript-conversation', {
        is: TranscriptConversation
    }) as unknown as ConversationElement;
    if (windowSize !== undefined) {
        element.windowSize = windowSize;
    }
    element.chat = chat;
    element.messages = transcript.messages;
    document.body.appendChild(element);
    await flush();
    return element;
}

function windowLabel(element: HTMLElement): string | null | undefined {
    return $(element, '.transcript__messages')?.getAttribute('aria-label');
}

/** What the reader sees highlighted in a rendered message. */
function marks(host: MessageHost | undefined): (string | null)[] {
    return Array.from(host?.shadowRoot?.querySelectorAll('mark') ?? [], (mark) => mark.textContent);
}

/** The rendered messages' numbers, for the numbered long transcripts. */
function numbers(element: HTMLElement): number[] {
    return contents(element).map((content) => Number(/Message number (\d+)/.exec(content ?? '')?.[1]));
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
    box.getBoundingClientRect = () => ({ top: 100, bottom: 600, height: 500 }) as DOMRect;
    jest.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function place(this: Element) {
        const position = Array.from(this.parentElement?.children ?? []).indexOf(this);
        const itemTop = 100 + position * 100 - top;
        return { top: itemTop, bottom: itemTop + 100 } as DOMRect;
    });
    return { scrollTop: () => top };
}

describe('c-transcript-conversation', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    describe('the conversation', () => {
        it('frames the conversation in the SLDS chat layout: bookends, every message through c-transcript-message', async () => {
            const element = await render(CONVERSATION, undefined, LABELLED_PAGE.chats[0]);
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
            const icons = $$(element, '.slds-chat-bookend lightning-icon') as IconStub[];
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
            await expect(element).toBeAccessible();
        });

        it('names an offline message and a chat without an end in its bookends', async () => {
            const element = await render(TRANSCRIPT);
            expect(plain($(element, '.transcript__start p')?.textContent)).toBe(
                'Chat started by Maria Lopez • Nov 25, 2025, 1:40 AM'
            );
            element.chat = OFFLINE_CHAT;
            element.messages = OFFLINE_TRANSCRIPT.messages;
            await flush();
            expect(plain($(element, '.transcript__start p')?.textContent)).toBe(
                'Offline message from Maria Lopez • Nov 20, 2025, 12:00 AM'
            );
            expect($(element, '.transcript__end p')?.textContent).toBe('End of the transcript');
            await expect(element).toBeAccessible();
        });

        it('puts the search box, its count and its buttons in one row, in that order', async () => {
            const element = await render(TRANSCRIPT);
            const rows = $$(element, '.search-row').map((row) =>
                Array.from(row.children, (child) => child.className.split(' ').pop())
            );
            expect(rows).toEqual([
                ['transcript__search-input', 'transcript__match-count', 'transcript__previous', 'transcript__next']
            ]);
            await expect(element).toBeAccessible();
        });

        it('without messages shows only the search box, and searches a term typed then in the messages that come', async () => {
            const element = await render({ chatId: MARIA_CHAT.id, messages: [] });
            expect($$(element, 'input').map((input) => input.className)).toEqual([
                'slds-input search-row__input transcript__search-input'
            ]);
            expect($(element, '.transcript__messages')).toBeNull();
            expect($(element, '.transcript__toolbar')).toBeNull();
            type(element, '.transcript__search-input', 'e');
            await flush();
            // no messages to count in: no count (not "No matches", which the term may well have once they come)
            expect(matchCount(element)).toBe('');

            element.chat = OFFLINE_CHAT;
            element.messages = OFFLINE_TRANSCRIPT.messages;
            await flush();
            expect(contents(element)).toEqual(['Please send the invoice again.']);
            expect(matchCount(element)).toBe('1 of 1');
            expect(currentMessage(element)).toBe('Please send the invoice again.');

            // the messages go (another chat is loading): the count goes at once, and nothing is rendered
            element.messages = [];
            await flush();
            expect(matchCount(element)).toBe('');
            expect(hosts(element)).toHaveLength(0);
            await expect(element).toBeAccessible();
        });

        it('renders hostile content as text and never as a link or element', async () => {
            const element = await render(HOSTILE);
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
            const element = await render(longTranscript(10000));
            expect(numbers(element)).toEqual(range(0, 30));
            expect(windowLabel(element)).toBe('Messages 1 to 30 of 10000');
            expect(button(element, '.transcript__earlier')?.disabled).toBe(true);
            expect(button(element, '.transcript__later')?.label).toBe('Show later messages');
            expect(button(element, '.transcript__later')?.disabled).toBe(false);
            expect($(element, '.transcript__start')).not.toBeNull();
            expect($(element, '.transcript__end')).toBeNull();

            type(element, '.transcript__search-input', 'needle');
            await settle();
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
            const element = await render(longTranscript(50), 20);
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
            const element = await render(longTranscript(60), 20);
            type(element, '.transcript__search-input', 'needle');
            await settle();
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
            await settle();
            expect(windowLabel(element)).toBe('Messages 41 to 60 of 60');
            expect(currentMessage(element)).toBe('Message number 55 mentions the needle');
            await expect(element).toBeAccessible();
        });

        it('goes to the last and first message of 100,000 with the buttons and with End and Home, never holding more than the window', async () => {
            const scrollIntoView = jest.fn();
            Element.prototype.scrollIntoView = scrollIntoView;
            const element = await render(longTranscript(100000));
            const layout = layOut(element, 0);
            const toEnd = $(element, '.transcript__to-end') as HTMLElement & { alternativeText: string };
            expect(toEnd.alternativeText).toBe('Go to the last message');
            toEnd.click();
            await settle();
            expect(numbers(element)).toEqual(range(99970, 100000));
            expect($(element, '.transcript__end')).not.toBeNull();
            // scrolled to the very bottom: 30 messages and the end bookend, 100 px each
            expect(layout.scrollTop()).toBe(3100);

            click(element, '.transcript__to-start');
            await settle();
            expect(numbers(element)).toEqual(range(0, 30));
            expect($(element, '.transcript__start')).not.toBeNull();

            expect(pressInConversation(element, 'End')).toBe(false);
            await settle();
            expect(windowLabel(element)).toBe('Messages 99971 to 100000 of 100000');
            expect(pressInConversation(element, 'Home')).toBe(false);
            await settle();
            expect(windowLabel(element)).toBe('Messages 1 to 30 of 100000');
            // other keys scroll as the browser does
            expect(pressInConversation(element, 'PageDown')).toBe(true);
            expect(pressInConversation(element, 'ArrowDown')).toBe(true);
            await settle();
            expect(windowLabel(element)).toBe('Messages 1 to 30 of 100000');
            expect(scrollIntoView).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();
        });

        it('never renders more than 200 messages, whatever window is configured', async () => {
            const element = await render(longTranscript(1000), 100000);
            expect(hosts(element)).toHaveLength(200);
            click(element, '.transcript__later');
            await flush();
            expect(hosts(element)).toHaveLength(200);
            expect(windowLabel(element)).toBe('Messages 101 to 300 of 1000');
            click(element, '.transcript__to-end');
            await settle();
            expect(hosts(element)).toHaveLength(200);
            expect(windowLabel(element)).toBe('Messages 801 to 1000 of 1000');
            await expect(element).toBeAccessible();
        });

        it('applies a window size given after the messages, and a new size at once from the first message shown', async () => {
            const element = createElement('c-transcript-conversation', {
                is: TranscriptConversation
            }) as unknown as ConversationElement;
            element.chat = MARIA_CHAT;
            element.messages = longTranscript(100).messages;
            element.windowSize = 10;
            document.body.appendChild(element);
            await flush();
            expect(windowLabel(element)).toBe('Messages 1 to 10 of 100');
            expect(hosts(element)).toHaveLength(10);

            click(element, '.transcript__later');
            await flush();
            expect(windowLabel(element)).toBe('Messages 6 to 15 of 100');
            element.windowSize = 40;
            await flush();
            expect(windowLabel(element)).toBe('Messages 6 to 45 of 100');
            element.windowSize = 200;
            await flush();
            expect(windowLabel(element)).toBe('Messages 1 to 100 of 100');
            element.windowSize = 20;
            await flush();
            expect(windowLabel(element)).toBe('Messages 1 to 20 of 100');
            await expect(element).toBeAccessible();
        });

        it('shows a given message through showMessage, in view, and the nearest end for a position outside the chat', async () => {
            const scrollIntoView = jest.fn();
            Element.prototype.scrollIntoView = scrollIntoView;
            const element = await render(longTranscript(10000));
            element.showMessage(5000);
            await settle();
            expect(windowLabel(element)).toBe('Messages 4986 to 5015 of 10000');
            expect(scrollIntoView.mock.calls).toEqual([[{ block: 'nearest' }]]);
            expect((scrollIntoView.mock.contexts[0] as MessageHost).message.content).toBe('Message number 5000');
            // a message already in the window: no move, but it is scrolled into view
            element.showMessage(4990);
            await settle();
            expect(windowLabel(element)).toBe('Messages 4986 to 5015 of 10000');
            expect((scrollIntoView.mock.contexts[1] as MessageHost).message.content).toBe('Message number 4990');
            element.showMessage(-3);
            await settle();
            expect(windowLabel(element)).toBe('Messages 1 to 30 of 10000');
            element.showMessage(1e9);
            await settle();
            expect(windowLabel(element)).toBe('Messages 9971 to 10000 of 10000');
            expect((scrollIntoView.mock.contexts[3] as MessageHost).message.content).toBe('Message number 9999');
            await expect(element).toBeAccessible();
        });

        it("shows a screenful around a jump's target at once and the rest of its window a frame later, keeping what is in view in place", async () => {
            const scrollIntoView = jest.fn();
            Element.prototype.scrollIntoView = scrollIntoView;
            const element = await render(longTranscript(10000));
            element.showMessage(5000);
            await flush();
            expect(windowLabel(element)).toBe('Messages 4996 to 5005 of 10000');
            expect(numbers(element)).toEqual(range(4995, 5005));
            expect((scrollIntoView.mock.contexts[0] as MessageHost).message.content).toBe('Message number 5000');
            // The reader's view: the box at 300 px, so message 4998 (the 4th item) is the first in view, at its top.
            const layout = layOut(element, 300);
            await settle();
            expect(scroller(element).style.minHeight).toBe('');
            expect(windowLabel(element)).toBe('Messages 4986 to 5015 of 10000');
            expect(numbers(element)).toEqual(range(4985, 5015));
            // Ten messages came in above message 4998: it is the 14th item now, and still at the top of the box.
            expect(layout.scrollTop()).toBe(1300);
            expect(scrollIntoView).toHaveBeenCalledTimes(1);

            // The end: its last ten messages and the end bookend at once, then the rest.
            click(element, '.transcript__to-end');
            await flush();
            expect(windowLabel(element)).toBe('Messages 9991 to 10000 of 10000');
            expect($(element, '.transcript__end')).not.toBeNull();
            await settle();
            expect(windowLabel(element)).toBe('Messages 9971 to 10000 of 10000');
            await expect(element).toBeAccessible();
        });

        it("keeps what a jump next door keeps, and holds the box's height until the window comes", async () => {
            const element = await render(longTranscript(10000));
            layOut(element, 0);
            element.showMessage(31);
            await flush();
            // Messages 17 to 30 stay, 31 to 36 are new; the rest of the window comes a frame later.
            expect(windowLabel(element)).toBe('Messages 17 to 36 of 10000');
            expect(scroller(element).style.minHeight).toBe('500px');
            await settle();
            expect(windowLabel(element)).toBe('Messages 17 to 46 of 10000');
            expect(scroller(element).style.minHeight).toBe('');
            await expect(element).toBeAccessible();
        });

        it("fills only the latest jump's window, two frames after it, and counts a new chat as nothing rendered", async () => {
            const element = await render(longTranscript(10000));
            element.showMessage(5000);
            await flush();
            await frame();
            element.showMessage(3000);
            await flush();
            await frame();
            // The first jump's fill is due now: it is not the latest, so the second jump's window waits its turn.
            expect(windowLabel(element)).toBe('Messages 2996 to 3005 of 10000');
            await settle();
            expect(windowLabel(element)).toBe('Messages 2986 to 3015 of 10000');

            // The term is kept for the next chat and matches its message 36: no message of it is rendered yet, so
            // only ten come at once, not the twenty from its start window on.
            type(element, '.transcript__search-input', 'kiwi');
            element.messages = markedTranscript(100, { 35: 'kiwi' }).messages;
            await flush();
            expect(windowLabel(element)).toBe('Messages 31 to 40 of 100');
            await settle();
            expect(windowLabel(element)).toBe('Messages 21 to 50 of 100');
            await expect(element).toBeAccessible();
        });

        it("drops the rest of a jump's window when the reader moves first, keeps it for a jump inside it, and ignores scrolling until it comes", async () => {
            const element = await render(longTranscript(10000));
            element.showMessage(5000);
            await flush();
            click(element, '.transcript__earlier');
            await settle();
            // "Show earlier messages" moved from what was rendered; the jump's window did not come after it.
            expect(windowLabel(element)).toBe('Messages 4981 to 5005 of 10000');

            // The next match is in the part already shown: the same window still comes (no window of 10 left).
            element.showMessage(3000);
            await flush();
            expect(windowLabel(element)).toBe('Messages 2996 to 3005 of 10000');
            element.showMessage(3003);
            await flush();
            expect(windowLabel(element)).toBe('Messages 2996 to 3008 of 10000');
            await settle();
            expect(windowLabel(element)).toBe('Messages 2986 to 3015 of 10000');

            element.showMessage(8000);
            await flush();
            // Scrolled to the top while only the jump's first part is there: no step earlier, the window comes.
            const layout = layOut(element, 0);
            scroller(element).dispatchEvent(new CustomEvent('scroll'));
            await flush();
            expect(windowLabel(element)).toBe('Messages 7996 to 8005 of 10000');
            await settle();
            expect(windowLabel(element)).toBe('Messages 7986 to 8015 of 10000');
            expect(layout.scrollTop()).toBe(1000);
            await expect(element).toBeAccessible();
        });

        it('brings later messages in when scrolled near the bottom, keeping the message in view where it was', async () => {
            const element = await render(longTranscript(100), 20);
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
            const element = await render(longTranscript(100), 20);
            click(element, '.transcript__to-end');
            await settle();
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
            const element = await render(TRANSCRIPT);
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
            const element = await render(TRANSCRIPT);
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
            const element = await render(SCRIPTS);
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
            const element = await render(REFUNDS);
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
            const element = await render(REFUNDS);
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
            const element = await render(REFUNDS);
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
            // the Enter that confirms a word typed with an input method (Japanese, say) is the input method's
            expect(press(element, '.transcript__search-input', 'Enter', false, true)).toBe(true);
            await flush();
            expect(matchCount(element)).toBe('3 of 3');
            await expect(element).toBeAccessible();
        });

        it('scrolls the current match into view once per move, not on every render', async () => {
            const scrollIntoView = jest.fn();
            Element.prototype.scrollIntoView = scrollIntoView;
            const element = await render(REFUNDS);
            type(element, '.transcript__search-input', 'refund');
            await flush();
            expect(scrollIntoView.mock.calls).toEqual([[{ block: 'nearest' }]]);
            expect(scrollIntoView.mock.contexts[0]).toBe(currentHost(element));
            expect((scrollIntoView.mock.contexts[0] as MessageHost).message.content).toBe('Refund requested.');

            // an unrelated re-render (the chat's summary changes its end bookend) scrolls nothing
            element.chat = { ...MARIA_CHAT, endTime: null };
            await flush();
            expect($(element, '.transcript__end p')?.textContent).toBe('End of the transcript');
            expect(scrollIntoView).toHaveBeenCalledTimes(1);

            click(element, '.transcript__next');
            await flush();
            expect(scrollIntoView).toHaveBeenCalledTimes(2);
            expect((scrollIntoView.mock.contexts[1] as MessageHost).message.content).toContain('SO-1: refund it');
            await expect(element).toBeAccessible();
        });

        it('keeps the window when the match is in view, and moves it when the match is just outside', async () => {
            const element = await render(
                markedTranscript(100, { 9: 'delta', 10: 'gamma', 19: 'alpha', 20: 'beta' }),
                20
            );
            const seen = [];
            for (const term of ['alpha', 'beta', 'gamma', 'delta']) {
                type(element, '.transcript__search-input', term);
                // eslint-disable-next-line no-await-in-loop -- each step acts on what the previous one rendered
                await settle();
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
            const element = await render(longTranscript(60), 20);
            type(element, '.transcript__search-input', 'needle');
            await settle();
            expect(windowLabel(element)).toBe('Messages 41 to 60 of 60');
            type(element, '.transcript__search-input', '');
            element.chat = OFFLINE_CHAT;
            element.messages = longTranscript(50).messages;
            await flush();
            expect(windowLabel(element)).toBe('Messages 1 to 20 of 50');
            expect(numbers(element)).toEqual(range(0, 20));
            await expect(element).toBeAccessible();
        });
    });
});
