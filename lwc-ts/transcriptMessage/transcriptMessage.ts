import { LightningElement, api } from 'lwc';
import type { TranscriptMessage as Message } from '@salesforce/apex/ChatTranscriptController.getTranscript';
import { safeUrl } from 'c/transcriptSearch';
import { USER_SETTINGS, formatDateTime, formatTime, isoDateTime } from 'c/transcriptFormat';
import { fileName, foldLabel, foldOf, initialsOf, normalizeRanges, segmentsOf } from './messageText';
import { senderStyle } from './senders';
import type { SenderStyle } from './senders';
import type { Fold, Segment, TextRange } from './messageText';

export type { TextRange } from './messageText';
export { FOLD_LIMIT } from './messageText';

/**
 * One message of a chat transcript, as an item of the SLDS chat list (`slds-chat`): the visitor's messages
 * inbound; agents' and bots' outbound, each with its own label, avatar and tint; system lines as chat events;
 * internal notes outbound, labelled "Internal note · not sent to the visitor" with a lock icon and their own
 * styling. The meta line has a decorative avatar (the sender's initials; its colour per sender type, a bot's
 * square), the sender, the sender type and the time (the user's locale and time zone); the text keeps its own
 * direction (`dir="auto"`); an attachment is a file item linking only to http(s) addresses (anything else is shown
 * as text). All content is rendered as text, never as markup.
 *
 * A text longer than `FOLD_LIMIT` is folded: only its beginning is shown (`.transcript-message__shown`), cut between
 * graphemes, then "…" and a button (`.transcript-message__fold`, `aria-expanded`) "Show the whole message (N
 * characters)", which also counts the highlights it hides; unfolded, the button reads "Show less". A highlight
 * across the cut is shown whole; a message that becomes `current` with its first highlight hidden opens unfolded.
 * A new `message` folds again.
 *
 * The host element is the list item (`role="listitem"`): render it directly inside the `<ul class="slds-chat-list">`
 * of a labelled `<section class="slds-chat">` (not `role="log"`: a log is a live region, and every move of the
 * window would read its messages out).
 *
 * @example
 * <ul class="slds-chat-list">
 *     <c-transcript-message key={row.key} message={row.message} highlights={row.ranges} current={row.current}>
 *     </c-transcript-message>
 * </ul>
 */
export default class TranscriptMessage extends LightningElement {
    private shownMessage: Message | undefined;
    private ranges: TextRange[] = [];
    private isCurrent = false;
    private fold: Fold = { end: 0, hidden: 0 };
    private given: readonly TextRange[] | null | undefined;
    /** Whether the reader (or a current match beyond the fold) unfolded the text. */
    private unfolded = false;
    private keepFoldInView = false;
    /** Whether the text was unfolded for the current match, which may be far down a long message: shown once rendered. */
    private revealCurrentMatch = false;

    /**
     * The message (the Apex `TranscriptMessage`): `senderType` (visitor, agent, bot, note or system),
     * `senderName`, `content`, `sentAt` (ISO 8601), `attachmentUrl` and `translation`, each possibly null.
     */
    @api
    get message(): Message | undefined {
        return this.shownMessage;
    }
    set message(value: Message | undefined) {
        if (value !== this.shownMessage) {
            this.unfolded = false;
        }
        this.shownMessage = value;
        this.refold();
    }

    /**
     * The runs of `message.content` to highlight (search matches), as UTF-16 offsets `{ start, end }` with `end`
     * excluded, on grapheme boundaries: each is rendered whole, as one `<mark>` inside a `<bdi>`.
     */
    @api
    get highlights(): readonly TextRange[] | null | undefined {
        return this.given;
    }
    set highlights(value: readonly TextRange[] | null | undefined) {
        this.given = value;
        this.refold();
    }

    /** Whether this message holds the active search match: it is outlined and its highlights stand out. */
    @api
    get current(): boolean {
        return this.isCurrent;
    }
    set current(value: boolean) {
        this.isCurrent = value;
        this.openForCurrentMatch();
    }

    override connectedCallback(): void {
        this.setAttribute('role', 'listitem');
    }

    override renderedCallback(): void {
        if (this.keepFoldInView) {
            this.keepFoldInView = false;
            this.scrollToView('.transcript-message__fold');
        }
        if (this.revealCurrentMatch) {
            this.revealCurrentMatch = false;
            this.scrollToView('.transcript-message__mark_current');
        }
    }

