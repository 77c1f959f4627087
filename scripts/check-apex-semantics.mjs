#!/usr/bin/env node
// Apex semantics, close to a compile without an org: runs apex-ls (bundled in
// @salesforce/code-analyzer-pmd-engine) over a Salesforce DX workspace. It knows the standard
// library and standard objects and reads the project's own objects, so it reports unknown types,
// methods and fields, and type mismatches. It does not check field names inside SOQL select lists.
//
//   node scripts/check-apex-semantics.mjs [WORKSPACE]     default: the project root
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/lwc-bundles.mjs';
import { findFiles, parseArgs, runMain } from './lib/files.mjs';
import { JVM_OPTIONS } from './lib/java.mjs';

const CLASSPATH = path.join(ROOT, 'node_modules', '@salesforce', 'code-analyzer-pmd-engine', 'dist', 'java-lib', '*');

/**
 * Runs apex-ls and returns its findings.
 * @param {string} workspace a folder holding sfdx-project.json
 * @returns {{ file: string, line: number, category: string, message: string }[]}
 */
export function semanticIssues(workspace) {
    const result = spawnSync(
        'java',
        [
            ...JVM_OPTIONS,
            '-cp',
            CLASSPATH,
            'io.github.apexdevtools.apexls.CheckForIssues',
            '-n',
            '-d',
            'warnings',
            '-w',
            workspace,
            '-f',
            'json'
        ],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
    );
    if (result.error) {
        throw new Error(`could not start java (Java 17 is needed): ${result.error.message}`);
    }
    // Exit 0: no issues; 4: issues found. Anything else is a failure of the tool itself.
    if (result.status !== 0 && result.status !== 4) {
        throw new Error(`apex-ls failed (exit ${result.status}): ${result.stderr || result.stdout}`);
    }
    const text = result.stdout.trim();
    if (!text) {
        return [];
    }
    const report = JSON.parse(text);
    return (report.files ?? []).flatMap((entry) =>
        (entry.messages ?? []).map((m) => ({
            file: entry.path,
            line: m.start?.line ?? 0,
            category: m.category,
            message: m.message
        }))
    );
}

runMain(import.meta.url, () => {
    const { positional } = parseArgs(process.argv.slice(2));
    const workspace = path.resolve(positional[0] ?? ROOT);
    if (!existsSync(path.join(workspace, 'sfdx-project.json'))) {
        console.error(`✗ ${workspace} has no sfdx-project.json`);
        return 1;
    }
    const count = findFiles([workspace], (name) => /\.(cls|trigger)$/.test(name)).filter(
        (file) => !path.relative(workspace, file).startsWith('scripts')
    ).length;
    const issues = semanticIssues(workspace);
    for (const issue of issues) {
        console.error(
            `✗ ${path.relative(process.cwd(), issue.file)}:${issue.line} ${issue.category}: ${issue.message}`
        );
    }
    if (issues.length > 0) {
        console.error(`${issues.length} Apex semantic issue(s)`);
        return 1;
    }
    console.log(`✓ apex-ls found no issues in ${count} Apex file(s)`);
    return 0;
});
