// Apex as apex-parser's tree, and what rules need to read it: every class and trigger is parsed once and
// kept on the model (`model.apexTree(file)`); the project's types with their members and access
// (`apexIndex(model)`); the declared type of a name at a place in the code (`declaredType`). Apex names are
// case-insensitive, so every name here is compared in lower case. Nothing here reports: rules decide.
import * as Apex from '@apexdevtools/apex-parser';

export { Apex };

class CollectingListener extends Apex.ApexErrorListener {
    errors = [];
    apexSyntaxError(line, column, message) {
        this.errors.push({ line, column, message });
    }
}

/**
 * Parses Apex source.
 * @param {string} text
 * @param {'class' | 'trigger' | 'anonymous'} kind
 * @returns {{ tree: object, errors: { line: number, column: number, message: string }[] }}
 */
export function parseApex(text, kind = 'class') {
    const listener = new CollectingListener();
    const { parser } = Apex.ApexParserFactory.createLexerAndParser(text, listener);
    const tree =
        kind === 'trigger'
            ? parser.triggerUnit()
            : kind === 'anonymous'
              ? parser.anonymousUnit()
              : parser.compilationUnit();
    return { tree, errors: listener.errors };
}

/** The kind of Apex source a file holds, by its name. */
export function apexKindOf(file) {
    return file.endsWith('.trigger') ? 'trigger' : file.endsWith('.apex') ? 'anonymous' : 'class';
}

/**
 * Calls `visit(node)` for the node and every rule node below it, depth first, in source order; when
 * `visit` returns false the node's children are skipped.
 */
export function walk(node, visit) {
    if (!node || node.children === undefined) {
        return;
    }
    if (visit(node) === false) {
        return;
    }
    for (const child of node.children ?? []) {
        walk(child, visit);
    }
}

/** Every node below `node` (and the node itself) that is an instance of `Type`. */
export function findAll(node, Type) {
    const found = [];
    walk(node, (n) => {
        if (n instanceof Type) {
            found.push(n);
        }
    });
    return found;
}

/** The nearest ancestor of `node` (not the node itself) that is an instance of one of `Types`. */
export function closest(node, ...Types) {
    for (let n = node?.parentCtx; n; n = n.parentCtx) {
        if (Types.some((Type) => n instanceof Type)) {
            return n;
        }
    }
    return undefined;
}

/** The 1-based line of a node. */
export function lineOf(node) {
    return node?.start?.line ?? 0;
}

/** The source text of a node as written (with its spacing). */
export function sourceOf(node) {
    const input = node?.start?.getInputStream?.();
    if (!input || !node.stop) {
        return node?.getText() ?? '';
    }
    return input.getText(node.start.start, node.stop.stop);
}

/** A type as written in a typeRef or created name, without spaces, in lower case: `list<account>`. */
export function typeKey(node) {
    return node ? node.getText().replace(/\s+/g, '').toLowerCase() : undefined;
}

/** The element type of a list, set or array type key (`list<x>`, `set<x>`, `x[]`), else undefined. */
export function elementTypeOf(type) {
    const match = /^(?:list|set)<(.+)>$/.exec(type ?? '') ?? /^(.+)\[\]$/.exec(type ?? '');
    return match ? match[1] : undefined;
}

/** The value of an Apex string literal ('it\'s' → it's). */
export function stringValue(literal) {
    const body = literal.slice(1, -1);
    const escapes = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', "'": "'", '"': '"', '\\': '\\' };
    return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c) =>
        c.length === 5 ? String.fromCharCode(parseInt(c.slice(1), 16)) : (escapes[c] ?? c)
    );
}

/** The string literal an expression is, or undefined. */
export function stringLiteralOf(expression) {
    if (expression instanceof Apex.PrimaryExpressionContext) {
        const primary = expression.primary();
        if (primary instanceof Apex.LiteralPrimaryContext) {
            const text = primary.getText();
            if (text.startsWith("'")) {
                return stringValue(text);
            }
        }
    }
    return undefined;
}

