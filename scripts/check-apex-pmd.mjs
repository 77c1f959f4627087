#!/usr/bin/env node
// PMD, offline, through Salesforce Code Analyzer's core and PMD engine, with the rules that code-analyzer.yml
// (at the project root) tags Comm100Gate: every Apex rule tagged Security, Performance, ErrorProne or
// BestPractices, and the AppExchange security review rules for Apex, metadata XML and Visualforce
// (ProtectSensitiveData, AvoidInsecureHttpRemoteSiteSetting, LimitConnectedAppScope, …). The file is the one
// source of the selection: `sf code-analyzer run --config-file code-analyzer.yml --rule-selector pmd:Comm100Gate`
// picks the same rules (docs/CHECKS.md has the whole command). The XML rules read the metadata files
// (`*-meta.xml`) of the folders analysed. PMD's JavaScript and HTML rules stay out: they misfire on LWC.
// The check fails when the file is missing, tags no rule, names a rule the engine does not know (a typo would
// silently drop it) or lets a JavaScript or HTML rule in.
// Zero violations pass. A rule may be suppressed only by name, with a written reason:
//   @SuppressWarnings('PMD.ApexCRUDViolation') // Ingest runs as the integration user: see class header
//   Integer x = y; // NOPMD: the reason
//   <!-- code-analyzer-suppress(pmd:ProtectSensitiveData): the reason -->   (metadata XML, where PMD has no NOPMD)
// A suppression without a reason, one that names no rule (@SuppressWarnings('PMD'), a bare
// code-analyzer-suppress) and a Code Analyzer marker in Apex (use PMD's own there) are reported.
//
//   node scripts/check-apex-pmd.mjs [DIR ...] [--config FILE]   default: the package directories, code-analyzer.yml
//   node scripts/check-apex-pmd.mjs --list-rules [--config FILE]  the selected rules, without running them
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel } from '@salesforce/code-analyzer-core';
import * as PmdEngine from '@salesforce/code-analyzer-pmd-engine';
import { ROOT } from './lib/lwc-bundles.mjs';
import { findFiles, parseArgs, runMain } from './lib/files.mjs';
import { jdkJavaOptions } from './lib/java.mjs';

const DEFAULT_DIRS = ['force-app', 'unpackaged', 'org-tests'].map((d) => path.join(ROOT, d));
/** The Code Analyzer configuration that holds the selection. */
export const CONFIG_FILE = path.join(ROOT, 'code-analyzer.yml');
/** The tag code-analyzer.yml gives every rule of the gate, and the rule selector that picks them. */
export const GATE_TAG = 'Comm100Gate';
export const GATE_SELECTOR = `pmd:${GATE_TAG}`;
/** The languages of the gate's rules, by the tag the engine gives each rule, and how the success line names them. */
const LANGUAGE_TAGS = [
    ['Apex', 'Apex'],
    ['XML', 'metadata XML'],
    ['Visualforce', 'Visualforce']
];
/** Tags of rules that must never be selected: PMD's JavaScript and HTML rules misfire on LWC. */
const EXCLUDED_LANGUAGE_TAGS = ['JavaScript', 'HTML'];
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
 * @param {Set<string>} ruleNames the gate's rules' names, in lower case
 * @param {{ apex: string[] }} extensions the Apex files' extensions, in lower case
 * @returns {{ file: string, line: number, message: string }[]}
 */
export function suppressionProblems(file, ruleNames, extensions) {
    return extensions.apex.includes(path.extname(file).toLowerCase())
        ? apexSuppressionProblems(file)
        : metadataSuppressionProblems(file, ruleNames);
}

/** A problem with code-analyzer.yml that keeps the check from running at all. */
export class GateConfigError extends Error {}

/**
 * Reads code-analyzer.yml as Code Analyzer does (CodeAnalyzerConfig, which validates it) and finds the gate in it.
 * @param {string} file
 * @returns {{ file: string, config: CodeAnalyzerConfig, gateRules: string[], overridden: string[],
 *   extensions: { apex: string[], metadata: string[] } }} gateRules: the rules tagged with the gate's tag;
 *   overridden: every rule the file names and does not disable (a disabled rule is not described)
 */
