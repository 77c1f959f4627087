// npm run org:duplicate-rules — deploys the tests that need active matching and duplicate rules
// (org-tests/duplicate-rules, in no package) to the scratch org, in the order the platform allows:
//   1. the test-only matching rules, then waits until the org reports each of them Active (a matching rule
//      activates asynchronously after its deploy, and a duplicate rule deployed before that is refused);
//   2. the test-only duplicate rules, each object's rules placed after the rules the org already has for that
//      object (their sortOrder is rewritten to follow the org's count, keeping the repository's relative order);
//   3. the Apex test classes that use them.
// The sortOrder is rewritten in a temporary copy: the repository's files are never edited. The copy is made inside
// the project, under build/ (removed afterwards), never in the system's temporary folder: a scratch org tracks
// source, and after a --source-dir deploy the CLI records the deployed files by their path relative to the project
// in its local tracking (isomorphic-git), which refuses a path that leaves the project (../../tmp/...), failing the
// deploy command and every later tracked deploy. build/ is not in .forceignore, so the copy deploys as it is.
//
// Options:
//   --target-org <alias>  the scratch org (default: env COMM100_ORG, else comm100)
//   --timeout <seconds>   how long to wait for the matching rules to become Active (default 300)
//   --wait <minutes>      how long to wait for each deploy (default 30)
//
// Needs: the Salesforce CLI on the PATH (npm run puts node_modules/.bin there), the org (npm run org:create)
// and the package deployed in it (npm run org:deploy).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
    TARGET_ORG_OPTION,
    deployOrFail,
    detail,
    done,
    fail,
    main,
    parseOptions,
    pollMs,
    projectRoot,
    requireOrg,
    sfQuery,
    sleep,
    soqlString,
    step,
    targetOrg
} from './lib.mjs';

/** The test-only source folder, in source format. */
const ORG_TESTS = 'org-tests/duplicate-rules';

/** Every test-only matching and duplicate rule's developer name starts with this. */
const TEST_PREFIX = 'Comm100_Test_';

/** Where the temporary copies go, relative to the project: inside it (see the header), and git-ignored. */
const COPY_PARENT = path.join('build', 'org-tests');

/** The top-level sortOrder of a duplicate rule (the filter items' own sortOrder is indented deeper). */
const TOP_SORT_ORDER = /^ {4}<sortOrder>\d*<\/sortOrder>$/m;

