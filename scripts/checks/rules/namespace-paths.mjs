// The namespace path: what the package looks up by name still finds its own components once they carry a
// namespace prefix (the managed package's), proven for the project's namespace or, while it has none, for both
// an org without a namespace and the sample namespace c100.
//
// What the platform resolves by itself, and so is not checked: compile-time references (Comm100_Chat__c.Status__c,
// Schema.SObjectType.Comm100_Chat__c) and names in SOQL, SOSL and sObject get/put, which take the package's
// namespace when written without one — "Apex supports a default namespace for schema names. When looking at
// identifiers, the parser assumes that the namespace of the current object is the namespace of all other objects
// and fields unless otherwise specified" (Apex Developer Guide, Namespace Prefix,
// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_namespace_prefix.htm);
// in dynamic SOQL "the SOQL parser gives precedence to the package's default namespace" (Prevent Field Name
// Collisions in Managed SOQL Queries,
// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_manpkgs_dynamic_soql.htm).
//
// What is checked:
// 1. Apex looks names up through the namespace-aware helpers, never the raw APIs, outside Comm100Namespace:
//    - Schema.getGlobalDescribe: its keys "are always prefixed with the namespace, if any, of the code in which
//      it is running" (Accessing All sObjects,
//      https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_dynamic_global_describe.htm),
//      so get('Comm100_Chat__c') finds nothing in a namespace: Comm100Namespace.sObjectType tries both;
//    - Schema.describeSObjects, for the same reason, unless the call writes out standard objects only
//      (new List<String>{ 'Account', 'Contact' }: no namespace can apply to them);
//    - Type.forName: the one-argument form does not look in the package's namespace (trigger-actions-framework
//      issue 152); Comm100Namespace.newInstance uses Type.forName(namespace, name);
//    - a field describe map (fields.getMap()) looked up by name (get, containsKey): no page says whether its keys
//      carry this package's prefix; FieldMapper.fieldMap keys every field by its name with and without it.
//    And no string literal outside tests writes a namespace prefix (other than the project's own) before a
//    component of the project (c100__Comm100_Chat__c): it would resolve only in an org of that namespace. Tests
//    may, to simulate one.
// 2. Apex REST paths given to callers carry the namespace when there is one: "The URL for a namespaced class
//    contains the namespace ... https://instance.salesforce.com/services/apexrest/abc/your_url/" (RestResource
//    Annotation, https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_annotation_rest_resource.htm).
//    A path is /services/apexrest/ followed by the first segment of a urlMapping of the project. Reported: a string
//    literal holding such a path with nothing between apexrest/ and the segment, in Apex outside tests, and in the
//    TypeScript and JavaScript of the caller tools (scripts/tools) and the components (lwc-ts) outside tests (a
//    template literal with the namespace put in between, `apexrest/${ns}…`, is not such a literal); and a Markdown
//    page (README.md, docs/) that gives such a path but never its namespaced form, /services/apexrest/<namespace>/….
// 3. Custom metadata values that name a class (fields *_Class__c), an object (Target_Object__c) or a field
//    (Salesforce_Field__c, Salesforce_Field_N__c, each segment of a path) of the project resolve to it in every
//    namespace proven, looked up the way the helpers do: a class by Type.forName(namespace, name) or, written
//    ns.Name, by Type.forName('ns.Name'); an object or field by its name or by namespace__name. In effect such a
//    value is written without a namespace. A path through a lookup of the project (Chat__r.Name) is not proven:
//    BotAllowList compares relationship names as the describe spells them, which this rule does not model.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findFiles } from '../../lib/files.mjs';
import { Apex, apexIndex, closest, dotCallOf, dottedNamesOf, lineOf, nameOf, stringValue, walk } from '../apex.mjs';
import { isCustomName } from '../model.mjs';

/** The namespace the path is proven for while the project has none. */
export const SAMPLE_NAMESPACE = 'c100';
/** The helper that alone may call the raw name lookups. */
const HELPER = 'comm100namespace';

/** Raw lookups by name (receiver.method, lower case) → what to use instead. */
const RAW_LOOKUPS = new Map([
    [
        'type.forname',
        'use Comm100Namespace.newInstance(className, expectedType), which asks Type.forName(namespace, name)'
    ],
    [
        'system.type.forname',
        'use Comm100Namespace.newInstance(className, expectedType), which asks Type.forName(namespace, name)'
    ],
    [
        'schema.getglobaldescribe',
        "use Comm100Namespace.sObjectType(name): the global describe's keys carry the running code's namespace (c100__Comm100_Chat__c), so a name written without it finds nothing"
    ],
    [
        'schema.describesobjects',
        'use Comm100Namespace.sObjectType(name).getDescribe(), which finds the object with or without the namespace'
    ]
]);

