#!/usr/bin/env node
// `npm test`: every local check, each an npm script that also runs alone. All steps run even when one fails;
// the time of each is printed, and the run fails when any step failed. Naming a step that does not exist
// (`npm test -- chek:pmd`) fails at once, listing the known steps.
// Three steps run side by side (CHECKS_PARALLEL=1 runs one at a time); a step's output is printed whole when
// it ends. A step marked exclusive runs alone: check:build goes first, so that it compares the committed
// compiled LWC with a fresh build before Jest and the browser tests rebuild it (a rebuild writes only files
// whose content changed, so once the output is current the steps that read it never see it rewritten). The
// longest steps start next — the checkers' own tests, the browser tests (which spend much of their time
// waiting) and Jest — and the short steps follow in whichever lane frees first, so no core idles.
import { spawn } from 'node:child_process';
import { ROOT } from './lib/lwc-bundles.mjs';

export const STEPS = [
    ['check:build', 'compiled LWC equals a fresh build of lwc-ts/', { exclusive: true }],
    ['test:checkers', "checkers' own tests (broken fixtures fail)"],
    ['test:e2e', 'browser tests of the local preview (Chromium)'],
    ['test:unit', 'LWC Jest with accessibility checks'],
    ['typecheck', 'TypeScript strict type-check (components and tools)'],
    ['lint', 'ESLint: LWC platform rules, TypeScript-aware'],
    ['format:check', 'Prettier: Apex, TS, JS, HTML, CSS, JSON, XML'],
    ['check:apex-syntax', 'Apex syntax (apex-parser)'],
    ['check:apex-semantics', 'Apex semantics (apex-ls)'],
    ['check:pmd', 'PMD: the rules code-analyzer.yml tags Comm100Gate (Apex, AppExchange, metadata XML)'],
    ['check:rules', 'metadata rules, SOQL/SOSL against the objects and fields, Apex rules apex-ls does not decide'],
    ['check:convert', 'sf project convert source + generate manifest'],
    ['check:lwc-platform', 'platform LWC compiler'],
    ['check:api-docs', 'API reference examples equal the files and match the Apex endpoints'],
    ['check:apex-contract', 'lwc-ts/types/apex/ declarations match the @AuraEnabled Apex methods and DTOs'],
    ['check:links', 'every relative link and anchor of README.md, CONTRIBUTING.md and docs/ resolves'],
    ['check:workflows', 'GitHub workflows: npm scripts exist, secrets and variables documented, orgs always deleted'],
    ['test:tools', 'comm100:post against a local recording server']
];

const PARALLEL = Math.max(1, Number(process.env.CHECKS_PARALLEL ?? 3) || 1);

/** Runs one npm script, keeping its output (stdout and stderr, in order) to print when it ends. */
function runStep(script) {
    return new Promise((resolve) => {
        const started = Date.now();
        const output = [];
        const child = spawn('npm', ['run', '--silent', script], {
            cwd: ROOT,
            stdio: ['ignore', 'pipe', 'pipe'],
            env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' }
        });
        child.stdout.on('data', (chunk) => output.push(chunk));
        child.stderr.on('data', (chunk) => output.push(chunk));
        const done = (code) => resolve({ script, code, seconds: (Date.now() - started) / 1000, output });
        child.on('close', (code) => done(code ?? 1));
        child.on('error', (error) => {
            output.push(Buffer.from(`${error.message}\n`));
            done(1);
        });
    });
}

const only = process.argv.slice(2);
const unknown = only.filter((name) => !STEPS.some(([script]) => script === name));
if (unknown.length > 0) {
    console.error(`✖ unknown step(s): ${unknown.join(', ')}`);
    console.error(`known steps:\n${STEPS.map(([script, title]) => `  ${script.padEnd(25)} ${title}`).join('\n')}`);
    process.exit(2);
}
const steps = only.length > 0 ? STEPS.filter(([script]) => only.includes(script)) : STEPS;
const results = new Map();
const started = Date.now();

function report(result, title) {
    process.stdout.write(`\n▶ ${result.script} — ${title}\n`);
    process.stdout.write(Buffer.concat(result.output));
    process.stdout.write(`${result.code === 0 ? '✔' : '✖'} ${result.script} (${result.seconds.toFixed(1)} s)\n`);
    results.set(result.script, result);
}

const running = new Set();
for (const [script, title, options] of steps) {
    const exclusive = options?.exclusive === true;
    while (running.size > 0 && (exclusive || running.size >= PARALLEL)) {
        await Promise.race(running);
    }
    const step = runStep(script).then((result) => {
        report(result, title);
        running.delete(step);
    });
    running.add(step);
    if (exclusive) {
        await step;
    }
}
await Promise.all(running);
const total = (Date.now() - started) / 1000;
const ordered = steps.map(([script]) => results.get(script));
const failed = ordered.filter((r) => r.code !== 0);
console.log('\nstep                      result   time');
for (const r of ordered) {
    console.log(
        `${r.script.padEnd(25)} ${(r.code === 0 ? 'passed' : 'FAILED').padEnd(8)} ${r.seconds.toFixed(1).padStart(6)} s`
    );
}
console.log(`${'total'.padEnd(25)} ${''.padEnd(8)} ${total.toFixed(1).padStart(6)} s`);
console.log(`checks: ${ordered.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length > 0 ? 1 : 0);
