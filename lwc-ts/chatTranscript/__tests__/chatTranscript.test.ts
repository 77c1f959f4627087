import { createElement } from 'lwc';
import ChatTranscript from 'c/chatTranscript';
import getChats from '@salesforce/apex/ChatTranscriptController.getChats';
import getTranscript from '@salesforce/apex/ChatTranscriptController.getTranscript';
import searchChats from '@salesforce/apex/ChatTranscriptController.searchChats';
import { FIRST_PAGE, SECOND_PAGE, TRANSCRIPT, HOSTILE, longTranscript } from './data/chatTranscriptData';

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
}

const chatsWire = getChats as unknown as WireMock & jest.Mock;
const transcriptCall = getTranscript as unknown as jest.Mock;
const searchCall = searchChats as unknown as jest.Mock;

interface TranscriptElement extends HTMLElement {
    recordId: string;
    windowSize: number;
}

function render(windowSize?: number): TranscriptElement {
    const element = createElement('c-chat-transcript', { is: ChatTranscript }) as unknown as TranscriptElement;
    element.recordId = '003000000000001AAA';
    if (windowSize !== undefined) {
        element.windowSize = windowSize;
    }
    document.body.appendChild(element);
    return element;
}

function root(element: HTMLElement): ShadowRoot {
    return element.shadowRoot!;
}

/** Lets wires, promises and re-renders settle. */
function flush(): Promise<void> {
    return new Promise((resolve) => {
        setTimeout(resolve, 0);
    });
}

function type(element: HTMLElement, selector: string, value: string): void {
    const input = root(element).querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new CustomEvent('input'));
}

