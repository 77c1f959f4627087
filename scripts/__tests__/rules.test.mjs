// The rules of scripts/checks/rules/, each proven the way ESLint proves its rules: the valid project passes
// every rule, and each broken case fails the rule it is filed under, naming every expected problem (the cases
// are described in lib/rule-cases.mjs; their tests are in messages.test.mjs, which runs each case once).
// Every rule must fail on at least one broken fixture: a case of its own, or the metadata checker's broken
// project (scripts/__tests__/fixtures/metadata/broken). docs/CHECKS.md lists every rule as it is.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { VALID, LEGACY_BROKEN, brokenCases, format } from './lib/rule-cases.mjs';
import { loadRules, runRules } from '../checks/run.mjs';
import { CHECKS_PAGE, staleRows } from '../checks/list.mjs';

const rules = await loadRules();
const ruleNames = new Set(rules.map((r) => r.name));

describe('rules of the project model', () => {
    test('the valid project passes every rule', async () => {
        const { problems } = await runRules(VALID, rules);
        assert.deepEqual(problems, [], format(problems));
    });

    // Each broken case's own test (it fails its rule, naming every expected problem) is in messages.test.mjs,
    // which runs every case once for both proofs.
    const cases = brokenCases();

    test('every rule fails on at least one broken fixture', async () => {
        const { problems } = await runRules(LEGACY_BROKEN, rules);
        const covered = new Set([...problems.map((p) => p.rule), ...cases.map((c) => c.rule)]);
        const uncovered = [...ruleNames].filter((name) => !covered.has(name));
        assert.deepEqual(uncovered, [], `rules without a broken fixture: ${uncovered.join(', ')}`);
    });

    test('docs/CHECKS.md lists every rule with its current description, and no rule that is gone', async () => {
        const page = readFileSync(CHECKS_PAGE, 'utf8');
        assert.deepEqual(await staleRows(page), []);
        const [first] = rules;
        const withoutFirst = page
            .split('\n')
            .filter((line) => !line.includes(`| \`${first.name}\``))
            .join('\n');
        const stale = `${withoutFirst}\n| \`check:metadata\` | \`gone-rule\` | a rule that was removed |\n`;
        assert.deepEqual(await staleRows(stale), [
            `${first.name}: not listed`,
            'gone-rule: listed, but there is no such rule'
        ]);
    });
});
