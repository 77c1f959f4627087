// Every SOQL and SOSL query of a project's Apex, read from @apexdevtools/apex-parser's parse tree (it carries
// the full SOQL/SOSL grammar): static [SELECT …] and [FIND …] in .cls and .trigger files, and constant query
// strings (a literal, literals joined with +, or a static final String of a project class) given to
// Database.query / queryWithBinds / countQuery / countQueryWithBinds / getQueryLocator /
// getQueryLocatorWithBinds and Search.query / Search.find. Read once and kept as `model.queries`.
//
// A query: { file, line, kind ('soql'|'sosl'), origin ('static' or the method, e.g. 'Database.query'), text,
//   object, alias, select, where, orderBy, groupBy, having, typeOf, subqueries, semiJoins, returning (SOSL),
//   binds, parseError (a constant string that is no query),
//   scope (the tree node whose enclosing names the binds see), extraFrom (more than one FROM entry) }.
// A field reference: { path (relative to the object, alias or object prefix removed), raw, line, func
//   (lower-case SOQL function wrapping it, e.g. 'tolabel', 'count') }. Subqueries and semi-joins are blocks of
//   their own: { object (semi-join) or relationship (subquery), line, select, where, orderBy, … }. TYPEOF
//   clauses are recorded (typeOf) but not resolved.
// A bind: { text, line, head: { name, kind ('name'|'method'), dotted } | undefined, loneHead, node }.
//
// Also here: the project's objects and fields looked up the way SOQL reads names (case-insensitive), the path
// of a field through lookups, and the names an Apex expression can see at a point of the tree.
import * as apex from '@apexdevtools/apex-parser';

const { ApexErrorListener, ApexParserFactory } = apex;

class Errors extends ApexErrorListener {
    list = [];
    apexSyntaxError(line, column, message) {
        this.list.push({ line, column, message });
    }
}

const cache = new WeakMap();

function stateOf(model) {
    if (!cache.has(model)) {
        cache.set(model, { constants: new Map(), classDecls: undefined, schema: undefined });
    }
    return cache.get(model);
}

// ---------------------------------------------------------------------------------------------------------------
// Parse trees

/** Parses Apex source; the tree and its syntax errors. */
function parseApex(text, entry) {
    const errors = new Errors();
    const { parser } = ApexParserFactory.createLexerAndParser(text, errors);
    const tree = parser[entry]();
    return { tree, errors: errors.list, parser };
}

/** The parse tree of a class or trigger file, shared with every other rule through the model. */
function apexTree(model, file) {
    return model.apexTree(file);
}

function children(node) {
    return node?.children ?? [];
}

/** Visits the tree depth-first; `visit` returns false to skip a node's children. */
function walk(node, visit) {
    if (visit(node) === false) {
        return;
    }
    for (const child of children(node)) {
        walk(child, visit);
    }
}

function descendants(node, type, { stopAt = [] } = {}) {
    const out = [];
    for (const child of children(node)) {
        walk(child, (n) => {
            if (n instanceof type) {
                out.push(n);
            }
            return !stopAt.some((t) => n instanceof t);
        });
    }
    return out;
}

function childOf(node, type) {
    return children(node).find((c) => c instanceof type);
}

function childrenOf(node, type) {
    return children(node).filter((c) => c instanceof type);
}

function ancestor(node, type) {
    for (let n = node?.parentCtx; n; n = n.parentCtx) {
        if (n instanceof type) {
            return n;
        }
    }
    return undefined;
}

/** The source text of a node (whitespace kept), from the text it was parsed from. */
function sourceOf(node, text) {
    return node.start && node.stop ? text.slice(node.start.start, node.stop.stop + 1) : node.getText();
}

// ---------------------------------------------------------------------------------------------------------------
// Query extraction

/** Every query of the project (cached as model.queries). */
export function queriesOf(model) {
    if (!model.queries) {
        const queries = [];
        for (const entry of [...model.classes.values(), ...model.triggers.values()]) {
            // Parsing is the cost (a cold parser takes seconds): a file with no `[SELECT`, `[FIND` or query call
            // in its text holds no query, so it is not parsed; the parse tree decides about the others.
            if (!MAY_QUERY.test(entry.text)) {
                continue;
            }
            const tree = apexTree(model, entry.file);
            if (tree) {
                queries.push(...queriesOfFile(model, entry.file, entry.text, tree));
            }
        }
        model.queries = queries;
    }
    return model.queries;
}

