#!/usr/bin/env node
// Mutation testing of the TypeScript components, the rules of the checkers, their framework and the command-line tools, with
// StrykerJS: each suite has its config (stryker.<suite>.config.mjs) and writes its report to
// build/mutation/<suite>.json. Then the score is printed per file and overall, and the run fails when the
// overall score is under 80 % or any file's is under 70 %.
//
//   node scripts/mutation/run.mjs [components] [checkers] [framework] [tools]   the named suites (default: all)
//   node scripts/mutation/run.mjs --report                          only print the scores of the last runs
//
// The components, checkers and framework suites are incremental: a rerun tests again only the mutants whose code or
// tests changed (a rule's case counts as changed when its fixture does). The tools suite runs whole.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runMain } from '../lib/files.mjs';
import { ROOT } from '../lib/lwc-bundles.mjs';

export const SUITES = ['components', 'checkers', 'framework', 'tools'];
export const OVERALL_MINIMUM = 80;
export const FILE_MINIMUM = 70;

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/**
 * The score of each file of mutation-testing reports (Stryker's JSON schema) and overall: detected mutants
 * (killed or timed out) over valid ones (detected, survived, or not covered by any test). Mutants that do not
 * compile or are ignored do not count.
 * @param {{ files: Record<string, { mutants: { status: string }[] }> }[]} reports
 */
export function scores(reports) {
    const files = [];
    for (const report of reports) {
        for (const [file, { mutants }] of Object.entries(report.files)) {
            const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
            const undetected = mutants.filter((m) => UNDETECTED.has(m.status)).length;
            const survived = mutants.filter((m) => m.status === 'Survived').length;
            files.push({ file, detected, survived, noCoverage: undetected - survived, valid: detected + undetected });
        }
    }
    files.sort((a, b) => a.file.localeCompare(b.file));
    const detected = files.reduce((sum, f) => sum + f.detected, 0);
    const valid = files.reduce((sum, f) => sum + f.valid, 0);
    return {
        files: files.map((f) => ({ ...f, score: percent(f.detected, f.valid) })),
        score: percent(detected, valid),
        detected,
        valid
    };
}

/** A percentage with one decimal; 100 when there is nothing to detect. */
function percent(part, whole) {
    return whole === 0 ? 100 : Math.floor((1000 * part) / whole) / 10;
}

/** What falls short of the minimums, one line each. */
export function shortfalls(result, overallMinimum = OVERALL_MINIMUM, fileMinimum = FILE_MINIMUM) {
    const lines = result.files
        .filter((f) => f.score < fileMinimum)
        .map((f) => `${f.file}: ${f.score} % is under ${fileMinimum} %`);
    if (result.score < overallMinimum) {
        lines.push(`overall: ${result.score} % is under ${overallMinimum} %`);
    }
    return lines;
}

/** The scores as a table. */
export function table(result) {
    const width = Math.max(...result.files.map((f) => f.file.length), 'file'.length);
    const row = (cells) =>
        `${cells[0].padEnd(width)}  ${cells
            .slice(1)
            .map((c) => String(c).padStart(8))
            .join('  ')}`;
    return [
        row(['file', 'score %', 'detected', 'survived', 'no cover', 'valid']),
        ...result.files.map((f) => row([f.file, f.score.toFixed(1), f.detected, f.survived, f.noCoverage, f.valid])),
        row(['overall', result.score.toFixed(1), result.detected, '', '', result.valid])
    ].join('\n');
}

function reportOf(suite) {
    const file = path.join(ROOT, 'build', 'mutation', `${suite}.json`);
    if (!existsSync(file)) {
        throw new Error(`no report for ${suite}: run npm run test:mutation -- ${suite}`);
    }
    return JSON.parse(readFileSync(file, 'utf8'));
}

runMain(import.meta.url, () => {
    const args = process.argv.slice(2);
    const reportOnly = args.includes('--report');
    const named = args.filter((a) => !a.startsWith('--'));
    const unknown = named.filter((s) => !SUITES.includes(s));
    if (unknown.length > 0) {
        console.error(`✗ no mutation suite called ${unknown.join(', ')} (there are: ${SUITES.join(', ')})`);
        return 1;
    }
    const suites = named.length > 0 ? named : SUITES;
    if (!reportOnly) {
        for (const suite of suites) {
            console.log(`▶ mutation testing: ${suite} (stryker.${suite}.config.mjs)`);
            const cli = path.join(ROOT, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
            const run = spawnSync(process.execPath, [cli, 'run', `stryker.${suite}.config.mjs`], {
                cwd: ROOT,
                stdio: 'inherit'
            });
            if (run.status !== 0) {
                console.error(`✗ Stryker failed on the ${suite} suite (exit ${run.status})`);
                return 1;
            }
        }
    }
    const result = scores(SUITES.filter((s) => named.length === 0 || suites.includes(s)).map(reportOf));
    console.log(table(result));
    const problems = shortfalls(result);
    for (const line of problems) {
        console.error(`✗ ${line}`);
    }
    if (problems.length > 0) {
        return 1;
    }
    console.log(`✓ mutation score ${result.score} % overall, every file at least ${FILE_MINIMUM} %`);
    return 0;
});
