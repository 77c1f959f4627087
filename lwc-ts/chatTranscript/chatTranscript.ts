import { LightningElement, api, wire } from 'lwc';
import type { WireResult } from '@salesforce/apex';
import getChats from '@salesforce/apex/ChatTranscriptController.getChats';
import type { ChatPage, ChatSummary } from '@salesforce/apex/ChatTranscriptController.getChats';
import getTranscript from '@salesforce/apex/ChatTranscriptController.getTranscript';
import type { TranscriptMessage } from '@salesforce/apex/ChatTranscriptController.getTranscript';
import searchChats from '@salesforce/apex/ChatTranscriptController.searchChats';
import { buildIndex, findMessages, highlightRanges } from 'c/transcriptSearch';
import type { TextRange } from 'c/transcriptSearch';
import { earlier, endWindow, later, reveal, startWindow, windowSize } from 'c/transcriptWindow';
import type { MessageWindow } from 'c/transcriptWindow';
import { formatDateTime, formatDuration } from 'c/transcriptFormat';

const PAGE_SIZE = 20;
/** How close (in pixels) to an edge of the conversation scrolling brings the next messages in. */
const EDGE = 160;
const NO_RANGES: readonly TextRange[] = Object.freeze([]);

interface ChatRow extends ChatSummary {
    selected: boolean;
    ariaCurrent: string;
    className: string;
    startLabel: string;
    /** Agents, duration, rating and status, each isolated (an agent's name may be in any script). */
    metaParts: MetaPart[];
    hidden: boolean;
}

interface MetaPart {
    key: string;
    text: string;
    separated: boolean;
}

interface MessageRow {
    key: string;
    index: number;
    message: TranscriptMessage;
    highlights: readonly TextRange[];
    current: boolean;
}

/** The text of a bookend: what happened, who (isolated, since a name may be in any script) and when. */
interface Bookend {
    opening: string;
    name: string;
    time: string;
}

function separated(text: string): string {
    return text ? ` • ${text}` : '';
}

/**
 * Where the conversation scrolls once a moved window is rendered: back to the message that was in view (at the
 * same distance from the top, so nothing seems to move), to the first or last message, or to a given one.
 */
type ScrollTarget =
    | { kind: 'anchor'; index: number; offset: number }
    | { kind: 'start' }
    | { kind: 'end' }
    | { kind: 'message'; index: number };

/**
 * The chats of a record, newest first, and the transcript of the chosen one as a conversation in the SLDS chat
 * layout (each message a `c-transcript-message`), with search within the transcript (highlighted, next and
 * previous) and across the record's chats. A chat of any length stays fast: the page holds a window of at most
 * 200 messages, which slides as the reader scrolls or asks for earlier or later messages and jumps to the start,
 * the end, a match or a given message, keeping what is read in place; searching scans a folded index, not the
 * page. Chat content is always rendered as text.
 */
export default class ChatTranscript extends LightningElement {
    /** The record whose chats are shown (Contact, Lead, Account, Case or Comm100 Chat). */
    @api recordId: string | undefined;

    /** How many messages are rendered at most (10 to 200); scrolling slides this window by half of it. */
    @api windowSize = 30;

    chats: ChatSummary[] = [];
    nextCursor: string | null = null;
    listError: unknown;
    loadingMore = false;
    listLoaded = false;

    selectedChatId: string | undefined;
    messages: TranscriptMessage[] = [];
    private index: string[] = [];
    transcriptError: unknown;
    loadingTranscript = false;

    searchTerm = '';
    matches: number[] = [];
    private matchSet = new Set<number>();
    /** The highlights of each matching message for the current term, computed once per message and term. */
    private highlights = new Map<number, readonly TextRange[]>();
    currentMatch = -1;
    window: MessageWindow = { start: 0, end: 0 };
    private scrollTarget: ScrollTarget | undefined;

    allChatsTerm = '';
    matchingChatIds: Set<string> | undefined;
    searchError: unknown;

