// Every object, field, relationship path and child relationship a SOQL or SOSL query names exists: static SOQL is
// compiled, so an unknown name fails the deploy; a constant dynamic query fails when it runs. Project objects
// and fields come from the metadata: a custom lookup or master-detail Mother__c is traversed as Mother__r to its
// referenceTo object, and its relationshipName (the Child Relationship Name) + __r, e.g. Daughters__r, is the
// child relationship a subquery of the parent names. Standard objects, fields, relationships and child
// relationships are asked of apex-ls, which knows the standard objects of the API version (polymorphic Owner,
// What, Who resolve permissively there: no false finding, but What.Email is not caught). TYPEOF is not checked.
// Not decided: other namespaces' names, standard child relationships of custom objects (Histories, Shares, Feeds
// depend on the object's settings), __Share/__History/__Feed objects, compound-field parts (__s), a hierarchy
// setting's SetupOwner.
//
// Salesforce, SOQL and SOSL Reference: "SOQL SELECT Syntax" — "You must specify valid field names";
// "Understanding Relationship Names, Custom Objects, and Custom Fields" — child to parent through the field's
// name with __r (Mother_of_Child__r), parent to child through the Child Relationship Name with __r (Daughters__r):
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships_and_custom_objects.htm
// Apex Developer Guide, "Dynamic SOQL": a dynamic query is parsed and checked only when it runs.
import { STANDARD_FIELDS_OF_CUSTOM_METADATA } from '../model.mjs';
import { textOf } from '../xml.mjs';
import {
    askOnce,
    followPath,
    isCustomObjectName,
    isForeign,
    lineOf,
    queriesOf,
    schemaOf,
    STANDARD_CHILDREN
} from '../soql.mjs';

/** Objects that exist only with a setting of their parent (sharing model, history, feed): nothing here decides them. */
const DERIVED_OBJECT = /__(share|history|feed|changeevent|tag)$/i;
/** Compound-field parts and person-account names: apex-ls does not model them reliably. */
const UNDECIDED_SEGMENT = /__(s|pc|pr)$/i;
/** apex-ls's message when a type is unknown: the object's own question reports it once. */
const UNKNOWN_TYPE = /No (variable or )?type (declaration )?found/i;

const CLAUSES = ['select', 'where', 'orderBy', 'groupBy', 'having'];

