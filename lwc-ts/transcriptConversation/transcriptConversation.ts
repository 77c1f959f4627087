import { LightningElement, api } from 'lwc';
import type { ChatSummary } from '@salesforce/apex/ChatTranscriptController.getChats';
import type { TranscriptMessage } from '@salesforce/apex/ChatTranscriptController.getTranscript';
import { buildIndex, findMessages } from 'c/transcriptSearch';
import type { TextRange } from 'c/transcriptSearch';
import {
    MIN_WINDOW,
    earlier,
    endWindow,
    firstRender,
    later,
    resized,
    reveal,
    startWindow,
    windowSize
} from 'c/transcriptWindow';
import type { MessageWindow } from 'c/transcriptWindow';
import { endBookend, startBookend } from './bookends';
import type { Bookend } from './bookends';
import { anchorIn, scrollBoxTo } from './scrolling';
import type { ScrollTarget } from './scrolling';
import { windowRows } from './rows';
import type { MessageRow } from './rows';

/** How close (in pixels) to an edge of the conversation scrolling brings the next messages in. */
const EDGE = 160;

/**
 * A chat's messages as the viewer hands them to the conversation: a class instance, not a plain array, so that LWC
 * passes it as it is. A plain array given to an `@api` property is wrapped in a read-only proxy, and so is every
 * message read through it: indexing a 100,000-message chat through the proxies cost 100 to 500 ms and a proxy per
 * message.
 */
export class ChatMessages {
    readonly messages: readonly TranscriptMessage[];

    constructor(messages: readonly TranscriptMessage[]) {
        this.messages = messages;
        Object.freeze(this);
    }
}

/**
 * One chat's transcript as a conversation in the SLDS chat layout (each message a `c-transcript-message`), with
 * search within it (highlighted, next and previous). A chat of any length stays fast: the page holds a window of at
 * most 200 messages, which slides as the reader scrolls or asks for earlier or later messages and jumps to the
 * start, the end, a match or a given message, keeping what is read in place. A jump renders a screenful around its
 * target first and the rest of its window after that is painted, so the target shows at once. Searching scans a
 * folded index, not the page. It loads nothing: new `messages` open at the first message, and the term in the
 * search box, kept across chats, is searched in them. Chat content is always rendered as text.
 */
export default class TranscriptConversation extends LightningElement {
    /** The chat's summary, for the bookends: who started it, when, and when it ended. */
    @api chat: ChatSummary | undefined;

    private configuredSize: unknown = 30;
    private given: ChatMessages | readonly TranscriptMessage[] | undefined;
    private loaded: readonly TranscriptMessage[] = [];
    private index: string[] = [];
    searchTerm = '';
    matches: number[] = [];
    private matchSet = new Set<number>();
    /** The highlights of each matching message for the current term, computed once per message and term. */
    private highlights = new Map<number, readonly TextRange[]>();
    currentMatch = -1;
    window: MessageWindow = { start: 0, end: 0 };
    /** The window as last rendered (`window` may be ahead of it until the next render). */
    private renderedWindow: MessageWindow = { start: 0, end: 0 };
    private scrollTarget: ScrollTarget | undefined;
    /** The whole window of the last jump, while only its first part is rendered. */
    private pendingWindow: MessageWindow | undefined;
    /** The conversation box's height (px) when the last jump began: kept while its window is still to come. */
    private heldHeight = 0;
    /** Counts jumps: a jump's window comes only if no other jump came after it. */
    private jumps = 0;

    /**
     * How many messages are rendered at most (10 to 200); scrolling slides this window by half of it. A new size
     * applies at once, from the first message in view.
     */
    @api
    get windowSize(): unknown {
        return this.configuredSize;
    }

    set windowSize(value: unknown) {
        this.configuredSize = value;
        this.moveWindow(resized(this.window, this.loaded.length, this.limit), anchorIn(this.scroller));
    }

    /**
     * The messages of the chat, in order: a `ChatMessages` (what the viewer passes) or an array; new messages open
     * at the first one.
     */
    @api
    get messages(): ChatMessages | readonly TranscriptMessage[] | undefined {
        return this.given;
    }

