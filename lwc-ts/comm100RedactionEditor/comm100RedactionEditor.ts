import { LightningElement, api } from 'lwc';
import type { RedactionRule } from '@salesforce/apex/ConfigurationController.getConfiguration';
import {
    PREVIEW_LIMIT,
    byOrder,
    fieldView,
    isNew,
    issuesWithoutRow,
    moveRow,
    newRedactionRule,
    otherIssuesFor,
    previewRedaction,
    removeRow,
    sectionIssues,
    updateRow,
    withLocalError
} from 'c/configRows';
import type { EditorIssue, FieldView, IssueView, RedactionPreview } from 'c/configRows';

/** The inputs of a rule, as issues name them. */
const FIELDS = ['label', 'pattern', 'replacement', 'luhnCheck', 'order', 'active'] as const;
type RuleField = (typeof FIELDS)[number];

export const DEFAULT_SAMPLE = 'My card is 4111 1111 1111 1111 and my SSN is 123-45-6789. Order 20250131 ships today.';
/** The sentence the Apex check answers for an order it refuses (Order__c is Number(3, 0)). */
export const ORDER_REFUSED = 'The order is a whole number from 0 to 999.';

type InputView = FieldView & { id: string; value: string | number; checked: boolean };

interface RuleView {
    key: string;
    title: string;
    state: string;
    inputs: Record<RuleField, InputView>;
    otherIssues: IssueView[];
    upDisabled: boolean;
    downDisabled: boolean;
    upLabel: string;
    downLabel: string;
    removeLabel: string;
    canRemove: boolean;
}

/**
 * The redaction rule editor of the Configure section: each rule's label, pattern (an Apex regular expression),
 * replacement, Luhn check, order and active flag; add, remove (a deployed rule is made inactive, since custom metadata
 * records cannot be deleted from Apex; a new one is removed), move up and down. A "try it" box applies the draft's
 * active rules to a sample in the browser, as text, saying that it approximates Apex. Issues of the last check are
 * shown next to the input they name. Every edit dispatches `draftchange` (section `redactionRules`) with the whole
 * new array; the rows given are never changed.
 */
export default class Comm100RedactionEditor extends LightningElement {
    /** The issues of the last check or deploy, of every section: the editor shows those of `redactionRules`. */
    @api issues: EditorIssue[] | undefined;

    @api
    get rows(): RedactionRule[] {
        return this.current;
    }
    set rows(value: RedactionRule[]) {
        this.current = Array.isArray(value) ? value : [];
    }

    sample = DEFAULT_SAMPLE;
    /** What the last remove did, announced through a live region. */
    notice = '';
    /**
     * Orders typed that Apex refuses, by rule key, as typed: said next to the input at once. A number goes into the
     * draft all the same (the check refuses it there too); text that is no number cannot, and stays here.
     */
    badOrders: Record<string, string> = {};

    private current: RedactionRule[] = [];
    private sampleShown = false;
    /** Where focus goes after the next render: the first of these that is there and enabled. */
    private focusAfterRender: string[] = [];

    get rules(): RuleView[] {
        const issues = sectionIssues(this.issues, 'redactionRules');
        const sorted = byOrder(this.current);
        return sorted.map((rule, index) => {
            const input = (field: RuleField, value: string | number, checked = false): InputView => ({
                ...fieldView(issues, rule.key, field),
                id: `${rule.key}-${field}`,
                value,
                checked
            });
            const inputs = {
                label: input('label', rule.label),
                pattern: input('pattern', rule.pattern),
                replacement: input('replacement', rule.replacement ?? ''),
                luhnCheck: input('luhnCheck', '', rule.luhnCheck),
                order: input('order', this.badOrders[rule.key] ?? rule.order),
                active: input('active', '', rule.active)
            };
            if (rule.key in this.badOrders) {
                inputs.order = { ...inputs.order, ...withLocalError(inputs.order, ORDER_REFUSED) };
            }
            const name = rule.label || 'the new rule';
            return {
                key: rule.key,
                title: rule.label || 'New rule',
                state: this.stateOf(rule),
                inputs,
                otherIssues: otherIssuesFor(issues, rule.key, FIELDS),
                upDisabled: index === 0,
                downDisabled: index === sorted.length - 1,
                upLabel: `Move ${name} up`,
                downLabel: `Move ${name} down`,
                removeLabel: `Remove ${name}`,
                canRemove: isNew(rule) || rule.active
            };
        });
    }