/** The plain name an expression is (`x`, not `x.y` or `x()`), in lower case, or undefined. */
export function nameOf(expression) {
    if (expression instanceof Apex.PrimaryExpressionContext && expression.primary() instanceof Apex.IdPrimaryContext) {
        return expression.getText().toLowerCase();
    }
    return undefined;
}

/** The dotted names an expression is (`A.B.c` → ['a', 'b', 'c']), or undefined when it holds anything else. */
export function dottedNamesOf(expression) {
    if (expression instanceof Apex.PrimaryExpressionContext) {
        const name = nameOf(expression);
        return name ? [name] : undefined;
    }
    if (expression instanceof Apex.DotExpressionContext && expression.anyId()) {
        const left = dottedNamesOf(expression.expression());
        return left ? [...left, expression.anyId().getText().toLowerCase()] : undefined;
    }
    return undefined;
}

/**
 * A method call written `Receiver.name(args)`: { receiver, name (lower case), args } or undefined.
 * @param {object} node a DotExpressionContext
 */
export function dotCallOf(node) {
    if (!(node instanceof Apex.DotExpressionContext) || !node.dotMethodCall()) {
        return undefined;
    }
    const call = node.dotMethodCall();
    return {
        receiver: node.expression(),
        name: call.anyId().getText().toLowerCase(),
        args: call.expressionList()?.expression_list() ?? []
    };
}

function modifiersOf(modifierNodes) {
    const keywords = new Set();
    const annotations = new Set();
    for (const modifier of modifierNodes ?? []) {
        const annotation = modifier.annotation?.();
        if (annotation) {
            annotations.add(annotation.id().getText().toLowerCase());
        } else {
            keywords.add(modifier.getText().toLowerCase());
        }
    }
    return { keywords, annotations };
}

function accessOf(keywords) {
    for (const access of ['global', 'public', 'protected', 'private']) {
        if (keywords.has(access)) {
            return { access, explicit: true };
        }
    }
    if (keywords.has('webservice')) {
        return { access: 'global', explicit: false };
    }
    return { access: 'private', explicit: false };
}

function typeInfo(node, kind, modifiers, file, outer) {
    const { keywords, annotations } = modifiers;
    const name = node.id().getText();
    const { access, explicit } = accessOf(keywords);
    const info = {
        name,
        lname: name.toLowerCase(),
        fullName: outer ? `${outer.name}.${name}` : name,
        kind,
        file,
        node,
        outer,
        top: undefined,
        keywords,
        annotations,
        access,
        explicitAccess: explicit,
        isTest: annotations.has('istest'),
        extendsType: kind === 'class' && node.typeRef() ? typeKey(node.typeRef()) : undefined,
        methods: new Map(),
        fields: new Map(),
        constructors: [],
        inner: new Map()
    };
    info.top = outer ? outer.top : info;
    return info;
}

function member(kind, name, typeNode, modifiers, node) {
    const { access, explicit } = accessOf(modifiers.keywords);
    return {
        kind,
        name,
        lname: name.toLowerCase(),
        type: typeKey(typeNode),
        access,
        explicitAccess: explicit,
        keywords: modifiers.keywords,
        annotations: modifiers.annotations,
        isStatic: modifiers.keywords.has('static'),
        node
    };
}

