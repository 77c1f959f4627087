// Custom metadata records have valid names and labels, and each value fits its field. (The cmdt rule checks
// that fields exist, picklist values, checkboxes, that numbers are numbers and required fields; this rule
// checks the rest.)
//
// - Record name (the part of the file name after the type): letters, digits and underscores, starting with a
//   letter, no two underscores in a row, not ending with an underscore, at most 40 characters; record label at
//   most 40 characters. Salesforce CLI, `sf cmdt generate record` (salesforcecli/plugin-custom-metadata,
//   validationUtil: isValidMetadataRecordName, validateLessThanForty), with the naming rule the Metadata API
//   Developer Guide gives for fullName ("can contain only underscores and alphanumeric characters … begin
//   with a letter, not include spaces, not end with an underscore, and not contain two consecutive
//   underscores").
// - xsi:type of a value matches the field (Metadata API Developer Guide, CustomMetadata, "Valid xsi:type
//   attributes are": xsd:boolean Checkbox, xsd:date Date, xsd:dateTime Date/Time, xsd:picklist Picklist,
//   xsd:string Text, Phone, TextArea, URL, Email, xsd:int Number/Percent with scale 0, xsd:double
//   Number/Percent). Retrieved records carry xsd:double for every number and xsd:string for picklists, so both
//   are accepted; xsd:int on a field with decimals is not.
//   https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_custommetadata.htm
// - A Text or Long Text Area value is no longer than the field's length; a number has no more digits than the
//   field's precision and scale allow (a value too long or too precise for its field is refused, as for any
//   record); an Email value is an email address; a Date is YYYY-MM-DD and a Date/Time an ISO 8601 time.
const NAME = /^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Field type → the xsi:type values a record may give it. */
const XSI_TYPES = {
    Checkbox: ['xsd:boolean'],
    Date: ['xsd:date'],
    DateTime: ['xsd:dateTime'],
    Picklist: ['xsd:picklist', 'xsd:string'],
    Text: ['xsd:string'],
    Phone: ['xsd:string'],
    TextArea: ['xsd:string'],
    LongTextArea: ['xsd:string'],
    Url: ['xsd:string'],
    Email: ['xsd:string'],
    Number: ['xsd:int', 'xsd:double'],
    Percent: ['xsd:int', 'xsd:double']
};

const lengthOf = (text) => [...text].length;

export default {
    name: 'cmdt-values',
    group: 'metadata',
    description:
        "custom metadata record names are valid developer names of at most 40 characters and labels at most 40 characters; each value's xsi:type matches its field, text fits the field's length, numbers fit its precision and scale, emails, dates and date/times are well formed",
    check(model, report) {
        for (const record of model.records) {
            const type = model.object(record.typeName);
            if (!record.wellFormed || !type?.defined) {
                continue; // reported by the xml and cmdt rules
            }
            const say = (message) => report(record.file, `${record.typeName} record ${record.recordName}: ${message}`);
            if (!NAME.test(record.recordName) || record.recordName.length > 40) {
                say(
                    'the record name must be letters, digits and single underscores, start with a letter, not end with an underscore, and be at most 40 characters'
                );
            }
            if (record.label !== undefined && lengthOf(record.label) > 40) {
                say(`the label is ${lengthOf(record.label)} characters, the maximum is 40`);
            }
            for (const { field: fieldName, text, xsiType } of record.given) {
                const field = type.fields.get(fieldName);
                if (!field || text === undefined) {
                    continue;
                }
                const allowed = XSI_TYPES[field.type];
                if (xsiType !== undefined && allowed && !allowed.includes(xsiType)) {
                    say(`${fieldName} is ${field.type}: xsi:type ${xsiType} should be ${allowed.join(' or ')}`);
                }
                if (xsiType === 'xsd:int' && (field.scale ?? 0) !== 0) {
                    say(`${fieldName} has decimals (scale ${field.scale}): use xsi:type xsd:double, not xsd:int`);
                }
                if (['Text', 'LongTextArea'].includes(field.type) && field.length !== undefined) {
                    if (lengthOf(text) > field.length) {
                        say(`${fieldName} is ${lengthOf(text)} characters long; the field holds ${field.length}`);
                    }
                }
                if (['Number', 'Percent'].includes(field.type)) {
                    const match = /^[-+]?(\d*)(?:\.(\d*))?(?:[eE][-+]?\d+)?$/.exec(text.trim());
                    if (match && !/[eE]/.test(text) && field.precision !== undefined) {
                        const scale = field.scale ?? 0;
                        const whole = match[1].replace(/^0+(?=\d)/, '');
                        const decimals = (match[2] ?? '').replace(/0+$/, '');
                        if (whole.length > field.precision - scale && whole !== '0') {
                            say(
                                `${fieldName} = ${text} has ${whole.length} digits before the point; precision ${field.precision} and scale ${scale} allow ${field.precision - scale}`
                            );
                        }
                        if (decimals.length > scale) {
                            say(
                                `${fieldName} = ${text} has ${decimals.length} decimals; the field's scale is ${scale}`
                            );
                        }
                    }
                }
                if (field.type === 'Email' && text !== '' && !EMAIL.test(text)) {
                    say(`${fieldName} = "${text}" is not an email address`);
                }
                if (field.type === 'Date' && !DATE.test(text)) {
                    say(`${fieldName} = "${text}" is not a date (YYYY-MM-DD)`);
                }
                if (field.type === 'DateTime' && !DATE_TIME.test(text)) {
                    say(`${fieldName} = "${text}" is not a date/time (YYYY-MM-DDThh:mm:ssZ)`);
                }
            }
        }
    }
};
