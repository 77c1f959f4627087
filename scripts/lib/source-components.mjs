// Maps the files of a source-format package directory to the metadata components sf makes of them
// (type and member name, as in a package.xml), from the metadata registry that ships with the
// Salesforce CLI (@salesforce/source-deploy-retrieve's metadataRegistry.json: suffixes, directory
// names, adapters, child types). It reads the files itself, not through sf's resolver, so a file sf
// skips (a .forceignore entry, a class without its -meta.xml) still counts as a component.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { findFiles } from './files.mjs';
import { ROOT } from './lwc-bundles.mjs';

/**
 * Files in a package directory that are not metadata, so they map to no component. The registry
 * cannot tell these: they are what sf ignores without being told (dot-files and *.dup, the built-in
 * ignore list of source-deploy-retrieve's ForceIgnore) and the LWC tooling files that live beside
 * components but never deploy (Jest tests in __tests__, jsconfig.json; the Salesforce project
 * template's own .forceignore lists them). Anything else the registry cannot map is reported.
 */
const TOOLING = [/(^|\/)\.[^/]*$/, /(^|\/)\.[^/]*\//, /\.dup$/, /(^|\/)__tests__\//, /(^|\/)jsconfig\.json$/];

/** Adapters whose file layout this module understands (every other one is reported, not guessed). */
const KNOWN_ADAPTERS = new Set([undefined, 'default', 'matchingContentFile', 'bundle', 'mixedContent', 'decomposed']);

/** The registry of the source-deploy-retrieve that `sf project convert source` runs with. */
export function loadRegistry() {
    // Resolved from the plugin that provides `project convert source`, so it is the copy sf uses.
    const require = createRequire(
        path.join(ROOT, 'node_modules', '@salesforce', 'plugin-deploy-retrieve', 'package.json')
    );
    const file = require.resolve('@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json');
    return JSON.parse(readFileSync(file, 'utf8'));
}

/** `Name.suffix-meta.xml` → { name, suffix }; other files → { name: before the last dot, suffix: after it }. */
function splitName(file) {
    const base = file.endsWith('-meta.xml') ? file.slice(0, -'-meta.xml'.length) : file;
    const dot = base.lastIndexOf('.');
    return dot > 0 ? { name: base.slice(0, dot), suffix: base.slice(dot + 1) } : { name: base, suffix: '' };
}

/** A file's name up to its first dot (a static resource's or document's member name). */
function stem(file) {
    const dot = file.indexOf('.');
    return dot > 0 ? file.slice(0, dot) : file;
}

/**
 * @param {any} registry the parsed metadataRegistry.json
 */
export function createResolver(registry) {
    /** suffix → top-level types with it (several types share a suffix; the folder name decides). */
    const bySuffix = new Map();
    for (const type of Object.values(registry.types)) {
        for (const suffix of [type.suffix, type.legacySuffix]) {
            if (suffix) {
                bySuffix.set(suffix, [...(bySuffix.get(suffix) ?? []), type]);
            }
        }
    }
    const parser = new XMLParser({ isArray: () => true });

    /** The type a suffix names here: the one whose folder holds the file, else the registry's default. */
    function typeForSuffix(suffix, dirs) {
        const candidates = bySuffix.get(suffix) ?? [];
        for (let i = dirs.length - 1; i >= 0; i--) {
            const inDir = candidates.find((type) => type.directoryName === dirs[i]);
            if (inDir) {
                return inDir;
            }
        }
        const fallback = registry.suffixes[suffix];
        return fallback ? registry.types[fallback] : candidates[0];
    }

    /** Member name of an inFolder type or folder: the path below the type's folder. */
    function folderMember(type, dirs, name) {
        const at = dirs.lastIndexOf(type.directoryName);
        return [...(at >= 0 ? dirs.slice(at + 1) : []), name].join('/');
    }

    /** Members listed inside a non-decomposed file (the labels of a CustomLabels file). */
    function innerMembers(type, text) {
        const out = [];
        const root = parser.parse(text)?.[type.name]?.[0] ?? {};
        for (const child of Object.values(type.children?.types ?? {})) {
            if (!child.xmlElementName || !child.uniqueIdElement) {
                continue;
            }
            for (const entry of root[child.xmlElementName] ?? []) {
                const id = entry?.[child.uniqueIdElement]?.[0];
                if (id !== undefined && id !== '') {
                    out.push({ type: child.name, fullName: String(id) });
                }
            }
        }
        return out;
    }

    /**
     * @param {string} rel the file's path inside its package directory, with `/`
     * @param {() => string} read reads the file (for members listed inside it)
     * @returns {{ tooling: true } | { error: string } | { components: {type: string, fullName: string}[], converted?: string }}
     *   `converted`: where the file itself must appear in the converted output (bundle files)
     */
    function resolve(rel, read) {
        if (TOOLING.some((pattern) => pattern.test(rel))) {
            return { tooling: true };
        }
        const parts = rel.split('/');
        const file = parts[parts.length - 1];
        const dirs = parts.slice(0, -1);
        const isMeta = file.endsWith('-meta.xml');
        const { name, suffix } = splitName(file);

        // A folder only one type may use (lwc, aura, staticresources, objects …): the outermost one
        // decides, since a bundle or a static resource may hold folders of any name.
        const strictAt = dirs.findIndex((dir) => registry.strictDirectoryNames[dir]);
        if (strictAt >= 0) {
            const type = registry.types[registry.strictDirectoryNames[dirs[strictAt]]];
            const adapter = type.strategies?.adapter;
            const below = parts.slice(strictAt + 1);
            if (adapter === 'bundle') {
                if (below.length < 2) {
                    return { error: `${type.name} files must be in a folder named after the bundle` };
                }
                return {
                    components: [{ type: type.name, fullName: below[0] }],
                    converted: [type.directoryName, ...below].join('/')
                };
            }
            if (adapter === 'mixedContent' && !type.inFolder) {
                return { components: [{ type: type.name, fullName: stem(below[0]) }] };
            }
            if (adapter === 'mixedContent' && !(isMeta && bySuffix.has(suffix))) {
                return { components: [{ type: type.name, fullName: folderMember(type, dirs, stem(file)) }] };
            }
            if (adapter === 'decomposed') {
                const parent = below[0];
                if (below.length < 2 || !isMeta) {
                    return {
                        error: `${type.name} files must be -meta.xml files in a folder named after the component`
                    };
                }
                if (suffix === type.suffix) {
                    return { components: [{ type: type.name, fullName: name }] };
                }
                const childId = type.children?.suffixes?.[suffix];
                const child = childId && type.children.types[childId];
                if (!child) {
                    return { error: `"${suffix}" is no part of a ${type.name} in the registry` };
                }
                if (child.isAddressable === false) {
                    return { components: [{ type: type.name, fullName: parent }] };
                }
                return { components: [{ type: child.name, fullName: `${parent}.${name}` }] };
            }
            if (!KNOWN_ADAPTERS.has(adapter)) {
                return { error: `${type.name} (source layout "${adapter}") is not mapped by this check yet` };
            }
        }

        const type = typeForSuffix(suffix, dirs);
        if (!type) {
            return {
                error: isMeta
                    ? `no metadata type has the suffix "${suffix}"`
                    : 'neither a -meta.xml file nor the content file of a metadata type'
            };
        }
        const adapter = type.strategies?.adapter;
        if (!KNOWN_ADAPTERS.has(adapter)) {
            return { error: `${type.name} (source layout "${adapter}") is not mapped by this check yet` };
        }
        if (!isMeta && adapter !== 'matchingContentFile') {
            return { error: `"${suffix}" is the suffix of ${type.name}, whose files end in -meta.xml` };
        }
        if (type.folderContentType) {
            // A folder of reports, documents, email templates …: the manifest lists it with its content.
            const content = registry.types[type.folderContentType];
            return { components: [{ type: content.name, fullName: folderMember(type, dirs, name) }] };
        }
        const fullName = type.inFolder ? folderMember(type, dirs, name) : name;
        const components = [{ type: type.name, fullName }];
        if (type.strategies?.transformer === 'nonDecomposed') {
            components.push(...innerMembers(type, read()));
        }
        return { components };
    }

    return resolve;
}

/**
 * Every metadata component of a package directory, with the files it comes from.
 * @param {string} packageDir
 * @param {any} [registry]
 * @returns {{
 *   components: Map<string, { type: string, fullName: string, files: string[] }>,
 *   bundleFiles: { file: string, key: string, converted: string }[],
 *   unmapped: { file: string, reason: string }[],
 *   tooling: string[]
 * }} keys are `Type:member`; files are relative to packageDir, with `/`
 */
export function sourceComponents(packageDir, registry = loadRegistry()) {
    const resolve = createResolver(registry);
    const components = new Map();
    const bundleFiles = [];
    const unmapped = [];
    const tooling = [];
    for (const full of findFiles([packageDir], () => true)) {
        const file = path.relative(packageDir, full).split(path.sep).join('/');
        const result = resolve(file, () => readFileSync(full, 'utf8'));
        if ('tooling' in result) {
            tooling.push(file);
            continue;
        }
        if ('error' in result) {
            unmapped.push({ file, reason: result.error });
            continue;
        }
        for (const { type, fullName } of result.components) {
            const key = `${type}:${fullName}`;
            const entry = components.get(key) ?? { type, fullName, files: [] };
            entry.files.push(file);
            components.set(key, entry);
        }
        if (result.converted) {
            bundleFiles.push({
                file,
                key: `${result.components[0].type}:${result.components[0].fullName}`,
                converted: result.converted
            });
        }
    }
    return { components, bundleFiles, unmapped, tooling };
}
