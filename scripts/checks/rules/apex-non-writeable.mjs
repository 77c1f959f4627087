// Fields Apex cannot write, which apex-ls lets through and the org's compiler rejects ("Field is not
// writeable"): the system fields (Id aside) and the project's formula, roll-up summary and auto-number fields.
//   System Fields ("read-only fields found on most objects") — https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/system_fields.htm
//   Formula, roll-up summary and auto-number fields are calculated by the platform — Custom Field Types,
//   https://help.salesforce.com/s/articleView?id=sf.custom_field_types.htm
// Decided where the object is certain: `record.Field = …` (or `+=` …) on a variable, field or list element
// declared with an SObject type, and `new Object__c(Field = …)`. In a constructor only the project's
// calculated fields are reported: audit fields may be set on create where the org allows "Set Audit Fields
// upon Record Creation", so there the compiler cannot know. Whether a type is an SObject with that system
// field is asked of apex-ls once for the types the project does not define.
import { Apex, apexIndex, expressionType, lineOf, sourceOf, walk } from '../apex.mjs';
import { SYSTEM_FIELDS as SYSTEM_FIELD_NAMES } from '../model.mjs';
import { listOf, textOf } from '../xml.mjs';

/** System fields no DML sets (lower case → API name). */
const SYSTEM_FIELDS = new Map(SYSTEM_FIELD_NAMES.map((f) => [f.toLowerCase(), f]));

function calculatedKind(object, field) {
    if (field?.formula !== undefined) {
        return 'a formula field';
    }
    if (field?.type === 'AutoNumber') {
        return 'an auto-number field';
    }
    if (field?.type === 'Summary') {
        return 'a roll-up summary field';
    }
    return undefined;
}

export default {
    name: 'apex-non-writeable',
    group: 'apex',
    description:
        'Apex writes no system field (CreatedDate, CreatedById, LastModifiedDate, LastModifiedById, SystemModstamp, IsDeleted, LastViewedDate, LastReferencedDate) on an SObject record, and no formula, roll-up summary or auto-number field of the project, by assignment or in an SObject constructor',
    check(model, report, probe) {
        const index = apexIndex(model);
        const objects = new Map([...model.objects.values()].map((o) => [o.name.toLowerCase(), o]));
        const fieldOf = (object, name) => [...object.fields.values()].find((f) => f.name.toLowerCase() === name);
        const autoNumberName = (object) => textOf(listOf(object?.doc, 'nameField')[0], 'type') === 'AutoNumber';
        const asked = new Map();

        /** Reports a write of `fieldName` on records of the type `typeKey`, if that field cannot be written. */
        const checkWrite = (source, node, typeKey, fieldName, inConstructor, written) => {
            if (!typeKey || /[<>[\].]/.test(typeKey) || typeKey === 'sobject' || index.resolveType(typeKey)) {
                return;
            }
            const lower = fieldName.toLowerCase();
            const object = objects.get(typeKey);
            const field = object && fieldOf(object, lower);
            const where = `line ${lineOf(node)}`;
            const objectName = object?.name ?? typeKey;
            const kind =
                object &&
                (calculatedKind(object, field) ??
                    (lower === 'name' && autoNumberName(object) ? 'an auto-number name field' : undefined));
            if (kind) {
                report(
                    source.file,
                    `${where}: ${objectName}.${field?.name ?? 'Name'} is ${kind}: Apex cannot write it ("Field is not writeable")`
                );
                return;
            }
            if (inConstructor || !SYSTEM_FIELDS.has(lower)) {
                return;
            }
            const apiName = SYSTEM_FIELDS.get(lower);
            const message = `${where}: ${written} writes ${apiName}, a system field the platform sets: Apex cannot write it ("Field is not writeable")`;
            if (object?.defined && /__c$/i.test(object.name)) {
                report(source.file, message); // every custom object has the system fields
                return;
            }
            // Standard objects, events, objects of other packages: ask apex-ls whether Type.Field is an SObject field.
            const key = `${typeKey}.${lower}`;
            if (!asked.has(key)) {
                asked.set(key, []);
                const name = /^[a-z_][a-z0-9_]*$/i.test(typeKey) ? typeKey : undefined;
                if (name) {
                    probe.ask(
                        `{ Schema.SObjectField probeField = ${name}.${apiName}; }`,
                        () => {},
                        () => asked.get(key).forEach((send) => send())
                    );
                }
            }
            asked.get(key).push(() => report(source.file, message));
        };

        for (const source of index.files) {
            const visit = (node) => {
                if (node instanceof Apex.AssignExpressionContext) {
                    const target = node.expression(0);
                    if (target instanceof Apex.DotExpressionContext && target.anyId()) {
                        const receiver = expressionType(index, target.expression());
                        if (receiver?.key && !index.resolveType(receiver.key, receiver.scope)) {
                            checkWrite(source, node, receiver.key, target.anyId().getText(), false, sourceOf(target));
                        }
                    }
                } else if (node instanceof Apex.NewExpressionContext) {
                    const creator = node.creator();
                    const created = creator.createdName();
                    const args = creator.classCreatorRest()?.arguments().expressionList()?.expression_list() ?? [];
                    const typeKey = created.getText().toLowerCase();
                    if (
                        created.idCreatedNamePair_list().length === 1 &&
                        !index.resolveType(typeKey, index.enclosingType(node))
                    ) {
                        for (const arg of args) {
                            const name = arg instanceof Apex.AssignExpressionContext ? arg.expression(0) : undefined;
                            if (
                                name instanceof Apex.PrimaryExpressionContext &&
                                name.primary() instanceof Apex.IdPrimaryContext
                            ) {
                                checkWrite(source, arg, typeKey, name.getText(), true, name.getText());
                            }
                        }
                    }
                }
            };
            walk(source.tree, visit);
        }
    }
};
