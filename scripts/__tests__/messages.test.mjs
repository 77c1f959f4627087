// Every message a checker can print is printed by at least one broken fixture. The messages are read from the
// checkers' source (lib/message-templates.mjs): each place a rule of scripts/checks/rules/ reports, and each
// problem scripts/check-apex-contract.mjs, check-convert.mjs and check-api-docs.mjs push, gives a template
// (its literal text, with a wildcard for what the code computes, and alternatives for a choice of texts). Then
// every broken fixture is run: each rule's cases (fixtures/rules/<rule>/<case>/, with their own rule), the
// metadata checker's broken project (every rule), and the other checkers' broken fixtures and cases. The test
// fails naming each template, or alternative of one, that no fixture printed, and each printed message that
// fits no template (the templates would then be incomplete).
//
// A rule's message is matched to the place that wrote it by the stack of its report; the other checkers'
// messages by their text alone (a message fitting several templates counts for those with the most literal text).
//
// A case of another checker is a folder fixtures/<checker>/cases/<case>/ laid over that checker's base fixture,
// with an expect.txt (one expected text a line, each must appear in a message), like the rules' cases.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, copyOut, fixture } from './lib/harness.mjs';
import { LEGACY_BROKEN, brokenCases, linesOf, projectFor } from './lib/rule-cases.mjs';
import { runBatched } from './lib/batched-rules.mjs';
import { PROBLEM_SINKS, RULE_SINKS, compileTemplate, messageSites } from './lib/message-templates.mjs';
import { RULES_DIR, loadRules } from '../checks/run.mjs';
import { checkApexContract } from '../check-apex-contract.mjs';
import { checkApiDocs } from '../check-api-docs.mjs';
import { convertAndCompare } from '../check-convert.mjs';

const rules = await loadRules();

/**
 * Templates no broken fixture can print, each with the reason: `path:line template` (as the test names it) →
 * why. Only for what a fixture cannot reach (a failure of the machine, not of the project); code no input
 * reaches is removed instead. An entry that no longer names a template fails the test.
 */
const UNPRINTED = {};

/**
 * The other checkers: their source, the project their cases are laid over, their broken fixtures (a project, or
 * an overlay of the base project) and how to run one, to the messages it prints.
 */
const CHECKERS = [
    {
        name: 'check-convert',
        base: fixture('convert', 'complete'),
        broken: [{ overlay: fixture('convert', 'forceignored') }],
        run: async (dir) => {
            const output = mkdtempSync(path.join(os.tmpdir(), 'convert-out-'));
            try {
                return (await convertAndCompare(dir, output)).problems;
            } finally {
                rmSync(output, { recursive: true, force: true });
            }
        }
    },
    {
        name: 'check-apex-contract',
        base: fixture('apex-contract', 'valid'),
        broken: [{ project: fixture('apex-contract', 'broken') }],
        run: async (dir) => checkApexContract(dir).problems.map((p) => p.message)
    },
    {
        name: 'check-api-docs',
        base: fixture('api-docs', 'broken'),
        broken: [{ project: fixture('api-docs', 'broken') }],
        run: async (dir) => checkApiDocs(dir).problems.map((p) => p.message)
    }
];

/** The cases of another checker: fixtures/<its fixture folder>/cases/<case>/, each with an expect.txt. */
function checkerCases(checker) {
    const dir = path.join(path.dirname(checker.base), 'cases');
    return existsSync(dir)
        ? readdirSync(dir, { withFileTypes: true })
              .filter((d) => d.isDirectory())
              .map((d) => ({ id: `${checker.name}/${d.name}`, overlay: path.join(dir, d.name), isCase: true }))
        : [];
}

/** A copy of a project, or of the base project with an overlay laid over it (its expect.txt left out). */
function projectOf(base, { project, overlay }) {
    const dir = copyOut(project ?? base);
    if (overlay) {
        cpSync(overlay, dir, { recursive: true, filter: (source) => path.relative(overlay, source) !== 'expect.txt' });
    }
    return dir;
}

/**
 * Runs a checker over its broken fixtures and cases, side by side.
 * @returns {Promise<{ messages: { id: string, message: string }[], failures: string[] }>}
 */
