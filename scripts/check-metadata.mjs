#!/usr/bin/env node
// Our own metadata checks, for what `sf project convert source` lets through:
//   xml          every .xml file is well-formed
//   pairs        every class, trigger, page and component has its -meta.xml, and every -meta.xml its source;
//                every LWC bundle has <name>.js and <name>.js-meta.xml; every static resource has its content
//                and its -meta.xml, and one declared application/json parses
//   api-version  one API version everywhere: each <apiVersion> equals sourceApiVersion of sfdx-project.json
//   fields       each field file's <fullName> matches its file name
//   picklists    picklist fields have values (or a global value set that exists), no duplicates, one default
//   cmdt         custom metadata records name an existing type and only fields that type has; picklist values
//                are valid, checkboxes are true/false, numbers are numbers, required fields are set
//   permsets     permission sets name only objects, fields, classes, pages, tabs, apps, custom permissions and
//                custom metadata types that exist, and grant no field access to required, master-detail or
//                platform event fields
//   layouts, list-views  name only custom fields their object has
//   cmdt-refs    custom metadata records that name Salesforce fields (fields called Salesforce_Field*__c, on the
//                object in Target_Object__c) name real fields: the project's own custom fields, and standard
//                fields proven by apex-ls, which knows every standard object; Comm100 fields (Comm100_Field*__c)
//                are keys of the Comm100 field catalogue (Comm100FieldCatalogue.cls); fields named *_Class__c name
//                Apex classes of the project; a Salesforce field may name a parent field through one relationship
//                (Account.Name), proven the same way
//   allow-list   records with Can Read / Can Write flags (the chatbot allow-list) allow at least one of them, write
//                only fields of the record itself (no Parent.Field) and name at most one relationship, as the type's
//                validation rules demand in an org
//   lwc-refs     the TypeScript LWC sources import only labels, custom fields and @AuraEnabled methods that exist
//   flexipages   Lightning pages place only exposed components of the project that target the page's type
//                and object, and set only the design properties those components declare; an object's View
//                override names a Lightning page that exists
//
// Standard objects and standard fields cannot be verified without an org; they are accepted as named.
//
//   node scripts/check-metadata.mjs [PROJECT_DIR]     default: the project root
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ROOT } from './lib/lwc-bundles.mjs';
import { findFiles, parseArgs, runMain } from './lib/files.mjs';
import { semanticIssues } from './check-apex-semantics.mjs';

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (_name, _jpath, isLeafNode, isAttribute) => !isAttribute && !isLeafNode,
    parseTagValue: false,
    trimValues: true
});

const SOURCE_SUFFIXES = ['.cls', '.trigger', '.page', '.component'];
const CUSTOM_SUFFIX = /__(c|mdt|e|x|b|kav|ka|r|share|history|feed|chatterfeed)$/i;

/** Parses an XML file into nested objects; repeated or nested elements are arrays. */
function readXml(file) {
    return parser.parse(readFileSync(file, 'utf8'));
}

/** The text of the first child element called `name`, or undefined. */
function textOf(node, name) {
    const value = node?.[name];
    const one = Array.isArray(value) ? value[0] : value;
    if (one === undefined || one === null) {
        return undefined;
    }
    return typeof one === 'object' ? (one['#text'] ?? '') : String(one);
}

/** The child elements called `name`, always as a list. */
function listOf(node, name) {
    const value = node?.[name];
    if (value === undefined) {
        return [];
    }
    return Array.isArray(value) ? value : [value];
}

function rootOf(doc, rootName) {
    return listOf(doc, rootName)[0];
}

