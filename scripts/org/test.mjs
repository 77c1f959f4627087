// npm run org:test — runs every local Apex test in the scratch org with code coverage
// (sf apex run test --test-level RunLocalTests --code-coverage), prints a table per class (covered/total lines
// and %), the org-wide coverage and each failed test, and writes the CLI's whole JSON answer to
// build/apex-tests/result.json (the CLI's own result files, JUnit included, go beside it).
// Exits 1 when a test fails, when the org-wide coverage is under --org-wide-gate, or when a class's coverage
// (its covered lines over its lines, unrounded) is under --class-gate.
//
// Options:
//   --target-org <alias>    the scratch org (default: env COMM100_ORG, else comm100)
//   --org-wide-gate <pct>   the least org-wide coverage (default 90)
//   --class-gate <pct>      the least coverage of each class or trigger with lines to cover (default 85)
//   --wait <minutes>        how long to wait for the run (default 60)
//
// Needs: the Salesforce CLI on the PATH (npm run puts node_modules/.bin there), the org (npm run org:create)
// with the package and its tests deployed (npm run org:deploy; npm run org:duplicate-rules for those tests).
import {
    TARGET_ORG_OPTION,
    buildPath,
    detail,
    displayPath,
    done,
    fail,
    formatTable,
    main,
    parseOptions,
    requireOrg,
    sfCall,
    step,
    targetOrg,
    writeJson
} from './lib.mjs';

await main(async () => {
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

    const coverage = (result.coverage?.coverage ?? [])
        .filter((entry) => Number(entry.totalLines) > 0)
        .map((entry) => ({
            name: entry.name,
            covered: Number(entry.totalCovered),
            total: Number(entry.totalLines),
            percent: (100 * Number(entry.totalCovered)) / Number(entry.totalLines)
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    const under = coverage.filter((entry) => entry.percent < classGate);
    if (coverage.length > 0) {
        console.log('');
        console.log(
            formatTable(
                ['Class or trigger', 'Covered', 'Coverage', ''],
                coverage.map((entry) => [
                    entry.name,
                    `${entry.covered}/${entry.total}`,
                    `${formatPercent(entry.percent)} %`,
                    entry.percent < classGate ? `✖ under ${classGate} %` : ''
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
    if (under.length > 0) {
        reasons.push(
            `${under.length} class${under.length === 1 ? ' is' : 'es are'} under ${classGate} % (${under.map((entry) => `${entry.name} ${formatPercent(entry.percent)} %`).join(', ')})`
        );
    }
    if (reasons.length > 0) fail(`The Apex tests in '${alias}' did not pass: ${reasons.join('; ')}.`);
    if (!call.ok) throw call.error;
    done(
        `${passed} Apex tests passed; org-wide coverage ${formatPercent(orgWide)} %, every class at least ${classGate} %`
    );
});

/** A percentage to one decimal, rounded down, so that 84.96 % never reads as 85.0 %. */
function formatPercent(value) {
    const floored = Math.floor(value * 10) / 10;
    return Number.isInteger(floored) ? String(floored) : floored.toFixed(1);
}
