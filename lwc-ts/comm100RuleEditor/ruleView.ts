import type { IdentificationRule } from '@salesforce/apex/ConfigurationController.getConfiguration';
import type { DraftIssue } from '@salesforce/apex/ConfigurationController.check';
import { MAX_CONDITIONS, RULE_OBJECTS, isNewRow, issueAt, rulesInOrder } from 'c/configModel';
import type { ShownIssue } from 'c/configModel';

/** What one input shows under it: the message of the last check and its look. */
export interface InputIssue {
    message: string;
    /** The message with "Error:" or "Warning:" before it, for an input of this editor. */
    text: string;
    severity: string;
    className: string;
    invalid: string;
    messageId: string;
}

export interface ConditionView {
    id: string;
    index: number;
    number: number;
    comm100Field: string;
    salesforceField: string;
    comm100Label: string;
    salesforceLabel: string;
    removeLabel: string;
    removeDisabled: boolean;
    comm100Issue: InputIssue;
    salesforceIssue: InputIssue;
}

export interface RuleView {
    key: string;
    targetObject: string;
    label: string;
    active: boolean;
    order: number;
    ids: { label: string; order: string; active: string };
    labelIssue: InputIssue;
    orderIssue: InputIssue;
    otherIssues: { id: string; text: string; className: string }[];
    conditions: ConditionView[];
    addConditionDisabled: boolean;
    upDisabled: boolean;
    downDisabled: boolean;
    upLabel: string;
    downLabel: string;
    removeLabel: string;
    className: string;
    inactiveNote: string;
    headingText: string;
}

export const SECTION = 'identificationRules';

/** The fields of a rule that have an input of their own; other issues are listed on the rule. */
function inputFields(rule: IdentificationRule): Set<string> {
    const fields = new Set(['label', 'order']);
    rule.conditions.forEach((_condition, index) => {
        fields.add(`conditions.${index}.comm100Field`).add(`conditions.${index}.salesforceField`);
    });
    return fields;
}

export function inputIssue(issues: readonly DraftIssue[], key: string, field: string): InputIssue {
    const issue = issueAt(issues, SECTION, key, field);
    const warning = issue?.severity === 'warning';
    return {
        message: issue?.message ?? '',
        text: issue ? `${warning ? 'Warning' : 'Error'}: ${issue.message}` : '',
        severity: issue?.severity ?? '',
        className: `slds-form-element rule-editor__field${issue ? (warning ? ' rule-editor__field_warning' : ' slds-has-error') : ''}`,
        invalid: issue && !warning ? 'true' : 'false',
        messageId: `${key}-${field}-message`
    };
}

function conditionView(rule: IdentificationRule, issues: readonly DraftIssue[], index: number): ConditionView {
    const condition = rule.conditions[index] ?? { comm100Field: '', salesforceField: '' };
    const number = index + 1;
    return {
        id: `${rule.key}-condition-${index}`,
        index,
        number,
        comm100Field: condition.comm100Field,
        salesforceField: condition.salesforceField,
        comm100Label: `Comm100 field (condition ${number})`,
        salesforceLabel: `${rule.targetObject} field (condition ${number})`,
        removeLabel: `Remove condition ${number} of ${rule.label || 'this rule'}`,
        removeDisabled: rule.conditions.length <= 1,
        comm100Issue: inputIssue(issues, rule.key, `conditions.${index}.comm100Field`),
        salesforceIssue: inputIssue(issues, rule.key, `conditions.${index}.salesforceField`)
    };
}

function ruleView(rule: IdentificationRule, issues: readonly DraftIssue[], position: number, count: number): RuleView {
    const name = rule.label || 'the new rule';
    const own = inputFields(rule);
    const otherIssues = (issues as ShownIssue[])
        .filter((issue) => issue.section === SECTION && issue.key === rule.key && !own.has(issue.field))
        .map((issue, index) => ({
            id: `${rule.key}-other-${index}`,
            text: `${issue.severity === 'warning' ? 'Warning' : 'Error'}: ${issue.message}`,
            className: issue.severity === 'warning' ? 'rule-editor__other_warning' : 'slds-text-color_error'
        }));
    return {
        key: rule.key,
        targetObject: rule.targetObject,
        label: rule.label,
        active: rule.active,
        order: rule.order,
        ids: { label: `${rule.key}-label`, order: `${rule.key}-order`, active: `${rule.key}-active` },
        labelIssue: inputIssue(issues, rule.key, 'label'),
        orderIssue: inputIssue(issues, rule.key, 'order'),
        otherIssues,
        conditions: rule.conditions.map((_condition, index) => conditionView(rule, issues, index)),
        addConditionDisabled: rule.conditions.length >= MAX_CONDITIONS,
        upDisabled: position === 0,
        downDisabled: position === count - 1,
        upLabel: `Move ${name} up`,
        downLabel: `Move ${name} down`,
        removeLabel: `Remove ${name}`,
        className: `rule-editor__rule${rule.active ? '' : ' rule-editor__rule_inactive'}`,
        inactiveNote: rule.active
            ? ''
            : isNewRow(rule)
              ? 'Inactive: this new rule will be deployed but will not run.'
              : 'Inactive: a deployed rule cannot be deleted, so it stays in the configuration and no longer runs. Check Active to use it again.',
        headingText: `${rule.label || 'New rule'}${isNewRow(rule) ? ' (new)' : ''}`
    };
}

/** The rules of each object, in the order they run. */
export function ruleGroups(
    rows: readonly IdentificationRule[],
    issues: readonly DraftIssue[]
): { apiName: string; label: string; addLabel: string; empty: boolean; rules: RuleView[] }[] {
    return RULE_OBJECTS.map(({ apiName, label }) => {
        const ordered = rulesInOrder([...rows], apiName);
        return {
            apiName,
            label,
            addLabel: `Add a ${label} rule`,
            empty: ordered.length === 0,
            rules: ordered.map((rule, position) => ruleView(rule, issues, position, ordered.length))
        };
    });
}
