// The TypeScript-authored LWC bundles under lwc-ts/ and where they compile to.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SOURCE_DIR = path.join(ROOT, 'lwc-ts');
export const OUTPUT_DIR = path.join(ROOT, 'force-app', 'main', 'default', 'lwc');

/**
 * A bundle is a folder of `sourceDir` that holds `<name>.js-meta.xml`; other folders
 * (shared type declarations) are not deployed.
 * @param {string} sourceDir
 * @returns {string[]} bundle names, sorted
 */
export function listBundles(sourceDir = SOURCE_DIR) {
    if (!existsSync(sourceDir)) {
        return [];
    }
    return readdirSync(sourceDir, { withFileTypes: true })
        .filter(
            (entry) => entry.isDirectory() && existsSync(path.join(sourceDir, entry.name, `${entry.name}.js-meta.xml`))
        )
        .map((entry) => entry.name)
        .sort();
}

/**
 * Files of a bundle folder that belong to the deployable bundle: everything but tests,
 * test folders and declaration files.
 * @param {string} bundleDir
 * @returns {string[]} paths relative to the bundle folder, sorted
 */
export function listBundleSources(bundleDir) {
    const out = [];
    const walk = (dir, rel) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const relPath = rel ? `${rel}/${entry.name}` : entry.name;
            if (entry.isDirectory()) {
                if (entry.name === '__tests__' || entry.name === '__mocks__') {
                    continue;
                }
                walk(path.join(dir, entry.name), relPath);
            } else if (!/\.(test|spec)\.[tj]s$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
                out.push(relPath);
            }
        }
    };
    walk(bundleDir, '');
    return out.sort();
}