/** Everything the checks need to know about one Salesforce DX project. */
function loadProject(projectDir) {
    const projectFile = path.join(projectDir, 'sfdx-project.json');
    const project = JSON.parse(readFileSync(projectFile, 'utf8'));
    const packageDirs = (project.packageDirectories ?? []).map((p) => path.join(projectDir, p.path));
    const files = findFiles(packageDirs, () => true);
    const objects = new Map(); // API name → { dir, fields: Map(name → { file, doc }) }
    for (const file of files) {
        const match = file.match(/[\\/]objects[\\/]([^\\/]+)[\\/]([^\\/]+)$/);
        if (match && match[2] === `${match[1]}.object-meta.xml`) {
            objects.set(match[1], objects.get(match[1]) ?? { fields: new Map(), defined: true });
            objects.get(match[1]).defined = true;
        }
        const fieldMatch = file.match(/[\\/]objects[\\/]([^\\/]+)[\\/]fields[\\/]([^\\/]+)\.field-meta\.xml$/);
        if (fieldMatch) {
            const entry = objects.get(fieldMatch[1]) ?? { fields: new Map(), defined: false };
            entry.fields.set(fieldMatch[2], { file });
            objects.set(fieldMatch[1], entry);
        }
    }
    const namesOf = (folder, suffix) =>
        new Set(
            files
                .filter((f) => f.includes(`${path.sep}${folder}${path.sep}`) && f.endsWith(suffix))
                .map((f) => path.basename(f).slice(0, -suffix.length))
        );
    return {
        projectDir,
        project,
        packageDirs,
        files,
        objects,
        classes: namesOf('classes', '.cls'),
        pages: namesOf('pages', '.page'),
        tabs: namesOf('tabs', '.tab-meta.xml'),
        apps: namesOf('applications', '.app-meta.xml'),
        customPermissions: namesOf('customPermissions', '.customPermission-meta.xml'),
        globalValueSets: namesOf('globalValueSets', '.globalValueSet-meta.xml')
    };
}

function checkXml(ctx, report) {
    const xmlFiles = ctx.files.filter((f) => f.endsWith('.xml'));
    const valid = [];
    for (const file of xmlFiles) {
        const result = XMLValidator.validate(readFileSync(file, 'utf8'));
        if (result === true) {
            valid.push(file);
        } else {
            report('xml', file, `not well-formed XML at line ${result.err.line}: ${result.err.msg}`);
        }
    }
    return valid;
}

function checkPairs(ctx, report) {
    for (const file of ctx.files) {
        const suffix = SOURCE_SUFFIXES.find((s) => file.endsWith(s));
        if (suffix && !existsSync(`${file}-meta.xml`)) {
            report(
                'pairs',
                file,
                `has no ${path.basename(file)}-meta.xml: sf would silently leave it out of the deploy`
            );
        }
        const metaSuffix = SOURCE_SUFFIXES.find((s) => file.endsWith(`${s}-meta.xml`));
        if (metaSuffix && !existsSync(file.slice(0, -'-meta.xml'.length))) {
            report('pairs', file, `has no ${path.basename(file).slice(0, -'-meta.xml'.length)} source file`);
        }
        const bundle = file.match(/[\\/]lwc[\\/]([^\\/]+)[\\/][^\\/]+$/);
        if (
            bundle &&
            path.basename(file) === `${bundle[1]}.js-meta.xml` &&
            !existsSync(path.join(path.dirname(file), `${bundle[1]}.js`))
        ) {
            report('pairs', file, `LWC bundle ${bundle[1]} has no ${bundle[1]}.js`);
        }
    }
    const resourceDirs = new Set(
        ctx.files.filter((f) => /[\\/]staticresources[\\/]/.test(f)).map((f) => path.dirname(f))
    );
    for (const dir of resourceDirs) {
        const inDir = ctx.files.filter((f) => path.dirname(f) === dir);
        const metas = inDir.filter((f) => f.endsWith('.resource-meta.xml'));
        const bases = new Set(metas.map((f) => path.basename(f, '.resource-meta.xml')));
        for (const meta of metas) {
            const base = path.basename(meta, '.resource-meta.xml');
            const content = inDir.find((f) => f !== meta && path.basename(f).replace(/\.[^.]+$/, '') === base);
            if (!content) {
                report('pairs', meta, `static resource ${base} has no content file`);
            } else if (/<contentType>\s*application\/json\s*<\/contentType>/.test(readFileSync(meta, 'utf8'))) {
                try {
                    JSON.parse(readFileSync(content, 'utf8'));
                } catch (error) {
                    report('pairs', content, `declared application/json but is not valid JSON: ${error.message}`);
                }
            }
        }
        for (const file of inDir.filter((f) => !f.endsWith('.resource-meta.xml'))) {
            if (!bases.has(path.basename(file).replace(/\.[^.]+$/, ''))) {
                report('pairs', file, 'static resource file has no .resource-meta.xml');
            }
        }
    }
    const bundleDirs = new Set(
        ctx.files.map((f) => f.match(/^(.*[\\/]lwc[\\/][^\\/]+)[\\/][^\\/]+$/)?.[1]).filter((d) => d !== undefined)
    );
    for (const dir of bundleDirs) {
        const name = path.basename(dir);
        if (!existsSync(path.join(dir, `${name}.js-meta.xml`))) {
            report('pairs', dir, `LWC bundle ${name} has no ${name}.js-meta.xml`);
        }
    }
}

