// Stands in for lightning-record-form in the preview (lightning-base-components has no record forms):
// the record comes from the scene's `records`, labels from its `objectInfos`. In `view` mode each
// editable field has an edit button that turns the form into inputs with Save and Cancel; a save goes
// through the preview's data service and fires `success`, or shows the error and fires `error`.
import { LightningElement, api } from 'lwc';
import { getScene } from 'preview/mockContext';
import { updateRecord } from 'lightning/uiRecordApi';
import { fieldInfo, inputType, isTextArea, shownValue, errorText } from 'preview/formFields';

export default class RecordForm extends LightningElement {
    @api recordId;
    @api objectApiName;
    @api fields = [];
    @api mode = 'view';
    @api columns;
    @api density;
    @api layoutType;

    editing = false;
    saving = false;
    draft = {};
    error;
    version = 0;

    get record() {
        // Read on every render, so a save (or another form) shows at once.
        return this.version >= 0 ? getScene().records?.[this.recordId] : undefined;
    }

    get missing() {
        return !this.record;
    }

    get rows() {
        const record = this.record;
        return (this.fields ?? []).map((apiName) => {
            const info = fieldInfo(this.objectApiName, apiName);
            const raw = record?.fields?.[apiName]?.value;
            return {
                apiName,
                label: info.label,
                value: shownValue(record, apiName),
                editLabel: `Edit ${info.label}`,
                canEdit: this.mode === 'view' && info.updateable !== false,
                inputType: inputType(info),
                isTextArea: isTextArea(info),
                editable: info.updateable !== false,
                readOnly: info.updateable === false,
                draftValue: apiName in this.draft ? this.draft[apiName] : (raw ?? '')
            };
        });
    }

    startEdit() {
        this.draft = {};
        this.error = undefined;
        this.editing = true;
    }

    cancel() {
        this.editing = false;
        this.draft = {};
        this.error = undefined;
    }

    change(event) {
        const name = event.target.dataset.field;
        const value = event.target.type === 'checkbox' ? event.target.checked : event.detail.value;
        this.draft = { ...this.draft, [name]: value };
    }

    async save() {
        this.saving = true;
        this.error = undefined;
        try {
            const record = await updateRecord({ fields: { Id: this.recordId, ...this.draft } });
            this.editing = false;
            this.draft = {};
            this.version++;
            this.dispatchEvent(new CustomEvent('success', { detail: record }));
        } catch (error) {
            this.error = errorText(error);
            this.dispatchEvent(new CustomEvent('error', { detail: error?.body ?? error }));
        } finally {
            this.saving = false;
        }
    }
}
