import { LightningElement, api } from 'lwc';
import type { RecordRepresentation } from 'lightning/uiRecordApi';
import { getFieldValue } from 'lightning/uiRecordApi';
import type { ObjectInfo } from 'lightning/uiObjectInfoApi';
import {
    CUSTOM_VARIABLES,
    PRE_CHAT_FIELDS,
    VISITOR_FIELDS,
    chatValues,
    parseNamedValues,
    section,
    withoutRepeats
} from 'c/visitorModel';
import type { Section } from 'c/visitorModel';

/**
 * The custom variables and the pre-chat answers of a Comm100 chat, as collapsible sections of named values shown
 * as text. A pre-chat answer the visitor section already shows (the name, the email address…) is not repeated:
 * the section names those answers instead.
 */
export default class VisitorCustomData extends LightningElement {
    /** The Comm100 Chat record, as the data service gives it. */
    @api chat: RecordRepresentation | undefined;

    /** The Comm100 Chat object's description (the visitor's values are compared as the visitor section shows them). */
    @api chatInfo: ObjectInfo | undefined;

    get sections(): Section[] {
        if (!this.chat) {
            return [];
        }
        const answers = parseNamedValues(getFieldValue(this.chat, PRE_CHAT_FIELDS));
        const { kept, repeated } = withoutRepeats(answers, chatValues(this.chat, VISITOR_FIELDS, this.chatInfo));
        const named = repeated.join(', ');
        return [
            section(
                'custom-variables',
                'Custom variables',
                'No custom variables were sent.',
                parseNamedValues(getFieldValue(this.chat, CUSTOM_VARIABLES))
            ),
            section(
                'pre-chat',
                'Pre-chat form',
                named ? `Every answer is shown under Visitor: ${named}.` : 'No pre-chat form was filled in.',
                kept,
                named && kept.length > 0 ? `Shown under Visitor: ${named}.` : ''
            )
        ];
    }
}
