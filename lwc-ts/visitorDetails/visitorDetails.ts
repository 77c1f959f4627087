import { LightningElement, api } from 'lwc';
import type { RecordRepresentation } from 'lightning/uiRecordApi';
import type { ObjectInfo } from 'lightning/uiObjectInfoApi';
import { VISITOR_FIELDS, SESSION_FIELDS, chatValues, section } from 'c/visitorModel';
import type { Section } from 'c/visitorModel';

/**
 * The visitor and the session of a Comm100 chat as collapsible sections: the fields that have a value, labelled as
 * the object describes them; the visitor's email address and phone number are mailto: and tel: links, and the
 * session's web addresses are links only when they are http or https. Everything else is text.
 */
export default class VisitorDetails extends LightningElement {
    /** The Comm100 Chat record, as the data service gives it. */
    @api chat: RecordRepresentation | undefined;

    /** The Comm100 Chat object's description, for the field labels; the API names in words without it. */
    @api chatInfo: ObjectInfo | undefined;

    /** Hide the session section (browser, pages, visits). */
    @api hideSession = false;

    get sections(): Section[] {
        if (!this.chat) {
            return [];
        }
        const visitor = section(
            'visitor',
            'Visitor',
            'Nothing is known about the visitor yet.',
            chatValues(this.chat, VISITOR_FIELDS, this.chatInfo)
        );
        if (this.hideSession) {
            return [visitor];
        }
        return [
            visitor,
            section('session', 'Session', 'No session details.', chatValues(this.chat, SESSION_FIELDS, this.chatInfo))
        ];
    }
}
