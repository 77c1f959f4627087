#!/usr/bin/env node
// The platform LWC compiler (@lwc/sfdc-lwc-compiler, type "platform") over every compiled bundle in
// force-app/main/default/lwc: templates, styles and JavaScript compile, and the platform's own lint
// rules (restricted modules and namespaces, Aura interop, dynamic imports, decorator use) pass with no
// error or warning. It reads the
// emitted JavaScript, not the TypeScript sources, so it sees exactly what is deployed.
//
//   node scripts/check-lwc-platform.mjs [LWC_DIR]     default: force-app/main/default/lwc
import { readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { compile } from '@lwc/sfdc-lwc-compiler';
import { OUTPUT_DIR } from './lib/lwc-bundles.mjs';
import { parseArgs, readTree, runMain } from './lib/files.mjs';

const COMPILED_EXTENSIONS = new Set(['.js', '.html', '.css', '.svg']);
// @lwc/errors DiagnosticLevel: 0 fatal, 1 error, 2 warning, 3 log. Warnings fail too: the package ships none.
const FAILING_LEVELS = new Set([0, 1, 2]);

/**
 * Compiles one bundle as the platform does.
 * @returns {Promise<string[]>} the errors, readable
 */
export async function compileBundle(bundleDir, apiVersion = 65) {
    const name = path.basename(bundleDir);
    const output = await compile({
        bundle: {
            type: 'platform',
            name,
            namespace: 'c',
            files: Object.fromEntries(readTree(bundleDir, (name) => COMPILED_EXTENSIONS.has(path.extname(name)))),
            options: { apiVersion }
        }
    });
    const diagnostics = [...(output.diagnostics ?? []), ...(output.results ?? []).flatMap((r) => r.diagnostics ?? [])];
    const errors = diagnostics
        .filter((d) => FAILING_LEVELS.has(d.level))
        .map((d) => {
            const where = d.filename ? `${d.filename}${d.location ? `:${d.location.line}` : ''}` : name;
            return `${where} ${d.message}`;
        });
    if (!output.success && errors.length === 0) {
        errors.push(`${name}: the platform compiler reported a failure without diagnostics`);
    }
    return [...new Set(errors)];
}

runMain(import.meta.url, async () => {
    const { positional } = parseArgs(process.argv.slice(2));
    const lwcDir = path.resolve(positional[0] ?? OUTPUT_DIR);
    const bundles = existsSync(lwcDir)
        ? readdirSync(lwcDir).filter((n) => statSync(path.join(lwcDir, n)).isDirectory())
        : [];
    let failures = 0;
    for (const bundle of bundles.sort()) {
        const errors = await compileBundle(path.join(lwcDir, bundle));
        for (const error of errors) {
            failures++;
            console.error(`✗ ${bundle}: ${error}`);
        }
    }
    if (failures > 0) {
        console.error(`${failures} platform compiler error(s)`);
        return 1;
    }
    console.log(`✓ ${bundles.length} bundle(s) compile with the platform LWC compiler`);
    return 0;
});
