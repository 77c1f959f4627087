import {
    CHECKED_BY_APEX,
    NESTED_REPEAT,
    PREVIEW_LIMIT,
    allowListLabel,
    byOrder,
    fieldView,
    groupRows,
    isApiName,
    isNew,
    issuesFor,
    issuesWithoutRow,
    moveRow,
    newAllowListEntry,
    newKey,
    newRedactionRule,
    nextOrder,
    otherIssuesFor,
    passesLuhn,
    previewPattern,
    previewRedaction,
    removeRow,
    sectionIssues,
    updateRow,
    withLocalError
} from 'c/configRows';
import { newKey as mappingKey } from 'c/configModel';
import type { EditorIssue } from 'c/configRows';
import type { RedactionRule } from '@salesforce/apex/ConfigurationController.getConfiguration';

/** The package's shipped redaction rules (customMetadata/Comm100_Redaction_Rule.*). */
const CARD: RedactionRule = {
    key: 'Card_Number',
    developerName: 'Card_Number',
    label: 'Card number',
    pattern: '(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])',
    replacement: '[card number removed]',
    luhnCheck: true,
    order: 10,
    active: true
};
const SSN: RedactionRule = {
    key: 'US_SSN',
    developerName: 'US_SSN',
    label: 'US Social Security number',
    pattern: '(?<![0-9])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9])',
    replacement: '[SSN removed]',
    luhnCheck: false,
    order: 20,
    active: true
};

function rule(key: string, order: number, extra: Partial<RedactionRule> = {}): RedactionRule {
    return { ...SSN, key, developerName: key, label: key, order, ...extra };
}

describe('configRows: issues', () => {
    const issues: EditorIssue[] = [
        { section: 'redactionRules', key: 'US_SSN', field: 'pattern', message: 'Not a valid pattern.' },
        { section: 'redactionRules', key: 'US_SSN', field: 'pattern', message: 'Slow.', severity: 'warning' },
        { section: 'allowList', key: 'US_SSN', field: 'pattern', message: 'Another section.' },
        { section: 'redactionRules', key: 'US_SSN', field: 'developerName', message: 'Name taken.' },
        { section: 'redactionRules', key: 'Gone', field: 'label', message: 'No such row.', severity: 'error' }
    ];

    it('keeps the issues of one section, errors before warnings, and reads a missing list as none', () => {
        const warningFirst: EditorIssue[] = [issues[1]!, issues[0]!];
        expect(sectionIssues(warningFirst, 'redactionRules').map((i) => i.message)).toEqual([
            'Not a valid pattern.',
            'Slow.'
        ]);
        expect(sectionIssues(issues, 'allowList').map((i) => i.message)).toEqual(['Another section.']);
        expect(sectionIssues(undefined, 'policies')).toEqual([]);
        expect(sectionIssues('nonsense', 'policies')).toEqual([]);
    });

    it('finds the issues of one input of one row, each marked error or warning', () => {
        const mine = sectionIssues(issues, 'redactionRules');
        expect(issuesFor(mine, 'US_SSN', 'pattern')).toEqual([
            {
                id: 'US_SSN-pattern-0',
                message: 'Not a valid pattern.',
                warning: false,
                kind: 'Error',
                className: 'config-issue config-issue_error'
            },
            {
                id: 'US_SSN-pattern-1',
                message: 'Slow.',
                warning: true,
                kind: 'Warning',
                className: 'config-issue config-issue_warning'
            }
        ]);
        expect(issuesFor(mine, 'Card_Number', 'pattern')).toEqual([]);
        expect(otherIssuesFor(mine, 'US_SSN', ['label', 'pattern']).map((i) => i.message)).toEqual(['Name taken.']);
        expect(issuesWithoutRow(mine, [SSN, CARD]).map((i) => i.message)).toEqual(['No such row.']);
    });

    it('marks an input invalid for an error only, and a warning as a warning', () => {
        const mine = sectionIssues(issues, 'redactionRules');
        const pattern = fieldView(mine, 'US_SSN', 'pattern');
        expect([pattern.invalid, pattern.className, pattern.helpId, pattern.hasIssues]).toEqual([
            'true',
            'slds-form-element slds-has-error',
            'US_SSN-pattern-help',
            true
        ]);
        const warned = fieldView([{ ...issues[1]! }], 'US_SSN', 'pattern', 'box');
        expect([warned.invalid, warned.className]).toEqual(['false', 'box config-has-warning']);
        const clean = fieldView(mine, 'US_SSN', 'label');
        expect([clean.invalid, clean.className, clean.hasIssues]).toEqual(['false', 'slds-form-element', false]);
        const local = withLocalError(warned, 'Enter a number.');
        expect([local.invalid, local.className, local.issues.map((i) => i.message)]).toEqual([
            'true',
            'box slds-has-error',
            ['Enter a number.', 'Slow.']
        ]);
    });
});

