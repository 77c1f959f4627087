import {
    attachmentOf,
    emailUrl,
    parseNamedValues,
    pendingText,
    phoneUrl,
    recordUrls,
    withoutRepeats
} from 'c/visitorModel';
import type { DisplayField } from 'c/visitorModel';
import type { PageReference } from 'lightning/navigation';
import { ATTACHED, ATTACHED_TASK, CASE_ID, PENDING, TASK_ID } from './data/visitorData';

function field(label: string, value: string): DisplayField {
    return { key: label, label, value, url: null, external: false };
}

describe('c/visitorModel', () => {
    it.each([
        ['maria.lopez@example.com', 'mailto:maria.lopez@example.com'],
        ['  o.brien+chat@mail.example.co.uk ', 'mailto:o.brien%2Bchat@mail.example.co.uk'],
        ['jose@exámple.es', 'mailto:jose@ex%C3%A1mple.es'],
        ['a?b#c@example.com', 'mailto:a%3Fb%23c@example.com']
    ])('makes a mailto: link of the email address %j', (value, expected) => {
        expect(emailUrl(value)).toBe(expected);
    });

    it.each([
        ['not an address'],
        ['maria@localhost'],
        ['<b>x</b>@example.com'],
        ['a@b@example.com'],
        ['maria lopez@example.com'],
        ['"x"@example.com'],
        // eslint-disable-next-line no-script-url -- hostile input that must not become a link
        ['javascript:alert(1)//@example.com'],
        ['']
    ])('makes no link of %j', (value) => {
        expect(emailUrl(value)).toBeNull();
    });

    it.each([
        ['+1 415 555 0100', 'tel:+14155550100'],
        ['(415) 555-0100', 'tel:4155550100'],
        ['030.123.4567', 'tel:0301234567'],
        ['112', 'tel:112']
    ])('makes a tel: link of the phone number %j', (value, expected) => {
        expect(phoneUrl(value)).toBe(expected);
    });

    it.each([['12'], ['+1 415 555 0100 ext. 12'], ['call me'], ['1234567890123456'], ['tel:+1415'], ['']])(
        'makes no tel: link of %j',
        (value) => {
            expect(phoneUrl(value)).toBeNull();
        }
    );

    it('leaves out the answers the visitor section shows, whatever their case, spacing, form or phone format', () => {
        const shown = [
            field('Name', 'María Lopez'),
            field('Email', 'maria.lopez@example.com'),
            field('Phone', '+1 415 555 0100')
        ];
        const answers = [
            field('Your name', '  MARI\u0301A   lopez '),
            field('E-mail', 'Maria.Lopez@Example.com'),
            field('Phone number', '+1 (415) 555-0100'),
            field('Question', 'Do you ship to Canada?'),
            field('Empty', '')
        ];
        expect(withoutRepeats(answers, shown)).toEqual({
            kept: [answers[3], answers[4]],
            repeated: ['Your name', 'E-mail', 'Phone number']
        });
        expect(withoutRepeats(answers, [])).toEqual({ kept: answers, repeated: [] });
    });

    it('reads named values of any kind, and keeps a value that is not an object whole', () => {
        expect(parseNamedValues('{"a":1,"b":null,"c":[1]}').map((f) => [f.label, f.value])).toEqual([
            ['a', '1'],
            ['b', ''],
            ['c', '[1]']
        ]);
        expect(parseNamedValues({ plan: 'Enterprise' }).map((f) => [f.key, f.label, f.value])).toEqual([
            ['0-plan', 'plan', 'Enterprise']
        ]);
        expect(parseNamedValues('{broken').map((f) => [f.label, f.value])).toEqual([['Value as received', '{broken']]);
        expect(parseNamedValues(null)).toEqual([]);
        expect(parseNamedValues('')).toEqual([]);
    });

    it('builds each missing record URL once, and points at the page itself where none can be built', async () => {
        const generate = jest.fn((reference: PageReference): Promise<string> => {
            const recordId = reference.type === 'standard__recordPage' ? reference.attributes.recordId : '';
            return recordId === 'broken' ? Promise.reject(new Error('No URL here')) : Promise.resolve(`/r/${recordId}`);
        });
        const urls = await recordUrls(['a', 'a', '', 'known', 'broken'], { known: '/r/known' }, generate);
        expect(urls).toEqual({ known: '/r/known', a: '/r/a', broken: '#' });
        expect(generate.mock.calls.map(([reference]) => reference)).toEqual([
            { type: 'standard__recordPage', attributes: { recordId: 'a', actionName: 'view' } },
            { type: 'standard__recordPage', attributes: { recordId: 'broken', actionName: 'view' } }
        ]);
        const known = { a: '/r/a' };
        expect(await recordUrls(['a'], known, generate)).toBe(known);
        const throwing = (): Promise<string> => {
            throw new Error('Navigation is not available here');
        };
        expect(await recordUrls(['x'], {}, throwing)).toEqual({ x: '#' });
    });

    it('names the attachment, the case first, and what a pending request does', () => {
        expect(attachmentOf(ATTACHED)).toEqual({
            recordId: CASE_ID,
            text: 'This chat is attached to a case.',
            linkLabel: 'Open the case',
            icon: 'standard:case'
        });
        expect(attachmentOf({ ...ATTACHED, taskId: TASK_ID })?.recordId).toBe(CASE_ID);
        expect(attachmentOf(ATTACHED_TASK)).toEqual({
            recordId: TASK_ID,
            text: 'This chat is attached to a task.',
            linkLabel: 'Open the task',
            icon: 'standard:task'
        });
        expect(attachmentOf(PENDING)).toBeUndefined();
        expect(attachmentOf(undefined)).toBeUndefined();
        expect(pendingText('Attach Case')).toBe('A case will be created for this chat when it ends.');
        expect(pendingText('Create Case')).toBe('Requested: Create Case.');
    });
});
