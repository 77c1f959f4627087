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

const PREVIEW_ENTRY = [
    "import '@lwc/synthetic-shadow';",
    "import { createElement } from 'lwc';",
    "import App from 'preview/app';",
    "document.getElementById('root').appendChild(createElement('preview-app', { is: App }));"
].join('\n');

function entryPlugin(source) {
    return {
        name: 'preview-entry',
        resolveId: (id) => (id === ENTRY ? ENTRY : null),
        load: (id) => (id === ENTRY ? source : null)
    };
}

/** The directory of the package.json nearest above dir, as the LWC module resolver finds it. */
function packageRoot(dir, roots) {
    let root = roots.get(dir);
    if (root === undefined) {
        const parent = path.dirname(dir);
        root = existsSync(path.join(dir, 'package.json')) || parent === dir ? dir : packageRoot(parent, roots);
        roots.set(dir, root);
    }
    return root;
}

/**
 * The LWC plugin, its answers for module names (`lightning/button`, `c/errorPanel`) remembered for one build.
 * The plugin reads every module list (the project's, lightning-base-components' package.json of 455 entries)
 * again for each import; what it answers depends only on the name and the package the importing file is in.
 */
function lwcWithRememberedModules(options) {
    const plugin = lwc(options);
    const resolveId = plugin.resolveId;
    const buildStart = plugin.buildStart;
    let answers = new Map();
    let roots = new Map();
    return {
        ...plugin,
        buildStart(...args) {
            answers = new Map();
            roots = new Map();
            return buildStart.apply(this, args);
        },
        resolveId(importee, importer, ...rest) {
            if (!importer || importee.startsWith('.') || importee.startsWith('/')) {
                return resolveId.call(this, importee, importer, ...rest);
            }
            const key = `${importee}\0${packageRoot(path.dirname(path.resolve(importer)), roots)}`;
            if (!answers.has(key)) {
                answers.set(key, resolveId.call(this, importee, importer, ...rest));
            }
            return answers.get(key);
        }
    };
}

/**
 * The Rollup options of a page built like the preview: the given entry source (the preview shell by default), every
 * compiled component, the Salesforce mocks and lightning-base-components, with LWC in the given mode. Orgs run
 * production mode unless the user has Debug Mode on; the preview uses development mode for its warnings.
 */
export function rollupOptions(outDir, { sourcemap = false, mode = 'development', entry = PREVIEW_ENTRY } = {}) {
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
            entryPlugin(entry),
            replace({
                preventAssignment: true,
                values: { 'process.env.NODE_ENV': JSON.stringify(mode), 'import.meta.env.SSR': 'false' }
            }),
            salesforceMocks({
                modulesDir: MODULES_DIR,
                lwcDir: OUTPUT_DIR,
                bundles,
                packageDirs: project.packageDirectories.map((p) => path.join(ROOT, p.path))
            }),
            lwcWithRememberedModules({
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
        output: { file: path.join(outDir, 'app.js'), format: 'esm', sourcemap, inlineDynamicImports: true }
    };
}

/**
 * Builds the preview once into outDir/app.js, for the browser tests and the benchmark: without a source map
 * unless asked for (`npm start` serves one with its watched build), in development mode unless asked for
 * production, from the preview shell unless given another entry source.
 */
export async function bundlePreview(outDir, options = {}) {
    const rollupConfig = rollupOptions(outDir, options);
    const bundle = await rollup(rollupConfig);
    try {
        await bundle.write(rollupConfig.output);
    } finally {
        await bundle.close();
    }
}

/** Rebuilds the preview whenever a compiled component or the shell changes; returns the watcher. */
export function watchPreview(outDir, onEvent) {
    const watcher = watch({ ...rollupOptions(outDir, { sourcemap: true }), watch: { clearScreen: false } });
    watcher.on('event', (event) => {
        onEvent?.(event);
        if (event.result) {
            event.result.close();
        }
    });
    return watcher;
}
