import { createElement } from 'lwc';
import VisitorPanel from 'c/visitorPanel';
import { getRecord, getRecordCreateDefaults } from 'lightning/uiRecordApi';
import getPanelFields from '@salesforce/apex/VisitorPanelController.getPanelFields';
import getActionState from '@salesforce/apex/ChatActionsController.getActionState';
import getCreateDefaults from '@salesforce/apex/ChatActionsController.getCreateDefaults';
import requestAction from '@salesforce/apex/ChatActionsController.requestAction';
import {
    CHAT_ID,
    CONTACT_ID,
    ACCOUNT_ID,
    CASE_ID,
    IDENTIFIED_CONTACT,
    IDENTIFIED_LEAD,
    NOT_FOUND,
    AMBIGUOUS,
    UNDECIDED,
    JUST_STARTED,
    PANEL_FIELDS,
    CONTACT_ACTIONS,
    LEAD_ACTIONS,
    NOT_FOUND_ACTIONS,
    PENDING,
    ATTACHED,
    CONTACT_DEFAULTS,
    CONTACT_CREATE_DEFAULTS
} from './data/visitorPanelData';

jest.mock(
    '@salesforce/apex/VisitorPanelController.getPanelFields',
    () => {
        const { createApexTestWireAdapter } = jest.requireActual<{
            createApexTestWireAdapter: (fn: jest.Mock) => unknown;
        }>('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()), __esModule: true };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/ChatActionsController.getActionState', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock(
    '@salesforce/apex/ChatActionsController.getCreateDefaults',
    () => ({ default: jest.fn(), __esModule: true }),
    {
        virtual: true
    }
);
jest.mock('@salesforce/apex/ChatActionsController.requestAction', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});

interface WireMock {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}

const recordWire = getRecord as unknown as WireMock;
const createDefaultsWire = getRecordCreateDefaults as unknown as WireMock;
const panelFieldsWire = getPanelFields as unknown as WireMock;
const actionStateCall = getActionState as unknown as jest.Mock;
const createDefaultsCall = getCreateDefaults as unknown as jest.Mock;
const requestCall = requestAction as unknown as jest.Mock;

interface PanelElement extends HTMLElement {
    recordId: string;
    readOnly: boolean;
    hideSession: boolean;
    refreshSeconds: number;
}

interface FormElement extends HTMLElement {
    recordId: string;
    objectApiName: string;
    fields: string[];
    mode: string;
}

interface InputFieldElement extends HTMLElement {
    fieldName: string;
    value: unknown;
    required: boolean;
}

function render(setup?: (element: PanelElement) => void): PanelElement {
    const element = createElement('c-visitor-panel', { is: VisitorPanel }) as unknown as PanelElement;
    element.recordId = CHAT_ID;
    setup?.(element);
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

async function loaded(chat = IDENTIFIED_CONTACT): Promise<PanelElement> {
    const element = render();
    recordWire.emit(chat);
    panelFieldsWire.emit(PANEL_FIELDS);
    await flush();
    return element;
}

function textOf(element: HTMLElement, selector: string): string {
    return root(element).querySelector(selector)?.textContent.trim() ?? '';
}

function button(element: HTMLElement, label: string): HTMLElement & { disabled: boolean } {
    const found = Array.from(
        root(element).querySelectorAll<HTMLElement & { label: string; disabled: boolean }>('lightning-button')
    ).find((candidate) => candidate.label === label);
    if (!found) {
        throw new Error(`No button labelled ${label}`);
    }
    return found;
}

function fieldsOf(element: HTMLElement, sectionId: string): Record<string, string> {
    const section = root(element).querySelector(`[data-section="${sectionId}"]`);
    const terms = Array.from(section?.querySelectorAll('dt') ?? []);
    return Object.fromEntries(
        terms.map((term) => [term.textContent.trim(), term.nextElementSibling!.textContent.trim()])
    );
}

describe('c-visitor-panel', () => {
    beforeEach(() => {
        actionStateCall.mockResolvedValue(CONTACT_ACTIONS);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    it('shows a spinner while the chat loads', async () => {
        const element = render();
        expect(root(element).querySelector('lightning-spinner')).not.toBeNull();
        expect(textOf(element, 'h2')).toBe('Visitor');
        await expect(element).toBeAccessible();
    });

    it('says so when the chat cannot be loaded', async () => {
        const element = render();
        recordWire.error({ message: 'You do not have access to this record.' }, 403, 'Forbidden');
        await flush();
        const panel = root(element).querySelector<HTMLElement & { friendlyMessage: string }>('c-error-panel');
        expect(panel?.friendlyMessage).toBe('The chat could not be loaded.');
        expect(root(element).querySelector('.visitor-panel__identification')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the visitor, the session, custom variables and the pre-chat form as text', async () => {
        const element = await loaded();

        expect(textOf(element, 'h2')).toBe('Maria Lopez');
        expect(recordWire.getLastConfig()).toMatchObject({ recordId: CHAT_ID, optionalFields: expect.any(Array) });
        expect(fieldsOf(element, 'visitor')).toMatchObject({
            'Visitor Name': 'Maria Lopez',
            'Visitor Email': 'maria.lopez@example.com',
            'Visitor Company': 'Northwind Traders',
            City: 'San Francisco'
        });
        const session = fieldsOf(element, 'session');
        expect(session['Start Time']).toBe('shown 2025-11-25T09:40:12.000Z');
        expect(session.Browser).toBe('Chrome 131');
        expect(fieldsOf(element, 'custom-variables')).toEqual({ plan: 'Enterprise', cartValue: '1299.00' });
        expect(fieldsOf(element, 'pre-chat')).toEqual({
            Department: 'Sales',
            Question: '<b>Do you ship to Canada?</b>'
        });
        expect(root(element).querySelector('.visitor-panel__section b')).toBeNull();

        const links = Array.from(root(element).querySelectorAll<HTMLAnchorElement>('.visitor-panel__section a'));
        expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://www.example.com/pricing']);
        expect(links[0]!.rel).toBe('noopener noreferrer');
        // eslint-disable-next-line no-script-url -- the hostile value, shown as text
        expect(session['Referrer URL']).toBe('javascript:alert(1)');
        await expect(element).toBeAccessible();
    });

    it('keeps a value it cannot read as named values, and can hide the session', async () => {
        const element = render((panel) => {
            panel.hideSession = true;
        });
        recordWire.emit(NOT_FOUND);
        await flush();

        expect(fieldsOf(element, 'custom-variables')).toEqual({ 'Value as received': 'not json' });
        expect(textOf(element, '[data-section="pre-chat"] p')).toBe('No pre-chat form was filled in.');
        expect(root(element).querySelector('[data-section="session"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says what is not known yet when a chat has only just started', async () => {
        const element = await loaded(JUST_STARTED);

        expect(textOf(element, 'h2')).toBe('Visitor');
        expect(textOf(element, '[data-section="visitor"] p')).toBe('Nothing is known about the visitor yet.');
        expect(textOf(element, '[data-section="custom-variables"] p')).toBe('No custom variables were sent.');
        expect(textOf(element, '[data-section="pre-chat"] p')).toBe('No pre-chat form was filled in.');
        expect(textOf(element, '.visitor-panel__identification-text')).toBe('The visitor has not been identified yet.');
        expect(root(element).querySelector('lightning-record-form')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('links the identified contact and shows it and its account editable in place', async () => {
        const element = await loaded();

        expect(textOf(element, '.visitor-panel__identification-text')).toBe('Identified as Contact');
        const link = root(element).querySelector<HTMLAnchorElement>('.visitor-panel__matched-link')!;
        expect(link.textContent.trim()).toBe('Maria Lopez');
        expect(link.getAttribute('href')).toBe('https://www.example.com');
        expect(
            link.querySelector('lightning-icon')?.getAttribute('icon-name') ??
                (link.querySelector('lightning-icon') as unknown as { iconName: string }).iconName
        ).toBe('standard:contact');

        const contactForm = root(element).querySelector<FormElement>('.visitor-panel__matched-record')!;
        expect(contactForm.recordId).toBe(CONTACT_ID);
        expect(contactForm.objectApiName).toBe('Contact');
        expect(contactForm.fields).toEqual(['Name', 'Email', 'Phone', 'Department', 'OwnerId']);
        expect(contactForm.mode).toBe('view');
        const accountForm = root(element).querySelector<FormElement>('.visitor-panel__account-record')!;
        expect(accountForm.recordId).toBe(ACCOUNT_ID);
        expect(accountForm.fields).toEqual(['Name', 'OwnerId']);
        await expect(element).toBeAccessible();
    });

    it('shows the identified record read-only when the page says so', async () => {
        const element = render((panel) => {
            panel.readOnly = true;
        });
        recordWire.emit(IDENTIFIED_CONTACT);
        await flush();
        expect(root(element).querySelector<FormElement>('.visitor-panel__matched-record')!.mode).toBe('readonly');
        await expect(element).toBeAccessible();
    });

    it('says when no record or several records match', async () => {
        const notFound = await loaded(NOT_FOUND);
        expect(textOf(notFound, '.visitor-panel__identification-text')).toBe(
            'No Contact or Lead matches this visitor.'
        );
        expect(root(notFound).querySelector('lightning-record-form')).toBeNull();

        const ambiguous = await loaded(AMBIGUOUS);
        expect(textOf(ambiguous, '.visitor-panel__identification-text')).toMatch(/^Several records match this visitor/);
        await expect(ambiguous).toBeAccessible();
    });

    it('says when the identification rules could not decide, and shows no record', async () => {
        const undecided = await loaded(UNDECIDED);
        expect(textOf(undecided, '.visitor-panel__identification-text')).toMatch(
            /^The identification rules could not decide who this visitor is/
        );
        expect(root(undecided).querySelector('lightning-record-form')).toBeNull();
        await expect(undecided).toBeAccessible();
    });

    it('offers a found contact exactly Attach Case and Attach Task', async () => {
        const element = await loaded();
        expect(actionStateCall).toHaveBeenCalledWith({ chatId: CHAT_ID });
        const labels = Array.from(
            root(element).querySelectorAll<HTMLElement & { label: string }>('.visitor-panel__options lightning-button')
        ).map((b) => b.label);
        expect(labels).toEqual(['Attach Case', 'Attach Task']);
        await expect(element).toBeAccessible();
    });

    it('offers a found lead only Attach Task', async () => {
        actionStateCall.mockResolvedValue(LEAD_ACTIONS);
        const element = await loaded(IDENTIFIED_LEAD);
        const labels = Array.from(
            root(element).querySelectorAll<HTMLElement & { label: string }>('.visitor-panel__options lightning-button')
        ).map((b) => b.label);
        expect(labels).toEqual(['Attach Task']);
        expect(root(element).querySelector('.visitor-panel__account-record')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('offers a visitor not found the four create actions', async () => {
        actionStateCall.mockResolvedValue(NOT_FOUND_ACTIONS);
        const element = await loaded(NOT_FOUND);
        const labels = Array.from(
            root(element).querySelectorAll<HTMLElement & { label: string }>('.visitor-panel__options lightning-button')
        ).map((b) => b.label);
        expect(labels).toEqual([
            'Create Lead & Attach Task',
            'Create Case',
            'Create Contact & Attach Case',
            'Create Contact & Attach Task'
        ]);
        await expect(element).toBeAccessible();
    });

    it('attaches a case to the found contact and tells the agent what happens next', async () => {
        requestCall.mockResolvedValue('The chat will be attached when it ends.');
        const element = await loaded();
        const toasts: string[] = [];
        element.addEventListener('lightning__showtoast', (event) => {
            toasts.push((event as CustomEvent<{ message: string }>).detail.message);
        });
        actionStateCall.mockResolvedValue(PENDING);

        button(element, 'Attach Case').click();
        await flush();

        expect(requestCall).toHaveBeenCalledWith({ chatId: CHAT_ID, action: 'ATTACH_CASE', recordId: CONTACT_ID });
        expect(textOf(element, '.visitor-panel__message')).toBe('The chat will be attached when it ends.');
        expect(textOf(element, '.visitor-panel__pending')).toBe('A case will be created for this chat when it ends.');
        expect(root(element).querySelector('.visitor-panel__options')).toBeNull();
        expect(toasts).toEqual(['The chat will be attached when it ends.']);
        await expect(element).toBeAccessible();
    });

    it('shows why an attachment was refused', async () => {
        requestCall.mockRejectedValue({ body: { message: 'This chat already has a request.' }, status: 400 });
        const element = await loaded();

        button(element, 'Attach Task').click();
        await flush();

        const panel = root(element).querySelector<HTMLElement & { errors: unknown; friendlyMessage: string }>(
            'c-error-panel'
        );
        expect(panel?.friendlyMessage).toBe('The action could not be completed.');
        expect(panel?.errors).toEqual({ body: { message: 'This chat already has a request.' }, status: 400 });
        await expect(element).toBeAccessible();
    });

    it('builds the create form from the layout, marks required fields and pre-fills the mapped values', async () => {
        actionStateCall.mockResolvedValue(NOT_FOUND_ACTIONS);
        createDefaultsCall.mockResolvedValue(CONTACT_DEFAULTS);
        const element = await loaded(NOT_FOUND);

        button(element, 'Create Contact & Attach Case').click();
        await flush();
        expect(createDefaultsCall).toHaveBeenCalledWith({ chatId: CHAT_ID, action: 'CREATE_CONTACT_CASE' });
        expect(createDefaultsWire.getLastConfig()).toEqual({ objectApiName: 'Contact' });
        createDefaultsWire.emit(CONTACT_CREATE_DEFAULTS);
        await flush();

        const inputs = Array.from(root(element).querySelectorAll<InputFieldElement>('lightning-input-field'));
        expect(inputs.map((input) => input.fieldName)).toEqual([
            'Salutation',
            'FirstName',
            'LastName',
            'AccountId',
            'Phone',
            'Email',
            'Department'
        ]);
        const byName = Object.fromEntries(inputs.map((input) => [input.fieldName, input]));
        expect(byName.LastName!.required).toBe(true);
        expect(byName.Email!.required).toBe(true);
        expect(byName.Phone!.required).toBe(false);
        expect(byName.LastName!.value).toBe('Maria Lopez');
        expect(byName.Department!.value).toBe('Sales');
        expect(textOf(element, '.visitor-panel__skipped')).toBe(
            'Not pre-filled: Contact.Phone: you do not have access to write this field.'
        );
        expect(root(element).querySelector('.visitor-panel__options')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('attaches the chat to the record the form created', async () => {
        actionStateCall.mockResolvedValue(NOT_FOUND_ACTIONS);
        createDefaultsCall.mockResolvedValue(CONTACT_DEFAULTS);
        requestCall.mockResolvedValue('Attached: a case was created for the contact.');
        const element = await loaded(NOT_FOUND);
        button(element, 'Create Contact & Attach Case').click();
        await flush();
        createDefaultsWire.emit(CONTACT_CREATE_DEFAULTS);
        await flush();
        actionStateCall.mockResolvedValue(ATTACHED);

        const form = root(element).querySelector('lightning-record-edit-form')!;
        form.dispatchEvent(new CustomEvent('submit'));
        form.dispatchEvent(new CustomEvent('success', { detail: { id: '003000000000009AAA' } }));
        await flush();

        expect(requestCall).toHaveBeenCalledWith({
            chatId: CHAT_ID,
            action: 'CREATE_CONTACT_CASE',
            recordId: '003000000000009AAA'
        });
        expect(root(element).querySelector('lightning-record-edit-form')).toBeNull();
        expect(textOf(element, '.visitor-panel__message')).toBe('Attached: a case was created for the contact.');
        expect(textOf(element, '.visitor-panel__attached')).toMatch(
            /This chat is attached to a case\.\s*Open the case/
        );
        await expect(element).toBeAccessible();
    });

    it('closes the create form on cancel without attaching anything', async () => {
        actionStateCall.mockResolvedValue(NOT_FOUND_ACTIONS);
        createDefaultsCall.mockResolvedValue(CONTACT_DEFAULTS);
        const element = await loaded(NOT_FOUND);
        button(element, 'Create Contact & Attach Task').click();
        await flush();
        createDefaultsWire.emit(CONTACT_CREATE_DEFAULTS);
        await flush();

        button(element, 'Cancel').click();
        await flush();

        expect(root(element).querySelector('lightning-record-edit-form')).toBeNull();
        expect(requestCall).not.toHaveBeenCalled();
        expect(root(element).querySelectorAll('.visitor-panel__options lightning-button')).toHaveLength(4);
        await expect(element).toBeAccessible();
    });

    it('says when the create form cannot be prepared', async () => {
        actionStateCall.mockResolvedValue(NOT_FOUND_ACTIONS);
        createDefaultsCall.mockRejectedValue({ body: { message: '"X" creates no record.' } });
        const element = await loaded(NOT_FOUND);
        button(element, 'Create Case').click();
        await flush();

        const panel = root(element).querySelector<HTMLElement & { friendlyMessage: string }>(
            '.visitor-panel__create c-error-panel'
        );
        expect(panel?.friendlyMessage).toBe('The form could not be loaded.');
        await expect(element).toBeAccessible();
    });

    it('shows a done attachment with a link to it', async () => {
        actionStateCall.mockResolvedValue(ATTACHED);
        const element = await loaded();
        expect(textOf(element, '.visitor-panel__attached')).toMatch(/^This chat is attached to a case\./);
        const link = root(element).querySelector<HTMLAnchorElement>('.visitor-panel__attached a')!;
        expect(link.dataset.recordId).toBe(CASE_ID);
        expect(root(element).querySelector('.visitor-panel__options')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says when the actions cannot be loaded', async () => {
        actionStateCall.mockRejectedValue({
            body: { message: 'The chat does not exist or you do not have access to it.' }
        });
        const element = await loaded();
        const panel = root(element).querySelector<HTMLElement & { friendlyMessage: string }>(
            '.visitor-panel__actions c-error-panel'
        );
        expect(panel?.friendlyMessage).toBe('The action could not be completed.');
        await expect(element).toBeAccessible();
    });

    it('checks a pending attachment and tells the agent when it is done', async () => {
        jest.useFakeTimers();
        actionStateCall.mockResolvedValue(PENDING);
        const element = render((panel) => {
            panel.refreshSeconds = 10;
        });
        recordWire.emit(IDENTIFIED_CONTACT);
        const toasts: string[] = [];
        element.addEventListener('lightning__showtoast', (event) => {
            toasts.push((event as CustomEvent<{ title: string }>).detail.title);
        });
        await jest.advanceTimersByTimeAsync(0);
        expect(textOf(element, '.visitor-panel__pending')).toBe('A case will be created for this chat when it ends.');
        expect(actionStateCall).toHaveBeenCalledTimes(1);

        await jest.advanceTimersByTimeAsync(10_000);
        expect(actionStateCall).toHaveBeenCalledTimes(2);
        expect(toasts).toEqual([]);

        actionStateCall.mockResolvedValue(ATTACHED);
        await jest.advanceTimersByTimeAsync(10_000);
        expect(actionStateCall).toHaveBeenCalledTimes(3);
        expect(textOf(element, '.visitor-panel__message')).toBe('Done: This chat is attached to a case.');
        expect(toasts).toEqual(['Chat attached']);

        await jest.advanceTimersByTimeAsync(60_000);
        expect(actionStateCall).toHaveBeenCalledTimes(3);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('stops checking when it leaves the page', async () => {
        jest.useFakeTimers();
        actionStateCall.mockResolvedValue(PENDING);
        const element = render();
        await jest.advanceTimersByTimeAsync(0);
        document.body.removeChild(element);
        await jest.advanceTimersByTimeAsync(120_000);
        expect(actionStateCall).toHaveBeenCalledTimes(1);
        jest.useRealTimers();
        // The panel is gone; what remains of the page must still be accessible.
        await expect(document.body).toBeAccessible();
    });
});
