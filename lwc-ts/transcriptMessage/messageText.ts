/**
 * The pure parts of c-transcript-message, DOM-free: the runs of a message's text to render (plain or highlighted),
 * where a long message folds, and a sender's initials. Every cut falls between grapheme clusters (what a reader sees
 * as one character), so nothing here ever shows half an emoji sequence or half a surrogate pair.
 */
import { resolveLocale } from 'c/transcriptFormat';

/** A run of the message text to highlight: UTF-16 offsets into the text, `end` excluded. */
export interface TextRange {
    start: number;
    end: number;
}

/** A run of the message text, highlighted or not; always rendered as a text node. */
export interface Segment {
    key: string;
    text: string;
    match: boolean;
}

/** Where a message folds: the text before `end` is shown; `hidden` highlights lie wholly after it. */
export interface Fold {
    end: number;
    hidden: number;
}

/** A message whose text is longer than this many UTF-16 code units shows only its beginning until unfolded. */
export const FOLD_LIMIT = 1000;

/** How far back from the limit a fold looks for whitespace to cut at, rather than inside a word. */
const WORD_REACH = 200;

/**
 * How far before the whitespace search a fold starts reading graphemes: the cut only needs the boundaries near the
 * limit. Reading a long text from its start cost milliseconds per render; a grapheme cluster of real text is far
 * shorter than this, so the boundaries found near the limit are the text's own (only a cluster of more than
 * LOOKBACK + 200 code units, such as stacked combining marks, could be cut inside).
 */
const LOOKBACK = 256;

/** How many long texts' fold and character count are remembered (a jump renders the same messages again). */
const REMEMBERED = 200;

/** The answer for a long text, computed once while it is among the last REMEMBERED texts asked about. */
function remembered<T>(cache: Map<string, T>, text: string, compute: (text: string) => T): T {
    let answer = cache.get(text);
    if (answer === undefined) {
        answer = compute(text);
        if (cache.size >= REMEMBERED) {
            cache.clear();
        }
        cache.set(text, answer);
    }
    return answer;
}

const foldEnds = new Map<string, number>();
const characterCounts = new Map<string, number>();
const initials = new Map<string, string>();

type Graphemes = (text: string) => Iterable<{ segment: string; index: number }>;

let graphemes: Graphemes | undefined;

function segmentGraphemes(text: string): Iterable<{ segment: string; index: number }> {
    if (!graphemes) {
        if (typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function') {
            const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
            graphemes = (value) => segmenter.segment(value);
        } else {
            // Without Intl.Segmenter, code points: never splits a surrogate pair, may split a cluster.
            graphemes = function* codePoints(value: string) {
                let index = 0;
                for (const segment of value) {
                    yield { segment, index };
                    index += segment.length;
                }
            };
        }
    }
    return graphemes(text);
}

/**
 * The ranges as usable on a text of the given length: clamped to it, sorted, merged where they overlap; empty,
 * reversed or non-numeric ranges dropped. Ranges are otherwise used exactly as given (the viewer puts them on
 * grapheme boundaries).
 */
export function normalizeRanges(ranges: readonly TextRange[], length: number): TextRange[] {
    const usable = ranges
        .map((r) => ({ start: Math.max(0, Math.min(r.start, length)), end: Math.min(r.end, length) }))
        .filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.end > r.start)
        .sort((a, b) => a.start - b.start);
    const merged: TextRange[] = [];
    for (const range of usable) {
        const last = merged[merged.length - 1];
        if (last && range.start < last.end) {
            last.end = Math.max(last.end, range.end);
        } else {
            merged.push(range);
        }
    }
    return merged;
}

/** The first `end` code units of the text in plain and highlighted runs (ranges normalized); highlights after it are left out. */
export function segmentsOf(text: string, ranges: readonly TextRange[], end: number = text.length): Segment[] {
    const segments: Segment[] = [];
    const push = (from: number, to: number, match: boolean): void => {
        segments.push({ key: `${segments.length}`, text: text.slice(from, to), match });
    };
    let position = 0;
    for (const range of ranges) {
        if (range.start >= end) {
            break;
        }
        if (range.start > position) {
            push(position, range.start, false);
        }
        push(range.start, Math.min(range.end, end), true);
        position = Math.min(range.end, end);
    }
    if (position < end || segments.length === 0) {
        push(position, end, false);
    }
    return segments;
}

/**
 * Where a text longer than `limit` is cut, ignoring highlights: at the last whitespace among the final ~200
 * characters before the limit (the whitespace left out), else at the last grapheme boundary at or before the limit.
 * The text's length when it is not longer than the limit, or when its first grapheme alone is.
 */
export function foldEnd(text: string, limit: number = FOLD_LIMIT): number {
    if (text.length <= limit) {
        return text.length;
    }
    return limit === FOLD_LIMIT ? remembered(foldEnds, text, (value) => cutOf(value, limit)) : cutOf(text, limit);
}

