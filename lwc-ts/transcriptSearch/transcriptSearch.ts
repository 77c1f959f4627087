/**
 * Fast, DOM-free search for transcripts in any script. Text is compared folded: invisible format characters
 * (zero-width space, non-joiner and joiner, word joiner, byte order mark, soft hyphen, bidi marks and
 * isolates, emoji variation selectors) are ignored, and both sides are in Unicode NFC and lower case, so
 * "zerowidth" finds "zero\u200Bwidth" and a decomposed "e\u0301" finds "é". The index of a transcript is
 * folded once; the ranges to highlight in a rendered message always cover whole grapheme clusters (what a
 * reader sees as one character: an emoji ZWJ sequence, a letter with its combining marks), so a highlight
 * never splits one. Text stays text: segments are rendered as text nodes, never as markup.
 */

/** A run of message text, marked when it matches the search term. */
export interface TextSegment {
    key: string;
    text: string;
    match: boolean;
}

/** A range of a message's text (UTF-16 offsets, end exclusive) to highlight. */
export interface TextRange {
    start: number;
    end: number;
}

/** Characters that are not seen but may sit inside a word: search ignores them. */
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]|\uFE0E|\uFE0F/g;
/** Any UTF-16 code unit outside ASCII: text without one folds and highlights the simple way. */
const NOT_ASCII = /[\u0080-\uFFFF]/;

/**
 * The text as search compares it: without invisible characters, NFC, lower case (a final sigma as any sigma,
 * so that a word folds the same alone and in a sentence).
 */
export function foldText(text: string): string {
    if (!NOT_ASCII.test(text)) {
        return text.toLowerCase();
    }
    return text.replace(INVISIBLE, '').normalize('NFC').toLowerCase().replace(/ς/g, 'σ').normalize('NFC');
}

/** The search term as compared: trimmed and folded; empty when nothing visible is left. */
export function foldTerm(term: string): string {
    return foldText(term.trim()).trim();
}

/** Folded contents, built once per transcript so that every search is a plain scan. */
export function buildIndex(contents: readonly (string | null)[]): string[] {
    return contents.map((content) => foldText(content ?? ''));
}

/** The indexes of the messages that contain the term; none for a blank term. */
export function findMessages(index: readonly string[], term: string): number[] {
    const needle = foldTerm(term);
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

type Segmenter = (text: string) => Iterable<{ segment: string; index: number }>;

function graphemeSegmenter(): Segmenter {
    if (typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function') {
        const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
        return (text) => segmenter.segment(text);
    }
    // Without Intl.Segmenter, code points: never splits a surrogate pair, may split a cluster.
    return function* codePoints(text: string) {
        let index = 0;
        for (const segment of text) {
            yield { segment, index };
            index += segment.length;
        }
    };
}

let segmentGraphemes: Segmenter | undefined;

/** Every start of `needle` in `haystack`, left to right, without overlaps. */
function occurrences(haystack: string, needle: string): number[] {
    const found: number[] = [];
    let at = haystack.indexOf(needle);
    while (at !== -1) {
        found.push(at);
        at = haystack.indexOf(needle, at + needle.length);
    }
    return found;
}

/** The last i with starts[i] <= offset (starts ascending, starts[0] = 0). */
function lastAtOrBefore(starts: readonly number[], offset: number): number {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((starts[middle] ?? 0) <= offset) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    return low;
}

/**
 * The ranges of `text` to highlight for `term`: every match, widened to whole grapheme clusters, in order;
 * matches that fall in the same cluster become one range.
 */
export function highlightRanges(text: string | null, term: string): TextRange[] {
    const value = text ?? '';
    const needle = foldTerm(term);
    if (needle.length === 0 || value.length === 0) {
        return [];
    }
    if (!NOT_ASCII.test(value)) {
        return occurrences(value.toLowerCase(), needle).map((start) => ({ start, end: start + needle.length }));
    }
    segmentGraphemes ??= graphemeSegmenter();
    // The folded text, cluster by cluster: where each cluster starts in the folded text and in the original.
    let folded = '';
    const foldedStarts: number[] = [];
    const originalStarts: number[] = [];
    for (const { segment, index } of segmentGraphemes(value)) {
        foldedStarts.push(folded.length);
        originalStarts.push(index);
        folded += foldText(segment);
    }
    originalStarts.push(value.length);
    const ranges: TextRange[] = [];
    for (const at of occurrences(folded, needle)) {
        const first = lastAtOrBefore(foldedStarts, at);
        const last = lastAtOrBefore(foldedStarts, at + needle.length - 1);
        const range = { start: originalStarts[first] ?? 0, end: originalStarts[last + 1] ?? value.length };
        const previous = ranges[ranges.length - 1];
        if (previous && range.start < previous.end) {
            previous.end = Math.max(previous.end, range.end);
        } else {
            ranges.push(range);
        }
    }
    return ranges;
}

/** The text split at the given ranges (ascending, not overlapping), for highlighting. */
export function segmentsOf(text: string | null, ranges: readonly TextRange[]): TextSegment[] {
    const value = text ?? '';
    const parts: TextSegment[] = [];
    let position = 0;
    for (const { start, end } of ranges) {
        if (start > position) {
            parts.push({ key: String(parts.length), text: value.slice(position, start), match: false });
        }
        parts.push({ key: String(parts.length), text: value.slice(start, end), match: true });
        position = end;
    }
    if (position < value.length || parts.length === 0) {
        parts.push({ key: String(parts.length), text: value.slice(position), match: false });
    }
    return parts;
}

/** The text split around every match of the term, for highlighting. */
export function segments(text: string | null, term: string): TextSegment[] {
    return segmentsOf(text, highlightRanges(text, term));
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
