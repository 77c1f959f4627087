import {
    adoptNames,
    catalogueGroups,
    changedKeys,
    changesLabel,
    countChanges,
    errorCount,
    groupByObject,
    isNewRow,
    issueAt,
    issueSummary,
    moveRule,
    newKey,
    nextOrder,
    rebaseDraft,
    removeRow,
    rowsOf,
    tagIssues,
    updateRow,
    withNames,
    withRows
} from 'c/configModel';
import type { ConfigDraft, IdentificationRule } from '@salesforce/apex/ConfigurationController.getConfiguration';

function rule(key: string, targetObject: 'Contact' | 'Lead' | 'Account', order: number): IdentificationRule {
    return {
        key,
        developerName: key.startsWith('new-') ? null : key,
        label: key,
        targetObject,
        order,
        active: true,
        conditions: [{ comm100Field: 'visitor.email', salesforceField: 'Email' }]
    };
}

const DEPLOYED: ConfigDraft = {
    identificationRules: [rule('Contact_Email', 'Contact', 1), rule('Lead_Email', 'Lead', 1)],
    fieldMappings: [
        {
            key: 'Case_Description',
            developerName: 'Case_Description',
            label: 'Case Description',
            targetObject: 'Case',
            comm100Field: 'chat.transcript',
            salesforceField: 'Description',
            active: true
        }
    ],
    policies: [],
    redactionRules: [],
    allowList: []
};

