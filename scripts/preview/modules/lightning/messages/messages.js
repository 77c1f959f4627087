// Stands in for lightning-messages in the preview. The preview's lightning-record-edit-form shows its
// errors itself, so this renders nothing.
import { LightningElement } from 'lwc';

export default class Messages extends LightningElement {}
