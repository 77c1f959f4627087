// npm run org:test — runs every local Apex test in the scratch org with code coverage
// (sf apex run test --test-level RunLocalTests --code-coverage), prints a table per class (covered/total lines
// and %), the org-wide coverage and each failed test, and writes the CLI's whole JSON answer to
// build/apex-tests/result.json (the CLI's own result files, JUnit included, go beside it).
// Exits 1 when a test fails, when the org-wide coverage is under --org-wide-gate, or when a class's coverage
// (its covered lines over its lines, unrounded) is under --class-gate.
//
// Every class and trigger is gated, not only those the run touched. The CLI's result has coverage only for the
// classes its tests ran (it reads ApexCodeCoverageAggregate for the ids the run's ApexCodeCoverage names), so a
// class no test runs would never be seen. After the run, org:test reads every class's aggregate coverage
// (`sf data query --use-tooling-api` on ApexCodeCoverageAggregate), finds the org's own class or trigger of each
// non-test class and trigger of force-app and unpackaged (ApexClass and ApexTrigger with the org's namespace, so a
// managed package's class of the same name never counts), and a class or trigger with no coverage row or no covered
// line counts as 0 % and fails the class gate, named in the table. A test class (@IsTest) has no coverage row and is
// not gated; nor is what has no line to execute: an interface, an enum, a class with an empty body (an exception).
// The raw rows go to build/apex-tests/aggregate-coverage.json.
//
// Options:
//   --target-org <alias>    the scratch org (default: env COMM100_ORG, else comm100)
//   --org-wide-gate <pct>   the least org-wide coverage (default 90)
//   --class-gate <pct>      the least coverage of each class or trigger with lines to cover (default 85)
//   --wait <minutes>        how long to wait for the run (default 60)
//
// Needs: the Salesforce CLI on the PATH (npm run puts node_modules/.bin there), the org (npm run org:create)
// with the package and its tests deployed (npm run org:deploy; npm run org:duplicate-rules for those tests).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    SfError,
    TARGET_ORG_OPTION,
    buildPath,
    detail,
    displayPath,
    done,
    fail,
    formatTable,
    main,
    parseOptions,
    projectRoot,
    requireOrg,
    sfCall,
    sfQuery,
    soqlString,
    step,
    targetOrg,
    writeJson
} from './lib.mjs';
import { resolveNamespace } from './site.mjs';

/** The package directories whose classes and triggers the class gate covers (those org:deploy deploys). */
export const GATED_DIRS = Object.freeze(['force-app', 'unpackaged']);

/** Every class's and trigger's aggregate coverage (Tooling API): the ids are matched to the org's own classes. */
export const AGGREGATE_COVERAGE_SOQL =
    'SELECT ApexClassOrTrigger.Id, ApexClassOrTrigger.Name, NumLinesCovered, NumLinesUncovered FROM ApexCodeCoverageAggregate';

/**
 * Apex source without its comments, string literals emptied ('' stays ''), so that a word in either is never read
 * as code.
 * @param {string} text
 * @returns {string}
 */
export function apexCode(text) {
    let code = '';
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (char === "'") {
            let end = i + 1;
            while (end < text.length && text[end] !== "'") end += text[end] === '\\' ? 2 : 1;
            code += "''";
            i = end;
        } else if (char === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            code += ' ';
            i = end < 0 ? text.length : end + 1;
        } else if (char === '/' && text[i + 1] === '/') {
            const end = text.indexOf('\n', i);
            i = end < 0 ? text.length : end - 1;
        } else {
            code += char;
        }
    }
    return code;
}

/**
 * What one .cls or .trigger file holds, as the class gate needs it.
 * @param {string} file
 * @returns {{ name: string, type: 'ApexClass' | 'ApexTrigger', file: string, test: boolean, executable: boolean }}
 *   name: the file's base name (the platform's name of the class or trigger); test: an @IsTest class; executable:
 *   it can have a line to cover (not an interface, an enum, or a class with an empty body)
 */
