import { createElement } from 'lwc';
import Comm100FieldPicker from 'c/comm100FieldPicker';
import getObjectFields from '@salesforce/apex/ConfigurationController.getObjectFields';
import { CONTACT_FIELDS } from '../../comm100Configure/__tests__/data/configData';

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

interface WireMock {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}

interface PickerElement extends HTMLElement {
    objectApiName: string;
    value: string;
    label: string;
    writableOnly: boolean;
    message: string;
    severity: string;
}

type Combobox = HTMLElement & { options: { label: string; value: string; description?: string }[]; value: string };

const fieldsWire = getObjectFields as unknown as WireMock;

function flush(): Promise<void> {
    return new Promise((resolve) => {
        setTimeout(resolve, 0);
    });
}

async function render(props: Partial<PickerElement>): Promise<PickerElement> {
    const element = createElement('c-comm100-field-picker', { is: Comm100FieldPicker }) as unknown as PickerElement;
    Object.assign(element, props);
    document.body.appendChild(element);
    await flush();
    return element;
}

function combobox(element: HTMLElement): Combobox {
    return element.shadowRoot!.querySelector<Combobox>('lightning-combobox')!;
}

describe('c-comm100-field-picker', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('asks for the fields of its object and lists them as Label (ApiName) sorted by label, indexed ones marked', async () => {
        const element = await render({ objectApiName: 'Contact', value: 'Email', label: 'Contact field' });
        expect(fieldsWire.getLastConfig()).toEqual({ objectApiName: 'Contact' });
        fieldsWire.emit(CONTACT_FIELDS);
        await flush();
        const box = combobox(element);
        expect(box.value).toBe('Email');
        expect(box.getAttribute('label') ?? (box as unknown as { label: string }).label).toBe('Contact field');
        expect(box.options).toEqual([
            { label: 'Business Phone (Phone)', value: 'Phone' },
            { label: 'Contact ID (Id)', value: 'Id', description: 'indexed' },
            { label: 'Created Date (CreatedDate)', value: 'CreatedDate', description: 'indexed' },
            { label: 'Department (Department)', value: 'Department' },
            { label: 'Email (Email)', value: 'Email', description: 'indexed' },
            { label: 'Last Name (LastName)', value: 'LastName', description: 'indexed' }
        ]);
        await expect(element).toBeAccessible();
    });

    it('offers only fields the sync can write when writableOnly, and keeps a chosen field it cannot write', async () => {
        const element = await render({ objectApiName: 'Contact', value: 'CreatedDate', writableOnly: true });
        fieldsWire.emit(CONTACT_FIELDS);
        await flush();
        expect(combobox(element).options.map((o) => o.label)).toEqual([
            'Created Date (CreatedDate) (not writable)',
            'Business Phone (Phone)',
            'Department (Department)',
            'Email (Email)',
            'Last Name (LastName)'
        ]);
        await expect(element).toBeAccessible();
    });

    it('keeps a value that is not a field of the object and says so', async () => {
        const element = await render({ objectApiName: 'Contact', value: 'Loyalty_Tier__c' });
        fieldsWire.emit(CONTACT_FIELDS);
        await flush();
        expect(combobox(element).options[0]).toEqual({
            label: 'Loyalty_Tier__c (not found on this object)',
            value: 'Loyalty_Tier__c'
        });
        await expect(element).toBeAccessible();
    });

    it('dispatches change with the chosen field, not the combobox event', async () => {
        const element = await render({ objectApiName: 'Contact', value: '' });
        fieldsWire.emit(CONTACT_FIELDS);
        await flush();
        const changes: unknown[] = [];
        element.addEventListener('change', (event) => changes.push((event as CustomEvent).detail));
        combobox(element).dispatchEvent(new CustomEvent('change', { detail: { value: 'Department' } }));
        expect(changes).toEqual([{ value: 'Department' }]);
        await expect(element).toBeAccessible();
    });

    it('shows an error or a warning of the last check under the field', async () => {
        const element = await render({
            objectApiName: 'Contact',
            value: 'Phone',
            message: 'Phone is not indexed: the lookup may be slow.',
            severity: 'warning'
        });
        fieldsWire.emit(CONTACT_FIELDS);
        await flush();
        const root = element.shadowRoot!;
        expect(root.querySelector('.field-picker')!.className).toBe('field-picker field-picker_warning');
        expect(root.querySelector('.field-picker__message')!.textContent).toBe(
            'Warning: Phone is not indexed: the lookup may be slow.'
        );
        element.severity = 'error';
        element.message = 'No field Phonee on Contact.';
        await flush();
        expect(root.querySelector('.field-picker')!.className).toContain('slds-has-error');
        expect(root.querySelector('.field-picker__message')!.textContent).toBe('Error: No field Phonee on Contact.');
        await expect(element).toBeAccessible();
    });

    it('keeps the value as text when the fields cannot be read, and a typed name is dispatched', async () => {
        const element = await render({ objectApiName: 'Contact', value: 'Email', label: 'Contact field' });
        fieldsWire.error({ message: 'You do not have access to the Comm100 Setup.' });
        await flush();
        const root = element.shadowRoot!;
        expect(root.querySelector('lightning-combobox')).toBeNull();
        const input = root.querySelector<HTMLInputElement>('[data-id="typed"]')!;
        expect(input.value).toBe('Email');
        expect(root.querySelector('.field-picker__failure')!.textContent).toBe(
            "The fields of Contact could not be read (You do not have access to the Comm100 Setup.). Type the field's API name instead."
        );
        const changes: unknown[] = [];
        element.addEventListener('change', (event) => changes.push((event as CustomEvent).detail));
        input.value = ' Email__c ';
        input.dispatchEvent(new CustomEvent('change'));
        expect(changes).toEqual([{ value: 'Email__c' }]);
        await expect(element).toBeAccessible();
    });
});