    set messages(value: ChatMessages | readonly TranscriptMessage[] | undefined) {
        this.given = value;
        this.loaded = (value instanceof ChatMessages ? value.messages : value) ?? [];
        this.index = buildIndex(this.loaded.map((m) => m.content));
        this.window = { start: 0, end: 0 };
        // Another chat: none of its messages is rendered yet.
        this.renderedWindow = { start: 0, end: 0 };
        this.moveWindow(startWindow(this.loaded.length, this.limit), { kind: 'start' });
        this.runSearch();
    }

    /** The window size in use: the configured one, within 10 to 200. */
    private get limit(): number {
        return windowSize(this.windowSize);
    }

    get hasMessages(): boolean {
        return this.loaded.length > 0;
    }

    get messageRows(): MessageRow[] {
        const current = this.currentMatch >= 0 ? (this.matches[this.currentMatch] ?? -1) : -1;
        return windowRows(this.loaded, this.window, {
            term: this.searchTerm,
            matches: this.matchSet,
            current,
            cache: this.highlights
        });
    }

    /** The first message of the chat is rendered: the conversation opens with its bookend. */
    get atStart(): boolean {
        return this.window.start === 0;
    }

    /** The last message of the chat is rendered: the conversation closes with its bookend. */
    get atEnd(): boolean {
        return this.window.end >= this.loaded.length;
    }

    get startBookend(): Bookend {
        return startBookend(this.chat);
    }

    get endBookend(): Bookend {
        return endBookend(this.chat);
    }

    get windowLabel(): string {
        return `Messages ${this.window.start + 1} to ${this.window.end} of ${this.loaded.length}`;
    }

    /**
     * Renders `next` and, once it is rendered, scrolls the conversation to `target`; when the window does not
     * change, scrolls at once. Any move replaces a jump's window still to come.
     */
    private moveWindow(next: MessageWindow, target: ScrollTarget): void {
        this.pendingWindow = undefined;
        if (next.start === this.window.start && next.end === this.window.end) {
            scrollBoxTo(this.scroller, target);
        } else {
            this.scrollTarget = target;
            this.window = next;
        }
    }

    /**
     * Jumps to `next`, a window that shows `position`, scrolled to `target`. Creating and laying out a whole window
     * of messages at once took longer than a frame, so a jump that brings in more than a screenful (MIN_WINDOW) of
     * messages first renders that many around `position` (with those it keeps); the rest follows once that is
     * painted, with what is in view kept in place, and the box keeps its height meanwhile.
     */
    private jump(next: MessageWindow, target: ScrollTarget, position: number): void {
        const token = ++this.jumps;
        const first = firstRender(this.renderedWindow, next, position, MIN_WINDOW);
        const height = this.scroller?.getBoundingClientRect().height ?? 0;
        this.moveWindow(first, target);
        if (first.start !== next.start || first.end !== next.end) {
            this.pendingWindow = next;
            this.heldHeight = height;
            this.afterPaint(() => {
                const pending = this.pendingWindow;
                if (token === this.jumps && pending) {
                    this.moveWindow(pending, anchorIn(this.scroller));
                }
            });
        }
    }

    /** While a jump's window is still to come, the box keeps the height it had, so the page below stays put. */
    get scrollerStyle(): string {
        return this.pendingWindow && this.heldHeight > 0 ? `min-height: ${this.heldHeight}px` : '';
    }

    /**
     * Runs `then` in the frame after the next one, before that frame is painted: the next frame paints what is
     * rendered now, alone.
     */
    private afterPaint(then: () => void): void {
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        requestAnimationFrame(() => {
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            requestAnimationFrame(then);
        });
    }

    /** The conversation's scrolling box, once rendered. */
    private get scroller(): HTMLElement | null {
        return this.template?.querySelector<HTMLElement>('.transcript__scroller') ?? null;
    }

    override renderedCallback(): void {
        this.renderedWindow = this.window;
        const target = this.scrollTarget;
        if (target) {
            this.scrollTarget = undefined;
            scrollBoxTo(this.scroller, target);
        }
    }

