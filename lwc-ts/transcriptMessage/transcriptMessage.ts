import { LightningElement, api } from 'lwc';
import type { SenderType, TranscriptMessage as Message } from '@salesforce/apex/ChatTranscriptController.getTranscript';
import { safeUrl } from 'c/transcriptSearch';
import { formatDateTime, formatTime, isoDateTime } from 'c/transcriptFormat';

/** A run of the message text to highlight: UTF-16 offsets into `message.content`, `end` excluded. */
export interface TextRange {
    start: number;
    end: number;
}

/** A run of the message text, highlighted or not; always rendered as a text node. */
interface Segment {
    key: string;
    text: string;
    match: boolean;
}

interface SenderStyle {
    label: string;
    icon: string;
    direction: 'inbound' | 'outbound' | 'event';
    bubble: string;
}

const SENDERS: Record<SenderType, SenderStyle> = {
    visitor: {
        label: 'Visitor',
        icon: 'utility:user',
        direction: 'inbound',
        bubble: 'slds-chat-message__text_inbound'
    },
    agent: {
        label: 'Agent',
        icon: 'utility:agent_session',
        direction: 'outbound',
        bubble: 'slds-chat-message__text_outbound'
    },
    bot: {
        label: 'Bot',
        icon: 'utility:einstein',
        direction: 'outbound',
        bubble: 'slds-chat-message__text_outbound-agent'
    },
    note: { label: 'Internal note', icon: 'utility:lock', direction: 'outbound', bubble: 'transcript-message__note' },
    system: { label: 'System', icon: 'utility:info', direction: 'event', bubble: '' }
};

/**
 * The text cut into plain and highlighted runs. Ranges are used exactly as given (the parent puts them on grapheme
 * boundaries): never split, only clamped to the text, sorted, and merged where they overlap; empty, reversed or
 * non-numeric ranges are ignored.
 */
function cut(text: string, ranges: readonly TextRange[]): Segment[] {
    const usable = ranges
        .map((r) => ({ start: Math.max(0, Math.min(r.start, text.length)), end: Math.min(r.end, text.length) }))
        .filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.end > r.start)
        .sort((a, b) => a.start - b.start);
    const segments: Segment[] = [];
    const push = (start: number, end: number, match: boolean): void => {
        segments.push({ key: `${segments.length}`, text: text.slice(start, end), match });
    };
    let position = 0;
    let open: TextRange | undefined;
    for (const range of usable) {
        if (open && range.start < open.end) {
            open.end = Math.max(open.end, range.end);
            continue;
        }
        if (open) {
            push(open.start, open.end, true);
            position = open.end;
        }
        if (range.start > position) {
            push(position, range.start, false);
        }
        open = { ...range };
    }
    if (open) {
        push(open.start, open.end, true);
        position = open.end;
    }
    if (position < text.length || segments.length === 0) {
        push(position, text.length, false);
    }
    return segments;
}

/** The last part of a web address's path, decoded, as the attachment's name; the host when the path has none. */
function fileName(url: string): string {
    const parsed = new URL(url);
    const last = parsed.pathname.split('/').filter(Boolean).pop();
    if (!last) {
        return parsed.host;
    }
    try {
        return decodeURIComponent(last);
    } catch {
        return last;
    }
}

/**
 * One message of a chat transcript, as an item of the SLDS chat list (`slds-chat`): the visitor's messages
 * inbound; agents' and bots' outbound, each with its own icon, label and tint; system lines as chat events;
 * internal notes outbound, labelled "Internal note · not sent to the visitor" with a lock icon and their own
 * styling. Sender, sender type and time (the user's locale and time zone) are in the meta line; the text keeps
 * its own direction (`dir="auto"`); an attachment is a file item linking only to http(s) addresses (anything
 * else is shown as text). All content is rendered as text, never as markup.
 *
 * The host element is the list item (`role="listitem"`): render it directly inside the `<ul class="slds-chat-list">`
 * of a `<section role="log" class="slds-chat">`.
 *
 * @example
 * <ul class="slds-chat-list">
 *     <c-transcript-message key={row.key} message={row.message} highlights={row.ranges} current={row.current}>
 *     </c-transcript-message>
 * </ul>
 */