    private scrollToView(selector: string): void {
        const element = this.template?.querySelector<HTMLElement>(selector);
        if (element && typeof element.scrollIntoView === 'function') {
            element.scrollIntoView({ block: 'nearest' });
        }
    }

    private refold(): void {
        const text = this.content;
        this.ranges = normalizeRanges(Array.isArray(this.given) ? this.given : [], text.length);
        this.fold = foldOf(text, this.ranges);
        this.openForCurrentMatch();
    }

    /** The reader must see the current match: a current message whose first highlight is hidden opens unfolded. */
    private openForCurrentMatch(): void {
        const first = this.ranges[0];
        if (this.isCurrent && this.isFoldable && first && first.start >= this.fold.end) {
            this.unfolded = true;
            this.revealCurrentMatch = true;
        }
    }

    private get content(): string {
        return this.shownMessage?.content ?? '';
    }

    private get sender(): SenderStyle {
        return senderStyle(this.shownMessage?.senderType);
    }

    get isEvent(): boolean {
        return this.sender.direction === 'event';
    }

    get isNote(): boolean {
        return this.shownMessage?.senderType === 'note';
    }

    get itemClass(): string {
        const current = this.isCurrent ? ' transcript-message_current' : '';
        return `slds-chat-listitem slds-chat-listitem_${this.sender.direction} transcript-message transcript-message_${this.shownMessage?.senderType ?? 'system'}${current}`;
    }

    get bodyClass(): string {
        return `slds-chat-message__body transcript-message__body transcript-message__body_${this.sender.direction}`;
    }

    get textClass(): string {
        return `slds-chat-message__text ${this.sender.bubble} transcript-message__text`;
    }

    get markClass(): string {
        return this.isCurrent
            ? 'transcript-message__mark transcript-message__mark_current'
            : 'transcript-message__mark';
    }

    get hasText(): boolean {
        return this.content !== '';
    }

    get isFoldable(): boolean {
        return this.fold.end < this.content.length;
    }

    get isFolded(): boolean {
        return this.isFoldable && !this.unfolded;
    }

    get segments(): Segment[] {
        return segmentsOf(this.content, this.ranges, this.isFolded ? this.fold.end : this.content.length);
    }

    get foldLabel(): string {
        return this.isFolded ? foldLabel(this.content, this.fold.hidden, USER_SETTINGS.locale) : 'Show less';
    }

    get foldExpanded(): string {
        return this.isFolded ? 'false' : 'true';
    }

    toggleFold(): void {
        this.unfolded = !this.unfolded;
        this.keepFoldInView = !this.unfolded;
    }

    get senderName(): string {
        return this.shownMessage?.senderName?.trim() || this.sender.label;
    }

    /** The sender type, unless it is already the name shown (a message without a sender name). */
    get senderLabel(): string {
        return this.shownMessage?.senderName?.trim() ? this.sender.label : '';
    }

    get avatarClass(): string {
        return this.sender.shape;
    }

    get initialsClass(): string {
        return `slds-avatar__initials ${this.sender.colour}`;
    }

    get initials(): string {
        return initialsOf(this.shownMessage?.senderName, this.sender.mark);
    }

    get timeLabel(): string {
        return formatTime(this.shownMessage?.sentAt);
    }

    get dateTimeLabel(): string {
        return formatDateTime(this.shownMessage?.sentAt);
    }

    get timeValue(): string {
        return isoDateTime(this.shownMessage?.sentAt);
    }

    get translation(): string {
        return this.shownMessage?.translation ?? '';
    }

    get attachmentUrl(): string | null {
        return safeUrl(this.shownMessage?.attachmentUrl ?? null);
    }

    get hasAttachment(): boolean {
        return Boolean(this.shownMessage?.attachmentUrl);
    }

    get attachmentName(): string {
        const url = this.attachmentUrl;
        return url ? fileName(url) : '';
    }

    /** An attachment whose address is not a web link, shown as text. */
    get attachmentText(): string {
        return this.attachmentUrl ? '' : (this.shownMessage?.attachmentUrl ?? '');
    }

    /** Read after the attachment's name by screen readers (the space keeps it a word of its own). */
    readonly linkHint = ' (attachment, opens in a new tab)';

    get fileClass(): string {
        const side = this.sender.direction === 'inbound' ? 'inbound' : 'outbound';
        return `slds-chat-message__file slds-chat-message__file_${side} transcript-message__file`;
    }
}
