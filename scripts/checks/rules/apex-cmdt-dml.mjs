// DML on custom metadata records, which apex-ls lets through and the org rejects ("DML operation Insert not
// allowed on X__mdt"): custom metadata records are metadata; Apex may change them in memory only, and
// deploys them with Metadata.Operations.enqueueDeployment.
//   Custom Metadata Types (CustomObject), Special Access Rules: "You can edit records in memory but not
//   upsert or delete them. Apex code can deploy custom metadata records, but not via a DML operation." —
//   https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_custommetadatatypes.htm
//   Operations Class (enqueueDeployment) — https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_class_Metadata_Operations.htm
// Decided where the operand's type is certain: a variable, field or list element declared as X__mdt,
// List<X__mdt> or X__mdt[], `new X__mdt(…)`, `new List<X__mdt>{…}`, `[SELECT … FROM X__mdt]`,
// `X__mdt.getInstance(…)` and `X__mdt.getAll().values()`.
import { Apex, apexIndex, dotCallOf, dottedNamesOf, elementTypeOf, expressionType, lineOf, walk } from '../apex.mjs';

const STATEMENTS = [
    [Apex.InsertStatementContext, 'Insert'],
    [Apex.UpdateStatementContext, 'Update'],
    [Apex.UpsertStatementContext, 'Upsert'],
    [Apex.DeleteStatementContext, 'Delete'],
    [Apex.UndeleteStatementContext, 'Undelete'],
    [Apex.MergeStatementContext, 'Merge']
];
const DATABASE_METHODS = new Map(
    ['insert', 'update', 'upsert', 'delete', 'undelete', 'merge'].map((m) => [m, m[0].toUpperCase() + m.slice(1)])
);

/** `Database` or `System.Database`. */
function isDatabase(expression) {
    const names = dottedNamesOf(expression)?.join('.');
    return names === 'database' || names === 'system.database';
}

export default {
    name: 'apex-cmdt-dml',
    group: 'apex',
    description:
        'no insert, update, upsert, delete, undelete or merge (statement or Database method) on custom metadata records (X__mdt): they are deployed with Metadata.Operations, never written by DML',
    check(model, report) {
        const index = apexIndex(model);
        for (const source of index.files) {
            walk(source.tree, (node) => {
                let operation;
                let operand;
                const statement = STATEMENTS.find(([Type]) => node instanceof Type);
                if (statement) {
                    operation = statement[1];
                    operand = node instanceof Apex.MergeStatementContext ? node.expression(0) : node.expression();
                } else {
                    const call = dotCallOf(node);
                    if (call && isDatabase(call.receiver) && DATABASE_METHODS.has(call.name)) {
                        operation = DATABASE_METHODS.get(call.name);
                        operand = call.args[0];
                    }
                }
                if (!operand) {
                    return;
                }
                const key = expressionType(index, operand)?.key;
                const record = key && (/__mdt$/.test(key) ? key : elementTypeOf(key));
                if (record && /^[a-z0-9_]+__mdt$/.test(record)) {
                    const object = [...model.objects.values()].find((o) => o.name.toLowerCase() === record);
                    report(
                        source.file,
                        `line ${lineOf(node)}: DML operation ${operation} not allowed on ${object?.name ?? record}: custom metadata records are deployed with Metadata.Operations.enqueueDeployment, not written by DML`
                    );
                }
            });
        }
    }
};
