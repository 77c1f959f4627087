import { createElement } from 'lwc';
import Comm100AllowListEditor from 'c/comm100AllowListEditor';
import type { AllowListEntry } from '@salesforce/apex/ConfigurationController.getConfiguration';
import type { EditorIssue } from 'c/configRows';

/** Entries as the package ships them (customMetadata/Comm100_Bot_Allow_List.*), and one not yet deployed. */
function entry(targetObject: string, salesforceField: string, extra: Partial<AllowListEntry> = {}): AllowListEntry {
    const developerName = `${targetObject}_${salesforceField.replace('.', '_')}`;
    return Object.freeze({
        key: developerName,
        developerName,
        label: `${targetObject} ${salesforceField}`,
        targetObject,
        salesforceField,
        canRead: true,
        canWrite: false,
        active: true,
        ...extra
    });
}

const CASE_STATUS = entry('Case', 'Status');
const CONTACT_EMAIL = entry('Contact', 'Email', { canWrite: true });
const CONTACT_ACCOUNT = entry('Contact', 'Account.Name');
const LEAD_COMPANY = entry('Lead', 'Company', { active: false });
const INVOICE = Object.freeze({
    ...entry('Invoice__c', 'Amount__c'),
    key: 'new-7',
    developerName: null
});

type Editor = HTMLElement & { rows: AllowListEntry[]; issues?: EditorIssue[] };

interface DraftChange {
    section: string;
    rows: AllowListEntry[];
}

const ROWS = [CASE_STATUS, INVOICE, CONTACT_EMAIL, LEAD_COMPANY, CONTACT_ACCOUNT];

function render(rows: AllowListEntry[] = ROWS, issues?: EditorIssue[]): Editor {
    const element = createElement('c-comm100-allow-list-editor', { is: Comm100AllowListEditor }) as Editor;
    element.rows = Object.freeze(rows) as AllowListEntry[];
    element.issues = issues;
    document.body.appendChild(element);
    return element;
}

function root(element: HTMLElement): ShadowRoot {
    return element.shadowRoot!;
}

function listen(element: HTMLElement): DraftChange[] {
    const changes: DraftChange[] = [];
    element.addEventListener('draftchange', (event) => changes.push((event as CustomEvent<DraftChange>).detail));
    return changes;
}

function input(element: HTMLElement, key: string, field: string): HTMLInputElement {
    return root(element).querySelector<HTMLInputElement>(`input[data-key="${key}"][data-field="${field}"]`)!;
}

function tick(element: HTMLElement, key: string, field: string, checked: boolean): void {
    const target = input(element, key, field);
    target.checked = checked;
    target.dispatchEvent(new CustomEvent('change'));
}

