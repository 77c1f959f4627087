// The rules of scripts/checks/rules/, each proven the way ESLint proves its rules: the valid project passes
// every rule, and each broken case fails the rule it is filed under, naming every expected problem (the cases
// are described in lib/rule-cases.mjs). Every rule must fail on at least one broken fixture: a case of its
// own, or the metadata checker's broken project (scripts/__tests__/fixtures/metadata/broken). docs/CHECKS.md
// lists every rule as it is.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { VALID, LEGACY_BROKEN, brokenCases, format, linesOf, projectFor } from './lib/rule-cases.mjs';
import { runBatched } from './lib/batched-rules.mjs';
import { loadRules, runRules } from '../checks/run.mjs';
import { CHECKS_PAGE, staleRows } from '../checks/list.mjs';

const rules = await loadRules();
const ruleNames = new Set(rules.map((r) => r.name));

describe('rules of the project model', () => {
    test('the valid project passes every rule', async () => {
        const { problems } = await runRules(VALID, rules);
        assert.deepEqual(problems, [], format(problems));
    });

    // Every case runs its own rule over its own copy of the project; the apex-ls questions of all cases with
    // the same objects are asked in one apex-ls run (lib/batched-rules.mjs), not one run a case.
    const cases = brokenCases();
    let results;
    const projects = [];
    before(async () => {
        const runs = cases.map((broken) => {
            const project = projectFor(broken.dir);
            projects.push(project);
            const rule = rules.find((r) => r.name === broken.rule);
            return { id: `${broken.rule}/${broken.name}`, project, rules: rule ? [rule] : [] };
        });
        results = await runBatched(runs);
    });
    after(() => {
        for (const project of projects) {
            rmSync(project, { recursive: true, force: true });
        }
    });
    for (const broken of cases) {
        test(`${broken.rule} fails on ${broken.name}`, () => {
            const rule = rules.find((r) => r.name === broken.rule);
            assert.ok(rule, `fixtures/rules/${broken.rule} names no rule of scripts/checks/rules/`);
            const expected = linesOf(path.join(broken.dir, 'expect.txt'));
            assert.ok(expected.length > 0, `${broken.rule}/${broken.name} has no expect.txt`);
            const messages = results
                .get(`${broken.rule}/${broken.name}`)
                .filter((p) => p.rule === rule.name)
                .map((p) => p.message);
            assert.ok(messages.length > 0, `${rule.name} reported nothing on ${broken.name}`);
            for (const text of expected) {
                assert.ok(
                    messages.some((m) => m.includes(text)),
                    `expected ${rule.name} to report "${text}"; it reported:\n${messages.join('\n')}`
                );
            }
        });
    }

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
