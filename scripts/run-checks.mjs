#!/usr/bin/env node
// `npm test`: every local check, in order, each an npm script that also runs alone. All steps run
// even when one fails; the time of each is printed, and the run fails when any step failed.
import { spawn } from 'node:child_process';
import { ROOT } from './lib/lwc-bundles.mjs';

export const STEPS = [
    ['typecheck', 'TypeScript strict type-check (components and tools)'],
    ['lint', 'ESLint: LWC platform rules, TypeScript-aware'],
    ['format:check', 'Prettier: Apex, TS, JS, HTML, CSS, JSON, XML'],
    ['check:build', 'compiled LWC equals a fresh build of lwc-ts/'],
    ['check:apex-syntax', 'Apex syntax (apex-parser)'],
    ['check:apex-semantics', 'Apex semantics (apex-ls)'],
    ['check:pmd', 'PMD Apex rules'],
    ['check:metadata', 'metadata rules'],
    ['check:soql', 'SOQL and SOSL against the objects and fields'],
    ['check:apex-rules', 'Apex rules apex-ls does not decide'],
    ['check:convert', 'sf project convert source + generate manifest'],
    ['check:lwc-platform', 'platform LWC compiler'],
    ['check:api-docs', 'API reference examples equal the files and match the Apex endpoints'],
    ['check:apex-contract', 'lwc-ts/types/apex/ declarations match the @AuraEnabled Apex methods and DTOs'],
    ['test:checkers', "checkers' own tests (broken fixtures fail)"],
    ['test:tools', 'comm100:post against a local recording server'],
    ['test:unit', 'LWC Jest with accessibility checks'],
    ['test:e2e', 'browser tests of the local preview (Chromium)']
];

function runStep(script) {
    return new Promise((resolve) => {
        const child = spawn('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit', env: process.env });
        child.on('close', (code) => resolve(code ?? 1));
        child.on('error', () => resolve(1));
    });
}

const only = process.argv.slice(2);
const steps = only.length > 0 ? STEPS.filter(([script]) => only.includes(script)) : STEPS;
const results = [];
const started = Date.now();
for (const [script, title] of steps) {
    console.log(`\n▶ ${script} — ${title}`);
    const stepStart = Date.now();
    const code = await runStep(script);
    const seconds = (Date.now() - stepStart) / 1000;
    results.push({ script, code, seconds });
    console.log(`${code === 0 ? '✔' : '✖'} ${script} (${seconds.toFixed(1)} s)`);
}
const total = (Date.now() - started) / 1000;
const failed = results.filter((r) => r.code !== 0);
console.log('\nstep                      result   time');
for (const r of results) {
    console.log(
        `${r.script.padEnd(25)} ${(r.code === 0 ? 'passed' : 'FAILED').padEnd(8)} ${r.seconds.toFixed(1).padStart(6)} s`
    );
}
console.log(`${'total'.padEnd(25)} ${''.padEnd(8)} ${total.toFixed(1).padStart(6)} s`);
console.log(`checks: ${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length > 0 ? 1 : 0);
