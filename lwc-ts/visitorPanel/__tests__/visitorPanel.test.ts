import { createElement } from 'lwc';
import VisitorPanel from 'c/visitorPanel';
import { getRecord, getRecordCreateDefaults, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import getPanelFields from '@salesforce/apex/VisitorPanelController.getPanelFields';
import getActionState from '@salesforce/apex/ChatActionsController.getActionState';
import type { ActionState } from '@salesforce/apex/ChatActionsController.getActionState';
import getCreateDefaults from '@salesforce/apex/ChatActionsController.getCreateDefaults';
import requestAction from '@salesforce/apex/ChatActionsController.requestAction';
import {
    CHAT_ID,
    CONTACT_ID,
    LEAD_ID,
    ACCOUNT_ID,
    CASE_ID,
    TASK_ID,
    chatRecord,
    IDENTIFIED_CONTACT,
    IDENTIFIED_LEAD,
    IDENTIFIED_ACCOUNT,
    NOT_FOUND,
    AMBIGUOUS,
    UNDECIDED,
    JUST_STARTED,
    CHAT_INFO,
    PANEL_FIELDS,
    CONTACT_ACTIONS,
    LEAD_ACTIONS,
    NOT_FOUND_ACTIONS,
    PENDING,
    ATTACHED,
    ATTACHED_TASK,
    CONTACT_DEFAULTS,
    CONTACT_CREATE_DEFAULTS,
    NO_LAYOUT_CREATE_DEFAULTS
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

// Navigation that answers for the record it is asked about, so a link built for the wrong record
// shows: the stub of sfdx-lwc-jest gives every record the same URL and records no navigation.
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
    getLastConfig(): Record<string, unknown>;
}

interface PageReference {
    type: string;
    attributes: { recordId: string; actionName: string };
}

const navigation = jest.requireMock<{ navigate: jest.Mock; generateUrl: jest.Mock }>('lightning/navigation');
const recordWire = getRecord as unknown as WireMock;
const objectInfoWire = getObjectInfo as unknown as WireMock;
const createDefaultsWire = getRecordCreateDefaults as unknown as WireMock;
const panelFieldsWire = getPanelFields as unknown as WireMock;
const actionStateCall = getActionState as unknown as jest.Mock;
const createDefaultsCall = getCreateDefaults as unknown as jest.Mock;
const requestCall = requestAction as unknown as jest.Mock;
const notifyUpdate = notifyRecordUpdateAvailable as unknown as jest.Mock;

/** The URL the navigation service gives a record's page. */
function urlOf(recordId: string): string {
    return `/lightning/r/${recordId}/view`;
}

function recordPage(recordId: string): PageReference {
    return { type: 'standard__recordPage', attributes: { recordId, actionName: 'view' } };
}

/** Every field the panel reads from the chat, in the panel's order, as the schema imports name them. */
const CHAT_FIELD_NAMES = [
    'Visitor_Name__c',
    'Visitor_Email__c',
    'Visitor_Phone__c',
    'Visitor_Company__c',
    'Visitor_Id__c',
    'City__c',
    'State__c',
    'Country__c',
    'Language__c',
    'Time_Zone__c',
    'Kind__c',
    'Status__c',
    'Source__c',
    'Start_Time__c',
    'End_Time__c',
    'Department__c',
    'Product_Service__c',
    'IP_Address__c',
    'Browser__c',
    'Operating_System__c',
    'Screen_Resolution__c',
    'Landing_Page_URL__c',
    'Referrer_URL__c',
    'Current_Page_URL__c',
    'Search_Engine__c',
    'Search_Keywords__c',
    'Visit_Times__c',
    'Chat_Times__c',
    'Page_Views__c',
    'First_Visit_Time__c',
    'Custom_Variables__c',
    'Pre_Chat_Fields__c',
    'Identification_Status__c',
    'Matched_Object__c',
    'Matched_Record_Id__c',
    'Matched_Record_Name__c',
    'Account__c'
];

interface PanelElement extends HTMLElement {
    recordId: string | undefined;
    readOnly: boolean;
    hideSession: boolean;
    hideCustomData: boolean;
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

interface ErrorPanelElement extends HTMLElement {
    errors: unknown;
    friendlyMessage: string;
    variant: string | undefined;
}

interface IconElement extends HTMLElement {
    iconName: string;
    alternativeText: string;
}

interface Toast {
    title: string;
    message: string;
    variant: string;
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

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<T>((onResolve, onReject) => {
        resolve = onResolve;
        reject = onReject;
    });
    return { promise, resolve, reject };
}

async function loaded(chat = IDENTIFIED_CONTACT, setup?: (element: PanelElement) => void): Promise<PanelElement> {
    const element = render(setup);
    recordWire.emit(chat);
    panelFieldsWire.emit(PANEL_FIELDS);
    await flush();
    return element;
}

function textOf(element: HTMLElement, selector: string): string {
    return root(element).querySelector(selector)?.textContent.trim() ?? '';
}

function buttons(
    element: HTMLElement,
    selector = 'lightning-button'
): (HTMLElement & { label: string; disabled: boolean; iconName: string })[] {
    return Array.from(
        root(element).querySelectorAll<HTMLElement & { label: string; disabled: boolean; iconName: string }>(selector)
    );
}

function button(element: HTMLElement, label: string): HTMLElement & { disabled: boolean; iconName: string } {
    const found = buttons(element).find((candidate) => candidate.label === label);
    if (!found) {
        throw new Error(`No button labelled ${label}`);
    }
    return found;
}

function optionLabels(element: HTMLElement): string[] {
    return buttons(element, '.visitor-panel__options lightning-button').map((b) => b.label);
}

function fieldsOf(element: HTMLElement, sectionId: string): Record<string, string> {
    const section = root(element).querySelector(`[data-section="${sectionId}"]`);
    const terms = Array.from(section?.querySelectorAll('dt') ?? []);
    return Object.fromEntries(
        terms.map((term) => [term.textContent.trim(), term.nextElementSibling!.textContent.trim()])
    );
}

function errorPanels(element: HTMLElement, selector = 'c-error-panel'): ErrorPanelElement[] {
    return Array.from(root(element).querySelectorAll<ErrorPanelElement>(selector));
}

/** The reasons the error panel itself renders from the errors it was given. */
function reasonsShown(panel: ErrorPanelElement): string[] {
    return Array.from(panel.shadowRoot!.querySelectorAll('li')).map((item) => item.textContent);
}

function inputs(element: HTMLElement): InputFieldElement[] {
    return Array.from(root(element).querySelectorAll<InputFieldElement>('lightning-input-field'));
}

function collectToasts(element: HTMLElement): Toast[] {
    const toasts: Toast[] = [];
    element.addEventListener('lightning__showtoast', (event) => {
        toasts.push({ ...(event as CustomEvent<Toast>).detail });
    });
    return toasts;
}

function iconOf(container: Element | null): IconElement | null {
    return container?.querySelector<IconElement>('lightning-icon') ?? null;
}

describe('c-visitor-panel', () => {
    // The engine reports mistakes it survives (a repeated key, an unknown property) on the console:
    // a test that causes one fails.
    let consoleError: jest.SpyInstance;
    let consoleWarn: jest.SpyInstance;

    beforeEach(() => {
        consoleError = jest.spyOn(console, 'error');
        consoleWarn = jest.spyOn(console, 'warn');
        actionStateCall.mockReset();
        actionStateCall.mockResolvedValue(CONTACT_ACTIONS);
        createDefaultsCall.mockReset();
        requestCall.mockReset();
        notifyUpdate.mockReset();
        notifyUpdate.mockResolvedValue(undefined);
        navigation.generateUrl.mockReset();
        navigation.generateUrl.mockImplementation((pageReference: PageReference) =>
            Promise.resolve(urlOf(pageReference.attributes.recordId))
        );
        navigation.navigate.mockReset();
    });

    afterEach(() => {
        const logged = [...consoleError.mock.calls, ...consoleWarn.mock.calls];
        consoleError.mockRestore();
        consoleWarn.mockRestore();
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.useRealTimers();
        if (logged.length > 0) {
            throw new Error(`The test logged to the console: ${logged.map((args) => String(args[0])).join('; ')}`);
        }
    });

    describe('the chat', () => {
        it('shows a spinner while the chat loads, and only then', async () => {
            const element = render();
            expect(
                root(element).querySelector<HTMLElement & { alternativeText: string }>(
                    '.visitor-panel__loading lightning-spinner'
                )?.alternativeText
            ).toBe('Loading the visitor');
            expect(textOf(element, 'h2')).toBe('Visitor');
            expect(root(element).querySelector('.visitor-panel__identification')).toBeNull();
            await expect(element).toBeAccessible();

            recordWire.emit(IDENTIFIED_CONTACT);
            await flush();
            expect(root(element).querySelector('.visitor-panel__loading')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('asks the data service for exactly the chat fields it shows, the Account among them, as optional fields', async () => {
            const element = await loaded();
            expect(recordWire.getLastConfig()).toEqual({
                recordId: CHAT_ID,
                optionalFields: CHAT_FIELD_NAMES.map((fieldApiName) => ({
                    objectApiName: 'Comm100_Chat__c',
                    fieldApiName
                }))
            });
            expect(recordWire.getLastConfig().optionalFields).toContainEqual({
                objectApiName: 'Comm100_Chat__c',
                fieldApiName: 'Account__c'
            });
            expect(recordWire.getLastConfig()).not.toHaveProperty('fields');
            expect(objectInfoWire.getLastConfig()).toEqual({ objectApiName: { objectApiName: 'Comm100_Chat__c' } });
            await expect(element).toBeAccessible();
        });

        it('hands the chat error to the error panel, and shows nothing of the chat', async () => {
            const element = render();
            recordWire.error({ message: 'You do not have access to this record.' }, 403, 'Forbidden');
            await flush();

            const panels = errorPanels(element);
            expect(panels).toHaveLength(1);
            expect(panels[0]!.friendlyMessage).toBe('The chat could not be loaded.');
            expect(panels[0]!.errors).toEqual({
                body: { message: 'You do not have access to this record.' },
                ok: false,
                status: 403,
                statusText: 'Forbidden'
            });
            expect(reasonsShown(panels[0]!)).toEqual(['You do not have access to this record.']);
            expect(root(element).querySelector('.visitor-panel__loading')).toBeNull();
            expect(root(element).querySelector('.visitor-panel__identification')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('clears the error when the chat arrives, and drops the chat when an error follows', async () => {
            const element = render();
            recordWire.error({ message: 'Timed out' }, 500, 'Server Error');
            await flush();
            expect(errorPanels(element)).toHaveLength(1);

            recordWire.emit(IDENTIFIED_CONTACT);
            await flush();
            expect(errorPanels(element)).toHaveLength(0);
            expect(textOf(element, 'h2')).toBe('Maria Lopez');

            recordWire.error({ message: 'The record was deleted.' }, 404, 'Not Found');
            await flush();
            expect(errorPanels(element).map((panel) => reasonsShown(panel))).toEqual([['The record was deleted.']]);
            expect(root(element).querySelector('.visitor-panel__identification')).toBeNull();
            expect(textOf(element, 'h2')).toBe('Visitor');
            await expect(element).toBeAccessible();
        });

        it('shows the visitor, the session, custom variables and the pre-chat form as text, in that order', async () => {
            const element = await loaded();

            expect(textOf(element, 'h2')).toBe('Maria Lopez');
            const sections = Array.from(root(element).querySelectorAll<HTMLElement>('.visitor-panel__section'));
            expect(sections.map((section) => section.dataset.section)).toEqual([
                'visitor',
                'session',
                'custom-variables',
                'pre-chat'
            ]);
            expect(sections.map((section) => section.querySelector('h3')!.textContent)).toEqual([
                'Visitor',
                'Session',
                'Custom variables',
                'Pre-chat form'
            ]);
            expect(sections.map((section) => section.getAttribute('aria-labelledby'))).toEqual(
                sections.map((section) => section.querySelector('h3')!.id)
            );
            // The engine scopes ids to the component (a -<n> suffix); the name before it is the panel's.
            expect(sections.map((section) => section.querySelector('h3')!.id.replace(/-\d+$/, ''))).toEqual([
                'visitor-panel-visitor',
                'visitor-panel-session',
                'visitor-panel-custom-variables',
                'visitor-panel-pre-chat'
            ]);
            expect(fieldsOf(element, 'visitor')).toEqual({
                'Visitor Name': 'Maria Lopez',
                'Visitor Email': 'maria.lopez@example.com',
                'Visitor Phone': '+1 415 555 0100',
                'Visitor Company': 'Northwind Traders',
                City: 'San Francisco'
            });
            expect(fieldsOf(element, 'session')).toEqual({
                Kind: 'Chat',
                Status: 'Started',
                'Start Time': 'shown 2025-11-25T09:40:12.000Z',
                Browser: 'Chrome 131',
                'Landing Page URL': 'https://www.example.com/pricing',
                // eslint-disable-next-line no-script-url -- the hostile value, shown as text
                'Referrer URL': 'javascript:alert(1)'
            });
            expect(fieldsOf(element, 'custom-variables')).toEqual({ plan: 'Enterprise', cartValue: '1299.00' });
            expect(fieldsOf(element, 'pre-chat')).toEqual({
                Department: 'Sales',
                Question: '<b>Do you ship to Canada?</b>'
            });
            expect(root(element).querySelector('.visitor-panel__section b')).toBeNull();

            const links = Array.from(root(element).querySelectorAll<HTMLAnchorElement>('.visitor-panel__section a'));
            expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://www.example.com/pricing']);
            expect(links[0]!.rel).toBe('noopener noreferrer');
            expect(links[0]!.target).toBe('_blank');
            await expect(element).toBeAccessible();
        });

        it('labels the fields as the object describes them, and shows numbers and names of any value', async () => {
            const element = render();
            recordWire.emit(
                chatRecord({
                    Visitor_Name__c: 'Maria Lopez',
                    Browser__c: 'Firefox 133',
                    Page_Views__c: 7,
                    Custom_Variables__c: '{"items":3,"vip":true,"tags":["a","b"],"coupon":null}',
                    Pre_Chat_Fields__c: '["not","named"]'
                })
            );
            objectInfoWire.emit(CHAT_INFO);
            await flush();

            expect(fieldsOf(element, 'visitor')).toEqual({ Name: 'Maria Lopez' });
            expect(fieldsOf(element, 'session')).toEqual({ 'Web browser': 'Firefox 133', 'Page Views': '7' });
            expect(fieldsOf(element, 'custom-variables')).toEqual({
                items: '3',
                vip: 'true',
                tags: '["a","b"]',
                coupon: ''
            });
            expect(fieldsOf(element, 'pre-chat')).toEqual({ 'Value as received': '["not","named"]' });
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
            expect(
                Array.from(root(element).querySelectorAll<HTMLElement>('.visitor-panel__section')).map(
                    (section) => section.dataset.section
                )
            ).toEqual(['visitor', 'custom-variables', 'pre-chat']);
            await expect(element).toBeAccessible();
        });

        it('can hide the custom variables and the pre-chat form', async () => {
            const element = await loaded(IDENTIFIED_CONTACT, (panel) => {
                panel.hideCustomData = true;
            });
            expect(
                Array.from(root(element).querySelectorAll<HTMLElement>('.visitor-panel__section')).map(
                    (section) => section.dataset.section
                )
            ).toEqual(['visitor', 'session']);
            await expect(element).toBeAccessible();
        });

        it('says what is not known yet when a chat has only just started', async () => {
            const element = await loaded(JUST_STARTED);

            expect(textOf(element, 'h2')).toBe('Visitor');
            expect(textOf(element, '[data-section="visitor"] p')).toBe('Nothing is known about the visitor yet.');
            expect(root(element).querySelector('[data-section="visitor"] dl')).toBeNull();
            expect(fieldsOf(element, 'session')).toEqual({ Kind: 'Chat', Status: 'Started' });
            expect(textOf(element, '[data-section="custom-variables"] p')).toBe('No custom variables were sent.');
            expect(textOf(element, '[data-section="pre-chat"] p')).toBe('No pre-chat form was filled in.');
            expect(textOf(element, '.visitor-panel__identification-text')).toBe(
                'The visitor has not been identified yet.'
            );
            expect(root(element).querySelector('lightning-record-form')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('says when there are no session details, and takes an empty named-value field for none', async () => {
            // Pre_Chat_Fields__c is missing altogether, as a field the agent may not read is.
            const element = await loaded(chatRecord({ Identification_Status__c: 'Pending', Custom_Variables__c: '' }));
            expect(textOf(element, '[data-section="session"] p')).toBe('No session details.');
            expect(root(element).querySelector('[data-section="session"] dl')).toBeNull();
            expect(textOf(element, '[data-section="custom-variables"] p')).toBe('No custom variables were sent.');
            expect(textOf(element, '[data-section="pre-chat"] p')).toBe('No pre-chat form was filled in.');
            expect(root(element).querySelector('[data-section="custom-variables"] dl')).toBeNull();
            expect(root(element).querySelector('[data-section="pre-chat"] dl')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('shows named values that are JSON but not an object whole, and web addresses only of address fields as links', async () => {
            const element = await loaded(
                chatRecord({
                    Search_Engine__c: 'https://www.google.com/',
                    Current_Page_URL__c: 'http://www.example.com/cart',
                    Custom_Variables__c: 'null',
                    Pre_Chat_Fields__c: '"Just a question"'
                })
            );
            expect(fieldsOf(element, 'custom-variables')).toEqual({ 'Value as received': 'null' });
            expect(fieldsOf(element, 'pre-chat')).toEqual({ 'Value as received': '"Just a question"' });
            expect(fieldsOf(element, 'session')).toEqual({
                'Current Page URL': 'http://www.example.com/cart',
                'Search Engine': 'https://www.google.com/'
            });
            const links = Array.from(root(element).querySelectorAll<HTMLAnchorElement>('.visitor-panel__section a'));
            expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
                ['http://www.example.com/cart', 'http://www.example.com/cart']
            ]);
            await expect(element).toBeAccessible();
        });
    });

    describe('identification', () => {
        it('links the identified contact to its own record page and opens it there', async () => {
            const element = await loaded();

            expect(textOf(element, '.visitor-panel__identification-text')).toBe('Identified as Contact');
            const link = root(element).querySelector<HTMLAnchorElement>('.visitor-panel__matched-link')!;
            expect(link.textContent.trim()).toBe('Maria Lopez');
            expect(link.getAttribute('href')).toBe(urlOf(CONTACT_ID));
            expect(link.dataset.recordId).toBe(CONTACT_ID);
            expect(navigation.generateUrl).toHaveBeenCalledWith(recordPage(CONTACT_ID));
            // Every URL built is the contact's (the chat and the actions may each ask before either answers).
            expect(navigation.generateUrl.mock.calls).toEqual(
                navigation.generateUrl.mock.calls.map(() => [recordPage(CONTACT_ID)])
            );
            const icon = iconOf(link)!;
            expect(icon.iconName).toBe('standard:contact');
            expect(icon.alternativeText).toBe('Contact');

            const click = new MouseEvent('click', { bubbles: true, cancelable: true });
            link.dispatchEvent(click);
            expect(click.defaultPrevented).toBe(true);
            expect(navigation.navigate).toHaveBeenCalledTimes(1);
            expect(navigation.navigate).toHaveBeenCalledWith(recordPage(CONTACT_ID));
            await expect(element).toBeAccessible();
        });

        it('builds each record URL once, however often the chat is read again', async () => {
            const state = deferred<ActionState>();
            actionStateCall.mockReturnValue(state.promise);
            const element = await loaded();
            expect(navigation.generateUrl).toHaveBeenCalledTimes(1);

            state.resolve(CONTACT_ACTIONS);
            await flush();
            recordWire.emit(IDENTIFIED_CONTACT);
            await flush();
            expect(navigation.generateUrl).toHaveBeenCalledTimes(1);
            expect(root(element).querySelector('.visitor-panel__matched-link')!.getAttribute('href')).toBe(
                urlOf(CONTACT_ID)
            );
            await expect(element).toBeAccessible();
        });

        it('links to the page itself until the record URLs are known', async () => {
            navigation.generateUrl.mockReturnValue(new Promise(() => undefined));
            actionStateCall.mockResolvedValue(ATTACHED);
            const element = await loaded();
            expect(navigation.generateUrl).toHaveBeenCalledWith(recordPage(CONTACT_ID));
            expect(navigation.generateUrl).toHaveBeenCalledWith(recordPage(CASE_ID));
            // The engine scopes a bare fragment (#) to the component: #-<n>.
            expect(
                root(element).querySelector<HTMLAnchorElement>('.visitor-panel__matched-link')!.getAttribute('href')
            ).toMatch(/^#(-\d+)?$/);
            expect(
                root(element).querySelector<HTMLAnchorElement>('.visitor-panel__attached a')!.getAttribute('href')
            ).toMatch(/^#(-\d+)?$/);
            await expect(element).toBeAccessible();
        });

        it('falls back to a link the click opens when no URL can be built', async () => {
            navigation.generateUrl.mockRejectedValue(new Error('No URL in this container'));
            const element = await loaded();
            const link = root(element).querySelector<HTMLAnchorElement>('.visitor-panel__matched-link')!;
            // The engine scopes a bare fragment (#) to the component: #-<n>.
            expect(link.getAttribute('href')).toMatch(/^#(-\d+)?$/);
            expect(errorPanels(element)).toHaveLength(0);
            link.click();
            expect(navigation.navigate).toHaveBeenCalledWith(recordPage(CONTACT_ID));
            await expect(element).toBeAccessible();
        });

        it('says the chat could not be loaded when the navigation service fails outright', async () => {
            const failure = new Error('Navigation is not available here');
            navigation.generateUrl.mockImplementation(() => {
                throw failure;
            });
            const element = await loaded();
            const panels = errorPanels(element);
            expect(panels.map((panel) => [panel.friendlyMessage, panel.errors])).toEqual([
                ['The chat could not be loaded.', failure],
                ['The action could not be completed.', failure]
            ]);
            await expect(element).toBeAccessible();
        });

        it('does not navigate from a link that names no record', async () => {
            const element = await loaded();
            const link = root(element).querySelector<HTMLAnchorElement>('.visitor-panel__matched-link')!;
            link.removeAttribute('data-record-id');
            let preventedByPanel: boolean | undefined;
            // Runs after the panel's own listener: notes what it did, then keeps jsdom from following the link.
            link.addEventListener('click', (event) => {
                preventedByPanel = event.defaultPrevented;
                event.preventDefault();
            });
            link.click();
            expect(preventedByPanel).toBe(false);
            expect(navigation.navigate).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();
        });

        it('shows the identified contact and its account editable in place, with the mapped fields', async () => {
            const element = await loaded();

            const contactForm = root(element).querySelector<FormElement>('.visitor-panel__matched-record')!;
            expect(contactForm.recordId).toBe(CONTACT_ID);
            expect(contactForm.objectApiName).toBe('Contact');
            expect(contactForm.fields).toEqual(['Name', 'Email', 'Phone', 'Department', 'OwnerId']);
            expect(contactForm.mode).toBe('view');
            const accountForm = root(element).querySelector<FormElement>('.visitor-panel__account-record')!;
            expect(accountForm.recordId).toBe(ACCOUNT_ID);
            expect(accountForm.objectApiName).toBe('Account');
            expect(accountForm.fields).toEqual(['Name', 'OwnerId']);
            expect(accountForm.mode).toBe('view');
            await expect(element).toBeAccessible();
        });

        it('says when a record shown in place was saved', async () => {
            const element = await loaded();
            const toasts = collectToasts(element);
            root(element).querySelector('.visitor-panel__matched-record')!.dispatchEvent(new CustomEvent('success'));
            root(element).querySelector('.visitor-panel__account-record')!.dispatchEvent(new CustomEvent('success'));
            const saved = { title: 'Saved', message: 'The record was updated.', variant: 'success' };
            expect(toasts).toEqual([saved, saved]);
            await expect(element).toBeAccessible();
        });

        it('shows the identified record read-only when the page says so', async () => {
            const element = render((panel) => {
                panel.readOnly = true;
            });
            recordWire.emit(IDENTIFIED_CONTACT);
            await flush();
            expect(root(element).querySelector<FormElement>('.visitor-panel__matched-record')!.mode).toBe('readonly');
            expect(root(element).querySelector<FormElement>('.visitor-panel__account-record')!.mode).toBe('readonly');
            await expect(element).toBeAccessible();
        });

        it('shows only the name while the mapped fields are unknown, and says why when they fail', async () => {
            const element = render();
            recordWire.emit(IDENTIFIED_CONTACT);
            await flush();
            expect(root(element).querySelector<FormElement>('.visitor-panel__matched-record')!.fields).toEqual([
                'Name'
            ]);
            expect(root(element).querySelector<FormElement>('.visitor-panel__account-record')!.fields).toEqual([
                'Name'
            ]);
            expect(errorPanels(element)).toHaveLength(0);

            panelFieldsWire.error({ message: 'The field mappings could not be read.' }, 500, 'Server Error');
            await flush();
            const panels = errorPanels(element, '.visitor-panel__identification c-error-panel');
            expect(panels).toHaveLength(1);
            expect(panels[0]!.friendlyMessage).toBe('The mapped fields could not be loaded; only the name is shown.');
            expect(panels[0]!.variant).toBe('warning');
            expect(panels[0]!.errors).toEqual({
                body: { message: 'The field mappings could not be read.' },
                ok: false,
                status: 500,
                statusText: 'Server Error'
            });
            expect(reasonsShown(panels[0]!)).toEqual(['The field mappings could not be read.']);

            panelFieldsWire.emit(PANEL_FIELDS);
            await flush();
            expect(errorPanels(element)).toHaveLength(0);
            expect(root(element).querySelector<FormElement>('.visitor-panel__matched-record')!.fields).toEqual([
                'Name',
                'Email',
                'Phone',
                'Department',
                'OwnerId'
            ]);
            await expect(element).toBeAccessible();
        });

        it('shows the name of an object the mappings do not cover', async () => {
            const element = render();
            recordWire.emit(IDENTIFIED_CONTACT);
            panelFieldsWire.emit(PANEL_FIELDS.filter((entry) => entry.objectApiName !== 'Contact'));
            await flush();
            expect(root(element).querySelector<FormElement>('.visitor-panel__matched-record')!.fields).toEqual([
                'Name'
            ]);
            expect(root(element).querySelector<FormElement>('.visitor-panel__account-record')!.fields).toEqual([
                'Name',
                'OwnerId'
            ]);
            await expect(element).toBeAccessible();
        });

        it('links an identified lead with its icon and shows no account', async () => {
            actionStateCall.mockResolvedValue(LEAD_ACTIONS);
            const element = await loaded(IDENTIFIED_LEAD);
            const link = root(element).querySelector<HTMLAnchorElement>('.visitor-panel__matched-link')!;
            expect(link.getAttribute('href')).toBe(urlOf(LEAD_ID));
            expect(iconOf(link)!.iconName).toBe('standard:lead');
            const form = root(element).querySelector<FormElement>('.visitor-panel__matched-record')!;
            expect([form.recordId, form.objectApiName, form.fields]).toEqual([
                LEAD_ID,
                'Lead',
                ['Name', 'Email', 'Company', 'OwnerId']
            ]);
            expect(root(element).querySelector('.visitor-panel__account-record')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('shows an identified account once, not a second time as its own account', async () => {
            const element = await loaded(IDENTIFIED_ACCOUNT);
            expect(textOf(element, '.visitor-panel__identification-text')).toBe('Identified as Account');
            const link = root(element).querySelector<HTMLAnchorElement>('.visitor-panel__matched-link')!;
            expect(link.getAttribute('href')).toBe(urlOf(ACCOUNT_ID));
            expect(link.textContent.trim()).toBe('Northwind Traders');
            expect(iconOf(link)!.iconName).toBe('standard:account');
            const forms = Array.from(root(element).querySelectorAll<FormElement>('lightning-record-form'));
            expect(forms.map((form) => [form.recordId, form.objectApiName, form.fields])).toEqual([
                [ACCOUNT_ID, 'Account', ['Name', 'OwnerId']]
            ]);
            await expect(element).toBeAccessible();
        });

        it('names a record by its id when the chat has no name for it, with a generic icon for another object', async () => {
            const element = await loaded(
                chatRecord({
                    Identification_Status__c: 'Identified',
                    Matched_Object__c: 'PersonAccount__x',
                    Matched_Record_Id__c: 'x00000000000001AAA',
                    Matched_Record_Name__c: null,
                    Account__c: null
                })
            );
            const link = root(element).querySelector<HTMLAnchorElement>('.visitor-panel__matched-link')!;
            expect(link.textContent.trim()).toBe('x00000000000001AAA');
            expect(iconOf(link)!.iconName).toBe('standard:record');
            expect(root(element).querySelector<FormElement>('.visitor-panel__matched-record')!.fields).toEqual([
                'Name'
            ]);
            await expect(element).toBeAccessible();
        });

        it('shows no record for an identification without a record id', async () => {
            const element = await loaded(
                chatRecord({
                    Identification_Status__c: 'Identified',
                    Matched_Object__c: 'Contact',
                    Matched_Record_Id__c: null,
                    Account__c: ACCOUNT_ID
                })
            );
            expect(textOf(element, '.visitor-panel__identification-text')).toBe('Identified as Contact');
            expect(root(element).querySelector('.visitor-panel__matched-link')).toBeNull();
            expect(root(element).querySelector('lightning-record-form')).toBeNull();
            expect(navigation.generateUrl).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();
        });

        it('says when no record matches, and links nothing', async () => {
            const element = await loaded(NOT_FOUND);
            expect(textOf(element, '.visitor-panel__identification-text')).toBe(
                'No Contact or Lead matches this visitor.'
            );
            expect(root(element).querySelector('lightning-record-form')).toBeNull();
            expect(root(element).querySelector('.visitor-panel__matched-link')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('says when several records match, and links none even if one is named', async () => {
            const element = await loaded(AMBIGUOUS);
            expect(textOf(element, '.visitor-panel__identification-text')).toBe(
                'Several records match this visitor, so none was chosen. Search for the right one, or create a record below.'
            );
            expect(root(element).querySelector('.visitor-panel__matched-link')).toBeNull();
            expect(root(element).querySelector('lightning-record-form')).toBeNull();

            // A record named by an earlier identification is not this one's.
            recordWire.emit(
                chatRecord({
                    Identification_Status__c: 'Ambiguous',
                    Matched_Object__c: 'Contact',
                    Matched_Record_Id__c: CONTACT_ID,
                    Matched_Record_Name__c: 'Maria Lopez',
                    Account__c: ACCOUNT_ID
                })
            );
            await flush();
            expect(textOf(element, '.visitor-panel__identification-text')).toMatch(/^Several records match/);
            expect(root(element).querySelector('.visitor-panel__matched-link')).toBeNull();
            expect(root(element).querySelector('lightning-record-form')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('says when the identification rules could not decide, and shows no record', async () => {
            const element = await loaded(UNDECIDED);
            expect(textOf(element, '.visitor-panel__identification-text')).toBe(
                'The identification rules could not decide who this visitor is, so no record was chosen. Search for the right one before you create a record.'
            );
            expect(root(element).querySelector('lightning-record-form')).toBeNull();
            await expect(element).toBeAccessible();
        });
    });

    describe('manual actions', () => {
        it('shows a spinner while the actions load, and none once they are known', async () => {
            const state = deferred<ActionState>();
            actionStateCall.mockReturnValue(state.promise);
            const element = await loaded();
            expect(
                root(element).querySelector<HTMLElement & { alternativeText: string }>(
                    '.visitor-panel__actions-loading lightning-spinner'
                )?.alternativeText
            ).toBe('Loading the actions');
            expect(root(element).querySelector('.visitor-panel__options')).toBeNull();

            state.resolve(CONTACT_ACTIONS);
            await flush();
            expect(root(element).querySelector('.visitor-panel__actions-loading')).toBeNull();
            expect(optionLabels(element)).toEqual(['Attach Case', 'Attach Task']);
            await expect(element).toBeAccessible();
        });

        it('asks for no actions without a chat', async () => {
            const element = createElement('c-visitor-panel', { is: VisitorPanel }) as unknown as PanelElement;
            document.body.appendChild(element);
            await flush();
            expect(actionStateCall).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();
        });

        it('offers a found contact exactly Attach Case and Attach Task, with the attach icon', async () => {
            const element = await loaded();
            expect(actionStateCall).toHaveBeenCalledTimes(1);
            expect(actionStateCall).toHaveBeenCalledWith({ chatId: CHAT_ID });
            const options = buttons(element, '.visitor-panel__options lightning-button');
            expect(options.map((b) => [b.label, b.iconName, b.dataset.action, b.disabled])).toEqual([
                ['Attach Case', 'utility:attach', 'ATTACH_CASE', false],
                ['Attach Task', 'utility:attach', 'ATTACH_TASK', false]
            ]);
            expect(root(element).querySelector('.visitor-panel__no-action')).toBeNull();
            expect(root(element).querySelector('.visitor-panel__pending')).toBeNull();
            expect(root(element).querySelector('.visitor-panel__attached')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('offers a found lead only Attach Task', async () => {
            actionStateCall.mockResolvedValue(LEAD_ACTIONS);
            const element = await loaded(IDENTIFIED_LEAD);
            expect(optionLabels(element)).toEqual(['Attach Task']);
            await expect(element).toBeAccessible();
        });

        it('offers a visitor not found the four create actions, with the new icon', async () => {
            actionStateCall.mockResolvedValue(NOT_FOUND_ACTIONS);
            const element = await loaded(NOT_FOUND);
            const options = buttons(element, '.visitor-panel__options lightning-button');
            expect(options.map((b) => [b.label, b.iconName])).toEqual([
                ['Create Lead & Attach Task', 'utility:new'],
                ['Create Case', 'utility:new'],
                ['Create Contact & Attach Case', 'utility:new'],
                ['Create Contact & Attach Task', 'utility:new']
            ]);
            await expect(element).toBeAccessible();
        });

        it('says so when no action is available', async () => {
            actionStateCall.mockResolvedValue({ ...CONTACT_ACTIONS, options: [] });
            const element = await loaded();
            expect(textOf(element, '.visitor-panel__no-action')).toBe('No manual action is available for this chat.');
            expect(root(element).querySelector('.visitor-panel__options')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('does not say no action is available while an attachment is pending', async () => {
            actionStateCall.mockResolvedValue({ ...PENDING, options: [] });
            const element = await loaded();
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
            actionStateCall.mockResolvedValue({ ...PENDING, pendingAction });
            const element = await loaded();
            expect(textOf(element, '.visitor-panel__pending')).toBe(expected);
            expect(root(element).querySelector('.visitor-panel__options')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('attaches a case to the found contact and tells the agent what happens next', async () => {
            requestCall.mockResolvedValue('The chat will be attached when it ends.');
            const element = await loaded();
            const toasts = collectToasts(element);
            actionStateCall.mockResolvedValue(PENDING);

            button(element, 'Attach Case').click();
            await flush();

            expect(requestCall).toHaveBeenCalledTimes(1);
            expect(requestCall).toHaveBeenCalledWith({ chatId: CHAT_ID, action: 'ATTACH_CASE', recordId: CONTACT_ID });
            expect(textOf(element, '.visitor-panel__message')).toBe('The chat will be attached when it ends.');
            expect(textOf(element, '.visitor-panel__pending')).toBe(
                'A case will be created for this chat when it ends.'
            );
            expect(root(element).querySelector('.visitor-panel__options')).toBeNull();
            expect(toasts).toEqual([
                { title: 'Comm100 chat', message: 'The chat will be attached when it ends.', variant: 'success' }
            ]);
            expect(notifyUpdate).toHaveBeenCalledTimes(1);
            expect(notifyUpdate).toHaveBeenCalledWith([{ recordId: CHAT_ID }]);
            expect(actionStateCall).toHaveBeenCalledTimes(2);
            await expect(element).toBeAccessible();
        });

        it('disables the actions while a request runs', async () => {
            const answer = deferred<string>();
            requestCall.mockReturnValue(answer.promise);
            const element = await loaded();

            button(element, 'Attach Task').click();
            await flush();
            expect(buttons(element, '.visitor-panel__options lightning-button').map((b) => b.disabled)).toEqual([
                true,
                true
            ]);

            answer.resolve('Requested.');
            await flush();
            expect(buttons(element, '.visitor-panel__options lightning-button').map((b) => b.disabled)).toEqual([
                false,
                false
            ]);
            await expect(element).toBeAccessible();
        });

        it('hands the refusal to the error panel and reads the state again', async () => {
            const refusal = { body: { message: 'This chat already has a request.' }, status: 400 };
            requestCall.mockRejectedValue(refusal);
            const element = await loaded();
            const toasts = collectToasts(element);

            button(element, 'Attach Task').click();
            await flush();

            const panels = errorPanels(element);
            expect(panels).toHaveLength(1);
            expect(panels[0]!.friendlyMessage).toBe('The action could not be completed.');
            expect(panels[0]!.errors).toEqual(refusal);
            expect(reasonsShown(panels[0]!)).toEqual(['This chat already has a request.']);
            expect(actionStateCall).toHaveBeenCalledTimes(2);
            expect(toasts).toEqual([]);
            expect(notifyUpdate).not.toHaveBeenCalled();
            expect(root(element).querySelector('.visitor-panel__message')).toBeNull();
            expect(buttons(element, '.visitor-panel__options lightning-button').map((b) => b.disabled)).toEqual([
                false,
                false
            ]);
            await expect(element).toBeAccessible();
        });

        it('shows why the state could not be read again after a request it accepted', async () => {
            requestCall.mockResolvedValue('The chat will be attached when it ends.');
            const element = await loaded();
            const failure = { body: { message: 'Unable to read the chat.' } };
            actionStateCall.mockRejectedValue(failure);

            button(element, 'Attach Case').click();
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

            button(element, 'Attach Case').click();
            await flush();
            expect(textOf(element, '.visitor-panel__message')).toBe('Requested, but the chat has ended.');

            button(element, 'Attach Task').click();
            await flush();
            expect(root(element).querySelector('.visitor-panel__message')).toBeNull();
            expect(errorPanels(element).map((panel) => reasonsShown(panel))).toEqual([['Refused.']]);

            const answer = deferred<string>();
            requestCall.mockReturnValue(answer.promise);
            button(element, 'Attach Case').click();
            await flush();
            expect(errorPanels(element)).toHaveLength(0);
            answer.resolve('Requested.');
            await flush();
            await expect(element).toBeAccessible();
        });

        it('does nothing for an option with neither a record to create nor a record to attach to', async () => {
            actionStateCall.mockResolvedValue({
                ...CONTACT_ACTIONS,
                options: [{ action: 'ATTACH_TASK', label: 'Attach Task', createObject: null, targetRecordId: null }]
            });
            const element = await loaded();
            button(element, 'Attach Task').click();
            await flush();
            expect(requestCall).not.toHaveBeenCalled();
            expect(createDefaultsCall).not.toHaveBeenCalled();
            expect(root(element).querySelector('.visitor-panel__create')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('shows a done attachment to a case with a link to that case', async () => {
            actionStateCall.mockResolvedValue(ATTACHED);
            const element = render();
            const toasts = collectToasts(element);
            recordWire.emit(IDENTIFIED_CONTACT);
            await flush();
            const attached = root(element).querySelector('.visitor-panel__attached')!;
            expect(attached.querySelector('span')!.textContent).toBe('This chat is attached to a case.');
            expect(iconOf(attached)!.iconName).toBe('standard:case');
            const link = attached.querySelector<HTMLAnchorElement>('a')!;
            expect(link.textContent).toBe('Open the case');
            expect(link.dataset.recordId).toBe(CASE_ID);
            expect(link.getAttribute('href')).toBe(urlOf(CASE_ID));
            expect(navigation.generateUrl).toHaveBeenCalledWith(recordPage(CASE_ID));
            // A request that was already done when the panel opened is no news: no toast, no message.
            expect(root(element).querySelector('.visitor-panel__pending')).toBeNull();
            expect(root(element).querySelector('.visitor-panel__message')).toBeNull();
            expect(root(element).querySelector('.visitor-panel__options')).toBeNull();
            expect(root(element).querySelector('.visitor-panel__no-action')).toBeNull();
            expect(toasts).toEqual([]);
            expect(notifyUpdate).not.toHaveBeenCalled();

            link.click();
            expect(navigation.navigate).toHaveBeenCalledWith(recordPage(CASE_ID));
            await expect(element).toBeAccessible();
        });

        it('shows a done attachment to a task with a link to that task', async () => {
            actionStateCall.mockResolvedValue(ATTACHED_TASK);
            const element = await loaded();
            const attached = root(element).querySelector('.visitor-panel__attached')!;
            expect(attached.querySelector('span')!.textContent).toBe('This chat is attached to a task.');
            expect(iconOf(attached)!.iconName).toBe('standard:task');
            const link = attached.querySelector<HTMLAnchorElement>('a')!;
            expect(link.textContent).toBe('Open the task');
            expect(link.dataset.recordId).toBe(TASK_ID);
            expect(link.getAttribute('href')).toBe(urlOf(TASK_ID));
            expect(root(element).querySelector('.visitor-panel__no-action')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('hands the error to the error panel when the actions cannot be loaded', async () => {
            const failure = { body: { message: 'The chat does not exist or you do not have access to it.' } };
            actionStateCall.mockRejectedValue(failure);
            const element = await loaded();
            const panels = errorPanels(element, '.visitor-panel__actions c-error-panel');
            expect(panels).toHaveLength(1);
            expect(panels[0]!.friendlyMessage).toBe('The action could not be completed.');
            expect(panels[0]!.errors).toEqual(failure);
            expect(reasonsShown(panels[0]!)).toEqual(['The chat does not exist or you do not have access to it.']);
            expect(root(element).querySelector('.visitor-panel__actions-loading')).toBeNull();
            expect(root(element).querySelector('.visitor-panel__options')).toBeNull();
            await expect(element).toBeAccessible();
        });
    });

    describe('polling a pending attachment', () => {
        it('checks a pending attachment and tells the agent when it is done', async () => {
            jest.useFakeTimers();
            actionStateCall.mockResolvedValue(PENDING);
            const element = render((panel) => {
                panel.refreshSeconds = 10;
            });
            recordWire.emit(IDENTIFIED_CONTACT);
            const toasts = collectToasts(element);
            await jest.advanceTimersByTimeAsync(0);
            expect(textOf(element, '.visitor-panel__pending')).toBe(
                'A case will be created for this chat when it ends.'
            );
            expect(actionStateCall).toHaveBeenCalledTimes(1);

            await jest.advanceTimersByTimeAsync(9_999);
            expect(actionStateCall).toHaveBeenCalledTimes(1);
            await jest.advanceTimersByTimeAsync(1);
            expect(actionStateCall).toHaveBeenCalledTimes(2);
            expect(toasts).toEqual([]);

            actionStateCall.mockResolvedValue(ATTACHED);
            await jest.advanceTimersByTimeAsync(10_000);
            expect(actionStateCall).toHaveBeenCalledTimes(3);
            expect(actionStateCall).toHaveBeenLastCalledWith({ chatId: CHAT_ID });
            expect(textOf(element, '.visitor-panel__message')).toBe('Done: This chat is attached to a case.');
            expect(root(element).querySelector('.visitor-panel__pending')).toBeNull();
            expect(toasts).toEqual([
                { title: 'Chat attached', message: 'This chat is attached to a case.', variant: 'success' }
            ]);
            expect(notifyUpdate).toHaveBeenCalledTimes(1);
            expect(notifyUpdate).toHaveBeenCalledWith([{ recordId: CHAT_ID }]);

            await jest.advanceTimersByTimeAsync(600_000);
            expect(actionStateCall).toHaveBeenCalledTimes(3);
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });

        it.each([
            [1, 5],
            [0, 15],
            [1000, 300]
        ])('asked to check every %i seconds, checks every %i', async (refreshSeconds, seconds) => {
            jest.useFakeTimers();
            actionStateCall.mockResolvedValue(PENDING);
            const element = render((panel) => {
                panel.refreshSeconds = refreshSeconds;
            });
            await jest.advanceTimersByTimeAsync(0);
            expect(actionStateCall).toHaveBeenCalledTimes(1);
            await jest.advanceTimersByTimeAsync(seconds * 1000 - 1);
            expect(actionStateCall).toHaveBeenCalledTimes(1);
            await jest.advanceTimersByTimeAsync(1);
            expect(actionStateCall).toHaveBeenCalledTimes(2);
            await jest.advanceTimersByTimeAsync(seconds * 1000);
            expect(actionStateCall).toHaveBeenCalledTimes(3);
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });

        it('does not poll when nothing is pending', async () => {
            jest.useFakeTimers();
            const element = render();
            await jest.advanceTimersByTimeAsync(600_000);
            expect(actionStateCall).toHaveBeenCalledTimes(1);
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });

        it('stops and shows the error when a check fails', async () => {
            jest.useFakeTimers();
            actionStateCall.mockResolvedValueOnce(PENDING);
            const failure = { body: { message: 'Session expired.' } };
            actionStateCall.mockRejectedValueOnce(failure);
            const element = render((panel) => {
                panel.refreshSeconds = 5;
            });
            recordWire.emit(IDENTIFIED_CONTACT);
            await jest.advanceTimersByTimeAsync(5_000);
            expect(actionStateCall).toHaveBeenCalledTimes(2);
            expect(errorPanels(element).map((panel) => [panel.friendlyMessage, panel.errors])).toEqual([
                ['The action could not be completed.', failure]
            ]);
            await jest.advanceTimersByTimeAsync(60_000);
            expect(actionStateCall).toHaveBeenCalledTimes(2);
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });

        it('shows the error when the page cannot be told of the done attachment', async () => {
            jest.useFakeTimers();
            actionStateCall.mockResolvedValueOnce(PENDING);
            actionStateCall.mockResolvedValueOnce(ATTACHED);
            const failure = new Error('The record could not be refreshed.');
            notifyUpdate.mockRejectedValueOnce(failure);
            const element = render((panel) => {
                panel.refreshSeconds = 5;
            });
            recordWire.emit(IDENTIFIED_CONTACT);
            await jest.advanceTimersByTimeAsync(5_000);
            expect(errorPanels(element).map((panel) => [panel.friendlyMessage, panel.errors])).toEqual([
                ['The action could not be completed.', failure]
            ]);
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });

        it('does not check again when it left the page while a check was under way', async () => {
            jest.useFakeTimers();
            actionStateCall.mockResolvedValueOnce(PENDING);
            const check = deferred<ActionState>();
            actionStateCall.mockReturnValueOnce(check.promise);
            actionStateCall.mockResolvedValue(PENDING);
            const element = render((panel) => {
                panel.refreshSeconds = 5;
            });
            recordWire.emit(IDENTIFIED_CONTACT);
            await jest.advanceTimersByTimeAsync(5_000);
            expect(actionStateCall).toHaveBeenCalledTimes(2);

            document.body.removeChild(element);
            check.resolve(PENDING);
            await jest.advanceTimersByTimeAsync(120_000);
            expect(actionStateCall).toHaveBeenCalledTimes(2);

            jest.useRealTimers();
            document.body.appendChild(element);
            await flush();
            expect(actionStateCall).toHaveBeenCalledTimes(3);
            await expect(element).toBeAccessible();
        });

        it('stops checking when it leaves the page, and reads the state again when it comes back', async () => {
            jest.useFakeTimers();
            actionStateCall.mockResolvedValue(PENDING);
            const element = render();
            recordWire.emit(IDENTIFIED_CONTACT);
            await jest.advanceTimersByTimeAsync(15_000);
            expect(actionStateCall).toHaveBeenCalledTimes(2);

            document.body.removeChild(element);
            await jest.advanceTimersByTimeAsync(120_000);
            expect(actionStateCall).toHaveBeenCalledTimes(2);

            jest.useRealTimers();
            actionStateCall.mockResolvedValue(ATTACHED);
            document.body.appendChild(element);
            await flush();
            expect(actionStateCall).toHaveBeenCalledTimes(3);
            expect(textOf(element, '.visitor-panel__attached span')).toBe('This chat is attached to a case.');
            // The accessibility check runs on the panel back on the page, never on an empty page.
            await expect(element).toBeAccessible();
        });
    });

    describe('create form', () => {
        async function openContactForm(label = 'Create Contact & Attach Case'): Promise<PanelElement> {
            actionStateCall.mockResolvedValue(NOT_FOUND_ACTIONS);
            createDefaultsCall.mockResolvedValue(CONTACT_DEFAULTS);
            const element = await loaded(NOT_FOUND);
            button(element, label).click();
            await flush();
            createDefaultsWire.emit(CONTACT_CREATE_DEFAULTS);
            await flush();
            return element;
        }

        it('builds the create form from the layout, marks required fields and pre-fills the mapped values', async () => {
            const element = await openContactForm();

            expect(createDefaultsCall).toHaveBeenCalledWith({ chatId: CHAT_ID, action: 'CREATE_CONTACT_CASE' });
            expect(createDefaultsWire.getLastConfig()).toEqual({ objectApiName: 'Contact' });
            expect(textOf(element, '.visitor-panel__create h4')).toBe('Create Contact & Attach Case');
            expect(
                root(element).querySelector<HTMLElement & { objectApiName: string }>('lightning-record-edit-form')!
                    .objectApiName
            ).toBe('Contact');
            // Layout order; compound fields split into their parts, in their usual order (the parts
            // without one last, as given); not createable (Phone) and read-only on create (Title,
            // Created By) left out, as is the custom link; Department only mapped, so added at the end.
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
            expect(root(element).querySelector('.visitor-panel__options')).toBeNull();
            expect(root(element).querySelector('.visitor-panel__create [role="status"]')).toBeNull();
            expect(errorPanels(element)).toHaveLength(0);
            await expect(element).toBeAccessible();
        });

        it('shows every mapped field, none required, when the layout and the object are unknown', async () => {
            actionStateCall.mockResolvedValue(NOT_FOUND_ACTIONS);
            createDefaultsCall.mockResolvedValue({
                ...CONTACT_DEFAULTS,
                skipped: [],
                defaults: { ...CONTACT_DEFAULTS.defaults, Phone: '+1 415 555 0100' }
            });
            const element = await loaded(NOT_FOUND);
            button(element, 'Create Contact & Attach Task').click();
            await flush();
            createDefaultsWire.emit(NO_LAYOUT_CREATE_DEFAULTS);
            await flush();
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
            actionStateCall.mockResolvedValue(NOT_FOUND_ACTIONS);
            const defaults = deferred<typeof CONTACT_DEFAULTS>();
            createDefaultsCall.mockReturnValue(defaults.promise);
            const element = await loaded(NOT_FOUND);
            const spinner = (): (HTMLElement & { alternativeText: string }) | null =>
                root(element).querySelector<HTMLElement & { alternativeText: string }>(
                    '.visitor-panel__create lightning-spinner'
                );

            button(element, 'Create Contact & Attach Task').click();
            await flush();
            expect(spinner()?.alternativeText).toBe('Loading the form');
            expect(inputs(element)).toHaveLength(0);
            expect(root(element).querySelector('.visitor-panel__skipped')).toBeNull();

            createDefaultsWire.emit(CONTACT_CREATE_DEFAULTS);
            await flush();
            expect(spinner()).not.toBeNull();
            expect(inputs(element)).toHaveLength(0);

            defaults.resolve(CONTACT_DEFAULTS);
            await flush();
            expect(spinner()).toBeNull();
            expect(inputs(element)).toHaveLength(14);
            await expect(element).toBeAccessible();
        });

        it('shows a spinner while only the layout is missing', async () => {
            actionStateCall.mockResolvedValue(NOT_FOUND_ACTIONS);
            createDefaultsCall.mockResolvedValue(CONTACT_DEFAULTS);
            const element = await loaded(NOT_FOUND);
            button(element, 'Create Contact & Attach Task').click();
            await flush();
            expect(root(element).querySelector('.visitor-panel__create lightning-spinner')).not.toBeNull();
            expect(inputs(element)).toHaveLength(0);
            await expect(element).toBeAccessible();
        });

        it('attaches the chat to the record the form created', async () => {
            requestCall.mockResolvedValue('Attached: a case was created for the contact.');
            const element = await openContactForm();
            actionStateCall.mockResolvedValue(ATTACHED);

            const form = root(element).querySelector('lightning-record-edit-form')!;
            form.dispatchEvent(new CustomEvent('submit'));
            await flush();
            expect(button(element, 'Save and attach').disabled).toBe(true);
            form.dispatchEvent(new CustomEvent('success', { detail: { id: '003000000000009AAA' } }));
            await flush();

            expect(requestCall).toHaveBeenCalledTimes(1);
            expect(requestCall).toHaveBeenCalledWith({
                chatId: CHAT_ID,
                action: 'CREATE_CONTACT_CASE',
                recordId: '003000000000009AAA'
            });
            expect(root(element).querySelector('.visitor-panel__create')).toBeNull();
            expect(textOf(element, '.visitor-panel__message')).toBe('Attached: a case was created for the contact.');
            expect(textOf(element, '.visitor-panel__attached')).toMatch(
                /^This chat is attached to a case\.\s*Open the case$/
            );
            await expect(element).toBeAccessible();
        });

        it('lets the agent save again after the form reports an error, and attaches nothing', async () => {
            const element = await openContactForm();
            const form = root(element).querySelector('lightning-record-edit-form')!;
            expect(button(element, 'Save and attach').disabled).toBe(false);
            form.dispatchEvent(new CustomEvent('submit'));
            await flush();
            expect(button(element, 'Save and attach').disabled).toBe(true);
            form.dispatchEvent(new CustomEvent('error', { detail: { message: 'Required fields are missing.' } }));
            await flush();
            expect(button(element, 'Save and attach').disabled).toBe(false);
            expect(root(element).querySelector('.visitor-panel__create lightning-messages')).not.toBeNull();
            expect(requestCall).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();
        });

        it('closes the create form on cancel without attaching anything', async () => {
            const element = await openContactForm('Create Contact & Attach Task');

            button(element, 'Cancel').click();
            await flush();

            expect(root(element).querySelector('.visitor-panel__create')).toBeNull();
            expect(requestCall).not.toHaveBeenCalled();
            expect(optionLabels(element)).toHaveLength(4);
            await expect(element).toBeAccessible();
        });

        it('hands the error to the error panel when the mapped values cannot be prepared, and closes', async () => {
            actionStateCall.mockResolvedValue(NOT_FOUND_ACTIONS);
            const failure = { body: { message: '"X" creates no record.' } };
            createDefaultsCall.mockRejectedValue(failure);
            const element = await loaded(NOT_FOUND);
            button(element, 'Create Case').click();
            await flush();
            createDefaultsWire.emit(CONTACT_CREATE_DEFAULTS);
            await flush();

            const panels = errorPanels(element, '.visitor-panel__create c-error-panel');
            expect(panels).toHaveLength(1);
            expect(panels[0]!.friendlyMessage).toBe('The form could not be loaded.');
            expect(panels[0]!.errors).toEqual(failure);
            expect(reasonsShown(panels[0]!)).toEqual(['"X" creates no record.']);
            expect(root(element).querySelector('.visitor-panel__create lightning-spinner')).toBeNull();
            expect(inputs(element)).toHaveLength(0);

            button(element, 'Close').click();
            await flush();
            expect(root(element).querySelector('.visitor-panel__create')).toBeNull();
            expect(optionLabels(element)).toHaveLength(4);
            await expect(element).toBeAccessible();
        });

        it('hands the error to the error panel when the layout cannot be read', async () => {
            actionStateCall.mockResolvedValue(NOT_FOUND_ACTIONS);
            createDefaultsCall.mockResolvedValue(CONTACT_DEFAULTS);
            const element = await loaded(NOT_FOUND);
            button(element, 'Create Contact & Attach Case').click();
            await flush();
            createDefaultsWire.error([{ errorCode: 'INSUFFICIENT_ACCESS', message: 'No access to Contact.' }], 403);
            await flush();

            const panels = errorPanels(element, '.visitor-panel__create c-error-panel');
            expect(panels.map((panel) => [panel.friendlyMessage, panel.errors])).toEqual([
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
            expect(root(element).querySelector('.visitor-panel__create lightning-spinner')).toBeNull();
            await expect(element).toBeAccessible();
        });
    });
});
