import { createElement } from 'lwc';
import Comm100MappingEditor from 'c/comm100MappingEditor';
import type { FieldMapping } from '@salesforce/apex/ConfigurationController.getConfiguration';
import { CATALOGUE, configuration, draft } from '../../comm100Configure/__tests__/data/configData';

jest.mock(
    '@salesforce/apex/ConfigurationController.getObjectFields',
    () => {
        const { createApexTestWireAdapter } = jest.requireActual<{
            createApexTestWireAdapter: (fn: jest.Mock) => unknown;
        }>('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()), __esModule: true };
    },
    { virtual: true }
);

interface EditorElement extends HTMLElement {
    rows: FieldMapping[];
    issues: unknown[];
    catalogue: unknown[];
    objects: unknown[];
}

type Picker = HTMLElement & {
    value: string;
    message: string;
    severity: string;
    objectApiName: string;
    writableOnly: boolean;
};

function flush(): Promise<void> {
    return new Promise((resolve) => {
        setTimeout(resolve, 0);
    });
}

async function render(rows = draft().fieldMappings, issues: unknown[] = []): Promise<EditorElement> {
    const element = createElement('c-comm100-mapping-editor', { is: Comm100MappingEditor }) as unknown as EditorElement;
    Object.assign(element, { rows, issues, catalogue: CATALOGUE, objects: configuration().objects });
    document.body.appendChild(element);
    await flush();
    return element;
}

function root(element: HTMLElement): ShadowRoot {
    return element.shadowRoot!;
}

function item(element: HTMLElement, key: string): HTMLElement {
    return root(element).querySelector<HTMLElement>(`li[data-key="${key}"]`)!;
}

function rowsSent(element: HTMLElement): FieldMapping[][] {
    const sent: FieldMapping[][] = [];
    element.addEventListener('draftchange', (event) => {
        const detail = (event as CustomEvent<{ section: string; rows: FieldMapping[] }>).detail;
        expect(detail.section).toBe('fieldMappings');
        sent.push(detail.rows);
    });
    return sent;
}

describe('c-comm100-mapping-editor', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('lists the mappings of each of the six objects with its mapped field count', async () => {
        const element = await render();
        const sections = [...root(element).querySelectorAll('section[data-object]')].map((section) => [
            section.querySelector('h3')!.textContent,
            section.querySelector('.mapping-editor__count')!.textContent,
            section.querySelectorAll('li[data-key]').length
        ]);
        expect(sections).toEqual([
            ['Contact', '1 of 57 fields mapped', 1],
            ['Lead', '0 fields mapped in this draft', 0],
            ['Account', '0 fields mapped in this draft', 0],
            ['Case', '1 of 41 fields mapped', 1],
            ['Task', '0 fields mapped in this draft', 0],
            ['Comm100 Chat', '0 fields mapped in this draft', 0]
        ]);
        const picker = item(element, 'Case_Description').querySelector<Picker>('c-comm100-field-picker')!;
        expect([picker.objectApiName, picker.value, picker.writableOnly]).toEqual(['Case', 'Description', true]);
        await expect(element).toBeAccessible();
    });

    it("shows the draft's count beside the deployed count when the draft changes it", async () => {
        const rows = draft().fieldMappings;
        const element = await render([
            ...rows,
            { ...rows[0]!, key: 'new-1', developerName: null, label: 'Contact Phone', salesforceField: 'Phone' }
        ]);
        expect(root(element).querySelector('section[data-object="Contact"] .mapping-editor__count')!.textContent).toBe(
            '1 of 57 fields mapped (2 in this draft)'
        );
        await expect(element).toBeAccessible();
    });

    it('adds a mapping to an object and names it after the field picked', async () => {
        const rows = draft().fieldMappings;
        const element = await render(rows);
        const sent = rowsSent(element);
        root(element).querySelector<HTMLElement>('section[data-object="Lead"] .mapping-editor__add')!.click();
        const added = sent[0]![2]!;
        expect(added.key).toMatch(/^new-/);
        expect({ ...added, key: 'k' }).toEqual({
            key: 'k',
            developerName: null,
            label: '',
            targetObject: 'Lead',
            comm100Field: '',
            salesforceField: '',
            active: true
        });
        element.rows = sent[0]!;
        await flush();
        item(element, added.key)
            .querySelector('c-comm100-catalogue-picker')!
            .dispatchEvent(new CustomEvent('change', { detail: { value: 'visitor.company' } }));
        element.rows = sent[1]!;
        await flush();
        item(element, added.key)
            .querySelector('c-comm100-field-picker')!
            .dispatchEvent(new CustomEvent('change', { detail: { value: 'Company' } }));
        expect(sent[2]![2]).toEqual({
            ...added,
            label: 'Lead Company',
            comm100Field: 'visitor.company',
            salesforceField: 'Company'
        });
        expect(sent[2]!.slice(0, 2)).toEqual(rows);
        await expect(element).toBeAccessible();
    });

    it('keeps the label of a deployed mapping when its field changes, and sends label and active edits', async () => {
        const rows = draft().fieldMappings;
        const element = await render(rows);
        const sent = rowsSent(element);
        const contact = item(element, 'Contact_Email');
        contact
            .querySelector('c-comm100-field-picker')!
            .dispatchEvent(new CustomEvent('change', { detail: { value: 'Department' } }));
        const label = contact.querySelector<HTMLInputElement>('[data-field="label"]')!;
        label.value = 'Contact email address';
        label.dispatchEvent(new CustomEvent('change'));
        const active = contact.querySelector<HTMLInputElement>('[data-field="active"]')!;
        active.checked = false;
        active.dispatchEvent(new CustomEvent('change'));
        expect(sent.map((r) => r[0])).toEqual([
            { ...rows[0], salesforceField: 'Department' },
            { ...rows[0], label: 'Contact email address' },
            { ...rows[0], active: false }
        ]);
        await expect(element).toBeAccessible();
    });

    it('removes a new mapping outright and deactivates a deployed one, saying so', async () => {
        const rows = draft().fieldMappings;
        const fresh: FieldMapping = { ...rows[0]!, key: 'new-9', developerName: null, label: 'Contact Phone' };
        const element = await render([...rows, fresh]);
        const sent = rowsSent(element);
        item(element, 'new-9').querySelector<HTMLElement>('.mapping-editor__remove')!.click();
        expect(sent[0]).toEqual(rows);
        item(element, 'Case_Description').querySelector<HTMLElement>('.mapping-editor__remove')!.click();
        expect(sent[1]!.map((m) => [m.key, m.active])).toEqual([
            ['Contact_Email', true],
            ['Case_Description', false],
            ['new-9', true]
        ]);
        element.rows = sent[1]!;
        await flush();
        expect(
            item(element, 'Case_Description').querySelector('.mapping-editor__inactive-note')!.textContent.trim()
        ).toBe(
            'Inactive: a deployed mapping cannot be deleted, so it stays in the configuration and writes nothing. Check Active to use it again.'
        );
        await expect(element).toBeAccessible();
    });

    it('shows each issue next to the input it names', async () => {
        const issues = [
            {
                section: 'fieldMappings',
                key: 'Contact_Email',
                field: 'salesforceField',
                message: 'Email on Contact cannot take a Number: Visit Times cannot be converted.',
                severity: 'error'
            },
            {
                section: 'fieldMappings',
                key: 'Case_Description',
                field: 'comm100Field',
                message: 'Text into a number field converts only when it parses.',
                severity: 'warning'
            },
            {
                section: 'fieldMappings',
                key: 'Case_Description',
                field: 'label',
                message: 'Label is over 40 characters.',
                severity: 'error'
            },
            {
                section: 'identificationRules',
                key: 'Contact_Email',
                field: 'label',
                message: 'Not mine.',
                severity: 'error'
            }
        ];
        const element = await render(draft().fieldMappings, issues);
        const sf = item(element, 'Contact_Email').querySelector<Picker>('c-comm100-field-picker')!;
        expect([sf.message, sf.severity]).toEqual([
            'Email on Contact cannot take a Number: Visit Times cannot be converted.',
            'error'
        ]);
        const c100 = item(element, 'Case_Description').querySelector<Picker>('c-comm100-catalogue-picker')!;
        expect([c100.message, c100.severity]).toEqual([
            'Text into a number field converts only when it parses.',
            'warning'
        ]);
        const label = item(element, 'Case_Description').querySelector<HTMLInputElement>('[data-field="label"]')!;
        expect(label.getAttribute('aria-invalid')).toBe('true');
        expect(label.parentElement!.querySelector('.slds-form-element__help')!.textContent.trim()).toBe(
            'Error: Label is over 40 characters.'
        );
        expect(
            item(element, 'Contact_Email')
                .querySelector<HTMLInputElement>('[data-field="label"]')!
                .getAttribute('aria-invalid')
        ).toBe('false');
        await expect(element).toBeAccessible();
    });

    it('shows an issue on the key or the record name, which have no input, on its mapping', async () => {
        // ConfigNameCheck's sentences: a second row with a key, or a record, the section already has.
        const keyTaken = 'Another row of this section has the key "Contact_Email": each row needs its own.';
        const recordTwice =
            'Another row of this section is the record Contact_Email too: a deployment holds each record once, so keep one of them.';
        const issues = [
            { section: 'fieldMappings', key: 'Contact_Email', field: 'key', message: keyTaken, severity: 'error' },
            {
                section: 'fieldMappings',
                key: 'Contact_Email',
                field: 'developerName',
                message: recordTwice,
                severity: 'error'
            }
        ];
        const element = await render(draft().fieldMappings, issues);
        expect(
            [...item(element, 'Contact_Email').querySelectorAll('.slds-text-color_error')].map((p) => p.textContent)
        ).toEqual([`Error: ${keyTaken}`, `Error: ${recordTwice}`]);
        expect(item(element, 'Case_Description').textContent).not.toContain('Another row');
        await expect(element).toBeAccessible();
    });
});