    @wire(getChats, { recordId: '$recordId', pageSize: PAGE_SIZE, cursor: null })
    wiredChats(result: WireResult<ChatPage>): void {
        if (result.data) {
            this.chats = result.data.chats;
            this.nextCursor = result.data.nextCursor;
            this.listError = undefined;
            this.listLoaded = true;
            if (!this.selectedChatId && this.chats[0]) {
                this.openChat(this.chats[0].id);
            }
        } else if (result.error) {
            this.listError = result.error;
            this.listLoaded = true;
        }
    }

    get isLoadingList(): boolean {
        return !this.listLoaded;
    }

    get hasChats(): boolean {
        return this.chats.length > 0;
    }

    get isEmpty(): boolean {
        return this.listLoaded && !this.listError && this.chats.length === 0;
    }

    get hasMore(): boolean {
        return this.nextCursor !== null;
    }

    get chatRows(): ChatRow[] {
        return this.chats.map((chat) => {
            const selected = chat.id === this.selectedChatId;
            const hidden = this.matchingChatIds !== undefined && !this.matchingChatIds.has(chat.id);
            return {
                ...chat,
                selected,
                hidden,
                ariaCurrent: selected ? 'true' : 'false',
                className: `slds-button chat-list__item${selected ? ' chat-list__item_selected' : ''}`,
                startLabel: formatDateTime(chat.startTime),
                metaParts: [
                    chat.agents,
                    formatDuration(chat.durationSeconds),
                    chat.rating === null ? '' : `Rating ${chat.rating}`,
                    chat.status
                ]
                    .filter((part): part is string => Boolean(part))
                    .map((text, i) => ({ key: String(i), text, separated: i > 0 }))
            };
        });
    }

    get visibleChatRows(): ChatRow[] {
        return this.chatRows.filter((row) => !row.hidden);
    }

    get allChatsSummary(): string {
        if (this.matchingChatIds === undefined) {
            return '';
        }
        const count = this.matchingChatIds.size;
        return count === 1 ? '1 chat mentions it' : `${count} chats mention it`;
    }

    async loadMore(): Promise<void> {
        if (!this.nextCursor || this.loadingMore) {
            return;
        }
        this.loadingMore = true;
        try {
            const page = await getChats({ recordId: this.recordId, pageSize: PAGE_SIZE, cursor: this.nextCursor });
            this.chats = [...this.chats, ...page.chats];
            this.nextCursor = page.nextCursor;
            this.listError = undefined;
        } catch (error) {
            this.listError = error;
        } finally {
            this.loadingMore = false;
        }
    }

    handleChatClick(event: Event): void {
        const chatId = (event.currentTarget as HTMLElement).dataset.id;
        if (chatId) {
            this.openChat(chatId);
        }
    }

    private openChat(chatId: string): void {
        this.selectChat(chatId).catch((error: unknown) => {
            this.transcriptError = error;
        });
    }

    async selectChat(chatId: string): Promise<void> {
        this.selectedChatId = chatId;
        this.loadingTranscript = true;
        this.transcriptError = undefined;
        this.messages = [];
        this.index = [];
        this.window = { start: 0, end: 0 };
        try {
            const transcript = await getTranscript({ chatId });
            // A late answer for a chat the agent has since left changes nothing: the open chat is still loading.
            if (this.selectedChatId !== chatId) {
                return;
            }
            this.messages = transcript.messages;
            this.index = buildIndex(transcript.messages.map((m) => m.content));
            this.moveWindow(startWindow(this.messages.length, this.limit), { kind: 'start' });
            this.runSearch();
        } catch (error) {
            if (this.selectedChatId === chatId) {
                this.transcriptError = error;
            }
        } finally {
            if (this.selectedChatId === chatId) {
                this.loadingTranscript = false;
            }
        }
    }

    /** The window size in use: the configured one, within 10 to 200. */
    private get limit(): number {
        return windowSize(this.windowSize);
    }

    get hasTranscript(): boolean {
        return this.messages.length > 0;
    }