function readClassBody(info, body) {
    for (const declaration of body?.classBodyDeclaration_list() ?? []) {
        const memberDeclaration = declaration.memberDeclaration();
        if (!memberDeclaration) {
            continue;
        }
        const modifiers = modifiersOf(declaration.modifier_list());
        const method = memberDeclaration.methodDeclaration();
        const field = memberDeclaration.fieldDeclaration();
        const property = memberDeclaration.propertyDeclaration();
        const constructor = memberDeclaration.constructorDeclaration();
        const innerClass = memberDeclaration.classDeclaration();
        const innerInterface = memberDeclaration.interfaceDeclaration();
        const innerEnum = memberDeclaration.enumDeclaration();
        if (method) {
            const m = member('method', method.id().getText(), method.typeRef(), modifiers, method);
            m.arity = method.formalParameters().formalParameterList()?.formalParameter_list().length ?? 0;
            if (!info.methods.has(m.lname)) {
                info.methods.set(m.lname, []);
            }
            info.methods.get(m.lname).push(m);
        } else if (field) {
            for (const declarator of field.variableDeclarators().variableDeclarator_list()) {
                const f = member('field', declarator.id().getText(), field.typeRef(), modifiers, declarator);
                info.fields.set(f.lname, f);
            }
        } else if (property) {
            const p = member('property', property.id().getText(), property.typeRef(), modifiers, property);
            info.fields.set(p.lname, p);
        } else if (constructor) {
            info.constructors.push(member('constructor', info.name, undefined, modifiers, constructor));
        } else if (innerClass || innerInterface || innerEnum) {
            const node = innerClass ?? innerInterface ?? innerEnum;
            const kind = innerClass ? 'class' : innerInterface ? 'interface' : 'enum';
            const inner = typeInfo(node, kind, modifiers, info.file, info);
            info.inner.set(inner.lname, inner);
            if (innerClass) {
                readClassBody(inner, innerClass.classBody());
            } else if (innerInterface) {
                readInterfaceBody(inner, innerInterface.interfaceBody());
            }
        }
    }
}

function readInterfaceBody(info, body) {
    for (const declaration of body?.interfaceMethodDeclaration_list() ?? []) {
        const modifiers = modifiersOf(declaration.modifier_list());
        modifiers.keywords.add('public'); // interface methods have the interface's access
        const m = member('method', declaration.id().getText(), declaration.typeRef(), modifiers, declaration);
        if (!info.methods.has(m.lname)) {
            info.methods.set(m.lname, []);
        }
        info.methods.get(m.lname).push(m);
    }
}

const indexes = new WeakMap();

/**
 * The project's Apex, read once per model: `files` (one entry per class or trigger that parses:
 * { file, name, kind, tree, top }), `types` (lower-case full name → type: { name, fullName, kind, file,
 * node, outer, top, keywords, annotations, access, explicitAccess, isTest, extendsType, methods (lower
 * name → members), fields (fields and properties), constructors, inner }), and `resolveType(typeKey,
 * fromType)`, the project type a type name means where it is written (inner types of the enclosing class
 * first, then top-level classes), or undefined for anything else (standard types, SObjects, generics).
 * Files that do not parse are left out (the syntax check reports them).
 */
export function apexIndex(model) {
    if (indexes.has(model)) {
        return indexes.get(model);
    }
    const files = [];
    const types = new Map();
    const sources = [
        ...[...model.classes].map(([name, entry]) => ({ name, file: entry.file, kind: 'class' })),
        ...[...model.triggers].map(([name, entry]) => ({ name, file: entry.file, kind: 'trigger' }))
    ];
    for (const source of sources) {
        const tree = model.apexTree(source.file);
        if (!tree) {
            continue;
        }
        const entry = { ...source, tree, top: undefined };
        if (source.kind === 'class') {
            const declaration = tree.typeDeclaration();
            const modifiers = modifiersOf(declaration?.modifier_list());
            const node =
                declaration?.classDeclaration() ??
                declaration?.interfaceDeclaration() ??
                declaration?.enumDeclaration();
            if (node) {
                const kind = declaration.classDeclaration()
                    ? 'class'
                    : declaration.interfaceDeclaration()
                      ? 'interface'
                      : 'enum';
                const top = typeInfo(node, kind, modifiers, source.file, undefined);
                if (kind === 'class') {
                    readClassBody(top, node.classBody());
                } else if (kind === 'interface') {
                    readInterfaceBody(top, node.interfaceBody());
                }
                entry.top = top;
                types.set(top.lname, top);
                for (const inner of top.inner.values()) {
                    types.set(`${top.lname}.${inner.lname}`, inner);
                }
            }
        }
        files.push(entry);
    }
    const byNode = new Map([...types.values()].map((t) => [t.node, t]));
    const index = {
        files,
        types,
        /** The project type a type key names, seen from inside `fromType` (or from a trigger). */
        resolveType(type, fromType) {
            if (!type || /[<>[\]]/.test(type)) {
                return undefined;
            }
            const parts = type.split('.');
            if (parts.length === 1) {
                return fromType?.top.inner.get(parts[0]) ?? types.get(parts[0]);
            }
            if (parts.length === 2) {
                return types.get(`${parts[0]}.${parts[1]}`);
            }
            return undefined;
        },
        /** The project type whose declaration encloses a node, or undefined (triggers). */
        enclosingType(node) {
            for (let n = node; n; n = n.parentCtx) {
                const found = byNode.get(n);
                if (found) {
                    return found;
                }
            }
            return undefined;
        },
        /** The superclass of a project class, when it is a project class. */
        superclassOf(type) {
            return type?.extendsType ? index.resolveType(type.extendsType, type) : undefined;
        }
    };
    indexes.set(model, index);
    return index;
}