export function readGateConfig(file) {
    const name = path.relative(process.cwd(), file) || file;
    if (!existsSync(file)) {
        throw new GateConfigError(
            `${name} is missing: it lists the PMD rules this check runs (every rule tagged ${GATE_TAG})`
        );
    }
    let config;
    try {
        config = CodeAnalyzerConfig.fromFile(file);
    } catch (error) {
        throw new GateConfigError(`${name} is not a valid Code Analyzer configuration: ${error.message}`);
    }
    const overrides = config.getRuleOverridesFor('pmd');
    const tagged = (rule) => (overrides[rule].tags ?? []).some((tag) => tag.toLowerCase() === GATE_TAG.toLowerCase());
    const gateRules = Object.keys(overrides).filter(tagged);
    if (gateRules.length === 0) {
        throw new GateConfigError(
            `${name} selects nothing: no rule under rules.pmd has the tag ${GATE_TAG} (each rule of the gate lists it in its tags)`
        );
    }
    const disabled = gateRules.filter((rule) => overrides[rule].disabled === true);
    if (disabled.length > 0) {
        throw new GateConfigError(
            `${name} tags ${GATE_TAG} on disabled rule(s) ${disabled.join(', ')}: a disabled rule never runs; remove the rule from the gate or enable it`
        );
    }
    const fileExtensions = config.getEngineOverridesFor('pmd').file_extensions ?? {};
    const extensionsOf = (language) => {
        const list = fileExtensions[language];
        if (!Array.isArray(list) || list.length === 0) {
            throw new GateConfigError(
                `${name} sets no engines.pmd.file_extensions.${language}: this check reads the files of each language the gate analyses (apex, visualforce, xml)`
            );
        }
        return list.map((ext) => ext.toLowerCase());
    };
    return {
        file,
        config,
        gateRules,
        overridden: Object.keys(overrides).filter((rule) => overrides[rule].disabled !== true),
        extensions: { apex: extensionsOf('apex'), metadata: [...extensionsOf('visualforce'), ...extensionsOf('xml')] }
    };
}

/**
 * The same configuration with its log and working folders in `scratch`, so that nothing is left behind. The file is
 * read with the YAML parser Code Analyzer's own configuration uses, as the CLI does when it adds its overrides.
 * @param {string} file
 * @param {string} scratch
 */
function configIn(file, scratch) {
    const yaml = createRequire(createRequire(import.meta.url).resolve('@salesforce/code-analyzer-core'))('js-yaml');
    const data = yaml.load(readFileSync(file, 'utf8')) ?? {};
    return CodeAnalyzerConfig.fromObject(
        { ...data, log_folder: scratch, root_working_folder: scratch },
        path.dirname(path.resolve(file))
    );
}

/** Runs `body` with an analyzer over code-analyzer.yml's configuration, its JVMs tuned for a short run. */
async function withAnalyzer(gate, body) {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'pmd-'));
    // The engine starts its JVMs with the environment of this process.
    const javaOptions = process.env.JDK_JAVA_OPTIONS;
    process.env.JDK_JAVA_OPTIONS = jdkJavaOptions(javaOptions);
    try {
        const analyzer = new CodeAnalyzer(configIn(gate.file, scratch));
        const errors = [];
        analyzer.onEvent(EventType.LogEvent, (event) => {
            if (event.logLevel === LogLevel.Error) {
                errors.push(event.message.trim());
            }
        });
        await analyzer.addEnginePlugin(PmdEngine.createEnginePlugin());
        return await body(analyzer, errors);
    } finally {
        if (javaOptions === undefined) {
            delete process.env.JDK_JAVA_OPTIONS;
        } else {
            process.env.JDK_JAVA_OPTIONS = javaOptions;
        }
        rmSync(scratch, { recursive: true, force: true });
    }
}

/**
 * The gate's rules as the engine describes them for every language it is configured for (no workspace), and what is
 * wrong with the selection: rules code-analyzer.yml names that the engine does not know, JavaScript or HTML rules.
 * @param {CodeAnalyzer} analyzer
 * @param {ReturnType<typeof readGateConfig>} gate
 * @param {string[]} errors Code Analyzer's error log so far
 */
async function describeGate(analyzer, gate, errors) {
    const known = new Set(
        (await analyzer.selectRules(['pmd'])).getRulesFor('pmd').map((rule) => rule.getName().toLowerCase())
    );
    const problems = [];
    if (known.size === 0) {
        const why = errors.length > 0 ? errors.join('; ') : 'it needs Java 11 or later on the PATH or in JAVA_HOME';
        problems.push(`the PMD engine described no rules: ${why}`);
    }
    for (const rule of known.size === 0 ? [] : gate.overridden.filter((name) => !known.has(name.toLowerCase()))) {
        problems.push(
            `${path.basename(gate.file)} names pmd:${rule}, which is no rule of the PMD engine for its languages (a misspelt rule would silently not run)`
        );
    }
    const rules = (await analyzer.selectRules([GATE_SELECTOR])).getRulesFor('pmd');
    // A workspace's selection is a part of this one (the rules of the languages its files have), so this covers it.
    const excluded = rules.filter((rule) => rule.getTags().some((tag) => EXCLUDED_LANGUAGE_TAGS.includes(tag)));
    if (excluded.length > 0) {
        problems.push(`JavaScript/HTML rules were selected: ${excluded.map((rule) => rule.getName()).join(', ')}`);
    }
    return { rules, problems };
}

/**
 * The rules the gate selects, without running them.
 * @param {string} [configFile]
 * @returns {Promise<{ rules: { name: string, tags: string[] }[], problems: string[] }>}
 */