function checkApiVersions(ctx, xmlFiles, report) {
    const expected = ctx.project.sourceApiVersion;
    if (!expected) {
        report('api-version', path.join(ctx.projectDir, 'sfdx-project.json'), 'sourceApiVersion is not set');
        return;
    }
    for (const file of xmlFiles) {
        const content = readFileSync(file, 'utf8');
        for (const match of content.matchAll(/<apiVersion>\s*([^<\s]+)\s*<\/apiVersion>/g)) {
            if (Number(match[1]).toFixed(1) !== Number(expected).toFixed(1)) {
                report('api-version', file, `apiVersion ${match[1]} differs from sourceApiVersion ${expected}`);
            }
        }
    }
}

function loadFields(ctx, xmlFiles, report) {
    const wellFormed = new Set(xmlFiles);
    for (const [objectName, object] of ctx.objects) {
        for (const [fieldName, field] of object.fields) {
            if (!wellFormed.has(field.file)) {
                continue;
            }
            field.doc = rootOf(readXml(field.file), 'CustomField') ?? {};
            const fullName = textOf(field.doc, 'fullName');
            if (fullName !== undefined && fullName !== fieldName) {
                report('fields', field.file, `fullName ${fullName} does not match the file name ${fieldName}`);
            }
            field.type = textOf(field.doc, 'type');
            field.required = textOf(field.doc, 'required') === 'true';
            field.values = picklistValues(ctx, objectName, fieldName, field, report);
        }
    }
}

function picklistValues(ctx, objectName, fieldName, field, report) {
    if (field.type !== 'Picklist' && field.type !== 'MultiselectPicklist') {
        return undefined;
    }
    const valueSet = listOf(field.doc, 'valueSet')[0];
    const where = `${objectName}.${fieldName}`;
    if (!valueSet) {
        report('picklists', field.file, `picklist ${where} has no valueSet`);
        return [];
    }
    const globalName = textOf(valueSet, 'valueSetName');
    if (globalName !== undefined) {
        if (!ctx.globalValueSets.has(globalName)) {
            report(
                'picklists',
                field.file,
                `picklist ${where} names global value set ${globalName}, which does not exist`
            );
        }
        return undefined;
    }
    const values = listOf(listOf(valueSet, 'valueSetDefinition')[0], 'value');
    const names = values.map((v) => textOf(v, 'fullName'));
    if (names.length === 0) {
        report('picklists', field.file, `picklist ${where} has no values`);
    }
    const seen = new Set();
    for (const name of names) {
        if (!name) {
            report('picklists', field.file, `picklist ${where} has a value without fullName`);
        } else if (seen.has(name.toLowerCase())) {
            report('picklists', field.file, `picklist ${where} repeats the value ${name}`);
        }
        seen.add(name?.toLowerCase());
    }
    if (values.filter((v) => textOf(v, 'default') === 'true').length > 1) {
        report('picklists', field.file, `picklist ${where} has more than one default value`);
    }
    return names.filter(Boolean);
}