    get transcriptIsEmpty(): boolean {
        return (
            !this.loadingTranscript &&
            !this.transcriptError &&
            this.selectedChatId !== undefined &&
            this.messages.length === 0
        );
    }

    get messageRows(): MessageRow[] {
        const current = this.currentMatch >= 0 ? this.matches[this.currentMatch] : -1;
        const rows: MessageRow[] = [];
        for (let i = this.window.start; i < this.window.end; i++) {
            const message = this.messages[i];
            if (message) {
                rows.push({
                    key: String(i),
                    index: i,
                    message,
                    highlights: this.highlightsOf(i, message),
                    current: i === current
                });
            }
        }
        return rows;
    }

    private highlightsOf(index: number, message: TranscriptMessage): readonly TextRange[] {
        if (!this.matchSet.has(index)) {
            return NO_RANGES;
        }
        let ranges = this.highlights.get(index);
        if (!ranges) {
            ranges = highlightRanges(message.content, this.searchTerm);
            this.highlights.set(index, ranges);
        }
        return ranges;
    }

    private get selectedChat(): ChatSummary | undefined {
        return this.chats.find((chat) => chat.id === this.selectedChatId);
    }

    /** The first message of the chat is rendered: the conversation opens with its bookend. */
    get atStart(): boolean {
        return this.window.start === 0;
    }

    get atEnd(): boolean {
        return this.window.end >= this.messages.length;
    }

    get hasEarlier(): boolean {
        return !this.atStart;
    }

    get hasLater(): boolean {
        return !this.atEnd;
    }

    /** "Chat started by <visitor> • <date>", in parts: the visitor's name is isolated and bold. */
    get startBookend(): Bookend {
        const chat = this.selectedChat;
        const offline = chat?.kind === 'Offline Message';
        const name = chat?.visitorName?.trim() ?? '';
        const opening = offline ? 'Offline message' : 'Chat started';
        return {
            opening: name ? `${opening} ${offline ? 'from' : 'by'} ` : opening,
            name,
            time: separated(formatDateTime(chat?.startTime))
        };
    }

    get endBookend(): Bookend {
        const ended = formatDateTime(this.selectedChat?.endTime);
        return ended
            ? { opening: 'Chat ended', name: '', time: separated(ended) }
            : { opening: 'End of the transcript', name: '', time: '' };
    }

    get windowLabel(): string {
        return `Messages ${this.window.start + 1} to ${this.window.end} of ${this.messages.length}`;
    }

    /**
     * Renders `next` and, once it is rendered, scrolls the conversation to `target`; when the window does not
     * change, scrolls at once.
     */
    private moveWindow(next: MessageWindow, target: ScrollTarget): void {
        if (next.start === this.window.start && next.end === this.window.end) {
            this.scrollTo(target);
        } else {
            this.scrollTarget = target;
            this.window = next;
        }
    }

    /** The conversation's scrolling box, once rendered. */
    private get scroller(): HTMLElement | null {
        return this.template?.querySelector<HTMLElement>('.transcript__scroller') ?? null;
    }

    /**
     * The first message at least partly in view, and how far its top is below the top of the box: after the
     * window moves, the box scrolls so that this message is exactly there again.
     */
    private anchor(): ScrollTarget {
        const box = this.scroller;
        const top = box?.getBoundingClientRect().top ?? 0;
        const items = box ? Array.from(box.querySelectorAll<HTMLElement>('[data-index]')) : [];
        const visible = items.find((item) => item.getBoundingClientRect().bottom > top) ?? items[0];
        if (!visible) {
            return { kind: 'start' };
        }
        return {
            kind: 'anchor',
            index: Number(visible.dataset.index),
            offset: visible.getBoundingClientRect().top - top
        };
    }

    showEarlier(): void {
        if (this.hasEarlier) {
            this.moveWindow(earlier(this.window, this.messages.length, this.limit), this.anchor());
        }
    }