function text(node: Element | null | undefined): string {
    return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function groups(element: HTMLElement): string[][] {
    return [...root(element).querySelectorAll<HTMLElement>('.allow-list-editor__group')].map((group) => [
        group.dataset.object ?? '',
        ...[...group.querySelectorAll<HTMLInputElement>('input[data-field="salesforceField"]')].map((i) => i.value)
    ]);
}

function flush(): Promise<void> {
    return new Promise((resolve) => {
        setTimeout(resolve, 0);
    });
}

describe('c-comm100-allow-list-editor', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('groups the entries by object, the usual objects first, with each flag and what the list does', async () => {
        const element = render();
        await flush();
        expect(groups(element)).toEqual([
            ['Contact', 'Email', 'Account.Name'],
            ['Lead', 'Company'],
            ['Case', 'Status'],
            ['Invoice__c', 'Amount__c']
        ]);
        expect([...root(element).querySelectorAll('.allow-list-editor__object')].map(text)).toEqual([
            'Contact',
            'Lead',
            'Case',
            'Invoice__c'
        ]);
        expect(
            ['canRead', 'canWrite', 'active'].map((field) => input(element, 'Contact_Email', field).checked)
        ).toEqual([true, true, true]);
        expect(input(element, 'Lead_Company', 'active').checked).toBe(false);
        expect(text(root(element).querySelector('.allow-list-editor__intro'))).toMatch(
            /^The chatbot may read or write only the fields listed here/
        );
        expect(text(root(element).querySelector('[data-key="new-7"] .allow-list-editor__state'))).toBe(
            'New: not deployed yet'
        );
        expect(text(root(element).querySelector('[data-key="Lead_Company"] .allow-list-editor__state'))).toMatch(
            /^Inactive/
        );
        await expect(element).toBeAccessible();
    });

    it('dispatches the whole new rows for each edit, a label reading "Object Field" following its field', async () => {
        const element = render();
        const changes = listen(element);
        await flush();
        const field = input(element, 'Contact_Email', 'salesforceField');
        field.value = 'MobilePhone';
        field.dispatchEvent(new CustomEvent('input'));
        tick(element, 'Case_Status', 'canWrite', true);
        tick(element, 'Contact_Account_Name', 'canRead', false);
        tick(element, 'Lead_Company', 'active', true);
        const invoice = input(element, 'new-7', 'salesforceField');
        invoice.value = 'Account__r.Name';
        invoice.dispatchEvent(new CustomEvent('input'));
        expect(changes.map((change) => change.section)).toEqual(Array(5).fill('allowList'));
        expect(changes[0]!.rows).toEqual([
            CASE_STATUS,
            INVOICE,
            { ...CONTACT_EMAIL, salesforceField: 'MobilePhone', label: 'Contact MobilePhone' },
            LEAD_COMPANY,
            CONTACT_ACCOUNT
        ]);
        expect(changes[4]!.rows).toEqual([
            { ...CASE_STATUS, canWrite: true },
            { ...INVOICE, salesforceField: 'Account__r.Name', label: 'Invoice__c Account__r.Name' },
            { ...CONTACT_EMAIL, salesforceField: 'MobilePhone', label: 'Contact MobilePhone' },
            { ...LEAD_COMPANY, active: true },
            { ...CONTACT_ACCOUNT, canRead: false }
        ]);
        expect([CONTACT_EMAIL.salesforceField, CASE_STATUS.canWrite]).toEqual(['Email', false]);
        await expect(element).toBeAccessible();
    });

    it('keeps a label the admin chose when the field changes', async () => {
        const named = { ...CASE_STATUS, label: 'Bot reads case status' };
        const element = render([named]);
        const changes = listen(element);
        await flush();
        const field = input(element, 'Case_Status', 'salesforceField');
        field.value = 'Priority';
        field.dispatchEvent(new CustomEvent('input'));
        expect(changes[0]!.rows).toEqual([{ ...named, salesforceField: 'Priority' }]);
        await expect(element).toBeAccessible();
    });

    it("adds an entry to an object's group, readable, and focuses its field", async () => {
        const element = render();
        const changes = listen(element);
        await flush();
        root(element).querySelector<HTMLButtonElement>('.allow-list-editor__add-to[data-object="Lead"]')!.click();
        await flush();
        const added = changes[0]!.rows[5]!;
        expect(changes[0]!.rows.slice(0, 5)).toEqual(ROWS);
        expect(added).toEqual({
            key: expect.stringMatching(/^new-/),
            developerName: null,
            label: 'Lead',
            targetObject: 'Lead',
            salesforceField: '',
            canRead: true,
            canWrite: false,
            active: true
        });
        expect(groups(element)[1]).toEqual(['Lead', 'Company', '']);
        expect(root(element).activeElement).toBe(input(element, added.key, 'salesforceField'));
        await expect(element).toBeAccessible();
    });

    it('adds an entry for another object, and refuses an object name next to its field, keeping it', async () => {
        const element = render([]);
        const changes = listen(element);
        await flush();
        expect(text(root(element).querySelector('.allow-list-editor__none'))).toBe(
            'The allow-list is empty: the chatbot may read and write no field.'
        );
        const objectField = root(element).querySelector<HTMLInputElement>('[data-id="new-object"]')!;
        expect(objectField.value).toBe('Contact');
        objectField.value = 'Order Line';
        objectField.dispatchEvent(new CustomEvent('input'));
        const form = root(element).querySelector('form.allow-list-editor__add')!;
        form.dispatchEvent(new CustomEvent('submit', { cancelable: true }));
        await flush();
        expect(changes).toEqual([]);
        expect(text(root(element).querySelector('.allow-list-editor__object-error'))).toBe(
            'Enter an object API name, such as Contact or Invoice__c.'
        );
        expect(objectField.value).toBe('Order Line');
        expect(objectField.getAttribute('aria-invalid')).toBe('true');
        expect(root(element).activeElement).toBe(objectField);
        objectField.value = ' OrderItem ';
        objectField.dispatchEvent(new CustomEvent('input'));
        form.dispatchEvent(new CustomEvent('submit', { cancelable: true }));
        await flush();
        expect(changes[0]!.rows).toEqual([
            expect.objectContaining({ targetObject: 'OrderItem', salesforceField: '', developerName: null })
        ]);
        expect(groups(element)).toEqual([['OrderItem', '']]);
        expect(objectField.getAttribute('aria-invalid')).toBe('false');
        await expect(element).toBeAccessible();
    });

    it('removes a new entry outright and makes a deployed entry inactive, saying so', async () => {
        const element = render();
        const changes = listen(element);
        await flush();
        root(element).querySelector<HTMLButtonElement>('button[data-key="new-7"]')!.click();
        await flush();
        expect(changes[0]!.rows).toEqual([CASE_STATUS, CONTACT_EMAIL, LEAD_COMPANY, CONTACT_ACCOUNT]);
        expect(text(root(element).querySelector('.allow-list-editor__notice'))).toBe(
            'Invoice__c Amount__c was removed.'
        );
        expect(groups(element).map((group) => group[0])).toEqual(['Contact', 'Lead', 'Case']);
        root(element).querySelector<HTMLButtonElement>('button[data-key="Contact_Email"]')!.click();
        await flush();
        expect(changes[1]!.rows).toEqual([
            CASE_STATUS,
            { ...CONTACT_EMAIL, active: false },
            LEAD_COMPANY,
            CONTACT_ACCOUNT
        ]);
        expect(text(root(element).querySelector('.allow-list-editor__notice'))).toBe(
            'Contact Email is now inactive: a deployed entry cannot be deleted, so it is kept, inactive. Deploy to apply.'
        );
        expect(root(element).activeElement).toBe(input(element, 'Contact_Email', 'active'));
        // An inactive deployed entry has nothing left to remove: Active turns it back on.
        expect(root(element).querySelector('button[data-key="Lead_Company"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows each issue next to the input it names, a warning as a warning, others on the entry or above', async () => {
        const element = render(undefined, [
            {
                section: 'allowList',
                key: 'Contact_Email',
                field: 'salesforceField',
                message: 'Contact has no field MobilPhone.',
                severity: 'error'
            },
            {
                section: 'allowList',
                key: 'Case_Status',
                field: 'canWrite',
                message: 'The chatbot may now change a case status.',
                severity: 'warning'
            },
            { section: 'allowList', key: 'new-7', field: 'targetObject', message: 'No object Invoice__c.' },
            { section: 'allowList', key: 'Gone', field: 'salesforceField', message: 'An entry the draft lost.' },
            { section: 'policies', key: 'Contact_Email', field: 'salesforceField', message: 'Not mine.' }
        ]);
        await flush();
        const email = root(element).querySelector('[data-key="Contact_Email"] [data-input="salesforceField"]')!;
        expect(email.classList.contains('slds-has-error')).toBe(true);
        expect(text(email.querySelector('.config-issue_error'))).toBe('Error: Contact has no field MobilPhone.');
        expect(input(element, 'Contact_Email', 'salesforceField').getAttribute('aria-invalid')).toBe('true');
        const write = root(element).querySelector('[data-key="Case_Status"] [data-input="canWrite"]')!;
        expect(write.classList.contains('config-has-warning')).toBe(true);
        expect(text(write.querySelector('.config-issue_warning'))).toBe(
            'Warning: The chatbot may now change a case status.'
        );
        expect(input(element, 'Case_Status', 'canWrite').getAttribute('aria-invalid')).toBe('false');
        expect(text(root(element).querySelector('[data-key="new-7"] > p.config-issue'))).toBe(
            'Error: No object Invoice__c.'
        );
        expect(text(root(element).querySelector('.allow-list-editor > p.config-issue'))).toBe(
            'Error: An entry the draft lost.'
        );
        expect(root(element).textContent).not.toContain('Not mine.');
        await expect(element).toBeAccessible();
    });

    it('shows an issue on the key or the record name, which have no input, on its entry', async () => {
        // ConfigNameCheck's sentences: a second row with a key, or a record, the section already has.
        const keyTaken = 'Another row of this section has the key "Contact_Email": each row needs its own.';
        const recordTwice =
            'Another row of this section is the record Contact_Email too: a deployment holds each record once, so keep one of them.';
        const element = render(undefined, [
            { section: 'allowList', key: 'Contact_Email', field: 'key', message: keyTaken },
            { section: 'allowList', key: 'Contact_Email', field: 'developerName', message: recordTwice }
        ]);
        await flush();
        expect([...root(element).querySelectorAll('[data-key="Contact_Email"] > p.config-issue')].map(text)).toEqual([
            `Error: ${keyTaken}`,
            `Error: ${recordTwice}`
        ]);
        expect(root(element).querySelector('[data-key="Case_Status"] > p.config-issue')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
