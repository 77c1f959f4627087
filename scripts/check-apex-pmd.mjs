#!/usr/bin/env node
// PMD, offline, through Salesforce Code Analyzer's core and PMD engine, in two selections:
// - every Apex rule tagged Security, Performance, ErrorProne or BestPractices;
// - the AppExchange security review rules for Apex, metadata XML and Visualforce (ProtectSensitiveData,
//   AvoidInsecureHttpRemoteSiteSetting, LimitConnectedAppScope, …). The XML rules read the metadata files
//   (`*-meta.xml`) of the folders analysed. PMD's JavaScript and HTML rules stay out: they misfire on LWC.
// Zero violations pass. A rule may be suppressed only by name, with a written reason:
//   @SuppressWarnings('PMD.ApexCRUDViolation') // Ingest runs as the integration user: see class header
//   Integer x = y; // NOPMD: the reason
//   <!-- code-analyzer-suppress(pmd:ProtectSensitiveData): the reason -->   (metadata XML, where PMD has no NOPMD)
// A suppression without a reason, one that names no rule (@SuppressWarnings('PMD'), a bare
// code-analyzer-suppress) and a Code Analyzer marker in Apex (use PMD's own there) are reported.
//
//   node scripts/check-apex-pmd.mjs [DIR ...]     default: the package directories
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig } from '@salesforce/code-analyzer-core';
import * as PmdEngine from '@salesforce/code-analyzer-pmd-engine';
import { ROOT } from './lib/lwc-bundles.mjs';
import { findFiles, parseArgs, runMain } from './lib/files.mjs';
import { jdkJavaOptions } from './lib/java.mjs';

const DEFAULT_DIRS = ['force-app', 'unpackaged', 'org-tests'].map((d) => path.join(ROOT, d));

/** The rule selections, each counted in the success line. */
export const SELECTIONS = [
    {
        name: 'Apex',
        selector: 'pmd:(Security,Performance,ErrorProne,BestPractices):Apex',
        title: 'Apex rules (Security, Performance, ErrorProne, BestPractices)'
    },
    {
        name: 'AppExchange',
        selector: 'pmd:AppExchange:(Apex,XML,Visualforce)',
        title: 'AppExchange rules (Apex, metadata XML, Visualforce)'
    }
];
/** Tags of rules that must never be selected: PMD's JavaScript and HTML rules misfire on LWC. */
const EXCLUDED_LANGUAGE_TAGS = ['JavaScript', 'HTML'];
const APEX_FILE = /\.(cls|trigger)$/;
const METADATA_FILE = /\.(xml|page|component)$/;
const MIN_REASON_WORDS = 3;

const hasReason = (text) => (text ?? '').trim().split(/\s+/).filter(Boolean).length >= MIN_REASON_WORDS;
const lineOf = (text, index) => text.slice(0, index).split('\n').length;

/**
 * `@SuppressWarnings(...)` annotations (on one line or several) with the names they list.
 * @param {string} text
 * @returns {{ line: number, endLine: number, names: string[] }[]}
 */
function suppressWarningsAnnotations(text) {
    return [...text.matchAll(/@SuppressWarnings\s*\(([^)]*)\)/gi)].map((match) => {
        const literals = [...match[1].matchAll(/'([^']*)'/g)].map((m) => m[1]);
        return {
            line: lineOf(text, match.index),
            endLine: lineOf(text, match.index + match[0].length),
            names: literals
                .join(',')
                .split(',')
                .map((name) => name.trim())
                .filter(Boolean)
        };
    });
}

/**
 * Problems with the suppressions in an Apex file: PMD's @SuppressWarnings and NOPMD.
 * @param {string} file
 * @returns {{ file: string, line: number, message: string }[]}
 */
