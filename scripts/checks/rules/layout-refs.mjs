// Page layouts show only related lists that exist for their object, with columns the child object has. (Fields in
// layout sections are the layouts rule's.)
//
// Sources (Salesforce documentation):
// - Metadata API / Apex Metadata namespace, "RelatedListItem": relatedList is the name of the related list; fields
//   are the columns, which "Uses aliases instead of field or API names" for standard fields (NAME, CREATED_DATE);
//   custom fields are named by their API name; sortField is the field used for sorting.
//   https://developer.salesforce.com/docs/platform/apex-ref/references/apex-ref/apex-class-metadata-relatedlistitem.html
// - Metadata API, "MiniLayout": the mini related lists are RelatedListItems too.
//   https://developer.salesforce.com/docs/platform/apex-ref/references/apex-ref/apex-class-metadata-minilayout.html
// A custom related list is named ChildObject.LookupField (the lookup or master-detail field of the child that points
// at the layout's object, as layouts retrieved from an org name it) or by the child relationship name with __r; both
// are resolved through the project. Standard related lists (RelatedContactList, RelatedActivityList…) are known
// only to an org and are accepted, and so are the columns of a standard related list.
import { isCustomName } from '../model.mjs';
import { listOf, textOf } from '../xml.mjs';

const LOOKUP_TYPES = new Set(['Lookup', 'MasterDetail']);

export default {
    name: 'layout-refs',
    group: 'metadata',
    description:
        "page layouts' custom related lists (Child.LookupField or Relationship__r) are lookups or master-details of a project object pointing at the layout's object, and their custom columns and sort fields exist on the child object",
    check(model, report) {
        for (const [layoutName, file] of model.layouts) {
            const layout = model.root(file, 'Layout');
            if (!layout) {
                continue;
            }
            const objectName = layoutName.split('-')[0];
            const items = [
                ...listOf(layout, 'relatedLists'),
                ...listOf(listOf(layout, 'miniLayout')[0], 'relatedLists')
            ];
            for (const item of items) {
                const name = textOf(item, 'relatedList') ?? '';
                const problem = (message) => report(file, `related list ${name}: ${message}`);
                const child = childOf(model, objectName, name, problem);
                if (!child) {
                    continue;
                }
                const columns = listOf(item, 'fields').map(String);
                const sortField = textOf(item, 'sortField');
                for (const column of sortField ? [...columns, sortField] : columns) {
                    if (isCustomName(column) && !column.includes('.') && !model.field(child, column)) {
                        problem(`${child} has no field ${column}`);
                    }
                }
            }
        }
    }
};

/**
 * The child object of a custom related list of `parent`, or undefined for a standard related list or one that
 * does not resolve (reported through `problem`).
 */
function childOf(model, parent, name, problem) {
    if (name.includes('.')) {
        const [child, fieldName, ...rest] = name.split('.');
        if (rest.length > 0 || !child || !fieldName) {
            problem('is not ChildObject.LookupField');
            return undefined;
        }
        if (isCustomName(child) && !model.object(child)?.defined) {
            problem(`object ${child} does not exist`);
            return undefined;
        }
        if (!isCustomName(fieldName)) {
            return undefined; // a standard lookup of a standard child: only an org knows it
        }
        const field = model.field(child, fieldName);
        if (!field) {
            problem(`${child} has no field ${fieldName}`);
            return undefined;
        }
        if (!LOOKUP_TYPES.has(field.type)) {
            problem(`${child}.${fieldName} is a ${field.type ?? 'field'}, not a lookup or master-detail`);
            return undefined;
        }
        if (field.referenceTo !== parent) {
            problem(`${child}.${fieldName} points at ${field.referenceTo}, not at ${parent}`);
            return undefined;
        }
        return child;
    }
    if (/__r$/i.test(name)) {
        const relationship = name.slice(0, -3);
        for (const object of model.objects.values()) {
            for (const field of object.fields.values()) {
                if (
                    field.relationshipName === relationship &&
                    field.referenceTo === parent &&
                    LOOKUP_TYPES.has(field.type)
                ) {
                    return object.name;
                }
            }
        }
        problem(
            `no lookup or master-detail of the project points at ${parent} with the relationship name ${relationship}`
        );
        return undefined;
    }
    return undefined;
}