const MAY_QUERY =
    /\[\s*(select|find)\b|\b(database|search)\s*\.\s*(query|querywithbinds|countquery|countquerywithbinds|getquerylocator|getquerylocatorwithbinds|find)\s*\(/i;

const DYNAMIC = {
    database: new Set([
        'query',
        'querywithbinds',
        'countquery',
        'countquerywithbinds',
        'getquerylocator',
        'getquerylocatorwithbinds'
    ]),
    search: new Set(['query', 'find'])
};

function queriesOfFile(model, file, text, tree) {
    const queries = [];
    const lineAt = (token) => token.line;
    walk(tree, (node) => {
        if (node instanceof apex.SoqlLiteralContext) {
            queries.push({
                ...readQuery(childOf(node, apex.QueryContext), text, lineAt),
                file,
                line: node.start.line,
                kind: 'soql',
                origin: 'static',
                text: sourceOf(node, text),
                binds: bindsOf(node, text, lineAt),
                scope: node
            });
        } else if (node instanceof apex.SoslLiteralContext) {
            queries.push({
                ...readSosl(node, text, lineAt),
                file,
                line: node.start.line,
                kind: 'sosl',
                origin: 'static',
                text: sourceOf(node, text),
                binds: bindsOf(node, text, lineAt),
                scope: node
            });
        } else if (node instanceof apex.DotExpressionContext) {
            const query = dynamicQuery(model, file, text, node);
            if (query) {
                queries.push(query);
            }
        }
    });
    return queries;
}

function emptyBlock() {
    return { select: [], where: [], orderBy: [], groupBy: [], having: [], typeOf: [], subqueries: [], semiJoins: [] };
}

/** A field reference from a FieldNameContext. */
function fieldRef(fieldName, lineAt, func) {
    const segments = childrenOf(fieldName, apex.SoqlIdContext).map((s) => s.getText());
    return { raw: segments.join('.'), segments, line: lineAt(fieldName.start), func };
}

/** The field references inside a SOQL function: toLabel(x), COUNT(x), CALENDAR_YEAR(convertTimezone(x)) … */
function functionRefs(fn, lineAt) {
    const name = fn.start.text.toLowerCase();
    return descendants(fn, apex.FieldNameContext).map((f) => fieldRef(f, lineAt, name));
}

/** Field references of WHERE / HAVING / SOSL WHERE: the field of each comparison; semi-joins kept apart. */
function conditionRefs(node, lineAt, block, text) {
    const refs = [];
    walk(node, (n) => {
        if (n instanceof apex.FieldExpressionContext) {
            const field = childOf(n, apex.FieldNameContext);
            if (field) {
                refs.push(fieldRef(field, lineAt));
            }
            const fn = childOf(n, apex.SoqlFunctionContext);
            if (fn) {
                refs.push(...functionRefs(fn, lineAt));
            }
            const value = childOf(n, apex.ValueContext);
            for (const sub of value
                ? descendants(value, apex.SubQueryContext, { stopAt: [apex.SubQueryContext] })
                : []) {
                block.semiJoins.push(readQuery(sub, text, lineAt));
            }
            return false;
        }
        return true;
    });
    return refs;
}

function orderRefs(fieldOrderList, lineAt) {
    return childrenOf(fieldOrderList, apex.FieldOrderContext).flatMap((order) => {
        const field = childOf(order, apex.FieldNameContext);
        const fn = childOf(order, apex.SoqlFunctionContext);
        return field ? [fieldRef(field, lineAt)] : fn ? functionRefs(fn, lineAt) : [];
    });
}

/** Strips a leading alias or object name: `c.Name` FROM Contact c, `Contact.Name` FROM Contact. */
function relativeTo(refs, ...prefixes) {
    const names = new Set(prefixes.filter(Boolean).map((p) => p.toLowerCase()));
    for (const ref of refs) {
        const strip = ref.segments.length > 1 && names.has(ref.segments[0].toLowerCase());
        ref.path = (strip ? ref.segments.slice(1) : ref.segments).join('.');
        delete ref.segments;
    }
}

/** A SELECT (QueryContext, or SubQueryContext in a select list or a semi-join). */
function readQuery(ctx, text, lineAt) {
    const block = emptyBlock();
    if (!ctx) {
        return block;
    }
    const from = childOf(ctx, apex.FromNameListContext);
    const fromName = childOf(from, apex.FieldNameContext);
    const fromAlias = childOf(from, apex.SoqlIdContext);
    block.object = fromName?.getText();
    block.alias = fromAlias?.getText();
    block.fromLine = fromName ? lineAt(fromName.start) : undefined;
    block.line = lineAt(ctx.start);
    block.extraFrom = childrenOf(from, apex.FieldNameContext).length > 1;

    const list = childOf(ctx, apex.SelectListContext) ?? childOf(ctx, apex.SubFieldListContext);
    for (const entry of children(list).filter(
        (c) => c instanceof apex.SelectEntryContext || c instanceof apex.SubFieldEntryContext
    )) {
        const field = childOf(entry, apex.FieldNameContext);
        const fn = childOf(entry, apex.SoqlFunctionContext);
        const sub = childOf(entry, apex.SubQueryContext);
        const typeOf = childOf(entry, apex.TypeOfContext);
        if (field) {
            block.select.push(fieldRef(field, lineAt));
        } else if (fn) {
            block.select.push(...functionRefs(fn, lineAt));
        } else if (sub) {
            const child = readQuery(sub, text, lineAt);
            child.relationship = child.object;
            delete child.object;
            block.subqueries.push(child);
        } else if (typeOf) {
            block.typeOf.push(fieldRef(childOf(typeOf, apex.FieldNameContext), lineAt));
        }
    }
    const where = childOf(ctx, apex.WhereClauseContext);
    if (where) {
        block.where.push(...conditionRefs(where, lineAt, block, text));
    }
    const groupBy = childOf(ctx, apex.GroupByClauseContext);
    if (groupBy) {
        for (const group of descendants(groupBy, apex.FieldGroupByContext, {
            stopAt: [apex.LogicalExpressionContext]
        })) {
            const field = childOf(group, apex.FieldNameContext);
            const fn = childOf(group, apex.SoqlFunctionContext);
            block.groupBy.push(...(field ? [fieldRef(field, lineAt)] : fn ? functionRefs(fn, lineAt) : []));
        }
        const having = childOf(groupBy, apex.LogicalExpressionContext);
        if (having) {
            block.having.push(...conditionRefs(having, lineAt, block, text));
        }
    }
    const orderBy = childOf(ctx, apex.OrderByClauseContext);
    if (orderBy) {
        block.orderBy.push(...orderRefs(childOf(orderBy, apex.FieldOrderListContext), lineAt));
    }
    for (const clause of ['select', 'where', 'orderBy', 'groupBy', 'having', 'typeOf']) {
        relativeTo(block[clause], block.alias, block.object);
    }
    return block;
}

/** SOSL: the RETURNING objects with their fields, WHERE and ORDER BY. */
function readSosl(ctx, text, lineAt) {
    const returning = [];
    for (const spec of descendants(ctx, apex.FieldSpecContext)) {
        const [objectId] = childrenOf(spec, apex.SoslIdContext);
        const block = emptyBlock();
        block.object = objectId.getText();
        block.line = lineAt(objectId.start);
        block.fromLine = block.line;
        const fieldList = childOf(spec, apex.FieldListContext);
        if (fieldList) {
            walk(fieldList, (n) => {
                if (n instanceof apex.SoslIdContext) {
                    const previous = n.parentCtx.children[n.parentCtx.children.indexOf(n) - 1];
                    const isAlias = previous?.symbol?.text === ')';
                    if (!isAlias) {
                        const segments = n.getText().split('.');
                        block.select.push({ raw: segments.join('.'), segments, line: lineAt(n.start) });
                    }
                    return false;
                }
                if (n instanceof apex.SoqlFunctionContext) {
                    block.select.push(...functionRefs(n, lineAt));
                    return false;
                }
                return true;
            });
        }
        const where = childOf(spec, apex.LogicalExpressionContext);
        if (where) {
            block.where.push(...conditionRefs(where, lineAt, block, text));
        }
        const order = childOf(spec, apex.FieldOrderListContext);
        if (order) {
            block.orderBy.push(...orderRefs(order, lineAt));
        }
        for (const clause of ['select', 'where', 'orderBy']) {
            relativeTo(block[clause], block.object);
        }
        returning.push(block);
    }
    return { ...emptyBlock(), returning };
}

/** The head of an Apex expression: `x`, `x.y…`, `x[0]`, `foo(…)`; undefined for anything else. */
function headOf(expr) {
    if (expr instanceof apex.PrimaryExpressionContext) {
        const primary = expr.primary();
        return primary instanceof apex.IdPrimaryContext
            ? { name: primary.getText(), kind: 'name', dotted: false }
            : undefined;
    }
    if (expr instanceof apex.DotExpressionContext) {
        const head = headOf(expr.expression());
        return head && { ...head, dotted: true };
    }
    if (expr instanceof apex.ArrayExpressionContext) {
        const head = headOf(expr.expression(0));
        return head && { ...head, indexed: true };
    }
    if (expr instanceof apex.MethodCallExpressionContext) {
        const id = expr.methodCall().id();
        return id ? { name: id.getText(), kind: 'method', dotted: false } : undefined;
    }
    if (expr instanceof apex.SubExpressionContext || expr instanceof apex.CastExpressionContext) {
        return headOf(expr.expression());
    }
    return undefined;
}

/** The binds of a query: every `:expression` outside nested queries' own binds. */
function bindsOf(node, text, lineAt) {
    return descendants(node, apex.BoundExpressionContext, { stopAt: [apex.BoundExpressionContext] }).map((bound) => {
        const expr = bound.expression();
        const names =
            descendants(bound, apex.IdPrimaryContext).length +
            descendants(bound, apex.MethodCallContext).length +
            descendants(bound, apex.ThisPrimaryContext).length +
            descendants(bound, apex.SuperPrimaryContext).length +
            descendants(bound, apex.NewExpressionContext).length +
            descendants(bound, apex.SoqlLiteralContext).length +
            descendants(bound, apex.SoslLiteralContext).length;
        return {
            text: sourceOf(expr, text).replace(/\s+/g, ' '),
            line: lineAt(bound.start),
            head: headOf(expr),
            loneHead: names === 1,
            node: bound
        };
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Constant query strings

/** The characters of an Apex string literal, unescaped, each with its line. */
function unescape(token) {
    const raw = token.text;
    const multiline = raw.startsWith("'''");
    let body = multiline ? raw.slice(3, -3) : raw.slice(1, -1);
    let line = token.line;
    if (multiline) {
        const newline = body.match(/^\r?\n/)[0];
        body = body.slice(newline.length);
        line++;
    }
    const escapes = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', "'": "'", '\\': '\\' };
    let text = '';
    const lines = [];
    for (let i = 0; i < body.length; i++) {
        let ch = body[i];
        if (ch === '\\' && i + 1 < body.length) {
            const next = body[i + 1];
            if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 2, i + 6))) {
                ch = String.fromCharCode(parseInt(body.slice(i + 2, i + 6), 16));
                i += 5;
            } else {
                ch = escapes[next] ?? next;
                i++;
            }
        } else if (ch === '\n') {
            line++;
        }
        text += ch;
        lines.push(line);
    }
    return { text, lines };
}

/** The class declarations enclosing a node, innermost first. */
function enclosingClasses(node) {
    const out = [];
    for (let n = node?.parentCtx; n; n = n.parentCtx) {
        if (n instanceof apex.ClassDeclarationContext) {
            out.push(n);
        }
    }
    return out;
}

function members(classDecl) {
    return childrenOf(childOf(classDecl, apex.ClassBodyContext), apex.ClassBodyDeclarationContext);
}

function modifiersOf(member) {
    return childrenOf(member, apex.ModifierContext).map((m) => m.getText().toLowerCase());
}

/** static final String constants of a class: lower-case name → initializer expression. */
function constantsOf(model, classDecl) {
    const { constants } = stateOf(model);
    if (!constants.has(classDecl)) {
        const map = new Map();
        for (const member of members(classDecl)) {
            const field = member.memberDeclaration()?.fieldDeclaration();
            const modifiers = modifiersOf(member);
            if (!field || !modifiers.includes('static') || !modifiers.includes('final')) {
                continue;
            }
            if (field.typeRef().getText().toLowerCase() !== 'string') {
                continue;
            }
            for (const declarator of descendants(field, apex.VariableDeclaratorContext)) {
                const init = declarator.expression();
                if (init) {
                    map.set(declarator.id().getText().toLowerCase(), init);
                }
            }
        }
        constants.set(classDecl, map);
    }
    return constants.get(classDecl);
}

/** The top-level class of a project class name (case-insensitive), parsed. */
function projectClass(model, name) {
    const state = stateOf(model);
    if (!state.classDecls) {
        state.classDecls = new Map([...model.classes].map(([n, entry]) => [n.toLowerCase(), entry.file]));
    }
    const file = state.classDecls.get(String(name).toLowerCase());
    const tree = file && apexTree(model, file);
    return tree
        ? descendants(tree, apex.ClassDeclarationContext, { stopAt: [apex.ClassDeclarationContext] })[0]
        : undefined;
}

/** True when the name is a top-level Apex class (or enum, interface) of the project. */
export function isProjectClass(model, name) {
    const state = stateOf(model);
    if (!state.classDecls) {
        projectClass(model, '');
    }
    return state.classDecls.has(String(name).toLowerCase());
}

/**
 * Folds an expression to a constant string: literals, + of constants, static final String constants of the
 * enclosing classes or of a project class (`Other.CONST`). { text, lines } or undefined.
 */
function fold(model, file, expr, callLine, seen = new Set()) {
    if (!expr || seen.has(expr) || seen.size > 50) {
        return undefined;
    }
    seen.add(expr);
    const lineOnly = (value, line) => ({ text: value, lines: [...value].map(() => line) });
    if (expr instanceof apex.PrimaryExpressionContext) {
        const primary = expr.primary();
        if (primary instanceof apex.LiteralPrimaryContext) {
            const literal = primary.literal();
            const token = (literal.StringLiteral() ?? literal.MultilineStringLiteral())?.symbol;
            if (token) {
                return unescape(token);
            }
            const number = (literal.IntegerLiteral() ?? literal.LongLiteral())?.symbol;
            return number ? lineOnly(number.text.replace(/[lL]$/, ''), number.line) : undefined;
        }
        if (primary instanceof apex.IdPrimaryContext) {
            const name = primary.getText().toLowerCase();
            for (const classDecl of enclosingClasses(expr)) {
                const init = constantsOf(model, classDecl).get(name);
                if (init) {
                    return fold(model, file, init, callLine, seen);
                }
            }
        }
        return undefined;
    }
    if (expr instanceof apex.Arth2ExpressionContext && expr.ADD()) {
        const left = fold(model, file, expr.expression(0), callLine, seen);
        const right = left && fold(model, file, expr.expression(1), callLine, seen);
        return right ? { text: left.text + right.text, lines: [...left.lines, ...right.lines] } : undefined;
    }
    if (expr instanceof apex.SubExpressionContext) {
        return fold(model, file, expr.expression(), callLine, seen);
    }
    if (
        expr instanceof apex.DotExpressionContext &&
        expr.anyId() &&
        expr.expression() instanceof apex.PrimaryExpressionContext
    ) {
        const owner = expr.expression().primary();
        if (!(owner instanceof apex.IdPrimaryContext)) {
            return undefined;
        }
        const ownerName = owner.getText().toLowerCase();
        const inner = enclosingClasses(expr)
            .flatMap((c) => members(c).map((m) => m.memberDeclaration()?.classDeclaration()))
            .find((c) => c?.id().getText().toLowerCase() === ownerName);
        const classDecl = inner ?? projectClass(model, ownerName);
        const init = classDecl && constantsOf(model, classDecl).get(expr.anyId().getText().toLowerCase());
        if (!init) {
            return undefined;
        }
        const value = fold(model, file, init, callLine, seen);
        // A constant of another file: its lines mean nothing here, so the whole text takes the call's line.
        return value &&
            (inner || ancestor(classDecl, apex.CompilationUnitContext) === ancestor(expr, apex.CompilationUnitContext))
            ? value
            : value && lineOnly(value.text, callLine);
    }
    return undefined;
}

function dynamicQuery(model, file, text, node) {
    const target = node.expression();
    const call = node.dotMethodCall();
    if (
        !call ||
        !(target instanceof apex.PrimaryExpressionContext) ||
        !(target.primary() instanceof apex.IdPrimaryContext)
    ) {
        return undefined;
    }
    const owner = target.getText().toLowerCase();
    const method = call.anyId().getText().toLowerCase();
    if (!DYNAMIC[owner]?.has(method)) {
        return undefined;
    }
    const args = call.expressionList()?.expression_list() ?? [];
    const line = node.start.line;
    const folded = fold(model, file, args[0], line);
    if (!folded) {
        return undefined;
    }
    const origin = `${target.getText()}.${call.anyId().getText()}`;
    const lineAt = (token) => folded.lines[Math.min(token.start, folded.lines.length - 1)] ?? line;
    const query = {
        file,
        line,
        endLine: node.stop.line,
        kind: owner === 'search' ? 'sosl' : 'soql',
        origin,
        text: folded.text,
        scope: node
    };
    const trimmed = folded.text.trim();
    let parsed;
    if (query.kind === 'soql') {
        parsed = parseApex(folded.text, 'query');
    } else {
        // SOSL is parsed in its Apex form: [FIND '…' …] or [FIND {…} …]; the bracket shifts offsets by one.
        const braces = /^find\s*\{/i.test(trimmed);
        parsed = parseApex(`[${folded.text}]`, braces ? 'soslLiteralAlt' : 'soslLiteral');
    }
    const offset = query.kind === 'sosl' ? 1 : 0;
    const at = (token) => lineAt({ start: token.start - offset });
    const leftover = parsed.parser.getTokenStream().LA(1) !== -1;
    if (parsed.errors.length > 0 || leftover) {
        const error = parsed.errors[0];
        query.parseError = error ? error.message : 'text is left over after the query';
        return { ...query, ...emptyBlock(), binds: [] };
    }
    const body =
        query.kind === 'soql' ? readQuery(parsed.tree, folded.text, at) : readSosl(parsed.tree, `[${folded.text}]`, at);
    // The block's own line is where its SELECT is; the query's line stays the call's.
    return {
        ...body,
        ...query,
        binds: bindsOf(parsed.tree, query.kind === 'sosl' ? `[${folded.text}]` : folded.text, at)
    };
}

// ---------------------------------------------------------------------------------------------------------------
// The project's objects and fields, read the way SOQL reads names

const NAMESPACED = /^[a-z0-9]+__[a-z0-9_]+__[a-z]+$/i;

/**
 * True when the name belongs to another namespace (ns__Name__c) than the project's: nothing here can decide it.
 */
export function isForeign(model, name) {
    if (!NAMESPACED.test(name)) {
        return false;
    }
    const ns = model.project?.namespace;
    return !ns || !name.toLowerCase().startsWith(`${ns.toLowerCase()}__`);
}

function localName(model, name) {
    const ns = model.project?.namespace;
    return ns && name.toLowerCase().startsWith(`${ns.toLowerCase()}__`) && NAMESPACED.test(name)
        ? name.slice(ns.length + 2)
        : name;
}

/** Lookups over the model: objects, fields, parent and child relationships by lower-case name. */
export function schemaOf(model) {
    const state = stateOf(model);
    if (!state.schema) {
        const objects = new Map();
        const children = new Map();
        for (const object of model.objects.values()) {
            const fields = new Map();
            const parents = new Map();
            for (const field of object.fields.values()) {
                fields.set(field.name.toLowerCase(), field);
                if (field.referenceTo) {
                    // Child to parent: the field's name with __r (Mother__c → Mother__r). Parent to child: the
                    // field's relationshipName (its Child Relationship Name) with __r (Daughters__r).
                    parents.set(field.name.replace(/__c$/i, '__r').toLowerCase(), field);
                    const parent = field.referenceTo.toLowerCase();
                    if (!children.has(parent)) {
                        children.set(parent, new Map());
                    }
                    if (field.relationshipName) {
                        children
                            .get(parent)
                            .set(`${field.relationshipName}__r`.toLowerCase(), { child: object.name, field });
                    }
                }
            }
            objects.set(object.name.toLowerCase(), { object, fields, parents });
        }
        state.schema = {
            /** The project's entry for an object (custom, or standard with project fields), by any case. */
            object: (name) => objects.get(localName(model, name).toLowerCase()),
            /** A custom field of a project object. */
            field: (objectName, fieldName) =>
                objects
                    .get(localName(model, objectName).toLowerCase())
                    ?.fields.get(localName(model, fieldName).toLowerCase()),
            /** A custom lookup or master-detail of an object, by the name that traverses it (Mother__r). */
            parent: (objectName, relationship) =>
                objects
                    .get(localName(model, objectName).toLowerCase())
                    ?.parents.get(localName(model, relationship).toLowerCase()),
            /** The child object of a custom child relationship (Xs__r) of a parent object: { child, field }. */
            child: (parentName, relationship) =>
                children
                    .get(localName(model, parentName).toLowerCase())
                    ?.get(localName(model, relationship).toLowerCase())
        };
    }
    return state.schema;
}

/** Standard relationship names that always lead to the object of the same name (Contact.Account → Account). */
const STANDARD_PARENTS = new Map(
    [
        'Account',
        'Contact',
        'Lead',
        'Case',
        'Opportunity',
        'Campaign',
        'Contract',
        'Asset',
        'Product2',
        'Pricebook2'
    ].map((n) => [n.toLowerCase(), n])
);

/** Standard child relationships whose child object is certain (Account.Contacts → Contact). */
export const STANDARD_CHILDREN = new Map(
    [
        ['Contacts', 'Contact'],
        ['Cases', 'Case'],
        ['Opportunities', 'Opportunity'],
        ['Tasks', 'Task'],
        ['Events', 'Event'],
        ['ChildAccounts', 'Account']
    ].map(([r, o]) => [r.toLowerCase(), o])
);

const CUSTOM_OBJECT = /__(c|mdt|x|b)$/i;

/** True for the API name of a custom object the project must define to query it (Foo__c, Foo__mdt …). */
export function isCustomObjectName(name) {
    return CUSTOM_OBJECT.test(name);
}

/**
 * Follows a field path (`Account__r.Owner.Name`) from an object through the project's objects.
 * Returns { problem } when the project's metadata proves it wrong; otherwise { probe, target }:
 *   probe  — { object, path }: the part only apex-ls can answer (it starts at the first standard name);
 *   target — { object, name, field }: the field the path ends at, when known (field: the project's metadata).
 * { foreign: true } for another namespace's names.
 * @param {object} model
 * @param {string} objectName
 * @param {string} path
 */
export function followPath(model, objectName, path) {
    const schema = schemaOf(model);
    const segments = path.split('.');
    let object = objectName;
    let probe;
    for (let i = 0; i < segments.length; i++) {
        const segment = segments[i];
        const last = i === segments.length - 1;
        if (isForeign(model, segment)) {
            return { foreign: true, probe };
        }
        if (/__c$/i.test(segment)) {
            const field = schema.field(object, segment);
            if (!last) {
                return probe
                    ? { probe }
                    : { problem: `${segment} is a field, not a relationship (use ${segment.replace(/__c$/i, '__r')})` };
            }
            if (!field) {
                return probe ? { probe } : { problem: `${object} has no field ${segment}` };
            }
            return { probe, target: { object, name: field.name, field } };
        }
        if (/__r$/i.test(segment)) {
            const field = schema.parent(object, segment);
            if (!field) {
                return probe ? { probe } : { problem: `${object} has no relationship ${segment}` };
            }
            if (last) {
                return probe ? { probe } : { problem: `${object}.${segment} is a relationship, not a field` };
            }
            object = field.referenceTo;
            continue;
        }
        probe ??= { object, path: segments.slice(i).join('.') };
        if (last) {
            return { probe, target: { object, name: segment, field: schema.field(object, segment) } };
        }
        const next = STANDARD_PARENTS.get(segment.toLowerCase());
        if (!next) {
            return { probe };
        }
        object = next;
    }
    return { probe };
}

// ---------------------------------------------------------------------------------------------------------------
// Names an Apex expression can see

function declaratorNames(node) {
    return descendants(node, apex.VariableDeclaratorContext, { stopAt: [apex.ExpressionContext] }).map((d) =>
        d.id().getText()
    );
}

function addMembers(model, classDecl, scope, seen = new Set()) {
    if (seen.has(classDecl)) {
        return;
    }
    seen.add(classDecl);
    scope.types.add(classDecl.id().getText().toLowerCase());
    for (const member of members(classDecl)) {
        const declaration = member.memberDeclaration();
        if (!declaration) {
            continue;
        }
        const field = declaration.fieldDeclaration();
        const property = declaration.propertyDeclaration();
        const method = declaration.methodDeclaration();
        const type =
            declaration.classDeclaration() ?? declaration.enumDeclaration() ?? declaration.interfaceDeclaration();
        if (field) {
            declaratorNames(field).forEach((n) => scope.names.add(n.toLowerCase()));
        } else if (property) {
            scope.names.add(property.id().getText().toLowerCase());
        } else if (method) {
            scope.methods.add(method.id().getText().toLowerCase());
        } else if (type) {
            scope.types.add(type.id().getText().toLowerCase());
        }
    }
    const parent = classDecl.typeRef();
    if (parent) {
        const superclass = resolveType(model, classDecl, parent.getText());
        if (superclass) {
            addMembers(model, superclass, scope, seen);
        } else {
            scope.open = true;
        }
    }
}

/** A class declaration named by a type reference seen from a class: an inner class of it or its outers, or a project class. */
function resolveType(model, from, typeName) {
    const parts = typeName.replace(/<.*$/, '').split('.');
    let decl;
    for (const outer of [from, ...enclosingClasses(from)]) {
        decl = members(outer)
            .map((m) => m.memberDeclaration()?.classDeclaration())
            .find((c) => c?.id().getText().toLowerCase() === parts[0].toLowerCase());
        if (decl) {
            break;
        }
    }
    decl ??= projectClass(model, parts[0]);
    for (const part of parts.slice(1)) {
        decl =
            decl &&
            members(decl)
                .map((m) => m.memberDeclaration()?.classDeclaration())
                .find((c) => c?.id().getText().toLowerCase() === part.toLowerCase());
    }
    return decl;
}

/**
 * The names visible at a node of an Apex tree: local variables declared before it in enclosing blocks,
 * parameters, loop and catch variables, fields, properties, methods and nested types of the enclosing classes
 * (and of their project superclasses). `open` is true when a superclass is not a project class, so inherited
 * names cannot be listed.
 * @returns {{ names: Set<string>, methods: Set<string>, types: Set<string>, open: boolean }} lower-case names
 */
export function scopeAt(model, node) {
    const scope = { names: new Set(), methods: new Set(), types: new Set(), open: false };
    const add = (name) => scope.names.add(name.toLowerCase());
    let child = node;
    for (let n = node.parentCtx; n; child = n, n = n.parentCtx) {
        if (n instanceof apex.BlockContext || n instanceof apex.TriggerBlockContext) {
            for (const item of n.children ?? []) {
                const statement = item instanceof apex.TriggerBlockMemberContext ? item.statement() : item;
                const local = statement?.localVariableDeclarationStatement?.();
                if (local && item.start.start <= child.start.start) {
                    declaratorNames(local).forEach(add);
                }
                const member =
                    item instanceof apex.TriggerBlockMemberContext ? item.triggerMemberDeclaration() : undefined;
                if (member) {
                    const field = member.fieldDeclaration();
                    const property = member.propertyDeclaration();
                    const method = member.methodDeclaration();
                    const type = member.classDeclaration() ?? member.enumDeclaration() ?? member.interfaceDeclaration();
                    if (field) {
                        declaratorNames(field).forEach(add);
                    } else if (property) {
                        add(property.id().getText());
                    } else if (method) {
                        scope.methods.add(method.id().getText().toLowerCase());
                    } else if (type) {
                        scope.types.add(type.id().getText().toLowerCase());
                    }
                }
            }
        } else if (n instanceof apex.ForStatementContext) {
            const control = n.forControl();
            const enhanced = control.enhancedForControl();
            if (enhanced) {
                add(enhanced.id().getText());
            }
            const init = control.forInit()?.localVariableDeclaration();
            if (init) {
                declaratorNames(init).forEach(add);
            }
        } else if (n instanceof apex.CatchClauseContext) {
            add(n.id().getText());
        } else if (n instanceof apex.WhenControlContext) {
            const value = n.whenValue();
            if (value.id() && value.typeRef()) {
                add(value.id().getText());
            }
        } else if (n instanceof apex.MethodDeclarationContext || n instanceof apex.ConstructorDeclarationContext) {
            for (const parameter of descendants(n.formalParameters(), apex.FormalParameterContext)) {
                add(parameter.id().getText());
            }
        } else if (n instanceof apex.SetterContext) {
            add('value');
        } else if (n instanceof apex.ClassDeclarationContext) {
            addMembers(model, n, scope);
        }
    }
    return scope;
}

// ---------------------------------------------------------------------------------------------------------------
// apex-ls questions, asked once however many queries need the answer

const asked = new WeakMap();

/**
 * Queues a probe statement once per probe run; every caller's `onIssue` hears each finding on it.
 * @param {object} probe the ApexProbe of the run
 * @param {string} statement
 * @param {(message: string) => void} onIssue
 */
export function askOnce(probe, statement, onIssue) {
    if (!asked.has(probe)) {
        asked.set(probe, new Map());
    }
    const listeners = asked.get(probe);
    if (!listeners.has(statement)) {
        const list = [];
        listeners.set(statement, list);
        probe.ask(statement, (message) => list.forEach((listener) => listener(message)));
    }
    listeners.get(statement).push(onIssue);
}

/**
 * Where a finding is, for a message: `line 12`, and for a constant dynamic query whose text sits outside the call
 * (a static final String of the file) also the call that runs it.
 */
export function lineOf(query, line) {
    return query.origin !== 'static' && (line < query.line || line > (query.endLine ?? query.line))
        ? `line ${line} (the query given to ${query.origin} at line ${query.line})`
        : `line ${line}`;
}
