// String.escapeSingleQuotes is SOQL's escaping (quote and nothing else), not SOSL's: a SOSL search term must
// also escape SOSL's reserved characters, the backslash among them, with a backslash. The one order that
// works is reserved characters (with the backslash) first, single quotes last: escaping the backslashes
// escapeSingleQuotes added turns `\'` into `\\'`, which ends the search string at the quote.
//   FIND {SearchQuery}, reserved characters ? & | ! { } [ ] ( ) ^ ~ * : \ " ' + - —
//   https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_sosl_find.htm
//   String.escapeSingleQuotes ("adds the escape character (\) before any single quotation marks") —
//   https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_string.htm
// Decided where the value reaches a SOSL query in the same method: the text of Search.query or Search.find,
// directly or through a local variable, or a concatenation with a 'FIND …' literal. Reported: the result of
// String.escapeSingleQuotes changed again afterwards (replaceAll, replace …). Whether a value was escaped
// before it reached String.escapeSingleQuotes is not decided.
import { Apex, apexIndex, closest, dotCallOf, dottedNamesOf, lineOf, nameOf, stringLiteralOf, walk } from '../apex.mjs';

const OWNERS = [Apex.MethodDeclarationContext, Apex.ConstructorDeclarationContext, Apex.TriggerUnitContext];

function isCallOf(node, receivers, name) {
    const call = dotCallOf(node);
    return Boolean(call && call.name === name && receivers.includes(dottedNamesOf(call.receiver)?.join('.')));
}

/** True when a node sits in the search text of a SOSL query: Search.query/find's first argument, or next to 'FIND …'. */
function inSoslText(node) {
    for (let n = node; n; n = n.parentCtx) {
        if (n instanceof Apex.ExpressionListContext) {
            const call = n.parentCtx instanceof Apex.DotMethodCallContext ? n.parentCtx.parentCtx : undefined;
            if (
                (isCallOf(call, ['search', 'system.search'], 'query') ||
                    isCallOf(call, ['search', 'system.search'], 'find')) &&
                ancestorOf(n.expression(0), node)
            ) {
                return true;
            }
        }
        if (n instanceof Apex.Arth2ExpressionContext && hasFindLiteral(n)) {
            return true;
        }
    }
    return false;
}

function ancestorOf(ancestor, node) {
    for (let n = node; n; n = n.parentCtx) {
        if (n === ancestor) {
            return true;
        }
    }
    return false;
}

function hasFindLiteral(concatenation) {
    let found = false;
    walk(concatenation, (node) => {
        // (not a string literal: undefined, which tests as the text "undefined")
        if (/^\s*FIND\s/i.test(stringLiteralOf(node))) {
            found = true;
        }
    });
    return found;
}

export default {
    name: 'apex-sosl-escape',
    group: 'apex',
    description:
        'a value escaped with String.escapeSingleQuotes is not changed again (replaceAll, replace …) before it reaches a SOSL search: escape SOSL reserved characters and backslashes first, single quotes last',
    check(model, report) {
        const index = apexIndex(model);
        for (const source of index.files) {
            walk(source.tree, (node) => {
                if (!isCallOf(node, ['string', 'system.string'], 'escapesinglequotes')) {
                    return;
                }
                // The outermost chain of calls on the escaped value: String.escapeSingleQuotes(x).a().b()
                // (the escaped value can only be the receiver of its parent DotExpression: arguments sit in an ExpressionList)
                let chain = node;
                const changed = [];
                while (chain.parentCtx instanceof Apex.DotExpressionContext) {
                    chain = chain.parentCtx;
                    const name = chain.dotMethodCall()?.anyId().getText();
                    if (/^(replace|escape|unescape)/i.test(name)) {
                        changed.push(name);
                    }
                }
                if (changed.length === 0) {
                    return;
                }
                let reaches = inSoslText(chain);
                const declarator =
                    chain.parentCtx instanceof Apex.VariableDeclaratorContext ? chain.parentCtx : undefined;
                const owner = closest(node, ...OWNERS);
                if (!reaches && declarator && owner) {
                    const name = declarator.id().getText().toLowerCase();
                    walk(owner, (use) => {
                        if (nameOf(use) === name && inSoslText(use)) {
                            reaches = true;
                        }
                    });
                }
                if (reaches) {
                    report(
                        source.file,
                        `line ${lineOf(node)}: the result of String.escapeSingleQuotes is changed again (${changed.join(', ')}) before it reaches a SOSL search: the backslashes it added are escaped too and a quote ends the search text; escape SOSL reserved characters and backslashes first, then String.escapeSingleQuotes last`
                    );
                }
            });
        }
    }
};
