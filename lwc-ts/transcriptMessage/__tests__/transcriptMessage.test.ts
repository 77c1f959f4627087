import { createElement } from 'lwc';
import TranscriptMessage, { FOLD_LIMIT } from 'c/transcriptMessage';
import type { TextRange } from 'c/transcriptMessage';
import type { TranscriptMessage as Message } from '@salesforce/apex/ChatTranscriptController.getTranscript';

interface MessageElement extends HTMLElement {
    message: Message | undefined;
    highlights: TextRange[] | null | undefined;
    current: boolean;
}

type IconStub = HTMLElement & { iconName: string; alternativeText: string | undefined };

const SENT_AT = '2025-11-25T10:00:01.000Z';
// A family: man, ZWJ, woman, ZWJ, girl: one grapheme of 8 UTF-16 code units.
const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';

function message(fields: Partial<Message> = {}): Message {
    return {
        sentAt: SENT_AT,
        senderName: 'Maria Lopez',
        senderType: 'visitor',
        content: 'Hello, my order has not arrived.',
        attachmentUrl: null,
        translation: null,
        ...fields
    };
}

/** Renders the message as the viewer does: the host is an item of the chat list, inside a log. */
async function render(
    value: Message | undefined,
    options: { highlights?: TextRange[] | null; current?: boolean } = {}
): Promise<MessageElement> {
    const log = document.createElement('section');
    log.setAttribute('role', 'log');
    log.setAttribute('aria-label', 'Transcript');
    log.className = 'slds-chat';
    const list = document.createElement('ul');
    list.className = 'slds-chat-list';
    log.appendChild(list);
    document.body.appendChild(log);
    const element = createElement('c-transcript-message', { is: TranscriptMessage }) as unknown as MessageElement;
    element.message = value;
    if (options.highlights !== undefined) {
        element.highlights = options.highlights;
    }
    if (options.current !== undefined) {
        element.current = options.current;
    }
    list.appendChild(element);
    await Promise.resolve();
    return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot!.querySelector<HTMLElement>(selector);
}

function $$(element: HTMLElement, selector: string): HTMLElement[] {
    return Array.from(element.shadowRoot!.querySelectorAll<HTMLElement>(selector));
}

function item(element: HTMLElement): HTMLElement {
    return $(element, '.slds-chat-listitem')!;
}