    showLater(): void {
        if (this.hasLater) {
            this.moveWindow(later(this.window, this.messages.length, this.limit), this.anchor());
        }
    }

    jumpToStart(): void {
        this.moveWindow(startWindow(this.messages.length, this.limit), { kind: 'start' });
    }

    jumpToEnd(): void {
        this.moveWindow(endWindow(this.messages.length, this.limit), { kind: 'end' });
    }

    /**
     * Shows the message at `position` (0 for the first) of the open chat, scrolled into view; a position outside
     * the chat shows its nearest end.
     */
    @api
    showMessage(position: number): void {
        const total = this.messages.length;
        if (total === 0) {
            return;
        }
        const at = Math.min(total - 1, Math.max(0, Math.floor(Number.isFinite(position) ? position : 0)));
        this.moveWindow(reveal(this.window, at, total, this.limit), { kind: 'message', index: at });
    }

    /** Scrolling near an edge of the rendered messages brings the next ones in (one step, none while moving). */
    handleScroll(): void {
        const box = this.scroller;
        if (!box || this.scrollTarget) {
            return;
        }
        if (box.scrollTop < EDGE && this.hasEarlier) {
            this.showEarlier();
        } else if (box.scrollHeight - box.scrollTop - box.clientHeight < EDGE && this.hasLater) {
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

    get hasSearch(): boolean {
        return this.searchTerm.trim().length > 0;
    }

    get matchLabel(): string {
        if (this.matches.length === 0) {
            return 'No matches';
        }
        return `${this.currentMatch + 1} of ${this.matches.length}`;
    }

    get noMatches(): boolean {
        return this.matches.length === 0;
    }

    get matchStatus(): string {
        return this.hasSearch ? this.matchLabel : '';
    }

    nextMatch(): void {
        if (this.matches.length > 0) {
            this.currentMatch = (this.currentMatch + 1) % this.matches.length;
            this.showCurrentMatch();
        }
    }

    previousMatch(): void {
        if (this.matches.length > 0) {
            this.currentMatch = (this.currentMatch - 1 + this.matches.length) % this.matches.length;
            this.showCurrentMatch();
        }
    }

    handleSearchKeydown(event: KeyboardEvent): void {
        if (event.key === 'Enter') {
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

    override renderedCallback(): void {
        const target = this.scrollTarget;
        if (target) {
            this.scrollTarget = undefined;
            this.scrollTo(target);
        }
    }

    private scrollTo(target: ScrollTarget): void {
        const box = this.scroller;
        if (!box) {
            return;
        }
        if (target.kind === 'start') {
            box.scrollTop = 0;
            return;
        }
        if (target.kind === 'end') {
            box.scrollTop = box.scrollHeight;
            return;
        }
        const item = box.querySelector<HTMLElement>(`[data-index="${target.index}"]`);
        if (item && target.kind === 'anchor') {
            box.scrollTop += item.getBoundingClientRect().top - box.getBoundingClientRect().top - target.offset;
        } else if (item && typeof item.scrollIntoView === 'function') {
            item.scrollIntoView({ block: 'nearest' });
        }
    }

    handleAllChatsInput(event: Event): void {
        this.allChatsTerm = (event.target as HTMLInputElement).value;
    }

    async searchAllChats(): Promise<void> {
        const term = this.allChatsTerm.trim();
        if (term.length < 2) {
            this.matchingChatIds = undefined;
            return;
        }
        try {
            const ids = await searchChats({ recordId: this.recordId, term });
            this.matchingChatIds = new Set(ids);
            this.searchError = undefined;
        } catch (error) {
            this.searchError = error;
        }
    }

    handleAllChatsKeydown(event: KeyboardEvent): void {
        if (event.key === 'Enter') {
            event.preventDefault();
            this.searchAllChats().catch((error: unknown) => {
                this.searchError = error;
            });
        }
    }

    clearAllChatsSearch(): void {
        this.allChatsTerm = '';
        this.matchingChatIds = undefined;
    }
}
