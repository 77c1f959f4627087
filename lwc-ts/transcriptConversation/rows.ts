// The rows of the rendered window, each message with its highlights for the searched term.
import type { TranscriptMessage } from '@salesforce/apex/ChatTranscriptController.getTranscript';
import { highlightRanges } from 'c/transcriptSearch';
import type { TextRange } from 'c/transcriptSearch';
import type { MessageWindow } from 'c/transcriptWindow';

const NO_RANGES: readonly TextRange[] = Object.freeze([]);

/** What the conversation hands one c-transcript-message. */
export interface MessageRow {
    key: string;
    index: number;
    message: TranscriptMessage;
    highlights: readonly TextRange[];
    current: boolean;
}

/** The search state the rows are highlighted with. */
export interface Highlighting {
    term: string;
    /** The positions of the messages that match `term`. */
    matches: ReadonlySet<number>;
    /** The position of the current match, or -1. */
    current: number;
    /** The highlights computed so far for `term`, by position: each message's are computed once. */
    cache: Map<number, readonly TextRange[]>;
}

/** The rows of `window` over `messages`; a message that does not match gets no highlights and costs no work. */
export function windowRows(
    messages: readonly TranscriptMessage[],
    window: MessageWindow,
    highlighting: Highlighting
): MessageRow[] {
    const { term, matches, current, cache } = highlighting;
    const rows: MessageRow[] = [];
    for (let i = window.start; i < window.end; i++) {
        const message = messages[i];
        if (message) {
            let highlights = matches.has(i) ? cache.get(i) : NO_RANGES;
            if (!highlights) {
                highlights = highlightRanges(message.content, term);
                cache.set(i, highlights);
            }
            rows.push({ key: String(i), index: i, message, highlights, current: i === current });
        }
    }
    return rows;
}
