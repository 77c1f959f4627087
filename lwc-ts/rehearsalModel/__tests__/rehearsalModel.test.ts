import {
    BLANK,
    CHAT_NOT_STORED,
    LEFT_OUT,
    MESSAGES,
    chatLabel,
    errorPlace,
    fieldOf,
    identityLines,
    identityText,
    inputProblem,
    isChatRecord,
    mappingBadge,
    mappingTables,
    plannedRows,
    recordLink,
    recordNames,
    rehearsalTitle,
    rehearseParams,
    resultSummary,
    ruleBadge,
    ruleRows,
    shown,
    sourceLabel,
    valueRows
} from 'c/rehearsalModel';
import type { Rehearsal } from '@salesforce/apex/RehearsalController.rehearse';

const INPUT = { payload: '{"event":"chat_ended"}', sampleName: 'chat_ended_webhook', chatId: 'a01000000000001AAA' };

describe('rehearsalModel', () => {
    describe('input', () => {
        it('names the field each way reads', () => {
            expect([fieldOf('payload'), fieldOf('sample'), fieldOf('storedChat')]).toEqual([
                'payload',
                'sampleName',
                'chatId'
            ]);
        });

        it('refuses an empty input of the chosen way only', () => {
            const empty = { payload: '  \n', sampleName: '', chatId: '' };
            expect(inputProblem('payload', empty)).toBe(MESSAGES.payload);
            expect(inputProblem('sample', empty)).toBe(MESSAGES.sampleName);
            expect(inputProblem('storedChat', empty)).toBe(MESSAGES.chatId);
            expect(inputProblem('payload', { ...empty, payload: '{}' })).toBe('');
            expect(inputProblem('sample', { ...empty, payload: '{}' })).toBe(MESSAGES.sampleName);
        });

        it('sends the chosen input only, as typed, and the others as null', () => {
            expect(rehearseParams('payload', INPUT, undefined)).toEqual({
                payload: '{"event":"chat_ended"}',
                sampleName: null,
                chatId: null,
                draftJson: null
            });
            expect(rehearseParams('sample', INPUT, '')).toEqual({
                payload: null,
                sampleName: 'chat_ended_webhook',
                chatId: null,
                draftJson: null
            });
            expect(rehearseParams('storedChat', INPUT, '{"policies":[]}')).toEqual({
                payload: null,
                sampleName: null,
                chatId: 'a01000000000001AAA',
                draftJson: '{"policies":[]}'
            });
        });

        it('reads a blank draft as the deployed rules', () => {
            expect(rehearseParams('payload', INPUT, '   ').draftJson).toBeNull();
            expect(rehearseParams('payload', INPUT, null).draftJson).toBeNull();
        });

        it('shows an error next to the field it names when that field is on screen, otherwise at the top', () => {
            expect(errorPlace('payload', 'payload')).toBe('payload');
            expect(errorPlace('sampleName', 'sample')).toBe('sampleName');
            expect(errorPlace('chatId', 'storedChat')).toBe('chatId');
            expect(errorPlace('draftJson', 'payload')).toBe('top');
            expect(errorPlace('payload', 'sample')).toBe('top');
            expect(errorPlace(null, 'payload')).toBe('top');
            expect(errorPlace(undefined, 'storedChat')).toBe('top');
        });
    });

    describe('wording', () => {
        it('titles a result by what was rehearsed', () => {
            expect(rehearsalTitle('sample', 'Chat ended (webhook)')).toBe(
                'Rehearsal of the sample “Chat ended (webhook)”'
            );
            expect(rehearsalTitle('storedChat', '3f6d1c1e · Maria Lopez')).toBe(
                'Rehearsal of the stored chat 3f6d1c1e · Maria Lopez'
            );
            expect(rehearsalTitle('payload', 'ignored')).toBe('Rehearsal of the pasted payload');
        });

        it('names the sources of a payload', () => {
            expect(['webhook', 'api_v2', 'api_v3', 'api_v4', 'api_v9', null].map(sourceLabel)).toEqual([
                'Webhook',
                'API v2',
                'API v3',
                'API v4',
                'api_v9',
                ''
            ]);
        });

        it('says when a value is blank and keeps any other as it is', () => {
            expect([null, undefined, '', ' ', '<b>x</b>'].map(shown)).toEqual([BLANK, BLANK, BLANK, ' ', '<b>x</b>']);
        });

        it('labels a stored chat by its id, visitor name and email, leaving out what is blank', () => {
            expect(
                chatLabel({
                    id: 'a01000000000001AAA',
                    comm100Id: '3f6d1c1e',
                    visitorName: 'Maria Lopez',
                    visitorEmail: 'maria.lopez@northwind.example'
                })
            ).toBe('3f6d1c1e · Maria Lopez · maria.lopez@northwind.example');
            expect(
                chatLabel({ id: 'a01000000000002AAA', comm100Id: 'offline-7', visitorName: ' ', visitorEmail: null })
            ).toBe('offline-7');
        });

        it('gives every outcome a badge with its own text, not only a colour', () => {
            expect(ruleBadge('Matched')).toEqual({
                text: 'Matched',
                className: 'slds-badge rehearsal-badge slds-theme_success'
            });
            expect(ruleBadge('No match')).toEqual({ text: 'No match', className: 'slds-badge rehearsal-badge' });
            expect(ruleBadge('Ambiguous').className).toBe('slds-badge rehearsal-badge slds-theme_warning');
            expect(ruleBadge('Skipped').className).toBe('slds-badge rehearsal-badge slds-theme_warning');
            expect(ruleBadge('Not run').className).toBe('slds-badge rehearsal-badge slds-badge_lightest');
            expect(mappingBadge('Truncated')).toEqual({
                text: 'Truncated',
                className: 'slds-badge rehearsal-badge slds-theme_warning'
            });
            expect(mappingBadge('Skipped')).toEqual({
                text: 'Skipped',
                className: 'slds-badge rehearsal-badge slds-theme_error'
            });
            expect(mappingBadge('Written').className).toBe('slds-badge rehearsal-badge slds-badge_lightest');
            expect(mappingBadge('Converted').className).toBe('slds-badge rehearsal-badge');
        });
    });

    describe('records', () => {
        it('names a record by its name, or by its id when the admin cannot read it', () => {
            expect(
                recordLink({ id: '003000000000001AAA', name: 'Maria Lopez', objectApiName: 'Contact' }, 'k')
            ).toEqual({
                key: 'k',
                id: '003000000000001AAA',
                text: 'Maria Lopez',
                objectApiName: 'Contact',
                linked: true
            });
            expect(recordLink({ id: '003000000000002AAA', name: null, objectApiName: 'Contact' }, 'k').text).toBe(
                '003000000000002AAA'
            );
            expect(recordLink({ id: '', objectApiName: 'Lead' }, 'k')).toMatchObject({ text: 'Lead', linked: false });
        });

        it('lists the rules in the order they ran, with their conditions, counts and matches', () => {
            const rows = ruleRows([
                {
                    targetObject: 'Contact',
                    label: 'Contact by email',
                    order: 1,
                    conditions: [{ comm100Field: 'visitor.email', salesforceField: 'Email', value: 'a@b.example' }],
                    outcome: 'Ambiguous',
                    matches: [
                        { id: '003000000000001AAA', name: 'Ana Lima', objectApiName: 'Contact' },
                        { id: '003000000000002AAA', name: null, objectApiName: 'Contact' }
                    ],
                    matchCount: 7,
                    reason: 'Oldest of 7'
                },
                {
                    targetObject: 'Lead',
                    label: 'Lead by phone',
                    order: 1,
                    conditions: [{ comm100Field: 'preChat.Phone', salesforceField: 'Phone' }],
                    outcome: 'Not run',
                    matches: [],
                    matchCount: 0
                }
            ]);
            expect(rows.map((row) => [row.position, row.targetObject, row.label, row.badge.text])).toEqual([
                [1, 'Contact', 'Contact by email', 'Ambiguous'],
                [2, 'Lead', 'Lead by phone', 'Not run']
            ]);
            expect(rows[0]!.countText).toBe('7 records found; the first 2 shown.');
            expect(rows[0]!.reason).toBe('Oldest of 7');
            expect(rows[0]!.matches.map((match) => match.text)).toEqual(['Ana Lima', '003000000000002AAA']);
            expect(rows[0]!.conditions).toEqual([
                { key: 'rule-0-condition-0', fields: 'Email = visitor.email', value: 'a@b.example' }
            ]);
            expect(rows[1]!.conditions[0]!.value).toBe(BLANK);
            expect(rows[1]!.countText).toBe('');
            expect(rows[1]!.hasMatches).toBe(false);
        });

        it('names the identity and the records it links', () => {
            const identity = {
                status: 'Identified',
                matchedObject: 'Contact',
                record: { id: '003000000000001AAA', name: 'Maria Lopez', objectApiName: 'Contact' },
                contact: { id: '003000000000001AAA', name: 'Maria Lopez', objectApiName: 'Contact' },
                account: { id: '001000000000001AAA', name: 'Northwind Traders', objectApiName: 'Account' }
            };
            expect(identityText(identity)).toBe('Identified (Contact)');
            expect(identityText({ status: 'Not Found' })).toBe('Not Found');
            expect(identityLines(identity).map((line) => [line.label, line.link.text])).toEqual([
                ['Matched record', 'Maria Lopez'],
                ['Contact', 'Maria Lopez'],
                ['Account', 'Northwind Traders']
            ]);
            expect(identityLines(null)).toEqual([]);
        });
    });

    describe('mapped values', () => {
        it('makes one table per object, in the order the objects first appear, counting cut and left out values', () => {
            const tables = mappingTables([
                {
                    targetObject: 'Contact',
                    comm100Field: 'visitor.email',
                    salesforceField: 'Email',
                    rawValue: 'a@b.example',
                    value: 'a@b.example',
                    outcome: 'Written'
                },
                {
                    targetObject: 'Case',
                    comm100Field: 'chat.transcript',
                    salesforceField: 'Description',
                    rawValue: 'long',
                    value: 'lo\n[Cut to fit this field: the whole text is on the Comm100 chat record.]',
                    outcome: 'Truncated',
                    reason: 'cut from 32074 to 32000 characters to fit the field (the whole text stays on the Comm100 chat record)'
                },
                {
                    targetObject: 'Contact',
                    comm100Field: 'preChat.Department',
                    salesforceField: 'Department',
                    rawValue: 'x'.repeat(3),
                    outcome: 'Skipped',
                    reason: 'not writable'
                }
            ]);
            expect(tables.map((table) => table.caption)).toEqual([
                'Contact: 2 values, 1 skipped',
                'Case: 1 value, 1 truncated'
            ]);
            const [contact, caseTable] = tables;
            expect(contact!.rows.map((row) => [row.salesforceField, row.value, row.badge.text, row.rowClass])).toEqual([
                ['Email', 'a@b.example', 'Written', 'rehearsal-mapping rehearsal-mapping_written'],
                ['Department', LEFT_OUT, 'Skipped', 'rehearsal-mapping rehearsal-mapping_skipped']
            ]);
            expect(contact!.rows[1]!.reason).toBe('not writable');
            expect(caseTable!.rows[0]!.rowClass).toBe('rehearsal-mapping rehearsal-mapping_truncated');
            expect(mappingTables([])).toEqual([]);
        });
    });

    describe('planned records', () => {
        it('titles each record by what the sync would do and links an existing one', () => {
            const rows = plannedRows([
                {
                    operation: 'Update',
                    objectApiName: 'Contact',
                    recordId: '003000000000001AAA',
                    values: [{ apiName: 'Phone', label: 'Business Phone', value: '+1 604 555 0134' }]
                },
                {
                    operation: 'Create',
                    objectApiName: 'Case',
                    values: [{ apiName: 'Subject', label: '', value: null }]
                }
            ]);
            expect(rows.map((row) => row.title)).toEqual(['Update Contact', 'Create Case']);
            expect(rows[0]!.link).toMatchObject({ id: '003000000000001AAA', text: '003000000000001AAA', linked: true });
            const named = plannedRows(
                [{ operation: 'Update', objectApiName: 'Contact', recordId: '003000000000001AAA', values: [] }],
                { '003000000000001AAA': 'Maria Lopez' }
            );
            expect(named[0]!.link!.text).toBe('Maria Lopez');
            expect(rows[1]!.link).toBeNull();
            expect(rows[1]!.values).toEqual([
                { key: 'record-1-0', label: 'Subject', apiName: 'Subject', value: BLANK }
            ]);
            expect(valueRows(undefined, 'x')).toEqual([]);
        });

        it('titles the chat, always last, by what it is attached to, and names one not stored in words', () => {
            const chat = (operation: 'Update' | 'Attach', link: string | null, recordId: string | null = null) => ({
                operation,
                objectApiName: 'Comm100_Chat__c',
                recordId,
                values: [
                    { apiName: 'Identification_Status__c', label: 'Identification Status', value: 'Not Found' },
                    ...(link ? [{ apiName: link, label: link, value: '(the record this sync creates)' }] : [])
                ]
            });
            const rows = plannedRows([
                chat('Attach', 'Case__c'),
                chat('Attach', 'Task_Id__c'),
                chat('Update', null),
                // In a subscriber's org the object carries the package's namespace.
                { ...chat('Update', null, 'a01000000000001AAA'), objectApiName: 'c100__Comm100_Chat__c' }
            ]);
            expect(rows.map((row) => row.title)).toEqual([
                'Attach the chat to the new Case',
                'Attach the chat to the new Task',
                'Update the chat',
                'Update the chat'
            ]);
            expect(rows[2]!.link).toEqual({
                key: 'record-2-link',
                id: '',
                text: CHAT_NOT_STORED,
                objectApiName: 'Comm100_Chat__c',
                linked: false
            });
            expect(rows[3]!.link).toMatchObject({ id: 'a01000000000001AAA', linked: true });
            expect(isChatRecord({ operation: 'Update', objectApiName: 'Contact', values: [] })).toBe(false);
            expect(isChatRecord({ operation: 'Update', objectApiName: 'My_Comm100_Chat__c', values: [] })).toBe(false);
        });
    });

    describe('record names', () => {
        it('names the records the rules found and the identity links, leaving out those without a name', () => {
            expect(
                recordNames({
                    usedDraft: false,
                    mappings: [],
                    records: [],
                    notes: [],
                    rules: [
                        {
                            targetObject: 'Contact',
                            label: 'Contact by email',
                            order: 1,
                            conditions: [],
                            outcome: 'Ambiguous',
                            matches: [
                                { id: '003000000000001AAA', name: 'Ana Lima', objectApiName: 'Contact' },
                                { id: '003000000000002AAA', name: null, objectApiName: 'Contact' }
                            ],
                            matchCount: 2
                        }
                    ],
                    identity: {
                        status: 'Ambiguous',
                        account: { id: '001000000000001AAA', name: 'Northwind Traders', objectApiName: 'Account' }
                    }
                })
            ).toEqual({ '003000000000001AAA': 'Ana Lima', '001000000000001AAA': 'Northwind Traders' });
            expect(recordNames(undefined)).toEqual({});
        });

        it('names a stored chat the sync updates by its Comm100 id', () => {
            expect(
                recordNames({
                    usedDraft: false,
                    mappings: [],
                    notes: [],
                    rules: [],
                    chat: { comm100Id: '40211876', values: [], messageCount: 0, redactions: [] },
                    records: [
                        {
                            operation: 'Update',
                            objectApiName: 'Comm100_Chat__c',
                            recordId: 'a01000000000063AAA',
                            values: []
                        }
                    ]
                })
            ).toEqual({ a01000000000063AAA: 'Comm100 chat 40211876' });
        });
    });

    describe('summary', () => {
        const base: Rehearsal = { usedDraft: false, rules: [], mappings: [], records: [], notes: [] };

        it('announces that nothing was written, the identity and the plan', () => {
            expect(
                resultSummary({
                    ...base,
                    identity: { status: 'Identified', matchedObject: 'Contact' },
                    records: [
                        { operation: 'Update', objectApiName: 'Contact', values: [] },
                        {
                            operation: 'Attach',
                            objectApiName: 'Comm100_Chat__c',
                            values: [{ apiName: 'Case__c', label: 'Case', value: '(the Case this sync creates)' }]
                        }
                    ]
                })
            ).toBe(
                'Nothing was written: this is a rehearsal. Identity: Identified (Contact). The sync would: Update Contact, Attach the chat to the new Case.'
            );
        });

        it('says when the sync would do nothing, and why it would fail', () => {
            const failure =
                'The identification rules could not decide whether this visitor is a known Contact: nothing was created, so no duplicate is made. Replay this log once the rule is fixed.';
            expect(resultSummary({ ...base, failure })).toBe(
                `Nothing was written: this is a rehearsal. The sync would create, update or attach nothing. The sync would fail: ${failure}`
            );
        });
    });
});
