import { LightningElement, api } from 'lwc';
import type { RedactionRule } from '@salesforce/apex/ConfigurationController.getConfiguration';
import {
    PREVIEW_LIMIT,
    issuesWithoutRow,
    moveRow,
    newRedactionRule,
    previewRedaction,
    removeRow,
    sectionIssues,
    updateRow
} from 'c/configRows';
import type { EditorIssue, IssueView, RedactionPreview } from 'c/configRows';
import { ruleViews } from './ruleViews';
import type { RuleView } from './ruleViews';

export const DEFAULT_SAMPLE = 'My card is 4111 1111 1111 1111 and my SSN is 123-45-6789. Order 20250131 ships today.';
export { ORDER_REFUSED } from './ruleViews';

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
        const rows = Array.isArray(value) ? value : [];
        // Rows other than the ones this editor last sent (a discard, a reload) make its own messages stale.
        if (JSON.stringify(rows) !== JSON.stringify(this.current)) {
            this.badOrders = {};
        }
        this.current = rows;
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
        return ruleViews(this.current, sectionIssues(this.issues, 'redactionRules'), this.badOrders);
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
