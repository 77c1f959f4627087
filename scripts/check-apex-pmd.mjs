#!/usr/bin/env node
// PMD Apex rules, offline, through Salesforce Code Analyzer's core and PMD engine: every Apex rule
// tagged Security, Performance, ErrorProne or BestPractices. Zero violations pass. A rule may be
// suppressed only at the line, with a written reason:
//   @SuppressWarnings('PMD.ApexCRUDViolation') // Ingest runs as the integration user: see class header
//   Integer x = y; // NOPMD: the reason
// A suppression without a reason is itself reported.
//
//   node scripts/check-apex-pmd.mjs [DIR ...]     default: the package directories
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig } from '@salesforce/code-analyzer-core';
import * as PmdEngine from '@salesforce/code-analyzer-pmd-engine';
import { ROOT } from './lib/lwc-bundles.mjs';
import { findFiles, parseArgs, runMain } from './lib/files.mjs';

const DEFAULT_DIRS = ['force-app', 'unpackaged'].map((d) => path.join(ROOT, d));
export const RULE_SELECTOR = 'pmd:(Security,Performance,ErrorProne,BestPractices):Apex';
const MIN_REASON_WORDS = 3;

/**
 * Suppressions that do not say why.
 * @param {string} file
 * @returns {{ file: string, line: number, message: string }[]}
 */
export function unexplainedSuppressions(file) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const problems = [];
    const hasReason = (text) => (text ?? '').trim().split(/\s+/).filter(Boolean).length >= MIN_REASON_WORDS;
    lines.forEach((line, index) => {
        const nopmd = line.match(/\/\/\s*NOPMD\b[:\s-]*(.*)$/);
        if (nopmd && !hasReason(nopmd[1])) {
            problems.push({ file, line: index + 1, message: 'NOPMD needs a written reason on the same line' });
        }
        if (/@SuppressWarnings\s*\(\s*'PMD/i.test(line)) {
            const sameLine = line.match(/\)\s*\/\/\s*(.*)$/)?.[1];
            const previous = lines[index - 1]?.match(/^\s*\/\/\s*(.*)$/)?.[1];
            if (!hasReason(sameLine) && !hasReason(previous)) {
                problems.push({
                    file,
                    line: index + 1,
                    message:
                        '@SuppressWarnings(PMD…) needs a written reason in a // comment on the line or just above it'
                });
            }
        }
    });
    return problems;
}

/**
 * Runs the selected PMD Apex rules.
 * @param {string[]} dirs
 * @returns {Promise<{ rules: number, violations: { file: string, line: number, rule: string, message: string }[] }>}
 */
export async function pmdViolations(dirs) {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
    try {
        const config = CodeAnalyzerConfig.fromObject({ log_folder: scratch, root_working_folder: ROOT });
        const analyzer = new CodeAnalyzer(config);
        await analyzer.addEnginePlugin(PmdEngine.createEnginePlugin());
        const workspace = await analyzer.createWorkspace(dirs);
        const selection = await analyzer.selectRules([RULE_SELECTOR], { workspace });
        const results = await analyzer.run(selection, { workspace });
        const violations = results.getViolations().map((v) => {
            const location = v.getCodeLocations()[v.getPrimaryLocationIndex()];
            return {
                file: location?.getFile() ?? '?',
                line: location?.getStartLine() ?? 0,
                rule: v.getRule().getName(),
                message: v.getMessage().trim()
            };
        });
        return { rules: selection.getCount(), violations };
    } finally {
        rmSync(scratch, { recursive: true, force: true });
    }
}

runMain(import.meta.url, async () => {
    const { positional } = parseArgs(process.argv.slice(2));
    const dirs = (positional.length > 0 ? positional.map((d) => path.resolve(d)) : DEFAULT_DIRS).filter((d) =>
        existsSync(d)
    );
    const files = findFiles(dirs, (name) => /\.(cls|trigger)$/.test(name));
    if (files.length === 0) {
        console.log('✓ no Apex files to analyse');
        return 0;
    }
    const { rules, violations } = await pmdViolations(dirs);
    const suppressions = files.flatMap(unexplainedSuppressions);
    for (const v of violations) {
        console.error(`✗ ${path.relative(process.cwd(), v.file)}:${v.line} ${v.rule}: ${v.message}`);
    }
    for (const s of suppressions) {
        console.error(`✗ ${path.relative(process.cwd(), s.file)}:${s.line} ${s.message}`);
    }
    const total = violations.length + suppressions.length;
    if (total > 0) {
        console.error(`${total} PMD problem(s) in ${files.length} Apex file(s)`);
        return 1;
    }
    if (rules === 0) {
        console.error('✗ no PMD Apex rules were selected: the analyzer is misconfigured');
        return 1;
    }
    console.log(`✓ ${rules} PMD Apex rules, ${files.length} Apex file(s), no violations`);
    return 0;
});
