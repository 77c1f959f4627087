import { createElement } from 'lwc';
import VisitorActions from 'c/visitorActions';
import { getRecordCreateDefaults, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getActionState from '@salesforce/apex/ChatActionsController.getActionState';
import type { ActionState } from '@salesforce/apex/ChatActionsController.getActionState';
import getCreateDefaults from '@salesforce/apex/ChatActionsController.getCreateDefaults';
import requestAction from '@salesforce/apex/ChatActionsController.requestAction';
import type { Helpers } from '../../visitorModel/__tests__/data/types';
import {
    collectToasts,
    deferred,
    errorPanels,
    flush,
    guardConsole,
    navigation,
    reasonsShown,
    recordPage,
    root,
    textOf,
    urlOf
} from '../../visitorModel/__tests__/data/helpers';
import type { Navigation, WireMock } from '../../visitorModel/__tests__/data/helpers';
import {
    ATTACHED,
    ATTACHED_TASK,
    CASE_ID,
    CHAT_ID,
    CONTACT_ACTIONS,
    CONTACT_CREATE_DEFAULTS,
    CONTACT_DEFAULTS,
    CONTACT_ID,
    LEAD_ACTIONS,
    NOT_FOUND_ACTIONS,
    PENDING,
    TASK_ID
} from '../../visitorModel/__tests__/data/visitorData';

jest.mock('@salesforce/apex/ChatActionsController.getActionState', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock(
    '@salesforce/apex/ChatActionsController.getCreateDefaults',
    () => ({ default: jest.fn(), __esModule: true }),
    { virtual: true }
);
jest.mock('@salesforce/apex/ChatActionsController.requestAction', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock('lightning/navigation', () =>
    jest.requireActual<Helpers>('../../visitorModel/__tests__/data/helpers').navigationModule()
);

interface ActionsElement extends HTMLElement {
    recordId: string | undefined;
    refreshSeconds: number;
}

type ButtonElement = HTMLElement & { label: string; disabled: boolean; iconName: string };

const stateCall = getActionState as unknown as jest.Mock;
const defaultsCall = getCreateDefaults as unknown as jest.Mock;
const requestCall = requestAction as unknown as jest.Mock;
const notifyUpdate = notifyRecordUpdateAvailable as unknown as jest.Mock;
const layoutWire = getRecordCreateDefaults as unknown as WireMock;
let nav: Navigation;

function render(setup?: (element: ActionsElement) => void): ActionsElement {
    const element = createElement('c-visitor-actions', { is: VisitorActions }) as unknown as ActionsElement;
    element.recordId = CHAT_ID;
    setup?.(element);
    document.body.appendChild(element);
    return element;
}

async function loaded(state: ActionState = CONTACT_ACTIONS): Promise<ActionsElement> {
    stateCall.mockResolvedValue(state);
    const element = render();
    await flush();
    return element;
}

function options(element: HTMLElement): ButtonElement[] {
    return Array.from(root(element).querySelectorAll<ButtonElement>('.visitor-panel__options lightning-button'));
}

function option(element: HTMLElement, label: string): ButtonElement {
    const found = options(element).find((candidate) => candidate.label === label);
    if (!found) {
        throw new Error(`No action labelled ${label}`);
    }
    return found;
}

function createForm(element: HTMLElement): HTMLElement | null {
    return root(element).querySelector('c-visitor-create-form');
}

describe('c-visitor-actions', () => {
    guardConsole();

    beforeEach(() => {
        nav = navigation();
        stateCall.mockReset();
        stateCall.mockResolvedValue(CONTACT_ACTIONS);
        defaultsCall.mockReset();
        requestCall.mockReset();
        notifyUpdate.mockReset();
        notifyUpdate.mockResolvedValue(undefined);
    });

    describe('the actions', () => {
        it('shows a spinner while the actions load, and none once they are known', async () => {
            const state = deferred<ActionState>();
            stateCall.mockReturnValue(state.promise);
            const element = render();
            await flush();
            expect(
                root(element).querySelector<HTMLElement & { alternativeText: string }>(
                    '.visitor-panel__actions-loading lightning-spinner'
                )?.alternativeText
            ).toBe('Loading the actions');
            expect(root(element).querySelector('.visitor-panel__options')).toBeNull();

            state.resolve(CONTACT_ACTIONS);
            await flush();
            expect(root(element).querySelector('.visitor-panel__actions-loading')).toBeNull();
            expect(options(element).map((b) => b.label)).toEqual(['Attach Case', 'Attach Task']);
            await expect(element).toBeAccessible();
        });

        it('asks for no actions without a chat', async () => {
            const element = render((panel) => {
                panel.recordId = undefined;
            });
            await flush();
            expect(stateCall).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();
        });

        it('offers a found contact exactly Attach Case and Attach Task, with the attach icon', async () => {
            const element = await loaded();
            expect(stateCall.mock.calls).toEqual([[{ chatId: CHAT_ID }]]);
            expect(root(element).querySelector('h3')!.textContent).toBe('Actions');
            expect(root(element).querySelector('.visitor-panel__options')!.getAttribute('aria-label')).toBe(
                'Manual actions'
            );
            expect(options(element).map((b) => [b.label, b.iconName, b.dataset.action, b.disabled])).toEqual([
                ['Attach Case', 'utility:attach', 'ATTACH_CASE', false],
                ['Attach Task', 'utility:attach', 'ATTACH_TASK', false]
            ]);
            for (const absent of ['.visitor-panel__no-action', '.visitor-panel__pending', '.visitor-panel__attached']) {
                expect(root(element).querySelector(absent)).toBeNull();
            }
            await expect(element).toBeAccessible();
        });

        it('offers a found lead only Attach Task', async () => {
            const element = await loaded(LEAD_ACTIONS);
            expect(options(element).map((b) => b.label)).toEqual(['Attach Task']);
            await expect(element).toBeAccessible();
        });

        it('offers a visitor not found the four create actions, with the new icon', async () => {
            const element = await loaded(NOT_FOUND_ACTIONS);
            expect(options(element).map((b) => [b.label, b.iconName])).toEqual([
                ['Create Lead & Attach Task', 'utility:new'],
                ['Create Case', 'utility:new'],
                ['Create Contact & Attach Case', 'utility:new'],
                ['Create Contact & Attach Task', 'utility:new']
            ]);
            await expect(element).toBeAccessible();
        });

        it('says so when no action is available', async () => {
            const element = await loaded({ ...CONTACT_ACTIONS, options: [] });
            expect(textOf(element, '.visitor-panel__no-action')).toBe('No manual action is available for this chat.');
            expect(root(element).querySelector('.visitor-panel__options')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('does not say no action is available while an attachment is pending', async () => {
            const element = await loaded({ ...PENDING, options: [] });
            expect(textOf(element, '.visitor-panel__pending')).toBe(
                'A case will be created for this chat when it ends.'
            );
            expect(root(element).querySelector('.visitor-panel__no-action')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it.each([
            ['Attach Task', 'The chat will be attached as a task when it ends.'],
            ['Link Case', 'The chat will be linked to the new case when it ends.'],
            ['Create Case', 'Requested: Create Case.']
        ])('says what happens to a pending %s when the chat ends', async (pendingAction, expected) => {
            const element = await loaded({ ...PENDING, pendingAction } as ActionState);
            expect(textOf(element, '.visitor-panel__pending')).toBe(expected);
            expect(root(element).querySelector('.visitor-panel__options')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('attaches a case to the found contact and tells the agent what happens next, politely', async () => {
            requestCall.mockResolvedValue('The chat will be attached when it ends.');
            const element = await loaded();
            const toasts = collectToasts(element);
            stateCall.mockResolvedValue(PENDING);

            option(element, 'Attach Case').click();
            await flush();

            expect(requestCall.mock.calls).toEqual([
                [{ chatId: CHAT_ID, action: 'ATTACH_CASE', recordId: CONTACT_ID }]
            ]);
            expect(root(element).querySelector('.visitor-panel__status')!.getAttribute('aria-live')).toBe('polite');
            expect(textOf(element, '.visitor-panel__status .visitor-panel__message')).toBe(
                'The chat will be attached when it ends.'
            );
            expect(textOf(element, '.visitor-panel__status .visitor-panel__pending')).toBe(
                'A case will be created for this chat when it ends.'
            );
            expect(root(element).querySelector('.visitor-panel__options')).toBeNull();
            expect(toasts).toEqual([
                { title: 'Comm100 chat', message: 'The chat will be attached when it ends.', variant: 'success' }
            ]);
            expect(notifyUpdate.mock.calls).toEqual([[[{ recordId: CHAT_ID }]]]);
            expect(stateCall).toHaveBeenCalledTimes(2);
            await expect(element).toBeAccessible();
        });

        it('disables the actions while a request runs', async () => {
            const answer = deferred<string>();
            requestCall.mockReturnValue(answer.promise);
            const element = await loaded();

            option(element, 'Attach Task').click();
            await flush();
            expect(options(element).map((b) => b.disabled)).toEqual([true, true]);

            answer.resolve('Requested.');
            await flush();
            expect(options(element).map((b) => b.disabled)).toEqual([false, false]);
            await expect(element).toBeAccessible();
        });

        it('hands the refusal to the error panel and reads the state again', async () => {
            const refusal = { body: { message: 'This chat already has a request.' }, status: 400 };
            requestCall.mockRejectedValue(refusal);
            const element = await loaded();
            const toasts = collectToasts(element);

            option(element, 'Attach Task').click();
            await flush();

            const panels = errorPanels(element);
            expect(panels.map((panel) => [panel.friendlyMessage, panel.errors])).toEqual([
                ['The action could not be completed.', refusal]
            ]);
            expect(reasonsShown(panels[0]!)).toEqual(['This chat already has a request.']);
            expect(stateCall).toHaveBeenCalledTimes(2);
            expect(toasts).toEqual([]);
            expect(notifyUpdate).not.toHaveBeenCalled();
            expect(root(element).querySelector('.visitor-panel__message')).toBeNull();
            expect(options(element).map((b) => b.disabled)).toEqual([false, false]);
            await expect(element).toBeAccessible();
        });

        it('shows why the state could not be read again after a request it accepted', async () => {
            requestCall.mockResolvedValue('The chat will be attached when it ends.');
            const element = await loaded();
            const failure = { body: { message: 'Unable to read the chat.' } };
            stateCall.mockRejectedValue(failure);

            option(element, 'Attach Case').click();
            await flush();

            expect(textOf(element, '.visitor-panel__message')).toBe('The chat will be attached when it ends.');
            expect(errorPanels(element).map((panel) => [panel.friendlyMessage, panel.errors])).toEqual([
                ['The action could not be completed.', failure]
            ]);
            await expect(element).toBeAccessible();
        });

        it('clears the last message and error when the agent chooses again', async () => {
            requestCall.mockResolvedValueOnce('Requested, but the chat has ended.');
            requestCall.mockRejectedValueOnce({ body: { message: 'Refused.' } });
            const element = await loaded();

            option(element, 'Attach Case').click();
            await flush();
            expect(textOf(element, '.visitor-panel__message')).toBe('Requested, but the chat has ended.');

            option(element, 'Attach Task').click();
            await flush();
            expect(root(element).querySelector('.visitor-panel__message')).toBeNull();
            expect(errorPanels(element).map((panel) => reasonsShown(panel))).toEqual([['Refused.']]);

            const answer = deferred<string>();
            requestCall.mockReturnValue(answer.promise);
            option(element, 'Attach Case').click();
            await flush();
            expect(errorPanels(element)).toHaveLength(0);
            answer.resolve('Requested.');
            await flush();
            await expect(element).toBeAccessible();
        });

        it('does nothing for an option with neither a record to create nor a record to attach to', async () => {
            const element = await loaded({
                ...CONTACT_ACTIONS,
                options: [{ action: 'ATTACH_TASK', label: 'Attach Task', createObject: null, targetRecordId: null }]
            });
            option(element, 'Attach Task').click();
            await flush();
            expect(requestCall).not.toHaveBeenCalled();
            expect(createForm(element)).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('shows a done attachment to a case with a link to that case, and no news of it', async () => {
            stateCall.mockResolvedValue(ATTACHED);
            const element = render();
            const toasts = collectToasts(element);
            await flush();
            const attached = root(element).querySelector('.visitor-panel__attached')!;
            expect(attached.querySelector('span')!.textContent).toBe('This chat is attached to a case.');
            expect(attached.querySelector<HTMLElement & { iconName: string }>('lightning-icon')!.iconName).toBe(
                'standard:case'
            );
            const link = attached.querySelector<HTMLAnchorElement>('a')!;
            expect([link.textContent, link.dataset.recordId, link.getAttribute('href')]).toEqual([
                'Open the case',
                CASE_ID,
                urlOf(CASE_ID)
            ]);
            expect(nav.generateUrl.mock.calls).toEqual([[recordPage(CASE_ID)]]);
            // A request that was already done when the panel opened is no news: no toast, no message.
            for (const absent of [
                '.visitor-panel__pending',
                '.visitor-panel__message',
                '.visitor-panel__options',
                '.visitor-panel__no-action'
            ]) {
                expect(root(element).querySelector(absent)).toBeNull();
            }
            expect(toasts).toEqual([]);
            expect(notifyUpdate).not.toHaveBeenCalled();

            const click = new MouseEvent('click', { bubbles: true, cancelable: true });
            link.dispatchEvent(click);
            expect(click.defaultPrevented).toBe(true);
            expect(nav.navigate.mock.calls).toEqual([[recordPage(CASE_ID)]]);
            await expect(element).toBeAccessible();
        });

        it('shows a done attachment to a task with a link to that task', async () => {
            const element = await loaded(ATTACHED_TASK);
            const attached = root(element).querySelector('.visitor-panel__attached')!;
            expect(attached.querySelector('span')!.textContent).toBe('This chat is attached to a task.');
            const link = attached.querySelector<HTMLAnchorElement>('a')!;
            expect([link.textContent, link.dataset.recordId, link.getAttribute('href')]).toEqual([
                'Open the task',
                TASK_ID,
                urlOf(TASK_ID)
            ]);
            expect(root(element).querySelector('.visitor-panel__no-action')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('links the attachment to the page itself until its URL is known', async () => {
            nav.generateUrl.mockReturnValue(new Promise(() => undefined));
            stateCall.mockResolvedValue(ATTACHED);
            const element = render();
            await flush();
            expect(nav.generateUrl.mock.calls).toEqual([[recordPage(CASE_ID)]]);
            // The engine scopes a bare fragment (#) to the component: #-<n>.
            expect(
                root(element).querySelector<HTMLAnchorElement>('.visitor-panel__attached a')!.getAttribute('href')
            ).toMatch(/^#(-\d+)?$/);
            await expect(element).toBeAccessible();
        });

        it('hands the error to the error panel when the actions cannot be loaded', async () => {
            const failure = { body: { message: 'The chat does not exist or you do not have access to it.' } };
            stateCall.mockRejectedValue(failure);
            const element = render();
            await flush();
            const panels = errorPanels(element);
            expect(panels.map((panel) => [panel.friendlyMessage, panel.errors])).toEqual([
                ['The action could not be completed.', failure]
            ]);
            expect(reasonsShown(panels[0]!)).toEqual(['The chat does not exist or you do not have access to it.']);
            expect(root(element).querySelector('.visitor-panel__actions-loading')).toBeNull();
            expect(root(element).querySelector('.visitor-panel__options')).toBeNull();
            await expect(element).toBeAccessible();
        });
    });

    describe('creating a record', () => {
        async function openContactForm(label = 'Create Contact & Attach Case'): Promise<ActionsElement> {
            defaultsCall.mockResolvedValue(CONTACT_DEFAULTS);
            const element = await loaded(NOT_FOUND_ACTIONS);
            option(element, label).click();
            await flush();
            layoutWire.emit(CONTACT_CREATE_DEFAULTS);
            await flush();
            return element;
        }

        it('opens the form of the chosen action in place of the actions', async () => {
            const element = await openContactForm();
            const form = createForm(element) as HTMLElement & {
                chatId: string;
                option: unknown;
                disabled: boolean;
            };
            expect([form.chatId, form.option, form.disabled]).toEqual([CHAT_ID, NOT_FOUND_ACTIONS.options[2], false]);
            expect(defaultsCall.mock.calls).toEqual([[{ chatId: CHAT_ID, action: 'CREATE_CONTACT_CASE' }]]);
            expect(root(element).querySelector('.visitor-panel__options')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('attaches the chat to the record the form created', async () => {
            requestCall.mockResolvedValue('Attached: a case was created for the contact.');
            const element = await openContactForm();
            stateCall.mockResolvedValue(ATTACHED);

            createForm(element)!.dispatchEvent(new CustomEvent('created', { detail: { id: '003000000000009AAA' } }));
            await flush();

            expect(requestCall.mock.calls).toEqual([
                [{ chatId: CHAT_ID, action: 'CREATE_CONTACT_CASE', recordId: '003000000000009AAA' }]
            ]);
            expect(createForm(element)).toBeNull();
            expect(textOf(element, '.visitor-panel__message')).toBe('Attached: a case was created for the contact.');
            expect(textOf(element, '.visitor-panel__attached')).toMatch(
                /^This chat is attached to a case\.\s*Open the case$/
            );
            await expect(element).toBeAccessible();
        });

        it('closes the form without attaching anything, and gives the focus back to the action that opened it', async () => {
            const element = await openContactForm('Create Contact & Attach Task');
            const focus = jest.spyOn(HTMLElement.prototype, 'focus');

            createForm(element)!.dispatchEvent(new CustomEvent('close'));
            await flush();

            expect(createForm(element)).toBeNull();
            expect(requestCall).not.toHaveBeenCalled();
            expect(options(element)).toHaveLength(4);
            expect(focus.mock.contexts).toEqual([option(element, 'Create Contact & Attach Task')]);
            focus.mockRestore();
            await expect(element).toBeAccessible();
        });
    });

    describe('polling a pending attachment', () => {
        it('checks a pending attachment and tells the agent when it is done', async () => {
            jest.useFakeTimers();
            stateCall.mockResolvedValue(PENDING);
            const element = render((panel) => {
                panel.refreshSeconds = 10;
            });
            const toasts = collectToasts(element);
            await jest.advanceTimersByTimeAsync(0);
            expect(textOf(element, '.visitor-panel__pending')).toBe(
                'A case will be created for this chat when it ends.'
            );
            expect(stateCall).toHaveBeenCalledTimes(1);

            await jest.advanceTimersByTimeAsync(9_999);
            expect(stateCall).toHaveBeenCalledTimes(1);
            await jest.advanceTimersByTimeAsync(1);
            expect(stateCall).toHaveBeenCalledTimes(2);
            expect(toasts).toEqual([]);

            stateCall.mockResolvedValue(ATTACHED);
            await jest.advanceTimersByTimeAsync(10_000);
            expect(stateCall).toHaveBeenCalledTimes(3);
            expect(stateCall).toHaveBeenLastCalledWith({ chatId: CHAT_ID });
            expect(textOf(element, '.visitor-panel__message')).toBe('Done: This chat is attached to a case.');
            expect(root(element).querySelector('.visitor-panel__pending')).toBeNull();
            expect(toasts).toEqual([
                { title: 'Chat attached', message: 'This chat is attached to a case.', variant: 'success' }
            ]);
            expect(notifyUpdate.mock.calls).toEqual([[[{ recordId: CHAT_ID }]]]);

            await jest.advanceTimersByTimeAsync(600_000);
            expect(stateCall).toHaveBeenCalledTimes(3);
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });

        it.each([
            [1, 5],
            [0, 15],
            [1000, 300]
        ])('asked to check every %i seconds, checks every %i', async (refreshSeconds, seconds) => {
            jest.useFakeTimers();
            stateCall.mockResolvedValue(PENDING);
            const element = render((panel) => {
                panel.refreshSeconds = refreshSeconds;
            });
            await jest.advanceTimersByTimeAsync(0);
            expect(stateCall).toHaveBeenCalledTimes(1);
            await jest.advanceTimersByTimeAsync(seconds * 1000 - 1);
            expect(stateCall).toHaveBeenCalledTimes(1);
            await jest.advanceTimersByTimeAsync(1);
            expect(stateCall).toHaveBeenCalledTimes(2);
            await jest.advanceTimersByTimeAsync(seconds * 1000);
            expect(stateCall).toHaveBeenCalledTimes(3);
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });

        it('does not poll when nothing is pending', async () => {
            jest.useFakeTimers();
            const element = render();
            await jest.advanceTimersByTimeAsync(600_000);
            expect(stateCall).toHaveBeenCalledTimes(1);
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });

        it('stops and shows the error when a check fails', async () => {
            jest.useFakeTimers();
            stateCall.mockResolvedValueOnce(PENDING);
            const failure = { body: { message: 'Session expired.' } };
            stateCall.mockRejectedValueOnce(failure);
            const element = render((panel) => {
                panel.refreshSeconds = 5;
            });
            await jest.advanceTimersByTimeAsync(5_000);
            expect(stateCall).toHaveBeenCalledTimes(2);
            expect(errorPanels(element).map((panel) => [panel.friendlyMessage, panel.errors])).toEqual([
                ['The action could not be completed.', failure]
            ]);
            await jest.advanceTimersByTimeAsync(60_000);
            expect(stateCall).toHaveBeenCalledTimes(2);
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });

        it('shows the error when the page cannot be told of the done attachment', async () => {
            jest.useFakeTimers();
            stateCall.mockResolvedValueOnce(PENDING);
            stateCall.mockResolvedValueOnce(ATTACHED);
            const failure = new Error('The record could not be refreshed.');
            notifyUpdate.mockRejectedValueOnce(failure);
            const element = render((panel) => {
                panel.refreshSeconds = 5;
            });
            await jest.advanceTimersByTimeAsync(5_000);
            expect(errorPanels(element).map((panel) => [panel.friendlyMessage, panel.errors])).toEqual([
                ['The action could not be completed.', failure]
            ]);
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });

        it('does not check again when it left the page while a check was under way', async () => {
            jest.useFakeTimers();
            stateCall.mockResolvedValueOnce(PENDING);
            const check = deferred<ActionState>();
            stateCall.mockReturnValueOnce(check.promise);
            stateCall.mockResolvedValue(PENDING);
            const element = render((panel) => {
                panel.refreshSeconds = 5;
            });
            await jest.advanceTimersByTimeAsync(5_000);
            expect(stateCall).toHaveBeenCalledTimes(2);

            document.body.removeChild(element);
            check.resolve(PENDING);
            await jest.advanceTimersByTimeAsync(120_000);
            expect(stateCall).toHaveBeenCalledTimes(2);

            jest.useRealTimers();
            document.body.appendChild(element);
            await flush();
            expect(stateCall).toHaveBeenCalledTimes(3);
            await expect(element).toBeAccessible();
        });

        it('stops checking when it leaves the page, and reads the state again when it comes back', async () => {
            jest.useFakeTimers();
            stateCall.mockResolvedValue(PENDING);
            const element = render();
            await jest.advanceTimersByTimeAsync(15_000);
            expect(stateCall).toHaveBeenCalledTimes(2);

            document.body.removeChild(element);
            await jest.advanceTimersByTimeAsync(120_000);
            expect(stateCall).toHaveBeenCalledTimes(2);

            jest.useRealTimers();
            stateCall.mockResolvedValue(ATTACHED);
            document.body.appendChild(element);
            await flush();
            expect(stateCall).toHaveBeenCalledTimes(3);
            expect(textOf(element, '.visitor-panel__attached span')).toBe('This chat is attached to a case.');
            // The accessibility check runs on the component back on the page, never on an empty page.
            await expect(element).toBeAccessible();
        });
    });
});
