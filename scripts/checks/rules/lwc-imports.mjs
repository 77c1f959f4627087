// LWC modules import only what exists: schema paths through relationships, standard objects and fields, static
// resources, custom and user permissions, and other bundles of the project. (Labels, custom fields named directly
// on their object and Apex methods are the lwc-refs rule's.)
//
// Sources (Salesforce documentation, LWC Developer Guide):
// - "Import Objects and Fields from @salesforce/schema": Salesforce verifies that imported objects and fields exist;
//   a path may follow relationships to parent objects (<SObjectName>.<relationship-1>…<fieldName>, for example
//   Contact.Account.Name). Going from child to parent, a custom relationship is the lookup field's name with __r
//   for __c (Chat__c → Chat__r); the field's relationshipName names the other direction, parent to children
//   (SOQL and SOSL Reference, "Understanding Relationship Names, Custom Objects, and Custom Fields").
//   https://developer.salesforce.com/docs/platform/salesforce-soql-sosl/guide/sforce-api-calls-soql-relationships-and-custom-objects.html
//   https://developer.salesforce.com/docs/platform/lwc/guide/apex-schema.html
// - "Access Static Resources": `@salesforce/resourceUrl/resourceName` (namespace__resourceName for a managed package).
//   https://developer.salesforce.com/docs/platform/lwc/guide/create-resources
// - "Check Permissions": `@salesforce/userPermission/PermissionName` (a standard permission such as ViewSetup: the
//   names of the PermissionSet object's Permissions<Name> fields, Salesforce Field Reference, "PermissionSet") and
//   `@salesforce/customPermission/PermissionName` (namespace__PermissionName when installed from a managed package).
//   https://developer.salesforce.com/docs/platform/lwc/guide/create-get-permissions.html
// - "Share JavaScript Code": a module of another bundle of the namespace is imported as `c/bundleName`.
//   https://developer.salesforce.com/docs/platform/lwc/guide/js-share-code.html
// Standard objects, fields and relationships are proven by the apex-ls probe, which knows the standard objects of the
// project's API version and reads the project's own objects.
import { readFileSync } from 'node:fs';
import { isCustomName } from '../model.mjs';
import { bundleSources } from '../lwc.mjs';

const LOOKUP_TYPES = new Set(['Lookup', 'MasterDetail', 'MetadataRelationship', 'Hierarchy']);

/** The module specifiers a JavaScript or TypeScript module imports (static imports and re-exports). */
export function importsOf(text) {
    const specs = [];
    for (const match of text.matchAll(/\b(?:from|import)\s*\(?\s*(['"])([^'"\n]+)\1/g)) {
        specs.push(match[2]);
    }
    return specs;
}

export default {
    name: 'lwc-imports',
    group: 'metadata',
    description:
        'LWC modules (lwc-ts/ sources, or the deployed bundle when there is no source) import schema paths that resolve (custom relationships through the project, standard objects, fields and relationships through apex-ls), static resources, custom permissions, user permissions and c/ bundles that exist',
    check(model, report, probe) {
        const bundles = bundleSources(model);
        for (const bundle of bundles.values()) {
            for (const file of bundle.files.filter((f) => /\.(ts|js)$/.test(f))) {
                const asked = new Set();
                for (const spec of importsOf(readFileSync(file, 'utf8'))) {
                    if (asked.has(spec)) {
                        continue;
                    }
                    asked.add(spec);
                    const [, kind, rest] = spec.match(/^@salesforce\/(\w+)\/(.+)$/) ?? [];
                    if (kind === 'schema') {
                        checkSchema(model, probe, rest, (message) => report(file, `${spec}: ${message}`));
                    } else if (kind === 'resourceUrl' && !rest.includes('__') && !model.staticResources.has(rest)) {
                        report(file, `${spec}: static resource ${rest} does not exist`);
                    } else if (
                        kind === 'customPermission' &&
                        !rest.includes('__') &&
                        !model.customPermissions.has(rest)
                    ) {
                        report(file, `${spec}: custom permission ${rest} does not exist`);
                    } else if (kind === 'userPermission') {
                        if (/^\w+$/.test(rest)) {
                            probe.askField('PermissionSet', `Permissions${rest}`, () =>
                                report(file, `${spec}: ${rest} is not a user permission`)
                            );
                        } else {
                            report(file, `${spec}: "${rest}" is not a user permission name`);
                        }
                    }
                    const sibling = spec.match(/^c\/(\w+)$/);
                    if (sibling && !bundles.has(sibling[1])) {
                        report(file, `${spec}: no LWC bundle ${sibling[1]} in the project`);
                    }
                }
            }
        }
    }
};

/**
 * Resolves `Object`, `Object.Field` or `Object.Relationship….Field`: custom objects, fields and relationships
 * through the project, standard ones through the probe. Custom names on a two-part path are lwc-refs' findings.
 */
function checkSchema(model, probe, path, problem) {
    const parts = path.split('.');
    if (parts.some((p) => !/^\w+$/.test(p))) {
        problem('not an Object, Object.Field or Object.Relationship.Field path');
        return;
    }
    let current = parts[0];
    if (isCustomName(current)) {
        if (!model.object(current)?.defined) {
            if (parts.length !== 2) {
                problem(`object ${current} does not exist`);
            }
            return;
        }
    } else if (parts.length === 1) {
        probe.ask(`{ Schema.SObjectType probeType = ${current}.SObjectType; }`, () =>
            problem(`${current} is not a standard object`)
        );
        return;
    }
    for (let i = 1; i < parts.length; i++) {
        const part = parts[i];
        const last = i === parts.length - 1;
        if (!isCustomName(part)) {
            // A standard field or relationship (on a standard or a custom object): apex-ls knows the rest of the path.
            const rest = parts.slice(i).join('.');
            probe.askField(current, rest, (message) => problem(`${current}.${rest} does not resolve (${message})`));
            return;
        }
        if (last) {
            if (parts.length > 2 && !model.field(current, part)) {
                problem(`${current} has no field ${part}`);
            }
            return;
        }
        if (!/__r$/i.test(part)) {
            problem(`${part} is not a relationship (a custom relationship ends in __r)`);
            return;
        }
        const fieldName = `${part.slice(0, -3)}__c`;
        const lookup = model.field(current, fieldName);
        if (!lookup) {
            problem(`${current} has no field ${fieldName}, so no relationship ${part}`);
            return;
        }
        if (!LOOKUP_TYPES.has(lookup.type)) {
            problem(`${current}.${fieldName} is a ${lookup.type ?? 'field'}, not a lookup or master-detail`);
            return;
        }
        current = lookup.referenceTo;
        if (!current) {
            return;
        }
    }
}