async function runChecker(checker) {
    const runs = [
        ...checker.broken.map((b) => ({ ...b, id: relative(b.overlay ?? b.project) })),
        ...checkerCases(checker)
    ];
    const results = await Promise.all(
        runs.map(async (run) => {
            const project = projectOf(checker.base, run);
            try {
                return { run, printed: await checker.run(project) };
            } finally {
                rmSync(project, { recursive: true, force: true });
            }
        })
    );
    const messages = [];
    const failures = [];
    for (const { run, printed } of results) {
        messages.push(...printed.map((message) => ({ id: run.id, message })));
        const expected = run.isCase ? linesOf(path.join(run.overlay, 'expect.txt')) : [];
        if (run.isCase && expected.length === 0) {
            failures.push(`${run.id} has no expect.txt`);
        }
        for (const text of expected.filter((t) => !printed.some((m) => m.includes(t)))) {
            failures.push(`${run.id}: expected "${text}"; printed:\n  ${printed.join('\n  ')}`);
        }
    }
    return { messages, failures };
}

const literalLength = (parts) =>
    parts.reduce(
        (n, p) => n + (p.t === 'lit' ? p.s.length : p.t === 'alt' ? Math.min(...p.options.map(literalLength)) : 0),
        0
    );

/** Sites with their compiled templates and what printed them. */
function prepare(sites) {
    return sites.map((site) => ({ ...site, ...compileTemplate(site.parts), hits: [], branchHits: new Set() }));
}

const relative = (file) => path.relative(ROOT, file).split(path.sep).join('/');
const where = (site) => `${relative(site.file)}:${site.line}`;

/** Records that a message fits a site: the site and the alternatives the message went through. */
function hit(site, message, match) {
    site.hits.push(message);
    site.branches.forEach((branch, i) => {
        if (match[i + 1] !== undefined) {
            site.branchHits.add(i);
        }
    });
}

