import { createElement } from 'lwc';
import VisitorIdentification from 'c/visitorIdentification';
import type { RecordRepresentation } from 'lightning/uiRecordApi';
import type { PanelFields } from '@salesforce/apex/VisitorPanelController.getPanelFields';
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
import type { Navigation } from '../../visitorModel/__tests__/data/helpers';
import {
    ACCOUNT_ID,
    AMBIGUOUS,
    CONTACT_ID,
    IDENTIFIED_ACCOUNT,
    IDENTIFIED_CONTACT,
    IDENTIFIED_LEAD,
    JUST_STARTED,
    LEAD_ID,
    NOT_FOUND,
    PANEL_FIELDS,
    UNDECIDED,
    chatRecord
} from '../../visitorModel/__tests__/data/visitorData';

jest.mock('lightning/navigation', () =>
    jest.requireActual<Helpers>('../../visitorModel/__tests__/data/helpers').navigationModule()
);

interface IdentificationElement extends HTMLElement {
    chat: RecordRepresentation | undefined;
    panelFields: PanelFields[];
    panelFieldsError: unknown;
    readOnly: boolean;
}

interface FormElement extends HTMLElement {
    recordId: string;
    objectApiName: string;
    fields: string[];
    mode: string;
}

interface IconElement extends HTMLElement {
    iconName: string;
    alternativeText: string;
}

let nav: Navigation;

async function render(
    chat: RecordRepresentation | undefined,
    setup?: (element: IdentificationElement) => void
): Promise<IdentificationElement> {
    const element = createElement('c-visitor-identification', {
        is: VisitorIdentification
    }) as unknown as IdentificationElement;
    element.chat = chat;
    element.panelFields = PANEL_FIELDS;
    setup?.(element);
    document.body.appendChild(element);
    await flush();
    return element;
}

function link(element: HTMLElement): HTMLAnchorElement | null {
    return root(element).querySelector<HTMLAnchorElement>('.visitor-panel__matched-link');
}

function form(element: HTMLElement, selector = '.visitor-panel__matched-record'): FormElement | null {
    return root(element).querySelector<FormElement>(selector);
}

function iconOf(container: Element | null): IconElement | null {
    return container?.querySelector<IconElement>('lightning-icon') ?? null;
}

