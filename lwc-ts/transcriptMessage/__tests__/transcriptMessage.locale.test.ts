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
