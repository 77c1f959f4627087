// What the LWC bundles of a project declare: exposure, targets with their objects and design properties,
// and the public (@api) properties of each component.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findFiles } from '../lib/files.mjs';
import { listOf, textOf } from './xml.mjs';

/**
 * The bundles of the model with what their js-meta.xml declares (parsed once per model).
 * @returns {Map<string, { name, file, root, exposed, targets: Map<string, { objects: Set<string>|null, properties: Map<string, object> }>, publicProperties: Set<string> }>}
 */
export function bundleDeclarations(model) {
    if (model.bundleDeclarations) {
        return model.bundleDeclarations;
    }
    const bundles = new Map();
    for (const bundle of model.bundles.values()) {
        const file = bundle.metaFile;
        const root = existsSync(file) ? model.root(file, 'LightningComponentBundle') : undefined;
        if (!root) {
            continue;
        }
        const targets = new Map();
        for (const target of listOf(listOf(root, 'targets')[0], 'target').map(String)) {
            targets.set(target, { objects: null, properties: new Map() });
        }
        const configs = [];
        for (const config of listOf(listOf(root, 'targetConfigs')[0], 'targetConfig')) {
            const objects = listOf(listOf(config, 'objects')[0], 'object').map(String);
            const properties = new Map(listOf(config, 'property').map((p) => [p['@name'], p]));
            const names = String(config['@targets'] ?? '')
                .split(',')
                .map((t) => t.trim());
            configs.push({ targets: names, objects, properties, node: config });
            for (const target of names) {
                const entry = targets.get(target);
                if (entry) {
                    entry.objects = objects.length > 0 ? new Set(objects) : null;
                    entry.properties = properties;
                }
            }
        }
        const source = [
            path.join(model.projectDir, 'lwc-ts', bundle.name, `${bundle.name}.ts`),
            path.join(bundle.dir, `${bundle.name}.js`)
        ].find((candidate) => existsSync(candidate));
        const publicProperties = source
            ? new Set([...readFileSync(source, 'utf8').matchAll(/@api\s+(?:get\s+|set\s+)?(\w+)/g)].map((m) => m[1]))
            : new Set();
        bundles.set(bundle.name, {
            name: bundle.name,
            dir: bundle.dir,
            file,
            root,
            exposed: textOf(root, 'isExposed') === 'true',
            targets,
            configs,
            publicProperties
        });
    }
    model.bundleDeclarations = bundles;
    return bundles;
}

/**
 * The files of each LWC bundle as authored: `lwc-ts/<name>/` when the project writes the bundle in TypeScript
 * (the deployed copy is its build output, kept equal by `npm run check:build`), otherwise the deployed folder.
 * Tests, mocks and declaration files are left out.
 * @returns {Map<string, { name: string, dir: string, files: string[], metaFile: string }>}
 */
export function bundleSources(model) {
    if (model.bundleSources) {
        return model.bundleSources;
    }
    const sources = new Map();
    for (const bundle of model.bundles.values()) {
        sources.set(bundle.name, {
            name: bundle.name,
            dir: bundle.dir,
            files: bundle.files,
            metaFile: bundle.metaFile
        });
    }
    const authored = model.lwcSourceDir;
    if (existsSync(authored)) {
        for (const entry of readdirSync(authored, { withFileTypes: true })) {
            const dir = path.join(authored, entry.name);
            const metaFile = path.join(dir, `${entry.name}.js-meta.xml`);
            if (!entry.isDirectory() || !existsSync(metaFile)) {
                continue;
            }
            const files = findFiles(
                [dir],
                (name) => !/\.(test|spec)\.[tj]s$/.test(name) && !name.endsWith('.d.ts')
            ).filter(
                (file) =>
                    !path
                        .relative(dir, file)
                        .split(path.sep)
                        .some((part) => part === '__tests__' || part === '__mocks__')
            );
            sources.set(entry.name, { name: entry.name, dir, files, metaFile });
        }
    }
    model.bundleSources = sources;
    return sources;
}