describe('configModel', () => {
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

        it('keeps a change the deployment failed to save', () => {
            const partly = labelled(DEPLOYED, ['A', 'B2']);
            const kept = rebaseDraft(sent, partly, previous, sent, {});
            expect(labels(kept)).toEqual(['A2', 'B2']);
            expect(countChanges(partly, kept)).toBe(1);
        });

        it('takes what the deployment made of a row it sent (trimmed, a blank left out, a kept label)', () => {
            const padded = withRows(sent, 'identificationRules', [
                { ...sent.identificationRules[0]!, targetObject: ' Contact ' as 'Contact' },
                ...sent.identificationRules.slice(1)
            ]);
            const rebased = rebaseDraft(padded, stored, previous, padded, {});
            expect(rebased).toEqual(stored);
            expect(countChanges(stored, rebased)).toBe(0);
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

    it('counts no change in a copy of the deployed configuration, even with keys in another order', () => {
        const copy = JSON.parse(JSON.stringify(DEPLOYED)) as ConfigDraft;
        const reordered = { ...copy.fieldMappings[0]!, active: true, key: 'Case_Description' };
        expect(countChanges(DEPLOYED, withRows(copy, 'fieldMappings', [reordered]))).toBe(0);
    });

    it('counts each changed, deactivated and new row once', () => {
        let draft = withRows(DEPLOYED, 'identificationRules', [
            { ...DEPLOYED.identificationRules[0]!, label: 'Contact by email (renamed)' },
            DEPLOYED.identificationRules[1]!,
            rule('new-1', 'Account', 1)
        ]);
        draft = withRows(draft, 'fieldMappings', removeRow(draft.fieldMappings, 'Case_Description'));
        expect(countChanges(DEPLOYED, draft)).toBe(3);
        expect([...changedKeys(rowsOf(DEPLOYED, 'identificationRules'), rowsOf(draft, 'identificationRules'))]).toEqual(
            ['Contact_Email', 'new-1']
        );
    });

    it('reads a section the Apex left out as no rows', () => {
        expect(rowsOf({ identificationRules: [] }, 'allowList')).toEqual([]);
    });

    it('makes new keys that start with new- and never repeat', () => {
        const keys = [newKey(), newKey(), newKey()];
        expect(keys.every((key) => key.startsWith('new-'))).toBe(true);
        expect(new Set(keys).size).toBe(3);
    });

    it('removes a new row outright and deactivates a stored row, never changing the input', () => {
        const rules = [rule('Contact_Email', 'Contact', 1), rule('new-7', 'Contact', 2)];
        const frozen = JSON.stringify(rules);
        expect(removeRow(rules, 'new-7').map((r) => r.key)).toEqual(['Contact_Email']);
        const removed = removeRow(rules, 'Contact_Email');
        expect(removed.map((r) => [r.key, r.active])).toEqual([
            ['Contact_Email', false],
            ['new-7', true]
        ]);
        expect(removeRow(rules, 'missing')).toBe(rules);
        expect(JSON.stringify(rules)).toBe(frozen);
        expect(isNewRow({ key: 'x', developerName: '' })).toBe(true);
        expect(isNewRow({ key: 'x', developerName: 'X' })).toBe(false);
    });

    it('updates one row and keeps the others as they were', () => {
        const rules = [rule('A', 'Contact', 1), rule('B', 'Contact', 2)];
        const updated = updateRow(rules, 'B', { label: 'Bee' });
        expect(updated[0]).toBe(rules[0]);
        expect(updated[1]).toEqual({ ...rules[1], label: 'Bee' });
    });

    it('moves a rule by exchanging its order with the neighbour of the same object only', () => {
        const rules = [rule('C1', 'Contact', 10), rule('L1', 'Lead', 15), rule('C2', 'Contact', 20)];
        const moved = moveRule(rules, 'C2', -1);
        expect(moved.map((r) => [r.key, r.order])).toEqual([
            ['C1', 20],
            ['L1', 15],
            ['C2', 10]
        ]);
        expect(moveRule(rules, 'C1', -1)).toBe(rules);
        expect(moveRule(rules, 'C2', 1)).toBe(rules);
        expect(moveRule(rules, 'L1', 1)).toBe(rules);
    });

    it('numbers the rules of an object again when a moved rule has the same order as its neighbour', () => {
        const rules = [rule('A', 'Contact', 1), rule('B', 'Contact', 1), rule('C', 'Contact', 3)];
        const moved = moveRule(rules, 'B', -1);
        expect(moved.map((r) => [r.key, r.order])).toEqual([
            ['A', 2],
            ['B', 1],
            ['C', 3]
        ]);
        expect(moved[2]).toBe(rules[2]);
    });

    it('puts a new rule after the last of its object', () => {
        const rules = [rule('A', 'Contact', 4), rule('B', 'Lead', 9)];
        expect(nextOrder(rules, 'Contact')).toBe(5);
        expect(nextOrder(rules, 'Account')).toBe(1);
    });

    it('groups rows by object in the objects order', () => {
        const groups = groupByObject(DEPLOYED.identificationRules, [
            { apiName: 'Lead', label: 'Lead' },
            { apiName: 'Contact', label: 'Contact' },
            { apiName: 'Account', label: 'Account' }
        ]);
        expect(groups.map((g) => [g.apiName, g.rows.map((r) => r.key)])).toEqual([
            ['Lead', ['Lead_Email']],
            ['Contact', ['Contact_Email']],
            ['Account', []]
        ]);
    });

    it('tags errors and warnings and finds the one of an input, an error before a warning', () => {
        const issues = tagIssues(
            [{ section: 'identificationRules', key: 'A', field: 'label', message: 'Too long' }],
            [
                { section: 'identificationRules', key: 'A', field: 'label', message: 'Odd' },
                { section: 'identificationRules', key: 'A', field: 'conditions.0.salesforceField', message: 'Slow' }
            ]
        );
        expect(issueAt(issues, 'identificationRules', 'A', 'label')?.message).toBe('Too long');
        expect(issueAt(issues, 'identificationRules', 'A', 'conditions.0.salesforceField')).toEqual({
            section: 'identificationRules',
            key: 'A',
            field: 'conditions.0.salesforceField',
            message: 'Slow',
            severity: 'warning'
        });
        expect(issueAt(issues, 'fieldMappings', 'A', 'label')).toBeUndefined();
        expect(
            issueAt([{ section: 'allowList', key: 'K', field: 'f', message: 'm' }], 'allowList', 'K', 'f')?.severity
        ).toBe('error');
        expect(errorCount(issues, 'identificationRules')).toBe(1);
        expect(errorCount(issues, 'fieldMappings')).toBe(0);
    });

    it('says what a check found and how many rows changed', () => {
        expect(issueSummary(0, 0)).toBe('No problems found.');
        expect(issueSummary(1, 0)).toBe('1 error, 0 warnings');
        expect(issueSummary(2, 1)).toBe('2 errors, 1 warning');
        expect(changesLabel(0)).toBe('No unsaved changes');
        expect(changesLabel(1)).toBe('1 unsaved change');
        expect(changesLabel(4)).toBe('4 unsaved changes');
    });

    it('groups the catalogue by category in its order', () => {
        const groups = catalogueGroups([
            { key: 'visitor.name', label: 'Name', category: 'Visitor', valueType: 'STRING' },
            { key: 'session.ip', label: 'IP', category: 'Session', valueType: 'STRING' },
            { key: 'visitor.email', label: 'Email', category: 'Visitor', valueType: 'EMAIL' }
        ]);
        expect(groups.map((g) => [g.category, g.fields.map((f) => f.key)])).toEqual([
            ['Visitor', ['visitor.name', 'visitor.email']],
            ['Session', ['session.ip']]
        ]);
    });
});