    private stateOf(rule: RedactionRule): string {
        if (isNew(rule)) {
            return 'New: not deployed yet';
        }
        return rule.active ? '' : 'Inactive: a deployed rule is kept, inactive, rather than deleted';
    }

    get hasRules(): boolean {
        return this.current.length > 0;
    }

    get issuesWithoutRow(): IssueView[] {
        return issuesWithoutRow(sectionIssues(this.issues, 'redactionRules'), this.current);
    }

    get preview(): RedactionPreview {
        return previewRedaction(this.current, this.sample);
    }

    get previewSummary(): string {
        const { replaced, cut } = this.preview;
        const matches = replaced === 1 ? '1 match replaced' : `${String(replaced)} matches replaced`;
        return cut ? `${matches} in the first ${String(PREVIEW_LIMIT)} characters.` : `${matches}.`;
    }

    override renderedCallback(): void {
        // A textarea takes its text as a property: set once, then the admin's typing is the sample.
        const sampleArea = this.template?.querySelector<HTMLTextAreaElement>('.redaction-editor__sample');
        if (sampleArea && !this.sampleShown) {
            sampleArea.value = this.sample;
            this.sampleShown = true;
        }
        const selectors = this.focusAfterRender;
        this.focusAfterRender = [];
        const target = selectors
            .map((selector) => this.template?.querySelector<HTMLButtonElement>(selector))
            .find((element) => element && !element.disabled);
        target?.focus();
    }

    private change(rows: RedactionRule[]): void {
        this.current = rows;
        this.dispatchEvent(new CustomEvent('draftchange', { detail: { section: 'redactionRules', rows } }));
    }

    handleInput(event: Event): void {
        const input = event.target as HTMLInputElement;
        const key = input.dataset.key ?? '';
        const field = input.dataset.field ?? '';
        if (field === 'luhnCheck' || field === 'active') {
            this.change(updateRow<RedactionRule>(this.current, key, { [field]: input.checked }));
        } else if (field === 'order') {
            const text = input.value.trim();
            const order = Number(text);
            const isNumber = text !== '' && Number.isFinite(order);
            const others = Object.fromEntries(Object.entries(this.badOrders).filter(([rowKey]) => rowKey !== key));
            const accepted = isNumber && Number.isInteger(order) && order >= 0 && order <= 999;
            this.badOrders = accepted ? others : { ...others, [key]: input.value };
            if (isNumber) {
                this.change(updateRow<RedactionRule>(this.current, key, { order }));
            }
        } else if (field === 'label' || field === 'pattern' || field === 'replacement') {
            this.change(updateRow<RedactionRule>(this.current, key, { [field]: input.value }));
        }
    }

    handleAdd(): void {
        const rule = newRedactionRule(this.current);
        this.notice = '';
        this.focusAfterRender = [`input[data-key="${rule.key}"][data-field="label"]`];
        this.change([...this.current, rule]);
    }

    handleRemove(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.key ?? '';
        const rule = this.current.find((candidate) => candidate.key === key);
        const { rows, deactivated } = removeRow(this.current, key);
        const name = rule?.label ? `"${rule.label}"` : 'The new rule';
        this.notice = deactivated
            ? `${name} is now inactive: a deployed rule cannot be deleted, so it is kept, inactive. Deploy to apply.`
            : `${name} was removed.`;
        this.focusAfterRender = [
            deactivated ? `input[data-key="${key}"][data-field="active"]` : '.redaction-editor__add'
        ];
        this.change(rows);
    }

    handleMove(event: Event): void {
        const button = event.currentTarget as HTMLElement;
        const key = button.dataset.key ?? '';
        const up = button.dataset.direction === 'up';
        // At the top (or bottom) the button just pressed is disabled: focus stays on the rule's other move button.
        this.focusAfterRender = [
            `button[data-key="${key}"][data-direction="${up ? 'up' : 'down'}"]`,
            `button[data-key="${key}"][data-direction="${up ? 'down' : 'up'}"]`
        ];
        const direction = up ? -1 : 1;
        this.change(moveRow(this.current, key, direction));
    }

    handleSample(event: Event): void {
        this.sample = (event.target as HTMLTextAreaElement).value;
    }
}