describe('c-chat-transcript', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows a spinner while the chats load', async () => {
        const element = render();
        expect(root(element).querySelector('lightning-spinner')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says so when the record has no chats', async () => {
        const element = render();
        chatsWire.emit({ chats: [], nextCursor: null });
        await flush();
        expect(root(element).querySelector('.chat-transcript__empty')?.textContent).toBe(
            'No Comm100 chats for this record yet.'
        );
        await expect(element).toBeAccessible();
    });

    it('shows a readable error when the chats cannot be loaded', async () => {
        const element = render();
        chatsWire.error({ message: 'You do not have access to Comm100 chats.' });
        await flush();
        const panel = root(element).querySelector<HTMLElement & { friendlyMessage: string }>('c-error-panel');
        expect(panel?.friendlyMessage).toBe('The chats could not be loaded.');
        await expect(element).toBeAccessible();
    });

    it('lists the chats newest first and opens the newest transcript as a conversation', async () => {
        transcriptCall.mockResolvedValue(TRANSCRIPT);
        const element = render();
        chatsWire.emit(FIRST_PAGE);
        await flush();
        const names = Array.from(root(element).querySelectorAll('.chat-list__name')).map((n) => n.textContent);
        expect(names).toEqual(['Chat with Maria Lopez', 'Offline message from Maria Lopez']);
        expect(transcriptCall).toHaveBeenCalledWith({ chatId: 'a01000000000001AAA' });
        const messages = root(element).querySelectorAll('.message');
        expect(messages).toHaveLength(4);
        expect(messages[1]?.querySelector('.message__type')?.textContent).toBe('Agent');
        expect(messages[3]?.querySelector('.message__internal')?.textContent).toBe('Internal: not seen by the visitor');
        const link = messages[2]?.querySelector('a.message__attachment');
        expect(link?.getAttribute('href')).toBe('https://files.example.com/att/photo.jpg');
        expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
        expect(root(element).querySelector('[aria-current="true"]')?.textContent).toContain('Chat with Maria Lopez');
        await expect(element).toBeAccessible();
    });

    it('loads the next page of chats on demand', async () => {
        transcriptCall.mockResolvedValue(TRANSCRIPT);
        chatsWire.mockResolvedValue(SECOND_PAGE);
        const element = render();
        chatsWire.emit(FIRST_PAGE);
        await flush();
        root(element).querySelector<HTMLElement>('.chat-list__more')!.click();
        await flush();
        expect(chatsWire).toHaveBeenCalledWith({
            recordId: '003000000000001AAA',
            pageSize: 20,
            cursor: FIRST_PAGE.nextCursor
        });
        expect(root(element).querySelectorAll('.chat-list__name')).toHaveLength(3);
        expect(root(element).querySelector('.chat-list__more')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('highlights matches in the transcript and moves between them', async () => {
        transcriptCall.mockResolvedValue(TRANSCRIPT);
        const element = render();
        chatsWire.emit(FIRST_PAGE);
        await flush();
        type(element, '.transcript__search-input', 'refund');
        await flush();
        expect(root(element).querySelector('.transcript__match-count')?.textContent).toBe('1 of 2');
        const marks = Array.from(root(element).querySelectorAll('.message__match')).map((m) => m.textContent);
        expect(marks).toEqual(['Refund', 'refund']);
        root(element).querySelector<HTMLElement>('.transcript__next')!.click();
        await flush();
        expect(root(element).querySelector('.transcript__match-count')?.textContent).toBe('2 of 2');
        expect(root(element).querySelector('.message_current')?.textContent).toContain('Check the refund policy');
        await expect(element).toBeAccessible();
    });

    it('renders a long transcript in a window and jumps to a match far down', async () => {
        transcriptCall.mockResolvedValue(longTranscript(10000));
        const element = render();
        chatsWire.emit(FIRST_PAGE);
        await flush();
        expect(root(element).querySelectorAll('.message')).toHaveLength(30);
        expect(root(element).querySelector('.transcript__messages')?.getAttribute('aria-label')).toBe(
            'Messages 1 to 30 of 10000'
        );
        type(element, '.transcript__search-input', 'needle');
        await flush();
        expect(root(element).querySelector('.message_current')?.textContent).toContain('Message number 9995');
        expect(root(element).querySelectorAll('.message').length).toBeLessThanOrEqual(30);
        await expect(element).toBeAccessible();
    });

    it('shows earlier and later messages on request', async () => {
        transcriptCall.mockResolvedValue(longTranscript(200));
        const element = render(50);
        chatsWire.emit(FIRST_PAGE);
        await flush();
        expect(root(element).querySelector('.transcript__earlier')).toBeNull();
        root(element).querySelector<HTMLElement>('.transcript__later')!.click();
        await flush();
        expect(root(element).querySelectorAll('.message')).toHaveLength(100);
        await expect(element).toBeAccessible();
    });

    it('renders hostile content as text and never as a link or element', async () => {
        transcriptCall.mockResolvedValue(HOSTILE);
        const element = render();
        chatsWire.emit(FIRST_PAGE);
        await flush();
        const message = root(element).querySelector('.message')!;
        expect(message.querySelector('.message__sender')?.textContent).toBe('<b>Bobby</b>');
        expect(message.querySelector('.message__content')?.textContent).toBe(
            '<svg onload=alert(1)>hi</svg> <img src=x onerror=alert(2)>'
        );
        expect(message.querySelector('svg, img, b')).toBeNull();
        expect(message.querySelector('a')).toBeNull();
        expect(message.querySelector('.message__attachment')?.textContent).toBe('Attachment: javascript:alert(3)');
        await expect(element).toBeAccessible();
    });

    it('shows a readable error when a transcript cannot be loaded', async () => {
        transcriptCall.mockRejectedValue({ body: { message: 'You do not have access to Comm100 chats.' } });
        const element = render();
        chatsWire.emit(FIRST_PAGE);
        await flush();
        const panel = root(element).querySelector<HTMLElement & { friendlyMessage: string }>(
            '.transcript c-error-panel'
        );
        expect(panel?.friendlyMessage).toBe('The transcript could not be loaded.');
        await expect(element).toBeAccessible();
    });

    it('searches across the record chats and keeps only those that mention the term', async () => {
        transcriptCall.mockResolvedValue(TRANSCRIPT);
        searchCall.mockResolvedValue(['a01000000000002AAA']);
        const element = render();
        chatsWire.emit(FIRST_PAGE);
        await flush();
        type(element, '.chat-list__search-input', 'invoice');
        root(element).querySelector<HTMLElement>('.chat-list__search-button')!.click();
        await flush();
        expect(searchCall).toHaveBeenCalledWith({ recordId: '003000000000001AAA', term: 'invoice' });
        const names = Array.from(root(element).querySelectorAll('.chat-list__name')).map((n) => n.textContent);
        expect(names).toEqual(['Offline message from Maria Lopez']);
        expect(root(element).querySelector('.chat-list__summary')?.textContent).toContain('1 chat mentions it');
        await expect(element).toBeAccessible();
    });
});