function checkCustomMetadataRecords(ctx, report) {
    const records = ctx.files.filter((f) => /[\\/]customMetadata[\\/][^\\/]+\.md-meta\.xml$/.test(f));
    for (const file of records) {
        const base = path.basename(file, '.md-meta.xml');
        const typeName = `${base.split('.')[0]}__mdt`;
        const type = ctx.objects.get(typeName);
        if (!type?.defined) {
            report('cmdt', file, `custom metadata type ${typeName} does not exist`);
            continue;
        }
        let record;
        try {
            record = rootOf(readXml(file), 'CustomMetadata');
        } catch {
            continue; // reported by the XML check
        }
        const given = new Set();
        for (const value of listOf(record, 'values')) {
            const fieldName = textOf(value, 'field');
            const raw = listOf(value, 'value')[0];
            const isNil = typeof raw === 'object' && raw !== null && raw['@xsi:nil'] === 'true';
            const text =
                raw === undefined || isNil ? undefined : typeof raw === 'object' ? (raw['#text'] ?? '') : String(raw);
            const field = type.fields.get(fieldName);
            if (!field) {
                report('cmdt', file, `${typeName} has no field ${fieldName}`);
                continue;
            }
            given.add(fieldName);
            if (text === undefined) {
                continue;
            }
            if (field.values && !field.values.includes(text)) {
                report(
                    'cmdt',
                    file,
                    `${fieldName} = "${text}" is not a value of the picklist (${field.values.join(', ')})`
                );
            }
            if (field.type === 'Checkbox' && text !== 'true' && text !== 'false') {
                report('cmdt', file, `${fieldName} is a checkbox: "${text}" is neither true nor false`);
            }
            if ((field.type === 'Number' || field.type === 'Percent') && !/^-?\d+(\.\d+)?$/.test(text)) {
                report('cmdt', file, `${fieldName} is a number: "${text}" is not`);
            }
        }
        for (const [fieldName, field] of type.fields) {
            if (field.required && !given.has(fieldName)) {
                report('cmdt', file, `required field ${fieldName} is not set`);
            }
        }
    }
}

function isCustomName(name) {
    return CUSTOM_SUFFIX.test(name);
}

function checkPermissionSets(ctx, report) {
    const files = ctx.files.filter((f) => f.endsWith('.permissionset-meta.xml'));
    for (const file of files) {
        let permissionSet;
        try {
            permissionSet = rootOf(readXml(file), 'PermissionSet');
        } catch {
            continue;
        }
        const objectExists = (name) => ctx.objects.get(name)?.defined === true;
        for (const entry of listOf(permissionSet, 'objectPermissions')) {
            const name = textOf(entry, 'object');
            if (isCustomName(name) && !objectExists(name)) {
                report('permsets', file, `object ${name} does not exist`);
            }
        }
        for (const entry of listOf(permissionSet, 'fieldPermissions')) {
            const qualified = textOf(entry, 'field') ?? '';
            const [objectName, fieldName] = qualified.split('.');
            if (!objectName || !fieldName) {
                report('permsets', file, `field "${qualified}" is not Object.Field`);
                continue;
            }
            if (isCustomName(objectName) && !objectExists(objectName)) {
                report('permsets', file, `field ${qualified}: object ${objectName} does not exist`);
                continue;
            }
            const field = ctx.objects.get(objectName)?.fields.get(fieldName);
            if (isCustomName(fieldName) && !field) {
                report('permsets', file, `field ${qualified} does not exist`);
                continue;
            }
            if (/__e$/i.test(objectName)) {
                report(
                    'permsets',
                    file,
                    `field ${qualified} belongs to a platform event: field-level security does not apply to event fields`
                );
                continue;
            }
            if (field?.required) {
                report(
                    'permsets',
                    file,
                    `field ${qualified} is required: required fields cannot be named in permission sets`
                );
            }
            if (field?.type === 'MasterDetail') {
                report(
                    'permsets',
                    file,
                    `field ${qualified} is master-detail: its access follows the parent and cannot be granted`
                );
            }
        }
        const references = [
            ['classAccesses', 'apexClass', 'Apex class', (n) => ctx.classes.has(n)],
            ['pageAccesses', 'apexPage', 'Visualforce page', (n) => ctx.pages.has(n)],
            ['customMetadataTypeAccesses', 'name', 'custom metadata type', (n) => objectExists(n)],
            ['customSettingAccesses', 'name', 'custom setting', (n) => objectExists(n)],
            ['customPermissions', 'name', 'custom permission', (n) => ctx.customPermissions.has(n)],
            ['tabSettings', 'tab', 'tab', (n) => ctx.tabs.has(n) || (!isCustomName(n) && !n.startsWith('c__'))],
            ['applicationVisibilities', 'application', 'app', (n) => ctx.apps.has(n) || n.startsWith('standard__')]
        ];
        for (const [element, child, kind, exists] of references) {
            for (const entry of listOf(permissionSet, element)) {
                const name = textOf(entry, child);
                if (!name || !exists(name)) {
                    report('permsets', file, `${kind} ${name ?? '(empty)'} does not exist`);
                }
            }
        }
    }
}

