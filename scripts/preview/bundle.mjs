// Bundles the preview page (the shell in modules/preview/app and every compiled component of
// force-app/main/default/lwc) with Rollup and the LWC compiler, for the browser.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup, watch } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { ROOT, OUTPUT_DIR } from '../lib/lwc-bundles.mjs';
import { salesforceMocks } from './mocks-plugin.mjs';

export const PREVIEW_DIR = path.dirname(fileURLToPath(import.meta.url));
const MODULES_DIR = path.join(PREVIEW_DIR, 'modules');
const ENTRY = '\0preview-entry';

function compiledBundles() {
    return existsSync(OUTPUT_DIR)
        ? readdirSync(OUTPUT_DIR).filter((name) => existsSync(path.join(OUTPUT_DIR, name, `${name}.js`)))
        : [];
}

function entryPlugin() {
    return {
        name: 'preview-entry',
        resolveId: (source) => (source === ENTRY ? ENTRY : null),
        load: (id) =>
            id === ENTRY
                ? [
                      "import '@lwc/synthetic-shadow';",
                      "import { createElement } from 'lwc';",
                      "import App from 'preview/app';",
                      "document.getElementById('root').appendChild(createElement('preview-app', { is: App }));"
                  ].join('\n')
                : null
    };
}

function rollupOptions(outDir) {
    const bundles = compiledBundles();
    const project = JSON.parse(readFileSync(path.join(ROOT, 'sfdx-project.json'), 'utf8'));
    return {
        input: ENTRY,
        onwarn(warning, warn) {
            if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') {
                return;
            }
            warn(warning);
        },
        plugins: [
            entryPlugin(),
            replace({
                preventAssignment: true,
                values: { 'process.env.NODE_ENV': JSON.stringify('development'), 'import.meta.env.SSR': 'false' }
            }),
            salesforceMocks({
                modulesDir: MODULES_DIR,
                lwcDir: OUTPUT_DIR,
                bundles,
                packageDirs: project.packageDirectories.map((p) => path.join(ROOT, p.path))
            }),
            lwc({
                rootDir: MODULES_DIR,
                enableDynamicComponents: true,
                exclude: ['**/*.json'],
                modules: [
                    { dir: MODULES_DIR },
                    ...bundles.map((b) => ({ name: `c/${b}`, path: path.join(OUTPUT_DIR, b, `${b}.js`) })),
                    { npm: 'lightning-base-components' }
                ]
            })
        ],
        output: { file: path.join(outDir, 'app.js'), format: 'esm', sourcemap: true, inlineDynamicImports: true }
    };
}

/** Builds the preview once into outDir/app.js. */
export async function bundlePreview(outDir) {
    const options = rollupOptions(outDir);
    const bundle = await rollup(options);
    try {
        await bundle.write(options.output);
    } finally {
        await bundle.close();
    }
}

/** Rebuilds the preview whenever a compiled component or the shell changes; returns the watcher. */
export function watchPreview(outDir, onEvent) {
    const watcher = watch({ ...rollupOptions(outDir), watch: { clearScreen: false } });
    watcher.on('event', (event) => {
        onEvent?.(event);
        if (event.result) {
            event.result.close();
        }
    });
    return watcher;
}
