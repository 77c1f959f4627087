import {
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
    removeRow,
    rowsOf,
    tagIssues,
    updateRow,
    withRows
} from 'c/configModel';
import type { ConfigDraft } from '@salesforce/apex/ConfigurationController.getConfiguration';
import { DEPLOYED, rule } from './data/drafts';

describe('configModel', () => {
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