function apexSuppressionProblems(file) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const problems = [];
    lines.forEach((line, index) => {
        const nopmd = line.match(/\/\/\s*NOPMD\b[:\s-]*(.*)$/);
        if (nopmd && !hasReason(nopmd[1])) {
            problems.push({ file, line: index + 1, message: 'NOPMD needs a written reason on the same line' });
        }
        if (/code-analyzer-suppress/i.test(line)) {
            problems.push({
                file,
                line: index + 1,
                message:
                    "code-analyzer-suppress in Apex: use @SuppressWarnings('PMD.RuleName') or // NOPMD, with a written reason"
            });
        }
    });
    for (const annotation of suppressWarningsAnnotations(text)) {
        // PMD suppresses with 'PMD' (every rule), 'all' (every rule) or 'PMD.RuleName' (that rule).
        const blanket = annotation.names.filter((name) => /^(pmd|all)$/i.test(name));
        const malformed = annotation.names.filter((name) => /^pmd\./i.test(name) && !/^pmd\.\w+$/i.test(name));
        const rules = annotation.names.filter((name) => /^pmd\.\w+$/i.test(name));
        if (blanket.length + malformed.length + rules.length === 0) {
            continue;
        }
        for (const name of blanket) {
            problems.push({
                file,
                line: annotation.line,
                message: `@SuppressWarnings('${name}') silences every PMD rule: name each rule instead, e.g. @SuppressWarnings('PMD.ApexCRUDViolation, PMD.ApexSOQLInjection')`
            });
        }
        for (const name of malformed) {
            problems.push({
                file,
                line: annotation.line,
                message: `@SuppressWarnings('${name}') names no rule: write PMD.RuleName`
            });
        }
        const sameLine = lines[annotation.endLine - 1].match(/\)\s*\/\/\s*(.*)$/)?.[1];
        const previous = lines[annotation.line - 2]?.match(/^\s*\/\/\s*(.*)$/)?.[1];
        if (!hasReason(sameLine) && !hasReason(previous)) {
            problems.push({
                file,
                line: annotation.line,
                message: '@SuppressWarnings(PMD…) needs a written reason in a // comment on the line or just above it'
            });
        }
    }
    return problems;
}

/**
 * Problems with Code Analyzer's suppression markers in a metadata file (XML, Visualforce), where PMD
 * itself has no suppression comment: each marker names the rules it silences, `pmd:RuleName`
 * (several joined by commas), rules of this check, and gives its reason after the parenthesis.
 * @param {string} file
 * @param {Set<string>} ruleNames the selected rules' names, in lower case
 * @returns {{ file: string, line: number, message: string }[]}
 */
function metadataSuppressionProblems(file, ruleNames) {
    const problems = [];
    readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
            for (const match of line.matchAll(/code-analyzer-suppress(?:\(([^)]*)\))?(.*?)(?:-->|$)/gi)) {
                const report = (message) => problems.push({ file, line: index + 1, message });
                const selector = (match[1] ?? '').trim();
                const terms = selector === '' ? [] : selector.split(',');
                if (terms.length === 0) {
                    report(
                        'code-analyzer-suppress names no rule and would silence them all: write code-analyzer-suppress(pmd:RuleName): the reason'
                    );
                }
                for (const term of terms) {
                    const rule = term.match(/^pmd:(\w+)$/i)?.[1];
                    if (!rule || !ruleNames.has(rule.toLowerCase())) {
                        report(
                            `code-analyzer-suppress(${selector}): '${term}' is not one rule of this check; name rules as pmd:RuleName`
                        );
                    }
                }
                if (!hasReason(match[2].replace(/^[\s:-]+/, ''))) {
                    report('code-analyzer-suppress needs a written reason after the rule names, in the same comment');
                }
            }
        });
    return problems;
}

/**
 * Suppressions that name no rule or do not say why.
 * @param {string} file an Apex or metadata file
 * @param {Set<string>} ruleNames the selected rules' names, in lower case
 * @returns {{ file: string, line: number, message: string }[]}
 */
export function suppressionProblems(file, ruleNames) {
    return APEX_FILE.test(file) ? apexSuppressionProblems(file) : metadataSuppressionProblems(file, ruleNames);
}

