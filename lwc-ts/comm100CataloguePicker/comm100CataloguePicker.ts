import { LightningElement, api } from 'lwc';
import type { CatalogueField } from '@salesforce/apex/ConfigurationController.getConfiguration';
import { CUSTOM_VARIABLE_PREFIX, PRE_CHAT_PREFIX, catalogueGroups } from 'c/configModel';

interface OptionView {
    value: string;
    label: string;
    selected: boolean;
}

/**
 * A Comm100 field: one of the catalogue (grouped by category) or, by name, a custom variable or a pre-chat field
 * ("customVariable.<Name>", "preChat.<Name>"). A value the catalogue does not know stays chosen and says so.
 * Dispatches `change` with `detail: { value }`.
 */
export default class Comm100CataloguePicker extends LightningElement {
    @api catalogue: CatalogueField[] | undefined;
    @api value: string | undefined;
    @api label = 'Comm100 field';
    /** The issue of the last check about this input, shown under it. */
    @api message: string | undefined;
    /** 'error' or 'warning'. */
    @api severity: string | undefined;

    private get known(): boolean {
        return (this.catalogue ?? []).some((field) => field.key === this.value);
    }

    /** The prefix of a field chosen by name, when the value is one. */
    get namePrefix(): string | undefined {
        const value = this.value ?? '';
        if (this.known) {
            return undefined;
        }
        return [CUSTOM_VARIABLE_PREFIX, PRE_CHAT_PREFIX].find((prefix) => value.startsWith(prefix));
    }

    get isCustomVariable(): boolean {
        return this.namePrefix === CUSTOM_VARIABLE_PREFIX;
    }

    get isPreChat(): boolean {
        return this.namePrefix === PRE_CHAT_PREFIX;
    }

    get byName(): boolean {
        return this.namePrefix !== undefined;
    }

    get name(): string {
        return (this.value ?? '').slice((this.namePrefix ?? '').length);
    }

    get nameLabel(): string {
        return this.isCustomVariable ? 'Custom variable name' : 'Pre-chat field name';
    }

    get noneSelected(): boolean {
        return !this.value;
    }

    get unknownValue(): string | undefined {
        return this.value && !this.known && !this.byName ? this.value : undefined;
    }

    get unknownLabel(): string {
        return `${this.value ?? ''} (not in the catalogue)`;
    }

    get groups(): { category: string; options: OptionView[] }[] {
        return catalogueGroups(this.catalogue ?? []).map(({ category, fields }) => ({
            category,
            options: fields.map((field) => ({
                value: field.key,
                label: field.label,
                selected: field.key === this.value
            }))
        }));
    }

    get isWarning(): boolean {
        return this.severity === 'warning';
    }

    get hasMessage(): boolean {
        return Boolean(this.message);
    }

    get containerClass(): string {
        if (!this.message) {
            return 'slds-form-element catalogue-picker';
        }
        return `slds-form-element catalogue-picker ${this.isWarning ? 'catalogue-picker_warning' : 'slds-has-error'}`;
    }

    get invalid(): string {
        return this.message && !this.isWarning ? 'true' : 'false';
    }

    get messagePrefix(): string {
        return this.isWarning ? 'Warning:' : 'Error:';
    }

    handleSelect(event: Event): void {
        event.stopPropagation();
        const chosen = (event.target as HTMLSelectElement).value;
        // Choosing "Custom variable…" or "Pre-chat field…" keeps a name already typed for the other kind.
        const value = chosen === CUSTOM_VARIABLE_PREFIX || chosen === PRE_CHAT_PREFIX ? chosen + this.name : chosen;
        this.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    }

    handleName(event: Event): void {
        event.stopPropagation();
        const name = (event.target as HTMLInputElement).value.trim();
        this.dispatchEvent(new CustomEvent('change', { detail: { value: (this.namePrefix ?? '') + name } }));
    }
}
