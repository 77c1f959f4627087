// Every field of a custom metadata type says who may change its values once the package is installed.
//
// Metadata API, CustomField: fieldManageability is a FieldManageability, an enumeration of DeveloperControlled,
// SubscriberControlled and Locked (the CustomField WSDL segment; @salesforce/types FieldManageability).
// Salesforce Help, Custom Metadata Type Fields, "Field Manageability Options"
// (https://help.salesforce.com/s/articleView?id=platform.custommetadatatypes_fields.htm):
// - DeveloperControlled: "The developer of a record can change the value of the field by releasing a new version
//   of the custom metadata package. The subscriber can't change the value of the field."
// - SubscriberControlled: "Anyone with the correct permissions can change the value of the field. First-generation
//   and second-generation manageability package upgrades don't overwrite the value".
// - Locked ("No one"): for any record of the type the value can't be changed after it is deployed, not even in
//   the org where the record was made.
// Salesforce Help, Considerations for Custom Metadata Type Packages
// (https://help.salesforce.com/s/articleView?id=platform.custommetadatatypes_req_managed_pkgs.htm): after a
// Managed - Released upload you can't "Change the manageability of any custom field in the package". A field
// that leaves the choice unsaid is decided for good by whatever the platform takes it to be, so each field
// says it.
import { textOf } from '../xml.mjs';

export const MANAGEABILITY = ['DeveloperControlled', 'SubscriberControlled', 'Locked'];

const CHOICES = 'DeveloperControlled, SubscriberControlled or Locked';

export default {
    name: 'cmdt-manageability',
    group: 'metadata',
    description:
        'every field of a custom metadata type (__mdt) declares fieldManageability with a documented value: DeveloperControlled, SubscriberControlled or Locked',
    check(model, report) {
        for (const object of model.objects.values()) {
            if (!/__mdt$/.test(object.name)) {
                continue;
            }
            for (const field of object.fields.values()) {
                if (!model.isWellFormed(field.file)) {
                    continue; // reported by the xml rule
                }
                const where = `${object.name}.${field.name}`;
                const value = textOf(field.doc, 'fieldManageability');
                if (value === undefined) {
                    report(field.file, `${where} declares no fieldManageability: give it ${CHOICES}`);
                } else if (!MANAGEABILITY.includes(value)) {
                    report(field.file, `${where}: fieldManageability "${value}" is not ${CHOICES}`);
                }
            }
        }
    }
};
