// The project model every rule reads: one Salesforce DX project, read once. Objects with their fields,
// validation rules and list views; custom metadata records; Apex classes and triggers; labels, tabs, apps,
// permission sets, layouts, Lightning pages and LWC bundles. XML is parsed on first use and kept, so two
// rules reading one file parse it once. Nothing here reports: rules decide what is wrong.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { findFiles } from '../lib/files.mjs';
import { listOf, readXml, rootOf, textOf } from './xml.mjs';
import { apexKindOf, parseApex } from './apex.mjs';
import { effectiveNamespace } from '../lib/packaging.mjs';

const CUSTOM_SUFFIX = /__(c|mdt|e|x|b|kav|ka|r|share|history|feed|chatterfeed)$/i;

/** True for the API name of a custom object, field or relationship (it ends in __c, __mdt, __e, __r …). */
export function isCustomName(name) {
    return CUSTOM_SUFFIX.test(name ?? '');
}

/** System fields every record has, set by the platform and never by DML. */
export const SYSTEM_FIELDS = [
    'CreatedDate',
    'CreatedById',
    'LastModifiedDate',
    'LastModifiedById',
    'SystemModstamp',
    'IsDeleted',
    'LastViewedDate',
    'LastReferencedDate'
];

/** Standard fields every custom object has. */
export const STANDARD_FIELDS_OF_CUSTOM_OBJECTS = new Set(['Id', 'Name', 'OwnerId', ...SYSTEM_FIELDS]);

/** Standard fields of custom metadata types (besides Id). */
export const STANDARD_FIELDS_OF_CUSTOM_METADATA = new Set([
    'Id',
    'DeveloperName',
    'MasterLabel',
    'Label',
    'Language',
    'NamespacePrefix',
    'QualifiedApiName',
    'SystemModstamp'
]);

function baseName(file, suffix) {
    return path.basename(file).slice(0, -suffix.length);
}

function fieldInfo(name, file, doc) {
    const number = (tag) => {
        const text = textOf(doc, tag);
        return text === undefined || text === '' ? undefined : Number(text);
    };
    const valueSet = listOf(doc, 'valueSet')[0];
    const values = listOf(listOf(valueSet, 'valueSetDefinition')[0], 'value')
        .map((v) => textOf(v, 'fullName'))
        .filter(Boolean);
    return {
        name,
        file,
        doc,
        fullName: textOf(doc, 'fullName'),
        type: textOf(doc, 'type'),
        label: textOf(doc, 'label'),
        required: textOf(doc, 'required') === 'true',
        length: number('length'),
        precision: number('precision'),
        scale: number('scale'),
        visibleLines: number('visibleLines'),
        referenceTo: textOf(doc, 'referenceTo'),
        relationshipName: textOf(doc, 'relationshipName'),
        formula: textOf(doc, 'formula'),
        globalValueSet: valueSet ? textOf(valueSet, 'valueSetName') : undefined,
        values: valueSet && textOf(valueSet, 'valueSetName') === undefined ? values : undefined
    };
}

/**
 * Reads a project.
 * @param {string} projectDir a folder holding sfdx-project.json
 */