export function apexUnit(file) {
    const trigger = file.endsWith('.trigger');
    const name = path.basename(file).replace(/\.(cls|trigger)$/, '');
    if (trigger) return { name, type: 'ApexTrigger', file, test: false, executable: true };
    const code = apexCode(readFileSync(file, 'utf8'));
    const declaration = code.match(/\b(class|interface|enum)\s+\w+/i);
    if (!declaration) return { name, type: 'ApexClass', file, test: false, executable: false };
    const test = /@istest\b/i.test(code.slice(0, declaration.index));
    const kind = declaration[1].toLowerCase();
    const open = code.indexOf('{', declaration.index);
    const body = open < 0 ? '' : code.slice(open + 1, code.lastIndexOf('}'));
    // Without a parenthesis (no method, constructor or call) and without '=' (no initializer) nothing executes.
    const executable = kind === 'class' && /[(=]/.test(body);
    return { name, type: 'ApexClass', file, test, executable };
}

/**
 * The classes and triggers of the gated package directories (GATED_DIRS) of a project, in name order.
 * @param {string} [root] the project (default: projectRoot())
 * @returns {Array<ReturnType<typeof apexUnit>>}
 */
export function repositoryApex(root = projectRoot()) {
    const units = [];
    const walk = (folder) => {
        let entries = [];
        try {
            entries = readdirSync(folder, { withFileTypes: true });
        } catch (error) {
            if (error.code === 'ENOENT') return;
            throw error;
        }
        for (const entry of entries) {
            const full = path.join(folder, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (/\.(cls|trigger)$/.test(entry.name)) units.push(apexUnit(full));
        }
    };
    for (const dir of GATED_DIRS) walk(path.join(root, dir));
    return units.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The classes and triggers the gate adds to the run's coverage: each non-test, executable class or trigger of the
 * repository that the run's coverage does not name, with its aggregate coverage in the org, or 0 % when it has no
 * coverage row or no covered line. One with a row of no lines at all has nothing to cover and is left out.
 *
 * @param {Array<ReturnType<typeof apexUnit>>} units the repository's classes and triggers (repositoryApex())
 * @param {Set<string>} inRun the lower-cased names the run's coverage has
 * @param {Map<string, string>} orgIds per `<type>:<lower-cased name>`, the Id of the org's own class or trigger
 * @param {Array<Record<string, any>>} aggregate the rows of AGGREGATE_COVERAGE_SOQL
 * @returns {Array<{ name: string, covered: number, total: number, percent: number, note: string }>}
 */
export function untouchedCoverage(units, inRun, orgIds, aggregate) {
    /** @type {Map<string, { covered: number, uncovered: number }>} by the first 15 characters of the Id */
    const rows = new Map();
    for (const row of aggregate) {
        const id = String(row.ApexClassOrTrigger?.Id ?? '');
        if (!id) continue;
        const seen = rows.get(id.slice(0, 15)) ?? { covered: 0, uncovered: 0 };
        seen.covered += Number(row.NumLinesCovered) || 0;
        seen.uncovered += Number(row.NumLinesUncovered) || 0;
        rows.set(id.slice(0, 15), seen);
    }
    const entries = [];
    for (const unit of units) {
        if (unit.test || !unit.executable || inRun.has(unit.name.toLowerCase())) continue;
        const id = orgIds.get(`${unit.type}:${unit.name.toLowerCase()}`);
        const row = id ? rows.get(id.slice(0, 15)) : undefined;
        const what = unit.type === 'ApexTrigger' ? 'trigger' : 'class';
        if (!id) {
            entries.push({ name: unit.name, covered: 0, total: 0, percent: 0, note: `no such ${what} in the org` });
        } else if (!row) {
            entries.push({ name: unit.name, covered: 0, total: 0, percent: 0, note: 'no test runs it' });
        } else if (row.covered + row.uncovered > 0) {
            const total = row.covered + row.uncovered;
            entries.push({
                name: unit.name,
                covered: row.covered,
                total,
                percent: (100 * row.covered) / total,
                note: row.covered === 0 ? 'no line covered' : ''
            });
        }
    }
    return entries;
}

/**
 * The Ids of the org's own classes and triggers (those of its namespace, or of none), per `<type>:<lower-cased name>`.
 * @param {string} alias
 * @param {string} namespace '' for none
 * @returns {Promise<Map<string, string>>}
 */
async function orgApexIds(alias, namespace) {
    const ids = new Map();
    const where = `NamespacePrefix = ${namespace ? soqlString(namespace) : 'null'}`;
    for (const type of ['ApexClass', 'ApexTrigger']) {
        const { records } = await sfQuery(alias, `SELECT Id, Name FROM ${type} WHERE ${where}`);
        for (const record of records) ids.set(`${type}:${String(record.Name).toLowerCase()}`, record.Id);
    }
    return ids;
}

async function run() {
    const options = parseOptions({
        usage: 'npm run org:test --',
        options: {
            'target-org': TARGET_ORG_OPTION,
            'org-wide-gate': { type: 'number', description: 'the least org-wide coverage, in %', default: 90 },
            'class-gate': { type: 'number', description: 'the least coverage of each class, in %', default: 85 },
            wait: { type: 'number', description: 'minutes to wait for the test run', default: 60 }
        }
    });
    const alias = targetOrg(options);
    const orgWideGate = options['org-wide-gate'];
    const classGate = options['class-gate'];
    for (const [name, value] of [
        ['--org-wide-gate', orgWideGate],
        ['--class-gate', classGate]
    ]) {
        if (value < 0 || value > 100) fail(`${name} is a percentage from 0 to 100; ${value} is not.`, 2);
    }
    if (!Number.isInteger(options.wait) || options.wait < 1) {
        fail(`--wait must be a whole number of minutes, at least 1; ${options.wait} is not.`, 2);
    }

    step(`Checking the org '${alias}'`);
    await requireOrg(alias);

    const outputDir = buildPath('apex-tests');
    step(
        `Running every local Apex test in '${alias}' with code coverage (up to ${options.wait} minutes; gates: ${orgWideGate} % org-wide, ${classGate} % per class)`
    );
    const call = await sfCall([
        'apex',
        'run',
        'test',
        '--target-org',
        alias,
        '--test-level',
        'RunLocalTests',
        '--code-coverage',
        '--result-format',
        'junit',
        '--output-dir',
        outputDir,
        '--wait',
        String(options.wait)
    ]);
    if (call.json) writeJson(`${outputDir}/result.json`, call.json);
    const result = call.result;
    if (!result?.summary) {
        if (!call.ok) throw call.error;
        const runId = result?.testRunId;
        fail(
            `The Apex tests did not finish within ${options.wait} minutes${runId ? `: see their results later with \`sf apex get test --test-run-id ${runId} --target-org ${alias}\`` : ''} (or pass a longer --wait).`
        );
    }
    detail(`raw result: ${displayPath(`${outputDir}/result.json`)}`);

    const runCoverage = result.coverage?.coverage ?? [];
    const inRun = new Set(runCoverage.map((entry) => String(entry.name).toLowerCase()));
    step(
        `Reading the coverage of every class and trigger of ${GATED_DIRS.join(' and ')} in '${alias}' (the run's result has only those its tests ran)`
    );
    const units = repositoryApex();
    let untouched = [];
    /** Why the coverage of the classes the run did not touch could not be read: the gate then cannot pass. */
    let unread = '';
    try {
        const { namespace } = await resolveNamespace(alias, undefined);
        const orgIds = await orgApexIds(alias, namespace);
        const { records: aggregate } = await sfQuery(alias, AGGREGATE_COVERAGE_SOQL, { tooling: true });
        writeJson(`${outputDir}/aggregate-coverage.json`, aggregate);
        untouched = untouchedCoverage(units, inRun, orgIds, aggregate);
        detail(
            `${units.filter((unit) => !unit.test && unit.executable).length} classes and triggers to gate; ${untouched.length} not in the run's result${untouched.length > 0 ? `: ${untouched.map((entry) => entry.name).join(', ')}` : ''}`
        );
    } catch (error) {
        if (!(error instanceof SfError)) throw error;
        unread = error.message;
        console.error(`  ✖ ${unread}`);
    }

    const coverage = [
        ...runCoverage
            .filter((entry) => Number(entry.totalLines) > 0)
            .map((entry) => ({
                name: entry.name,
                covered: Number(entry.totalCovered),
                total: Number(entry.totalLines),
                percent: (100 * Number(entry.totalCovered)) / Number(entry.totalLines),
                note: ''
            })),
        ...untouched
    ].sort((a, b) => a.name.localeCompare(b.name));
    const under = coverage.filter((entry) => entry.percent < classGate);
    if (coverage.length > 0) {
        console.log('');
        console.log(
            formatTable(
                ['Class or trigger', 'Covered', 'Coverage', ''],
                coverage.map((entry) => [
                    entry.name,
                    entry.total > 0 ? `${entry.covered}/${entry.total}` : '-',
                    `${formatPercent(entry.percent)} %`,
                    entry.percent < classGate ? `✖ under ${classGate} %${entry.note ? ` (${entry.note})` : ''}` : ''
                ])
            )
        );
        console.log('');
    } else {
        detail('no class or trigger reported coverage');
    }

    const orgWideText = String(result.summary.orgWideCoverage ?? '');
    const orgWide = Number.parseFloat(orgWideText);
    const tests = Array.isArray(result.tests) ? result.tests : [];
    const failed = tests.filter((test) => test.Outcome === 'Fail' || test.Outcome === 'CompileFail');
    const passed = tests.filter((test) => test.Outcome === 'Pass').length;
    detail(`tests: ${tests.length} run, ${passed} passed, ${failed.length} failed, outcome ${result.summary.outcome}`);
    detail(
        `org-wide coverage: ${Number.isFinite(orgWide) ? `${formatPercent(orgWide)} %` : 'not reported'} (gate ${orgWideGate} %)`
    );
    for (const test of failed) {
        const name = test.FullName ?? `${test.ApexClass?.Name}.${test.MethodName}`;
        console.error(`  ✖ ${name}: ${String(test.Message ?? test.Outcome).split('\n')[0]}`);
        const where = String(test.StackTrace ?? '').split('\n')[0];
        if (where) console.error(`      at ${where}`);
    }

    const reasons = [];
    if (failed.length > 0) reasons.push(`${failed.length} test${failed.length === 1 ? '' : 's'} failed`);
    else if (result.summary.outcome === 'Failed') reasons.push('the test run failed');
    if (!Number.isFinite(orgWide)) reasons.push('no org-wide coverage was reported');
    else if (orgWide < orgWideGate)
        reasons.push(`org-wide coverage ${formatPercent(orgWide)} % is under ${orgWideGate} %`);
    if (unread) {
        reasons.push('the coverage of the classes and triggers the run did not touch could not be read (see above)');
    }
    if (under.length > 0) {
        reasons.push(
            `${under.length} class${under.length === 1 ? ' is' : 'es are'} under ${classGate} % (${under.map((entry) => `${entry.name} ${formatPercent(entry.percent)} %${entry.note ? ` (${entry.note})` : ''}`).join(', ')})`
        );
    }
    if (reasons.length > 0) fail(`The Apex tests in '${alias}' did not pass: ${reasons.join('; ')}.`);
    if (!call.ok) throw call.error;
    done(
        `${passed} Apex tests passed; org-wide coverage ${formatPercent(orgWide)} %, every class at least ${classGate} %`
    );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
    await main(run);
}

/** A percentage to one decimal, rounded down, so that 84.96 % never reads as 85.0 %. */
function formatPercent(value) {
    const floored = Math.floor(value * 10) / 10;
    return Number.isInteger(floored) ? String(floored) : floored.toFixed(1);
}
