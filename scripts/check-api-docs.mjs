#!/usr/bin/env node
// The API reference matches the code. docs/api/examples/index.json lists each documented example
// (endpoint, method, status); docs/api/examples/<name>.request.json and .response.json hold it. Checks:
//   blocks     every example file is embedded in docs/API.md between <!-- example: <file> --> and
//              <!-- /example -->, and every embedded block equals its file (as JSON)
//   endpoints  every documented path is the urlMapping of an @RestResource class answering the method
//   requests   every property of a request example is a property the endpoint's Apex reads through
//              Comm100ApiRequest (text, requiredText, flag, items, child, freeForm: '<name>'); the
//              properties inside a freeForm object (bot variables, custom variables) are data
//   bundle     the test-only static resource Comm100_Api_Examples (which an Apex test feeds through the
//              handlers) equals the examples; `--write` regenerates it
//
//   node scripts/check-api-docs.mjs [PROJECT_DIR] [--write]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/lwc-bundles.mjs';
import { findFiles, parseArgs, runMain } from './lib/files.mjs';

const BUNDLE = path.join('unpackaged', 'main', 'default', 'staticresources', 'Comm100_Api_Examples.json');
const READERS = /\.(text|requiredText|flag|items|child|freeForm)\(\s*'([^']+)'/g;

function readJson(file, report) {
    try {
        return JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
        report('blocks', file, `is not valid JSON: ${error.message}`);
        return undefined;
    }
}

function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}

/** The examples with their request and response bodies. */
function loadExamples(projectDir, report) {
    const dir = path.join(projectDir, 'docs', 'api', 'examples');
    const index = readJson(path.join(dir, 'index.json'), report) ?? [];
    return index.map((entry) => {
        const load = (kind) => {
            const file = path.join(dir, `${entry.name}.${kind}.json`);
            return existsSync(file) ? { file, body: readJson(file, report) } : undefined;
        };
        return { ...entry, request: load('request'), response: load('response') };
    });
}

function checkBlocks(projectDir, examples, report) {
    const apiFile = path.join(projectDir, 'docs', 'API.md');
    const markdown = readFileSync(apiFile, 'utf8');
    const blocks = new Map();
    for (const match of markdown.matchAll(
        /<!-- example: ([\w.-]+) -->\s*```json\n([\s\S]*?)```\s*<!-- \/example -->/g
    )) {
        try {
            blocks.set(match[1], JSON.parse(match[2]));
        } catch (error) {
            report('blocks', apiFile, `the block of ${match[1]} is not valid JSON: ${error.message}`);
            blocks.set(match[1], null);
        }
    }
    for (const example of examples) {
        if (!example.response) {
            report('blocks', apiFile, `${example.name} has no ${example.name}.response.json`);
        }
        for (const part of [example.request, example.response].filter(Boolean)) {
            const name = path.basename(part.file);
            if (!blocks.has(name)) {
                report('blocks', apiFile, `${name} is not embedded in API.md`);
            } else if (blocks.get(name) !== null && !same(blocks.get(name), part.body)) {
                report('blocks', apiFile, `the block of ${name} differs from the file`);
            }
        }
        if (!markdown.includes(`${example.method} ${example.path}`)) {
            report('blocks', apiFile, `the endpoint ${example.method} ${example.path} is not documented`);
        }
    }
}

/** Apex classes by name, with their source. */
function loadClasses(projectDir) {
    const classes = new Map();
    for (const file of findFiles([path.join(projectDir, 'force-app')], (n) => n.endsWith('.cls'))) {
        classes.set(path.basename(file, '.cls'), readFileSync(file, 'utf8'));
    }
    return classes;
}

/** The properties read by a class and every project class it names, transitively. */
function propertiesRead(classes, start) {
    const read = new Set();
    const freeForm = new Set();
    const seen = new Set();
    const queue = [start];
    while (queue.length > 0) {
        const name = queue.pop();
        if (seen.has(name) || !classes.has(name)) {
            continue;
        }
        seen.add(name);
        const source = classes.get(name);
        for (const [, reader, key] of source.matchAll(READERS)) {
            read.add(key);
            if (reader === 'freeForm') {
                freeForm.add(key);
            }
        }
        for (const [word] of source.matchAll(/\b[A-Z]\w+\b/g)) {
            if (classes.has(word)) {
                queue.push(word);
            }
        }
    }
    return { read, freeForm };
}