export function loadProject(projectDir) {
    const declared = JSON.parse(readFileSync(path.join(projectDir, 'sfdx-project.json'), 'utf8'));
    // Rules read project.namespace as the namespace the package's names carry: the committed placeholder
    // (scripts/lib/packaging.mjs) stands for none, as it does in every scratch org it creates.
    const project = { ...declared, namespace: effectiveNamespace(declared) };
    const packageDirs = (project.packageDirectories ?? []).map((p) => path.join(projectDir, p.path));
    const files = findFiles(packageDirs, () => true);
    const parsed = new Map();
    const wellFormed = new Map();

    const model = {
        projectDir,
        project,
        /** sfdx-project.json as written, placeholders included. */
        declaredProject: declared,
        packageDirs,
        files,
        apiVersion: project.sourceApiVersion ?? '65.0',
        /** True when the file is well-formed XML (checked once). */
        isWellFormed(file) {
            if (!wellFormed.has(file)) {
                wellFormed.set(file, XMLValidator.validate(readFileSync(file, 'utf8')));
            }
            return wellFormed.get(file) === true;
        },
        /** The validator's error for a malformed XML file, or undefined. */
        xmlError(file) {
            return model.isWellFormed(file) ? undefined : wellFormed.get(file).err;
        },
        /** The root element of a well-formed XML file, parsed once; undefined when it is malformed. */
        root(file, rootName) {
            if (!model.isWellFormed(file)) {
                return undefined;
            }
            if (!parsed.has(file)) {
                parsed.set(file, readXml(file));
            }
            return rootOf(parsed.get(file), rootName);
        },
        /** Files whose name ends with the suffix, optionally inside a folder of the given name. */
        filesEndingWith(suffix, folder) {
            return files.filter(
                (f) => f.endsWith(suffix) && (!folder || f.split(path.sep).slice(0, -1).includes(folder))
            );
        }
    };

    model.objects = loadObjects(model);
    model.classes = new Map(
        model
            .filesEndingWith('.cls', 'classes')
            .map((file) => [baseName(file, '.cls'), { file, text: readFileSync(file, 'utf8') }])
    );
    model.triggers = new Map(
        model
            .filesEndingWith('.trigger', 'triggers')
            .map((file) => [baseName(file, '.trigger'), { file, text: readFileSync(file, 'utf8') }])
    );
    const namesOf = (suffix, folder) =>
        new Map(model.filesEndingWith(suffix, folder).map((file) => [baseName(file, suffix), file]));
    model.pages = namesOf('.page', 'pages');
    model.tabs = namesOf('.tab-meta.xml', 'tabs');
    model.apps = namesOf('.app-meta.xml', 'applications');
    model.customPermissions = namesOf('.customPermission-meta.xml', 'customPermissions');
    model.globalValueSets = namesOf('.globalValueSet-meta.xml', 'globalValueSets');
    model.permissionSets = namesOf('.permissionset-meta.xml', 'permissionsets');
    model.layouts = namesOf('.layout-meta.xml', 'layouts');
    model.flexipages = namesOf('.flexipage-meta.xml', 'flexipages');
    model.staticResources = namesOf('.resource-meta.xml', 'staticresources');
    model.labels = loadLabels(model);
    model.records = loadRecords(model);
    model.bundles = loadBundles(model);
    model.lwcSourceDir = path.join(projectDir, 'lwc-ts');
    model.lwcSources = findFiles(
        [model.lwcSourceDir],
        (name) => name.endsWith('.ts') && !name.endsWith('.d.ts')
    ).filter((f) => !path.relative(model.lwcSourceDir, f).split(path.sep).includes('__tests__'));
    /** The object, when the project defines it or adds fields to it. */
    model.object = (name) => model.objects.get(name);
    /** The field of a project object (custom fields, and standard fields the project declares). */
    model.field = (objectName, fieldName) => model.objects.get(objectName)?.fields.get(fieldName);
    const apexTrees = new Map();
    /** apex-parser's tree of a class or trigger, parsed once; undefined when it has a syntax error. */
    model.apexTree = (file) => {
        if (!apexTrees.has(file)) {
            const known = [...model.classes.values(), ...model.triggers.values()].find((e) => e.file === file);
            const text = known ? known.text : readFileSync(file, 'utf8');
            const { tree, errors } = parseApex(text, apexKindOf(file));
            apexTrees.set(file, errors.length === 0 ? tree : undefined);
        }
        return apexTrees.get(file);
    };
    return model;
}

