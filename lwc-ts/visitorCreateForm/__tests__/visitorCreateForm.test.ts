import { createElement } from 'lwc';
import VisitorCreateForm from 'c/visitorCreateForm';
import { getRecordCreateDefaults } from 'lightning/uiRecordApi';
import getCreateDefaults from '@salesforce/apex/ChatActionsController.getCreateDefaults';
import type { CreateDefaults } from '@salesforce/apex/ChatActionsController.getCreateDefaults';
import type { ActionOption } from '@salesforce/apex/ChatActionsController.getActionState';
import {
    deferred,
    errorPanels,
    flush,
    guardConsole,
    reasonsShown,
    root,
    textOf
} from '../../visitorModel/__tests__/data/helpers';
import type { WireMock } from '../../visitorModel/__tests__/data/helpers';
import {
    CHAT_ID,
    CONTACT_CREATE_DEFAULTS,
    CONTACT_DEFAULTS,
    NOT_FOUND_ACTIONS,
    NO_LAYOUT_CREATE_DEFAULTS
} from '../../visitorModel/__tests__/data/visitorData';

jest.mock(
    '@salesforce/apex/ChatActionsController.getCreateDefaults',
    () => ({ default: jest.fn(), __esModule: true }),
    { virtual: true }
);

interface FormElement extends HTMLElement {
    chatId: string;
    option: ActionOption | undefined;
    disabled: boolean;
}

interface InputFieldElement extends HTMLElement {
    fieldName: string;
    value: unknown;
    required: boolean;
}

type ButtonElement = HTMLElement & { label: string; disabled: boolean };

const layoutWire = getRecordCreateDefaults as unknown as WireMock;
const defaultsCall = getCreateDefaults as unknown as jest.Mock;
const CONTACT_CASE = NOT_FOUND_ACTIONS.options[2]!;

function render(option: ActionOption | null = CONTACT_CASE): FormElement {
    const element = createElement('c-visitor-create-form', { is: VisitorCreateForm }) as unknown as FormElement;
    element.chatId = CHAT_ID;
    element.option = option ?? undefined;
    document.body.appendChild(element);
    return element;
}

async function opened(defaults: CreateDefaults = CONTACT_DEFAULTS): Promise<FormElement> {
    defaultsCall.mockResolvedValue(defaults);
    const element = render();
    await flush();
    layoutWire.emit(CONTACT_CREATE_DEFAULTS);
    await flush();
    return element;
}

function inputs(element: HTMLElement): InputFieldElement[] {
    return Array.from(root(element).querySelectorAll<InputFieldElement>('lightning-input-field'));
}

function button(element: HTMLElement, label: string): ButtonElement {
    const found = Array.from(root(element).querySelectorAll<ButtonElement>('lightning-button')).find(
        (candidate) => candidate.label === label
    );
    if (!found) {
        throw new Error(`No button labelled ${label}`);
    }
    return found;
}

function spinner(element: HTMLElement): (HTMLElement & { alternativeText: string }) | null {
    return root(element).querySelector<HTMLElement & { alternativeText: string }>('lightning-spinner');
}