const OWNERS = [
    Apex.MethodDeclarationContext,
    Apex.ConstructorDeclarationContext,
    Apex.PropertyDeclarationContext,
    Apex.ClassBodyContext,
    Apex.TriggerUnitContext
];

/** The namespaces the path is proven for. */
export function namespacesOf(model) {
    const own = model.project?.namespace;
    return own ? [own] : ['', SAMPLE_NAMESPACE];
}

const inWords = (namespaces) =>
    namespaces.map((ns) => (ns ? `namespace ${ns}` : 'an org without a namespace')).join(' or ');

/** The project's custom objects, fields and lookup relationships, by lower-case name → name as written. */
function componentsOf(model) {
    const objects = new Map();
    const fields = new Map();
    const relationships = new Map();
    for (const object of model.objects.values()) {
        if (isCustomName(object.name) && object.defined) {
            objects.set(object.name.toLowerCase(), object.name);
        }
        for (const field of object.fields.values()) {
            if (isCustomName(field.name)) {
                fields.set(field.name.toLowerCase(), field.name);
            }
            if (field.referenceTo && /__c$/i.test(field.name)) {
                // The path from the record to its parent: the lookup's name ending in __r (its relationshipName
                // is the name of the children as the parent sees them).
                const relationship = field.name.replace(/__c$/i, '__r');
                relationships.set(relationship.toLowerCase(), relationship);
            }
        }
    }
    return { objects, fields, relationships };
}

/** `ns__Local` → { prefix, local } when Local (itself ending in __c, __r …) names one of `names`. */
function prefixedOf(text, names) {
    const match = /^([A-Za-z][A-Za-z0-9]*)__([A-Za-z][A-Za-z0-9_]*__[A-Za-z]+)$/.exec(text);
    return match && names.has(match[2].toLowerCase())
        ? { prefix: match[1], local: names.get(match[2].toLowerCase()) }
        : undefined;
}

/** Whether a name finds the component `local` in namespace `ns`, looked up by name or by ns__name. */
function namesIn(value, local, ns) {
    const written = value.toLowerCase();
    return written === local.toLowerCase() || (ns !== '' && written === `${ns}__${local}`.toLowerCase());
}

/** Whether a class name finds the project class `local` in namespace `ns`, as Comm100Namespace.newInstance does. */
function classIn(value, local, ns) {
    if (!value.includes('.')) {
        return value.toLowerCase() === local.toLowerCase();
    }
    const [prefix, name] = [value.slice(0, value.indexOf('.')), value.slice(value.indexOf('.') + 1)];
    return ns !== '' && prefix.toLowerCase() === ns.toLowerCase() && name.toLowerCase() === local.toLowerCase();
}

/** The first path segment of every @RestResource urlMapping of the project, lower case. */
function restSegmentsOf(model) {
    const segments = new Set();
    for (const { text } of model.classes.values()) {
        for (const [, mapping] of text.matchAll(/@RestResource\s*\(\s*urlMapping\s*=\s*'\/?([^/'*]+)/gi)) {
            segments.add(mapping.toLowerCase());
        }
    }
    return segments;
}

