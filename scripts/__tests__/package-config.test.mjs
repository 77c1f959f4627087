// npm run package:configure: the committed placeholders of sfdx-project.json are replaced by the package's own
// namespace and id, and nothing is written when either is missing or malformed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../lib/lwc-bundles.mjs';
import { PLACEHOLDER_NAMESPACE, PLACEHOLDER_PACKAGE_ID } from '../lib/packaging.mjs';
import { packagingPlaceholders } from '../org/lib.mjs';

const SCRIPT = path.join(ROOT, 'scripts', 'org', 'package-config.mjs');

/** Runs the script on a copy of the repository's sfdx-project.json. */
function run(args, env = {}) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'package-config-'));
    try {
        copyFileSync(path.join(ROOT, 'sfdx-project.json'), path.join(dir, 'sfdx-project.json'));
        const before = readFileSync(path.join(dir, 'sfdx-project.json'), 'utf8');
        const result = spawnSync(process.execPath, [SCRIPT, '--project-dir', dir, ...args], {
            encoding: 'utf8',
            env: { PATH: process.env.PATH, ...env }
        });
        const after = readFileSync(path.join(dir, 'sfdx-project.json'), 'utf8');
        return { ...result, before, after, project: JSON.parse(after) };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

describe('package:configure', () => {
    test('the repository commits the placeholders, and --check names both', () => {
        const project = JSON.parse(readFileSync(path.join(ROOT, 'sfdx-project.json'), 'utf8'));
        assert.equal(project.namespace, PLACEHOLDER_NAMESPACE);
        assert.equal(project.packageAliases['Comm100 for Salesforce'], PLACEHOLDER_PACKAGE_ID);
        const result = run(['--check']);
        assert.equal(result.status, 1);
        assert.match(result.stderr, /the namespace is the placeholder 'c100placeholder'/);
        assert.match(result.stderr, /the 'Comm100 for Salesforce' package id is the placeholder '0Ho000000000000AAA'/);
    });

    test('writes the namespace and package id from the environment, keeping everything else', () => {
        const result = run([], { PACKAGE_NAMESPACE: 'comm100sf', PACKAGE_ID: '0Ho5e000000XyZaCAK' });
        assert.equal(result.status, 0, result.stderr);
        assert.match(
            result.stdout,
            /▶ Setting namespace comm100sf and package "Comm100 for Salesforce" = 0Ho5e000000XyZaCAK/
        );
        assert.equal(result.project.namespace, 'comm100sf');
        assert.deepEqual(result.project.packageAliases, { 'Comm100 for Salesforce': '0Ho5e000000XyZaCAK' });
        assert.deepEqual(packagingPlaceholders(result.project), []);
        const before = JSON.parse(result.before);
        assert.deepEqual(result.project.packageDirectories, before.packageDirectories);
        assert.equal(result.project.sourceApiVersion, before.sourceApiVersion);
    });

    test('flags win over the environment', () => {
        const result = run(['--namespace', 'acme', '--package-id', '0Ho5e000000XyZa'], {
            PACKAGE_NAMESPACE: 'comm100sf',
            PACKAGE_ID: '0Ho5e000000XyZaCAK'
        });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.project.namespace, 'acme');
        assert.equal(result.project.packageAliases['Comm100 for Salesforce'], '0Ho5e000000XyZa');
    });

    test('--help prints the options; an unknown option is one sentence, not a stack trace', () => {
        const help = run(['--help']);
        assert.equal(help.status, 0, help.stderr);
        assert.match(help.stdout, /--package-id/);
        assert.equal(help.after, help.before);
        const unknown = run(['--namspace', 'acme']);
        assert.equal(unknown.status, 2);
        assert.match(unknown.stderr, /^✖ .*namspace/m);
        assert.doesNotMatch(unknown.stderr, /\n\s+at /);
    });

    for (const [title, env, message] of [
        ['no namespace', { PACKAGE_ID: '0Ho5e000000XyZaCAK' }, /No namespace: set PACKAGE_NAMESPACE/],
        [
            'a namespace with two underscores',
            { PACKAGE_NAMESPACE: 'comm__100', PACKAGE_ID: '0Ho5e000000XyZaCAK' },
            /"comm__100" is not a namespace prefix/
        ],
        [
            'a namespace over 15 characters',
            { PACKAGE_NAMESPACE: 'comm100forsalesf', PACKAGE_ID: '0Ho5e000000XyZaCAK' },
            /is not a namespace prefix/
        ],
        ['no package id', { PACKAGE_NAMESPACE: 'comm100sf' }, /No package id: set PACKAGE_ID/],
        [
            'a package version id instead of a package id',
            { PACKAGE_NAMESPACE: 'comm100sf', PACKAGE_ID: '04t5e000000XyZaAAK' },
            /"04t5e000000XyZaAAK" is not a package id/
        ]
    ]) {
        test(`refuses ${title} and writes nothing`, () => {
            const result = run([], env);
            assert.equal(result.status, 1);
            assert.match(result.stderr, message);
            assert.equal(result.after, result.before);
        });
    }
});
