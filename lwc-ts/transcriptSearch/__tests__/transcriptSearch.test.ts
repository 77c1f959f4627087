import {
    buildIndex,
    findMessages,
    foldTerm,
    foldText,
    highlightRanges,
    segments,
    segmentsOf,
    safeUrl
} from 'c/transcriptSearch';

/** The highlighted texts of `text` for `term`, as a reader would see them. */
function highlighted(text: string, term: string): string[] {
    return highlightRanges(text, term).map(({ start, end }) => text.slice(start, end));
}

/** The grapheme clusters of a text, as the browser draws them. */
function clusters(text: string): string[] {
    return Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);
}

// Written with escapes so that what each test holds is unambiguous whatever the editor shows.
const ZWSP = '\u200B';
const ZWNJ = '\u200C';
const ZWJ = '\u200D';
const WORD_JOINER = '\u2060';
const BOM = '\uFEFF';
const SOFT_HYPHEN = '\u00AD';
const WOMAN_TECHNOLOGIST = '\u{1F469}\u200D\u{1F4BB}'; // 👩‍💻
const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'; // 👨‍👩‍👧
const WOMAN = '\u{1F469}';
const LAPTOP = '\u{1F4BB}';
const FLAGS = '\u{1F1EB}\u{1F1F7}\u{1F1E9}\u{1F1EA}'; // 🇫🇷🇩🇪