const SCOPE_OWNERS = [
    Apex.MethodDeclarationContext,
    Apex.ConstructorDeclarationContext,
    Apex.PropertyDeclarationContext,
    Apex.ClassBodyDeclarationContext,
    Apex.TriggerUnitContext,
    Apex.AnonymousUnitContext
];
const localsCache = new WeakMap();

function addLocal(locals, id, typeNode) {
    const name = id.getText().toLowerCase();
    if (!locals.has(name)) {
        locals.set(name, new Set());
    }
    locals.get(name).add(typeKey(typeNode));
}

/** Names declared inside a method, constructor, property, initializer or trigger: lower name → type keys. */
function localsOf(owner) {
    if (localsCache.has(owner)) {
        return localsCache.get(owner);
    }
    const locals = new Map();
    if (owner instanceof Apex.PropertyDeclarationContext) {
        locals.set('value', new Set([typeKey(owner.typeRef())]));
    }
    walk(owner, (node) => {
        if (node !== owner && (node instanceof Apex.ClassDeclarationContext || node instanceof Apex.ClassBodyContext)) {
            return false;
        }
        if (node instanceof Apex.FormalParameterContext) {
            addLocal(locals, node.id(), node.typeRef());
        } else if (
            node instanceof Apex.LocalVariableDeclarationContext ||
            (node instanceof Apex.FieldDeclarationContext &&
                (owner instanceof Apex.TriggerUnitContext || owner instanceof Apex.AnonymousUnitContext))
        ) {
            // the top-level variables of a trigger or of anonymous Apex are read by the grammar as field declarations
            for (const declarator of node.variableDeclarators().variableDeclarator_list()) {
                addLocal(locals, declarator.id(), node.typeRef());
            }
        } else if (node instanceof Apex.EnhancedForControlContext) {
            addLocal(locals, node.id(), node.typeRef());
        } else if (node instanceof Apex.CatchClauseContext) {
            addLocal(locals, node.id(), node.qualifiedName());
        } else if (node instanceof Apex.WhenValueContext && node.typeRef() && node.id()) {
            addLocal(locals, node.id(), node.typeRef());
        }
        return true;
    });
    localsCache.set(owner, locals);
    return locals;
}

/**
 * What a plain name means where it is written: { found: true, type } when it is a variable (a local,
 * parameter, field or property of the enclosing classes or their project superclasses; `type` is its
 * type key, or undefined when two declarations of that name disagree), { found: false } otherwise.
 * Locals are collected per method, not per block: a name declared twice with different types is unknown.
 */
