// code-analyzer.yml, the one source of check:pmd's rules: it tags exactly the intended selection (keeping each
// rule's own tags), the script runs what the documented `sf code-analyzer run` selector picks, and a rule name the
// engine does not know, a missing file or a file that tags nothing fails the check.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig } from '@salesforce/code-analyzer-core';
import * as PmdEngine from '@salesforce/code-analyzer-pmd-engine';
import { CONFIG_FILE, GATE_TAG, readGateConfig } from '../check-apex-pmd.mjs';
import { jdkJavaOptions } from '../lib/java.mjs';
import { ROOT, assertMentions, fixture, node } from './lib/harness.mjs';

/** The intended selection, by the engine's own tags: what the Comm100Gate tag must mark, no more and no less. */
const POLICY = ['pmd:(Security,Performance,ErrorProne,BestPractices):Apex', 'pmd:AppExchange:(Apex,XML,Visualforce)'];

const configText = readFileSync(CONFIG_FILE, 'utf8');
const sorted = (names) => [...names].sort((a, b) => a.localeCompare(b));

/**
 * Selects rules (no workspace: every language the configuration enables) with a fresh analyzer over `config`.
 * @param {(scratch: string) => CodeAnalyzerConfig} makeConfig
 * @param {string[]} selectors
 * @returns {Promise<Map<string, string[]>>} rule name → tags
 */
async function select(makeConfig, selectors) {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'pmd-config-test-'));
    const javaOptions = process.env.JDK_JAVA_OPTIONS;
    process.env.JDK_JAVA_OPTIONS = jdkJavaOptions(javaOptions);
    try {
        const analyzer = new CodeAnalyzer(makeConfig(scratch));
        await analyzer.addEnginePlugin(PmdEngine.createEnginePlugin());
        const selection = await analyzer.selectRules(selectors);
        return new Map(selection.getRulesFor('pmd').map((rule) => [rule.getName(), rule.getTags()]));
    } finally {
        if (javaOptions === undefined) {
            delete process.env.JDK_JAVA_OPTIONS;
        } else {
            process.env.JDK_JAVA_OPTIONS = javaOptions;
        }
        rmSync(scratch, { recursive: true, force: true });
    }
}

/** The `sf code-analyzer run` command documented in docs/CHECKS.md, as its flags. */
function documentedCommand() {
    const docs = readFileSync(path.join(ROOT, 'docs', 'CHECKS.md'), 'utf8');
    const lines = docs.split('\n').filter((line) => line.startsWith('sf code-analyzer run '));
    assert.equal(lines.length, 1, 'docs/CHECKS.md shows one `sf code-analyzer run` command, on one line');
    const flags = {};
    for (const [, name, value] of lines[0].matchAll(/--([\w-]+)\s+("[^"]*"|\S+)/g)) {
        (flags[name] ??= []).push(value.replace(/^"|"$/g, ''));
    }
    return flags;
}

/** A copy of code-analyzer.yml, changed by `edit`, in a folder of its own. */
function configCopy(edit) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pmd-config-'));
    const file = path.join(dir, 'code-analyzer.yml');
    writeFileSync(file, edit(configText));
    return file;
}

