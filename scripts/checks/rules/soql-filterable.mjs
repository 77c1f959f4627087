// No field that cannot be filtered, sorted or grouped appears in WHERE, ORDER BY, GROUP BY or HAVING (SOQL, and
// SOSL RETURNING … WHERE / ORDER BY). Static SOQL with such a field does not compile, so nothing deploys; a
// constant dynamic query fails when it runs.
//
// Salesforce, SOQL and SOSL Reference:
// - "fieldExpression Syntax": the field of a WHERE comparison "can be any field except a long text area field,
//   encrypted data field, or base64-encoded field".
//   https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_fieldexpression.htm
// - "ORDER BY": "Multi-select picklist, rich text area, long text area, encrypted (if enabled), and data category
//   group reference (if Salesforce Knowledge is enabled) data types aren't supported."
//   https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_orderby.htm
// - "Considerations for GROUP BY": fields whose type doesn't support grouping (describe: groupable = false) can't
//   be grouped; "Formula fields can't be grouped."
//   https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_group_by_considerations.htm
// - SOSL "WHERE": the same fieldExpression rules apply inside RETURNING.
// Standard long text fields: Salesforce Field Reference Guide lists Description on Account, Contact, Lead, Case,
// Opportunity, Task and Event as textarea of length 32000 (long text area), and the Object Reference for Case
// gives Case.Comments (textarea 4000) the properties "Create, Delete, Layout, Nillable, Query, Retrieve, Search,
// Sort, Undelete, Update": no Filter and no Group.
//   https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_case.htm
import { followPath, lineOf, queriesOf, schemaOf, STANDARD_CHILDREN } from '../soql.mjs';

/** Project field types that can be neither filtered, sorted nor grouped. */
const LONG_TYPES = new Map([
    ['LongTextArea', 'a Long Text Area field'],
    ['Html', 'a Rich Text Area field'],
    ['EncryptedText', 'an encrypted text field']
]);

/** Standard fields documented as long text: what they cannot do. */
const STANDARD_LONG_TEXT = new Map(
    [
        ...['Account', 'Contact', 'Lead', 'Case', 'Opportunity', 'Task', 'Event'].map((o) => [
            `${o}.Description`,
            { filter: false, sort: false, group: false }
        ]),
        ['Case.Comments', { filter: false, sort: true, group: false }]
    ].map(([k, v]) => [k.toLowerCase(), v])
);

const CLAUSES = [
    { name: 'where', label: 'WHERE', can: 'filter', verb: 'filtered' },
    { name: 'having', label: 'HAVING', can: 'filter', verb: 'filtered' },
    { name: 'orderBy', label: 'ORDER BY', can: 'sort', verb: 'sorted' },
    { name: 'groupBy', label: 'GROUP BY', can: 'group', verb: 'grouped' }
];

/** Why a field cannot be used this way, or undefined. */
function refusal(target, clause) {
    const field = target.field;
    if (field) {
        const kind = LONG_TYPES.get(field.type);
        if (kind) {
            return kind;
        }
        if (field.type === 'MultiselectPicklist' && clause.can !== 'filter') {
            return 'a multi-select picklist';
        }
        if (field.formula !== undefined && clause.can === 'group') {
            return 'a formula field';
        }
        return undefined;
    }
    const standard = STANDARD_LONG_TEXT.get(`${target.object}.${target.name}`.toLowerCase());
    return standard && !standard[clause.can] ? 'a long text field' : undefined;
}

export default {
    name: 'soql-filterable',
    group: 'soql',
    description:
        'no Long Text Area, Rich Text Area or encrypted field (project fields, and documented standard long text fields such as Description and Case.Comments) is used in WHERE, HAVING, ORDER BY or GROUP BY of SOQL or SOSL RETURNING; no multi-select picklist in ORDER BY or GROUP BY; no formula field in GROUP BY',
    check(model, report) {
        const schema = schemaOf(model);
        const checkBlock = (query, block, objectName) => {
            if (!objectName || block.extraFrom) {
                return;
            }
            for (const clause of CLAUSES) {
                for (const ref of block[clause.name] ?? []) {
                    if (ref.func) {
                        continue;
                    }
                    const { target } = followPath(model, objectName, ref.path);
                    const why = target && refusal(target, clause);
                    if (why) {
                        report(
                            query.file,
                            `${lineOf(query, ref.line)}: ${target.object}.${target.name} is ${why}: it cannot be ${clause.verb} (${clause.label} ${ref.path})`
                        );
                    }
                }
            }
            for (const sub of block.subqueries ?? []) {
                const relationship = sub.relationship ?? '';
                const child = /__r$/i.test(relationship)
                    ? schema.child(objectName, relationship)?.child
                    : STANDARD_CHILDREN.get(relationship.toLowerCase());
                checkBlock(query, sub, child);
            }
            for (const semiJoin of block.semiJoins ?? []) {
                checkBlock(query, semiJoin, semiJoin.object);
            }
        };
        for (const query of queriesOf(model)) {
            for (const block of query.kind === 'soql' ? [query] : query.returning) {
                checkBlock(query, block, block.object);
            }
        }
    }
};