function text(node: Element | null): string {
    return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The meta line as read: without the avatar, which is decorative (aria-hidden). */
function meta(element: HTMLElement): string {
    const line = $(element, '.slds-chat-message__meta')!.cloneNode(true) as HTMLElement;
    line.querySelector('.transcript-message__avatar')?.remove();
    return text(line);
}

/** The avatar's initials and its classes (shape on the avatar, colour on the initials). */
function avatar(element: HTMLElement): { initials: string; shape: string; colour: string; hidden: string | null } {
    const box = $(element, '.transcript-message__avatar')!;
    const abbr = box.querySelector('abbr')!;
    return {
        initials: abbr.textContent,
        shape: box.className,
        colour: abbr.className,
        hidden: box.getAttribute('aria-hidden')
    };
}

const ROUND = 'slds-avatar slds-avatar_circle slds-avatar_x-small transcript-message__avatar';

function graphemeCount(value: string): number {
    return [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(value)].length;
}

function foldButton(element: HTMLElement): HTMLButtonElement | null {
    return $(element, '.transcript-message__fold') as HTMLButtonElement | null;
}

function shown(element: HTMLElement): string {
    return $(element, '.transcript-message__shown')!.textContent;
}

// 3,000 characters of short sentences: whitespace everywhere near the fold.
const LONG = 'The parcel left the depot. '.repeat(112).slice(0, 3000);

afterEach(() => {
    document.body.replaceChildren();
});

describe('c-transcript-message', () => {
    it("shows a visitor's message inbound, with name, sender type and time in the meta line", async () => {
        const element = await render(message());
        expect(element.getAttribute('role')).toBe('listitem');
        expect(item(element).className).toBe(
            'slds-chat-listitem slds-chat-listitem_inbound transcript-message transcript-message_visitor'
        );
        const bubble = $(element, '.slds-chat-message__text')!;
        expect(bubble.className).toBe(
            'slds-chat-message__text slds-chat-message__text_inbound transcript-message__text'
        );
        expect(bubble.getAttribute('dir')).toBe('auto');
        expect(bubble.textContent).toBe('Hello, my order has not arrived.');
        expect($$(element, 'mark')).toHaveLength(0);
        expect(meta(element)).toBe('Maria Lopez • Visitor • 2:00 AM');
        const time = $(element, 'time')!;
        expect(time.getAttribute('datetime')).toBe('2025-11-25T10:00:01.000Z');
        expect(time.getAttribute('title')).toBe('Nov 25, 2025, 2:00 AM');
        expect(avatar(element)).toEqual({
            initials: 'ML',
            shape: ROUND,
            colour: 'slds-avatar__initials slds-icon-standard-customer',
            hidden: 'true'
        });
        expect($(element, '.transcript-message__avatar abbr')!.getAttribute('title')).toBe('Maria Lopez');
        expect($(element, 'lightning-icon')).toBeNull();
        expect($(element, '.slds-chat-event')).toBeNull();
        expect($(element, '.transcript-message__note-label')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it("shows an agent's message outbound in the brand tint, with the agent's avatar and label", async () => {
        const element = await render(message({ senderType: 'agent', senderName: 'Ana', content: 'Let me check.' }));
        expect(item(element).classList).toContain('slds-chat-listitem_outbound');
        expect($(element, '.slds-chat-message__text')!.classList).toContain('slds-chat-message__text_outbound');
        expect($(element, '.slds-chat-message__body')!.classList).toContain('transcript-message__body_outbound');
        expect(meta(element)).toBe('Ana • Agent • 2:00 AM');
        expect(avatar(element)).toEqual({
            initials: 'A',
            shape: ROUND,
            colour: 'slds-avatar__initials slds-icon-standard-user',
            hidden: 'true'
        });
        await expect(element).toBeAccessible();
    });

    it("tells a bot's message from an agent's by avatar shape, colour and label, not only by tint", async () => {
        const element = await render(message({ senderType: 'bot', senderName: 'Comm100 Bot', content: 'Hi! 👋' }));
        expect(item(element).classList).toContain('slds-chat-listitem_outbound');
        const bubble = $(element, '.slds-chat-message__text')!;
        expect(bubble.classList).toContain('slds-chat-message__text_outbound-agent');
        expect(bubble.classList).not.toContain('slds-chat-message__text_outbound');
        expect(meta(element)).toBe('Comm100 Bot • Bot • 2:00 AM');
        // Square: SLDS draws what is not a person square.
        expect(avatar(element)).toEqual({
            initials: 'CB',
            shape: 'slds-avatar slds-avatar_x-small transcript-message__avatar',
            colour: 'slds-avatar__initials slds-icon-standard-robot',
            hidden: 'true'
        });
        await expect(element).toBeAccessible();
    });

    it('shows a system line as a chat event, centred, without a sender', async () => {
        const element = await render(
            message({ senderType: 'system', senderName: '', content: 'Agent Ana has joined the chat.' })
        );
        expect(item(element).className).toBe(
            'slds-chat-listitem slds-chat-listitem_event transcript-message transcript-message_system'
        );
        const event = $(element, '.slds-chat-event')!;
        expect(text(event)).toBe('Agent Ana has joined the chat. • 2:00 AM');
        expect(event.querySelector('.transcript-message__content')?.getAttribute('dir')).toBe('auto');
        const icon = $(element, '.slds-chat-icon') as IconStub;
        expect(icon.iconName).toBe('utility:info');
        expect(icon.alternativeText).toBe('System message');
        expect($(element, '.slds-chat-message')).toBeNull();
        expect($(element, '.slds-chat-message__meta')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows a system line without a time as its text alone', async () => {
        const element = await render(message({ senderType: 'system', sentAt: null, content: 'Chat transferred.' }));
        expect(text($(element, '.slds-chat-event'))).toBe('Chat transferred.');
        expect($(element, 'time')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('labels an internal note, styles it apart and never presents it as sent to the visitor', async () => {
        const element = await render(
            message({ senderType: 'note', senderName: 'Ana', content: 'Customer is a VIP, offer the upgrade.' })
        );
        expect(item(element).classList).toContain('slds-chat-listitem_outbound');
        expect(item(element).classList).toContain('transcript-message_note');
        expect(text($(element, '.transcript-message__note-label'))).toBe('Internal note · not sent to the visitor');
        const bubble = $(element, '.slds-chat-message__text')!;
        expect(bubble.className).toBe('slds-chat-message__text transcript-message__note transcript-message__text');
        expect(meta(element)).toBe('Ana • Internal note • 2:00 AM');
        expect(avatar(element)).toEqual({
            initials: 'A',
            shape: ROUND,
            colour: 'slds-avatar__initials slds-icon-standard-note',
            hidden: 'true'
        });
        expect(($(element, '.transcript-message__note-label lightning-icon') as IconStub).iconName).toBe(
            'utility:lock'
        );
        await expect(element).toBeAccessible();
    });

    it('links an http(s) attachment as a file item that opens in a new tab, named from its address', async () => {
        const element = await render(
            message({
                content: 'Here is the invoice.',
                attachmentUrl: 'https://files.example.com/a/invoice%2042.pdf?x=1'
            })
        );
        const file = $(element, '.slds-chat-message__file')!;
        expect(file.className).toBe('slds-chat-message__file slds-chat-message__file_inbound transcript-message__file');
        expect(file.querySelector('.slds-file .slds-file__title')).not.toBeNull();
        const link = file.querySelector('a')!;
        expect(link.getAttribute('href')).toBe('https://files.example.com/a/invoice%2042.pdf?x=1');
        expect(link.target).toBe('_blank');
        expect(link.rel).toBe('noopener noreferrer');
        expect(text(link)).toBe('invoice 42.pdf (attachment, opens in a new tab)');
        expect($(element, '.transcript-message__attachment-text')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('names a link to a site root by its host, and puts an outbound file on the outbound side', async () => {
        const element = await render(
            message({ senderType: 'agent', content: null, attachmentUrl: 'http://example.com' })
        );
        expect($(element, '.slds-chat-message__file')!.classList).toContain('slds-chat-message__file_outbound');
        expect(text($(element, '.transcript-message__attachment-link bdi'))).toBe('example.com');
        expect($(element, '.slds-chat-message__text')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it.each([
        // eslint-disable-next-line no-script-url -- the hostile link that must stay text
        'javascript:alert(document.cookie)',
        'data:text/html,<script>alert(1)</script>',
        'ftp://files.example.com/invoice.pdf',
        'not a url'
    ])('shows an attachment at %s as text, never as a link', async (url) => {
        const element = await render(message({ attachmentUrl: url }));
        expect($(element, 'a')).toBeNull();
        expect(text($(element, '.transcript-message__attachment-text'))).toBe(`Attachment (not a web link): ${url}`);
        await expect(element).toBeAccessible();
    });

    it('renders markup in names and messages as text', async () => {
        const element = await render(
            message({
                senderName: '<img src=x onerror=alert(1)>',
                content: '<svg onload=alert(1)>hi</svg> <a href="javascript:alert(2)">click</a>',
                translation: '<b>bonjour</b>'
            })
        );
        expect($$(element, 'img, svg, b, a')).toHaveLength(0);
        expect($(element, '.slds-chat-message__text')!.textContent).toBe(
            '<svg onload=alert(1)>hi</svg> <a href="javascript:alert(2)">click</a>'
        );
        expect(text($(element, '.transcript-message__sender'))).toBe('<img src=x onerror=alert(1)>');
        expect(text($(element, '.transcript-message__translation'))).toBe('Translation: <b>bonjour</b>');
        await expect(element).toBeAccessible();
    });

    it('lets right-to-left text take its own direction, and isolates names and translations', async () => {
        const element = await render(
            message({
                senderName: 'مريم',
                content: 'طلبي رقم 12345 لم يصل بعد',
                translation: 'My order number 12345 has not arrived yet'
            })
        );
        expect($(element, '.slds-chat-message__text')!.getAttribute('dir')).toBe('auto');
        expect($(element, '.slds-chat-message__text')!.textContent).toBe('طلبي رقم 12345 لم يصل بعد');
        expect($(element, '.transcript-message__sender')!.tagName).toBe('BDI');
        expect(text($(element, '.transcript-message__sender'))).toBe('مريم');
        expect($(element, '.transcript-message__translation-text')!.tagName).toBe('BDI');
        await expect(element).toBeAccessible();
    });

    it('shows the sender type as the name when there is no sender name', async () => {
        const element = await render(message({ senderType: 'bot', senderName: '  ' }));
        expect(meta(element)).toBe('Bot • 2:00 AM');
        expect($(element, '.transcript-message__role')).toBeNull();
        expect(avatar(element).initials).toBe('B');
        await expect(element).toBeAccessible();
    });

    it('shows no time for a message without one, and an unreadable time as it came', async () => {
        const element = await render(message({ sentAt: null }));
        expect(meta(element)).toBe('Maria Lopez • Visitor');
        element.message = message({ sentAt: 'soon' });
        await Promise.resolve();
        expect(text($(element, 'time'))).toBe('soon');
        expect($(element, 'time')!.getAttribute('datetime')).toBe('');
        await expect(element).toBeAccessible();
    });

    it('highlights each given range whole, as a <mark> inside a <bdi>, the rest as plain text', async () => {
        const content = 'Refund, refund!';
        const element = await render(message({ content }), {
            highlights: [
                { start: 0, end: 6 },
                { start: 8, end: 14 }
            ]
        });
        const bubble = $(element, '.slds-chat-message__text')!;
        expect(bubble.textContent).toBe(content);
        const marks = $$(element, 'bdi > mark');
        expect(marks.map((m) => m.textContent)).toEqual(['Refund', 'refund']);
        expect(marks.map((m) => m.className)).toEqual(['transcript-message__mark', 'transcript-message__mark']);
        expect(
            Array.from(bubble.querySelector('.transcript-message__shown')!.children).map(
                (c) => `${c.tagName}:${c.textContent}`
            )
        ).toEqual(['BDI:Refund', 'SPAN:, ', 'BDI:refund', 'SPAN:!']);
        await expect(element).toBeAccessible();
    });

    it('never splits an emoji ZWJ sequence the parent highlights as one range', async () => {
        const content = `Family ${FAMILY} photo`;
        const start = content.indexOf(FAMILY);
        const element = await render(message({ content }), {
            highlights: [{ start, end: start + FAMILY.length }]
        });
        const marks = $$(element, 'mark');
        expect(marks).toHaveLength(1);
        expect(marks[0]!.textContent).toBe(FAMILY);
        expect([...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(marks[0]!.textContent)]).toHaveLength(
            1
        );
        expect($(element, '.slds-chat-message__text')!.textContent).toBe(content);
        await expect(element).toBeAccessible();
    });

    it('keeps a highlight in right-to-left text isolated, the text whole', async () => {
        const content = 'أريد استرداد المبلغ refund الآن';
        const start = content.indexOf('استرداد');
        const element = await render(message({ content }), { highlights: [{ start, end: start + 7 }] });
        expect(text($(element, 'bdi > mark'))).toBe('استرداد');
        expect($(element, '.slds-chat-message__text')!.textContent).toBe(content);
        await expect(element).toBeAccessible();
    });

    it('merges overlapping ranges, clamps them to the text and ignores unusable ones', async () => {
        const element = await render(message({ content: 'abcdefghij' }), {
            highlights: [
                { start: 6, end: 99 },
                { start: 1, end: 3 },
                { start: 2, end: 4 },
                { start: 5, end: 5 },
                { start: 5, end: 4 },
                { start: Number.NaN, end: 2 },
                { start: -3, end: 1 }
            ]
        });
        expect(
            Array.from($(element, '.transcript-message__shown')!.children).map((c) => `${c.tagName}:${c.textContent}`)
        ).toEqual(['BDI:a', 'BDI:bcd', 'SPAN:ef', 'BDI:ghij']);
        await expect(element).toBeAccessible();
    });

    it('renders no highlight for no ranges or a value that is not a list', async () => {
        const element = await render(message({ content: 'abc' }), { highlights: null });
        expect($$(element, 'mark')).toHaveLength(0);
        element.highlights = 'abc' as unknown as TextRange[];
        await Promise.resolve();
        expect($$(element, 'mark')).toHaveLength(0);
        expect($(element, '.slds-chat-message__text')!.textContent).toBe('abc');
        await expect(element).toBeAccessible();
    });

    it('outlines the message of the active match and makes its highlights stand out', async () => {
        const element = await render(message({ content: 'refund' }), {
            highlights: [{ start: 0, end: 6 }],
            current: true
        });
        expect(item(element).classList).toContain('transcript-message_current');
        expect($(element, 'mark')!.className).toBe('transcript-message__mark transcript-message__mark_current');
        element.current = false;
        await Promise.resolve();
        expect(item(element).classList).not.toContain('transcript-message_current');
        expect($(element, 'mark')!.className).toBe('transcript-message__mark');
        await expect(element).toBeAccessible();
    });

    it('highlights in a system line too', async () => {
        const element = await render(message({ senderType: 'system', content: 'Chat transferred to Refunds.' }), {
            highlights: [{ start: 20, end: 27 }],
            current: true
        });
        expect(text($(element, '.slds-chat-event bdi > mark'))).toBe('Refunds');
        expect(item(element).classList).toContain('transcript-message_current');
        await expect(element).toBeAccessible();
    });

    it('follows a new message given to the same element', async () => {
        const element = await render(message());
        element.message = message({ senderType: 'agent', senderName: 'Ana', content: 'Done.' });
        await Promise.resolve();
        expect(item(element).classList).toContain('slds-chat-listitem_outbound');
        expect($(element, '.slds-chat-message__text')!.textContent).toBe('Done.');
        await expect(element).toBeAccessible();
    });

    describe('avatar', () => {
        it.each([
            ['Maria Lopez Garcia', 'visitor', 'MG'],
            ['ana', 'agent', 'A'],
            ['王小明', 'visitor', '王'],
            ['山田 太郎', 'visitor', '山'],
            ['김민준', 'agent', '김'],
            ['مريم العلي', 'visitor', 'م\u200Cع'],
            ['דוד לוי', 'visitor', 'דל'],
            ['Ana (Support)', 'agent', 'A'],
            ['🦊 Fox', 'bot', '🦊F'],
            [`${FAMILY} Smith`, 'visitor', `${FAMILY}S`],
            ['𝐀lice 𝐁ob', 'visitor', '𝐀𝐁'],
            ['ßara Öz', 'visitor', 'ßÖ'],
            ['  ', 'visitor', 'V'],
            [null, 'agent', 'A'],
            ['— ***', 'bot', 'B'],
            [null, 'note', 'N']
        ])('shows %p (%s) as the initials %p, at most two whole graphemes', async (name, senderType, initials) => {
            const element = await render(
                message({ senderName: name, senderType: senderType as Message['senderType'] })
            );
            const abbr = $(element, '.transcript-message__avatar abbr')!;
            expect(abbr.textContent).toBe(initials);
            expect(graphemeCount(abbr.textContent)).toBeLessThanOrEqual(2);
            expect(abbr.textContent).not.toMatch(
                /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
            );
            expect(abbr.getAttribute('dir')).toBe('auto');
            await expect(element).toBeAccessible();
        });

        it('gives each sender type its own avatar colour, and none to a system line', async () => {
            const elements = await Promise.all(
                (['visitor', 'agent', 'bot', 'note'] as const).map((senderType) => render(message({ senderType })))
            );
            const colours = elements.map((element) => avatar(element).colour);
            expect(new Set(colours).size).toBe(4);
            const event = await render(message({ senderType: 'system', content: 'Chat ended.' }));
            expect($(event, '.transcript-message__avatar')).toBeNull();
            await expect(document.body).toBeAccessible();
        });
    });

    describe('a long message', () => {
        it('shows a text of exactly the limit whole, without a fold', async () => {
            const content = 'a'.repeat(FOLD_LIMIT);
            const element = await render(message({ content }));
            expect(FOLD_LIMIT).toBe(1000);
            expect(shown(element)).toBe(content);
            expect(foldButton(element)).toBeNull();
            expect($(element, '.transcript-message__ellipsis')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('folds at the last whitespace before the limit, and unfolds and folds again with its button', async () => {
            const element = await render(message({ content: LONG }));
            const start = shown(element);
            expect(start.length).toBeLessThanOrEqual(FOLD_LIMIT);
            expect(start.length).toBeGreaterThan(FOLD_LIMIT - 200);
            expect(LONG.startsWith(start)).toBe(true);
            expect(start).toMatch(/\S$/);
            expect(LONG[start.length]).toBe(' ');
            expect($(element, '.slds-chat-message__text')!.textContent).toBe(`${start}…`);
            expect($(element, '.transcript-message__ellipsis')!.getAttribute('aria-hidden')).toBe('true');
            const button = foldButton(element)!;
            expect(button.tagName).toBe('BUTTON');
            expect(button.type).toBe('button');
            expect(button.className).toBe('slds-button transcript-message__fold');
            expect(text(button)).toBe('Show the whole message (3,000 characters)');
            expect(button.getAttribute('aria-expanded')).toBe('false');
            await expect(element).toBeAccessible();

            button.click();
            await Promise.resolve();
            expect(shown(element)).toBe(LONG);
            expect($(element, '.transcript-message__ellipsis')).toBeNull();
            expect(foldButton(element)).toBe(button);
            expect(text(button)).toBe('Show less');
            expect(button.getAttribute('aria-expanded')).toBe('true');
            await expect(element).toBeAccessible();

            button.click();
            await Promise.resolve();
            expect(shown(element)).toBe(start);
            expect(text(button)).toBe('Show the whole message (3,000 characters)');
            expect(button.getAttribute('aria-expanded')).toBe('false');
            await expect(element).toBeAccessible();
        });

        it('keeps the button in view after "Show less"', async () => {
            const scrolled = jest.fn();
            const element = await render(message({ content: LONG }));
            const button = foldButton(element)!;
            button.scrollIntoView = scrolled;
            button.click();
            await Promise.resolve();
            expect(scrolled).not.toHaveBeenCalled();
            button.click();
            await Promise.resolve();
            expect(scrolled).toHaveBeenCalledTimes(1);
            expect(scrolled).toHaveBeenCalledWith({ block: 'nearest' });
            await expect(element).toBeAccessible();
        });

        it('never cuts an emoji sequence or a surrogate pair, and counts an emoji as one character', async () => {
            // No whitespace near the limit: the family (8 code units) spans it.
            const content = 'a'.repeat(FOLD_LIMIT - 3) + FAMILY.repeat(150);
            const element = await render(message({ content }));
            expect(shown(element)).toBe('a'.repeat(FOLD_LIMIT - 3));
            expect(text(foldButton(element))).toBe('Show the whole message (1,747 characters)');
            // A single astral emoji (two code units) across the limit.
            element.message = message({ content: `${'b'.repeat(FOLD_LIMIT - 1)}😀${'c'.repeat(500)}` });
            await Promise.resolve();
            expect(shown(element)).toBe('b'.repeat(FOLD_LIMIT - 1));
            expect(text(foldButton(element))).toBe('Show the whole message (1,500 characters)');
            await expect(element).toBeAccessible();
        });

        it('renders no highlight beyond the fold but counts them in the button', async () => {
            const at = (offset: number): TextRange => ({ start: offset, end: offset + 6 });
            const element = await render(message({ content: LONG }), {
                highlights: [at(4), at(2515), at(2812)]
            });
            expect($$(element, 'mark').map((m) => m.textContent)).toEqual(['parcel']);
            expect(text(foldButton(element))).toBe('Show the whole message (3,000 characters) · 2 more matches');
            element.highlights = [at(4), at(2515)];
            await Promise.resolve();
            expect(text(foldButton(element))).toBe('Show the whole message (3,000 characters) · 1 more match');
            foldButton(element)!.click();
            await Promise.resolve();
            expect($$(element, 'mark').map((m) => m.textContent)).toEqual(['parcel', 'parcel']);
            await expect(element).toBeAccessible();
        });

        it('opens unfolded when it holds the current match and its first highlight is beyond the fold', async () => {
            const element = await render(message({ content: LONG }), { highlights: [{ start: 2515, end: 2521 }] });
            expect($$(element, 'mark')).toHaveLength(0);
            element.current = true;
            await Promise.resolve();
            expect(shown(element)).toBe(LONG);
            expect($(element, 'mark')!.className).toBe('transcript-message__mark transcript-message__mark_current');
            expect(text(foldButton(element))).toBe('Show less');
            expect(foldButton(element)!.getAttribute('aria-expanded')).toBe('true');
            await expect(element).toBeAccessible();
        });

        it('scrolls the current match into view once when it opens unfolded for it, far down a long message', async () => {
            const scrolled = jest.fn();
            // jsdom has no scrollIntoView: every element gets the spy for this test only.
            const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'scrollIntoView');
            Object.defineProperty(HTMLElement.prototype, 'scrollIntoView', { value: scrolled, configurable: true });
            try {
                const element = await render(message({ content: LONG }), {
                    highlights: [{ start: 2515, end: 2521 }]
                });
                element.current = true;
                await Promise.resolve();
                expect(scrolled).toHaveBeenCalledTimes(1);
                expect(scrolled).toHaveBeenCalledWith({ block: 'nearest' });
                expect(scrolled.mock.contexts[0]).toBe($(element, '.transcript-message__mark_current'));
                // Later renders (the reader folds it) scroll only the fold button, never back to the match.
                foldButton(element)!.click();
                await Promise.resolve();
                expect(scrolled).toHaveBeenCalledTimes(2);
                expect(scrolled.mock.contexts[1]).toBe(foldButton(element));
                await expect(element).toBeAccessible();
            } finally {
                if (original) {
                    Object.defineProperty(HTMLElement.prototype, 'scrollIntoView', original);
                } else {
                    delete (HTMLElement.prototype as Partial<HTMLElement>).scrollIntoView;
                }
            }
        });

        it('stays folded when it holds the current match before the fold', async () => {
            const element = await render(message({ content: LONG }), {
                highlights: [
                    { start: 4, end: 10 },
                    { start: 2515, end: 2521 }
                ],
                current: true
            });
            expect(foldButton(element)!.getAttribute('aria-expanded')).toBe('false');
            expect($$(element, 'mark')).toHaveLength(1);
            await expect(element).toBeAccessible();
        });

        it('shows a highlight across the fold whole, moving the cut to its end', async () => {
            const content = 'x'.repeat(3000);
            const element = await render(message({ content }), {
                highlights: [{ start: FOLD_LIMIT - 10, end: FOLD_LIMIT + 30 }]
            });
            expect(shown(element)).toBe('x'.repeat(FOLD_LIMIT + 30));
            expect($(element, 'mark')!.textContent).toBe('x'.repeat(40));
            expect(text(foldButton(element))).toBe('Show the whole message (3,000 characters)');
            await expect(element).toBeAccessible();
        });

        it('folds again for a new message, and a long system line too', async () => {
            const element = await render(message({ content: LONG }));
            foldButton(element)!.click();
            await Promise.resolve();
            expect(shown(element)).toBe(LONG);
            element.message = message({ senderType: 'system', content: LONG });
            await Promise.resolve();
            expect(shown(element).length).toBeLessThanOrEqual(FOLD_LIMIT);
            expect($(element, '.slds-chat-event .transcript-message__fold')!.getAttribute('aria-expanded')).toBe(
                'false'
            );
            await expect(element).toBeAccessible();
        });
    });

    it('renders nothing for no message, without failing', async () => {
        const element = await render(undefined);
        expect(element.shadowRoot!.children).toHaveLength(0);
        await expect(element).toBeAccessible();
    });
});