describe('c-visitor-identification', () => {
    guardConsole();

    beforeEach(() => {
        nav = navigation();
    });

    it('links the identified contact to its own record page and opens it there', async () => {
        const element = await render(IDENTIFIED_CONTACT);

        expect(root(element).querySelector('h3')!.textContent).toBe('Identification');
        expect(textOf(element, '.visitor-panel__identification-text')).toBe('Identified as Contact');
        const matched = link(element)!;
        expect(matched.querySelector('span')!.textContent).toBe('Maria Lopez');
        expect(matched.getAttribute('href')).toBe(urlOf(CONTACT_ID));
        expect(matched.dataset.recordId).toBe(CONTACT_ID);
        expect(nav.generateUrl.mock.calls).toEqual([[recordPage(CONTACT_ID)]]);
        const icon = iconOf(matched)!;
        expect(icon.iconName).toBe('standard:contact');
        expect(icon.alternativeText).toBe('Contact');

        const click = new MouseEvent('click', { bubbles: true, cancelable: true });
        matched.dispatchEvent(click);
        expect(click.defaultPrevented).toBe(true);
        expect(nav.navigate.mock.calls).toEqual([[recordPage(CONTACT_ID)]]);
        await expect(element).toBeAccessible();
    });

    it('builds each record URL once, however often the chat is read again', async () => {
        const url = deferred<string>();
        nav.generateUrl.mockReturnValueOnce(url.promise);
        const element = await render(IDENTIFIED_CONTACT);
        element.chat = { ...IDENTIFIED_CONTACT };
        await flush();
        url.resolve(urlOf(CONTACT_ID));
        await flush();
        element.chat = { ...IDENTIFIED_CONTACT };
        await flush();
        expect(nav.generateUrl).toHaveBeenCalledTimes(1);
        expect(link(element)!.getAttribute('href')).toBe(urlOf(CONTACT_ID));
        await expect(element).toBeAccessible();
    });

    it('links to the page itself until the record URL is known, and then to the new record when it changes', async () => {
        const url = deferred<string>();
        nav.generateUrl.mockReturnValueOnce(url.promise);
        const element = await render(IDENTIFIED_CONTACT);
        // The engine scopes a bare fragment (#) to the component: #-<n>.
        expect(link(element)!.getAttribute('href')).toMatch(/^#(-\d+)?$/);
        url.resolve(urlOf(CONTACT_ID));
        await flush();
        expect(link(element)!.getAttribute('href')).toBe(urlOf(CONTACT_ID));

        element.chat = IDENTIFIED_LEAD;
        await flush();
        expect(link(element)!.getAttribute('href')).toBe(urlOf(LEAD_ID));
        expect(nav.generateUrl.mock.calls).toEqual([[recordPage(CONTACT_ID)], [recordPage(LEAD_ID)]]);
        await expect(element).toBeAccessible();
    });

    it.each([
        ['refuses', (): Promise<string> => Promise.reject(new Error('No URL in this container'))],
        [
            'fails outright',
            (): Promise<string> => {
                throw new Error('Navigation is not available here');
            }
        ]
    ])('falls back to a link the click opens when the navigation service %s', async (_how, generate) => {
        nav.generateUrl.mockImplementation(generate);
        const element = await render(IDENTIFIED_CONTACT);
        expect(link(element)!.getAttribute('href')).toMatch(/^#(-\d+)?$/);
        expect(errorPanels(element)).toHaveLength(0);
        link(element)!.click();
        expect(nav.navigate).toHaveBeenCalledWith(recordPage(CONTACT_ID));
        await expect(element).toBeAccessible();
    });

    it('does not navigate from a link that names no record', async () => {
        const element = await render(IDENTIFIED_CONTACT);
        const matched = link(element)!;
        matched.removeAttribute('data-record-id');
        let preventedByPanel: boolean | undefined;
        // Runs after the component's own listener: notes what it did, then keeps jsdom from following the link.
        matched.addEventListener('click', (event) => {
            preventedByPanel = event.defaultPrevented;
            event.preventDefault();
        });
        matched.click();
        expect(preventedByPanel).toBe(false);
        expect(nav.navigate).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('shows the identified contact and its account editable in place, with the mapped fields', async () => {
        const element = await render(IDENTIFIED_CONTACT);
        const contactForm = form(element)!;
        expect([contactForm.recordId, contactForm.objectApiName, contactForm.fields, contactForm.mode]).toEqual([
            CONTACT_ID,
            'Contact',
            ['Name', 'Email', 'Phone', 'Department', 'OwnerId'],
            'view'
        ]);
        const accountForm = form(element, '.visitor-panel__account-record')!;
        expect([accountForm.recordId, accountForm.objectApiName, accountForm.fields, accountForm.mode]).toEqual([
            ACCOUNT_ID,
            'Account',
            ['Name', 'OwnerId'],
            'view'
        ]);
        expect(textOf(element, 'h4')).toBe('Account');
        await expect(element).toBeAccessible();
    });

    it('says when a record shown in place was saved', async () => {
        const element = await render(IDENTIFIED_CONTACT);
        const toasts = collectToasts(element);
        form(element)!.dispatchEvent(new CustomEvent('success'));
        form(element, '.visitor-panel__account-record')!.dispatchEvent(new CustomEvent('success'));
        const saved = { title: 'Saved', message: 'The record was updated.', variant: 'success' };
        expect(toasts).toEqual([saved, saved]);
        await expect(element).toBeAccessible();
    });

    it('shows the identified record read-only when the page says so', async () => {
        const element = await render(IDENTIFIED_CONTACT, (panel) => {
            panel.readOnly = true;
        });
        expect(form(element)!.mode).toBe('readonly');
        expect(form(element, '.visitor-panel__account-record')!.mode).toBe('readonly');
        await expect(element).toBeAccessible();
    });

    it('shows only the name while the mapped fields are unknown, and says why when they fail', async () => {
        const element = await render(IDENTIFIED_CONTACT, (panel) => {
            panel.panelFields = [];
        });
        expect(form(element)!.fields).toEqual(['Name']);
        expect(form(element, '.visitor-panel__account-record')!.fields).toEqual(['Name']);
        expect(errorPanels(element)).toHaveLength(0);

        const failure = { body: { message: 'The field mappings could not be read.' }, status: 500 };
        element.panelFieldsError = failure;
        await flush();
        const panels = errorPanels(element);
        expect(panels.map((panel) => [panel.friendlyMessage, panel.variant, panel.errors])).toEqual([
            ['The mapped fields could not be loaded; only the name is shown.', 'warning', failure]
        ]);
        expect(reasonsShown(panels[0]!)).toEqual(['The field mappings could not be read.']);

        element.panelFieldsError = undefined;
        element.panelFields = PANEL_FIELDS;
        await flush();
        expect(errorPanels(element)).toHaveLength(0);
        expect(form(element)!.fields).toEqual(['Name', 'Email', 'Phone', 'Department', 'OwnerId']);
        await expect(element).toBeAccessible();
    });

    it('shows the name of an object the mappings do not cover', async () => {
        const element = await render(IDENTIFIED_CONTACT, (panel) => {
            panel.panelFields = PANEL_FIELDS.filter((entry) => entry.objectApiName !== 'Contact');
        });
        expect(form(element)!.fields).toEqual(['Name']);
        expect(form(element, '.visitor-panel__account-record')!.fields).toEqual(['Name', 'OwnerId']);
        await expect(element).toBeAccessible();
    });

    it('links an identified lead with its icon and shows no account', async () => {
        const element = await render(IDENTIFIED_LEAD);
        expect(link(element)!.getAttribute('href')).toBe(urlOf(LEAD_ID));
        expect(iconOf(link(element))!.iconName).toBe('standard:lead');
        const leadForm = form(element)!;
        expect([leadForm.recordId, leadForm.objectApiName, leadForm.fields]).toEqual([
            LEAD_ID,
            'Lead',
            ['Name', 'Email', 'Company', 'OwnerId']
        ]);
        expect(form(element, '.visitor-panel__account-record')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows an identified account once, not a second time as its own account', async () => {
        const element = await render(IDENTIFIED_ACCOUNT);
        expect(textOf(element, '.visitor-panel__identification-text')).toBe('Identified as Account');
        expect(link(element)!.getAttribute('href')).toBe(urlOf(ACCOUNT_ID));
        expect(link(element)!.textContent.trim()).toBe('Northwind Traders');
        expect(iconOf(link(element))!.iconName).toBe('standard:account');
        const forms = Array.from(root(element).querySelectorAll<FormElement>('lightning-record-form'));
        expect(forms.map((shown) => [shown.recordId, shown.objectApiName, shown.fields])).toEqual([
            [ACCOUNT_ID, 'Account', ['Name', 'OwnerId']]
        ]);
        await expect(element).toBeAccessible();
    });

    it('names a record by its id when the chat has no name for it, with a generic icon for another object', async () => {
        const element = await render(
            chatRecord({
                Identification_Status__c: 'Identified',
                Matched_Object__c: 'PersonAccount__x',
                Matched_Record_Id__c: 'x00000000000001AAA',
                Matched_Record_Name__c: null,
                Account__c: null
            })
        );
        expect(link(element)!.textContent.trim()).toBe('x00000000000001AAA');
        expect(iconOf(link(element))!.iconName).toBe('standard:record');
        expect(form(element)!.fields).toEqual(['Name']);
        await expect(element).toBeAccessible();
    });

    it('shows no record for an identification without a record id', async () => {
        const element = await render(
            chatRecord({
                Identification_Status__c: 'Identified',
                Matched_Object__c: 'Contact',
                Matched_Record_Id__c: null,
                Account__c: ACCOUNT_ID
            })
        );
        expect(textOf(element, '.visitor-panel__identification-text')).toBe('Identified as Contact');
        expect(link(element)).toBeNull();
        expect(root(element).querySelector('lightning-record-form')).toBeNull();
        expect(nav.generateUrl).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it.each([
        [NOT_FOUND, 'No Contact or Lead matches this visitor.'],
        [
            AMBIGUOUS,
            'Several records match this visitor, so none was chosen. Search for the right one, or create a record below.'
        ],
        [
            UNDECIDED,
            'The identification rules could not decide who this visitor is, so no record was chosen. Search for the right one before you create a record.'
        ],
        [JUST_STARTED, 'The visitor has not been identified yet.']
    ])('says what the identification found, and links and shows no record (%#)', async (chat, expected) => {
        const element = await render(chat);
        expect(textOf(element, '.visitor-panel__identification-text')).toBe(expected);
        expect(link(element)).toBeNull();
        expect(root(element).querySelector('lightning-record-form')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('links no record named by an earlier identification of an ambiguous chat', async () => {
        // A record named by an earlier identification is not this one's.
        const element = await render(
            chatRecord({
                Identification_Status__c: 'Ambiguous',
                Matched_Object__c: 'Contact',
                Matched_Record_Id__c: CONTACT_ID,
                Matched_Record_Name__c: 'Maria Lopez',
                Account__c: ACCOUNT_ID
            })
        );
        expect(textOf(element, '.visitor-panel__identification-text')).toMatch(/^Several records match/);
        expect(link(element)).toBeNull();
        expect(root(element).querySelector('lightning-record-form')).toBeNull();
        expect(nav.generateUrl).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });
});