    showEarlier(): void {
        if (!this.atStart) {
            this.moveWindow(earlier(this.window, this.loaded.length, this.limit), anchorIn(this.scroller));
        }
    }

    showLater(): void {
        if (!this.atEnd) {
            this.moveWindow(later(this.window, this.loaded.length, this.limit), anchorIn(this.scroller));
        }
    }

    jumpToStart(): void {
        this.jump(startWindow(this.loaded.length, this.limit), { kind: 'start' }, 0);
    }

    jumpToEnd(): void {
        this.jump(endWindow(this.loaded.length, this.limit), { kind: 'end' }, this.loaded.length - 1);
    }

    /**
     * Shows the message at `position` (0 for the first), scrolled into view; a position outside the chat shows its
     * nearest end.
     */
    @api
    showMessage(position: number): void {
        const total = this.loaded.length;
        if (total === 0) {
            return;
        }
        const at = Math.min(total - 1, Math.max(0, Math.floor(Number.isFinite(position) ? position : 0)));
        // While a jump's window is still to come, a message in it is shown in that window.
        const shown = this.pendingWindow ?? this.window;
        this.jump(reveal(shown, at, total, this.limit), { kind: 'message', index: at }, at);
    }

    /**
     * Scrolling near an edge of the rendered messages brings the next ones in (one step, none while moving or while
     * a jump's window is still to come).
     */
    handleScroll(): void {
        const box = this.scroller;
        if (!box || this.scrollTarget || this.pendingWindow) {
            return;
        }
        if (box.scrollTop < EDGE && !this.atStart) {
            this.showEarlier();
        } else if (box.scrollHeight - box.scrollTop - box.clientHeight < EDGE && !this.atEnd) {
            this.showLater();
        }
    }

    /** In the conversation, Home and End go to the first and last message of the chat, not of the window. */
    handleConversationKeydown(event: KeyboardEvent): void {
        if (event.altKey || event.metaKey || event.shiftKey) {
            return;
        }
        if (event.key === 'Home') {
            event.preventDefault();
            this.jumpToStart();
        } else if (event.key === 'End') {
            event.preventDefault();
            this.jumpToEnd();
        }
    }

    handleSearchInput(event: Event): void {
        this.searchTerm = (event.target as HTMLInputElement).value;
        this.runSearch();
    }

    private runSearch(): void {
        this.matches = findMessages(this.index, this.searchTerm);
        this.matchSet = new Set(this.matches);
        this.highlights = new Map();
        this.currentMatch = this.matches.length > 0 ? 0 : -1;
        this.showCurrentMatch();
    }

    get noMatches(): boolean {
        return this.matches.length === 0;
    }

    /** "2 of 5", "No matches", or nothing while nothing is searched. */
    get matchStatus(): string {
        // Nothing to count in no messages (the next chat is loading): no "No matches" for a term kept across chats.
        if (this.searchTerm.trim().length === 0 || this.loaded.length === 0) {
            return '';
        }
        return this.noMatches ? 'No matches' : `${this.currentMatch + 1} of ${this.matches.length}`;
    }

    nextMatch(): void {
        if (!this.noMatches) {
            this.currentMatch = (this.currentMatch + 1) % this.matches.length;
            this.showCurrentMatch();
        }
    }

    previousMatch(): void {
        if (!this.noMatches) {
            this.currentMatch = (this.currentMatch - 1 + this.matches.length) % this.matches.length;
            this.showCurrentMatch();
        }
    }

    handleSearchKeydown(event: KeyboardEvent): void {
        // The Enter that confirms a word typed with an input method (Chinese, Japanese, Korean) is not a search.
        if (event.key === 'Enter' && !event.isComposing) {
            event.preventDefault();
            if (event.shiftKey) {
                this.previousMatch();
            } else {
                this.nextMatch();
            }
        }
    }

    private showCurrentMatch(): void {
        const position = this.currentMatch >= 0 ? this.matches[this.currentMatch] : undefined;
        if (position !== undefined) {
            this.showMessage(position);
        }
    }
}
