import {
    batches,
    filterOf,
    formatDateTime,
    formatPayload,
    indentJson,
    isDay,
    validateDraft,
    EMPTY_DRAFT
} from 'c/syncLogModel';

describe('syncLogModel', () => {
    it('knows a real day from a day that does not exist', () => {
        expect(['2024-02-29', '2025-12-31'].map(isDay)).toEqual([true, true]);
        expect(['2025-02-29', '2025-13-01', '2025-00-10', '2025-1-01', ' 2025-01-01'].map(isDay)).toEqual([
            false,
            false,
            false,
            false,
            false
        ]);
    });

    it('accepts the years 2000 to 3999 only, as the Apex does', () => {
        expect(['2000-01-01', '3999-12-31'].map(isDay)).toEqual([true, true]);
        expect(['1999-12-31', '4000-01-01', '1700-01-01', '9999-12-31'].map(isDay)).toEqual([
            false,
            false,
            false,
            false
        ]);
        expect(validateDraft({ ...EMPTY_DRAFT, fromDate: '1999-12-31', toDate: '4000-01-01' })).toEqual([
            { field: 'fromDate', message: 'Enter a date from 2000 to 3999 as YYYY-MM-DD, for example 2025-01-31.' },
            { field: 'toDate', message: 'Enter a date from 2000 to 3999 as YYYY-MM-DD, for example 2025-01-31.' }
        ]);
    });

    it('checks a draft as the Apex does, one message per field in the form order', () => {
        expect(validateDraft(EMPTY_DRAFT)).toEqual([]);
        expect(
            validateDraft({
                status: 'Broken',
                eventType: 'e'.repeat(41),
                fromDate: 'x',
                toDate: '2025-01-01',
                comm100Id: 'c'.repeat(81)
            }).map((error) => error.field)
        ).toEqual(['status', 'eventType', 'fromDate', 'comm100Id']);
        expect(validateDraft({ ...EMPTY_DRAFT, eventType: ` ${'e'.repeat(40)} `, comm100Id: 'c'.repeat(80) })).toEqual(
            []
        );
        expect(validateDraft({ ...EMPTY_DRAFT, fromDate: '2025-03-05', toDate: '2025-03-04' })).toEqual([
            { field: 'toDate', message: 'The end date is before the start date.' }
        ]);
        expect(validateDraft({ ...EMPTY_DRAFT, fromDate: '2025-03-04', toDate: '2025-03-04' })).toEqual([]);
    });

    it('sends trimmed values and null for blank ones', () => {
        expect(
            filterOf({ status: 'Failed', eventType: '  ', fromDate: ' 2025-01-01 ', toDate: '', comm100Id: ' a ' })
        ).toEqual({
            status: 'Failed',
            eventType: null,
            fromDate: '2025-01-01',
            toDate: null,
            comm100Id: 'a'
        });
    });

    it('indents JSON without touching numbers, escapes, key order or strings with brackets', () => {
        const json =
            '{"b":1.50,"a":[1,{"x":"a,b:{c}[d]","y":"\\"quoted\\" \\\\"}],"big":12345678901234567890,"e":{},"f":[ ]}';
        const indented = indentJson(json);
        expect(indented).toBe(
            [
                '{',
                '  "b": 1.50,',
                '  "a": [',
                '    1,',
                '    {',
                '      "x": "a,b:{c}[d]",',
                '      "y": "\\"quoted\\" \\\\"',
                '    }',
                '  ],',
                '  "big": 12345678901234567890,',
                '  "e": {},',
                '  "f": []',
                '}'
            ].join('\n')
        );
        expect(JSON.parse(indented)).toEqual(JSON.parse(json));
    });

    it('formats a JSON payload, keeps any other text as stored, and shows nothing for none', () => {
        expect(formatPayload('{"a":"😀 ü"}')).toEqual({ text: '{\n  "a": "😀 ü"\n}', isJson: true });
        expect(formatPayload('"chat":{"id":')).toEqual({ text: '"chat":{"id":', isJson: false });
        expect(formatPayload('  "text only"  ')).toEqual({ text: '"text only"', isJson: true });
        expect(formatPayload(null)).toEqual({ text: '', isJson: false });
        expect(formatPayload(undefined)).toEqual({ text: '', isJson: false });
        expect(formatPayload()).toEqual({ text: '', isJson: false });
        expect(formatDateTime(undefined)).toBe('');
        expect(formatDateTime(null)).toBe('');
        expect(formatPayload('')).toEqual({ text: '', isJson: false });
    });

    it('cuts ids into batches in order', () => {
        expect(batches([1, 2, 3, 4, 5, 6, 7], 5)).toEqual([
            [1, 2, 3, 4, 5],
            [6, 7]
        ]);
        expect(batches([], 5)).toEqual([]);
    });
});