describe('code-analyzer.yml: the one source of check:pmd rules', () => {
    test('tags Comm100Gate on exactly the Apex and AppExchange selection, each rule keeping the engine tags', async () => {
        const gate = readGateConfig(CONFIG_FILE);
        // The engine's own tags: the same engine settings, no rule overrides.
        const engines = { pmd: gate.config.getEngineOverridesFor('pmd') };
        const intended = await select(
            (scratch) => CodeAnalyzerConfig.fromObject({ engines, log_folder: scratch, root_working_folder: scratch }),
            POLICY
        );
        assert.ok(intended.size > 0, 'the intended selection is empty: the PMD engine described no rules');
        const tagged = new Set(gate.gateRules);
        const missing = [...intended.keys()].filter((name) => !tagged.has(name));
        const extra = gate.gateRules.filter((name) => !intended.has(name));
        assert.deepEqual(
            { missing, extra },
            { missing: [], extra: [] },
            `code-analyzer.yml must tag ${GATE_TAG} on exactly the rules ${POLICY.join(' + ')} select: add the missing ones (with the engine's tags), remove the extra ones`
        );
        for (const [name, tags] of intended) {
            assert.deepEqual(
                sorted(gate.config.getRuleOverrideFor('pmd', name).tags),
                sorted([...tags, GATE_TAG]),
                `rules.pmd.${name}.tags must be the engine's tags plus ${GATE_TAG}: a tags entry replaces the engine's`
            );
        }
        for (const selector of POLICY) {
            assert.ok(configText.includes(selector), `code-analyzer.yml's header names the selection ${selector}`);
        }
    });

    test('the script runs what the documented sf code-analyzer command selects', async () => {
        const flags = documentedCommand();
        assert.deepEqual(flags['config-file'], ['code-analyzer.yml']);
        assert.deepEqual(flags.workspace, ['force-app', 'unpackaged', 'org-tests']);
        assert.deepEqual(flags['severity-threshold'], ['5'], 'a violation of any severity fails the CLI run');
        // As the CLI reads --config-file and --rule-selector.
        const cli = await select(() => CodeAnalyzerConfig.fromFile(CONFIG_FILE), flags['rule-selector']);
        const { code, out } = node('check-apex-pmd.mjs', ['--list-rules']);
        assert.equal(code, 0, out);
        const listed = out
            .split('\n')
            .filter((line) => line.includes('\t'))
            .map((line) => line.split('\t')[0]);
        assert.ok(listed.length > 0, out);
        assert.deepEqual(sorted(listed), sorted(cli.keys()));
        assert.deepEqual(sorted(listed), sorted(readGateConfig(CONFIG_FILE).gateRules));
    });

    test('fails on a rule name the PMD engine does not know, naming it, rather than dropping the rule', () => {
        const file = configCopy((text) =>
            text.replace(
                /^rules:\n {4}pmd:\n/m,
                (head) =>
                    `${head}        ApexCRUDViolaton:\n            tags: [Recommended, Security, Apex, ${GATE_TAG}]\n`
            )
        );
        try {
            assert.ok(readFileSync(file, 'utf8').includes('ApexCRUDViolaton:'), 'the misspelt rule was added');
            const { code, out } = node('check-apex-pmd.mjs', [fixture('apex-pmd', 'valid'), '--config', file]);
            assert.equal(code, 1, out);
            assertMentions(out, [
                'names pmd:ApexCRUDViolaton, which is no rule of the PMD engine for its languages',
                'the analyzer is misconfigured'
            ]);
        } finally {
            rmSync(path.dirname(file), { recursive: true, force: true });
        }
    });

    test("fails when the file lets in one of PMD's JavaScript or HTML rules, which misfire on LWC", () => {
        const file = configCopy((text) =>
            text
                .replace(
                    'rule_languages: [apex, visualforce, xml]',
                    'rule_languages: [apex, javascript, visualforce, xml]'
                )
                .replace(
                    /^rules:\n {4}pmd:\n/m,
                    (head) =>
                        `${head}        AvoidLwcBubblesComposedTrue:\n            tags: [AppExchange, Security, JavaScript, ${GATE_TAG}]\n`
                )
        );
        try {
            assert.ok(
                readFileSync(file, 'utf8').includes('[apex, javascript, visualforce, xml]'),
                'JavaScript enabled'
            );
            const { code, out } = node('check-apex-pmd.mjs', ['--list-rules', '--config', file]);
            assert.equal(code, 1, out);
            assertMentions(out, ['JavaScript/HTML rules were selected: AvoidLwcBubblesComposedTrue']);
        } finally {
            rmSync(path.dirname(file), { recursive: true, force: true });
        }
    });

    test('fails clearly when the file is missing, tags no rule or leaves out the file extensions', () => {
        const missing = node('check-apex-pmd.mjs', [
            fixture('apex-pmd', 'valid'),
            '--config',
            path.join(os.tmpdir(), 'no-such-dir', 'code-analyzer.yml')
        ]);
        assert.equal(missing.code, 1, missing.out);
        assertMentions(missing.out, ['code-analyzer.yml is missing: it lists the PMD rules this check runs']);

        const untagged = configCopy((text) => text.replaceAll(`, ${GATE_TAG}]`, ']'));
        const noExtensions = configCopy((text) => text.replace(/^ {8}file_extensions:\n(?: {12}.*\n)+/m, ''));
        try {
            const nothing = node('check-apex-pmd.mjs', [fixture('apex-pmd', 'valid'), '--config', untagged]);
            assert.equal(nothing.code, 1, nothing.out);
            assertMentions(nothing.out, [`selects nothing: no rule under rules.pmd has the tag ${GATE_TAG}`]);

            const extensions = node('check-apex-pmd.mjs', ['--list-rules', '--config', noExtensions]);
            assert.equal(extensions.code, 1, extensions.out);
            assertMentions(extensions.out, ['sets no engines.pmd.file_extensions.apex']);
        } finally {
            rmSync(path.dirname(untagged), { recursive: true, force: true });
            rmSync(path.dirname(noExtensions), { recursive: true, force: true });
        }
    });
});
