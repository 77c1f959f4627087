// Labels, descriptions and messages fit the lengths Salesforce documents for them; an org refuses a deploy
// whose text is longer. Lengths are counted in characters (code points), as the docs state them.
//
// | type               | element          | max  | source (Salesforce docs, API 65–67)                                             |
// | ------------------ | ---------------- | ---- | ------------------------------------------------------------------------------- |
// | PermissionSet      | label            | 80   | Metadata API Guide, PermissionSet: "label … Limit: 80 characters"              |
// | PermissionSet      | description      | 255  | Metadata API Guide, PermissionSet: "description … Limit: 255 characters"       |
// | CustomPermission   | label            | 80   | Metadata API Guide, CustomPermission: "label … Limit: 80 characters"           |
// | CustomPermission   | description      | 255  | Metadata API Guide, CustomPermission: "description … Limit: 255 characters"    |
// | CustomObject       | description      | 1000 | Metadata API Guide, CustomObject: "A description of the object. Maximum of     |
// |                    |                  |      | 1000 characters"; Custom Metadata Types (CustomObject): "maximum of 1,000"      |
// | CustomField        | label            | 40   | Salesforce Help, Knowledge Article 000381913: "The current character limit for  |
// |                    |                  |      | creating field names and labels is 40 characters"                              |
// | CustomLabel        | value            | 1000 | Metadata API Guide, CustomLabels: "value … Maximum of 1000 characters"         |
// | CustomLabel        | categories       | 255  | Metadata API Guide, CustomLabels: "categories … Maximum of 255 characters"     |
// | ValidationRule     | errorMessage     | 255  | Metadata API Guide, ValidationRule: "The message must be 255 characters or less"|
// | ListView           | label            | 40   | Field Reference, ListView: Name (View Name) string, length 40                  |
// | StaticResource     | description      | 255  | Object Reference, StaticResource: "Description … Limit: 255 characters"        |
// | CustomMetadata     | description      | 1000 | Metadata API Guide, CustomMetadata: "This field can contain a maximum of 1,000 |
// |                    |                  |      | characters"                                                                    |
//
// Pages: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm,
// …/meta_custompermission.htm, …/customobject.htm, …/meta_custommetadatatypes.htm, …/meta_customlabels.htm,
// …/meta_validationformulas.htm, …/meta_custommetadata.htm;
// https://help.salesforce.com/s/articleView?id=000381913&type=1;
// https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-listview.html;
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_staticresource.htm
//
// Not checked, because the docs state no number: CustomField description and inlineHelpText, CustomObject
// label and pluralLabel, CustomTab and CustomApplication label and description, CustomLabel
// shortDescription, ValidationRule description, FlexiPage masterLabel and description.
import { isCustomName } from '../model.mjs';
import { textOf } from '../xml.mjs';

/** The limits above, by metadata type: element → maximum length. */
export const LIMITS = {
    PermissionSet: { label: 80, description: 255 },
    CustomPermission: { label: 80, description: 255 },
    CustomObject: { description: 1000 },
    CustomField: { label: 40 },
    CustomLabel: { value: 1000, categories: 255 },
    ValidationRule: { errorMessage: 255 },
    ListView: { label: 40 },
    StaticResource: { description: 255 },
    CustomMetadata: { description: 1000 }
};

const lengthOf = (text) => [...text].length;

export default {
    name: 'metadata-lengths',
    group: 'metadata',
    description:
        'labels, descriptions and messages fit the documented maxima: permission set and custom permission label 80 / description 255, object and custom metadata description 1000, custom field label 40, custom label value 1000 / categories 255, validation rule error message 255, list view label 40, static resource description 255',
    check(model, report) {
        const checkNode = (file, type, node, what) => {
            for (const [element, max] of Object.entries(LIMITS[type])) {
                const text = textOf(node, element);
                if (text !== undefined && lengthOf(text) > max) {
                    report(file, `${what}: ${type} ${element} is ${lengthOf(text)} characters, the maximum is ${max}`);
                }
            }
        };
        const checkFiles = (files, type, rootName = type) => {
            for (const [name, file] of files) {
                const root = model.root(file, rootName);
                if (root) {
                    checkNode(file, type, root, name);
                }
            }
        };
        checkFiles(model.permissionSets, 'PermissionSet');
        checkFiles(model.customPermissions, 'CustomPermission');
        checkFiles(model.staticResources, 'StaticResource');
        for (const object of model.objects.values()) {
            if (object.defined && object.doc) {
                checkNode(object.file, 'CustomObject', object.doc, object.name);
            }
            for (const field of object.fields.values()) {
                if (isCustomName(field.name)) {
                    checkNode(field.file, 'CustomField', field.doc, `${object.name}.${field.name}`);
                }
            }
            for (const rule of object.validationRules) {
                checkNode(rule.file, 'ValidationRule', rule.doc, `${object.name}.${rule.name}`);
            }
            for (const view of object.listViews) {
                checkNode(view.file, 'ListView', view.doc, `${object.name}.${view.name}`);
            }
        }
        for (const [name, { file, node }] of model.labels) {
            checkNode(file, 'CustomLabel', node, `label ${name}`);
        }
        for (const record of model.records) {
            const root = record.wellFormed ? model.root(record.file, 'CustomMetadata') : undefined;
            if (root) {
                checkNode(record.file, 'CustomMetadata', root, `${record.typeName} record ${record.recordName}`);
            }
        }
    }
};