function cutOf(text: string, limit: number): number {
    // Whether the limit is a boundary depends on the code point after it, which may take two code units.
    const from = Math.max(0, limit - WORD_REACH - LOOKBACK);
    const near = text.slice(from, limit + 2);
    let boundary = 0;
    let space = -1;
    for (const { segment, index: at } of segmentGraphemes(near)) {
        const index = from + at;
        if (index > limit) {
            break;
        }
        boundary = index;
        if (index < limit && index >= limit - WORD_REACH && /^\s+$/u.test(segment)) {
            space = index;
        }
    }
    const beforeSpace = space > 0 ? text.slice(0, space).trimEnd().length : 0;
    if (beforeSpace > 0) {
        return beforeSpace;
    }
    return boundary > 0 ? boundary : text.length;
}

/**
 * Where the text folds with these highlights (normalized): a highlight across the cut is shown whole (the cut moves
 * to its end); those after the cut are counted as hidden. `end` is the text's length when nothing is hidden.
 */
export function foldOf(text: string, ranges: readonly TextRange[], limit: number = FOLD_LIMIT): Fold {
    let end = foldEnd(text, limit);
    for (const range of ranges) {
        if (range.start < end && range.end > end) {
            end = range.end;
        }
    }
    if (end >= text.length) {
        return { end: text.length, hidden: 0 };
    }
    return { end, hidden: ranges.filter((range) => range.start >= end).length };
}

/** The number of characters a reader would count, near enough: code points, so an emoji is never two. */
export function characterCount(text: string): number {
    return text.length > FOLD_LIMIT ? remembered(characterCounts, text, countCodePoints) : countCodePoints(text);
}

function countCodePoints(text: string): number {
    let count = 0;
    for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        const low = unit >= 0xdc00 && unit <= 0xdfff;
        const previous = i > 0 ? text.charCodeAt(i - 1) : 0;
        if (!(low && previous >= 0xd800 && previous <= 0xdbff)) {
            count++;
        }
    }
    return count;
}

/** The last part of a web address's path, decoded, as the attachment's name; the host when the path has none. */
export function fileName(url: string): string {
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
 * The fold button's label while folded: "Show the whole message (60,000 characters)", and " · 3 more matches" when
 * highlights are hidden; numbers in the given locale (a Salesforce locale such as en_US is read as en-US).
 */
export function foldLabel(text: string, hidden: number, locale: string): string {
    const number = new Intl.NumberFormat(resolveLocale(locale));
    const matches = hidden === 0 ? '' : ` · ${number.format(hidden)} more ${hidden === 1 ? 'match' : 'matches'}`;
    return `Show the whole message (${number.format(characterCount(text))} characters)${matches}`;
}

/** A grapheme that can stand for a word: it starts with a letter, a digit, an emoji or a flag. */
const MARK = /^[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
/** Scripts whose names are written without spaces and whose one character fills a small avatar. */
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Scripts whose letters join: initials are kept apart (by a zero-width non-joiner) so each keeps its own shape. */
const JOINING = /^[\p{Script=Arabic}\p{Script=Syriac}]/u;
/** Bracketed parts of a name, such as "(Support)" or "[Tier 2]": not part of the person's name. */
const BRACKETED = /\([^)]*\)|\[[^\]]*\]|\{[^}]*\}|<[^>]*>/gu;

/** The word's first grapheme that can stand for it, upper-cased where that keeps it one grapheme; '' if none. */
function markOf(word: string): string {
    // The Arabic article al- ("ال") is read past, as initials of Arabic names usually are.
    const stem = /^ال\p{L}/u.test(word) ? word.slice(2) : word;
    for (const { segment } of segmentGraphemes(stem)) {
        if (MARK.test(segment)) {
            const upper = segment.toUpperCase();
            return upper.length === segment.length ? upper : segment;
        }
    }
    return '';
}

/**
 * At most two graphemes standing for a name, for an avatar: the first and last words' first letters ("Maria Lopez
 * Garcia" → "MG", "Ana" → "A", "דוד לוי" → "דל"); one character for Chinese, Japanese or Korean names ("王小明" →
 * "王"); bracketed parts ignored; `fallback` when the name has nothing to show (blank, or only punctuation).
 */
export function initialsOf(name: string | null | undefined, fallback: string): string {
    return remembered(initials, `${fallback}\u0000${name ?? ''}`, () => initialsOfName(name ?? '', fallback));
}

function initialsOfName(value: string, fallback: string): string {
    const words = (value.replace(BRACKETED, ' ').trim() || value).split(/\s+/u);
    const marks = words.map(markOf).filter((mark) => mark !== '');
    const first = marks[0];
    if (first === undefined) {
        return fallback;
    }
    const last = marks.length > 1 ? marks[marks.length - 1] : undefined;
    if (last === undefined || CJK.test(first)) {
        return first;
    }
    return JOINING.test(first) && JOINING.test(last) ? `${first}\u200C${last}` : `${first}${last}`;
}
