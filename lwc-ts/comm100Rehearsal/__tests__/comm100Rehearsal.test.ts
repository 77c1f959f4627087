import { createElement } from 'lwc';
import Comm100Rehearsal from 'c/comm100Rehearsal';
import getSamples from '@salesforce/apex/RehearsalController.getSamples';
import findChats from '@salesforce/apex/RehearsalController.findChats';
import rehearse from '@salesforce/apex/RehearsalController.rehearse';
import { BANNER, CHAT_NOT_STORED, MESSAGES } from 'c/rehearsalModel';
import { draft as configDraft } from '../../comm100Configure/__tests__/data/configData';
import {
    ACCOUNT_ID,
    CHATS,
    CHAT_ID,
    CONTACT_ID,
    CUT_COMPANY,
    CUT_REASON,
    DRAFT_REFUSED,
    FAILED,
    HOSTILE,
    HOSTILE_COMPANY,
    HOSTILE_FAILED,
    HOSTILE_NAME,
    HOSTILE_SETTING,
    HOSTILE_TRANSCRIPT,
    IDENTIFIED,
    LEFT_OUT_NOTE,
    LONG_COMPANY,
    NEW_CASE,
    NOT_ENDED,
    NOT_ENDED_REASON,
    NOT_JSON,
    NOT_SHARED,
    NO_ACCESS,
    PAYLOAD,
    SAMPLES,
    STORED,
    TRANSCRIPT,
    UNDECIDED_FAILURE,
    refused
} from './data/rehearsalData';

jest.mock(
    '@salesforce/apex/RehearsalController.getSamples',
    () => {
        const { createApexTestWireAdapter } = jest.requireActual<{
            createApexTestWireAdapter: (fn: jest.Mock) => unknown;
        }>('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()), __esModule: true };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/RehearsalController.findChats', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock('@salesforce/apex/RehearsalController.rehearse', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});

// Navigation that answers for the record it is asked about, so a link built for the wrong record shows.
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const navigate = jest.fn();
    const generateUrl = jest.fn();
    const NavigationMixin = Object.assign(
        (Base: new () => object) =>
            class extends Base {
                [Navigate](pageReference: unknown): void {
                    navigate(pageReference);
                }
                [GenerateUrl](pageReference: unknown): unknown {
                    return generateUrl(pageReference);
                }
            },
        { Navigate, GenerateUrl }
    );
    return { __esModule: true, NavigationMixin, navigate, generateUrl };
});

interface WireMock {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
}

interface PageReference {
    type: string;
    attributes: { recordId: string; actionName: string };
}

const navigation = jest.requireMock<{ navigate: jest.Mock; generateUrl: jest.Mock }>('lightning/navigation');
const samplesWire = getSamples as unknown as WireMock;
const findCall = findChats as unknown as jest.Mock;
const rehearseCall = rehearse as unknown as jest.Mock;

const NO_DRAFT = { payload: null, sampleName: null, chatId: null, draftJson: null };

function render(props: Record<string, unknown> = {}): HTMLElement {
    const element = createElement('c-comm100-rehearsal', { is: Comm100Rehearsal });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

function root(element: Element): ShadowRoot {
    return element.shadowRoot!;
}

/** The first element matching each selector in turn, each inside the shadow root of the one before. */
function deep(element: Element, ...selectors: string[]): Element | null {
    let current: Element | null = element;
    for (const selector of selectors) {
        current = current?.shadowRoot?.querySelector(selector) ?? null;
    }
    return current;
}

function deepAll(element: Element, child: string, selector: string): Element[] {
    const host = deep(element, child);
    return host ? [...root(host).querySelectorAll(selector)] : [];
}

function texts(elements: Element[]): string[] {
    return elements.map((e) => e.textContent.trim());
}

function textOf(element: Element, ...selectors: string[]): string {
    return deep(element, ...selectors)?.textContent.trim() ?? '';
}

function flush(): Promise<void> {
    return new Promise((resolve) => {
        setTimeout(resolve, 0);
    });
}

function choose(element: HTMLElement, mode: string): void {
    const radio = root(element).querySelector<HTMLInputElement>(`input[name="mode"][value="${mode}"]`)!;
    radio.checked = true;
    radio.dispatchEvent(new CustomEvent('change'));
}

function paste(element: HTMLElement, text: string): void {
    const area = root(element).querySelector<HTMLTextAreaElement>('[data-id="payload"]')!;
    area.value = text;
    area.dispatchEvent(new CustomEvent('input'));
}

function pickSample(element: HTMLElement, name: string): void {
    const select = root(element).querySelector<HTMLSelectElement>('[data-id="sample"]')!;
    select.value = name;
    select.dispatchEvent(new CustomEvent('change'));
}

function picker(element: HTMLElement): Element {
    return root(element).querySelector('c-rehearsal-chat-picker')!;
}

function search(element: HTMLElement, term: string): void {
    const input = root(picker(element)).querySelector<HTMLInputElement>('[data-id="chat-search"]')!;
    input.value = term;
    input.dispatchEvent(new CustomEvent('input'));
}

function pickChat(element: HTMLElement, id: string): void {
    const radio = root(picker(element)).querySelector<HTMLInputElement>(`input[value="${id}"]`)!;
    radio.checked = true;
    radio.dispatchEvent(new CustomEvent('change'));
}

async function submit(element: HTMLElement): Promise<void> {
    root(element)
        .querySelector('form.rehearsal__form')!
        .dispatchEvent(new CustomEvent('submit', { cancelable: true }));
    await flush();
    await flush();
}

/** The element that has focus, looking through shadow roots. */
function focused(): Element | null {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) {
        active = active.shadowRoot.activeElement;
    }
    return active;
}

