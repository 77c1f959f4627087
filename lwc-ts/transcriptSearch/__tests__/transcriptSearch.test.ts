import { buildIndex, findMessages, segments, windowAround, safeUrl } from 'c/transcriptSearch';

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

    it('keeps a window of messages around a position inside the transcript', () => {
        expect(windowAround(0, 10000, 60)).toEqual({ start: 0, end: 60 });
        expect(windowAround(5000, 10000, 60)).toEqual({ start: 4970, end: 5030 });
        expect(windowAround(5000, 10000, 61)).toEqual({ start: 4970, end: 5031 });
        expect(windowAround(9999, 10000, 60)).toEqual({ start: 9940, end: 10000 });
        expect(windowAround(3, 20, 60)).toEqual({ start: 0, end: 20 });
        expect(windowAround(59, 60, 60)).toEqual({ start: 0, end: 60 });
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
