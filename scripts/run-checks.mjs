#!/usr/bin/env node
// `npm test`: every local check, in order, each an npm script that also runs alone. All steps run
// even when one fails; the time of each is printed, and the run fails when any step failed. Naming a
// step that does not exist (`npm test -- chek:pmd`) fails at once, listing the known steps.
import { spawn } from 'node:child_process';
import { ROOT } from './lib/lwc-bundles.mjs';

export const STEPS = [
    ['typecheck', 'TypeScript strict type-check (components and tools)'],
    ['lint', 'ESLint: LWC platform rules, TypeScript-aware'],
    ['format:check', 'Prettier: Apex, TS, JS, HTML, CSS, JSON, XML'],
    ['check:build', 'compiled LWC equals a fresh build of lwc-ts/'],
    ['check:apex-syntax', 'Apex syntax (apex-parser)'],
    ['check:apex-semantics', 'Apex semantics (apex-ls)'],
    ['check:pmd', 'PMD: Apex rules and AppExchange rules (Apex, metadata XML)'],
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
const unknown = only.filter((name) => !STEPS.some(([script]) => script === name));
if (unknown.length > 0) {
    console.error(`✖ unknown step(s): ${unknown.join(', ')}`);
    console.error(`known steps:\n${STEPS.map(([script, title]) => `  ${script.padEnd(25)} ${title}`).join('\n')}`);
    process.exit(2);
}
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
