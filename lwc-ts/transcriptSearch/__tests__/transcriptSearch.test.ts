import { buildIndex, findMessages, segments, windowAround, safeUrl } from 'c/transcriptSearch';

describe('c-transcript-search', () => {
    it('finds the messages that contain a term, ignoring case', () => {
        const index = buildIndex(['Hello Maria', 'Refund for SO-99817', null, 'REFUND approved']);
        expect(findMessages(index, 'refund')).toEqual([1, 3]);
        expect(findMessages(index, '  ')).toEqual([]);
        expect(findMessages(index, 'nothing')).toEqual([]);
    });

    it('splits text around every match, keeping the original case', () => {
        expect(segments('Refund, refund!', 'refund').map((s) => [s.text, s.match])).toEqual([
            ['Refund', true],
            [', ', false],
            ['refund', true],
            ['!', false]
        ]);
        expect(segments('<b>bold</b>', 'b')).toHaveLength(7);
        expect(segments(null, 'x')).toEqual([{ key: '0', text: '', match: false }]);
    });

    it('keeps a window of messages around a position inside the transcript', () => {
        expect(windowAround(0, 10000, 60)).toEqual({ start: 0, end: 60 });
        expect(windowAround(5000, 10000, 60)).toEqual({ start: 4970, end: 5030 });
        expect(windowAround(9999, 10000, 60)).toEqual({ start: 9940, end: 10000 });
        expect(windowAround(3, 20, 60)).toEqual({ start: 0, end: 20 });
    });

    it('keeps only http and https links', () => {
        expect(safeUrl('https://files.example.com/a.pdf')).toBe('https://files.example.com/a.pdf');
        // eslint-disable-next-line no-script-url -- the hostile link this helper must refuse
        expect(safeUrl('javascript:alert(1)')).toBeNull();
        expect(safeUrl('data:text/html,<script>')).toBeNull();
        expect(safeUrl('not a url')).toBeNull();
        expect(safeUrl(null)).toBeNull();
    });
});
