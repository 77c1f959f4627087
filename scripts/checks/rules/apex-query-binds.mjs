// Database.queryWithBinds (and countQueryWithBinds, getQueryLocatorWithBinds) resolve every `:name` of the
// query from the bind map, by key, not from Apex variables; a name the map lacks fails at run time, which
// no compiler sees.
//   Dynamic SOQL ("Return a list of sObjects using a map of bind variables") —
//   https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_dynamic_soql.htm
//   Database Class, queryWithBinds(queryString, bindMap, accessLevel) —
//   https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_database.htm
// Decided only where both sides are certain: the bind map is a map literal with string-literal keys
// (written in the call, or a local variable it initializes that the method neither changes nor hands to any
// other call), and the binds are those written in the string literals the query is built from (the
// literal itself, `+` concatenations of literals and other values, a local variable assigned once, or a
// final field of the class). Binds inside a value the code computes, and `:a.b`, are left alone.
import { Apex, apexIndex, closest, dotCallOf, dottedNamesOf, lineOf, nameOf, stringLiteralOf, walk } from '../apex.mjs';

const METHODS = new Set(['querywithbinds', 'countquerywithbinds', 'getquerylocatorwithbinds']);
const OWNERS = [
    Apex.MethodDeclarationContext,
    Apex.ConstructorDeclarationContext,
    Apex.PropertyDeclarationContext,
    Apex.TriggerUnitContext
];
const HOLE = '\u0000'; // a value the code computes

/**
 * Every place a local name is written in an owner: declarations with their initializer, and assignments
 * (the names followed are Strings and Maps, which ++ and -- cannot change).
 */
function writesOf(owner, name) {
    const writes = [];
    walk(owner, (node) => {
        if (node instanceof Apex.VariableDeclaratorContext && node.id().getText().toLowerCase() === name) {
            writes.push({ node, value: node.expression() });
        } else if (node instanceof Apex.AssignExpressionContext && nameOf(node.expression(0)) === name) {
            writes.push({ node, value: node.ASSIGN() ? node.expression(1) : undefined });
        }
    });
    return writes;
}

/** The text of a query with HOLE for each part the code computes, or undefined when unknown. */
function queryText(index, expression, owner, depth = 0) {
    if (depth > 5 || !expression) {
        return undefined;
    }
    const literal = stringLiteralOf(expression);
    if (literal !== undefined) {
        return literal;
    }
    if (expression instanceof Apex.Arth2ExpressionContext && expression.ADD()) {
        const left = queryText(index, expression.expression(0), owner, depth + 1) ?? HOLE;
        const right = queryText(index, expression.expression(1), owner, depth + 1) ?? HOLE;
        return left + right;
    }
    if (expression instanceof Apex.SubExpressionContext) {
        return queryText(index, expression.expression(), owner, depth + 1);
    }
    const name = nameOf(expression);
    if (name && owner) {
        const writes = writesOf(owner, name);
        if (writes.length === 1 && writes[0].value && writes[0].node instanceof Apex.VariableDeclaratorContext) {
            return queryText(index, writes[0].value, owner, depth + 1);
        }
        if (writes.length === 0) {
            const type = index.enclosingType(expression);
            const field = type?.fields.get(name);
            if (field?.kind === 'field' && field.keywords.has('final') && field.node.expression()) {
                return queryText(index, field.node.expression(), undefined, depth + 1);
            }
        }
    }
    return undefined;
}

/** Bind names written in a query text, outside quoted values, that are plain names (lower case → as written). */
function bindsOf(text) {
    const binds = new Map();
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '\\') {
                i++;
            } else if (c === "'") {
                quoted = false;
            }
        } else if (c === "'") {
            quoted = true;
        } else if (c === ':') {
            const match = /^:\s*([A-Za-z_][A-Za-z0-9_]*)(.?)/.exec(text.slice(i));
            if (match && match[2] !== '.' && match[2] !== HOLE) {
                binds.set(match[1].toLowerCase(), match[1]);
            }
        }
    }
    return binds;
}

/** The keys of a map literal (lower case; the grammar gives a map literal one pair at least), or undefined when the map is not a literal with literal keys only. */
function literalKeys(expression) {
    if (!(expression instanceof Apex.NewExpressionContext)) {
        return undefined;
    }
    const rest = expression.creator().mapCreatorRest();
    if (!rest) {
        return undefined;
    }
    const keys = [];
    for (const pair of rest.mapCreatorRestPair_list()) {
        const key = stringLiteralOf(pair.expression(0));
        if (key === undefined) {
            return undefined;
        }
        keys.push(key.toLowerCase());
    }
    return new Set(keys);
}

/** The keys of the bind map argument, when certain. */
function bindKeys(argument, call, owner) {
    const keys = literalKeys(argument);
    if (keys) {
        return keys;
    }
    const name = nameOf(argument);
    if (!name || !owner) {
        return undefined;
    }
    const writes = writesOf(owner, name);
    if (writes.length !== 1 || !(writes[0].node instanceof Apex.VariableDeclaratorContext)) {
        return undefined;
    }
    // The map must not be used anywhere but in this call: no put, no remove, no other call it is handed to.
    let uses = 0;
    walk(owner, (node) => {
        if (nameOf(node) === name && !(node.parentCtx instanceof Apex.VariableDeclaratorContext)) {
            uses++;
        }
    });
    return uses === 1 && call.args.includes(argument) ? literalKeys(writes[0].value) : undefined;
}

export default {
    name: 'apex-query-binds',
    group: 'apex',
    description:
        'every :name bind written in the query literals of Database.queryWithBinds, countQueryWithBinds and getQueryLocatorWithBinds is a key of its bind map, where the map is a literal the method does not change',
    check(model, report) {
        const index = apexIndex(model);
        for (const source of index.files) {
            walk(source.tree, (node) => {
                const call = dotCallOf(node);
                const receiver = call && dottedNamesOf(call.receiver)?.join('.');
                if (!call || !METHODS.has(call.name) || !['database', 'system.database'].includes(receiver)) {
                    return;
                }
                if (call.args.length < 2) {
                    return;
                }
                const owner = closest(node, ...OWNERS);
                const keys = bindKeys(call.args[1], call, owner);
                const text = keys && queryText(index, call.args[0], owner);
                if (!text) {
                    return;
                }
                for (const [lower, written] of bindsOf(text)) {
                    if (!keys.has(lower)) {
                        report(
                            source.file,
                            `line ${lineOf(node)}: the query binds :${written} but the bind map has no key "${written}" (keys: ${[...keys].join(', ')}): Database.${call.name === 'querywithbinds' ? 'queryWithBinds' : call.name === 'countquerywithbinds' ? 'countQueryWithBinds' : 'getQueryLocatorWithBinds'} resolves binds from the map only`
                        );
                    }
                }
            });
        }
    }
};
