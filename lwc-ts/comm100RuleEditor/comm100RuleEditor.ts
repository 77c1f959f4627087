import { LightningElement, api } from 'lwc';
import type {
    CatalogueField,
    IdentificationRule,
    RuleCondition,
    RuleObject
} from '@salesforce/apex/ConfigurationController.getConfiguration';
import type { DraftIssue } from '@salesforce/apex/ConfigurationController.check';
import { MAX_CONDITIONS, moveRule, newKey, nextOrder, removeRow, updateRow } from 'c/configModel';
import { SECTION, ruleGroups } from './ruleView';

const EMPTY_CONDITION: RuleCondition = { comm100Field: '', salesforceField: '' };

/**
 * The identification rules of the draft, grouped by object (Contact, Lead, Account) in the order they run: label,
 * active, order and one to three conditions (a Comm100 field compared with a field of the object). Rules are added,
 * moved up and down (which changes their order) and removed: a new rule goes, a deployed one is deactivated, since the
 * Metadata API cannot delete it. Never changes its inputs: every edit dispatches `draftchange` with the new rows.
 */
export default class Comm100RuleEditor extends LightningElement {
    @api rows: IdentificationRule[] | undefined;
    @api issues: DraftIssue[] | undefined;
    @api catalogue: CatalogueField[] | undefined;

    private get list(): IdentificationRule[] {
        return this.rows ?? [];
    }

    get groups(): ReturnType<typeof ruleGroups> {
        return ruleGroups(this.list, this.issues ?? []);
    }

    private publish(rows: IdentificationRule[]): void {
        this.dispatchEvent(new CustomEvent('draftchange', { detail: { section: SECTION, rows } }));
    }

    private rule(key: string | undefined): IdentificationRule | undefined {
        return this.list.find((rule) => rule.key === key);
    }

    private static keyOf(event: Event): string | undefined {
        return (event.currentTarget as HTMLElement).dataset.key;
    }

    private static indexOf(event: Event): number {
        return Number((event.currentTarget as HTMLElement).dataset.index);
    }

    private patch(key: string | undefined, patch: Partial<IdentificationRule>): void {
        const rule = this.rule(key);
        if (rule) {
            this.publish(updateRow(this.list, rule.key, patch));
        }
    }

    handleLabel(event: Event): void {
        this.patch(Comm100RuleEditor.keyOf(event), { label: (event.target as HTMLInputElement).value });
    }

    handleOrder(event: Event): void {
        const text = (event.target as HTMLInputElement).value.trim();
        const order = Number(text);
        // A number the field cannot hold stays as the browser shows it; the check names what is wrong.
        this.patch(Comm100RuleEditor.keyOf(event), { order: text === '' || !Number.isFinite(order) ? NaN : order });
    }

    handleActive(event: Event): void {
        this.patch(Comm100RuleEditor.keyOf(event), { active: (event.target as HTMLInputElement).checked });
    }

    private changeCondition(event: CustomEvent<{ value: string }>, side: keyof RuleCondition): void {
        const key = Comm100RuleEditor.keyOf(event);
        const index = Comm100RuleEditor.indexOf(event);
        const rule = this.rule(key);
        if (!rule || !rule.conditions[index]) {
            return;
        }
        const value = event.detail.value;
        const conditions = rule.conditions.map((condition, i) => {
            return i === index ? { ...condition, [side]: value } : condition;
        });
        this.patch(key, { conditions });
    }

    handleComm100Field(event: CustomEvent<{ value: string }>): void {
        this.changeCondition(event, 'comm100Field');
    }

    handleSalesforceField(event: CustomEvent<{ value: string }>): void {
        this.changeCondition(event, 'salesforceField');
    }

    addCondition(event: Event): void {
        const key = Comm100RuleEditor.keyOf(event);
        const rule = this.rule(key);
        if (rule && rule.conditions.length < MAX_CONDITIONS) {
            this.patch(key, { conditions: [...rule.conditions, { ...EMPTY_CONDITION }] });
        }
    }

    removeCondition(event: Event): void {
        const key = Comm100RuleEditor.keyOf(event);
        const index = Comm100RuleEditor.indexOf(event);
        const rule = this.rule(key);
        if (rule && rule.conditions.length > 1) {
            this.patch(key, { conditions: rule.conditions.filter((_condition, i) => i !== index) });
        }
    }

    addRule(event: Event): void {
        const targetObject = (event.currentTarget as HTMLElement).dataset.object as RuleObject;
        const rows = this.list;
        const rule: IdentificationRule = {
            key: newKey(),
            developerName: null,
            label: '',
            targetObject,
            order: nextOrder(rows, targetObject),
            active: true,
            conditions: [{ ...EMPTY_CONDITION }]
        };
        this.publish([...rows, rule]);
    }

    removeRule(event: Event): void {
        const rule = this.rule(Comm100RuleEditor.keyOf(event));
        if (rule) {
            this.publish(removeRow(this.list, rule.key));
        }
    }

    moveUp(event: Event): void {
        this.move(event, -1);
    }

    moveDown(event: Event): void {
        this.move(event, 1);
    }

    private move(event: Event, direction: -1 | 1): void {
        const key = Comm100RuleEditor.keyOf(event);
        const moved = moveRule(this.list, key ?? '', direction);
        if (moved !== this.list) {
            this.publish(moved);
        }
    }
}