function readRecordValues(file) {
    const record = rootOf(readXml(file), 'CustomMetadata');
    const values = {};
    for (const value of listOf(record, 'values')) {
        const raw = listOf(value, 'value')[0];
        const isNil = typeof raw === 'object' && raw !== null && raw['@xsi:nil'] === 'true';
        if (raw !== undefined && !isNil) {
            values[textOf(value, 'field')] = typeof raw === 'object' ? (raw['#text'] ?? '') : String(raw);
        }
    }
    return values;
}

function catalogueOf(ctx) {
    const file = ctx.files.find((f) => path.basename(f) === 'Comm100FieldCatalogue.cls');
    if (!file) {
        return undefined;
    }
    const text = readFileSync(file, 'utf8');
    const keys = new Set([...text.matchAll(/entry\(\s*'([^']+)'/g)].map((m) => m[1]));
    for (const [, constant] of text.matchAll(/String TRANSCRIPT = '([^']+)'/g)) {
        keys.add(constant);
    }
    const prefixes = [...text.matchAll(/_PREFIX = '([^']+)'/g)].map((m) => m[1]);
    return { keys, prefixes };
}

const STANDARD_FIELDS_OF_CUSTOM_OBJECTS = new Set([
    'Id',
    'Name',
    'OwnerId',
    'CreatedDate',
    'CreatedById',
    'LastModifiedDate',
    'LastModifiedById'
]);

/** The custom metadata records of the project that parse, with their field values. */
function customMetadataRecords(ctx) {
    const records = [];
    for (const file of ctx.files.filter((f) => /[\\/]customMetadata[\\/][^\\/]+\.md-meta\.xml$/.test(f))) {
        try {
            records.push({ file, values: readRecordValues(file) });
        } catch {
            // Malformed XML is reported by the xml check.
        }
    }
    return records;
}

function checkRecordFieldReferences(ctx, report) {
    const catalogue = catalogueOf(ctx);
    const standardReferences = [];
    for (const { file, values } of customMetadataRecords(ctx)) {
        const objectName = values.Target_Object__c;
        for (const [fieldName, value] of Object.entries(values)) {
            if (/_Class__c$/.test(fieldName) && value && !ctx.classes.has(value.split('.').pop())) {
                report('cmdt-refs', file, `${fieldName} = "${value}" is not an Apex class of this project`);
            }
            if (/^Comm100_Field(_\d+)?__c$/.test(fieldName) && catalogue) {
                const known =
                    catalogue.keys.has(value) ||
                    catalogue.prefixes.some((p) => value.startsWith(p) && value.length > p.length);
                if (!known) {
                    report('cmdt-refs', file, `${fieldName} = "${value}" is not a Comm100 field of the catalogue`);
                }
            }
            if (!/^Salesforce_Field(_\d+)?__c$/.test(fieldName) || !objectName) {
                continue;
            }
            const object = ctx.objects.get(objectName);
            if (object?.defined) {
                if (!object.fields.has(value) && !STANDARD_FIELDS_OF_CUSTOM_OBJECTS.has(value)) {
                    report('cmdt-refs', file, `${fieldName}: ${objectName} has no field ${value}`);
                }
            } else if (isCustomName(objectName)) {
                report('cmdt-refs', file, `Target_Object__c: ${objectName} does not exist`);
            } else if (isCustomName(value)) {
                if (!object?.fields.has(value)) {
                    report('cmdt-refs', file, `${fieldName}: ${objectName}.${value} is not a field of this project`);
                }
            } else {
                standardReferences.push({ file, fieldName, objectName, value });
            }
        }
    }
    proveStandardFields(ctx, standardReferences, report);
}

/** Chatbot allow-list records: what the type's validation rules enforce in an org, checked before any deploy. */
function checkAllowListRecords(ctx, report) {
    for (const { file, values } of customMetadataRecords(ctx)) {
        if (!('Can_Read__c' in values) && !('Can_Write__c' in values)) {
            continue;
        }
        const field = values.Salesforce_Field__c ?? '';
        if (values.Can_Read__c !== 'true' && values.Can_Write__c !== 'true') {
            report('allow-list', file, `${field || 'the entry'} allows neither reading nor writing`);
        }
        if (values.Can_Write__c === 'true' && field.includes('.')) {
            report('allow-list', file, `${field} is a parent field: it can only be read, not written`);
        }
        if (field.split('.').length > 2) {
            report('allow-list', file, `${field} goes through more than one relationship`);
        }
    }
}

/** Asks apex-ls, which knows the standard objects, whether Object.Field tokens exist. */
function proveStandardFields(ctx, references, report) {
    if (references.length === 0) {
        return;
    }
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'field-probe-'));
    try {
        const classes = path.join(workspace, 'force-app', 'main', 'default', 'classes');
        mkdirSync(classes, { recursive: true });
        writeFileSync(
            path.join(workspace, 'sfdx-project.json'),
            JSON.stringify({
                packageDirectories: [{ path: 'force-app', default: true }],
                sourceApiVersion: ctx.project.sourceApiVersion ?? '65.0'
            })
        );
        const header = [
            'public with sharing class FieldReferenceProbe {',
            '    public static List<Schema.SObjectField> fields() {',
            '        return new List<Schema.SObjectField>{'
        ];
        const lines = references.map(
            (r, i) => `            Schema.${r.objectName}.${r.value}${i < references.length - 1 ? ',' : ''}`
        );
        const source = [...header, ...lines, '        };', '    }', '}', ''].join('\n');
        writeFileSync(path.join(classes, 'FieldReferenceProbe.cls'), source);
        writeFileSync(
            path.join(classes, 'FieldReferenceProbe.cls-meta.xml'),
            `<?xml version="1.0" encoding="UTF-8" ?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>${ctx.project.sourceApiVersion ?? '65.0'}</apiVersion><status>Active</status></ApexClass>\n`
        );
        for (const issue of semanticIssues(workspace)) {
            const reference = references[issue.line - header.length - 1];
            if (reference) {
                report(
                    'cmdt-refs',
                    reference.file,
                    `${reference.fieldName}: ${reference.objectName}.${reference.value} is not a field (${issue.message})`
                );
            } else {
                report('cmdt-refs', ctx.projectDir, `field probe: ${issue.message}`);
            }
        }
    } finally {
        rmSync(workspace, { recursive: true, force: true });
    }
}

