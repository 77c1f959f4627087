// Bind variables of SOQL and SOSL name something that exists where the query is:
// - static queries: the leading name of `:name`, `:name.field`, `:name[0]` or `:method()` is a local variable or
//   parameter declared before the query in an enclosing block, a loop or catch variable, a field, property or
//   method of the class or an outer class (or a project superclass), a nested type, or a project class
//   (`:SomeClass.CONST`). Any other dotted name (`:UserInfo.getUserId()`, `:Date.today()`) is asked of apex-ls
//   when the bind names nothing else. Nothing is reported when a class extends a class outside the project
//   (its inherited names are unknown).
// - constant dynamic queries (Database.query, countQuery, getQueryLocator, Search.query): a bind names a variable
//   in scope at the call, and is a simple variable: "unlike inline SOQL, dynamic SOQL can't use bind variable
//   fields in the query string" (Apex Developer Guide, "Dynamic SOQL",
//   https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_dynamic_soql.htm).
// - Database.queryWithBinds / countQueryWithBinds / getQueryLocatorWithBinds: the keys of the bind map are the
//   apex-query-binds rule's to check.
// Salesforce: "Using Apex Variables in SOQL and SOSL Queries",
// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_SOQL_variables.htm
import { askOnce, isProjectClass, lineOf, queriesOf, scopeAt } from '../soql.mjs';

/** Names resolved against project metadata the probe workspace does not hold (labels, pages, components, flows). */
const METADATA_NAMESPACES = new Set(['label', 'page', 'component', 'flow']);

export default {
    name: 'soql-binds',
    group: 'soql',
    description:
        'bind variables of static SOQL/SOSL name a variable, parameter, field, property, method, constant or class visible where the query is; binds of constant dynamic queries (other than queryWithBinds, whose map apex-query-binds checks) are simple variables in scope',
    check(model, report, probe) {
        for (const query of queriesOf(model)) {
            if (query.binds.length === 0) {
                continue;
            }
            const dynamic = query.origin !== 'static';
            if (dynamic && /withbinds$/i.test(query.origin)) {
                continue; // the map is built elsewhere: its keys are not known here
            }
            const scope = scopeAt(model, query.scope);
            for (const bind of query.binds) {
                const head = bind.head;
                if (!head) {
                    continue;
                }
                const name = head.name.toLowerCase();
                const declared =
                    head.kind === 'method'
                        ? scope.methods.has(name)
                        : scope.names.has(name) || scope.types.has(name) || isProjectClass(model, name);
                if (dynamic && head.kind === 'name' && head.dotted && scope.names.has(name)) {
                    report(
                        query.file,
                        `${lineOf(query, bind.line)}: bind :${bind.text} in a dynamic query: dynamic SOQL binds only simple variables, not their fields (bind a local variable holding the value)`
                    );
                    continue;
                }
                if (declared || scope.open) {
                    continue;
                }
                const where = dynamic ? `at the ${query.origin} call` : 'where the query is';
                if (head.kind === 'method') {
                    report(
                        query.file,
                        `${lineOf(query, bind.line)}: bind :${bind.text} calls ${head.name}(), which no enclosing class declares`
                    );
                } else if (!head.dotted) {
                    report(
                        query.file,
                        `${lineOf(query, bind.line)}: bind :${bind.text} names no variable, parameter, field, property or constant declared ${where}`
                    );
                } else if (!dynamic && bind.loneHead && !METADATA_NAMESPACES.has(name)) {
                    // A static reference such as UserInfo.getUserId(): only apex-ls knows the standard classes.
                    askOnce(probe, `{ Object probeValue = ${bind.text}; }`, (message) =>
                        report(
                            query.file,
                            `${lineOf(query, bind.line)}: bind :${bind.text} names nothing declared where the query is: ${message}`
                        )
                    );
                }
            }
        }
    }
};
