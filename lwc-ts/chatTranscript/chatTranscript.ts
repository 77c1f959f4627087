import { LightningElement, api, wire } from 'lwc';
import type { WireResult } from '@salesforce/apex';
import getChats from '@salesforce/apex/ChatTranscriptController.getChats';
import type { ChatPage, ChatSummary } from '@salesforce/apex/ChatTranscriptController.getChats';
import getTranscript from '@salesforce/apex/ChatTranscriptController.getTranscript';
import type { TranscriptMessage } from '@salesforce/apex/ChatTranscriptController.getTranscript';
import searchChats from '@salesforce/apex/ChatTranscriptController.searchChats';
import { buildIndex, findMessages, segments, windowAround, safeUrl } from 'c/transcriptSearch';
import type { TextSegment } from 'c/transcriptSearch';

const PAGE_SIZE = 20;
const SENDER_LABELS: Record<TranscriptMessage['senderType'], string> = {
    system: 'System',
    visitor: 'Visitor',
    agent: 'Agent',
    bot: 'Bot',
    note: 'Internal note'
};

interface ChatRow extends ChatSummary {
    selected: boolean;
    ariaCurrent: string;
    className: string;
    startLabel: string;
    metaLabel: string;
    hidden: boolean;
}

interface MessageRow {
    key: string;
    senderName: string;
    senderLabel: string;
    timeLabel: string;
    isNote: boolean;
    className: string;
    segments: (TextSegment & { className: string })[];
    attachmentUrl: string | null;
    attachmentText: string | null;
    translation: string | null;
}

function formatDate(value: string | null): string {
    if (!value) {
        return '';
    }
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

function formatTime(value: string | null): string {
    if (!value) {
        return '';
    }
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date.toLocaleTimeString();
}

function formatDuration(seconds: number | null): string {
    if (seconds === null) {
        return '';
    }
    const minutes = Math.floor(seconds / 60);
    return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

/**
 * The chats of a record, newest first, and the transcript of the chosen one as a conversation: sender,
 * sender type and time per message, internal notes marked, attachments as links, search within the
 * transcript (highlighted, next and previous) and across the record's chats. Very long chats stay fast:
 * only a window of messages is rendered, and searching scans an index, not the page. Chat content is
 * always rendered as text.
 */
export default class ChatTranscript extends LightningElement {
    /** The record whose chats are shown (Contact, Lead, Account, Case or Comm100 Chat). */
    @api recordId: string | undefined;

    /** How many messages are rendered at once; raise it only to compare with a full render. */
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
    currentMatch = -1;
    windowStart = 0;
    windowEnd = 0;

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
                startLabel: formatDate(chat.startTime),
                metaLabel: [
                    chat.agents,
                    formatDuration(chat.durationSeconds),
                    chat.rating === null ? '' : `Rating ${chat.rating}`,
                    chat.status
                ]
                    .filter((part): part is string => Boolean(part))
                    .join(' · ')
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
        try {
            const transcript = await getTranscript({ chatId });
            // A late answer for a chat the agent has since left changes nothing: the open chat is still loading.
            if (this.selectedChatId !== chatId) {
                return;
            }
            this.messages = transcript.messages;
            this.index = buildIndex(transcript.messages.map((m) => m.content));
            this.windowStart = 0;
            this.windowEnd = Math.min(this.windowSize, this.messages.length);
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
        const term = this.searchTerm;
        const current = this.currentMatch >= 0 ? this.matches[this.currentMatch] : -1;
        const rows: MessageRow[] = [];
        for (let i = this.windowStart; i < this.windowEnd; i++) {
            const message = this.messages[i];
            if (!message) {
                continue;
            }
            const attachmentUrl = safeUrl(message.attachmentUrl);
            const isNote = message.senderType === 'note';
            rows.push({
                key: String(i),
                senderName: message.senderName ?? '',
                senderLabel: SENDER_LABELS[message.senderType],
                timeLabel: formatTime(message.sentAt),
                isNote,
                className: `message message_${message.senderType}${i === current ? ' message_current' : ''}`,
                segments: segments(message.content, term).map((segment) => ({
                    ...segment,
                    className: segment.match ? 'message__match' : 'message__text'
                })),
                attachmentUrl,
                attachmentText: attachmentUrl === null ? message.attachmentUrl : null,
                translation: message.translation
            });
        }
        return rows;
    }

    get hasEarlier(): boolean {
        return this.windowStart > 0;
    }

    get hasLater(): boolean {
        return this.windowEnd < this.messages.length;
    }

    get windowLabel(): string {
        return `Messages ${this.windowStart + 1} to ${this.windowEnd} of ${this.messages.length}`;
    }

    showEarlier(): void {
        this.windowStart = Math.max(0, this.windowStart - this.windowSize);
    }

    showLater(): void {
        this.windowEnd = Math.min(this.messages.length, this.windowEnd + this.windowSize);
    }

    handleSearchInput(event: Event): void {
        this.searchTerm = (event.target as HTMLInputElement).value;
        this.runSearch();
    }

    private runSearch(): void {
        this.matches = findMessages(this.index, this.searchTerm);
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

    private scrollToMatch = false;

    private showCurrentMatch(): void {
        const position = this.currentMatch >= 0 ? this.matches[this.currentMatch] : undefined;
        if (position === undefined) {
            return;
        }
        this.scrollToMatch = true;
        if (position < this.windowStart || position >= this.windowEnd) {
            const window = windowAround(position, this.messages.length, this.windowSize);
            this.windowStart = window.start;
            this.windowEnd = window.end;
        }
    }

    override renderedCallback(): void {
        if (!this.scrollToMatch) {
            return;
        }
        const current = this.template?.querySelector('.message_current');
        if (current) {
            this.scrollToMatch = false;
            if (typeof current.scrollIntoView === 'function') {
                current.scrollIntoView({ block: 'nearest' });
            }
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
