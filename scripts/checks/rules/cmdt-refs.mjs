// Custom metadata records that name Salesforce fields, Comm100 fields, Apex classes or other custom metadata
// records name real ones.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { STANDARD_FIELDS_OF_CUSTOM_OBJECTS, isCustomName } from '../model.mjs';
import { textOf } from '../xml.mjs';

/**
 * How a field's description says it holds a record name: "… (DeveloperName) of the <type> record …", or, for a
 * field read with getInstance (which takes a DeveloperName or a qualified API name), "… DeveloperName, or the
 * qualified API name (namespace__Name), of the <type> record …".
 */
const NAMES_A_RECORD =
    /(?:\(DeveloperName\)|DeveloperName, or the qualified API name \(namespace__Name\),) of (?:the|an?) (.+?) record\b/;

/**
 * The record name a value gives: the value, without the project's namespace prefix when it has one (a qualified
 * API name of the project's own record). A DeveloperName cannot hold two underscores in a row, so any other
 * "prefix__Name" names a record of another namespace, which no record of the project is.
 */
function recordNameOf(model, value) {
    const ns = model.project?.namespace;
    return ns && value.startsWith(`${ns}__`) ? value.slice(ns.length + 2) : value;
}

/**
 * The fields of custom metadata types whose description says they hold the DeveloperName of a record of another
 * custom metadata type (named by its label or API name): "Type.Field" → { field, said, typeName }, typeName
 * undefined when no custom metadata type of the project answers to what the description says.
 */
function recordNameFieldsOf(model) {
    const types = [...model.objects.values()].filter((o) => o.defined && o.name.endsWith('__mdt'));
    const fields = new Map();
    for (const type of types) {
        for (const field of type.fields.values()) {
            const said = textOf(field.doc, 'description')?.match(NAMES_A_RECORD)?.[1];
            if (said) {
                const target = types.find((t) => t.name === said || textOf(t.doc, 'label') === said);
                fields.set(`${type.name}.${field.name}`, { field, said, typeName: target?.name });
            }
        }
    }
    return fields;
}

/** The keys and key prefixes of the Comm100 field catalogue (Comm100FieldCatalogue.cls), if the project has it. */
function catalogueOf(model) {
    const file = model.files.find((f) => path.basename(f) === 'Comm100FieldCatalogue.cls');
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

export default {
    name: 'cmdt-refs',
    group: 'metadata',
    description:
        'records naming Salesforce fields (Salesforce_Field*__c on the object in Target_Object__c) name real fields, custom ones of the project and standard ones proven by apex-ls, through at most one relationship; Comm100 fields (Comm100_Field*__c) are keys of the Comm100 field catalogue; fields named *_Class__c name Apex classes of the project; a field described as the "(DeveloperName) of the <type> record" or the "DeveloperName, or the qualified API name (namespace__Name), of the <type> record" is blank or names a record of that custom metadata type of the project (<type>: its label or API name), by its DeveloperName or with the project\'s namespace prefix',
    check(model, report, probe) {
        const catalogue = catalogueOf(model);
        const recordNameFields = recordNameFieldsOf(model);
        for (const { field, said, typeName } of recordNameFields.values()) {
            if (!typeName) {
                report(
                    field.file,
                    `${field.name}: its description names ${said} records, but ${said} is not a custom metadata type of this project`
                );
            }
        }
        for (const { file, typeName: recordType, values } of model.records) {
            const objectName = values.Target_Object__c;
            for (const [fieldName, value] of Object.entries(values)) {
                const named = recordNameFields.get(`${recordType}.${fieldName}`);
                if (named?.typeName && value.trim() !== '') {
                    const recordName = recordNameOf(model, value.trim());
                    const exists = model.records.some(
                        (r) => r.typeName === named.typeName && r.recordName === recordName
                    );
                    if (!exists) {
                        report(
                            file,
                            `${fieldName} = "${value}" is not a ${named.said} record of this project (${named.typeName})`
                        );
                    }
                }
                if (/_Class__c$/.test(fieldName) && value && !model.classes.has(value.split('.').pop())) {
                    report(file, `${fieldName} = "${value}" is not an Apex class of this project`);
                }
                if (/^Comm100_Field(_\d+)?__c$/.test(fieldName) && catalogue) {
                    const known =
                        catalogue.keys.has(value) ||
                        catalogue.prefixes.some((p) => value.startsWith(p) && value.length > p.length);
                    if (!known) {
                        report(file, `${fieldName} = "${value}" is not a Comm100 field of the catalogue`);
                    }
                }
                if (!/^Salesforce_Field(_\d+)?__c$/.test(fieldName) || !objectName) {
                    continue;
                }
                const object = model.object(objectName);
                if (object?.defined) {
                    if (!object.fields.has(value) && !STANDARD_FIELDS_OF_CUSTOM_OBJECTS.has(value)) {
                        report(file, `${fieldName}: ${objectName} has no field ${value}`);
                    }
                } else if (isCustomName(objectName)) {
                    report(file, `Target_Object__c: ${objectName} does not exist`);
                } else if (isCustomName(value)) {
                    if (!object?.fields.has(value)) {
                        report(file, `${fieldName}: ${objectName}.${value} is not a field of this project`);
                    }
                } else {
                    probe.askField(objectName, value, (message) =>
                        report(file, `${fieldName}: ${objectName}.${value} is not a field (${message})`)
                    );
                }
            }
        }
    }
};