/**
 * Runs the selected PMD rules over the folders.
 * @param {string[]} dirs
 * @returns {Promise<{ counts: { name: string, title: string, rules: number }[], ruleNames: Set<string>,
 *   xmlRules: number, excluded: string[],
 *   violations: { file: string, line: number, rule: string, message: string }[] }>}
 */
export async function pmdViolations(dirs) {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
    // The engine starts its JVMs with the environment of this process.
    const javaOptions = process.env.JDK_JAVA_OPTIONS;
    process.env.JDK_JAVA_OPTIONS = jdkJavaOptions(javaOptions);
    try {
        const config = CodeAnalyzerConfig.fromObject({ log_folder: scratch, root_working_folder: scratch });
        const analyzer = new CodeAnalyzer(config);
        await analyzer.addEnginePlugin(PmdEngine.createEnginePlugin());
        const workspace = await analyzer.createWorkspace(dirs);
        const counts = [];
        for (const { name, title, selector } of SELECTIONS) {
            const one = await analyzer.selectRules([selector], { workspace });
            counts.push({ name, title, rules: one.getCount() });
        }
        const selection = await analyzer.selectRules(
            SELECTIONS.map((s) => s.selector),
            { workspace }
        );
        const rules = selection.getEngineNames().flatMap((engine) => selection.getRulesFor(engine));
        const excluded = rules
            .filter((rule) => rule.getTags().some((tag) => EXCLUDED_LANGUAGE_TAGS.includes(tag)))
            .map((rule) => rule.getName());
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
        return {
            counts,
            ruleNames: new Set(rules.map((rule) => rule.getName().toLowerCase())),
            xmlRules: rules.filter((rule) => rule.getTags().includes('XML')).length,
            excluded,
            violations
        };
    } finally {
        if (javaOptions === undefined) {
            delete process.env.JDK_JAVA_OPTIONS;
        } else {
            process.env.JDK_JAVA_OPTIONS = javaOptions;
        }
        rmSync(scratch, { recursive: true, force: true });
    }
}

runMain(import.meta.url, async () => {
    const { positional } = parseArgs(process.argv.slice(2));
    const dirs = (positional.length > 0 ? positional.map((d) => path.resolve(d)) : DEFAULT_DIRS).filter((d) =>
        existsSync(d)
    );
    const apexFiles = findFiles(dirs, (name) => APEX_FILE.test(name));
    const metadataFiles = findFiles(dirs, (name) => METADATA_FILE.test(name));
    if (apexFiles.length + metadataFiles.length === 0) {
        console.log('✓ no Apex or metadata files to analyse');
        return 0;
    }
    const { counts, ruleNames, xmlRules, excluded, violations } = await pmdViolations(dirs);
    const problems = [
        ...violations.map((v) => ({ file: v.file, line: v.line, message: `${v.rule}: ${v.message}` })),
        ...[...apexFiles, ...metadataFiles].flatMap((file) => suppressionProblems(file, ruleNames))
    ];
    for (const p of problems) {
        console.error(`✗ ${path.relative(process.cwd(), p.file)}:${p.line} ${p.message}`);
    }
    const misconfigured = [
        ...(apexFiles.length > 0 && counts[0].rules === 0 ? ['no PMD Apex rules were selected'] : []),
        ...(metadataFiles.length > 0 && xmlRules === 0 ? ['no PMD rules for metadata XML were selected'] : []),
        ...(excluded.length > 0 ? [`JavaScript/HTML rules were selected: ${excluded.join(', ')}`] : [])
    ];
    for (const m of misconfigured) {
        console.error(`✗ ${m}: the analyzer is misconfigured`);
    }
    const scope = `${apexFiles.length} Apex and ${metadataFiles.length} metadata file(s)`;
    if (problems.length + misconfigured.length > 0) {
        console.error(`${problems.length + misconfigured.length} PMD problem(s) in ${scope}`);
        return 1;
    }
    const selected = counts.map((c) => `${c.rules} ${c.title}`).join(' + ');
    console.log(`✓ PMD: ${selected} (${ruleNames.size} distinct), ${scope}, no violations`);
    return 0;
});