describe('configRows: rows', () => {
    it('never makes a key the editors of the other sections made on this page, even in the same millisecond', () => {
        jest.spyOn(Date, 'now').mockReturnValue(1_764_000_000_000);
        try {
            const theirs = new Set(Array.from({ length: 20 }, () => mappingKey()));
            const ours = Array.from({ length: 20 }, () => newKey([]));
            expect(ours.filter((key) => theirs.has(key))).toEqual([]);
            expect(new Set(ours).size).toBe(20);
        } finally {
            jest.restoreAllMocks();
        }
    });

    it('makes a new key unlike any of the rows, and tells new rows from deployed ones', () => {
        const key = newKey([SSN]);
        expect(key).toMatch(/^new-[a-z0-9]+-\d+$/);
        expect(newKey([{ key }])).not.toBe(key);
        expect([
            isNew(SSN),
            isNew({ key, developerName: null }),
            isNew({ key }),
            isNew({ key, developerName: '' })
        ]).toEqual([false, true, true, true]);
    });

    it('replaces one row with a changed copy and keeps the others and the input as they were', () => {
        const rows = Object.freeze([CARD, SSN]);
        const changed = updateRow(rows, 'US_SSN', { label: 'SSN' });
        expect(changed).toEqual([CARD, { ...SSN, label: 'SSN' }]);
        expect(changed[0]).toBe(CARD);
        expect(rows[1]).toEqual(SSN);
    });

    it('removes a new row and deactivates a deployed one', () => {
        const fresh = { ...rule('new-1', 30), developerName: null };
        const rows = Object.freeze([CARD, SSN, fresh]);
        expect(removeRow(rows, 'new-1')).toEqual({ rows: [CARD, SSN], deactivated: false });
        expect(removeRow(rows, 'US_SSN')).toEqual({
            rows: [CARD, { ...SSN, active: false }, fresh],
            deactivated: true
        });
        expect(removeRow(rows, 'missing')).toEqual({ rows: [CARD, SSN, fresh], deactivated: false });
    });

    it('sorts by order, keeping the given order for equal orders, and adds after the highest', () => {
        const rows = [rule('c', 30), rule('a', 10), rule('b', 10)];
        expect(byOrder(rows).map((r) => r.key)).toEqual(['a', 'b', 'c']);
        expect(nextOrder(rows)).toBe(40);
        expect(nextOrder([rule('x', 15)])).toBe(20);
        expect(nextOrder([])).toBe(10);
    });

    it('moves a row by exchanging orders with its neighbour, leaving the array order and the others alone', () => {
        const rows = Object.freeze([rule('c', 30), rule('a', 10), rule('b', 20)]);
        const moved = moveRow(rows, 'c', -1);
        expect(moved.map((r) => [r.key, r.order])).toEqual([
            ['c', 20],
            ['a', 10],
            ['b', 30]
        ]);
        expect(moved[1]).toBe(rows[1]);
        expect(moveRow(rows, 'a', -1)).toEqual([...rows]);
        expect(moveRow(rows, 'c', 1)).toEqual([...rows]);
        expect(moveRow(rows, 'a', 1).map((r) => [r.key, r.order])).toEqual([
            ['c', 30],
            ['a', 20],
            ['b', 10]
        ]);
    });

    it('numbers every row again when the two rows to swap share an order', () => {
        const rows = [rule('a', 10), rule('b', 10), rule('c', 50)];
        expect(moveRow(rows, 'b', -1).map((r) => [r.key, r.order])).toEqual([
            ['a', 20],
            ['b', 10],
            ['c', 30]
        ]);
    });

    it('groups rows by name, the first names first (even empty), then the others by name', () => {
        const groups = groupRows(['Case:1', 'Zed:2', 'Contact:3', 'Alpha:4', 'Case:5'], (r) => r.split(':')[0]!, [
            'Contact',
            'Lead',
            'Case'
        ]);
        expect(groups).toEqual([
            { name: 'Contact', rows: ['Contact:3'] },
            { name: 'Lead', rows: [] },
            { name: 'Case', rows: ['Case:1', 'Case:5'] },
            { name: 'Alpha', rows: ['Alpha:4'] },
            { name: 'Zed', rows: ['Zed:2'] }
        ]);
    });

    it('makes new redaction rules and allow-list entries with a new key and no DeveloperName', () => {
        expect(newRedactionRule([CARD, SSN])).toEqual({
            key: expect.stringMatching(/^new-/),
            developerName: null,
            label: '',
            pattern: '',
            replacement: '[removed]',
            luhnCheck: false,
            order: 30,
            active: true
        });
        expect(newAllowListEntry([], 'Case')).toEqual({
            key: expect.stringMatching(/^new-/),
            developerName: null,
            label: 'Case',
            targetObject: 'Case',
            salesforceField: '',
            canRead: true,
            canWrite: false,
            active: true
        });
        expect(allowListLabel('Contact', 'Account.Name')).toBe('Contact Account.Name');
        expect(allowListLabel('Comm100_Chat__c', 'Visitor_Company_Name_Long__c')).toHaveLength(40);
    });

    it('knows an API name', () => {
        expect(['Contact', 'Invoice__c', 'ns__Thing__c'].map(isApiName)).toEqual([true, true, true]);
        expect(['', ' Contact', '1Contact', 'Account.Name', 'Con tact'].map(isApiName)).toEqual([
            false,
            false,
            false,
            false,
            false
        ]);
    });
});

