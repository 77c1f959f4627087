import { createElement } from 'lwc';
import TranscriptMessage from 'c/transcriptMessage';
import type { TranscriptMessage as Message } from '@salesforce/apex/ChatTranscriptController.getTranscript';

// Another user: German locale, Berlin time. The message's time follows them, not the browser nor the default mock.
jest.mock('@salesforce/i18n/locale', () => ({ default: 'de-DE', __esModule: true }));
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Europe/Berlin', __esModule: true }));

afterEach(() => {
    document.body.replaceChildren();
});

it("shows the time in the user's Salesforce locale and time zone, without seconds", async () => {
    const list = document.createElement('ul');
    document.body.appendChild(list);
    const element = createElement('c-transcript-message', { is: TranscriptMessage }) as unknown as HTMLElement & {
        message: Message;
    };
    element.message = {
        sentAt: '2025-11-25T10:00:01.000Z',
        senderName: 'Jonas',
        senderType: 'agent',
        content: 'Guten Tag!',
        attachmentUrl: null,
        translation: null
    };
    list.appendChild(element);
    await Promise.resolve();
    const time = element.shadowRoot!.querySelector('time')!;
    expect(time.textContent).toBe('11:00');
    expect(time.getAttribute('title')).toBe('25.11.2025, 11:00');
    expect(time.getAttribute('datetime')).toBe('2025-11-25T10:00:01.000Z');
    await expect(element).toBeAccessible();
});

it("counts a folded message's characters and hidden matches in the user's locale", async () => {
    const list = document.createElement('ul');
    document.body.appendChild(list);
    const element = createElement('c-transcript-message', { is: TranscriptMessage }) as unknown as HTMLElement & {
        message: Message;
        highlights: { start: number; end: number }[];
    };
    const content = 'Das Paket ist unterwegs. '.repeat(480);
    element.message = {
        sentAt: '2025-11-25T10:00:01.000Z',
        senderName: 'Jonas',
        senderType: 'agent',
        content,
        attachmentUrl: null,
        translation: null
    };
    element.highlights = Array.from({ length: 1200 }, (_, i) => ({ start: 2100 + i * 8, end: 2100 + i * 8 + 4 }));
    list.appendChild(element);
    await Promise.resolve();
    const button = element.shadowRoot!.querySelector('.transcript-message__fold')!;
    expect(button.textContent.trim()).toBe('Show the whole message (12.000 characters) · 1.200 more matches');
    await expect(element).toBeAccessible();
});
