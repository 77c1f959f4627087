import { LightningElement, api, wire } from 'lwc';
import type { WireResult } from '@salesforce/apex';
import getObjectFields from '@salesforce/apex/ConfigurationController.getObjectFields';
import type { FieldOption } from '@salesforce/apex/ConfigurationController.getObjectFields';
import { reduceErrors } from 'c/ldsUtils';

interface ComboboxOption {
    label: string;
    value: string;
    description?: string;
}

/**
 * A Salesforce field of one object, picked from the fields the describe lists for it (getObjectFields, cached):
 * "Label (ApiName)" sorted by label, "indexed" under the fields a rule can look up selectively. A value that is not
 * among them stays chosen and says so. When the fields cannot be read, the value is kept in a text box, so nothing
 * the admin chose is lost. Dispatches `change` with `detail: { value }`.
 */
export default class Comm100FieldPicker extends LightningElement {
    @api objectApiName: string | undefined;
    @api value: string | undefined;
    @api label = 'Salesforce field';
    /** Only fields the sync can write (createable or updateable). */
    @api writableOnly = false;
    @api fieldLevelHelp: string | undefined;
    /** The issue of the last check about this input, shown under it. */
    @api message: string | undefined;
    /** 'error' or 'warning'. */
    @api severity: string | undefined;

    fields: FieldOption[] | undefined;
    fieldsError: unknown;

    @wire(getObjectFields, { objectApiName: '$objectApiName' })
    wiredFields(result: WireResult<FieldOption[]>): void {
        if (result.data) {
            this.fields = result.data;
            this.fieldsError = undefined;
        } else if (result.error) {
            this.fields = undefined;
            this.fieldsError = result.error;
        }
    }

    get loaded(): boolean {
        return this.fields !== undefined;
    }

    get failed(): boolean {
        return this.fieldsError !== undefined;
    }

    get failureText(): string {
        return `The fields of ${this.objectApiName ?? 'this object'} could not be read (${reduceErrors(
            this.fieldsError
        ).join(' ')}). Type the field's API name instead.`;
    }

    get options(): ComboboxOption[] {
        const all = this.fields ?? [];
        const shown = all
            .filter((field) => !this.writableOnly || field.createable || field.updateable)
            .sort((a, b) => a.label.localeCompare(b.label) || a.apiName.localeCompare(b.apiName))
            .map((field) => ({
                label: `${field.label} (${field.apiName})`,
                value: field.apiName,
                ...(field.indexed ? { description: 'indexed' } : {})
            }));
        const value = this.value;
        if (value && !shown.some((option) => option.value === value)) {
            const field = all.find((candidate) => candidate.apiName === value);
            shown.unshift(
                field
                    ? { label: `${field.label} (${field.apiName}) (not writable)`, value }
                    : { label: `${value} (not found on this object)`, value }
            );
        }
        return shown;
    }

    get placeholder(): string {
        return this.loaded ? 'Choose a field' : 'Loading the fields…';
    }

    get hasMessage(): boolean {
        return Boolean(this.message);
    }

    get isWarning(): boolean {
        return this.severity === 'warning';
    }

    get containerClass(): string {
        if (!this.message) {
            return 'field-picker';
        }
        return `field-picker ${this.isWarning ? 'field-picker_warning' : 'slds-has-error field-picker_error'}`;
    }

    get messagePrefix(): string {
        return this.isWarning ? 'Warning:' : 'Error:';
    }

    handleChange(event: CustomEvent<{ value: string }>): void {
        event.stopPropagation();
        this.dispatchEvent(new CustomEvent('change', { detail: { value: event.detail.value } }));
    }

    handleTyped(event: Event): void {
        event.stopPropagation();
        const value = (event.target as HTMLInputElement).value.trim();
        this.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    }
}
