// Custom metadata records name an existing type and only its fields, with values of the right kind.
export default {
    name: 'cmdt',
    group: 'metadata',
    description:
        'custom metadata records name an existing type and only fields that type has; picklist values are valid, checkboxes are true/false, numbers are numbers, required fields are set',
    check(model, report) {
        for (const record of model.records) {
            const type = model.object(record.typeName);
            if (!type?.defined) {
                report(record.file, `custom metadata type ${record.typeName} does not exist`);
                continue;
            }
            if (!record.wellFormed) {
                continue; // reported by the xml rule
            }
            const given = new Set();
            for (const { field: fieldName, text } of record.given) {
                const field = type.fields.get(fieldName);
                if (!field) {
                    report(record.file, `${record.typeName} has no field ${fieldName}`);
                    continue;
                }
                given.add(fieldName);
                if (text === undefined) {
                    continue;
                }
                if (field.values && !field.values.includes(text)) {
                    report(
                        record.file,
                        `${fieldName} = "${text}" is not a value of the picklist (${field.values.join(', ')})`
                    );
                }
                if (field.type === 'Checkbox' && text !== 'true' && text !== 'false') {
                    report(record.file, `${fieldName} is a checkbox: "${text}" is neither true nor false`);
                }
                if ((field.type === 'Number' || field.type === 'Percent') && !/^-?\d+(\.\d+)?$/.test(text)) {
                    report(record.file, `${fieldName} is a number: "${text}" is not`);
                }
            }
            for (const [fieldName, field] of type.fields) {
                if (field.required && !given.has(fieldName)) {
                    report(record.file, `required field ${fieldName} is not set`);
                }
            }
        }
    }
};