function propertyNames(body, freeForm, prefix = '') {
    if (Array.isArray(body)) {
        return body.flatMap((item) => propertyNames(item, freeForm, `${prefix}[]`));
    }
    if (body === null || typeof body !== 'object') {
        return [];
    }
    return Object.entries(body).flatMap(([key, value]) => [
        { key, where: `${prefix}${key}` },
        ...(freeForm.has(key) ? [] : propertyNames(value, freeForm, `${prefix}${key}.`))
    ]);
}

function checkEndpoints(projectDir, examples, report) {
    const classes = loadClasses(projectDir);
    const resources = new Map();
    for (const [name, source] of classes) {
        const mapping = source.match(/@RestResource\(\s*urlMapping\s*=\s*'([^']+)'\s*\)/i);
        if (mapping) {
            resources.set(`/${mapping[1].replace(/^\/+/, '')}`, { name, source });
        }
    }
    for (const example of examples) {
        const where = example.request?.file ?? example.response?.file ?? example.name;
        const resource = resources.get(example.path);
        if (!resource) {
            report('endpoints', where, `${example.path} is no @RestResource urlMapping in the Apex`);
            continue;
        }
        const annotation = `@Http${example.method.charAt(0)}${example.method.slice(1).toLowerCase()}`;
        if (!new RegExp(`${annotation}\\b`, 'i').test(resource.source)) {
            report('endpoints', where, `${resource.name} does not answer ${example.method} (${annotation})`);
        }
        if (!example.request?.body) {
            continue;
        }
        const { read, freeForm } = propertiesRead(classes, resource.name);
        for (const { key, where: property } of propertyNames(example.request.body, freeForm)) {
            if (!read.has(key)) {
                report(
                    'requests',
                    example.request.file,
                    `${property} is documented but ${resource.name} and the classes it uses never read "${key}"`
                );
            }
        }
    }
}

function bundleOf(examples) {
    return examples.map(({ name, method, path: endpoint, status, request, response }) => ({
        name,
        method,
        path: endpoint,
        status,
        request: request?.body ?? null,
        response: response?.body ?? null
    }));
}

function checkBundle(projectDir, examples, write, report) {
    const file = path.join(projectDir, BUNDLE);
    const expected = bundleOf(examples);
    if (write) {
        writeFileSync(file, `${JSON.stringify(expected, null, 4)}\n`);
        return;
    }
    const actual = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
    if (!same(actual, expected)) {
        report('bundle', file, 'differs from docs/api/examples: run node scripts/check-api-docs.mjs --write');
    }
}

/**
 * Runs every check over a project.
 * @param {string} projectDir
 * @param {boolean} write regenerate the bundle
 * @returns {{ check: string, file: string, message: string }[]}
 */
export function checkApiDocs(projectDir, write = false) {
    const problems = [];
    const report = (check, file, message) => problems.push({ check, file, message });
    const examples = loadExamples(projectDir, report);
    checkBlocks(projectDir, examples, report);
    checkEndpoints(projectDir, examples, report);
    checkBundle(projectDir, examples, write, report);
    return { problems, count: examples.length };
}

runMain(import.meta.url, () => {
    const { positional, flags } = parseArgs(process.argv.slice(2));
    const projectDir = path.resolve(positional[0] ?? ROOT);
    const { problems, count } = checkApiDocs(projectDir, flags.write === true);
    for (const p of problems) {
        console.error(`✗ [${p.check}] ${path.relative(process.cwd(), p.file)}: ${p.message}`);
    }
    if (problems.length > 0) {
        console.error(`${problems.length} API reference problem(s)`);
        return 1;
    }
    console.log(
        `✓ ${count} documented example(s): embedded in docs/API.md, served by the Apex, bundled for the Apex test`
    );
    return 0;
});
