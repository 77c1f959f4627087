import { createElement } from 'lwc';
import Comm100RedactionEditor, { DEFAULT_SAMPLE } from 'c/comm100RedactionEditor';
import type { RedactionRule } from '@salesforce/apex/ConfigurationController.getConfiguration';
import type { EditorIssue } from 'c/configRows';

/** The package's shipped redaction rules (customMetadata/Comm100_Redaction_Rule.*), and a rule not yet deployed. */
const CARD: RedactionRule = Object.freeze({
    key: 'Card_Number',
    developerName: 'Card_Number',
    label: 'Card number',
    pattern: '(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])',
    replacement: '[card number removed]',
    luhnCheck: true,
    order: 10,
    active: true
});
const SSN: RedactionRule = Object.freeze({
    key: 'US_SSN',
    developerName: 'US_SSN',
    label: 'US Social Security number',
    pattern: '(?<![0-9])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9])',
    replacement: '[SSN removed]',
    luhnCheck: false,
    order: 20,
    active: true
});
const NEW_RULE: RedactionRule = Object.freeze({
    key: 'new-1',
    developerName: null,
    label: 'Passport',
    pattern: '\\b[A-Z][0-9]{8}\\b',
    replacement: '[passport removed]',
    luhnCheck: false,
    order: 30,
    active: true
});

type Editor = HTMLElement & { rows: RedactionRule[]; issues?: EditorIssue[] };

interface DraftChange {
    section: string;
    rows: RedactionRule[];
}

