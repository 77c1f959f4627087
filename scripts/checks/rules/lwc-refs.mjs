// The TypeScript LWC sources import only labels, custom fields and @AuraEnabled methods that exist.
import { readFileSync } from 'node:fs';
import { isCustomName } from '../model.mjs';

export default {
    name: 'lwc-refs',
    group: 'metadata',
    description: 'the TypeScript LWC sources import only labels, custom fields and @AuraEnabled methods that exist',
    check(model, report) {
        if (model.lwcSources.length === 0) {
            return;
        }
        const auraMethods = new Map();
        for (const [name, { text }] of model.classes) {
            const methods = [
                ...text.matchAll(
                    /@AuraEnabled\b[^\n]*\s+(?:(?:public|global|static|override)\s+)+[\w<>,.\s]+?\s+(\w+)\s*\(/gi
                )
            ];
            auraMethods.set(name, new Set(methods.map((m) => m[1])));
        }
        for (const file of model.lwcSources) {
            const text = readFileSync(file, 'utf8');
            for (const [, spec] of text.matchAll(/from\s+'(@salesforce\/[^']+)'/g)) {
                const label = spec.match(/^@salesforce\/label\/c\.(\w+)$/);
                if (label && !model.labels.has(label[1])) {
                    report(file, `custom label ${label[1]} does not exist`);
                }
                const schema = spec.match(/^@salesforce\/schema\/(\w+)\.(\w+)$/);
                if (schema && (isCustomName(schema[1]) || isCustomName(schema[2]))) {
                    const object = model.object(schema[1]);
                    if (isCustomName(schema[1]) && !object?.defined) {
                        report(file, `object ${schema[1]} does not exist`);
                    } else if (isCustomName(schema[2]) && !object?.fields.has(schema[2])) {
                        report(file, `field ${schema[1]}.${schema[2]} does not exist`);
                    }
                }
                const apex = spec.match(/^@salesforce\/apex\/(\w+)\.(\w+)$/);
                if (apex && !auraMethods.get(apex[1])?.has(apex[2])) {
                    report(file, `Apex method ${apex[1]}.${apex[2]} does not exist or is not @AuraEnabled`);
                }
            }
        }
    }
};