export function declaredType(index, node, name) {
    const owner = closest(node, ...SCOPE_OWNERS);
    if (owner && !(owner instanceof Apex.ClassBodyDeclarationContext && !owner.block())) {
        const local = localsOf(owner).get(name);
        if (local) {
            return { found: true, type: local.size === 1 ? [...local][0] : undefined };
        }
    }
    for (let type = index.enclosingType(node); type; type = type.outer) {
        const seen = new Set();
        for (let t = type; t && !seen.has(t); t = index.superclassOf(t)) {
            seen.add(t);
            const field = t.fields.get(name);
            if (field) {
                return { found: true, type: field.type, scope: t };
            }
        }
    }
    return { found: false };
}

/**
 * What an expression is, when the code says so: { type } for a project type named in the code (`Other`,
 * `Other.Inner`); { key, scope } for a value whose declared type key is `key`, written inside the project
 * type `scope` (resolve project types with `index.resolveType(key, scope)`); undefined when unknown.
 * Knows variables, fields and properties of project types, list elements, `new`, casts, inline SOQL
 * (`list<object>`), and custom metadata's `X__mdt.getInstance(…)`, `X__mdt.getAll()` and `map.values()`.
 */
export function expressionType(index, expression) {
    const scope = index.enclosingType(expression);
    if (expression instanceof Apex.SubExpressionContext) {
        return expressionType(index, expression.expression());
    }
    if (expression instanceof Apex.CastExpressionContext) {
        return { key: typeKey(expression.typeRef()), scope };
    }
    if (expression instanceof Apex.NewExpressionContext) {
        return { key: typeKey(expression.creator().createdName()), scope };
    }
    if (expression instanceof Apex.PrimaryExpressionContext) {
        const primary = expression.primary();
        if (primary instanceof Apex.IdPrimaryContext) {
            const name = primary.getText().toLowerCase();
            const variable = declaredType(index, expression, name);
            if (variable.found) {
                return variable.type ? { key: variable.type, scope: variable.scope ?? scope } : undefined;
            }
            const type = index.resolveType(name, scope);
            return type ? { type } : undefined;
        }
        if (primary instanceof Apex.SoqlPrimaryContext) {
            const from = primary.soqlLiteral().query().fromNameList().fieldName(0);
            return from ? { key: `list<${from.getText().toLowerCase()}>`, scope } : undefined;
        }
        return undefined;
    }
    if (expression instanceof Apex.ArrayExpressionContext) {
        const list = expressionType(index, expression.expression(0));
        const element = elementTypeOf(list?.key);
        return element ? { key: element, scope: list.scope } : undefined;
    }
    if (expression instanceof Apex.DotExpressionContext && expression.anyId()) {
        const left = expressionType(index, expression.expression());
        const name = expression.anyId().getText().toLowerCase();
        if (left?.type?.inner.has(name)) {
            return { type: left.type.inner.get(name) };
        }
        const owner = left?.type ?? (left && index.resolveType(left.key, left.scope));
        const field = owner?.fields.get(name);
        return field?.type ? { key: field.type, scope: owner } : undefined;
    }
    const call = dotCallOf(expression);
    if (call) {
        const receiver = call.receiver;
        const receiverName = nameOf(receiver);
        if (receiverName?.endsWith('__mdt') && !declaredType(index, receiver, receiverName).found) {
            if (call.name === 'getinstance') {
                return { key: receiverName, scope };
            }
            if (call.name === 'getall') {
                return { key: `map<string,${receiverName}>`, scope };
            }
        }
        if (call.name === 'values' && call.args.length === 0) {
            const map = expressionType(index, receiver);
            const value = /^map<[^,<>]+,(.+)>$/.exec(map?.key ?? '');
            return value ? { key: `list<${value[1]}>`, scope: map.scope } : undefined;
        }
    }
    return undefined;
}

/** True when a type's access lets code in `fromTop` (a top-level type, or undefined for a trigger) see it. */
export function isAccessible(memberOrType, ownerTop, fromTop) {
    if (fromTop && ownerTop === fromTop) {
        return true;
    }
    if (memberOrType.access !== 'private') {
        return true;
    }
    return memberOrType.annotations.has('testvisible') && Boolean(fromTop?.isTest);
}