describe('configRows: redaction preview', () => {
    it('applies the shipped rules as Apex does: a Luhn-valid card and an SSN go, an order number stays', () => {
        const sample = 'Card 4111 1111 1111 1111, not 4111 1111 1111 1112; SSN 123-45-6789; order 1234567890123.';
        expect(previewRedaction([SSN, CARD], sample)).toEqual({
            text: 'Card [card number removed], not 4111 1111 1111 1112; SSN [SSN removed]; order 1234567890123.',
            replaced: 2,
            cut: false,
            notes: []
        });
    });

    it('runs active rules with a pattern only, by order, and a replacement literally (no $1)', () => {
        const rules = [
            rule('second', 20, { pattern: 'b', replacement: '[$&]' }),
            rule('first', 10, { pattern: 'a+', replacement: 'b' }),
            rule('off', 5, { pattern: 'b', replacement: 'X', active: false }),
            rule('blank', 1, { pattern: '' }),
            rule('none', 30, { pattern: 'z', replacement: null })
        ];
        expect(previewRedaction(rules, 'aaz')).toEqual({ text: '[$&]', replaced: 3, cut: false, notes: [] });
    });

    it('leaves empty matches alone', () => {
        expect(previewRedaction([rule('empty', 10, { pattern: 'x*', replacement: '-' })], 'ab x')).toEqual({
            text: 'ab -',
            replaced: 1,
            cut: false,
            notes: []
        });
    });

    it('does not run what JavaScript reads otherwise than Apex, and says Apex checks it', () => {
        for (const pattern of [
            '\\Aabc',
            'a\\z',
            '\\p{Alpha}+',
            '[a-z&&[^aeiou]]',
            '[a[b]]',
            'a++',
            '(?>a)',
            '(?x) a'
        ]) {
            expect([pattern, previewPattern(pattern)]).toEqual([pattern, { regex: null, note: CHECKED_BY_APEX }]);
        }
        expect(previewPattern('(')).toEqual({ regex: null, note: CHECKED_BY_APEX });
        const result = previewRedaction([rule('bad', 10, { label: 'Broken', pattern: '(unclosed' })], 'unclosed');
        expect(result).toEqual({
            text: 'unclosed',
            replaced: 0,
            cut: false,
            notes: [
                {
                    key: 'bad',
                    label: 'Broken',
                    message: 'checked on Check/Deploy: this browser cannot preview this pattern.'
                }
            ]
        });
    });

    it('does not run a repeat inside a repeat, which can run for very long', () => {
        for (const pattern of ['(a+)+$', '(?:x*y)*', '((ab)+c){2,}', '(a|b+)*']) {
            expect(previewPattern(pattern).note).toBe(NESTED_REPEAT);
        }
        for (const pattern of ['(ab)+', '(a+)b', '(a+){2}', '[(a+)]+', '\\(a+\\)+']) {
            expect([pattern, previewPattern(pattern).note]).toEqual([pattern, '']);
        }
    });

    it('reads leading Java flags as JavaScript flags', () => {
        expect(previewPattern('(?i)secret')).toEqual({ regex: /secret/gi, note: '' });
        expect(previewPattern('(?ims)a.b')).toEqual({ regex: /a.b/gims, note: '' });
        expect(previewPattern('(?u)a')).toEqual({ regex: /a/g, note: '' });
        expect(previewRedaction([rule('ci', 10, { pattern: '(?i)secret', replacement: '***' })], 'SeCrEt').text).toBe(
            '***'
        );
    });

    it('previews only the first characters of a long sample, and says so', () => {
        const result = previewRedaction([SSN], `${'x'.repeat(PREVIEW_LIMIT)}123-45-6789`);
        expect([result.text.length, result.cut, result.replaced]).toEqual([PREVIEW_LIMIT, true, 0]);
    });

    it('checks Luhn as Apex does: 13 to 19 digits, separators ignored', () => {
        expect(
            ['4111111111111111', '4111-1111-1111-1111', '4222222222222', '6011000990139424'].map(passesLuhn)
        ).toEqual([true, true, true, true]);
        expect(['4111111111111112', '0000000000', '00000000000000000000', 'abc'].map(passesLuhn)).toEqual([
            false,
            false,
            false,
            false
        ]);
    });

    it('returns markup as the text it is', () => {
        const hostile = '<img src=x onerror="alert(1)"> 123-45-6789';
        expect(previewRedaction([SSN], hostile).text).toBe('<img src=x onerror="alert(1)"> [SSN removed]');
    });
});
