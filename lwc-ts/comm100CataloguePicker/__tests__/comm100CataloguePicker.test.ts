import { createElement } from 'lwc';
import Comm100CataloguePicker from 'c/comm100CataloguePicker';
import { CATALOGUE } from '../../comm100Configure/__tests__/data/configData';

interface PickerElement extends HTMLElement {
    catalogue: unknown;
    value: string;
    label: string;
    message: string;
    severity: string;
}

function flush(): Promise<void> {
    return new Promise((resolve) => {
        setTimeout(resolve, 0);
    });
}

async function render(value: string, extra: Partial<PickerElement> = {}): Promise<PickerElement> {
    const element = createElement('c-comm100-catalogue-picker', {
        is: Comm100CataloguePicker
    }) as unknown as PickerElement;
    Object.assign(element, { catalogue: CATALOGUE, value, label: 'Comm100 field (condition 1)', ...extra });
    document.body.appendChild(element);
    await flush();
    return element;
}

function select(element: HTMLElement): HTMLSelectElement {
    return element.shadowRoot!.querySelector<HTMLSelectElement>('select')!;
}

function changes(element: HTMLElement): unknown[] {
    const seen: unknown[] = [];
    element.addEventListener('change', (event) => seen.push((event as CustomEvent).detail));
    return seen;
}

describe('c-comm100-catalogue-picker', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('lists the catalogue grouped by category, then the fields chosen by name', async () => {
        const element = await render('visitor.email');
        const groups = [...select(element).querySelectorAll('optgroup')].map((group) => [
            group.label,
            [...group.querySelectorAll('option')].map((option) => option.textContent.trim())
        ]);
        expect(groups).toEqual([
            ['Visitor', ['Name', 'Email', 'Phone']],
            ['Session', ['IP']],
            ['Pre-Chat', ['Company']],
            ['Chat', ['Transcript']],
            ['By name', ['Custom variable…', 'Pre-chat field…']]
        ]);
        expect(select(element).value).toBe('visitor.email');
        expect(element.shadowRoot!.querySelector('label')!.textContent).toBe('Comm100 field (condition 1)');
        await expect(element).toBeAccessible();
    });

    it('shows a custom variable as "Custom variable…" with its name, and dispatches the typed name', async () => {
        const element = await render('customVariable.orderId');
        expect(select(element).value).toBe('customVariable.');
        const name = element.shadowRoot!.querySelector<HTMLInputElement>('[data-id="name"]')!;
        expect(name.value).toBe('orderId');
        const seen = changes(element);
        name.value = ' cartId ';
        name.dispatchEvent(new CustomEvent('change'));
        expect(seen).toEqual([{ value: 'customVariable.cartId' }]);
        await expect(element).toBeAccessible();
    });

    it('keeps a name typed when the kind changes to a pre-chat field', async () => {
        const element = await render('customVariable.orderId');
        const seen = changes(element);
        select(element).value = 'preChat.';
        select(element).dispatchEvent(new CustomEvent('change'));
        expect(seen).toEqual([{ value: 'preChat.orderId' }]);
        await expect(element).toBeAccessible();
    });

    it('chooses a catalogue field and shows a pre-chat field of the catalogue as itself', async () => {
        const element = await render('preChat.Company');
        expect(select(element).value).toBe('preChat.Company');
        expect(element.shadowRoot!.querySelector('[data-id="name"]')).toBeNull();
        const seen = changes(element);
        select(element).value = 'session.ip';
        select(element).dispatchEvent(new CustomEvent('change'));
        expect(seen).toEqual([{ value: 'session.ip' }]);
        await expect(element).toBeAccessible();
    });

    it('keeps a value the catalogue does not know and says so', async () => {
        const element = await render('visitor.shoeSize');
        expect(select(element).value).toBe('visitor.shoeSize');
        expect(select(element).selectedOptions[0]!.textContent.trim()).toBe('visitor.shoeSize (not in the catalogue)');
        await expect(element).toBeAccessible();
    });

    it('shows the issue of the last check under the field, an error marking it invalid', async () => {
        const element = await render('customVariable.', {
            message: 'Name the custom variable.',
            severity: 'error'
        });
        const root = element.shadowRoot!;
        expect(root.querySelector('.catalogue-picker__message')!.textContent.replace(/\s+/g, ' ').trim()).toBe(
            'Error: Name the custom variable.'
        );
        expect(select(element).getAttribute('aria-invalid')).toBe('true');
        expect(root.querySelector('.catalogue-picker')!.classList.contains('slds-has-error')).toBe(true);
        await expect(element).toBeAccessible();
    });
});
