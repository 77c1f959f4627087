import { createElement } from 'lwc';
import Comm100Privacy from 'c/comm100Privacy';
import preview from '@salesforce/apex/VisitorPrivacyController.preview';
import erase from '@salesforce/apex/VisitorPrivacyController.erase';
import { EMAIL_REFUSED, BLANK_REFUSED, ID_REFUSED, LENGTH_REFUSED, CONFIRMATION_REFUSED } from '../privacyModel';
import { FOUND, NOTHING, ERASED, CHAT_ID, CASE_ID, TASK_ID, ERASURE_ID, LOG_ID } from './data/privacyData';

jest.mock('@salesforce/apex/VisitorPrivacyController.preview', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock('@salesforce/apex/VisitorPrivacyController.erase', () => ({ default: jest.fn(), __esModule: true }), {
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

interface PageReference {
    type: string;
    attributes: { recordId: string; actionName: string };
}

const navigation = jest.requireMock<{ navigate: jest.Mock; generateUrl: jest.Mock }>('lightning/navigation');
const previewCall = preview as unknown as jest.Mock;
const eraseCall = erase as unknown as jest.Mock;

function urlOf(recordId: string): string {
    return `/lightning/r/${recordId}/view`;
}

function render(): HTMLElement {
    const element = createElement('c-comm100-privacy', { is: Comm100Privacy });
    document.body.appendChild(element);
    return element;
}

function root(element: HTMLElement): ShadowRoot {
    return element.shadowRoot!;
}

function flush(): Promise<void> {
    return new Promise((resolve) => {
        setTimeout(resolve, 0);
    });
}

function textOf(element: HTMLElement, selector: string): string {
    return root(element).querySelector(selector)?.textContent.trim() ?? '';
}

function input(element: HTMLElement, dataId: string): HTMLInputElement {
    return root(element).querySelector<HTMLInputElement>(`[data-id="${dataId}"]`)!;
}

function type(element: HTMLElement, dataId: string, value: string): void {
    const field = input(element, dataId);
    field.value = value;
    field.dispatchEvent(new CustomEvent('input'));
}

function choose(element: HTMLElement, kind: string): void {
    const radio = root(element).querySelector<HTMLInputElement>(`input[type="radio"][value="${kind}"]`)!;
    radio.checked = true;
    radio.dispatchEvent(new CustomEvent('change'));
}

async function submit(element: HTMLElement, selector: string): Promise<void> {
    root(element)
        .querySelector(selector)!
        .dispatchEvent(new CustomEvent('submit', { cancelable: true }));
    await flush();
    await flush();
}

async function searched(answer = FOUND, identifier = 'ana.lima@example.com'): Promise<HTMLElement> {
    previewCall.mockResolvedValue(answer);
    const element = render();
    await flush();
    type(element, 'identifier', identifier);
    await submit(element, 'form.privacy__search');
    return element;
}

describe('c-comm100-privacy', () => {
    let consoleError: jest.SpyInstance;

    beforeEach(() => {
        consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
        previewCall.mockReset();
        eraseCall.mockReset();
        navigation.generateUrl.mockReset();
        navigation.generateUrl.mockImplementation((pageReference: PageReference) =>
            Promise.resolve(urlOf(pageReference.attributes.recordId))
        );
        navigation.navigate.mockReset();
    });

    afterEach(() => {
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
        it('refuses a blank search next to the field, without calling Apex', async () => {
            const element = render();
            await submit(element, 'form.privacy__search');
            expect(textOf(element, '.privacy__identifier-error')).toBe(BLANK_REFUSED);
            expect(input(element, 'identifier').getAttribute('aria-invalid')).toBe('true');
            expect(previewCall).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();
        });

        it('refuses what is not an email and keeps what was typed', async () => {
            const element = render();
            await flush();
            type(element, 'identifier', 'ana.lima');
            await submit(element, 'form.privacy__search');
            expect(textOf(element, '.privacy__identifier-error')).toBe(EMAIL_REFUSED);
            expect(input(element, 'identifier').value).toBe('ana.lima');
            expect(previewCall).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();
        });

        it('searches by visitor id once that kind is chosen, with its own label', async () => {
            previewCall.mockResolvedValue(NOTHING);
            const element = render();
            await flush();
            choose(element, 'visitorId');
            await flush();
            expect(textOf(element, 'label[for^="identifier"]')).toBe('Comm100 visitor id');
            type(element, 'identifier', ' V-77 ');
            await submit(element, 'form.privacy__search');
            expect(previewCall).toHaveBeenCalledWith({ kind: 'visitorId', identifier: 'V-77' });
            await expect(element).toBeAccessible();
        });

        it('refuses an id of punctuation only, one letter, a space or over 80 characters, as Apex does', async () => {
            const element = render();
            await flush();
            choose(element, 'chatId');
            type(element, 'identifier', '--');
            await submit(element, 'form.privacy__search');
            expect(textOf(element, '.privacy__identifier-error')).toBe(ID_REFUSED);
            type(element, 'identifier', '-a-');
            await submit(element, 'form.privacy__search');
            expect(textOf(element, '.privacy__identifier-error')).toBe(ID_REFUSED);
            type(element, 'identifier', 'V 77');
            await submit(element, 'form.privacy__search');
            expect(textOf(element, '.privacy__identifier-error')).toBe(ID_REFUSED);
            expect(input(element, 'identifier').value).toBe('V 77');
            expect(previewCall).not.toHaveBeenCalled();
            type(element, 'identifier', 'x'.repeat(81));
            await submit(element, 'form.privacy__search');
            expect(textOf(element, '.privacy__identifier-error')).toBe(LENGTH_REFUSED);
            type(element, 'identifier', 'مرحبا-1');
            previewCall.mockResolvedValue(NOTHING);
            await submit(element, 'form.privacy__search');
            expect(previewCall).toHaveBeenCalledWith({ kind: 'chatId', identifier: 'مرحبا-1' });
            await expect(element).toBeAccessible();
        });

        it('shows a refusal of Apex next to the field', async () => {
            const element = await searched({ ...NOTHING, identifierError: 'Enter at most 80 characters.' });
            expect(textOf(element, '.privacy__identifier-error')).toBe('Enter at most 80 characters.');
            expect(root(element).querySelector('.privacy__result')).toBeNull();
            await expect(element).toBeAccessible();
        });
    });

    describe('preview', () => {
        it('lists what is held per kind, with links to each record, and announces it', async () => {
            const element = await searched();
            expect(previewCall).toHaveBeenCalledWith({ kind: 'email', identifier: 'ana.lima@example.com' });
            const summary =
                'Found 2 chats, 3 transcript chunks, 1 sync log, 1 case, 1 task and 1 related task or event.';
            expect(textOf(element, '.privacy__summary')).toBe(summary);
            expect(textOf(element, '.privacy__status')).toBe(summary);
            const links = [...root(element).querySelectorAll<HTMLAnchorElement>('.privacy__group a')];
            expect(links.map((link) => link.getAttribute('href'))).toEqual([
                urlOf(CHAT_ID),
                urlOf('a01000000000002AAA'),
                urlOf(LOG_ID),
                urlOf(CASE_ID),
                urlOf(TASK_ID)
            ]);
            expect(textOf(element, '[data-group="chunks"] .privacy__note')).toBe(
                '3 transcript chunks, deleted with their chats.'
            );
            expect(textOf(element, '[data-group="cases"] .privacy__state')).toBe(
                'What the sync wrote about the visitor is removed from it; the rest is kept.'
            );
            expect(textOf(element, '[data-group="cases"] .privacy__also')).toBe('Also cleared: Subject, Web Email.');
            expect(root(element).querySelector('[data-group="tasks"] .privacy__also')).toBeNull();
            expect(textOf(element, '[data-group="activities"] .privacy__note')).toBe(
                '1 task or event is related to these chats: the platform deletes it with the chats.'
            );
            expect(textOf(element, '.privacy__comm100')).toBe(
                'Erase this visitor in Comm100 too: until then, a backfill or the poller imports their chats again.'
            );
            expect(textOf(element, '[data-group="tasks"] .privacy__state')).toContain('review it by hand');
            expect(root(element).activeElement).toBe(root(element).querySelector('.privacy__summary'));
            await expect(element).toBeAccessible();
        });

        it('opens a record through navigation', async () => {
            const element = await searched();
            const link = root(element).querySelector<HTMLAnchorElement>(`a[data-record-id="${CASE_ID}"]`)!;
            link.click();
            expect(navigation.navigate).toHaveBeenCalledWith({
                type: 'standard__recordPage',
                attributes: { recordId: CASE_ID, actionName: 'view' }
            });
            await expect(element).toBeAccessible();
        });

        it('says when nothing is held and offers no erasure', async () => {
            const element = await searched(NOTHING);
            expect(textOf(element, '.privacy__summary')).toBe('Nothing is held about this visitor.');
            expect(root(element).querySelector('[data-group="activities"]')).toBeNull();
            expect(root(element).querySelector('form.privacy__erase')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('says that more remain than one erasure removes', async () => {
            const element = await searched({ ...FOUND, more: true });
            expect(textOf(element, '.privacy__more')).toContain('erase, then search again');
            await expect(element).toBeAccessible();
        });

        it('refuses to offer an erasure while a linked record cannot be read', async () => {
            const element = await searched({
                ...FOUND,
                cases: [{ id: CASE_ID, name: CASE_ID, detail: null, whenAt: null, state: 'UNREADABLE' }]
            });
            expect(textOf(element, '.privacy__blocked')).toContain('nothing can be erased');
            expect(root(element).querySelector('form.privacy__erase')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('shows why a search failed and keeps what was typed', async () => {
            previewCall.mockRejectedValue({ body: { message: 'You do not have access to the Comm100 Setup.' } });
            const element = render();
            await flush();
            type(element, 'identifier', 'ana.lima@example.com');
            await submit(element, 'form.privacy__search');
            const panel = root(element).querySelector('c-error-panel') as HTMLElement & { friendlyMessage: string };
            expect(panel.friendlyMessage).toBe('The search could not be completed.');
            expect(input(element, 'identifier').value).toBe('ana.lima@example.com');
            await expect(element).toBeAccessible();
        });

        it('drops the result when the identifier changes, so an erasure never acts on another search', async () => {
            const element = await searched();
            type(element, 'identifier', 'bo@example.com');
            await flush();
            expect(root(element).querySelector('.privacy__result')).toBeNull();
            expect(root(element).querySelector('form.privacy__erase')).toBeNull();
            expect(input(element, 'identifier').value).toBe('bo@example.com');
            await expect(element).toBeAccessible();
        });
    });

    describe('erase', () => {
        it('asks for ERASE next to its field before anything is erased', async () => {
            const element = await searched();
            type(element, 'confirmation', 'erase');
            await submit(element, 'form.privacy__erase');
            expect(textOf(element, '.privacy__confirmation-error')).toBe(CONFIRMATION_REFUSED);
            expect(input(element, 'confirmation').value).toBe('erase');
            expect(eraseCall).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();
        });

        it('erases what was searched for and reports what was removed', async () => {
            eraseCall.mockResolvedValue(ERASED);
            const element = await searched();
            type(element, 'confirmation', 'ERASE');
            await submit(element, 'form.privacy__erase');
            expect(eraseCall).toHaveBeenCalledWith({
                kind: 'email',
                identifier: 'ana.lima@example.com',
                confirmation: 'ERASE'
            });
            const message =
                'Erased, recorded as ER-00000001. Erase this visitor in Comm100 too: until then, a backfill or the poller imports their chats again.';
            expect(textOf(element, '.privacy__erased-heading')).toBe(message);
            expect(textOf(element, '.privacy__status')).toBe(message);
            expect(textOf(element, '.privacy__erased-summary')).toBe(
                "Removed 2 chats, 3 transcript chunks, 1 sync log and 1 related task or event; cleared the visitor's data from 1 case and 0 tasks."
            );
            expect(
                root(element)
                    .querySelector(`.privacy__erasure-record a[data-record-id="${ERASURE_ID}"]`)
                    ?.getAttribute('href')
            ).toBe(urlOf(ERASURE_ID));
            expect(root(element).querySelector(`.privacy__review a[data-record-id="${TASK_ID}"]`)).not.toBeNull();
            expect(root(element).querySelector('.privacy__result')).toBeNull();
            expect(root(element).activeElement).toBe(root(element).querySelector('.privacy__erased-heading'));
            await expect(element).toBeAccessible();
        });

        it('says how many records the Recycle Bin kept', async () => {
            eraseCall.mockResolvedValue({ ...ERASED, notEmptied: 2 });
            const element = await searched();
            type(element, 'confirmation', 'ERASE');
            await submit(element, 'form.privacy__erase');
            expect(textOf(element, '.privacy__not-emptied')).toContain('2 deleted records could not be emptied');
            await expect(element).toBeAccessible();
        });

        it('says so when nothing was left to erase', async () => {
            eraseCall.mockResolvedValue({
                ...ERASED,
                chats: 0,
                transcriptChunks: 0,
                syncLogs: 0,
                casesCleared: 0,
                leftForReview: [],
                erasureId: null,
                erasureName: null,
                message: 'Nothing is held about this visitor: nothing was erased.'
            });
            const element = await searched();
            type(element, 'confirmation', ' ERASE ');
            await submit(element, 'form.privacy__erase');
            expect(eraseCall).toHaveBeenCalledWith({
                kind: 'email',
                identifier: 'ana.lima@example.com',
                confirmation: 'ERASE'
            });
            expect(textOf(element, '.privacy__erased-heading')).toBe(
                'Nothing is held about this visitor: nothing was erased.'
            );
            expect(root(element).querySelector('.privacy__erasure-record')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('shows why nothing was erased and keeps the list', async () => {
            eraseCall.mockRejectedValue({
                body: { message: 'Nothing was erased: insufficient access rights on object id' }
            });
            const element = await searched();
            type(element, 'confirmation', 'ERASE');
            await submit(element, 'form.privacy__erase');
            const panel = root(element).querySelector('c-error-panel') as HTMLElement & { friendlyMessage: string };
            expect(panel.friendlyMessage).toBe('Nothing was erased.');
            expect(root(element).querySelector('.privacy__result')).not.toBeNull();
            await expect(element).toBeAccessible();
        });
    });
});