/** Layouts and list views may name only fields their object has (custom fields are checked). */
function checkLayoutsAndListViews(ctx, report) {
    const fieldExists = (objectName, fieldName) => ctx.objects.get(objectName)?.fields.has(fieldName);
    for (const file of ctx.files) {
        const layout = file.match(/[\\/]layouts[\\/]([^\\/-]+)-[^\\/]+\.layout-meta\.xml$/);
        const listView = file.match(/[\\/]objects[\\/]([^\\/]+)[\\/]listViews[\\/][^\\/]+\.listView-meta\.xml$/);
        const objectName = layout?.[1] ?? listView?.[1];
        if (!objectName) {
            continue;
        }
        const text = readFileSync(file, 'utf8');
        const names = [...text.matchAll(/<(?:field|columns)>([^<]+)<\/(?:field|columns)>/g)].map((m) => m[1].trim());
        for (const name of names) {
            if (isCustomName(name) && !name.includes('.') && !fieldExists(objectName, name)) {
                report(layout ? 'layouts' : 'list-views', file, `${objectName} has no field ${name}`);
            }
        }
    }
}

function checkLwcReferences(ctx, report) {
    const sourceDir = path.join(ctx.projectDir, 'lwc-ts');
    const sources = findFiles([sourceDir], (name) => name.endsWith('.ts') && !name.endsWith('.d.ts')).filter(
        (f) => !path.relative(sourceDir, f).split(path.sep).includes('__tests__')
    );
    if (sources.length === 0) {
        return;
    }
    const labels = new Set(
        ctx.files
            .filter((f) => f.endsWith('.labels-meta.xml'))
            .flatMap((f) => listOf(rootOf(readXml(f), 'CustomLabels'), 'labels').map((l) => textOf(l, 'fullName')))
    );
    const auraMethods = new Map();
    for (const file of ctx.files.filter((f) => f.endsWith('.cls'))) {
        const text = readFileSync(file, 'utf8');
        const methods = [
            ...text.matchAll(
                /@AuraEnabled\b[^\n]*\s+(?:(?:public|global|static|override)\s+)+[\w<>,.\s]+?\s+(\w+)\s*\(/gi
            )
        ];
        auraMethods.set(path.basename(file, '.cls'), new Set(methods.map((m) => m[1])));
    }
    for (const file of sources) {
        const text = readFileSync(file, 'utf8');
        for (const [, spec] of text.matchAll(/from\s+'(@salesforce\/[^']+)'/g)) {
            const label = spec.match(/^@salesforce\/label\/c\.(\w+)$/);
            if (label && !labels.has(label[1])) {
                report('lwc-refs', file, `custom label ${label[1]} does not exist`);
            }
            const schema = spec.match(/^@salesforce\/schema\/(\w+)\.(\w+)$/);
            if (schema && (isCustomName(schema[1]) || isCustomName(schema[2]))) {
                const object = ctx.objects.get(schema[1]);
                if (isCustomName(schema[1]) && !object?.defined) {
                    report('lwc-refs', file, `object ${schema[1]} does not exist`);
                } else if (isCustomName(schema[2]) && !object?.fields.has(schema[2])) {
                    report('lwc-refs', file, `field ${schema[1]}.${schema[2]} does not exist`);
                }
            }
            const apex = spec.match(/^@salesforce\/apex\/(\w+)\.(\w+)$/);
            if (apex && !auraMethods.get(apex[1])?.has(apex[2])) {
                report('lwc-refs', file, `Apex method ${apex[1]}.${apex[2]} does not exist or is not @AuraEnabled`);
            }
        }
    }
}

