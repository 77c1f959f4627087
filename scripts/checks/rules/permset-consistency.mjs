// Permission sets grant consistent access: object permissions come with the permissions they depend on, an editable
// field is readable, and every user permission is a real permission name.
//
// Sources (Salesforce documentation):
// - Object Reference, "ObjectPermissions": PermissionsCreate, PermissionsEdit and PermissionsViewAllRecords require
//   PermissionsRead; PermissionsDelete requires PermissionsRead and PermissionsEdit; PermissionsModifyAllRecords
//   requires PermissionsRead, PermissionsDelete, PermissionsEdit and PermissionsViewAllRecords ("for the same object
//   to be true"). The Metadata API names them allowCreate, allowRead, allowEdit, allowDelete, viewAllRecords and
//   modifyAllRecords.
//   https://developer.salesforce.com/docs/platform/object-reference/references/standard-objects/object-objectpermissions.html
// - Object Reference, "FieldPermissions": PermissionsEdit "Requires PermissionsRead for the same field to be true"
//   (Metadata API: editable and readable).
//   https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_fieldpermissions.htm
// - Salesforce Field Reference, "PermissionSet": each user permission is a boolean field Permissions<Name> of the
//   PermissionSet object; <userPermissions><name> is that <Name> (EditTask ↔ PermissionsEditTask). The apex-ls probe
//   knows the PermissionSet fields of the project's API version, so an unknown name is reported.
//   https://developer.salesforce.com/docs/atlas.en-us.sfFieldRef.meta/sfFieldRef/salesforce_field_reference_PermissionSet.htm
// Field permissions on an object the set cannot read are not reported: the documentation names no deploy failure
// for them.
import { listOf, textOf } from '../xml.mjs';

/** Each object permission and the permissions it requires (Metadata API names). */
export const OBJECT_PERMISSION_NEEDS = {
    allowCreate: ['allowRead'],
    allowEdit: ['allowRead'],
    allowDelete: ['allowRead', 'allowEdit'],
    viewAllRecords: ['allowRead'],
    modifyAllRecords: ['allowRead', 'allowEdit', 'allowDelete', 'viewAllRecords']
};

export default {
    name: 'permset-consistency',
    group: 'metadata',
    description:
        'permission sets grant each object permission with the permissions it requires (create, edit, view all → read; delete → read, edit; modify all → read, edit, delete, view all), editable fields as readable, and only user permissions that exist',
    check(model, report, probe) {
        for (const file of model.permissionSets.values()) {
            const permissionSet = model.root(file, 'PermissionSet');
            if (!permissionSet) {
                continue;
            }
            for (const entry of listOf(permissionSet, 'objectPermissions')) {
                const object = textOf(entry, 'object');
                const granted = (name) => textOf(entry, name) === 'true';
                for (const [permission, needs] of Object.entries(OBJECT_PERMISSION_NEEDS)) {
                    const missing = granted(permission) ? needs.filter((need) => !granted(need)) : [];
                    if (missing.length > 0) {
                        report(file, `object ${object}: ${permission} requires ${missing.join(' and ')}`);
                    }
                }
            }
            for (const entry of listOf(permissionSet, 'fieldPermissions')) {
                if (textOf(entry, 'editable') === 'true' && textOf(entry, 'readable') !== 'true') {
                    report(file, `field ${textOf(entry, 'field')}: editable requires readable`);
                }
            }
            for (const entry of listOf(permissionSet, 'userPermissions')) {
                const name = textOf(entry, 'name') ?? '';
                if (!/^\w+$/.test(name)) {
                    report(file, `user permission "${name}" is not a permission name`);
                    continue;
                }
                probe.askField('PermissionSet', `Permissions${name}`, () =>
                    report(
                        file,
                        `user permission ${name} does not exist (PermissionSet has no field Permissions${name})`
                    )
                );
            }
        }
    }
};
