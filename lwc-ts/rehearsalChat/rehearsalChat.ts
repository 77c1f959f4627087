import { LightningElement, api } from 'lwc';
import type { NormalisedChat } from '@salesforce/apex/RehearsalController.rehearse';
import { plural, sourceLabel, valueRows } from 'c/rehearsalModel';
import type { ValueRow } from 'c/rehearsalModel';

/**
 * The chat of a rehearsal as the sync would store it: where it came from, its values, how many messages it has,
 * which redaction rules changed it, and the start of its transcript after redaction. Every value is shown as text.
 */
export default class RehearsalChat extends LightningElement {
    @api chat: NormalisedChat | undefined;

    get origin(): string {
        const chat = this.chat;
        if (!chat) {
            return '';
        }
        const parts = [
            chat.comm100Id ? `Comm100 id ${chat.comm100Id}` : 'No Comm100 id',
            chat.eventType ? `event ${chat.eventType}` : '',
            sourceLabel(chat.source),
            chat.kind ?? ''
        ];
        return parts.filter((part) => part !== '').join(' · ');
    }

    get values(): ValueRow[] {
        return valueRows(this.chat?.values, 'chat');
    }

    get messageCountText(): string {
        return plural(this.chat?.messageCount ?? 0, 'message');
    }

    get redactionText(): string {
        const redactions = this.chat?.redactions ?? [];
        return redactions.length > 0
            ? `Redacted: ${redactions.join(', ')}.`
            : 'No redaction rule changed anything in this chat.';
    }

    get transcript(): string {
        return this.chat?.transcriptPreview ?? '';
    }

    get hasTranscript(): boolean {
        return this.transcript !== '';
    }

    get transcriptHeading(): string {
        return 'Transcript, as stored (the start)';
    }
}
