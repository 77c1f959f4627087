// LimitException cannot be caught: a catch block for it never runs, and code that relies on it (a
// fallback, a checkpoint, a log line) silently never happens; the transaction ends with no handler.
//   Exception Class and Built-In Exceptions ("LimitException: A governor limit has been exceeded. This
//   exception can't be caught.") — https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_classes_exception_methods.htm
// Budget with Limits.getCpuTime(), Limits.getHeapSize() and friends before the limit is reached instead.
import { Apex, lineOf, walk } from '../apex.mjs';

export default {
    name: 'apex-limit-exception',
    group: 'apex',
    description:
        'no catch block names LimitException (System.LimitException), which Apex can never catch: budget with the Limits methods instead',
    check(model, report) {
        for (const entry of [...model.classes.values(), ...model.triggers.values()]) {
            walk(model.apexTree(entry.file), (node) => {
                if (node instanceof Apex.CatchClauseContext) {
                    const type = node.qualifiedName().getText().toLowerCase();
                    if (type === 'limitexception' || type === 'system.limitexception') {
                        report(
                            entry.file,
                            `line ${lineOf(node)}: catches ${node.qualifiedName().getText()}, which can't be caught: this block never runs; check Limits.getCpuTime(), Limits.getHeapSize() … before the limit instead`
                        );
                    }
                }
            });
        }
    }
};
