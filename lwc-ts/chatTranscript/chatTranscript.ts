import { LightningElement, api, wire } from 'lwc';
import type { WireResult } from '@salesforce/apex';
import getChats from '@salesforce/apex/ChatTranscriptController.getChats';
import type { ChatPage, ChatSummary } from '@salesforce/apex/ChatTranscriptController.getChats';
import getTranscript from '@salesforce/apex/ChatTranscriptController.getTranscript';
import searchChats from '@salesforce/apex/ChatTranscriptController.searchChats';
import { ChatMessages } from 'c/transcriptConversation';

const PAGE_SIZE = 20;
const NO_MESSAGES = new ChatMessages([]);
/** The shortest term the search across chats answers (ChatTranscriptController.searchChats). */
const MIN_TERM = 2;

/** What c-transcript-conversation offers its parent. */
interface Conversation extends HTMLElement {
    showMessage(position: number): void;
}

/**
 * The Comm100 chats of a record, newest first, and the transcript of the chosen one as a conversation. The viewer
 * only loads: the record's chats a page at a time (getChats), the chats that mention a term (searchChats) and the
 * chosen chat's transcript (getTranscript), and hands them to its parts: the list of chats
 * (c-transcript-chat-list) and the conversation with its search, window and jumps (c-transcript-conversation).
 * Chat content is always rendered as text.
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
    /** The open chat's messages, passed to the conversation as they came (see ChatMessages). */
    messages: ChatMessages = NO_MESSAGES;
    transcriptError: unknown;
    loadingTranscript = false;

    matchingChatIds: string[] | undefined;
    searchError: unknown;
    /** The latest search across chats: an answer to an earlier one (or to one since cleared) changes nothing. */
    private searchRequest = 0;
    /** The record the chats shown belong to: chats of another record start everything afresh. */
    private chatsOf: string | undefined;

    @wire(getChats, { recordId: '$recordId', pageSize: PAGE_SIZE, cursor: null })
    wiredChats(result: WireResult<ChatPage>): void {
        if (result.data) {
            if (this.chatsOf !== this.recordId) {
                this.startAfresh();
            }
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

    /** Another record (the same page showing the next record): nothing of the last one stays. */
    private startAfresh(): void {
        this.chatsOf = this.recordId;
        this.selectedChatId = undefined;
        this.messages = NO_MESSAGES;
        this.transcriptError = undefined;
        this.loadingTranscript = false;
        this.loadingMore = false;
        this.handleClearSearch();
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

    get selectedChat(): ChatSummary | undefined {
        return this.chats.find((chat) => chat.id === this.selectedChatId);
    }

    get transcriptIsEmpty(): boolean {
        return (
            !this.loadingTranscript &&
            !this.transcriptError &&
            this.selectedChatId !== undefined &&
            this.messages.messages.length === 0
        );
    }

    async loadMore(): Promise<void> {
        if (!this.nextCursor || this.loadingMore) {
            return;
        }
        this.loadingMore = true;
        const recordId = this.recordId;
        try {
            const page = await getChats({ recordId, pageSize: PAGE_SIZE, cursor: this.nextCursor });
            // A page of the record shown before changes nothing.
            if (recordId !== this.recordId) {
                return;
            }
            this.chats = [...this.chats, ...page.chats];
            this.nextCursor = page.nextCursor;
            this.listError = undefined;
        } catch (error) {
            if (recordId === this.recordId) {
                this.listError = error;
            }
        } finally {
            if (recordId === this.recordId) {
                this.loadingMore = false;
            }
        }
    }

    handleSelect(event: CustomEvent<{ chatId: string }>): void {
        this.openChat(event.detail.chatId);
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
        this.messages = NO_MESSAGES;
        try {
            const transcript = await getTranscript({ chatId });
            // A late answer for a chat the agent has since left changes nothing: the open chat is still loading.
            if (this.selectedChatId === chatId) {
                this.messages = new ChatMessages(transcript.messages);
            }
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

    /**
     * Shows the message at `position` (0 for the first) of the open chat, scrolled into view; a position outside
     * the chat shows its nearest end.
     */
    @api
    showMessage(position: number): void {
        this.template?.querySelector<Conversation>('c-transcript-conversation')?.showMessage(position);
    }

    async handleSearch(event: CustomEvent<{ term: string }>): Promise<void> {
        const term = event.detail.term.trim();
        if (term.length < MIN_TERM) {
            this.handleClearSearch();
            return;
        }
        const request = ++this.searchRequest;
        try {
            const ids = await searchChats({ recordId: this.recordId, term });
            if (request === this.searchRequest) {
                this.matchingChatIds = ids;
                this.searchError = undefined;
            }
        } catch (error) {
            if (request === this.searchRequest) {
                this.searchError = error;
            }
        }
    }

    handleClearSearch(): void {
        this.searchRequest++;
        this.matchingChatIds = undefined;
        this.searchError = undefined;
    }
}
