import type { RedactionRule } from '@salesforce/apex/ConfigurationController.getConfiguration';
import { byOrder, fieldView, isNew, otherIssuesFor, withLocalError } from 'c/configRows';
import type { EditorIssue, FieldView, IssueView } from 'c/configRows';

/** The inputs of a rule, as issues name them. */
const FIELDS = ['label', 'pattern', 'replacement', 'luhnCheck', 'order', 'active'] as const;
type RuleField = (typeof FIELDS)[number];

/** The sentence the Apex check answers for an order it refuses (Order__c is Number(3, 0)). */
export const ORDER_REFUSED = 'The order is a whole number from 0 to 999.';

type InputView = FieldView & { id: string; value: string | number; checked: boolean };

export interface RuleView {
    key: string;
    title: string;
    state: string;
    inputs: Record<RuleField, InputView>;
    otherIssues: IssueView[];
    upDisabled: boolean;
    downDisabled: boolean;
    canRemove: boolean;
}

function stateOf(rule: RedactionRule): string {
    if (isNew(rule)) {
        return 'New: not deployed yet';
    }
    return rule.active ? '' : 'Inactive: a deployed rule is kept, inactive, rather than deleted';
}

/**
 * The rules by order as the editor shows them: each input with its issues (and an order typed that the check refuses,
 * `badOrders`, as typed with its message), the moves a rule can make, and whether it can be removed.
 */
export function ruleViews(
    rows: readonly RedactionRule[],
    issues: EditorIssue[],
    badOrders: Record<string, string>
): RuleView[] {
    const sorted = byOrder(rows);
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
            order: input('order', badOrders[rule.key] ?? rule.order),
            active: input('active', '', rule.active)
        };
        if (rule.key in badOrders) {
            inputs.order = { ...inputs.order, ...withLocalError(inputs.order, ORDER_REFUSED) };
        }
        return {
            key: rule.key,
            title: rule.label || 'New rule',
            state: stateOf(rule),
            inputs,
            otherIssues: otherIssuesFor(issues, rule.key, FIELDS),
            upDisabled: index === 0,
            downDisabled: index === sorted.length - 1,
            canRemove: isNew(rule) || rule.active
        };
    });
}
