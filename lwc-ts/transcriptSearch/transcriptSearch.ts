/**
 * Fast, DOM-free helpers for long transcripts: a lower-cased search index built once per transcript,
 * the messages that contain a term, the text of one message split into matched and unmatched parts
 * (rendered as text nodes, never as markup), and the window of messages to render around a position.
 */

/** A run of message text, marked when it matches the search term. */
export interface TextSegment {
    key: string;
    text: string;
    match: boolean;
}

/** The first and last-plus-one index of the messages to render. */
export interface MessageWindow {
    start: number;
    end: number;
}

/** Lower-cased contents, built once per transcript so that every search is a plain scan. */
export function buildIndex(contents: readonly (string | null)[]): string[] {
    return contents.map((content) => (content ?? '').toLowerCase());
}

/** The indexes of the messages that contain the term (case-insensitive); none for a blank term. */
export function findMessages(index: readonly string[], term: string): number[] {
    const needle = term.trim().toLowerCase();
    if (needle.length === 0) {
        return [];
    }
    const found: number[] = [];
    for (let i = 0; i < index.length; i++) {
        if ((index[i] ?? '').includes(needle)) {
            found.push(i);
        }
    }
    return found;
}

/** The text split around every occurrence of the term, for highlighting. */
export function segments(text: string | null, term: string): TextSegment[] {
    const value = text ?? '';
    const needle = term.trim().toLowerCase();
    if (needle.length === 0 || value.length === 0) {
        return [{ key: '0', text: value, match: false }];
    }
    const lower = value.toLowerCase();
    const parts: TextSegment[] = [];
    let position = 0;
    let found = lower.indexOf(needle, position);
    while (found !== -1) {
        if (found > position) {
            parts.push({ key: String(parts.length), text: value.slice(position, found), match: false });
        }
        parts.push({ key: String(parts.length), text: value.slice(found, found + needle.length), match: true });
        position = found + needle.length;
        found = lower.indexOf(needle, position);
    }
    if (position < value.length) {
        parts.push({ key: String(parts.length), text: value.slice(position), match: false });
    }
    return parts;
}

/** A window of at most `size` messages that contains `position`, kept within the transcript. */
export function windowAround(position: number, total: number, size: number): MessageWindow {
    if (total <= size) {
        return { start: 0, end: total };
    }
    const half = Math.floor(size / 2);
    const start = Math.max(0, Math.min(position - half, total - size));
    return { start, end: start + size };
}

/** Only http(s) links are links; anything else (javascript:, data:) is not. */
export function safeUrl(url: string | null): string | null {
    if (!url) {
        return null;
    }
    try {
        const parsed = new URL(url);
        return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
    } catch {
        return null;
    }
}
