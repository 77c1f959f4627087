// What the LWC bundles of a project declare: exposure, targets with their objects and design properties,
// and the public (@api) properties of each component.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
