import { LightningElement, api, wire } from 'lwc';
import type { WireResult } from '@salesforce/apex';
import { getRecordCreateDefaults } from 'lightning/uiRecordApi';
import type { RecordDefaultsRepresentation } from 'lightning/uiRecordApi';
import type { ActionOption } from '@salesforce/apex/ChatActionsController.getActionState';
import getCreateDefaults from '@salesforce/apex/ChatActionsController.getCreateDefaults';
import type { CreateDefaults } from '@salesforce/apex/ChatActionsController.getCreateDefaults';
import { layoutFields } from 'c/visitorModel';
import type { LayoutField } from 'c/visitorModel';

/**
 * The form that creates the record of a manual action (a Lead, Contact or Case), built from the object's own page
 * layout: in layout order, compound names split into their parts, required fields marked, pre-filled from the field
 * mappings (ChatActionsController.getCreateDefaults), with the mapped fields the agent cannot write listed. Focus
 * moves to its heading when it opens. Fires `created` (detail: the new record's id) once the record is saved,
 * and `close` when the agent cancels.
 */
export default class VisitorCreateForm extends LightningElement {
    /** The Comm100 Chat the record is created for. */
    @api chatId: string | undefined;

    /** The action whose record is created. */
    @api option: ActionOption | undefined;

    /** True while the panel asks for the attachment: the form cannot be saved again. */
    @api disabled = false;

    defaults: CreateDefaults | undefined;
    layout: RecordDefaultsRepresentation | undefined;
    error: unknown;
    saving = false;
    private focused = false;

    @wire(getRecordCreateDefaults, { objectApiName: '$objectApiName' })
    wiredLayout(result: WireResult<RecordDefaultsRepresentation>): void {
        if (result.data) {
            this.layout = result.data;
        } else if (result.error) {
            this.error = result.error;
        }
    }

    override connectedCallback(): void {
        const option = this.option;
        if (!option) {
            return;
        }
        getCreateDefaults({ chatId: this.chatId ?? '', action: option.action }).then(
            (defaults) => {
                this.defaults = defaults;
            },
            (error: unknown) => {
                this.error = error;
            }
        );
    }

    override renderedCallback(): void {
        if (!this.focused) {
            this.focused = true;
            this.template?.querySelector<HTMLElement>('h4')?.focus();
        }
    }

    get objectApiName(): string | undefined {
        return this.option?.createObject ?? undefined;
    }

    get heading(): string {
        return this.option?.label ?? '';
    }

    get loading(): boolean {
        return !this.error && (!this.defaults || !this.layout);
    }

    get fields(): LayoutField[] {
        if (!this.defaults || !this.layout) {
            return [];
        }
        const objectInfo = this.layout.objectInfos[this.defaults.objectApiName];
        return layoutFields(this.layout.layout, objectInfo, this.defaults.defaults);
    }

    get hasFields(): boolean {
        return this.fields.length > 0;
    }

    get skippedText(): string {
        const skipped = this.defaults?.skipped ?? [];
        return skipped.length ? `Not pre-filled: ${skipped.join('; ')}.` : '';
    }

    get saveDisabled(): boolean {
        return this.saving || this.disabled;
    }

    handleSubmit(): void {
        this.saving = true;
    }

    handleError(): void {
        // lightning-messages inside the form shows the reasons; nothing is attached.
        this.saving = false;
    }

    handleSuccess(event: CustomEvent<{ id: string }>): void {
        this.saving = false;
        this.dispatchEvent(new CustomEvent('created', { detail: { id: event.detail.id } }));
    }

    close(): void {
        this.dispatchEvent(new CustomEvent('close'));
    }
}