describe('c-visitor-create-form', () => {
    guardConsole();

    beforeEach(() => {
        defaultsCall.mockReset();
    });

    it('builds the form from the layout, marks required fields and pre-fills the mapped values', async () => {
        const element = await opened();

        expect(defaultsCall.mock.calls).toEqual([[{ chatId: CHAT_ID, action: 'CREATE_CONTACT_CASE' }]]);
        expect(layoutWire.getLastConfig()).toEqual({ objectApiName: 'Contact' });
        expect(textOf(element, 'h4')).toBe('Create Contact & Attach Case');
        expect(
            root(element).querySelector<HTMLElement & { objectApiName: string }>('lightning-record-edit-form')!
                .objectApiName
        ).toBe('Contact');
        // Layout order; compound fields split into their parts, in their usual order (the parts without one
        // last, as given); not createable (Phone) and read-only on create (Title, Created By) left out, as is the
        // custom link; Department only mapped, so added at the end.
        expect(inputs(element).map((input) => [input.fieldName, input.required, input.value])).toEqual([
            ['Salutation', false, undefined],
            ['FirstName', false, undefined],
            ['LastName', true, 'Maria Lopez'],
            ['AccountId', false, undefined],
            ['Email', true, 'maria.lopez@example.com'],
            ['MailingStreet', false, undefined],
            ['MailingCity', false, undefined],
            ['MailingState', false, undefined],
            ['MailingPostalCode', false, undefined],
            ['MailingCountry', false, undefined],
            ['MailingGeocodeAccuracy', false, undefined],
            ['MailingLatitude', false, undefined],
            ['MailingLongitude', false, undefined],
            ['Department', false, 'Sales']
        ]);
        expect(textOf(element, '.visitor-panel__skipped')).toBe(
            'Not pre-filled: Contact.Phone: you do not have access to write this field; Contact.Description: the value is too long.'
        );
        expect(spinner(element)).toBeNull();
        expect(errorPanels(element)).toHaveLength(0);
        expect(button(element, 'Save and attach').disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('moves focus to its heading when it opens', async () => {
        defaultsCall.mockReturnValue(new Promise(() => undefined));
        const element = render();
        await flush();
        const heading = root(element).querySelector('h4')!;
        expect(heading.getAttribute('tabindex')).toBe('-1');
        expect(root(element).activeElement).toBe(heading);
        await expect(element).toBeAccessible();
    });

    it('shows every mapped field, none required, when the layout and the object are unknown', async () => {
        defaultsCall.mockResolvedValue({
            ...CONTACT_DEFAULTS,
            skipped: [],
            defaults: { ...CONTACT_DEFAULTS.defaults, Phone: '+1 415 555 0100' }
        });
        const element = render(NOT_FOUND_ACTIONS.options[3]);
        await flush();
        layoutWire.emit(NO_LAYOUT_CREATE_DEFAULTS);
        await flush();
        expect(textOf(element, 'h4')).toBe('Create Contact & Attach Task');
        expect(inputs(element).map((input) => [input.fieldName, input.required, input.value])).toEqual([
            ['LastName', false, 'Maria Lopez'],
            ['Email', false, 'maria.lopez@example.com'],
            ['Department', false, 'Sales'],
            ['Phone', false, '+1 415 555 0100']
        ]);
        expect(root(element).querySelector('.visitor-panel__skipped')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows a spinner until both the mapped values and the layout are in', async () => {
        const defaults = deferred<CreateDefaults>();
        defaultsCall.mockReturnValue(defaults.promise);
        const element = render();
        await flush();
        expect(spinner(element)?.alternativeText).toBe('Loading the form');
        expect(spinner(element)!.parentElement!.getAttribute('role')).toBe('status');
        expect(inputs(element)).toHaveLength(0);
        expect(root(element).querySelector('.visitor-panel__skipped')).toBeNull();

        layoutWire.emit(CONTACT_CREATE_DEFAULTS);
        await flush();
        expect(spinner(element)).not.toBeNull();
        expect(inputs(element)).toHaveLength(0);

        defaults.resolve(CONTACT_DEFAULTS);
        await flush();
        expect(spinner(element)).toBeNull();
        expect(inputs(element)).toHaveLength(14);
        await expect(element).toBeAccessible();
    });

    it('shows a spinner while only the layout is missing', async () => {
        defaultsCall.mockResolvedValue(CONTACT_DEFAULTS);
        const element = render();
        await flush();
        expect(spinner(element)).not.toBeNull();
        expect(inputs(element)).toHaveLength(0);
        await expect(element).toBeAccessible();
    });

    it('cannot be saved twice: disabled while it saves, again after an error, and while the panel is busy', async () => {
        const element = await opened();
        const form = root(element).querySelector('lightning-record-edit-form')!;
        form.dispatchEvent(new CustomEvent('submit'));
        await flush();
        expect(button(element, 'Save and attach').disabled).toBe(true);
        form.dispatchEvent(new CustomEvent('error', { detail: { message: 'Required fields are missing.' } }));
        await flush();
        expect(button(element, 'Save and attach').disabled).toBe(false);
        expect(root(element).querySelector('lightning-record-edit-form lightning-messages')).not.toBeNull();

        element.disabled = true;
        await flush();
        expect(button(element, 'Save and attach').disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('says which record was created, and when the agent cancels', async () => {
        const element = await opened();
        const created: unknown[] = [];
        let closed = 0;
        element.addEventListener('created', (event) => created.push((event as CustomEvent).detail));
        element.addEventListener('close', () => (closed += 1));

        const form = root(element).querySelector('lightning-record-edit-form')!;
        form.dispatchEvent(new CustomEvent('submit'));
        form.dispatchEvent(new CustomEvent('success', { detail: { id: '003000000000009AAA' } }));
        await flush();
        expect(created).toEqual([{ id: '003000000000009AAA' }]);
        expect(button(element, 'Save and attach').disabled).toBe(false);

        button(element, 'Cancel').click();
        expect(closed).toBe(1);
        expect(created).toHaveLength(1);
        await expect(element).toBeAccessible();
    });

    it('hands the error to the error panel when the mapped values cannot be prepared, and can be closed', async () => {
        const failure = { body: { message: '"X" creates no record.' } };
        defaultsCall.mockRejectedValue(failure);
        const element = render(NOT_FOUND_ACTIONS.options[1]);
        let closed = 0;
        element.addEventListener('close', () => (closed += 1));
        await flush();
        layoutWire.emit(CONTACT_CREATE_DEFAULTS);
        await flush();

        const panels = errorPanels(element);
        expect(panels.map((panel) => [panel.friendlyMessage, panel.errors])).toEqual([
            ['The form could not be loaded.', failure]
        ]);
        expect(reasonsShown(panels[0]!)).toEqual(['"X" creates no record.']);
        expect(spinner(element)).toBeNull();
        expect(inputs(element)).toHaveLength(0);
        button(element, 'Close').click();
        expect(closed).toBe(1);
        await expect(element).toBeAccessible();
    });

    it('hands the error to the error panel when the layout cannot be read', async () => {
        defaultsCall.mockResolvedValue(CONTACT_DEFAULTS);
        const element = render();
        await flush();
        layoutWire.error([{ errorCode: 'INSUFFICIENT_ACCESS', message: 'No access to Contact.' }], 403);
        await flush();
        expect(errorPanels(element).map((panel) => [panel.friendlyMessage, panel.errors])).toEqual([
            [
                'The form could not be loaded.',
                {
                    body: [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'No access to Contact.' }],
                    ok: false,
                    status: 403,
                    statusText: 'NOT_FOUND'
                }
            ]
        ]);
        expect(spinner(element)).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('asks for nothing without an action', async () => {
        const element = render(null);
        await flush();
        expect(defaultsCall).not.toHaveBeenCalled();
        expect(textOf(element, 'h4')).toBe('');
        layoutWire.emit(CONTACT_CREATE_DEFAULTS);
        await flush();
        expect(inputs(element)).toHaveLength(0);
        await expect(element).toBeAccessible();
    });
});
