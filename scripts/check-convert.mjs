#!/usr/bin/env node
// Converts each package directory to Metadata API format (`sf project convert source`) and writes its
// manifest (`sf project generate manifest`) under build/, then makes sure nothing was silently dropped:
// every class, trigger, page, LWC bundle, object, field, permission set and custom metadata record in
// the source must be in the manifest (sf leaves out, for example, a class without its -meta.xml).
//
//   node scripts/check-convert.mjs [PROJECT_DIR] [--output DIR]    default: the project root, build/
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { ROOT } from './lib/lwc-bundles.mjs';
import { findFiles, parseArgs, runMain } from './lib/files.mjs';
import { sf } from './lib/sf.mjs';

/** Source files that must each become one manifest member: [pattern, type, member from match]. */
const EXPECTED = [
    [/[\\/]classes[\\/](?:.*[\\/])?([^\\/]+)\.cls$/, 'ApexClass', (m) => m[1]],
    [/[\\/]triggers[\\/](?:.*[\\/])?([^\\/]+)\.trigger$/, 'ApexTrigger', (m) => m[1]],
    [/[\\/]pages[\\/]([^\\/]+)\.page$/, 'ApexPage', (m) => m[1]],
    [/[\\/]lwc[\\/]([^\\/]+)[\\/]\1\.js$/, 'LightningComponentBundle', (m) => m[1]],
    [/[\\/]objects[\\/]([^\\/]+)[\\/]\1\.object-meta\.xml$/, 'CustomObject', (m) => m[1]],
    [/[\\/]objects[\\/]([^\\/]+)[\\/]fields[\\/]([^\\/]+)\.field-meta\.xml$/, 'CustomField', (m) => `${m[1]}.${m[2]}`],
    [/[\\/]permissionsets[\\/]([^\\/]+)\.permissionset-meta\.xml$/, 'PermissionSet', (m) => m[1]],
    [/[\\/]customMetadata[\\/]([^\\/]+)\.md-meta\.xml$/, 'CustomMetadata', (m) => m[1]],
    [/[\\/]tabs[\\/]([^\\/]+)\.tab-meta\.xml$/, 'CustomTab', (m) => m[1]],
    [/[\\/]applications[\\/]([^\\/]+)\.app-meta\.xml$/, 'CustomApplication', (m) => m[1]],
    [/[\\/]layouts[\\/]([^\\/]+)\.layout-meta\.xml$/, 'Layout', (m) => m[1]],
    [/[\\/]flexipages[\\/]([^\\/]+)\.flexipage-meta\.xml$/, 'FlexiPage', (m) => m[1]],
    [/[\\/]staticresources[\\/]([^\\/]+)\.resource-meta\.xml$/, 'StaticResource', (m) => m[1]]
];

function manifestMembers(manifestFile) {
    const parser = new XMLParser({ isArray: (name) => name === 'types' || name === 'members' });
    const doc = parser.parse(readFileSync(manifestFile, 'utf8'));
    const members = new Set();
    for (const type of doc.Package?.types ?? []) {
        for (const member of type.members ?? []) {
            members.add(`${type.name}:${member}`);
        }
    }
    return members;
}

/**
 * @returns {{ problems: string[], summary: string[] }}
 */
export function convertAndCompare(projectDir, outputDir) {
    const project = JSON.parse(readFileSync(path.join(projectDir, 'sfdx-project.json'), 'utf8'));
    const problems = [];
    const summary = [];
    for (const dir of project.packageDirectories ?? []) {
        const sourceDir = path.join(projectDir, dir.path);
        const files = findFiles([sourceDir], () => true);
        if (files.length === 0) {
            summary.push(`${dir.path}: empty, nothing to convert`);
            continue;
        }
        const name = dir.path.replace(/[\\/]/g, '-');
        const mdapiDir = path.join(outputDir, 'mdapi', name);
        const manifestDir = path.join(outputDir, 'manifest', name);
        rmSync(mdapiDir, { recursive: true, force: true });
        mkdirSync(manifestDir, { recursive: true });
        const convert = sf(
            ['project', 'convert', 'source', '--root-dir', dir.path, '--output-dir', mdapiDir],
            projectDir
        );
        if (!convert.ok) {
            problems.push(`${dir.path}: sf project convert source failed: ${convert.message}`);
            continue;
        }
        const manifest = sf(
            [
                'project',
                'generate',
                'manifest',
                '--source-dir',
                dir.path,
                '--output-dir',
                manifestDir,
                '--name',
                'package.xml'
            ],
            projectDir
        );
        if (!manifest.ok) {
            problems.push(`${dir.path}: sf project generate manifest failed: ${manifest.message}`);
            continue;
        }
        const converted = manifestMembers(path.join(mdapiDir, 'package.xml'));
        const generated = manifestMembers(path.join(manifestDir, 'package.xml'));
        let expectedCount = 0;
        for (const file of files) {
            for (const [pattern, type, member] of EXPECTED) {
                const match = file.match(pattern);
                if (!match) {
                    continue;
                }
                expectedCount++;
                const key = `${type}:${member(match)}`;
                const rel = path.relative(projectDir, file);
                if (!converted.has(key)) {
                    problems.push(`${rel}: ${key} is missing from the converted package (sf dropped it)`);
                } else if (!generated.has(key)) {
                    problems.push(`${rel}: ${key} is missing from the generated manifest`);
                }
            }
        }
        if (!existsSync(path.join(mdapiDir, 'package.xml'))) {
            problems.push(`${dir.path}: conversion wrote no package.xml`);
        }
        summary.push(
            `${dir.path}: ${converted.size} component(s) converted, ${expectedCount} source component(s) accounted for`
        );
    }
    return { problems, summary };
}

runMain(import.meta.url, () => {
    const { positional, flags } = parseArgs(process.argv.slice(2));
    const projectDir = path.resolve(positional[0] ?? ROOT);
    const outputDir = path.resolve(typeof flags.output === 'string' ? flags.output : path.join(ROOT, 'build'));
    const { problems, summary } = convertAndCompare(projectDir, outputDir);
    for (const line of summary) {
        console.log(`  ${line}`);
    }
    for (const problem of problems) {
        console.error(`✗ ${problem}`);
    }
    if (problems.length > 0) {
        console.error(`${problems.length} conversion problem(s)`);
        return 1;
    }
    console.log(`✓ converted and manifested into ${path.relative(process.cwd(), outputDir) || '.'}`);
    return 0;
});
