// Custom fields have a field type the Metadata API knows and the attributes that type needs.
//
// - type is a value of the FieldType enumeration (Metadata API Developer Guide, CustomField, WSDL segment of
//   API 67.0: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm and
//   …/meta_field_types.htm).
// - Long Text Area: "# Visible Lines — For Long Text Area fields … You can show from 2 through 50 lines"
//   (Salesforce Help, Custom Field Attributes:
//   https://help.salesforce.com/s/articleView?id=platform.custom_field_attributes.htm&type=5).
// - Text (Encrypted): "Can't be unique, have an external ID, or have default values … Are limited to 175
//   characters" (Security Implementation Guide, Classic Encryption for Custom Fields:
//   https://developer.salesforce.com/docs/atlas.en-us.securityImplGuide.meta/securityImplGuide/fields_about_encrypted_fields.htm);
//   maskChar is asterisk or X, maskType is all, creditCard, ssn, lastFour, sin or nino (CustomField).
// - Salesforce's own generator rules for CustomField XML (forcedotcom/sf-skills, platform-custom-field-generate,
//   which quotes the Metadata API's deploy errors): Text needs a length of at most 255; Text Area takes no
//   length ("Can not specify 'length' for a CustomField of type TextArea"); Long Text Area and Rich Text Area
//   need length and visibleLines; number precision is at most 18 and scale at most the precision; Lookup and
//   Master-Detail need referenceTo and relationshipName.
// - Two relationship fields pointing at one parent object can't share a relationshipName: the parent's child
//   relationship names are unique (deploy error "There is already a Child Relationship named … on …").
// Picklist values are the picklists rule's job.
import { isCustomName } from '../model.mjs';
import { textOf } from '../xml.mjs';

/** FieldType of the Metadata API WSDL, API 67.0. */
export const FIELD_TYPES = new Set([
    'AutoNumber',
    'Lookup',
    'MasterDetail',
    'Checkbox',
    'Currency',
    'Date',
    'DateTime',
    'Email',
    'Number',
    'Percent',
    'Phone',
    'Picklist',
    'MultiselectPicklist',
    'Text',
    'TextArea',
    'LongTextArea',
    'Html',
    'Url',
    'EncryptedText',
    'Summary',
    'Hierarchy',
    'File',
    'MetadataRelationship',
    'Location',
    'ExternalLookup',
    'IndirectLookup',
    'CustomDataType',
    'Time',
    'Address',
    'Array',
    'Integer',
    'Long'
]);

const MASK_CHARS = ['asterisk', 'X'];
const MASK_TYPES = ['all', 'creditCard', 'ssn', 'lastFour', 'sin', 'nino'];
const NUMERIC = new Set(['Number', 'Currency', 'Percent']);

export default {
    name: 'field-types',
    group: 'metadata',
    description:
        'custom fields have a FieldType the Metadata API knows; Text has a length of 1–255, Text Area none; Long and Rich Text Areas have a length and visible lines (2–50 for Long Text Area); numbers have a precision of 1–18 and a scale of 0–precision; encrypted text is at most 175 long, with a valid mask and no unique, external ID or default; lookups and master-details have referenceTo and a relationshipName no other relationship to the same parent uses',
    check(model, report) {
        const childRelationships = new Map(); // parent → Map(lowercase name → first "Object.Field")
        for (const object of model.objects.values()) {
            for (const field of object.fields.values()) {
                if (!isCustomName(field.name)) {
                    continue;
                }
                const where = `${object.name}.${field.name}`;
                const say = (message) => report(field.file, `${where}: ${message}`);
                const { type, doc } = field;
                if (type === undefined) {
                    say('has no <type>');
                    continue;
                }
                if (!FIELD_TYPES.has(type)) {
                    say(`type "${type}" is not a field type of the Metadata API`);
                    continue;
                }
                const has = (element) => textOf(doc, element) !== undefined;
                const isFormula = field.formula !== undefined;
                if (type === 'Text' && !isFormula) {
                    if (field.length === undefined) {
                        say('a Text field needs a length');
                    } else if (!(field.length >= 1 && field.length <= 255)) {
                        say(`a Text field's length is 1–255, not ${field.length}`);
                    }
                }
                if (type === 'TextArea' && has('length')) {
                    say('a Text Area field takes no length (it is 255); remove <length>');
                }
                if (type === 'LongTextArea' || type === 'Html') {
                    if (field.length === undefined) {
                        say(`a ${type} field needs a length`);
                    }
                    if (field.visibleLines === undefined) {
                        say(`a ${type} field needs visibleLines`);
                    } else if (type === 'LongTextArea' && !(field.visibleLines >= 2 && field.visibleLines <= 50)) {
                        say(`a LongTextArea field shows 2–50 visible lines, not ${field.visibleLines}`);
                    }
                }
                if (NUMERIC.has(type)) {
                    const { precision, scale } = field;
                    if (precision !== undefined && !(precision >= 1 && precision <= 18)) {
                        say(`precision is 1–18, not ${precision}`);
                    }
                    if (scale !== undefined && (scale < 0 || (precision !== undefined && scale > precision))) {
                        say(`scale ${scale} must be 0–precision (${precision})`);
                    }
                }
                if (type === 'EncryptedText') {
                    if (field.length !== undefined && field.length > 175) {
                        say(`encrypted text is at most 175 characters long, not ${field.length}`);
                    }
                    for (const element of ['unique', 'externalId']) {
                        if (textOf(doc, element) === 'true') {
                            say(`encrypted text can't be ${element === 'unique' ? 'unique' : 'an external ID'}`);
                        }
                    }
                    if (has('defaultValue')) {
                        say("encrypted text can't have a default value");
                    }
                    const maskChar = textOf(doc, 'maskChar');
                    const maskType = textOf(doc, 'maskType');
                    if (maskChar !== undefined && !MASK_CHARS.includes(maskChar)) {
                        say(`maskChar "${maskChar}" is not one of ${MASK_CHARS.join(', ')}`);
                    }
                    if (maskType !== undefined && !MASK_TYPES.includes(maskType)) {
                        say(`maskType "${maskType}" is not one of ${MASK_TYPES.join(', ')}`);
                    }
                }
                if (type === 'Lookup' || type === 'MasterDetail') {
                    if (!field.referenceTo) {
                        say(`a ${type} field needs referenceTo`);
                    }
                    if (!field.relationshipName) {
                        say(`a ${type} field needs a relationshipName`);
                    }
                    if (field.referenceTo && field.relationshipName) {
                        const parent = field.referenceTo.toLowerCase();
                        if (!childRelationships.has(parent)) {
                            childRelationships.set(parent, new Map());
                        }
                        const names = childRelationships.get(parent);
                        const key = field.relationshipName.toLowerCase();
                        if (names.has(key)) {
                            say(
                                `relationshipName ${field.relationshipName} is already the child relationship of ${names.get(key)} on ${field.referenceTo}; names are unique per parent object`
                            );
                        } else {
                            names.set(key, where);
                        }
                    }
                }
            }
        }
    }
};
