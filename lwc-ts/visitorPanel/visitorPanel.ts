import { LightningElement, api, wire } from 'lwc';
import type { WireResult } from '@salesforce/apex';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import type { RecordRepresentation } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import type { ObjectInfo } from 'lightning/uiObjectInfoApi';
import getPanelFields from '@salesforce/apex/VisitorPanelController.getPanelFields';
import type { PanelFields } from '@salesforce/apex/VisitorPanelController.getPanelFields';
import { CHAT_FIELDS, VISITOR_NAME, text } from 'c/visitorModel';
import CHAT_OBJECT from '@salesforce/schema/Comm100_Chat__c';

/**
 * The visitor of a Comm100 chat, for the agent on the chat record page. The panel loads the chat (Lightning Data
 * Service, every field optional so that a field the agent may not read is left out instead of failing the panel),
 * the chat object's field labels and the fields shown of an identified record, and hands them to its parts:
 * the identification and the identified record (c-visitor-identification), the manual actions
 * (c-visitor-actions), the visitor and session details (c-visitor-details) and the custom variables and pre-chat
 * answers (c-visitor-custom-data). Everything from the chat is shown as text.
 */
export default class VisitorPanel extends LightningElement {
    /** The Comm100 Chat record. */
    @api recordId: string | undefined;

    /** Hide the session section (browser, pages, visits). */
    @api hideSession = false;

    /** Hide the custom variables and pre-chat sections. */
    @api hideCustomData = false;

    /** Show the identified record read-only instead of editable in place. */
    @api readOnly = false;

    /** How often, in seconds, the panel checks whether a pending attachment is done (5 to 300). */
    @api refreshSeconds = 15;

    chat: RecordRepresentation | undefined;
    chatError: unknown;
    chatInfo: ObjectInfo | undefined;
    panelFields: PanelFields[] = [];
    panelFieldsError: unknown;

    @wire(getRecord, { recordId: '$recordId', optionalFields: CHAT_FIELDS })
    wiredChat(result: WireResult<RecordRepresentation>): void {
        if (result.data) {
            this.chat = result.data;
            this.chatError = undefined;
        } else if (result.error) {
            this.chatError = result.error;
            this.chat = undefined;
        }
    }

    @wire(getObjectInfo, { objectApiName: CHAT_OBJECT })
    wiredChatInfo(result: WireResult<ObjectInfo>): void {
        // Field labels only; without them the API names are shown, so an error here is not fatal.
        this.chatInfo = result.data;
    }

    @wire(getPanelFields)
    wiredPanelFields(result: WireResult<PanelFields[]>): void {
        if (result.data) {
            this.panelFields = result.data;
            this.panelFieldsError = undefined;
        } else if (result.error) {
            this.panelFieldsError = result.error;
        }
    }

    get isLoading(): boolean {
        return !this.chat && !this.chatError;
    }

    get hasChat(): boolean {
        return this.chat !== undefined;
    }

    get showCustomData(): boolean {
        return !this.hideCustomData;
    }

    get visitorHeading(): string {
        const name = text(getFieldValue(this.chat, VISITOR_NAME));
        return name ? name : 'Visitor';
    }
}
