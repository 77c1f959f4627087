import { createElement } from 'lwc';
import Comm100RuleEditor from 'c/comm100RuleEditor';
import type { IdentificationRule } from '@salesforce/apex/ConfigurationController.getConfiguration';
import { CATALOGUE, draft } from '../../comm100Configure/__tests__/data/configData';

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
    rows: IdentificationRule[];
    issues: unknown[];
    catalogue: unknown[];
}

type Picker = HTMLElement & { value: string; label: string; message: string; severity: string; objectApiName: string };

function flush(): Promise<void> {
    return new Promise((resolve) => {
        setTimeout(resolve, 0);
    });
}

async function render(rows = draft().identificationRules, issues: unknown[] = []): Promise<EditorElement> {
    const element = createElement('c-comm100-rule-editor', { is: Comm100RuleEditor }) as unknown as EditorElement;
    Object.assign(element, { rows, issues, catalogue: CATALOGUE });
    document.body.appendChild(element);
    await flush();
    return element;
}

function root(element: HTMLElement): ShadowRoot {
    return element.shadowRoot!;
}

function rowsSent(element: HTMLElement): IdentificationRule[][] {
    const sent: IdentificationRule[][] = [];
    element.addEventListener('draftchange', (event) => {
        const detail = (event as CustomEvent<{ section: string; rows: IdentificationRule[] }>).detail;
        expect(detail.section).toBe('identificationRules');
        sent.push(detail.rows);
    });
    return sent;
}

function ruleItem(element: HTMLElement, key: string): HTMLElement {
    return root(element).querySelector<HTMLElement>(`li[data-key="${key}"]`)!;
}

function click(element: HTMLElement, selector: string): void {
    root(element).querySelector<HTMLElement>(selector)!.click();
}