export default {
    name: 'soql-fields',
    group: 'soql',
    description:
        'SOQL and SOSL (static, and constant strings given to Database.query and Search.query) name only objects, fields, relationship paths and child relationships that exist: project metadata for custom names, apex-ls for standard ones; a constant query string parses',
    check(model, report, probe) {
        const schema = schemaOf(model);

        const checkFields = (query, block, objectName) => {
            const isMetadataType = /__mdt$/i.test(objectName);
            const isCustomSetting = textOf(schema.object(objectName)?.object.doc, 'customSettingsType') !== undefined;
            for (const clause of CLAUSES) {
                for (const ref of block[clause]) {
                    const segments = ref.path.split('.');
                    if (segments.some((s) => UNDECIDED_SEGMENT.test(s)) || /^id$/i.test(ref.path)) {
                        continue;
                    }
                    if (isMetadataType && segments.length === 1 && STANDARD_FIELDS_OF_CUSTOM_METADATA.has(ref.path)) {
                        continue; // apex-ls lacks some of them (SystemModstamp)
                    }
                    if (isCustomSetting && /^setupowner$/i.test(segments[0]) && segments.length > 1) {
                        continue; // a hierarchy setting's polymorphic SetupOwner: apex-ls does not know it
                    }
                    const { problem, probe: question } = followPath(model, objectName, ref.path);
                    if (problem) {
                        report(query.file, `${lineOf(query, ref.line)}: ${problem}`);
                    } else if (question) {
                        askOnce(
                            probe,
                            `{ ${question.object} probeRecord = null; Object probeValue = probeRecord.${question.path}; }`,
                            (message) => {
                                if (!UNKNOWN_TYPE.test(message)) {
                                    report(
                                        query.file,
                                        `${lineOf(query, ref.line)}: ${objectName}.${ref.path} does not exist: ${message}`
                                    );
                                }
                            }
                        );
                    }
                }
            }
        };

        /** A block read from an object: the top of a query, a semi-join, a SOSL RETURNING object. */
        const checkObjectBlock = (query, block) => {
            const name = block.object;
            if (!name || isForeign(model, name) || DERIVED_OBJECT.test(name)) {
                return;
            }
            if (isCustomObjectName(name)) {
                if (!schema.object(name)) {
                    report(
                        query.file,
                        `${lineOf(query, block.fromLine)}: unknown object ${name}: the project does not define it`
                    );
                    return;
                }
            } else {
                askOnce(probe, `{ List<SObject> probeRows = new List<${name}>(); }`, (message) =>
                    report(query.file, `${lineOf(query, block.fromLine)}: unknown object ${name}: ${message}`)
                );
            }
            if (!block.extraFrom) {
                checkFields(query, block, name);
            }
            for (const sub of block.subqueries) {
                checkSubquery(query, block, sub);
            }
            for (const semiJoin of block.semiJoins) {
                checkObjectBlock(query, semiJoin);
            }
        };

        /** A subquery of a select list: FROM names a child relationship of the outer object. */
        const checkSubquery = (query, parent, sub) => {
            let relationship = sub.relationship ?? '';
            const [first, ...rest] = relationship.split('.');
            if (
                rest.length > 0 &&
                [parent.alias, parent.object].some((p) => p?.toLowerCase() === first.toLowerCase())
            ) {
                relationship = rest.join('.');
            }
            if (relationship.includes('.') || isForeign(model, relationship)) {
                return;
            }
            if (/__r$/i.test(relationship)) {
                const child = schema.child(parent.object, relationship);
                if (!child) {
                    report(
                        query.file,
                        `${lineOf(query, sub.fromLine)}: ${parent.object} has no child relationship ${relationship}: no lookup or master-detail of the project names it`
                    );
                    return;
                }
                checkObjectBlock(query, { ...sub, object: child.child, fromLine: sub.fromLine, subqueries: [] });
                return;
            }
            if (isCustomObjectName(parent.object)) {
                // Histories, Shares, Feeds, ProcessInstances … of a custom object depend on its settings.
                return;
            }
            const declare = `${parent.object} probeRecord = null;`;
            askOnce(probe, `{ ${declare} Object probeValue = probeRecord.${relationship}; }`, (message) => {
                if (!UNKNOWN_TYPE.test(message)) {
                    report(
                        query.file,
                        `${lineOf(query, sub.fromLine)}: ${parent.object} has no child relationship ${relationship}: ${message}`
                    );
                }
            });
            const childObject = STANDARD_CHILDREN.get(relationship.toLowerCase());
            if (childObject) {
                checkObjectBlock(query, { ...sub, object: childObject, subqueries: [] });
                return;
            }
            // The child object is known only to apex-ls: ask through the relationship.
            for (const clause of CLAUSES) {
                for (const ref of sub[clause]) {
                    if (ref.path.split('.').some((s) => UNDECIDED_SEGMENT.test(s) || isForeign(model, s))) {
                        continue;
                    }
                    askOnce(
                        probe,
                        `{ ${declare} Object probeValue = probeRecord.${relationship}[0].${ref.path}; }`,
                        (message) => {
                            if (!UNKNOWN_TYPE.test(message) && !message.includes(`'${relationship}'`)) {
                                report(
                                    query.file,
                                    `${lineOf(query, ref.line)}: ${parent.object}.${relationship} rows have no ${ref.path}: ${message}`
                                );
                            }
                        }
                    );
                }
            }
            for (const semiJoin of sub.semiJoins) {
                checkObjectBlock(query, semiJoin);
            }
        };

        for (const query of queriesOf(model)) {
            if (query.parseError) {
                report(
                    query.file,
                    `${lineOf(query, query.line)}: the constant string given to ${query.origin} is not valid ${query.kind.toUpperCase()}: ${query.parseError}`
                );
                continue;
            }
            for (const block of query.kind === 'soql' ? [query] : query.returning) {
                checkObjectBlock(query, block);
            }
        }
    }
};
