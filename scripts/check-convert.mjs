#!/usr/bin/env node
// Converts each package directory to Metadata API format (`sf project convert source`) and writes its
// manifest (`sf project generate manifest`) under build/ — both run in this process with the CLI's own library,
// as the CLI runs them (scripts/lib/sf-convert.mjs) — then makes sure nothing was silently dropped:
// every metadata component in the source must be in the converted package, and every file of an LWC or
// Aura bundle in the converted output. (Both commands build their list from the same source with the same
// library, ComponentSetBuilder, so the generated manifest names exactly what the converted package.xml
// names: it is written, not compared again; and a conversion that writes no package.xml fails, as in sf.)
// The components come from the files themselves, mapped with the CLI's own metadata registry
// (scripts/lib/source-components.mjs), so every kind of metadata counts, not a fixed list: a file that
// .forceignore drops (labels, a custom permission, a validation rule, a list view …) or that sf skips (a
// class without its -meta.xml) is reported by type and member, a .forceignore that drops a file sf needs
// fails the conversion, and a file the registry cannot map is reported too, so a new kind of metadata
// cannot slip by.
//
//   node scripts/check-convert.mjs [PROJECT_DIR] [--output DIR]    default: the project root, build/
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { ROOT } from './lib/lwc-bundles.mjs';
import { parseArgs, runMain } from './lib/files.mjs';
import { convertSource, generateManifest } from './lib/sf-convert.mjs';
import { loadRegistry, sourceComponents } from './lib/source-components.mjs';

const DROPPED_HINT = 'a .forceignore entry or a missing -meta.xml may drop it';

/** `Type:member` of every member of a package.xml (a folder's trailing `/` removed). */
function manifestMembers(manifestFile) {
    const parser = new XMLParser({ isArray: (name) => name === 'types' || name === 'members' });
    const doc = parser.parse(readFileSync(manifestFile, 'utf8'));
    const members = new Set();
    for (const type of doc.Package?.types ?? []) {
        for (const member of type.members ?? []) {
            members.add(`${type.name}:${String(member).replace(/\/$/, '')}`);
        }
    }
    return members;
}

/** Converts and manifests one package directory, as `sf project convert source` and `generate manifest` do. */
async function convertOne(projectDir, outputDir, dirPath, registry) {
    const problems = [];
    const sourceDir = path.join(projectDir, dirPath);
    const source = sourceComponents(sourceDir, registry);
    const rel = (file) => path.relative(projectDir, path.join(sourceDir, file)).split(path.sep).join('/');
    for (const { file, reason } of source.unmapped) {
        problems.push(
            `${rel(file)}: not mapped to a metadata type: ${reason}. If it is metadata, teach ` +
                'scripts/lib/source-components.mjs its kind; if not, keep it out of the package directory'
        );
    }
    if (source.components.size === 0 && source.unmapped.length === 0) {
        return { problems, summary: `${dirPath}: no metadata, nothing to convert` };
    }
    const name = dirPath.replace(/[\\/]/g, '-');
    const mdapiDir = path.join(outputDir, 'mdapi', name);
    const manifestDir = path.join(outputDir, 'manifest', name);
    rmSync(mdapiDir, { recursive: true, force: true });
    mkdirSync(manifestDir, { recursive: true });
    const convert = await convertSource(projectDir, dirPath, mdapiDir);
    const manifest = await generateManifest(projectDir, dirPath, manifestDir);
    if (!convert.ok) {
        problems.push(`${dirPath}: sf project convert source failed: ${convert.message}`);
    }
    if (!manifest.ok) {
        problems.push(`${dirPath}: sf project generate manifest failed: ${manifest.message}`);
    }
    if (!convert.ok || !manifest.ok) {
        return { problems, summary: `${dirPath}: not converted` };
    }
    const converted = manifestMembers(path.join(mdapiDir, 'package.xml'));
    for (const [key, { files }] of source.components) {
        const where = rel(files.find((file) => file.endsWith('-meta.xml')) ?? files[0]);
        if (!converted.has(key)) {
            problems.push(`${where}: ${key} is missing from the converted package (sf dropped it: ${DROPPED_HINT})`);
        }
    }
    for (const { file, key, converted: out } of source.bundleFiles) {
        if (converted.has(key) && !existsSync(path.join(mdapiDir, out))) {
            problems.push(
                `${rel(file)}: this file of ${key} is missing from the converted package (a .forceignore entry may drop it)`
            );
        }
    }
    const types = new Set([...source.components.values()].map((component) => component.type));
    const skipped = source.tooling.length > 0 ? `, ${source.tooling.length} tooling file(s) skipped` : '';
    return {
        problems,
        summary:
            `${dirPath}: ${converted.size} component(s) converted; ${source.components.size} source component(s) ` +
            `of ${types.size} type(s) accounted for${skipped}`
    };
}

/**
 * @returns {Promise<{ problems: string[], summary: string[] }>}
 */
export async function convertAndCompare(projectDir, outputDir) {
    const project = JSON.parse(readFileSync(path.join(projectDir, 'sfdx-project.json'), 'utf8'));
    const registry = loadRegistry();
    const results = [];
    for (const dir of project.packageDirectories ?? []) {
        results.push(await convertOne(projectDir, outputDir, dir.path, registry));
    }
    return {
        problems: results.flatMap((result) => result.problems),
        summary: results.map((result) => result.summary)
    };
}

runMain(import.meta.url, async () => {
    const { positional, flags } = parseArgs(process.argv.slice(2));
    const projectDir = path.resolve(positional[0] ?? ROOT);
    const outputDir = path.resolve(typeof flags.output === 'string' ? flags.output : path.join(ROOT, 'build'));
    const { problems, summary } = await convertAndCompare(projectDir, outputDir);
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
