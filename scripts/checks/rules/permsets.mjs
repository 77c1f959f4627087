// Permission sets name only what exists, and grant no field access an org refuses.
import { isCustomName } from '../model.mjs';
import { listOf, textOf } from '../xml.mjs';

export default {
    name: 'permsets',
    group: 'metadata',
    description:
        'permission sets name only objects, fields, classes, pages, tabs, apps, custom permissions and custom metadata types that exist, and grant no field access to required, master-detail or platform event fields',
    check(model, report) {
        const objectExists = (name) => model.object(name)?.defined === true;
        for (const file of model.permissionSets.values()) {
            const permissionSet = model.root(file, 'PermissionSet');
            if (!permissionSet) {
                continue;
            }
            for (const entry of listOf(permissionSet, 'objectPermissions')) {
                const name = textOf(entry, 'object');
                if (isCustomName(name) && !objectExists(name)) {
                    report(file, `object ${name} does not exist`);
                }
            }
            for (const entry of listOf(permissionSet, 'fieldPermissions')) {
                const qualified = textOf(entry, 'field') ?? '';
                const [objectName, fieldName] = qualified.split('.');
                if (!objectName || !fieldName) {
                    report(file, `field "${qualified}" is not Object.Field`);
                    continue;
                }
                if (isCustomName(objectName) && !objectExists(objectName)) {
                    report(file, `field ${qualified}: object ${objectName} does not exist`);
                    continue;
                }
                const field = model.field(objectName, fieldName);
                if (isCustomName(fieldName) && !field) {
                    report(file, `field ${qualified} does not exist`);
                    continue;
                }
                if (/__e$/i.test(objectName)) {
                    report(
                        file,
                        `field ${qualified} belongs to a platform event: field-level security does not apply to event fields`
                    );
                    continue;
                }
                if (field?.required) {
                    report(file, `field ${qualified} is required: required fields cannot be named in permission sets`);
                }
                if (field?.type === 'MasterDetail') {
                    report(
                        file,
                        `field ${qualified} is master-detail: its access follows the parent and cannot be granted`
                    );
                }
            }
            const references = [
                ['classAccesses', 'apexClass', 'Apex class', (n) => model.classes.has(n)],
                ['pageAccesses', 'apexPage', 'Visualforce page', (n) => model.pages.has(n)],
                ['customMetadataTypeAccesses', 'name', 'custom metadata type', (n) => objectExists(n)],
                ['customSettingAccesses', 'name', 'custom setting', (n) => objectExists(n)],
                ['customPermissions', 'name', 'custom permission', (n) => model.customPermissions.has(n)],
                ['tabSettings', 'tab', 'tab', (n) => model.tabs.has(n) || (!isCustomName(n) && !n.startsWith('c__'))],
                [
                    'applicationVisibilities',
                    'application',
                    'app',
                    (n) => model.apps.has(n) || n.startsWith('standard__')
                ]
            ];
            for (const [element, child, kind, exists] of references) {
                for (const entry of listOf(permissionSet, element)) {
                    const name = textOf(entry, child);
                    if (!name || !exists(name)) {
                        report(file, `${kind} ${name ?? '(empty)'} does not exist`);
                    }
                }
            }
        }
    }
};