const PAGE_TARGETS = {
    RecordPage: 'lightning__RecordPage',
    AppPage: 'lightning__AppPage',
    HomePage: 'lightning__HomePage'
};

/** The exposed LWC bundles of the project: name → { exposed, targets: Map(target → { objects, properties }) }. */
function lwcBundles(ctx, report) {
    const bundles = new Map();
    for (const file of ctx.files.filter((f) => f.endsWith('.js-meta.xml'))) {
        const name = path.basename(file, '.js-meta.xml');
        const root = rootOf(readXml(file), 'LightningComponentBundle');
        const targets = new Map();
        for (const target of listOf(listOf(root, 'targets')[0], 'target').map(String)) {
            targets.set(target, { objects: null, properties: new Set() });
        }
        for (const config of listOf(listOf(root, 'targetConfigs')[0], 'targetConfig')) {
            const objects = listOf(listOf(config, 'objects')[0], 'object').map(String);
            const properties = listOf(config, 'property').map((p) => p['@name']);
            for (const target of String(config['@targets'] ?? '').split(',')) {
                const entry = targets.get(target.trim());
                if (entry) {
                    entry.objects = objects.length > 0 ? new Set(objects) : null;
                    entry.properties = new Set(properties);
                }
            }
        }
        bundles.set(name, { file, exposed: textOf(root, 'isExposed') === 'true', targets });
        const source = [
            path.join(ctx.projectDir, 'lwc-ts', name, `${name}.ts`),
            file.replace(/\.js-meta\.xml$/, '.js')
        ].find((candidate) => existsSync(candidate));
        const publicProperties = source
            ? new Set([...readFileSync(source, 'utf8').matchAll(/@api\s+(?:get\s+|set\s+)?(\w+)/g)].map((m) => m[1]))
            : new Set();
        for (const [target, config] of targets) {
            for (const property of config.properties) {
                if (!publicProperties.has(property)) {
                    report(
                        'flexipages',
                        file,
                        `design property ${property} (${target}) is not an @api property of ${name}`
                    );
                }
            }
        }
    }
    return bundles;
}

