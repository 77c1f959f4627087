// Picklists have values (or a global value set that exists), no duplicates and at most one default.
import { listOf, textOf } from '../xml.mjs';

export default {
    name: 'picklists',
    group: 'metadata',
    description: 'picklist fields have values (or a global value set that exists), no duplicates, one default',
    check(model, report) {
        for (const object of model.objects.values()) {
            for (const field of object.fields.values()) {
                if (field.type !== 'Picklist' && field.type !== 'MultiselectPicklist') {
                    continue;
                }
                const where = `${object.name}.${field.name}`;
                const valueSet = listOf(field.doc, 'valueSet')[0];
                if (!valueSet) {
                    report(field.file, `picklist ${where} has no valueSet`);
                    continue;
                }
                if (field.globalValueSet !== undefined) {
                    if (!model.globalValueSets.has(field.globalValueSet)) {
                        report(
                            field.file,
                            `picklist ${where} names global value set ${field.globalValueSet}, which does not exist`
                        );
                    }
                    continue;
                }
                const values = listOf(listOf(valueSet, 'valueSetDefinition')[0], 'value');
                if (values.length === 0) {
                    report(field.file, `picklist ${where} has no values`);
                }
                const seen = new Set();
                for (const name of values.map((v) => textOf(v, 'fullName'))) {
                    if (!name) {
                        report(field.file, `picklist ${where} has a value without fullName`);
                    } else if (seen.has(name.toLowerCase())) {
                        report(field.file, `picklist ${where} repeats the value ${name}`);
                    }
                    seen.add(name?.toLowerCase());
                }
                if (values.filter((v) => textOf(v, 'default') === 'true').length > 1) {
                    report(field.file, `picklist ${where} has more than one default value`);
                }
            }
        }
    }
};