describe('every message of the checkers is printed by a broken fixture', () => {
    const ruleSites = new Map(); // rule name → sites of its file
    const checkerSites = new Map(); // checker name → sites of its file
    const unexplained = [];
    const caseFailures = [];
    const unnamed = [];
    const unfollowed = [];
    const temporary = [];
    let caseResults = new Map(); // case id → the problems its rule reported

    before(async () => {
        const read = (file, sinks) => {
            const { sites, unfollowed: lost } = messageSites(file, sinks);
            unfollowed.push(...lost);
            return prepare(sites);
        };
        for (const rule of rules) {
            ruleSites.set(rule.name, read(path.join(RULES_DIR, `${rule.name}.mjs`), RULE_SINKS));
        }
        for (const checker of CHECKERS) {
            checkerSites.set(checker.name, read(path.join(ROOT, 'scripts', `${checker.name}.mjs`), PROBLEM_SINKS));
        }

        // The other checkers first: check:convert runs sf, which can go on while the rules run here.
        const checkersRunning = Promise.all(CHECKERS.map((checker) => runChecker(checker)));

        // The rules: each case with its own rule, the broken project with every rule, apex-ls once per set of objects.
        const cases = brokenCases();
        const runs = cases.map((c) => {
            const project = projectFor(c.dir);
            temporary.push(project);
            return {
                id: `${c.rule}/${c.name}`,
                project,
                rules: rules.filter((r) => r.name === c.rule),
                expected: linesOf(path.join(c.dir, 'expect.txt'))
            };
        });
        // The broken project stands in for the cases of a rule that has none (as in the mutation runs): a rule
        // with cases must print every message in them.
        const withCases = new Set(cases.map((c) => c.rule));
        runs.push({
            id: 'metadata/broken',
            project: LEGACY_BROKEN,
            rules: rules.filter((r) => !withCases.has(r.name))
        });
        const results = await runBatched(runs);
        caseResults = results;
        for (const run of runs) {
            const { id, expected } = run;
            for (const problem of results.get(id)) {
                if (expected && !expected.some((text) => problem.message.includes(text))) {
                    unnamed.push(`${id}: ${problem.message}`);
                }
                const file = path.join(RULES_DIR, `${problem.rule}.mjs`);
                const lines = problem.frames.filter((f) => f.file === file).map((f) => f.line);
                const sites = ruleSites
                    .get(problem.rule)
                    .filter((s) => lines.some((line) => line >= s.line && line <= s.endLine));
                let fitted = false;
                for (const site of sites) {
                    const match = site.regex.exec(problem.message);
                    if (match) {
                        hit(site, `${id}: ${problem.message}`, match);
                        fitted = true;
                    }
                }
                if (!fitted) {
                    unexplained.push(
                        `[${problem.rule}] ${problem.message} (${id}; written at line ${lines.join(', ')} of ` +
                            `${relative(file)}, templates there: ${sites.map((s) => s.text).join(' / ') || 'none'})`
                    );
                }
            }
        }

        // The other checkers, whose sf runs went on beside the rules.
        const checkerRuns = await checkersRunning;
        CHECKERS.forEach((checker, i) => {
            const { messages, failures } = checkerRuns[i];
            caseFailures.push(...failures);
            const sites = checkerSites.get(checker.name);
            for (const { id, message } of messages) {
                const fitting = sites.map((site) => ({ site, match: site.regex.exec(message) })).filter((f) => f.match);
                if (fitting.length === 0) {
                    unexplained.push(`[${checker.name}] ${message} (${id})`);
                    continue;
                }
                const best = Math.max(...fitting.map((f) => literalLength(f.site.parts)));
                for (const f of fitting.filter((x) => literalLength(x.site.parts) === best)) {
                    hit(f.site, `${id}: ${message}`, f.match);
                }
            }
        });
    });

    after(() => {
        for (const dir of temporary) {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    // Each broken case fails the rule it is filed under, naming every expected problem (the rules are proven
    // the way ESLint proves its rules; rules.test.mjs proves the valid project and the rules table).
    for (const broken of brokenCases()) {
        test(`${broken.rule} fails on ${broken.name}`, () => {
            const rule = rules.find((r) => r.name === broken.rule);
            assert.ok(rule, `fixtures/rules/${broken.rule} names no rule of scripts/checks/rules/`);
            const expected = linesOf(path.join(broken.dir, 'expect.txt'));
            assert.ok(expected.length > 0, `${broken.rule}/${broken.name} has no expect.txt`);
            const messages = caseResults
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

    test('each rule file and checker has message templates, and none is only a wildcard', () => {
        const all = [...ruleSites.values(), ...checkerSites.values()];
        for (const rule of rules) {
            assert.ok(ruleSites.get(rule.name).length > 0, `no report(…) read from rules/${rule.name}.mjs`);
        }
        for (const checker of CHECKERS) {
            assert.ok(checkerSites.get(checker.name).length > 0, `no problems.push(…) read from ${checker.name}.mjs`);
        }
        const blind = all.flat().filter((s) => literalLength(s.parts) < 4);
        assert.deepEqual(
            blind.map((s) => `${where(s)} ${s.text}`),
            [],
            'templates with (almost) no literal text match anything: follow what the message is made of'
        );
        assert.deepEqual(unfollowed, [], 'a function that writes messages goes where its calls cannot be read');
    });

    test('each message left unprinted on purpose is still one a checker can print', () => {
        const all = [...ruleSites.values(), ...checkerSites.values()].flat();
        const stale = Object.keys(UNPRINTED).filter((text) => !all.some((s) => `${where(s)} ${s.text}` === text));
        assert.deepEqual(stale, [], 'UNPRINTED names templates the checkers no longer have');
    });

    test('each case of the other checkers prints what its expect.txt names', () => {
        assert.deepEqual(caseFailures, []);
    });

    test("every message a rule's broken case prints is named by its expect.txt", () => {
        // A case names all it breaks, so a rule that starts reporting more than that fails too.
        assert.deepEqual(unnamed, [], `add these to the expect.txt of their case:\n${unnamed.join('\n')}`);
    });

    test('every message a broken fixture prints fits a template of the place that wrote it', () => {
        assert.deepEqual(unexplained, []);
    });

    test('every template, and every alternative in one, is printed by a broken fixture', () => {
        const missing = [];
        for (const site of [...ruleSites.values(), ...checkerSites.values()].flat()) {
            if (`${where(site)} ${site.text}` in UNPRINTED) {
                continue;
            }
            if (site.hits.length === 0) {
                missing.push(`${where(site)} ${site.text}`);
                continue;
            }
            site.branches.forEach((branch, i) => {
                if (!site.branchHits.has(i)) {
                    missing.push(`${where(site)} ${site.text}: never with "${branch.text || '(nothing)'}"`);
                }
            });
        }
        assert.deepEqual(missing, [], `never printed by a broken fixture:\n${missing.join('\n')}`);
    });
});
