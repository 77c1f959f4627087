// The naive full render for `npm run bench:ui`: a page that puts one c-transcript-message per message of a
// chat into one SLDS chat list, with no window, built like the preview (same compiled components, same mocks).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { rollup } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { ROOT, OUTPUT_DIR } from '../lib/lwc-bundles.mjs';
import { PREVIEW_DIR } from '../preview/bundle.mjs';
import { salesforceMocks } from '../preview/mocks-plugin.mjs';

const MODULES_DIR = path.join(PREVIEW_DIR, 'modules');
const ENTRY = '\0bench-naive-entry';

// `window.benchRenderAll(messages)` renders every message at once into a scrolling SLDS chat list of the same
// height as the shipped viewer's and returns the list's scroller; `window.benchMessages()` lists the elements.
const ENTRY_SOURCE = `
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import TranscriptMessage from 'c/transcriptMessage';
let list;
window.benchRenderAll = (messages) => {
    const section = document.createElement('section');
    section.className = 'slds-chat slds-chat_past';
    section.setAttribute('role', 'log');
    section.style.height = '28rem';
    section.style.overflowY = 'auto';
    list = document.createElement('ul');
    list.className = 'slds-chat-list';
    messages.forEach((message, index) => {
        const element = createElement('c-transcript-message', { is: TranscriptMessage });
        element.message = message;
        element.dataset.index = String(index);
        list.appendChild(element);
    });
    section.appendChild(list);
    document.getElementById('root').appendChild(section);
    return section;
};
window.benchMessages = () => (list ? list.children : []);
`;

/** Builds the naive page's bundle into outDir/app.js (the preview server serves it with the preview's page). */
export async function bundleNaivePage(outDir) {
    const bundles = readdirSync(OUTPUT_DIR).filter((name) => existsSync(path.join(OUTPUT_DIR, name, `${name}.js`)));
    const project = JSON.parse(readFileSync(path.join(ROOT, 'sfdx-project.json'), 'utf8'));
    const bundle = await rollup({
        input: ENTRY,
        onwarn(warning, warn) {
            if (warning.code !== 'CIRCULAR_DEPENDENCY' && warning.code !== 'THIS_IS_UNDEFINED') {
                warn(warning);
            }
        },
        plugins: [
            {
                name: 'bench-naive-entry',
                resolveId: (source) => (source === ENTRY ? ENTRY : null),
                load: (id) => (id === ENTRY ? ENTRY_SOURCE : null)
            },
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
        ]
    });
    try {
        await bundle.write({ file: path.join(outDir, 'app.js'), format: 'esm', inlineDynamicImports: true });
    } finally {
        await bundle.close();
    }
}