/** The segment a text gives right after apexrest/ with no namespace between, or undefined. */
function bareRestSegment(text, segments) {
    for (const [, segment] of text.matchAll(/apexrest\/([^/?#\s'"`]+)/gi)) {
        if (segments.has(segment.toLowerCase())) {
            return segment;
        }
    }
    return undefined;
}

function checkApex(model, report, components, segments) {
    const allNames = new Map([...components.objects, ...components.fields, ...components.relationships]);
    for (const source of apexIndex(model).files) {
        const isHelper = source.top?.lname === HELPER;
        const isTest = Boolean(source.top?.isTest);
        const rawMaps = new Map();
        walk(source.tree, (node) => {
            const declarator = node instanceof Apex.VariableDeclaratorContext ? node : undefined;
            if (declarator?.expression() && dotCallOf(declarator.expression())?.name === 'getmap') {
                const owner = closest(declarator, ...OWNERS);
                rawMaps.set(owner, (rawMaps.get(owner) ?? new Set()).add(declarator.id().getText().toLowerCase()));
            }
        });
        walk(source.tree, (node) => {
            const call = dotCallOf(node);
            if (call && !isHelper) {
                const written = [...(dottedNamesOf(call.receiver) ?? []), call.name].join('.');
                if (
                    RAW_LOOKUPS.has(written) &&
                    !(written === 'schema.describesobjects' && standardOnly(call.args[0]))
                ) {
                    report(
                        source.file,
                        `line ${lineOf(node)}: ${sourceName(node)} is called outside Comm100Namespace: ${RAW_LOOKUPS.get(written)}`
                    );
                }
                if (['get', 'containskey'].includes(call.name) && isRawFieldMap(call.receiver, rawMaps)) {
                    report(
                        source.file,
                        `line ${lineOf(node)}: a field describe map (fields.getMap()) is looked up by name: no page says whether its keys carry this package's namespace; use FieldMapper.fieldMap(objectName), keyed by each field's name with and without it`
                    );
                }
            }
            if (isTest || !(node instanceof Apex.LiteralPrimaryContext) || !node.getText().startsWith("'")) {
                return;
            }
            const literal = stringValue(node.getText());
            for (const token of literal.split(/[^A-Za-z0-9_]+/)) {
                const prefixed = prefixedOf(token, allNames);
                if (prefixed && prefixed.prefix.toLowerCase() !== (model.project?.namespace ?? '').toLowerCase()) {
                    report(
                        source.file,
                        `line ${lineOf(node)}: '${literal}' writes the namespace ${prefixed.prefix} before ${prefixed.local}, a component of this project: it resolves only in an org of that namespace; write ${prefixed.local}, which Apex and the helpers resolve in the package's own namespace`
                    );
                }
            }
            const segment = bareRestSegment(literal, segments);
            if (segment) {
                report(
                    source.file,
                    `line ${lineOf(node)}: the Apex REST path '${literal}' has no namespace: a namespaced install serves it at /services/apexrest/<namespace>/${segment}/…; build it with Comm100Namespace.prefix(), as Comm100WebhookService does`
                );
            }
        });
    }
}

/**
 * True when a list of object names is written out in the call and names only objects without a namespace
 * (standard ones: new List<String>{ 'Account', 'Contact' }): no variable, call or custom name in it.
 */
function standardOnly(argument) {
    let standard = Boolean(argument);
    walk(argument, (node) => {
        if (node instanceof Apex.IdPrimaryContext || node instanceof Apex.DotExpressionContext) {
            standard = false;
        }
        if (node instanceof Apex.LiteralPrimaryContext && isCustomName(stringValue(node.getText()))) {
            standard = false;
        }
    });
    return standard;
}

/** The call as written, without its arguments (Schema.getGlobalDescribe). */
function sourceName(node) {
    return `${node.expression().getText()}.${node.dotMethodCall().anyId().getText()}`;
}

/** True for `….fields.getMap()` itself, or a variable set from it in an enclosing scope. */
function isRawFieldMap(receiver, rawMaps) {
    if (dotCallOf(receiver)?.name === 'getmap') {
        return true;
    }
    const name = nameOf(receiver);
    for (let owner = closest(receiver, ...OWNERS); name && owner; owner = closest(owner, ...OWNERS)) {
        if (rawMaps.get(owner)?.has(name)) {
            return true;
        }
    }
    return false;
}

/** The TypeScript and JavaScript sources that give callers a path: the tools and the components, tests left out. */
function callerSources(model) {
    const dirs = [path.join(model.projectDir, 'scripts', 'tools'), path.join(model.projectDir, 'lwc-ts')];
    return findFiles(
        dirs,
        (name) => /\.(m?ts|m?js)$/.test(name) && !name.endsWith('.d.ts') && !/\.test\./.test(name)
    ).filter((file) => !file.split(path.sep).includes('__tests__'));
}

async function checkScripts(model, report, segments) {
    const files = callerSources(model);
    if (files.length === 0 || segments.size === 0) {
        return;
    }
    const ts = (await import('typescript')).default;
    const LITERALS = new Set([
        ts.SyntaxKind.StringLiteral,
        ts.SyntaxKind.NoSubstitutionTemplateLiteral,
        ts.SyntaxKind.TemplateHead,
        ts.SyntaxKind.TemplateMiddle,
        ts.SyntaxKind.TemplateTail
    ]);
    for (const file of files) {
        const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
        const visit = (node) => {
            const segment = LITERALS.has(node.kind) ? bareRestSegment(node.text, segments) : undefined;
            if (segment) {
                const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
                report(
                    file,
                    `line ${line}: the Apex REST path "${node.text}" has no namespace: a namespaced install serves it at /services/apexrest/<namespace>/${segment}/…; put the namespace in when one is set`
                );
            }
            ts.forEachChild(node, visit);
        };
        visit(source);
    }
}

function checkDocs(model, report, segments) {
    const pages = [
        path.join(model.projectDir, 'README.md'),
        ...findFiles([path.join(model.projectDir, 'docs')], (name) => name.endsWith('.md'))
    ].filter((file) => existsSync(file));
    const own = model.project?.namespace;
    for (const page of pages) {
        const lines = readFileSync(page, 'utf8').split('\n');
        const namespaced = new Set();
        for (const line of lines) {
            for (const [, ns, segment] of line.matchAll(/apexrest\/([^/\s`)]+)\/([^/?#\s`)]+)/gi)) {
                if (ns === '<namespace>' || (own && ns.toLowerCase() === own.toLowerCase())) {
                    namespaced.add(segment.toLowerCase());
                }
            }
        }
        const bare = lines.findIndex((line) => bareRestSegment(line, segments));
        const segment = bare < 0 ? undefined : bareRestSegment(lines[bare], segments);
        const line = bare + 1;
        if (segment && !namespaced.has(segment.toLowerCase())) {
            report(
                page,
                `gives the Apex REST path /services/apexrest/${segment}/… (line ${line}) but never its form in a namespaced install, /services/apexrest/<namespace>/${segment}/…`
            );
        }
    }
}

function checkRecords(model, report, components) {
    const namespaces = namespacesOf(model);
    const classes = new Map([...model.classes.keys()].map((name) => [name.toLowerCase(), name]));
    for (const record of model.records) {
        const where = `${record.typeName} record ${record.recordName}`;
        const unresolved = (field, value, kind, local, resolves) => {
            const failing = namespaces.filter((ns) => !resolves(ns));
            if (failing.length > 0) {
                report(
                    record.file,
                    `${where}: ${field} = "${value}" names the ${kind} ${local} of this project but does not resolve to it in ${inWords(failing)}: write ${local}, which the package resolves in every namespace`
                );
            }
        };
        for (const [field, raw] of Object.entries(record.values)) {
            const value = raw.trim();
            if (/_Class__c$/.test(field) && value !== '') {
                const local = classes.get(value.split('.').pop().toLowerCase());
                if (local) {
                    unresolved(field, value, 'class', local, (ns) => classIn(value, local, ns));
                }
            } else if (field === 'Target_Object__c') {
                const named =
                    prefixedOf(value, components.objects)?.local ?? components.objects.get(value.toLowerCase());
                if (named) {
                    unresolved(field, value, 'object', named, (ns) => namesIn(value, named, ns));
                }
            } else if (/^Salesforce_Field(_\d+)?__c$/.test(field)) {
                for (const segment of value.split('.')) {
                    const relationship =
                        prefixedOf(segment, components.relationships)?.local ??
                        components.relationships.get(segment.toLowerCase());
                    if (relationship && segment !== value.split('.').pop()) {
                        report(
                            record.file,
                            `${where}: ${field} = "${value}" goes through ${relationship}, a lookup of this project: a relationship path is not proven to resolve in a namespace (BotAllowList compares relationship names as the describe spells them); name a standard relationship or the field itself`
                        );
                        break;
                    }
                    const named =
                        prefixedOf(segment, components.fields)?.local ?? components.fields.get(segment.toLowerCase());
                    if (named) {
                        unresolved(field, value, 'field', named, (ns) => namesIn(segment, named, ns));
                    }
                }
            }
        }
    }
}

export default {
    name: 'namespace-paths',
    group: 'metadata',
    description:
        "for the project's namespace, or none and the sample c100 (see its header): outside Comm100Namespace no Type.forName, Schema.getGlobalDescribe, Schema.describeSObjects (but of standard objects written out) or fields.getMap() lookup by name, and outside tests no literal putting a foreign prefix before a project component; Apex REST paths that Apex, scripts/tools or lwc-ts (tests aside) give have the namespace put in, and README.md and docs/ pages giving one also give /services/apexrest/<namespace>/…; values naming the project's classes (…_Class__c), objects (Target_Object__c) and fields (Salesforce_Field__c, Salesforce_Field_N__c) resolve in each",
    async check(model, report) {
        const components = componentsOf(model);
        const segments = restSegmentsOf(model);
        checkApex(model, report, components, segments);
        await checkScripts(model, report, segments);
        checkDocs(model, report, segments);
        checkRecords(model, report, components);
    }
};
