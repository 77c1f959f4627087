// Stands in for lightning-record-form in the preview (lightning-base-components has no record forms):
// the record comes through the preview's data service (getRecord, asking for the form's `fields` of its
// `object-api-name` as optional fields, so a field the user cannot read is left out), labels from the
// scene's `objectInfos`. In `view` mode each editable field has an edit button that turns the form into
// inputs with Save and Cancel; a save goes through the data service (so every wire of the record hears
// of it) and fires `success`, or shows the error above the fields, as lightning-record-form does, and
// fires `error`. The form shows a change of its record only when the data service announces it.
import { LightningElement, api, wire } from 'lwc';
import { getRecord, updateRecord } from 'lightning/uiRecordApi';
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
    record;
    loadError;

    get requestedFields() {
        return (this.fields ?? []).map((name) => `${this.objectApiName}.${name}`);
    }

    @wire(getRecord, { recordId: '$recordId', optionalFields: '$requestedFields' })
    wiredRecord({ data, error }) {
        if (data) {
            this.record = data;
            this.loadError = undefined;
        } else if (error) {
            this.record = undefined;
            this.loadError = errorText(error);
        }
    }

    get loading() {
        return !this.record && !this.loadError;
    }

    get rows() {
        const record = this.record;
        // As on the platform, a field the record was not read with (one the user cannot read) is not shown.
        return (this.fields ?? [])
            .filter((apiName) => record?.fields?.[apiName] !== undefined)
            .map((apiName) => {
                const info = fieldInfo(this.objectApiName, apiName);
                const raw = record.fields[apiName].value;
                return {
                    apiName,
                    label: info.label,
                    value: shownValue(record, apiName),
                    editLabel: `Edit ${info.label}`,
                    canEdit: this.mode === 'view' && info.updateable !== false,
                    inputType: inputType(info),
                    isTextArea: isTextArea(info),
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
            this.dispatchEvent(new CustomEvent('success', { detail: record }));
        } catch (error) {
            this.error = errorText(error);
            this.dispatchEvent(new CustomEvent('error', { detail: error?.body ?? error }));
        } finally {
            this.saving = false;
        }
    }
}