function render(rows: RedactionRule[] = [SSN, NEW_RULE, CARD], issues?: EditorIssue[]): Editor {
    const element = createElement('c-comm100-redaction-editor', { is: Comm100RedactionEditor }) as Editor;
    element.rows = Object.freeze(rows) as RedactionRule[];
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

function type(element: HTMLElement, key: string, field: string, value: string, eventName = 'input'): void {
    const target = input(element, key, field);
    target.value = value;
    target.dispatchEvent(new CustomEvent(eventName));
}

function tick(element: HTMLElement, key: string, field: string, checked: boolean): void {
    const target = input(element, key, field);
    target.checked = checked;
    target.dispatchEvent(new CustomEvent('change'));
}

function button(element: HTMLElement, key: string, selector: string): HTMLButtonElement {
    return root(element).querySelector<HTMLButtonElement>(`button[data-key="${key}"]${selector}`)!;
}

function text(node: Element | null | undefined): string {
    return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function titles(element: HTMLElement): string[] {
    return [...root(element).querySelectorAll('.redaction-editor__title')].map(text);
}

function flush(): Promise<void> {
    return new Promise((resolve) => {
        setTimeout(resolve, 0);
    });
}

describe('c-comm100-redaction-editor', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('lists the rules by order with every input, a new rule marked, the first and last moves disabled', async () => {
        const element = render();
        await flush();
        expect(titles(element)).toEqual(['Card number', 'US Social Security number', 'Passport']);
        expect(input(element, 'Card_Number', 'pattern').value).toBe(CARD.pattern);
        expect(input(element, 'Card_Number', 'replacement').value).toBe('[card number removed]');
        expect(input(element, 'Card_Number', 'order').value).toBe('10');
        expect(input(element, 'Card_Number', 'luhnCheck').checked).toBe(true);
        expect(input(element, 'US_SSN', 'luhnCheck').checked).toBe(false);
        expect(input(element, 'US_SSN', 'active').checked).toBe(true);
        expect(text(root(element).querySelector('[data-key="new-1"] .redaction-editor__state'))).toBe(
            'New: not deployed yet'
        );
        expect(button(element, 'Card_Number', '[data-direction="up"]').disabled).toBe(true);
        expect(button(element, 'US_SSN', '[data-direction="up"]').disabled).toBe(false);
        expect(button(element, 'new-1', '[data-direction="down"]').disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('dispatches the whole new rows for each edit, never changing the rows given', async () => {
        const element = render();
        const changes = listen(element);
        await flush();
        type(element, 'US_SSN', 'label', 'SSN');
        type(element, 'US_SSN', 'pattern', '[0-9]{3}-[0-9]{2}-[0-9]{4}');
        type(element, 'US_SSN', 'replacement', '');
        tick(element, 'US_SSN', 'luhnCheck', true);
        tick(element, 'Card_Number', 'active', false);
        type(element, 'new-1', 'order', ' 5 ', 'change');
        const ssn = {
            ...SSN,
            label: 'SSN',
            pattern: '[0-9]{3}-[0-9]{2}-[0-9]{4}',
            replacement: '',
            luhnCheck: true
        };
        expect(changes.map((change) => change.section)).toEqual(Array(6).fill('redactionRules'));
        expect(changes[0]!.rows).toEqual([{ ...SSN, label: 'SSN' }, NEW_RULE, CARD]);
        expect(changes[5]!.rows).toEqual([ssn, { ...NEW_RULE, order: 5 }, { ...CARD, active: false }]);
        expect([SSN.label, CARD.active, NEW_RULE.order]).toEqual(['US Social Security number', true, 30]);
        await flush();
        expect(titles(element)).toEqual(['Passport', 'Card number', 'SSN']);
        await expect(element).toBeAccessible();
    });

    it('says an order Apex refuses next to it as typed, keeping text that is no number out of the draft', async () => {
        const element = render();
        const changes = listen(element);
        await flush();
        type(element, 'US_SSN', 'order', 'twenty', 'change');
        await flush();
        expect(changes).toEqual([]);
        const order = input(element, 'US_SSN', 'order');
        expect(order.value).toBe('twenty');
        expect(order.getAttribute('aria-invalid')).toBe('true');
        expect(text(root(element).querySelector('[data-key="US_SSN"] [data-input="order"] .config-issue_error'))).toBe(
            'Error: The order is a whole number from 0 to 999.'
        );
        // A number out of range goes into the draft (the check refuses it too), said once next to the input.
        type(element, 'US_SSN', 'order', '1000', 'change');
        await flush();
        expect(changes[0]!.rows).toEqual([{ ...SSN, order: 1000 }, NEW_RULE, CARD]);
        element.issues = [
            {
                section: 'redactionRules',
                key: 'US_SSN',
                field: 'order',
                message: 'The order is a whole number from 0 to 999.'
            }
        ];
        await flush();
        expect(
            [...root(element).querySelectorAll('[data-key="US_SSN"] [data-input="order"] .config-issue')].map(text)
        ).toEqual(['Error: The order is a whole number from 0 to 999.']);
        element.issues = [];
        type(element, 'US_SSN', 'order', '25', 'change');
        await flush();
        expect(changes[1]!.rows).toEqual([{ ...SSN, order: 25 }, NEW_RULE, CARD]);
        expect(input(element, 'US_SSN', 'order').getAttribute('aria-invalid')).toBe('false');
        // The parent sends back what the editor sent: its message stays. Other rows (a discard) clear it.
        type(element, 'US_SSN', 'order', 'x', 'change');
        element.rows = changes[1]!.rows;
        await flush();
        expect(input(element, 'US_SSN', 'order').getAttribute('aria-invalid')).toBe('true');
        element.rows = [SSN, NEW_RULE, CARD];
        await flush();
        expect(input(element, 'US_SSN', 'order').value).toBe('20');
        expect(input(element, 'US_SSN', 'order').getAttribute('aria-invalid')).toBe('false');
        await expect(element).toBeAccessible();
    });

    it('adds a rule after the others, active, with a new key and no DeveloperName, and focuses its label', async () => {
        const element = render();
        const changes = listen(element);
        await flush();
        root(element).querySelector<HTMLButtonElement>('.redaction-editor__add')!.click();
        await flush();
        const added = changes[0]!.rows[3]!;
        expect(changes[0]!.rows.slice(0, 3)).toEqual([SSN, NEW_RULE, CARD]);
        expect(added).toEqual({
            key: expect.stringMatching(/^new-/),
            developerName: null,
            label: '',
            pattern: '',
            replacement: '[removed]',
            luhnCheck: false,
            order: 40,
            active: true
        });
        expect(titles(element)).toEqual(['Card number', 'US Social Security number', 'Passport', 'New rule']);
        expect(root(element).activeElement).toBe(input(element, added.key, 'label'));
        await expect(element).toBeAccessible();
    });

    it('removes a new rule outright and makes a deployed rule inactive, saying so', async () => {
        const element = render();
        const changes = listen(element);
        await flush();
        button(element, 'new-1', '.redaction-editor__remove').click();
        await flush();
        expect(changes[0]!.rows).toEqual([SSN, CARD]);
        expect(text(root(element).querySelector('.redaction-editor__notice'))).toBe('"Passport" was removed.');
        expect(root(element).activeElement).toBe(root(element).querySelector('.redaction-editor__add'));
        button(element, 'US_SSN', '.redaction-editor__remove').click();
        await flush();
        expect(changes[1]!.rows).toEqual([{ ...SSN, active: false }, CARD]);
        expect(text(root(element).querySelector('.redaction-editor__notice'))).toBe(
            '"US Social Security number" is now inactive: a deployed rule cannot be deleted, so it is kept, inactive. Deploy to apply.'
        );
        expect(input(element, 'US_SSN', 'active').checked).toBe(false);
        expect(root(element).activeElement).toBe(input(element, 'US_SSN', 'active'));
        expect(button(element, 'US_SSN', '.redaction-editor__remove')).toBeNull();
        expect(text(root(element).querySelector('[data-key="US_SSN"] .redaction-editor__state'))).toMatch(/^Inactive/);
        await expect(element).toBeAccessible();
    });

    it('moves a rule up and down by exchanging orders, keeping focus on a move button', async () => {
        const element = render();
        const changes = listen(element);
        await flush();
        button(element, 'US_SSN', '[data-direction="up"]').click();
        await flush();
        expect(changes[0]!.rows).toEqual([{ ...SSN, order: 10 }, NEW_RULE, { ...CARD, order: 20 }]);
        expect(titles(element)).toEqual(['US Social Security number', 'Card number', 'Passport']);
        // At the top, the up button is disabled: focus stays on the rule, on its down button.
        expect(root(element).activeElement).toBe(button(element, 'US_SSN', '[data-direction="down"]'));
        button(element, 'Card_Number', '[data-direction="down"]').click();
        await flush();
        expect(changes[1]!.rows).toEqual([
            { ...SSN, order: 10 },
            { ...NEW_RULE, order: 20 },
            { ...CARD, order: 30 }
        ]);
        expect(titles(element)).toEqual(['US Social Security number', 'Passport', 'Card number']);
        await expect(element).toBeAccessible();
    });

    it("previews the draft's active rules on the sample as text, and follows the draft", async () => {
        const element = render();
        await flush();
        const result = (): string => root(element).querySelector('.redaction-editor__result')!.textContent;
        expect(result()).toBe(
            'My card is [card number removed] and my SSN is [SSN removed]. Order 20250131 ships today.'
        );
        expect(text(root(element).querySelector('.redaction-editor__summary'))).toBe('2 matches replaced.');
        expect(text(root(element).querySelector('.redaction-editor__approximate'))).toMatch(
            /^Approximate: .* Apex checks every pattern on Check and Deploy\.$/
        );
        tick(element, 'Card_Number', 'active', false);
        await flush();
        expect(result()).toBe(
            'My card is 4111 1111 1111 1111 and my SSN is [SSN removed]. Order 20250131 ships today.'
        );
        const sample = root(element).querySelector<HTMLTextAreaElement>('.redaction-editor__sample')!;
        expect(sample.value).toBe(DEFAULT_SAMPLE);
        sample.value = 'Passport X12345678, SSN 078-05-1120';
        sample.dispatchEvent(new CustomEvent('input'));
        await flush();
        expect(result()).toBe('Passport [passport removed], SSN [SSN removed]');
        expect(text(root(element).querySelector('.redaction-editor__summary'))).toBe('2 matches replaced.');
        await expect(element).toBeAccessible();
    });

    it('never renders the sample or a replacement as markup', async () => {
        const element = render([{ ...SSN, replacement: '<b onclick="alert(2)">gone</b>' }]);
        await flush();
        const sample = root(element).querySelector<HTMLTextAreaElement>('.redaction-editor__sample')!;
        sample.value = '<img src=x onerror="alert(1)"> 123-45-6789';
        sample.dispatchEvent(new CustomEvent('input'));
        await flush();
        const result = root(element).querySelector('.redaction-editor__result')!;
        expect(result.textContent).toBe('<img src=x onerror="alert(1)"> <b onclick="alert(2)">gone</b>');
        expect(result.children).toHaveLength(0);
        expect(root(element).querySelector('img')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says a pattern the browser cannot read is checked on Check/Deploy rather than showing an error', async () => {
        const element = render([{ ...SSN, pattern: '\\p{Alpha}+[0-9]{3}' }, CARD]);
        await flush();
        expect([...root(element).querySelectorAll('.redaction-editor__note')].map(text)).toEqual([
            'US Social Security number: checked on Check/Deploy: this browser cannot preview this pattern.'
        ]);
        expect(root(element).querySelector('.slds-has-error')).toBeNull();
        expect(text(root(element).querySelector('.redaction-editor__summary'))).toBe('1 match replaced.');
        await expect(element).toBeAccessible();
    });

    it('shows each issue next to the input it names, a warning as a warning, others on the rule or above', async () => {
        const element = render(undefined, [
            { section: 'redactionRules', key: 'US_SSN', field: 'pattern', message: 'Unclosed group near index 4.' },
            {
                section: 'redactionRules',
                key: 'new-1',
                field: 'pattern',
                message: 'This pattern may match more than 1,024 characters.',
                severity: 'warning'
            },
            { section: 'redactionRules', key: 'new-1', field: 'developerName', message: 'Passport is taken.' },
            { section: 'redactionRules', key: 'Old_Rule', field: 'label', message: 'A rule the draft lost.' },
            { section: 'allowList', key: 'US_SSN', field: 'label', message: 'Not mine.' }
        ]);
        await flush();
        const ssnPattern = root(element).querySelector('[data-key="US_SSN"] [data-input="pattern"]')!;
        expect(ssnPattern.classList.contains('slds-has-error')).toBe(true);
        expect(text(ssnPattern.querySelector('.config-issue_error'))).toBe('Error: Unclosed group near index 4.');
        expect(input(element, 'US_SSN', 'pattern').getAttribute('aria-invalid')).toBe('true');
        expect(input(element, 'US_SSN', 'label').getAttribute('aria-invalid')).toBe('false');
        const newPattern = root(element).querySelector('[data-key="new-1"] [data-input="pattern"]')!;
        expect(newPattern.classList.contains('config-has-warning')).toBe(true);
        expect(text(newPattern.querySelector('.config-issue_warning'))).toBe(
            'Warning: This pattern may match more than 1,024 characters.'
        );
        expect(input(element, 'new-1', 'pattern').getAttribute('aria-invalid')).toBe('false');
        expect(text(root(element).querySelector('[data-key="new-1"] > p.config-issue'))).toBe(
            'Error: Passport is taken.'
        );
        expect(text(root(element).querySelector('.redaction-editor > p.config-issue'))).toBe(
            'Error: A rule the draft lost.'
        );
        expect(root(element).textContent).not.toContain('Not mine.');
        await expect(element).toBeAccessible();
    });

    it('says when there are no rules', async () => {
        const element = render([]);
        await flush();
        expect(text(root(element).querySelector('.redaction-editor__none'))).toBe(
            'No redaction rules: payloads and transcripts are stored as they come.'
        );
        expect(text(root(element).querySelector('.redaction-editor__summary'))).toBe('0 matches replaced.');
        await expect(element).toBeAccessible();
    });

    it('shows an issue on the key or the record name, which have no input, on its rule', async () => {
        // ConfigNameCheck's sentences: a second row with a key, or a record, the section already has.
        const keyTaken = 'Another row of this section has the key "US_SSN": each row needs its own.';
        const recordTwice =
            'Another row of this section is the record US_SSN too: a deployment holds each record once, so keep one of them.';
        const element = render(undefined, [
            { section: 'redactionRules', key: 'US_SSN', field: 'key', message: keyTaken },
            { section: 'redactionRules', key: 'US_SSN', field: 'developerName', message: recordTwice }
        ]);
        await flush();
        expect([...root(element).querySelectorAll('[data-key="US_SSN"] > p.config-issue')].map(text)).toEqual([
            `Error: ${keyTaken}`,
            `Error: ${recordTwice}`
        ]);
        expect(root(element).querySelector('[data-key="Card_Number"] > p.config-issue')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
