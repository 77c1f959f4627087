// Stands in for lightning-messages in the preview: the only place where the enclosing
// lightning-record-edit-form's save errors are shown, as on the platform.
import { LightningElement, api } from 'lwc';

export default class Messages extends LightningElement {
    text = '';

    /** Called by the preview's lightning-record-edit-form that contains this element; not a platform API. */
    @api
    previewShow(text) {
        this.text = text;
    }
}
