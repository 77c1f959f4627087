// Stands in for lightning-input-field in the preview: a lightning-input labelled and typed from the
// scene's description of the field of the enclosing lightning-record-edit-form. It is required only when
// the component says so (`required`), never because the description or the layout marks the field
// required: the preview checks that the component passes it. reportValidity() enforces it.
import { LightningElement, api } from 'lwc';
import { fieldInfo, inputType, isTextArea } from 'preview/formFields';

export default class InputField extends LightningElement {
    @api fieldName;
    @api required = false;
    @api disabled = false;
    @api readOnly = false;
    @api variant;

    current;

    @api
    get value() {
        return this.current;
    }
    set value(next) {
        this.current = next;
    }

    get info() {
        const form = this.template.host.closest('lightning-record-edit-form');
        return fieldInfo(form?.objectApiName, this.fieldName);
    }

    get label() {
        return this.info.label;
    }

    get type() {
        return inputType(this.info);
    }

    get isTextArea() {
        return isTextArea(this.info);
    }

    get isRequired() {
        return Boolean(this.required);
    }

    change(event) {
        this.current = event.target.type === 'checkbox' ? event.target.checked : event.detail.value;
    }

    @api
    reportValidity() {
        const input = this.template.querySelector('lightning-input, lightning-textarea');
        return input ? input.reportValidity() : true;
    }
}
