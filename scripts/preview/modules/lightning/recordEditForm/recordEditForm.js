// Stands in for lightning-record-edit-form in the preview. A click on a slotted `type="submit"`
// lightning-button (or a call to submit()) checks the slotted lightning-input-fields, fires a
// cancelable `submit` with the values, creates or updates the record through the preview's data
// service (so every wire of the record hears of it) and fires `success` with the new record, or fires
// `error`. As on the platform, the form does not show a save error itself: only a lightning-messages
// inside it does, so a component that leaves it out shows nothing.
import { LightningElement, api } from 'lwc';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { errorText } from 'preview/formFields';

export default class RecordEditForm extends LightningElement {
    @api objectApiName;
    @api recordId;
    @api recordTypeId;
    @api density;
    @api formClass;

    handleClick(event) {
        const button = event.target;
        if (button?.tagName === 'LIGHTNING-BUTTON' && button.type === 'submit' && !button.disabled) {
            this.submit();
        }
    }

    inputFields() {
        return Array.from(this.querySelectorAll('lightning-input-field'));
    }

    showMessages(text) {
        for (const messages of this.querySelectorAll('lightning-messages')) {
            messages.previewShow(text);
        }
    }

    @api
    submit(fields) {
        const inputs = this.inputFields();
        const valid = inputs.map((input) => input.reportValidity()).every(Boolean);
        if (!valid) {
            return;
        }
        const values =
            fields ??
            Object.fromEntries(
                inputs
                    .filter((input) => input.value !== undefined && input.value !== null && input.value !== '')
                    .map((input) => [input.fieldName, input.value])
            );
        if (!fields) {
            const submitEvent = new CustomEvent('submit', { cancelable: true, detail: { fields: values } });
            this.dispatchEvent(submitEvent);
            if (submitEvent.defaultPrevented) {
                return;
            }
        }
        this.showMessages('');
        const saving = this.recordId
            ? updateRecord({ fields: { Id: this.recordId, ...values } })
            : createRecord({ apiName: this.objectApiName, fields: values });
        saving.then(
            (record) => {
                this.dispatchEvent(new CustomEvent('success', { detail: record }));
            },
            (error) => {
                const message = errorText(error);
                this.showMessages(message);
                this.dispatchEvent(
                    new CustomEvent('error', {
                        detail: { message, detail: error?.body?.message ?? '', output: error?.body?.output ?? {} }
                    })
                );
            }
        );
    }
}