async function rehearsedSample(answer = IDENTIFIED, props: Record<string, unknown> = {}): Promise<HTMLElement> {
    rehearseCall.mockResolvedValue(answer);
    const element = render(props);
    samplesWire.emit(SAMPLES);
    await flush();
    pickSample(element, 'chat_ended');
    await submit(element);
    return element;
}

describe('c-comm100-rehearsal', () => {
    let consoleError: jest.SpyInstance;

    beforeEach(() => {
        consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
        findCall.mockReset();
        findCall.mockResolvedValue(CHATS);
        rehearseCall.mockReset();
        navigation.generateUrl.mockReset();
        navigation.generateUrl.mockImplementation((pageReference: PageReference) =>
            Promise.resolve(`/lightning/r/${pageReference.attributes.recordId}/view`)
        );
        navigation.navigate.mockReset();
    });

    afterEach(() => {
        jest.useRealTimers();
        const logged = consoleError.mock.calls;
        consoleError.mockRestore();
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        if (logged.length > 0) {
            throw new Error(`The test logged an error: ${logged.map((args) => String(args[0])).join('; ')}`);
        }
    });

    describe('input', () => {
        it('says whose rules it rehearses under', async () => {
            const deployed = render();
            expect(textOf(deployed, '.rehearsal__heading')).toBe('Rehearse a chat');
            const draft = render({ draftJson: '{"policies":[]}' });
            await flush();
            expect(textOf(draft, '.rehearsal__heading')).toBe('Rehearse under your unsaved changes');
            await expect(draft).toBeAccessible();
        });

        it('rehearses a shipped sample: its description is shown and only its name is sent', async () => {
            rehearseCall.mockResolvedValue(IDENTIFIED);
            const element = render();
            samplesWire.emit(SAMPLES);
            await flush();
            const options = root(element).querySelectorAll('[data-id="sample"] option');
            expect(texts([...options])).toEqual([
                'Choose a sample…',
                'Chat ended (webhook)',
                'Offline message (webhook)',
                'Chat from the Comm100 API v4'
            ]);
            pickSample(element, 'offline_message');
            await flush();
            expect(textOf(element, '.rehearsal__sample-description')).toBe(`Webhook: ${SAMPLES[1]!.description}`);
            await submit(element);
            expect(rehearseCall).toHaveBeenCalledTimes(1);
            expect(rehearseCall).toHaveBeenCalledWith({ ...NO_DRAFT, sampleName: 'offline_message' });
            expect(textOf(element, '.rehearsal__result-heading')).toBe(
                'Rehearsal of the sample “Offline message (webhook)”'
            );
            await expect(element).toBeAccessible();
        });

        it('rehearses a pasted payload exactly as typed, under the draft when there is one', async () => {
            rehearseCall.mockResolvedValue(IDENTIFIED);
            const draftJson = '{"identificationRules":[],"policies":[]}';
            const element = render({ draftJson });
            await flush();
            choose(element, 'payload');
            await flush();
            paste(element, `  ${PAYLOAD}\n`);
            await submit(element);
            expect(rehearseCall).toHaveBeenCalledWith({ ...NO_DRAFT, payload: `  ${PAYLOAD}\n`, draftJson });
            expect(textOf(element, '.rehearsal__result-heading')).toBe('Rehearsal of the pasted payload');
            await expect(element).toBeAccessible();
        });

        it('rehearses a stored chat chosen from the latest ones', async () => {
            rehearseCall.mockResolvedValue(IDENTIFIED);
            const element = render();
            await flush();
            expect(findCall).not.toHaveBeenCalled();
            choose(element, 'storedChat');
            await flush();
            await flush();
            expect(findCall).toHaveBeenCalledWith({ term: '' });
            const labels = deepAll(element, 'c-rehearsal-chat-picker', '.rehearsal-picker__label');
            expect(texts(labels)).toEqual([
                '3f6d1c1e-8b2a-4d1f-9c57-2b8e6a9d0c41 · Maria Lopez · maria.lopez@northwind.example',
                '58f738e3-6e51-4d1b-b2c4-0a9d8e7f6a51'
            ]);
            expect(texts(deepAll(element, 'c-rehearsal-chat-picker', '.rehearsal-picker__detail'))).toEqual([
                'Chat · Ended'
            ]);
            pickChat(element, CHAT_ID);
            await submit(element);
            expect(rehearseCall).toHaveBeenCalledWith({ ...NO_DRAFT, chatId: CHAT_ID });
            expect(textOf(element, '.rehearsal__result-heading')).toBe(
                'Rehearsal of the stored chat 3f6d1c1e-8b2a-4d1f-9c57-2b8e6a9d0c41 · Maria Lopez · maria.lopez@northwind.example'
            );
            await expect(element).toBeAccessible();
        });

        it('keeps what was typed and chosen when the choice switches', async () => {
            const element = render();
            samplesWire.emit(SAMPLES);
            await flush();
            pickSample(element, 'api_v4_chat');
            choose(element, 'payload');
            await flush();
            paste(element, '{"event":');
            choose(element, 'sample');
            await flush();
            choose(element, 'payload');
            await flush();
            expect(root(element).querySelector<HTMLTextAreaElement>('[data-id="payload"]')!.value).toBe('{"event":');
            choose(element, 'sample');
            await flush();
            expect(root(element).querySelector<HTMLSelectElement>('[data-id="sample"]')!.value).toBe('api_v4_chat');
            expect(root(element).querySelector('[data-mode="payload"]')!.classList.contains('slds-hide')).toBe(true);
            await expect(element).toBeAccessible();
        });

        it('refuses an empty input next to its field without calling Apex', async () => {
            const element = render();
            samplesWire.emit(SAMPLES);
            await flush();
            await submit(element);
            expect(textOf(element, '.rehearsal__sample-error')).toBe(MESSAGES.sampleName);
            expect(focused()?.getAttribute('data-id')).toBe('sample');
            choose(element, 'payload');
            await flush();
            paste(element, '   ');
            await submit(element);
            expect(textOf(element, '.rehearsal__payload-error')).toBe(MESSAGES.payload);
            expect(root(element).querySelector('[data-id="payload"]')!.getAttribute('aria-invalid')).toBe('true');
            choose(element, 'storedChat');
            await flush();
            await submit(element);
            expect(textOf(picker(element), '.rehearsal-picker__error')).toBe(MESSAGES.chatId);
            expect(focused()?.getAttribute('data-id')).toBe('chat-search');
            expect(rehearseCall).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();
        });
    });

    describe('refusals of Apex', () => {
        it('shows a refused payload next to the textarea, keeps it, and focuses it', async () => {
            rehearseCall.mockResolvedValue(refused('payload', NOT_JSON));
            const element = render();
            await flush();
            choose(element, 'payload');
            await flush();
            paste(element, 'event=chat_ended');
            await submit(element);
            expect(textOf(element, '.rehearsal__payload-error')).toBe(NOT_JSON);
            expect(root(element).querySelector<HTMLTextAreaElement>('[data-id="payload"]')!.value).toBe(
                'event=chat_ended'
            );
            expect(focused()?.getAttribute('data-id')).toBe('payload');
            expect(root(element).querySelector('.rehearsal__result')).toBeNull();
            expect(root(element).querySelector('.rehearsal__top-error')).toBeNull();
            expect(textOf(element, '.rehearsal__status')).toBe(`Not rehearsed: ${NOT_JSON}`);
            await expect(element).toBeAccessible();
        });

        it('shows an unknown sample next to the list of samples', async () => {
            // The sample was shipped when the page loaded the list, and is no longer (an upgrade in between).
            const gone = 'There is no sample named "chat_ended": choose one of the samples listed.';
            const element = await rehearsedSample(refused('sampleName', gone));
            expect(textOf(element, '.rehearsal__sample-error')).toBe(gone);
            expect(root(element).querySelector('[data-id="sample"]')!.getAttribute('aria-invalid')).toBe('true');
            expect(focused()?.getAttribute('data-id')).toBe('sample');
            await expect(element).toBeAccessible();
        });

        it('shows an unreadable chat next to the list of chats', async () => {
            rehearseCall.mockResolvedValue(refused('chatId', NOT_SHARED));
            const element = render();
            choose(element, 'storedChat');
            await flush();
            await flush();
            pickChat(element, CHAT_ID);
            await submit(element);
            expect(textOf(picker(element), '.rehearsal-picker__error')).toBe(NOT_SHARED);
            expect(focused()?.getAttribute('data-id')).toBe('chat-search');
            await expect(element).toBeAccessible();
        });

        it('shows a draft refused for its errors at the top of the section, keeping the input', async () => {
            const draftJson = JSON.stringify(configDraft());
            const element = await rehearsedSample(refused('draftJson', DRAFT_REFUSED), { draftJson });
            expect(rehearseCall).toHaveBeenCalledWith({ ...NO_DRAFT, sampleName: 'chat_ended', draftJson });
            expect(textOf(element, '.rehearsal__top-error')).toBe(DRAFT_REFUSED);
            expect(root(element).querySelector('[data-id="top-error"]')!.getAttribute('role')).toBe('alert');
            expect(textOf(element, '.rehearsal__status')).toBe(`Not rehearsed: ${DRAFT_REFUSED}`);
            expect(root(element).querySelector('.rehearsal__result')).toBeNull();
            expect(focused()?.getAttribute('data-id')).toBe('top-error');
            expect(textOf(element, '.rehearsal__sample-error')).toBe('');
            expect(root(element).querySelector<HTMLSelectElement>('[data-id="sample"]')!.value).toBe('chat_ended');
            await expect(element).toBeAccessible();
        });

        it('shows an Apex error in the error panel and keeps what was typed', async () => {
            rehearseCall.mockRejectedValue({ body: { message: NO_ACCESS } });
            const element = render();
            await flush();
            choose(element, 'payload');
            await flush();
            paste(element, PAYLOAD);
            await submit(element);
            expect(textOf(element, 'c-error-panel', '.error-panel__headline')).toBe('The rehearsal could not be run.');
            expect(texts([...root(deep(element, 'c-error-panel')!).querySelectorAll('li')])).toEqual([NO_ACCESS]);
            expect(root(element).querySelector<HTMLTextAreaElement>('[data-id="payload"]')!.value).toBe(PAYLOAD);
            expect(root(element).querySelector<HTMLButtonElement>('.rehearsal__button')!.disabled).toBe(false);
            await expect(element).toBeAccessible();
        });

        it('says when the samples cannot be loaded', async () => {
            const element = render();
            samplesWire.error({ message: 'Insufficient privileges' }, 403, 'Forbidden');
            await flush();
            expect(textOf(element, '[data-mode="sample"] c-error-panel', '.error-panel__headline')).toBe(
                'The shipped samples could not be loaded.'
            );
            expect(root(element).querySelector('[data-id="sample"]')).toBeNull();
            await expect(element).toBeAccessible();
        });
    });

    describe('busy', () => {
        it('disables the button, marks the result busy and announces it while Apex answers', async () => {
            let answer: (value: unknown) => void = () => undefined;
            rehearseCall.mockReturnValue(
                new Promise((resolve) => {
                    answer = resolve;
                })
            );
            const element = render();
            samplesWire.emit(SAMPLES);
            await flush();
            pickSample(element, 'chat_ended');
            await submit(element);
            expect(root(element).querySelector<HTMLButtonElement>('.rehearsal__button')!.disabled).toBe(true);
            expect(root(element).querySelector('form')!.getAttribute('aria-busy')).toBe('true');
            expect(root(element).querySelector('lightning-spinner')).not.toBeNull();
            expect(textOf(element, '.rehearsal__status')).toBe('Rehearsing…');
            await submit(element);
            expect(rehearseCall).toHaveBeenCalledTimes(1);
            answer(IDENTIFIED);
            await flush();
            await flush();
            expect(root(element).querySelector<HTMLButtonElement>('.rehearsal__button')!.disabled).toBe(false);
            expect(root(element).querySelector('form')!.getAttribute('aria-busy')).toBe('false');
            expect(root(element).querySelector('lightning-spinner')).toBeNull();
            await expect(element).toBeAccessible();
        });
    });

    describe('stored chat search', () => {
        async function storedChatMode(): Promise<HTMLElement> {
            const element = render();
            choose(element, 'storedChat');
            await flush();
            await flush();
            findCall.mockClear();
            return element;
        }

        it('searches once typing pauses for 300 ms, with the last term', async () => {
            const element = await storedChatMode();
            jest.useFakeTimers();
            search(element, 'mar');
            jest.advanceTimersByTime(200);
            search(element, 'maria ');
            jest.advanceTimersByTime(299);
            expect(findCall).not.toHaveBeenCalled();
            jest.advanceTimersByTime(1);
            expect(findCall).toHaveBeenCalledTimes(1);
            expect(findCall).toHaveBeenCalledWith({ term: 'maria' });
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });

        it('searches at once on Enter, without rehearsing', async () => {
            const element = await storedChatMode();
            search(element, 'contoso');
            const input = deep(element, 'c-rehearsal-chat-picker', '[data-id="chat-search"]')!;
            input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', cancelable: true }));
            expect(findCall).toHaveBeenCalledWith({ term: 'contoso' });
            expect(rehearseCall).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();
        });

        it('says when nothing matches, and when nothing is stored', async () => {
            const element = await storedChatMode();
            findCall.mockResolvedValue([]);
            search(element, 'zz<b>top</b>');
            await new Promise((resolve) => {
                setTimeout(resolve, 350);
            });
            await flush();
            expect(textOf(picker(element), '.rehearsal-picker__empty')).toBe('No stored chat matches “zz<b>top</b>”.');
            expect(deepAll(element, 'c-rehearsal-chat-picker', 'input[type="radio"]')).toEqual([]);
            await expect(element).toBeAccessible();

            findCall.mockClear();
            const empty = render();
            choose(empty, 'storedChat');
            await flush();
            await flush();
            expect(findCall).toHaveBeenCalledWith({ term: '' });
            expect(textOf(picker(empty), '.rehearsal-picker__empty')).toBe(
                'No chat is stored yet: paste a payload or choose a sample instead.'
            );
        });

        it('says when the chats cannot be read', async () => {
            findCall.mockRejectedValue({ body: { message: 'Insufficient access to Comm100 Chat.' } });
            const element = render();
            choose(element, 'storedChat');
            await flush();
            await flush();
            expect(textOf(picker(element), 'c-error-panel', '.error-panel__headline')).toBe(
                'The stored chats could not be read.'
            );
            expect(textOf(picker(element), '.rehearsal-picker__empty')).toBe('');
            await expect(element).toBeAccessible();
        });
    });

    describe('result', () => {
        it('says that nothing was written and under which rules, and moves focus to the result', async () => {
            const element = await rehearsedSample();
            expect(textOf(element, '.rehearsal__banner-text')).toBe(BANNER);
            expect(textOf(element, '.rehearsal__rules')).toBe('Rules: the deployed configuration.');
            expect(focused()?.getAttribute('data-id')).toBe('result-heading');
            expect(textOf(element, '.rehearsal__status')).toBe(
                'Nothing was written: this is a rehearsal. Identity: Identified (Contact). The sync would: Update Contact, Create Case, Attach the chat to the new Case.'
            );
            const draft = await rehearsedSample({ ...IDENTIFIED, usedDraft: true }, { draftJson: '{}' });
            expect(textOf(draft, '.rehearsal__rules')).toBe('Rules: your unsaved changes.');
            await expect(element).toBeAccessible();
        });

        it('shows the normalised chat: its values, message count, redactions and transcript', async () => {
            const element = await rehearsedSample();
            const chat = deep(element, 'c-rehearsal-chat')!;
            expect(textOf(chat, '.rehearsal-chat__origin')).toBe(
                'Comm100 id 3f6d1c1e-8b2a-4d1f-9c57-2b8e6a9d0c41 · event chat_ended · Webhook · Chat'
            );
            expect(texts([...root(chat).querySelectorAll('dt')])).toEqual([
                'Visitor Name',
                'Visitor Email',
                'Department',
                'Transcript Chunks'
            ]);
            expect(texts([...root(chat).querySelectorAll('dd')])).toEqual([
                'Maria Lopez',
                'maria.lopez@northwind.example',
                'Support',
                '1'
            ]);
            expect(textOf(chat, '.rehearsal-chat__count')).toBe('6 messages');
            expect(textOf(chat, '.rehearsal-chat__redactions')).toBe(
                'Redacted: Card number (2), US social security number (1).'
            );
            expect(root(chat).querySelector('pre.rehearsal-chat__transcript')!.textContent).toBe(TRANSCRIPT);
            await expect(element).toBeAccessible();
        });

        it('shows each rule in order with its conditions, outcome, reason and matches, then the identity', async () => {
            const element = await rehearsedSample();
            await flush();
            const identification = deep(element, 'c-rehearsal-identification')!;
            const rules = [...root(identification).querySelectorAll('.rehearsal-rule')];
            expect(rules.map((rule) => texts([...rule.querySelectorAll('.rehearsal-rule__title span')]))).toEqual([
                ['1.', 'Contact', 'Contact by email', 'Matched'],
                ['2.', 'Lead', 'Lead by email', 'Not run'],
                ['3.', 'Account', 'Account by company', 'Not run']
            ]);
            expect(rules.map((rule) => texts([...rule.querySelectorAll('.rehearsal-condition span')]))).toEqual([
                ['Email = visitor.email:', 'maria.lopez@northwind.example'],
                ['Email = visitor.email:', 'maria.lopez@northwind.example'],
                ['Name = preChat.Company:', '(blank)']
            ]);
            expect(texts(rules.map((rule) => rule.querySelector('.rehearsal-badge')!))).toEqual([
                'Matched',
                'Not run',
                'Not run'
            ]);
            expect(rules[2]!.querySelector('.rehearsal-badge')!.className).toBe(
                'slds-badge rehearsal-badge slds-badge_lightest'
            );
            expect(texts([...root(identification).querySelectorAll('.rehearsal-rule__reason')])).toEqual([
                'An earlier rule decided: Identified (Contact).',
                "The matched Contact's Account is used."
            ]);
            expect(textOf(identification, '.rehearsal-rule__count')).toBe('1 record found.');
            const match = deep(identification, '.rehearsal-rule__match c-rehearsal-record-link', 'a')!;
            expect(match.textContent).toBe('Maria Lopez');
            expect(match.getAttribute('href')).toBe(`/lightning/r/${CONTACT_ID}/view`);
            match.dispatchEvent(new CustomEvent('click', { cancelable: true }));
            expect(navigation.navigate).toHaveBeenCalledWith({
                type: 'standard__recordPage',
                attributes: { recordId: CONTACT_ID, actionName: 'view' }
            });
            expect(textOf(identification, '.rehearsal-identity__text')).toBe('Identified (Contact)');
            const lines = [...root(identification).querySelectorAll('.rehearsal-identity__record')];
            expect(
                lines.map((line) => [
                    line.querySelector('.rehearsal-identity__record-label')!.textContent,
                    textOf(line.querySelector('c-rehearsal-record-link')!, '.rehearsal-record-link')
                ])
            ).toEqual([
                ['Matched record:', 'Maria Lopez'],
                ['Contact:', 'Maria Lopez'],
                ['Account:', ACCOUNT_ID]
            ]);
            expect(deep(lines[2]!.querySelector('c-rehearsal-record-link')!, 'a')!.getAttribute('href')).toBe(
                `/lightning/r/${ACCOUNT_ID}/view`
            );
            await expect(element).toBeAccessible();
        });

        it('shows the policy, and why it does not apply', async () => {
            const element = await rehearsedSample();
            const plan = deep(element, 'c-rehearsal-plan')!;
            expect(texts([...root(plan).querySelectorAll('.rehearsal-policy dd')])).toEqual([
                'When a chat ends',
                'Create/Update Contact & Attach Case',
                'Oldest',
                'Only Fill Blanks'
            ]);
            expect(textOf(plan, '.rehearsal-policy__applies')).toBe('Applies to this chat.');
            const notEnded = await rehearsedSample(NOT_ENDED);
            const notEndedPlan = deep(notEnded, 'c-rehearsal-plan')!;
            expect(textOf(notEndedPlan, '.rehearsal-policy__applies_not')).toBe(`Does not apply: ${NOT_ENDED_REASON}`);
            expect(texts([...root(notEndedPlan).querySelectorAll('.rehearsal-policy dd')])).toEqual([
                'When a chat ends',
                'Create Lead & Attach Task',
                'Oldest',
                'Only Fill Blanks'
            ]);
            // The chat is still updated with its identification.
            expect(texts([...root(notEndedPlan).querySelectorAll('.rehearsal-record__heading')])).toEqual([
                'Update the chat'
            ]);
            await expect(notEnded).toBeAccessible();
        });

        it('shows a table of mapped values per object, cut and left-out values marked by text', async () => {
            const element = await rehearsedSample();
            const mappings = deep(element, 'c-rehearsal-mappings')!;
            expect(texts([...root(mappings).querySelectorAll('caption')])).toEqual([
                'Contact: 3 values, 1 skipped',
                'Case: 2 values, 1 truncated, 1 skipped'
            ]);
            expect(texts([...root(mappings).querySelectorAll('table')[0]!.querySelectorAll('thead th')])).toEqual([
                'Comm100 field',
                'Raw value',
                'Salesforce field',
                'Value',
                'Outcome',
                'Reason'
            ]);
            const rows = [...root(mappings).querySelectorAll('tbody tr')];
            expect(rows.map((row) => texts([...row.querySelectorAll('th, td')]))).toEqual([
                ['preChat.Phone', '+1 604 555 0134', 'Phone', '+1 604 555 0134', 'Written', ''],
                [
                    'preChat.Department',
                    'Support',
                    'Department',
                    '(left out)',
                    'Skipped',
                    'the field has a value (Only Fill Blanks)'
                ],
                [
                    'customVariable.NoEmail',
                    'yes',
                    'HasOptedOutOfEmail',
                    'true',
                    'Converted',
                    'converted to a checkbox value'
                ],
                ['preChat.Company', LONG_COMPANY, 'SuppliedCompany', CUT_COMPANY, 'Truncated', CUT_REASON],
                [
                    'preChat.Email',
                    'maria.lopez at northwind',
                    'SuppliedEmail',
                    '(left out)',
                    'Skipped',
                    '"maria.lopez at northwind" is not an email address'
                ]
            ]);
            expect(rows.map((row) => row.className)).toEqual([
                'rehearsal-mapping rehearsal-mapping_written',
                'rehearsal-mapping rehearsal-mapping_skipped',
                'rehearsal-mapping rehearsal-mapping_converted',
                'rehearsal-mapping rehearsal-mapping_truncated',
                'rehearsal-mapping rehearsal-mapping_skipped'
            ]);
            await expect(element).toBeAccessible();
        });

        it('lists the records the sync would write with their values, the chat last, and its notes', async () => {
            const element = await rehearsedSample();
            await flush();
            const plan = deep(element, 'c-rehearsal-plan')!;
            const records = [...root(plan).querySelectorAll('.rehearsal-record')];
            expect(texts(records.map((record) => record.querySelector('.rehearsal-record__heading')!))).toEqual([
                'Update Contact',
                'Create Case',
                'Attach the chat to the new Case'
            ]);
            expect(records.map((record) => record.getAttribute('data-operation'))).toEqual([
                'Update',
                'Create',
                'Attach'
            ]);
            const link = records[0]!.querySelector('c-rehearsal-record-link')!;
            expect(root(link).querySelector('a')!.getAttribute('href')).toBe(`/lightning/r/${CONTACT_ID}/view`);
            expect(root(link).querySelector('a')!.textContent).toBe('Maria Lopez');
            expect(records[1]!.querySelector('c-rehearsal-record-link')).toBeNull();
            expect(texts([...records[1]!.querySelectorAll('dt')])).toEqual([
                'Subject',
                'Web Company',
                'Contact ID',
                'Account ID'
            ]);
            expect(texts([...records[1]!.querySelectorAll('dd')])).toEqual([
                'Comm100 chat with Maria Lopez',
                CUT_COMPANY,
                CONTACT_ID,
                ACCOUNT_ID
            ]);
            // The chat of a sample is not stored: it is named in words, as text, never as a link.
            const chat = records[2]!.querySelector('c-rehearsal-record-link')!;
            expect(root(chat).querySelector('a')).toBeNull();
            expect(textOf(chat, '.rehearsal-record-link_plain')).toBe(CHAT_NOT_STORED);
            expect(texts([...records[2]!.querySelectorAll('dt')])).toEqual([
                'Identification Status',
                'Matched Object',
                'Matched Record Id',
                'Matched Record Name',
                'Contact',
                'Account',
                'Case'
            ]);
            expect(texts([...records[2]!.querySelectorAll('dd')])).toEqual([
                'Identified',
                'Contact',
                CONTACT_ID,
                'Maria Lopez',
                CONTACT_ID,
                ACCOUNT_ID,
                NEW_CASE
            ]);
            expect(texts([...root(plan).querySelectorAll('.rehearsal-note')])).toEqual([LEFT_OUT_NOTE]);
            expect(root(plan).querySelector('.rehearsal-failure')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('links a stored chat the sync updates to its record, named by its Comm100 id', async () => {
            const element = await rehearsedSample(STORED);
            await flush();
            const plan = deep(element, 'c-rehearsal-plan')!;
            const records = [...root(plan).querySelectorAll('.rehearsal-record')];
            const chat = root(records[2]!.querySelector('c-rehearsal-record-link')!).querySelector('a')!;
            expect(chat.getAttribute('href')).toBe(`/lightning/r/${CHAT_ID}/view`);
            expect(chat.textContent).toBe('Comm100 chat 3f6d1c1e-8b2a-4d1f-9c57-2b8e6a9d0c41');
            expect(texts([...root(plan).querySelectorAll('.rehearsal-note')])).toEqual(STORED.notes);
            await expect(element).toBeAccessible();
        });

        it('shows why the sync would fail in error styling', async () => {
            const element = await rehearsedSample(FAILED);
            const plan = deep(element, 'c-rehearsal-plan')!;
            const failure = root(plan).querySelector('.rehearsal-failure')!;
            expect(failure.classList.contains('slds-theme_error')).toBe(true);
            expect(textOf(plan, '.rehearsal-failure h4')).toBe('The sync would fail');
            expect(textOf(plan, '.rehearsal-failure__text')).toBe(UNDECIDED_FAILURE);
            // Nothing is created; the chat is still updated with its identification.
            expect(texts([...root(plan).querySelectorAll('.rehearsal-record__heading')])).toEqual(['Update the chat']);
            expect(root(element).querySelector('c-rehearsal-chat')).toBeNull();
            expect(textOf(element, 'c-rehearsal-identification', '.rehearsal-identification__none')).toBe(
                'No identification rule ran.'
            );
            expect(textOf(element, 'c-rehearsal-mappings', '.rehearsal-mappings__none')).toBe(
                'No value would be mapped.'
            );
            await expect(element).toBeAccessible();
        });

        it('renders values that hold markup as text', async () => {
            const element = await rehearsedSample(HOSTILE);
            await flush();
            const parts = [
                'c-rehearsal-chat',
                'c-rehearsal-identification',
                'c-rehearsal-mappings',
                'c-rehearsal-plan'
            ];
            for (const part of parts) {
                const shadow = root(deep(element, part)!);
                expect(shadow.querySelectorAll('img, script, svg, b, i').length).toBe(0);
            }
            const chat = deep(element, 'c-rehearsal-chat')!;
            expect(texts([...root(chat).querySelectorAll('dd')])).toEqual([
                HOSTILE_NAME,
                'Note: javascript:alert(document.cookie)'
            ]);
            expect(texts([...root(chat).querySelectorAll('dt')])[1]).toBe('<i>Custom Variables</i>');
            expect(root(chat).querySelector('pre')!.textContent).toBe(HOSTILE_TRANSCRIPT);
            const identification = deep(element, 'c-rehearsal-identification')!;
            expect(textOf(identification, '.rehearsal-rule__label')).toBe('<b>Contact by email</b>');
            expect(textOf(identification, '.rehearsal-condition__value')).toBe(HOSTILE_NAME);
            const link = deep(identification, 'c-rehearsal-record-link', 'a')!;
            expect(link.textContent).toBe(HOSTILE_NAME);
            expect(link.children.length).toBe(0);
            expect(textOf(element, 'c-rehearsal-mappings', '.rehearsal-mapping__value')).toBe(HOSTILE_COMPANY);
            const plan = deep(element, 'c-rehearsal-plan')!;
            expect(textOf(plan, '.rehearsal-note')).toBe(
                `Case values left out: Case.SuppliedEmail: "${HOSTILE_COMPANY}" is not an email address.`
            );
            expect(texts([...root(plan).querySelectorAll('.rehearsal-record dd')])).toEqual([
                `Comm100 chat with ${HOSTILE_NAME}`,
                HOSTILE_COMPANY,
                HOSTILE_NAME,
                NEW_CASE
            ]);
            await expect(element).toBeAccessible();
            const failed = await rehearsedSample(HOSTILE_FAILED);
            const failedPlan = deep(failed, 'c-rehearsal-plan')!;
            expect(textOf(failedPlan, '.rehearsal-failure__text')).toContain(`"${HOSTILE_SETTING}"`);
            expect(root(failedPlan).querySelectorAll('.rehearsal-failure a, .rehearsal-failure script').length).toBe(0);
            await expect(failed).toBeAccessible();
        });
    });
});