describe('c-comm100-rule-editor', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('groups the rules by object, Contact, Lead, Account, in the order they run', async () => {
        const rows = draft().identificationRules;
        // Given out of order: the editor sorts each object's rules by order.
        const element = await render([rows[1]!, rows[2]!, rows[0]!]);
        const groups = [...root(element).querySelectorAll('section[data-object]')].map((section) => [
            section.querySelector('h3')!.textContent,
            [...section.querySelectorAll('li[data-key]')].map((li) => li.getAttribute('data-key'))
        ]);
        expect(groups).toEqual([
            ['Contact', ['Contact_Email', 'Contact_Phone']],
            ['Lead', ['Lead_Email']],
            ['Account', []]
        ]);
        expect(root(element).querySelector('section[data-object="Account"] .rule-editor__empty')!.textContent).toBe(
            'No Account rule.'
        );
        const picker = ruleItem(element, 'Contact_Phone').querySelector<Picker>('c-comm100-field-picker')!;
        expect([picker.objectApiName, picker.value, picker.label]).toEqual([
            'Contact',
            'Phone',
            'Contact field (condition 1)'
        ]);
        const up = ruleItem(element, 'Contact_Email').querySelector<HTMLButtonElement>('.rule-editor__up')!;
        expect(up.disabled).toBe(true);
        expect(up.getAttribute('aria-label')).toBe('Move Contact by email up');
        await expect(element).toBeAccessible();
    });

    it('dispatches the new rows when a label, the order, active or a condition changes, never changing its input', async () => {
        const rows = draft().identificationRules;
        const frozen = JSON.stringify(rows);
        const element = await render(rows);
        const sent = rowsSent(element);
        const label = ruleItem(element, 'Lead_Email').querySelector<HTMLInputElement>('[data-field="label"]')!;
        label.value = 'Lead by work email';
        label.dispatchEvent(new CustomEvent('change'));
        const order = ruleItem(element, 'Lead_Email').querySelector<HTMLInputElement>('[data-field="order"]')!;
        order.value = '5';
        order.dispatchEvent(new CustomEvent('change'));
        const active = ruleItem(element, 'Lead_Email').querySelector<HTMLInputElement>('[data-field="active"]')!;
        active.checked = false;
        active.dispatchEvent(new CustomEvent('change'));
        ruleItem(element, 'Lead_Email')
            .querySelector('c-comm100-catalogue-picker')!
            .dispatchEvent(new CustomEvent('change', { detail: { value: 'customVariable.crmId' } }));
        ruleItem(element, 'Lead_Email')
            .querySelector('c-comm100-field-picker')!
            .dispatchEvent(new CustomEvent('change', { detail: { value: 'Crm_Id__c' } }));
        expect(sent.map((r) => r[2])).toEqual([
            { ...rows[2], label: 'Lead by work email' },
            { ...rows[2], order: 5 },
            { ...rows[2], active: false },
            { ...rows[2], conditions: [{ comm100Field: 'customVariable.crmId', salesforceField: 'Email' }] },
            { ...rows[2], conditions: [{ comm100Field: 'visitor.email', salesforceField: 'Crm_Id__c' }] }
        ]);
        expect(sent.every((r) => JSON.stringify(r.slice(0, 2)) === JSON.stringify(rows.slice(0, 2)))).toBe(true);
        expect(JSON.stringify(rows)).toBe(frozen);
        await expect(element).toBeAccessible();
    });

    it('adds conditions up to three and removes one, never the last', async () => {
        const rows = draft().identificationRules;
        const element = await render(rows);
        const sent = rowsSent(element);
        click(element, 'li[data-key="Contact_Email"] .rule-editor__add-condition');
        expect(sent[0]![0]!.conditions).toEqual([
            { comm100Field: 'visitor.email', salesforceField: 'Email' },
            { comm100Field: '', salesforceField: '' }
        ]);
        expect(
            ruleItem(element, 'Contact_Email').querySelector<HTMLButtonElement>('.rule-editor__remove-condition')!
                .disabled
        ).toBe(true);

        const three = [
            { comm100Field: 'visitor.email', salesforceField: 'Email' },
            { comm100Field: 'visitor.name', salesforceField: 'LastName' },
            { comm100Field: 'visitor.phone', salesforceField: 'Phone' }
        ];
        element.rows = [{ ...rows[0]!, conditions: three }, rows[1]!, rows[2]!];
        await flush();
        const item = ruleItem(element, 'Contact_Email');
        expect(item.querySelector<HTMLButtonElement>('.rule-editor__add-condition')!.disabled).toBe(true);
        const removes = item.querySelectorAll<HTMLButtonElement>('.rule-editor__remove-condition');
        expect(removes[1]!.getAttribute('aria-label')).toBe('Remove condition 2 of Contact by email');
        removes[1]!.click();
        expect(sent[1]![0]!.conditions).toEqual([three[0], three[2]]);
        await expect(element).toBeAccessible();
    });

    it('adds a new rule after the last of its object, and removes it outright', async () => {
        const rows = draft().identificationRules;
        const element = await render(rows);
        const sent = rowsSent(element);
        click(element, 'section[data-object="Contact"] .rule-editor__add');
        const added = sent[0]![3]!;
        expect(added.key).toMatch(/^new-/);
        expect({ ...added, key: 'k' }).toEqual({
            key: 'k',
            developerName: null,
            label: '',
            targetObject: 'Contact',
            order: 3,
            active: true,
            conditions: [{ comm100Field: '', salesforceField: '' }]
        });
        element.rows = sent[0]!;
        await flush();
        expect(ruleItem(element, added.key).querySelector('legend')!.textContent.trim()).toBe('New rule (new)');
        ruleItem(element, added.key).querySelector<HTMLElement>('.rule-editor__remove')!.click();
        expect(sent[1]).toEqual(rows);
        await expect(element).toBeAccessible();
    });

    it('deactivates a deployed rule on Remove and says why it stays', async () => {
        const rows = draft().identificationRules;
        const element = await render(rows);
        const sent = rowsSent(element);
        click(element, 'li[data-key="Contact_Phone"] .rule-editor__remove');
        expect(sent[0]!.map((r) => [r.key, r.active])).toEqual([
            ['Contact_Email', true],
            ['Contact_Phone', false],
            ['Lead_Email', true]
        ]);
        element.rows = sent[0]!;
        await flush();
        expect(ruleItem(element, 'Contact_Phone').querySelector('.rule-editor__inactive-note')!.textContent).toBe(
            'Inactive: a deployed rule cannot be deleted, so it stays in the configuration and no longer runs. Check Active to use it again.'
        );
        await expect(element).toBeAccessible();
    });

    it('moves a rule down by exchanging its order with the next rule of its object', async () => {
        const rows = draft().identificationRules;
        const element = await render(rows);
        const sent = rowsSent(element);
        click(element, 'li[data-key="Contact_Email"] .rule-editor__down');
        expect(sent[0]!.map((r) => [r.key, r.order])).toEqual([
            ['Contact_Email', 2],
            ['Contact_Phone', 1],
            ['Lead_Email', 1]
        ]);
        await expect(element).toBeAccessible();
    });

    it('shows each issue of its section next to the input it names, a warning as a warning', async () => {
        const issues = [
            {
                section: 'identificationRules',
                key: 'Contact_Phone',
                field: 'label',
                message: 'Label is required.',
                severity: 'error'
            },
            {
                section: 'identificationRules',
                key: 'Contact_Phone',
                field: 'conditions.0.salesforceField',
                message: 'Phone is not indexed: the first condition of a rule should be on an indexed field.',
                severity: 'warning'
            },
            {
                section: 'identificationRules',
                key: 'Lead_Email',
                field: 'conditions.0.comm100Field',
                message: 'Unknown Comm100 field.'
            },
            {
                section: 'identificationRules',
                key: 'Lead_Email',
                field: 'targetObject',
                message: 'Target object is required.',
                severity: 'error'
            },
            { section: 'fieldMappings', key: 'Contact_Email', field: 'label', message: 'Not mine.', severity: 'error' }
        ];
        const element = await render(draft().identificationRules, issues);
        const phone = ruleItem(element, 'Contact_Phone');
        const label = phone.querySelector<HTMLInputElement>('[data-field="label"]')!;
        expect(label.getAttribute('aria-invalid')).toBe('true');
        expect(label.closest('.slds-form-element')!.querySelector('.slds-form-element__help')!.textContent.trim()).toBe(
            'Error: Label is required.'
        );
        const sfPicker = phone.querySelector<Picker>('c-comm100-field-picker')!;
        expect([sfPicker.message, sfPicker.severity]).toEqual([
            'Phone is not indexed: the first condition of a rule should be on an indexed field.',
            'warning'
        ]);
        const lead = ruleItem(element, 'Lead_Email');
        const c100 = lead.querySelector<Picker>('c-comm100-catalogue-picker')!;
        expect([c100.message, c100.severity]).toEqual(['Unknown Comm100 field.', 'error']);
        expect(lead.querySelector('.slds-text-color_error')!.textContent).toBe('Error: Target object is required.');
        const email = ruleItem(element, 'Contact_Email');
        expect(email.querySelector<HTMLInputElement>('[data-field="label"]')!.getAttribute('aria-invalid')).toBe(
            'false'
        );
        expect(email.textContent).not.toContain('Not mine.');
        await expect(element).toBeAccessible();
    });

    it('shows an issue on the key or the record name, which have no input, on its rule', async () => {
        // ConfigNameCheck's sentences: a second row with a key, or a record, the section already has.
        const keyTaken = 'Another row of this section has the key "Contact_Phone": each row needs its own.';
        const recordTwice =
            'Another row of this section is the record Contact_Phone too: a deployment holds each record once, so keep one of them.';
        const issues = [
            {
                section: 'identificationRules',
                key: 'Contact_Phone',
                field: 'key',
                message: keyTaken,
                severity: 'error'
            },
            {
                section: 'identificationRules',
                key: 'Contact_Phone',
                field: 'developerName',
                message: recordTwice,
                severity: 'error'
            }
        ];
        const element = await render(draft().identificationRules, issues);
        const phone = ruleItem(element, 'Contact_Phone');
        expect([...phone.querySelectorAll('.slds-text-color_error')].map((p) => p.textContent)).toEqual([
            `Error: ${keyTaken}`,
            `Error: ${recordTwice}`
        ]);
        expect(ruleItem(element, 'Contact_Email').textContent).not.toContain('Another row');
        await expect(element).toBeAccessible();
    });
});