export default class TranscriptMessage extends LightningElement {
    /**
     * The message (the Apex `TranscriptMessage`): `senderType` (visitor, agent, bot, note or system),
     * `senderName`, `content`, `sentAt` (ISO 8601), `attachmentUrl` and `translation`, each possibly null.
     */
    @api message: Message | undefined;

    /**
     * The runs of `message.content` to highlight (search matches), as UTF-16 offsets `{ start, end }` with `end`
     * excluded, on grapheme boundaries: each is rendered whole, as one `<mark>` inside a `<bdi>`.
     */
    @api highlights: readonly TextRange[] | null | undefined;

    /** Whether this message holds the active search match: it is outlined and its highlights stand out. */
    @api current = false;

    override connectedCallback(): void {
        this.setAttribute('role', 'listitem');
    }

    private get sender(): SenderStyle {
        // A sender type the contract does not know (a newer server) is shown as a system line.
        return (
            (SENDERS as Partial<Record<string, SenderStyle>>)[this.message?.senderType ?? 'system'] ?? SENDERS.system
        );
    }

    get isEvent(): boolean {
        return this.sender.direction === 'event';
    }

    get isNote(): boolean {
        return this.message?.senderType === 'note';
    }

    get itemClass(): string {
        const current = this.current ? ' transcript-message_current' : '';
        return `slds-chat-listitem slds-chat-listitem_${this.sender.direction} transcript-message transcript-message_${this.message?.senderType ?? 'system'}${current}`;
    }

    get bodyClass(): string {
        return `slds-chat-message__body transcript-message__body transcript-message__body_${this.sender.direction}`;
    }

    get textClass(): string {
        return `slds-chat-message__text ${this.sender.bubble} transcript-message__text`;
    }

    get markClass(): string {
        return this.current ? 'transcript-message__mark transcript-message__mark_current' : 'transcript-message__mark';
    }

    get hasText(): boolean {
        return (this.message?.content ?? '') !== '';
    }

    get segments(): Segment[] {
        return cut(this.message?.content ?? '', Array.isArray(this.highlights) ? this.highlights : []);
    }

    get senderName(): string {
        return this.message?.senderName?.trim() || this.sender.label;
    }

    /** The sender type, unless it is already the name shown (a message without a sender name). */
    get senderLabel(): string {
        return this.message?.senderName?.trim() ? this.sender.label : '';
    }

    get senderIcon(): string {
        return this.sender.icon;
    }

    get timeLabel(): string {
        return formatTime(this.message?.sentAt);
    }

    get dateTimeLabel(): string {
        return formatDateTime(this.message?.sentAt);
    }

    get timeValue(): string {
        return isoDateTime(this.message?.sentAt);
    }

    get translation(): string {
        return this.message?.translation ?? '';
    }

    get attachmentUrl(): string | null {
        return safeUrl(this.message?.attachmentUrl ?? null);
    }

    get hasAttachment(): boolean {
        return Boolean(this.message?.attachmentUrl);
    }

    get attachmentName(): string {
        const url = this.attachmentUrl;
        return url ? fileName(url) : '';
    }

    /** An attachment whose address is not a web link, shown as text. */
    get attachmentText(): string {
        return this.attachmentUrl ? '' : (this.message?.attachmentUrl ?? '');
    }

    /** Read after the attachment's name by screen readers (the space keeps it a word of its own). */
    readonly linkHint = ' (attachment, opens in a new tab)';

    get fileClass(): string {
        const side = this.sender.direction === 'inbound' ? 'inbound' : 'outbound';
        return `slds-chat-message__file slds-chat-message__file_${side} transcript-message__file`;
    }
}
