// Rollup plugin that answers the Salesforce-only modules in the preview. It must come before the LWC
// plugin. Apex methods, the data service, toasts and navigation go to the mocks in modules/preview/,
// which read the current scene; schema imports become `{ objectApiName, fieldApiName }`; the package's
// custom labels come from its CustomLabels file (an unknown label fails the build, as it would deploy).
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { findFiles } from '../lib/files.mjs';

const PREFIX = '\0salesforce-mock:';

// The gates of the Lightning base components are all open in their npm package. This one makes lightning-combobox
// call attachInternals(), which the synthetic shadow the preview runs in does not support (the page fails): closed.
const CLOSED_GATES = new Set(['@salesforce/gate/bc.260.enableComboboxElementInternals']);

// The running user's locale and time zone for the package's components: the values of the Jest mocks
// (scripts/jest/mocks/i18n/) and of the base components' own scoped imports, not the browser's, so that the preview
// shows dates as a user with these settings sees them, on any machine. The base components' other @salesforce/i18n
// imports stay theirs.
export const PREVIEW_I18N = { locale: 'en-US', timeZone: 'America/Los_Angeles' };
const I18N_IMPORT = /^@salesforce\/i18n\/(locale|timeZone)$/;

export function readCustomLabels(packageDirs) {
    const parser = new XMLParser({ isArray: (name) => name === 'labels' });
    const labels = new Map();
    for (const file of findFiles(packageDirs, (name) => name.endsWith('.labels-meta.xml'))) {
        for (const label of parser.parse(readFileSync(file, 'utf8')).CustomLabels?.labels ?? []) {
            labels.set(String(label.fullName), String(label.value ?? ''));
        }
    }
    return labels;
}

function tagName(bundle) {
    return `c-${bundle.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * @param {{ modulesDir: string, lwcDir: string, bundles: string[], packageDirs: string[] }} options
 */
export function salesforceMocks({ modulesDir, lwcDir, bundles, packageDirs }) {
    const mock = (name) => path.join(modulesDir, 'preview', name, `${name}.js`);
    const context = mock('mockContext');
    const replaced = {
        'lightning/uiRecordApi': mock('uiRecordApi'),
        'lightning/uiObjectInfoApi': mock('uiObjectInfoApi'),
        'lightning/platformShowToastEvent': mock('showToastEvent'),
        'lightning/navigation': mock('navigation'),
        '@salesforce/apex': mock('apex')
    };
    let labels;
    return {
        name: 'salesforce-mocks',
        buildStart() {
            labels = readCustomLabels(packageDirs);
            for (const file of Object.values(replaced)) {
                this.addWatchFile(file);
            }
        },
        resolveId(source) {
            if (replaced[source]) {
                return replaced[source];
            }
            if (
                CLOSED_GATES.has(source) ||
                source === 'preview/registry' ||
                source.startsWith('@salesforce/apex/') ||
                source.startsWith('@salesforce/schema/') ||
                source.startsWith('@salesforce/label/c.') ||
                source.startsWith('@salesforce/user/') ||
                source.startsWith('@salesforce/customPermission/') ||
                source.startsWith('@salesforce/resourceUrl/') ||
                I18N_IMPORT.test(source)
            ) {
                return `${PREFIX}${source}`;
            }
            return null;
        },
        load(id) {
            if (!id.startsWith(PREFIX)) {
                return null;
            }
            const source = id.slice(PREFIX.length);
            if (CLOSED_GATES.has(source)) {
                return 'export default { isOpen: () => false };\n';
            }
            if (source === 'preview/registry') {
                const withTemplates = bundles.filter((b) => existsSync(path.join(lwcDir, b, `${b}.html`)));
                const imports = withTemplates.map((b, i) => `import C${i} from 'c/${b}';`).join('\n');
                const entries = withTemplates.map((b, i) => `  ${JSON.stringify(tagName(b))}: C${i}`).join(',\n');
                return `${imports}\nexport default {\n${entries}\n};\n`;
            }
            const apex = source.match(/^@salesforce\/apex\/(\w+\.\w+)$/);
            if (apex) {
                return `import { apexMethod } from ${JSON.stringify(context)};\nexport default apexMethod(${JSON.stringify(apex[1])});\n`;
            }
            const schema = source.match(/^@salesforce\/schema\/(\w+)(?:\.([\w.]+))?$/);
            if (schema) {
                const value = schema[2]
                    ? { objectApiName: schema[1], fieldApiName: schema[2] }
                    : { objectApiName: schema[1] };
                return `export default ${JSON.stringify(value)};\n`;
            }
            const label = source.match(/^@salesforce\/label\/c\.(\w+)$/);
            if (label) {
                if (!labels.has(label[1])) {
                    this.error(`Custom label ${label[1]} is not defined in any CustomLabels file`);
                }
                return `export default ${JSON.stringify(labels.get(label[1]))};\n`;
            }
            const user = source.match(/^@salesforce\/user\/(\w+)$/);
            if (user) {
                const values = { Id: '005000000000000AAA', isGuest: false };
                return `export default ${JSON.stringify(values[user[1]] ?? null)};\n`;
            }
            if (source.startsWith('@salesforce/customPermission/')) {
                return 'export default true;\n';
            }
            const i18n = source.match(I18N_IMPORT);
            if (i18n) {
                return `export default ${JSON.stringify(PREVIEW_I18N[i18n[1]])};\n`;
            }
            if (source.startsWith('@salesforce/resourceUrl/')) {
                return `export default ${JSON.stringify(`/resource/${source.split('/').pop()}`)};\n`;
            }
            return null;
        }
    };
}