function checkFlexiPages(ctx, report) {
    const pages = ctx.files.filter((f) => f.endsWith('.flexipage-meta.xml'));
    const pageNames = new Set(pages.map((f) => path.basename(f, '.flexipage-meta.xml')));
    const bundles = lwcBundles(ctx, report);
    for (const file of pages) {
        const page = rootOf(readXml(file), 'FlexiPage');
        const type = textOf(page, 'type');
        const objectName = textOf(page, 'sobjectType');
        const target = PAGE_TARGETS[type];
        for (const region of listOf(page, 'flexiPageRegions')) {
            for (const item of listOf(region, 'itemInstances')) {
                for (const instance of listOf(item, 'componentInstance')) {
                    const component = textOf(instance, 'componentName') ?? '';
                    if (component.includes(':')) {
                        continue; // a standard component, which only an org knows
                    }
                    const bundle = bundles.get(component);
                    const where = `component ${component}`;
                    if (!bundle) {
                        report('flexipages', file, `${where} is not an LWC bundle of the project`);
                        continue;
                    }
                    const targetConfig = bundle.targets.get(target);
                    if (!bundle.exposed || !targetConfig) {
                        report('flexipages', file, `${where} is not exposed for ${target ?? type}`);
                        continue;
                    }
                    if (objectName && targetConfig.objects && !targetConfig.objects.has(objectName)) {
                        report('flexipages', file, `${where} does not list ${objectName} among its objects`);
                    }
                    for (const property of listOf(instance, 'componentInstanceProperties')) {
                        const name = textOf(property, 'name');
                        if (!targetConfig.properties.has(name)) {
                            report('flexipages', file, `${where} has no design property ${name}`);
                        }
                    }
                }
            }
        }
    }
    for (const file of ctx.files.filter((f) => f.endsWith('.object-meta.xml'))) {
        for (const override of listOf(rootOf(readXml(file), 'CustomObject'), 'actionOverrides')) {
            const content = textOf(override, 'content');
            if (textOf(override, 'type') === 'Flexipage' && !pageNames.has(content)) {
                report(
                    'flexipages',
                    file,
                    `the ${textOf(override, 'actionName')} override names a Lightning page ${content} that does not exist`
                );
            }
        }
    }
}

/**
 * Runs every check over a project.
 * @param {string} projectDir
 * @returns {{ check: string, file: string, message: string }[]}
 */
export function checkProject(projectDir) {
    const problems = [];
    const report = (check, file, message) => problems.push({ check, file, message });
    const ctx = loadProject(projectDir);
    const xmlFiles = checkXml(ctx, report);
    checkPairs(ctx, report);
    checkApiVersions(ctx, xmlFiles, report);
    loadFields(ctx, xmlFiles, report);
    checkCustomMetadataRecords(ctx, report);
    checkRecordFieldReferences(ctx, report);
    checkAllowListRecords(ctx, report);
    checkPermissionSets(ctx, report);
    checkLayoutsAndListViews(ctx, report);
    checkLwcReferences(ctx, report);
    checkFlexiPages(ctx, report);
    return { problems, fileCount: ctx.files.length };
}

runMain(import.meta.url, () => {
    const { positional } = parseArgs(process.argv.slice(2));
    const projectDir = path.resolve(positional[0] ?? ROOT);
    const { problems, fileCount } = checkProject(projectDir);
    for (const p of problems) {
        console.error(`✗ [${p.check}] ${path.relative(process.cwd(), p.file)}: ${p.message}`);
    }
    if (problems.length > 0) {
        console.error(`${problems.length} metadata problem(s)`);
        return 1;
    }
    console.log(`✓ ${fileCount} metadata file(s): well-formed, paired, one API version, references resolve`);
    return 0;
});