function loadObjects(model) {
    const objects = new Map();
    const entry = (name) => {
        if (!objects.has(name)) {
            objects.set(name, {
                name,
                defined: false,
                file: undefined,
                doc: undefined,
                fields: new Map(),
                validationRules: [],
                listViews: []
            });
        }
        return objects.get(name);
    };
    for (const file of model.files) {
        const parts = file.split(path.sep);
        const at = parts.lastIndexOf('objects');
        if (at < 0 || at + 2 >= parts.length) {
            continue;
        }
        const objectName = parts[at + 1];
        const rest = parts.slice(at + 2);
        if (rest.length === 1 && rest[0] === `${objectName}.object-meta.xml`) {
            const object = entry(objectName);
            object.defined = true;
            object.file = file;
            object.doc = model.root(file, 'CustomObject') ?? {};
        } else if (rest.length === 2 && rest[0] === 'fields' && rest[1].endsWith('.field-meta.xml')) {
            const name = rest[1].slice(0, -'.field-meta.xml'.length);
            entry(objectName).fields.set(name, fieldInfo(name, file, model.root(file, 'CustomField') ?? {}));
        } else if (rest.length === 2 && rest[0] === 'validationRules' && rest[1].endsWith('.validationRule-meta.xml')) {
            const doc = model.root(file, 'ValidationRule') ?? {};
            entry(objectName).validationRules.push({
                name: rest[1].slice(0, -'.validationRule-meta.xml'.length),
                file,
                doc,
                formula: textOf(doc, 'errorConditionFormula')
            });
        } else if (rest.length === 2 && rest[0] === 'listViews' && rest[1].endsWith('.listView-meta.xml')) {
            entry(objectName).listViews.push({
                name: rest[1].slice(0, -'.listView-meta.xml'.length),
                file,
                doc: model.root(file, 'ListView') ?? {}
            });
        }
    }
    return objects;
}

function loadLabels(model) {
    const labels = new Map();
    for (const file of model.filesEndingWith('.labels-meta.xml')) {
        for (const label of listOf(model.root(file, 'CustomLabels'), 'labels')) {
            labels.set(textOf(label, 'fullName'), { file, node: label });
        }
    }
    return labels;
}

/** Custom metadata records: type, record name, label and the values given (nil values are left out). */
function loadRecords(model) {
    const records = [];
    for (const file of model.files.filter((f) => /[\\/]customMetadata[\\/][^\\/]+\.md-meta\.xml$/.test(f))) {
        const fullName = baseName(file, '.md-meta.xml');
        const [typeBase, ...nameParts] = fullName.split('.');
        const root = model.root(file, 'CustomMetadata');
        const values = {};
        const given = [];
        for (const value of listOf(root, 'values')) {
            const field = textOf(value, 'field');
            const raw = listOf(value, 'value')[0];
            const isNil = typeof raw === 'object' && raw !== null && raw['@xsi:nil'] === 'true';
            const text =
                raw === undefined || isNil ? undefined : typeof raw === 'object' ? (raw['#text'] ?? '') : String(raw);
            given.push({
                field,
                text,
                xsiType: typeof raw === 'object' && raw !== null ? raw['@xsi:type'] : undefined
            });
            if (text !== undefined) {
                values[field] = text;
            }
        }
        records.push({
            file,
            typeName: `${typeBase}__mdt`,
            recordName: nameParts.join('.'),
            label: root ? textOf(root, 'label') : undefined,
            wellFormed: root !== undefined,
            values,
            given
        });
    }
    return records;
}

/** LWC bundles of the package directories: name → { dir, metaFile, files }. */
function loadBundles(model) {
    const bundles = new Map();
    for (const file of model.files) {
        const match = file.match(/^(.*?[\\/]lwc[\\/]([^\\/]+))[\\/].+$/);
        if (!match) {
            continue;
        }
        const [, dir, name] = match;
        if (!bundles.has(name)) {
            bundles.set(name, { name, dir, metaFile: path.join(dir, `${name}.js-meta.xml`), files: [] });
        }
        bundles.get(name).files.push(file);
    }
    return bundles;
}
