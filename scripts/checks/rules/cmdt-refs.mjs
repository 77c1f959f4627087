// Custom metadata records that name Salesforce fields, Comm100 fields or Apex classes name real ones.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { STANDARD_FIELDS_OF_CUSTOM_OBJECTS, isCustomName } from '../model.mjs';

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
        'records naming Salesforce fields (Salesforce_Field*__c on the object in Target_Object__c) name real fields, custom ones of the project and standard ones proven by apex-ls, through at most one relationship; Comm100 fields (Comm100_Field*__c) are keys of the Comm100 field catalogue; fields named *_Class__c name Apex classes of the project',
    check(model, report, probe) {
        const catalogue = catalogueOf(model);
        for (const { file, values } of model.records) {
            const objectName = values.Target_Object__c;
            for (const [fieldName, value] of Object.entries(values)) {
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