export async function listGateRules(configFile = CONFIG_FILE) {
    const gate = readGateConfig(configFile);
    return withAnalyzer(gate, async (analyzer, errors) => {
        const { rules, problems } = await describeGate(analyzer, gate, errors);
        return { rules: rules.map((rule) => ({ name: rule.getName(), tags: rule.getTags() })), problems };
    });
}

/**
 * Runs the gate's rules over the folders.
 * @param {string[]} dirs
 * @param {ReturnType<typeof readGateConfig>} gate
 * @returns {Promise<{ gateCount: number, selected: { name: string, tags: string[] }[], ruleNames: Set<string>,
 *   problems: string[], violations: { file: string, line: number, rule: string, message: string }[] }>}
 *   gateCount: the rules the gate has for every configured language; selected: those for the languages of the
 *   folders' files (the engine describes no rule for a language without files)
 */
export async function pmdViolations(dirs, gate) {
    return withAnalyzer(gate, async (analyzer, errors) => {
        const { rules: all, problems } = await describeGate(analyzer, gate, errors);
        const workspace = await analyzer.createWorkspace(dirs);
        const selection = await analyzer.selectRules([GATE_SELECTOR], { workspace });
        const rules = selection.getRulesFor('pmd');
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
            gateCount: all.length,
            selected: rules.map((rule) => ({ name: rule.getName(), tags: rule.getTags() })),
            ruleNames: new Set(all.map((rule) => rule.getName().toLowerCase())),
            problems,
            violations
        };
    });
}

/** `--list-rules`: the rules of the gate, one a line with its tags. */
async function listRules(configFile) {
    const { rules, problems } = await listGateRules(configFile);
    for (const rule of rules) {
        console.log(`${rule.name}\t${rule.tags.join(', ')}`);
    }
    for (const problem of problems) {
        console.error(`✗ ${problem}`);
    }
    console.error(
        `${rules.length} rule(s) selected by ${GATE_SELECTOR} in ${path.relative(process.cwd(), configFile)}`
    );
    return problems.length > 0 ? 1 : 0;
}

runMain(import.meta.url, async () => {
    const { positional, flags } = parseArgs(process.argv.slice(2));
    const configFile = typeof flags.config === 'string' ? path.resolve(flags.config) : CONFIG_FILE;
    try {
        if (flags['list-rules']) {
            return await listRules(configFile);
        }
        return await check(positional, configFile);
    } catch (error) {
        if (error instanceof GateConfigError) {
            console.error(`✗ ${error.message}`);
            return 1;
        }
        throw error;
    }
});

async function check(positional, configFile) {
    const gate = readGateConfig(configFile);
    const dirs = (positional.length > 0 ? positional.map((d) => path.resolve(d)) : DEFAULT_DIRS).filter((d) =>
        existsSync(d)
    );
    const hasExtension = (list) => (name) => list.includes(path.extname(name).toLowerCase());
    const apexFiles = findFiles(dirs, hasExtension(gate.extensions.apex));
    const metadataFiles = findFiles(dirs, hasExtension(gate.extensions.metadata));
    if (apexFiles.length + metadataFiles.length === 0) {
        console.log('✓ no Apex or metadata files to analyse');
        return 0;
    }
    const { gateCount, selected, ruleNames, problems: configProblems, violations } = await pmdViolations(dirs, gate);
    const problems = [
        ...violations.map((v) => ({ file: v.file, line: v.line, message: `${v.rule}: ${v.message}` })),
        ...[...apexFiles, ...metadataFiles].flatMap((file) => suppressionProblems(file, ruleNames, gate.extensions))
    ];
    for (const p of problems) {
        console.error(`✗ ${path.relative(process.cwd(), p.file)}:${p.line} ${p.message}`);
    }
    const byLanguage = LANGUAGE_TAGS.map(([tag, title]) => ({
        title,
        rules: selected.filter((rule) => rule.tags.includes(tag)).length
    }));
    const misconfigured = [
        ...configProblems,
        ...(apexFiles.length > 0 && byLanguage[0].rules === 0 ? ['no PMD Apex rules were selected'] : []),
        ...(metadataFiles.length > 0 && byLanguage[1].rules === 0
            ? ['no PMD rules for metadata XML were selected']
            : [])
    ];
    for (const m of misconfigured) {
        console.error(`✗ ${m}: the analyzer is misconfigured`);
    }
    const scope = `${apexFiles.length} Apex and ${metadataFiles.length} metadata file(s)`;
    if (problems.length + misconfigured.length > 0) {
        console.error(`${problems.length + misconfigured.length} PMD problem(s) in ${scope}`);
        return 1;
    }
    const languages = byLanguage.map((l) => `${l.rules} ${l.title}`).join(', ');
    console.log(
        `✓ PMD: ${selected.length} of the ${gateCount} rules ${path.basename(gate.file)} tags ${GATE_TAG} apply to these files (${languages}), ${scope}, no violations`
    );
    return 0;
}
