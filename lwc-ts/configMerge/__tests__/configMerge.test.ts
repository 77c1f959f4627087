import { adoptNames, rebaseDraft, withNames } from 'c/configMerge';
import { countChanges, isNewRow, withRows } from 'c/configModel';
import type { ConfigDraft } from '@salesforce/apex/ConfigurationController.getConfiguration';
import { DEPLOYED, rule } from '../../configModel/__tests__/data/drafts';

describe('configMerge', () => {
    it('names the new rows a deployment named, by their key, and leaves every other row and section as it was', () => {
        const draft = withRows(DEPLOYED, 'identificationRules', [
            ...DEPLOYED.identificationRules,
            rule('new-1', 'Contact', 2),
            rule('new-2', 'Lead', 2)
        ]);
        const named = withNames(draft, { 'new-1': 'Contact_Phone', Contact_Email: 'Renamed', 'new-9': 'Other' });
        expect(named.identificationRules.map((row) => [row.key, row.developerName])).toEqual([
            ['Contact_Email', 'Contact_Email'],
            ['Lead_Email', 'Lead_Email'],
            ['new-1', 'Contact_Phone'],
            ['new-2', null]
        ]);
        expect(named.identificationRules[0]).toBe(draft.identificationRules[0]);
        expect(named.fieldMappings).toBe(draft.fieldMappings);
        expect(isNewRow(named.identificationRules[2]!)).toBe(false);
        expect(withNames(draft, {})).toBe(draft);
    });

    it('takes each row a deployment named as the record it created in its section, or as new when it has none', () => {
        const names = {
            'new-1': 'Contact_Phone',
            'new-2': 'Lead_Phone',
            // Not created (a partly successful deployment), and a name of another section.
            'new-3': 'Contact_Mobile',
            'new-4': 'Case_Subject',
            Contact_Email: 'Renamed'
        };
        const draft = withNames(
            withRows(DEPLOYED, 'identificationRules', [
                ...DEPLOYED.identificationRules,
                rule('new-1', 'Contact', 2),
                rule('new-2', 'Lead', 2),
                rule('new-3', 'Contact', 3),
                rule('new-4', 'Lead', 3)
            ]),
            names
        );
        const caseSubject = { ...DEPLOYED.fieldMappings[0]!, key: 'Case_Subject', developerName: 'Case_Subject' };
        const stored = withRows(
            withRows(DEPLOYED, 'identificationRules', [
                ...DEPLOYED.identificationRules,
                { ...rule('new-1', 'Contact', 2), key: 'Contact_Phone', developerName: 'contact_phone' },
                // A record whose name the page reads with the package's namespace.
                { ...rule('new-2', 'Lead', 2), key: 'comm100__Lead_Phone', developerName: 'comm100__Lead_Phone' }
            ]),
            'fieldMappings',
            [...DEPLOYED.fieldMappings, caseSubject]
        );
        const adopted = adoptNames(draft, stored, names);
        expect(adopted.identificationRules.map((row) => [row.key, row.developerName])).toEqual([
            ['Contact_Email', 'Contact_Email'],
            ['Lead_Email', 'Lead_Email'],
            ['Contact_Phone', 'contact_phone'],
            ['comm100__Lead_Phone', 'comm100__Lead_Phone'],
            ['new-3', null],
            ['new-4', null]
        ]);
        expect(adopted.identificationRules[0]).toBe(draft.identificationRules[0]);
        expect(adopted.identificationRules[2]?.order).toBe(2);
        const deployedRows = withRows(adopted, 'identificationRules', adopted.identificationRules.slice(0, 4));
        expect(countChanges(stored, deployedRows)).toBe(0);
        // The record the draft had no row for is added as stored (a copy).
        expect(adopted.fieldMappings).toEqual(stored.fieldMappings);
        expect(adopted.fieldMappings[1]).not.toBe(caseSubject);
        expect(adoptNames(stored, stored, {})).toBe(stored);
    });

    describe('rebaseDraft', () => {
        const labelled = (config: ConfigDraft, labels: string[]): ConfigDraft =>
            withRows(
                config,
                'identificationRules',
                config.identificationRules.map((row, i) => ({ ...row, label: labels[i] ?? row.label }))
            );
        const labels = (config: ConfigDraft) => config.identificationRules.map((row) => row.label);
        // Read before: A and B. The page sent A2 (B as read); stored now: A2, and B2 from a deployment elsewhere.
        const previous = labelled(DEPLOYED, ['A', 'B']);
        const sent = labelled(DEPLOYED, ['A2', 'B']);
        const stored = labelled(DEPLOYED, ['A2', 'B2']);

        it('takes what was deployed where the admin left a row as it was, and keeps what they edited since', () => {
            expect(labels(rebaseDraft(sent, stored, previous, sent, {}))).toEqual(['A2', 'B2']);
            expect(rebaseDraft(sent, stored, previous, sent, {})).toEqual(stored);
            // Edited while the deployment ran: A3 stays; B, untouched, is what was deployed elsewhere.
            const edited = labelled(DEPLOYED, ['A3', 'B']);
            expect(labels(rebaseDraft(edited, stored, previous, sent, {}))).toEqual(['A3', 'B2']);
            // A set back to what it was while its change was deployed: that is an edit too.
            const undone = labelled(DEPLOYED, ['A', 'B']);
            expect(labels(rebaseDraft(undone, stored, previous, sent, {}))).toEqual(['A', 'B2']);
            expect(countChanges(stored, rebaseDraft(undone, stored, previous, sent, {}))).toBe(1);
        });

        it('keeps a change the deployment did not save (it failed on it, or left it out)', () => {
            const partly = labelled(DEPLOYED, ['A', 'B2']);
            const kept = rebaseDraft(sent, partly, previous, sent, {});
            expect(labels(kept)).toEqual(['A2', 'B2']);
            expect(countChanges(partly, kept)).toBe(1);
        });

        it('takes a record the deployment changed as it stored it (a value trimmed)', () => {
            const padded = withRows(sent, 'identificationRules', [
                { ...sent.identificationRules[0]!, targetObject: ' Contact ' as 'Contact' },
                ...sent.identificationRules.slice(1)
            ]);
            const rebased = rebaseDraft(padded, stored, previous, padded, {});
            expect(rebased).toEqual(stored);
            expect(countChanges(stored, rebased)).toBe(0);
        });

        it('takes a packaged record whose label the deployment kept as installed, and only that', () => {
            // The first rule installed with the package (namespace c100).
            const packaged = (config: ConfigDraft): ConfigDraft => {
                const [first, ...others] = config.identificationRules;
                const name = 'c100__Contact_Email';
                return withRows(config, 'identificationRules', [
                    { ...first!, key: name, developerName: name },
                    ...others
                ]);
            };
            const read = packaged(previous);
            // Sent: a new label for the packaged A and for B; stored as read (A's label kept; B left out).
            const relabelled = packaged(labelled(DEPLOYED, ['A (ours)', 'B (ours)']));
            expect(labels(rebaseDraft(relabelled, read, read, relabelled, {}))).toEqual(['A', 'B (ours)']);
            // A label and another value: the value was not saved, so the row stays as sent.
            const reordered = withRows(relabelled, 'identificationRules', [
                { ...relabelled.identificationRules[0]!, order: 9 },
                ...relabelled.identificationRules.slice(1)
            ]);
            expect(rebaseDraft(reordered, read, read, reordered, {}).identificationRules[0]?.order).toBe(9);
        });

        it('takes a record kept as read when what was sent is stored so (trimmed, a blank left out)', () => {
            const padded = labelled(DEPLOYED, ['A ', ' B']);
            expect(rebaseDraft(padded, previous, previous, padded, {})).toEqual(previous);
            const [first, ...others] = previous.identificationRules;
            const blankCondition = { comm100Field: ' ', salesforceField: '' };
            const withBlank = withRows(previous, 'identificationRules', [
                { ...first!, conditions: [...first!.conditions, blankCondition] },
                ...others
            ]);
            expect(rebaseDraft(withBlank, previous, previous, withBlank, {})).toEqual(previous);
        });

        it('keeps the label of a sync policy naming a packaged record the deployment left out', () => {
            const policy = {
                key: 'Chat_Ended',
                appliesTo: 'Chat_Ended' as const,
                developerName: 'c100__Chat_Ended',
                label: 'Chat Ended',
                action: 'Do Nothing' as const,
                multipleMatches: 'Oldest' as const,
                updateMode: 'Do Not Update' as const
            };
            const read = withRows(previous, 'policies', [policy]);
            const relabelled = withRows(previous, 'policies', [{ ...policy, label: 'When a chat ends' }]);
            expect(rebaseDraft(relabelled, read, read, relabelled, {}).policies[0]?.label).toBe('When a chat ends');
        });

        it('drops a row whose record was deleted elsewhere, unless the admin edited it', () => {
            const gone = withRows(stored, 'identificationRules', stored.identificationRules.slice(0, 1));
            expect(rebaseDraft(sent, gone, previous, sent, {})).toEqual(gone);
            const edited = labelled(DEPLOYED, ['A2', 'B3']);
            expect(labels(rebaseDraft(edited, gone, previous, sent, {}))).toEqual(['A2', 'B3']);
            expect(labels(rebaseDraft(previous, gone, previous, undefined, {}))).toEqual(['A2']);
        });

        it('without a deployment of its own, takes every row left as read before', () => {
            const edited = labelled(DEPLOYED, ['A3', 'B']);
            expect(labels(rebaseDraft(edited, stored, previous, undefined, {}))).toEqual(['A3', 'B2']);
            expect(rebaseDraft(previous, stored, previous, undefined, {})).toEqual(stored);
            // The first read: an empty draft is the stored configuration.
            const empty = {
                identificationRules: [],
                fieldMappings: [],
                policies: [],
                redactionRules: [],
                allowList: []
            };
            expect(rebaseDraft(empty, stored, empty, undefined, {})).toEqual(stored);
        });

        it('places the rows a deployment created, keeps new rows without a record, and adds records it has no row for', () => {
            const names = { 'new-1': 'Contact_Phone', 'new-2': 'Lead_Phone' };
            const mine = withNames(
                withRows(previous, 'identificationRules', [
                    ...previous.identificationRules,
                    rule('new-1', 'Contact', 2),
                    rule('new-2', 'Lead', 2),
                    rule('new-3', 'Lead', 3)
                ]),
                names
            );
            const created = (key: string, from: string, object: 'Contact' | 'Lead') => ({
                ...rule(from, object, 2),
                key,
                developerName: key
            });
            const now = withRows(stored, 'identificationRules', [
                ...stored.identificationRules,
                created('Contact_Phone', 'new-1', 'Contact'),
                created('Account_Phone', 'Account_Phone', 'Contact')
            ]);
            const rebased = rebaseDraft(mine, now, previous, mine, names);
            expect(rebased.identificationRules.map((row) => [row.key, row.developerName, row.label])).toEqual([
                ['Contact_Email', 'Contact_Email', 'A2'],
                ['Lead_Email', 'Lead_Email', 'B2'],
                ['Contact_Phone', 'Contact_Phone', 'new-1'],
                ['new-2', null, 'new-2'],
                ['new-3', null, 'new-3'],
                ['Account_Phone', 'Account_Phone', 'Account_Phone']
            ]);
        });
    });
});