describe('c-transcript-search', () => {
    it('indexes contents lower-cased, a missing content as empty', () => {
        expect(buildIndex(['Hello Maria', null, 'REFUND'])).toEqual(['hello maria', '', 'refund']);
    });

    it('finds the messages that contain a term, ignoring case and the spaces around it', () => {
        const index = buildIndex(['Hello Maria', 'Refund for SO-99817', null, 'REFUND approved']);
        expect(findMessages(index, 'refund')).toEqual([1, 3]);
        expect(findMessages(index, '  REFUND ')).toEqual([1, 3]);
        expect(findMessages(index, 'o')).toEqual([0, 1, 3]);
        expect(findMessages(index, '  ')).toEqual([]);
        expect(findMessages(index, '')).toEqual([]);
        expect(findMessages(index, 'nothing')).toEqual([]);
    });

    it('splits text around every match, keeping the original case, with a key per segment', () => {
        expect(segments('Refund, refund!', 'refund')).toEqual([
            { key: '0', text: 'Refund', match: true },
            { key: '1', text: ', ', match: false },
            { key: '2', text: 'refund', match: true },
            { key: '3', text: '!', match: false }
        ]);
        expect(segments('<b>bold</b>', 'b')).toHaveLength(7);
        expect(segments(null, 'x')).toEqual([{ key: '0', text: '', match: false }]);
    });

    it('leaves no empty segment before a leading or after a trailing match', () => {
        expect(segments('refund please refund', 'refund')).toEqual([
            { key: '0', text: 'refund', match: true },
            { key: '1', text: ' please ', match: false },
            { key: '2', text: 'refund', match: true }
        ]);
        expect(segments('aaaa', 'aa')).toEqual([
            { key: '0', text: 'aa', match: true },
            { key: '1', text: 'aa', match: true }
        ]);
    });

    it('matches a term given in any case and with spaces around it', () => {
        expect(segments('A Refund please', '  REFUND ')).toEqual([
            { key: '0', text: 'A ', match: false },
            { key: '1', text: 'Refund', match: true },
            { key: '2', text: ' please', match: false }
        ]);
    });

    it('keeps the whole text as one unmatched segment for a blank or unmatched term', () => {
        expect(segments('Refund please', '   ')).toEqual([{ key: '0', text: 'Refund please', match: false }]);
        expect(segments('Refund please', '')).toEqual([{ key: '0', text: 'Refund please', match: false }]);
        expect(segments('Refund please', 'zebra')).toEqual([{ key: '0', text: 'Refund please', match: false }]);
    });

    it('ignores zero-width characters, soft hyphens and a byte order mark inside words', () => {
        const shown = `zero${ZWSP}width${ZWJ}joiner`;
        expect(foldText(shown)).toBe('zerowidthjoiner');
        const index = buildIndex([
            shown,
            `refund${SOFT_HYPHEN}able`,
            `${BOM}Invoice${WORD_JOINER}42`,
            `non${ZWNJ}joiner`,
            'unrelated'
        ]);
        expect(findMessages(index, 'zerowidth')).toEqual([0]);
        expect(findMessages(index, 'zerowidthjoiner')).toEqual([0]);
        expect(findMessages(index, 'refundable')).toEqual([1]);
        expect(findMessages(index, 'invoice42')).toEqual([2]);
        expect(findMessages(index, 'nonjoiner')).toEqual([3]);
        // a term typed (or pasted) with invisible characters finds the plain text too
        expect(findMessages(buildIndex(['zerowidth']), `zero${ZWJ}width`)).toEqual([0]);
        // a term of nothing visible searches nothing
        expect(foldTerm(` ${ZWSP}${ZWJ} `)).toBe('');
        expect(findMessages(index, `${ZWSP}${SOFT_HYPHEN}`)).toEqual([]);
        // the highlight covers the invisible characters between the letters it matched, and the joiner that
        // belongs to the cluster of the last letter
        expect(highlightRanges(shown, 'zerowidth')).toEqual([{ start: 0, end: 11 }]);
        expect(highlighted(shown, 'zero')).toEqual(['zero']);
        expect(highlighted(shown, 'widthjoiner')).toEqual([`width${ZWJ}joiner`]);
        expect(highlighted(`refund${SOFT_HYPHEN}able`, 'REFUNDABLE')).toEqual([`refund${SOFT_HYPHEN}able`]);
    });

    it('compares text in NFC and in any case: composed and decomposed accents find each other', () => {
        const decomposed = 'Cafe\u0301 au lait';
        const composed = 'CAF\u00C9 noir';
        const index = buildIndex([decomposed, composed]);
        expect(findMessages(index, 'caf\u00E9')).toEqual([0, 1]);
        expect(findMessages(index, 'cafe\u0301')).toEqual([0, 1]);
        // NFC, not accent folding: a plain e is another letter
        expect(findMessages(index, 'cafe ')).toEqual([]);
        expect(highlightRanges(decomposed, 'caf\u00E9')).toEqual([{ start: 0, end: 5 }]);
        expect(highlightRanges(composed, 'cafe\u0301')).toEqual([{ start: 0, end: 4 }]);
        // a Greek word ends in a final sigma: it is found alone and inside a sentence
        expect(
            findMessages(buildIndex(['\u039F\u0394\u039F\u03A3 \u03BA\u03B1\u03B9']), '\u03BF\u03B4\u03BF\u03C2')
        ).toEqual([0]);
        expect(highlighted('\u039F\u0394\u039F\u03A3', '\u03BF\u03B4\u03BF\u03C2')).toEqual([
            '\u039F\u0394\u039F\u03A3'
        ]);
    });

    it('finds and highlights Arabic, Hebrew and CJK words where they are', () => {
        const arabic =
            '\u0623\u0631\u064A\u062F \u0627\u0633\u062A\u0631\u062F\u0627\u062F \u0627\u0644\u0637\u0644\u0628 \u0631\u0642\u0645 4521';
        const hebrew =
            '\u05E9\u05DC\u05D5\u05DD, \u05D4\u05D4\u05D6\u05DE\u05E0\u05D4 4521 \u05D4\u05D2\u05D9\u05E2\u05D4';
        const chinese = '\u6211\u60F3\u9000\u6B3E\uFF0C\u8BA2\u5355\u53F7 SO-99817';
        const japanese = '\u8FD4\u91D1\u3092\u304A\u9858\u3044\u3057\u307E\u3059';
        const index = buildIndex([arabic, hebrew, chinese, japanese]);
        expect(findMessages(index, '4521')).toEqual([0, 1]);
        expect(findMessages(index, '\u0627\u0633\u062A\u0631\u062F\u0627\u062F')).toEqual([0]);
        expect(highlightRanges(arabic, '\u0627\u0633\u062A\u0631\u062F\u0627\u062F')).toEqual([{ start: 5, end: 12 }]);
        expect(highlightRanges(hebrew, '\u05D4\u05D4\u05D6\u05DE\u05E0\u05D4')).toEqual([{ start: 6, end: 12 }]);
        expect(highlighted(arabic, '4521')).toEqual(['4521']);
        expect(highlightRanges(chinese, '\u9000\u6B3E')).toEqual([{ start: 2, end: 4 }]);
        expect(highlighted(chinese, 'so-99817')).toEqual(['SO-99817']);
        expect(highlightRanges(japanese, '\u304A\u9858\u3044')).toEqual([{ start: 3, end: 6 }]);
    });

    it('highlights a letter with its combining marks, never the letter alone', () => {
        // Arabic with its vowel marks: the first cluster is meem with fatha
        const marked = '\u0645\u064E\u0631\u0652\u062D\u064E\u0628\u064B\u0627';
        expect(clusters(marked)[0]).toBe('\u0645\u064E');
        expect(highlightRanges(marked, '\u0645')).toEqual([{ start: 0, end: 2 }]);
        expect(highlightRanges(marked, '\u0631')).toEqual([{ start: 2, end: 4 }]);
        // Hindi: ka with the vowel sign i is one cluster, found by the consonant
        const hindi = '\u0915\u093F\u0924\u093E\u092C';
        expect(highlighted(hindi, '\u0915')).toEqual(['\u0915\u093F']);
        // Latin with a combining diaeresis: found by the composed letter, and it is not a plain e
        expect(highlighted('Zoe\u0308 and zoe', 'zo\u00EB')).toEqual(['Zoe\u0308']);
        expect(highlighted('Zoe\u0308 and zoe', 'zoe')).toEqual(['zoe']);
        expect(highlighted('nai\u0308ve', '\u00EF')).toEqual(['i\u0308']);
    });

    it('never splits an emoji ZWJ sequence or a flag', () => {
        const text = `Team ${WOMAN_TECHNOLOGIST}${FAMILY} ok`;
        expect(clusters(text).slice(5, 7)).toEqual([WOMAN_TECHNOLOGIST, FAMILY]);
        // a woman is in both sequences: each is highlighted whole, as two ranges side by side
        expect(highlightRanges(text, WOMAN)).toEqual([
            { start: 5, end: 10 },
            { start: 10, end: 18 }
        ]);
        expect(highlighted(text, LAPTOP)).toEqual([WOMAN_TECHNOLOGIST]);
        expect(highlighted(text, WOMAN_TECHNOLOGIST)).toEqual([WOMAN_TECHNOLOGIST]);
        expect(findMessages(buildIndex([text]), WOMAN_TECHNOLOGIST)).toEqual([0]);
        // the French and German flags side by side hold "R D" across their boundary: both are highlighted whole
        expect(highlighted(FLAGS, '\u{1F1F7}\u{1F1E9}')).toEqual([FLAGS]);
        // every highlight starts and ends on a cluster boundary
        const boundaries = new Set([0]);
        let offset = 0;
        for (const cluster of clusters(text)) {
            offset += cluster.length;
            boundaries.add(offset);
        }
        for (const term of [WOMAN, LAPTOP, ZWJ + LAPTOP, 'team', 'm \u{1F469}']) {
            for (const { start, end } of highlightRanges(text, term)) {
                expect([boundaries.has(start), boundaries.has(end)]).toEqual([true, true]);
            }
        }
    });

    it('splits text at given ranges, and keeps every character once', () => {
        const text = `Hi ${WOMAN_TECHNOLOGIST}!`;
        const parts = segmentsOf(text, [{ start: 3, end: 8 }]);
        expect(parts).toEqual([
            { key: '0', text: 'Hi ', match: false },
            { key: '1', text: WOMAN_TECHNOLOGIST, match: true },
            { key: '2', text: '!', match: false }
        ]);
        expect(parts.map((p) => p.text).join('')).toBe(text);
        expect(segmentsOf('', [])).toEqual([{ key: '0', text: '', match: false }]);
        expect(segmentsOf('abc', [{ start: 0, end: 3 }])).toEqual([{ key: '0', text: 'abc', match: true }]);
    });

    it('keeps only http and https links', () => {
        expect(safeUrl('https://files.example.com/a.pdf')).toBe('https://files.example.com/a.pdf');
        expect(safeUrl('http://files.example.com/a.pdf')).toBe('http://files.example.com/a.pdf');
        // the link as the browser reads it, so what is checked is what is opened
        expect(safeUrl('HTTPS://Files.Example.com/a b.pdf')).toBe('https://files.example.com/a%20b.pdf');
        // eslint-disable-next-line no-script-url -- the hostile link this helper must refuse
        expect(safeUrl('javascript:alert(1)')).toBeNull();
        expect(safeUrl('data:text/html,<script>')).toBeNull();
        expect(safeUrl('ftp://files.example.com/a.pdf')).toBeNull();
        expect(safeUrl('not a url')).toBeNull();
        expect(safeUrl('')).toBeNull();
        expect(safeUrl(null)).toBeNull();
    });
});