await main(async () => {
    const options = parseOptions({
        usage: 'npm run org:duplicate-rules --',
        options: {
            'target-org': TARGET_ORG_OPTION,
            timeout: {
                type: 'number',
                description: 'seconds to wait for the matching rules to become Active',
                default: 300
            },
            wait: { type: 'number', description: 'minutes to wait for each deploy', default: 30 }
        }
    });
    const alias = targetOrg(options);
    step(`Checking the org '${alias}'`);
    await requireOrg(alias);

    const root = projectRoot();
    mkdirSync(path.join(root, COPY_PARENT), { recursive: true });
    const copy = mkdtempSync(path.join(root, COPY_PARENT, 'duplicate-rules-'));
    try {
        cpSync(path.join(root, ORG_TESTS), copy, { recursive: true });
        const base = path.join(copy, 'main', 'default');
        // The folders as sf is given them: relative to the project, where sf runs (build/org-tests/...).
        const inProject = (dir) => path.relative(root, dir);
        const matchingDir = path.join(base, 'matchingRules');
        const duplicateDir = path.join(base, 'duplicateRules');
        const classesDir = path.join(base, 'classes');

        const matchingRules = readdirSync(matchingDir)
            .filter((file) => file.endsWith('.matchingRule-meta.xml'))
            .flatMap((file) =>
                [...readFileSync(path.join(matchingDir, file), 'utf8').matchAll(/<fullName>([^<]+)<\/fullName>/g)].map(
                    (match) => match[1]
                )
            );
        step(`Deploying the test-only matching rules (${matchingRules.join(', ')}) to '${alias}'`);
        await deployOrFail({
            alias,
            sourceDirs: [inProject(matchingDir)],
            wait: options.wait,
            what: 'the test-only matching rules'
        });

        step(`Waiting until ${matchingRules.length} matching rules are Active (up to ${options.timeout} s)`);
        await waitForActive(alias, matchingRules, options.timeout);

        const byObject = new Map();
        for (const file of readdirSync(duplicateDir).filter((name) => name.endsWith('.duplicateRule-meta.xml'))) {
            const object = file.split('.')[0];
            const text = readFileSync(path.join(duplicateDir, file), 'utf8');
            const found = text.match(TOP_SORT_ORDER);
            if (!found) fail(`${ORG_TESTS}/main/default/duplicateRules/${file} has no top-level <sortOrder>: add one.`);
            const order = Number(found[0].replace(/\D/g, '')) || 0;
            if (!byObject.has(object)) byObject.set(object, []);
            byObject.get(object).push({ file, text, order });
        }
        step(`Placing the test-only duplicate rules after the org's own (${[...byObject.keys()].join(', ')})`);
        for (const [object, rules] of byObject) {
            const { totalSize: existing } = await sfQuery(
                alias,
                `SELECT COUNT() FROM DuplicateRule WHERE SobjectType = ${soqlString(object)} AND (NOT DeveloperName LIKE ${soqlString(`${TEST_PREFIX}%`)})`
            );
            rules.sort((a, b) => a.order - b.order || a.file.localeCompare(b.file));
            rules.forEach((rule, index) => {
                const sortOrder = existing + index + 1;
                writeFileSync(
                    path.join(duplicateDir, rule.file),
                    rule.text.replace(TOP_SORT_ORDER, `    <sortOrder>${sortOrder}</sortOrder>`)
                );
                detail(`${rule.file.replace('.duplicateRule-meta.xml', '')}: sortOrder ${sortOrder}`);
            });
        }
        step(`Deploying the test-only duplicate rules to '${alias}'`);
        await deployOrFail({
            alias,
            sourceDirs: [inProject(duplicateDir)],
            wait: options.wait,
            what: 'the test-only duplicate rules'
        });

        step(`Deploying the duplicate-rule tests (${ORG_TESTS}/main/default/classes) to '${alias}'`);
        await deployOrFail({
            alias,
            sourceDirs: [inProject(classesDir)],
            wait: options.wait,
            what: 'the duplicate-rule tests'
        });
    } finally {
        rmSync(copy, { recursive: true, force: true });
    }
    done(`'${alias}' has the test-only matching and duplicate rules and their tests`);
});

async function waitForActive(alias, names, timeoutSeconds) {
    const soql = `SELECT DeveloperName, RuleStatus FROM MatchingRule WHERE DeveloperName IN (${names.map(soqlString).join(', ')})`;
    const deadline = Date.now() + timeoutSeconds * 1000;
    for (;;) {
        const { records } = await sfQuery(alias, soql);
        const status = new Map(records.map((record) => [record.DeveloperName, record.RuleStatus]));
        detail(`matching rules: ${names.map((name) => `${name} ${status.get(name) ?? 'not found'}`).join(', ')}`);
        if (names.every((name) => status.get(name) === 'Active')) return;
        const failed = names.filter((name) => /fail/i.test(status.get(name) ?? ''));
        if (failed.length > 0) {
            fail(
                `The matching rule ${failed.join(', ')} did not activate (${status.get(failed[0])}): see Setup > Matching Rules in the org.`
            );
        }
        if (Date.now() >= deadline) {
            fail(
                `The test-only matching rules were not all Active after ${timeoutSeconds} s: run \`npm run org:duplicate-rules\` again later (or pass a longer --timeout).`
            );
        }
        await sleep(pollMs(10_000));
    }
}
