// The messages a checker can print, read from its source: every call that hands a message to a sink (a rule's
// `report(file, message)`, a checker's `problems.push(…)`) gives one template per place the message is written.
// The template keeps the literal text of the message; what the code computes becomes a wildcard:
//
//   report(file, `${where}: type "${type}" is not a field type`)   →   … : type "…" is not a field type
//
// A function that passes its parameter on to a sink (`const say = (message) => report(file, `${where}: ${message}`)`)
// is a wrapper when it is called with text for that parameter: each call of it is a place of its own, its
// argument laid into the wrapper's text. Wrappers are followed through variables, parameters (a wrapper handed
// to a helper), destructured objects and functions returned by a local function. A function that calls itself
// builds its text as it goes (a path, a depth): its parameters stay wildcards. A conditional inside a message
// (`a ? 'are' : 'is'`) gives alternatives, each of which must be printed once; a fallback (`a ?? 'none'`) is a
// wildcard; a constant string is read through its variable; a property of an object a local (or imported)
// function returns (`{ problem: '…' }`, `{ error: '…' }`) is read from each of its return statements, when it
// returns nothing but object literals. A function that writes messages but goes somewhere its calls cannot be
// read (handed to an imported function, kept in an array) is reported, so no message escapes unseen.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as acorn from 'acorn';

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const MAX_DEPTH = 12;

/** A part of a template: literal text, a wildcard, a parameter of a wrapper, or alternatives. */
const lit = (s) => ({ t: 'lit', s });
const ANY = { t: 'any' };

function normalize(parts) {
    const out = [];
    for (const part of parts) {
        if (part.t === 'alt') {
            const options = dedupe(part.options.map(normalize));
            if (options.length === 1) {
                out.push(...options[0]);
                continue;
            }
            if (options.every((o) => o.length === 1 && o[0].t === 'any')) {
                out.push(ANY);
                continue;
            }
            out.push({ t: 'alt', options });
            continue;
        }
        const last = out[out.length - 1];
        if (part.t === 'lit' && part.s === '') {
            continue;
        }
        if (part.t === 'lit' && last?.t === 'lit') {
            out[out.length - 1] = lit(last.s + part.s);
        } else if (part.t === 'any' && last?.t === 'any') {
            continue;
        } else {
            out.push(part);
        }
    }
    return out;
}

function dedupe(options) {
    const seen = new Map();
    for (const option of options) {
        seen.set(
            JSON.stringify(option, (k, v) => (k === 'fn' ? v.start : v)),
            option
        );
    }
    return [...seen.values()];
}

/** The text of a template, wildcards shown as …, alternatives as {a|b}. */
export function templateText(parts) {
    return parts
        .map((p) =>
            p.t === 'lit'
                ? p.s
                : p.t === 'alt'
                  ? `{${p.options.map((o) => templateText(o) || '∅').join('|')}}`
                  : p.t === 'any'
                    ? '…'
                    : '<hole>'
        )
        .join('');
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regular expression for a template, anchored at both ends, with one capturing group per alternative so a
 * match tells which alternatives it went through. Returns { regex, branches: [{ alt, option }] } (branch i is
 * group i + 1).
 */
export function compileTemplate(parts) {
    const branches = [];
    let altCount = 0;
    const build = (list) =>
        list
            .map((p) => {
                if (p.t === 'lit') {
                    return escape(p.s);
                }
                if (p.t === 'any') {
                    return '[\\s\\S]*?';
                }
                const alt = altCount++;
                // Longer options first, the empty one last, so a wildcard next to them does not swallow their text.
                const ordered = p.options
                    .map((option, index) => ({ option, index, length: templateText(option).length }))
                    .sort((a, b) => b.length - a.length);
                const groups = ordered.map(({ option, index }) => {
                    branches.push({ alt, option: index, text: templateText(option) });
                    return `(${build(option)})`;
                });
                return `(?:${groups.join('|')})`;
            })
            .join('');
    const source = `^${build(parts)}$`;
    return { regex: new RegExp(source), branches };
}

// ---------------------------------------------------------------------------------------------------------------
// The syntax tree

function parse(text) {
    const ast = acorn.parse(text, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
    const visit = (node, parent) => {
        node.parent = parent;
        for (const [key, value] of Object.entries(node)) {
            if (key === 'parent') {
                continue;
            }
            if (Array.isArray(value)) {
                value.forEach((child) => child && typeof child.type === 'string' && visit(child, node));
            } else if (value && typeof value.type === 'string') {
                visit(value, node);
            }
        }
    };
    visit(ast, undefined);
    return ast;
}

/** Every node under `root`; with `skipFunctions`, nested functions are yielded but not entered. */
function* nodesOf(root, skipFunctions = false) {
    const stack = [root];
    while (stack.length > 0) {
        const node = stack.pop();
        yield node;
        if (skipFunctions && node !== root && FUNCTION_TYPES.has(node.type)) {
            continue;
        }
        for (const [key, value] of Object.entries(node)) {
            if (key === 'parent') {
                continue;
            }
            for (const child of Array.isArray(value) ? value : [value]) {
                if (child && typeof child.type === 'string') {
                    stack.push(child);
                }
            }
        }
    }
}

function enclosingFunction(node) {
    for (let n = node.parent; n; n = n.parent) {
        if (FUNCTION_TYPES.has(n.type)) {
            return n;
        }
    }
    return undefined;
}

function isAncestor(ancestor, node) {
    for (let n = node; n; n = n.parent) {
        if (n === ancestor) {
            return true;
        }
    }
    return false;
}

/** The names a pattern binds: [{ name, path }] (path: the property names of a destructuring, outside in). */
function namesOfPattern(pattern, pathSoFar = []) {
    if (!pattern) {
        return [];
    }
    switch (pattern.type) {
        case 'Identifier':
            return [{ name: pattern.name, path: pathSoFar, node: pattern }];
        case 'AssignmentPattern':
            return namesOfPattern(pattern.left, pathSoFar);
        case 'RestElement':
            return namesOfPattern(pattern.argument, [...pathSoFar, '…']);
        case 'ArrayPattern':
            return pattern.elements.flatMap((e, i) => namesOfPattern(e, [...pathSoFar, `[${i}]`]));
        case 'ObjectPattern':
            return pattern.properties.flatMap((p) =>
                p.type === 'RestElement'
                    ? namesOfPattern(p.argument, [...pathSoFar, '…'])
                    : namesOfPattern(p.value, [...pathSoFar, p.key.name ?? p.key.value])
            );
        default:
            return [];
    }
}

// ---------------------------------------------------------------------------------------------------------------
// One source file

class SourceFile {
    constructor(file, config, loader) {
        this.file = file;
        this.config = config;
        this.loader = loader;
        this.text = readFileSync(file, 'utf8');
        this.ast = parse(this.text);
        const nodes = [...nodesOf(this.ast)];
        this.calls = nodes.filter((n) => n.type === 'CallExpression');
        this.functions = nodes.filter((n) => FUNCTION_TYPES.has(n.type));
        // Declarations by the function (or the module) whose body holds them.
        this.declarations = new Map();
        const declare = (owner, name, entry) => {
            if (!this.declarations.has(owner)) {
                this.declarations.set(owner, new Map());
            }
            const names = this.declarations.get(owner);
            names.set(name, [...(names.get(name) ?? []), entry]);
        };
        for (const n of nodes) {
            const owner = enclosingFunction(n) ?? this.ast;
            if (n.type === 'VariableDeclarator') {
                for (const { name, path: bindingPath } of namesOfPattern(n.id)) {
                    declare(owner, name, { kind: 'variable', declarator: n, path: bindingPath });
                }
            } else if (n.type === 'FunctionDeclaration' && n.id) {
                declare(owner, n.id.name, { kind: 'function', fn: n });
            } else if (n.type === 'ImportDeclaration') {
                for (const specifier of n.specifiers) {
                    declare(owner, specifier.local.name, {
                        kind: 'import',
                        source: n.source.value,
                        imported: specifier.imported?.name ?? 'default'
                    });
                }
            }
        }
        this.lookups = new Map();
        this.callMemo = new Map();
    }

    /** Where a name used at `node` is declared. */
    lookup(name, node) {
        const key = node.type === 'Identifier' && node.name === name ? node : undefined;
        if (key && this.lookups.has(key)) {
            return this.lookups.get(key);
        }
        const found = this.#lookup(name, node);
        if (key) {
            this.lookups.set(key, found);
        }
        return found;
    }

    #lookup(name, node) {
        for (let scope = enclosingFunction(node); ; scope = enclosingFunction(scope)) {
            if (scope) {
                for (const [index, param] of scope.params.entries()) {
                    const found = namesOfPattern(param).find((n) => n.name === name);
                    if (found) {
                        return { kind: 'param', fn: scope, index, path: found.path };
                    }
                }
                if (scope.id?.name === name && scope.type === 'FunctionExpression') {
                    return { kind: 'function', fn: scope };
                }
            }
            const candidates = this.declarations.get(scope ?? this.ast)?.get(name) ?? [];
            // The nearest: a declaration whose block holds `node`, the innermost (latest) first.
            const visible = candidates.filter((c) => {
                const decl = c.declarator ?? c.fn;
                if (!decl) {
                    return true;
                }
                const block = decl.type === 'VariableDeclarator' ? decl.parent.parent : decl.parent;
                return block.type === 'Program' || isAncestor(block, node);
            });
            const list = visible.length > 0 ? visible : candidates;
            if (list.length > 0) {
                return list.sort(
                    (a, b) => ((b.declarator ?? b.fn)?.start ?? 0) - ((a.declarator ?? a.fn)?.start ?? 0)
                )[0];
            }
            if (!scope) {
                return undefined;
            }
        }
    }

    /** A key for what a binding holds. */
    static keyOf(binding) {
        if (binding.kind === 'param') {
            return `p${binding.fn.start}:${binding.index}:${binding.path.join('.')}`;
        }
        if (binding.kind === 'variable') {
            return `v${binding.declarator.start}:${binding.path.join('.')}`;
        }
        return undefined;
    }

    /**
     * The functions each variable and parameter can hold, found once for the whole file: a function written into
     * a variable, handed to a parameter (also inside an object literal a parameter destructures), or returned by a
     * function whose result a variable keeps; a rule's `report` is a sink. Repeated until nothing changes.
     */
    #flow() {
        if (this.values) {
            return;
        }
        this.values = new Map();
        let changed = true;
        const addAll = (key, functions) => {
            if (!key || functions.size === 0) {
                return;
            }
            if (!this.values.has(key)) {
                this.values.set(key, new Set());
            }
            const set = this.values.get(key);
            for (const fn of functions) {
                if (!set.has(fn)) {
                    set.add(fn);
                    changed = true;
                }
            }
        };
        const valueOf = (expression) => {
            if (expression && FUNCTION_TYPES.has(expression.type)) {
                return new Set([expression]);
            }
            if (expression?.type === 'Identifier') {
                return this.functionsOf(expression);
            }
            return new Set();
        };
        const params = [];
        const variables = [];
        for (const names of this.declarations.values()) {
            for (const entries of names.values()) {
                variables.push(...entries.filter((e) => e.kind === 'variable' && e.path.length === 0));
            }
        }
        for (const fn of this.functions) {
            for (const [index, param] of fn.params.entries()) {
                for (const { path: bindingPath } of namesOfPattern(param)) {
                    params.push({ kind: 'param', fn, index, path: bindingPath });
                }
            }
        }
        for (const binding of params) {
            const sink = this.config.sinkParam?.(binding);
            if (sink) {
                this.values.set(SourceFile.keyOf(binding), new Set([sink]));
            }
        }
        while (changed) {
            changed = false;
            for (const binding of variables) {
                const init = binding.declarator.init;
                addAll(SourceFile.keyOf(binding), valueOf(init));
                if (init?.type === 'CallExpression' && init.callee.type === 'Identifier') {
                    for (const fn of this.functionsOf(init.callee)) {
                        for (const n of fn.body ? nodesOf(fn.body, true) : []) {
                            if (n.type === 'ReturnStatement') {
                                addAll(SourceFile.keyOf(binding), valueOf(n.argument));
                            }
                        }
                    }
                }
            }
            for (const call of this.calls) {
                if (call.callee.type !== 'Identifier') {
                    continue;
                }
                for (const fn of this.functionsOf(call.callee)) {
                    for (const binding of params.filter((b) => b.fn === fn)) {
                        let arg = call.arguments[binding.index];
                        for (const key of binding.path) {
                            arg =
                                arg?.type === 'ObjectExpression'
                                    ? arg.properties.find((p) => p.type === 'Property' && p.key.name === key)?.value
                                    : undefined;
                        }
                        addAll(SourceFile.keyOf(binding), valueOf(arg));
                    }
                }
            }
        }
    }

    /** The functions (AST nodes) or sinks an identifier can call. */
    functionsOf(identifier) {
        const binding = this.lookup(identifier.name, identifier);
        if (binding?.kind === 'function') {
            return new Set([binding.fn]);
        }
        if (!binding || binding.kind === 'import') {
            return new Set();
        }
        this.#flow();
        return this.values.get(SourceFile.keyOf(binding)) ?? new Set();
    }

    /** The calls of a function of this file, through any name that can hold it. */
    callsOf(fn) {
        if (!this.callMemo.has(fn)) {
            this.callMemo.set(
                fn,
                this.calls.filter((call) => call.callee.type === 'Identifier' && this.functionsOf(call.callee).has(fn))
            );
        }
        return this.callMemo.get(fn);
    }

    /** True when an expression is text: a literal, a template, a concatenation, a choice of texts or a text variable. */
    isText(expression) {
        if (!expression) {
            return false;
        }
        switch (expression.type) {
            case 'Literal':
                return typeof expression.value === 'string';
            case 'TemplateLiteral':
                return true;
            case 'BinaryExpression':
                return expression.operator === '+' && (this.isText(expression.left) || this.isText(expression.right));
            case 'ConditionalExpression':
                return this.isText(expression.consequent) || this.isText(expression.alternate);
            case 'Identifier': {
                const binding = this.lookup(expression.name, expression);
                return (
                    binding?.kind === 'param' ||
                    (binding?.kind === 'variable' && binding.path.length === 0 && this.isText(binding.declarator.init))
                );
            }
            case 'MemberExpression':
                return this.returnedProperty(expression) !== undefined;
            default:
                return false;
        }
    }

    /**
     * For `x.prop` where `const x = f(…)`, or a name destructured from `f(…)`: the values of `prop` in the
     * objects the local (or imported) function `f` returns.
     */
    returnedProperty(expression) {
        let call;
        let property;
        if (expression.type === 'MemberExpression' && !expression.computed && expression.object.type === 'Identifier') {
            const binding = this.lookup(expression.object.name, expression);
            if (binding?.kind === 'variable' && binding.path.length === 0) {
                call = binding.declarator.init;
                property = expression.property.name;
            }
        } else if (expression.type === 'Identifier') {
            const binding = this.lookup(expression.name, expression);
            if (binding?.kind === 'variable' && binding.path.length === 1) {
                call = binding.declarator.init;
                property = binding.path[0];
            }
        }
        if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier') {
            return undefined;
        }
        const binding = this.lookup(call.callee.name, call.callee);
        let owner = this;
        let fn;
        if (binding?.kind === 'function') {
            fn = binding.fn;
        } else if (binding?.kind === 'import' && binding.source.startsWith('.')) {
            owner = this.loader(path.resolve(path.dirname(this.file), binding.source));
            fn = owner.exportedFunction(binding.imported);
        }
        if (!fn) {
            return undefined;
        }
        // Only a function that returns nothing but object literals is read: any other return could hold anything.
        const values = [];
        let opaque = false;
        const collect = (node) => {
            if (node?.type === 'ConditionalExpression') {
                collect(node.consequent);
                collect(node.alternate);
            } else if (node?.type === 'ObjectExpression') {
                const found = node.properties.find((p) => p.type === 'Property' && p.key.name === property);
                if (found) {
                    values.push(found.value);
                }
                opaque ||= node.properties.some((p) => p.type === 'SpreadElement');
            } else {
                opaque = true;
            }
        };
        for (const n of nodesOf(fn.body, true)) {
            if (n.type === 'ReturnStatement') {
                collect(n.argument);
            }
        }
        return values.length > 0 && !opaque ? { owner, values } : undefined;
    }

    exportedFunction(name) {
        for (const statement of this.ast.body) {
            const decl = statement.type === 'ExportNamedDeclaration' ? statement.declaration : undefined;
            if (decl?.type === 'FunctionDeclaration' && decl.id.name === name) {
                return decl;
            }
        }
        return undefined;
    }

    /** The template of an expression, in its own context. */
    template(expression, depth = 0) {
        if (!expression || depth > MAX_DEPTH) {
            return [ANY];
        }
        switch (expression.type) {
            case 'Literal':
                return [lit(String(expression.value))];
            case 'TemplateLiteral':
                return expression.quasis.flatMap((q, i) => [
                    lit(q.value.cooked),
                    ...(i < expression.expressions.length ? this.template(expression.expressions[i], depth + 1) : [])
                ]);
            case 'BinaryExpression':
                return expression.operator === '+'
                    ? [...this.template(expression.left, depth + 1), ...this.template(expression.right, depth + 1)]
                    : [ANY];
            case 'ConditionalExpression':
                return [
                    {
                        t: 'alt',
                        options: [
                            this.template(expression.consequent, depth + 1),
                            this.template(expression.alternate, depth + 1)
                        ]
                    }
                ];
            case 'Identifier': {
                const binding = this.lookup(expression.name, expression);
                if (binding?.kind === 'param' && binding.path.length === 0) {
                    return [{ t: 'param', fn: binding.fn, index: binding.index }];
                }
                if (
                    binding?.kind === 'variable' &&
                    binding.path.length === 0 &&
                    binding.declarator.parent.kind === 'const' &&
                    this.isText(binding.declarator.init)
                ) {
                    return this.template(binding.declarator.init, depth + 1);
                }
                const provided = this.returnedProperty(expression);
                return provided ? this.provided(provided, depth) : [ANY];
            }
            case 'MemberExpression': {
                const provided = this.returnedProperty(expression);
                return provided ? this.provided(provided, depth) : [ANY];
            }
            default:
                return [ANY];
        }
    }

    provided({ owner, values }, depth) {
        // Parameters of the providing function are its own business: wildcards here.
        const strip = (parts) =>
            parts.map((p) =>
                p.t === 'param' ? ANY : p.t === 'alt' ? { ...p, options: p.options.map((o) => strip(o)) } : p
            );
        return [{ t: 'alt', options: values.map((v) => strip(owner.template(v, depth + 1))) }];
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Sinks, wrappers and the places messages are written

/** Replaces each parameter part of `fn` by the template of the call's argument (a wildcard when there is none). */
function substitute(parts, fn, call, source) {
    return parts.flatMap((p) => {
        if (p.t === 'alt') {
            return [{ ...p, options: p.options.map((o) => substitute(o, fn, call, source)) }];
        }
        if (p.t === 'hole' && p.fn === fn) {
            const arg = call.arguments[p.index];
            return arg && arg.type !== 'SpreadElement' ? source.template(arg) : [ANY];
        }
        return [p];
    });
}

/** Parameters of enclosing functions left in a template. */
function paramsIn(parts, found = []) {
    for (const p of parts) {
        if (p.t === 'param') {
            found.push(p);
        } else if (p.t === 'alt') {
            p.options.forEach((o) => paramsIn(o, found));
        }
    }
    return found;
}

function replaceParams(parts, keep) {
    return parts.map((p) => {
        if (p.t === 'param') {
            return keep(p) ? { t: 'hole', fn: p.fn, index: p.index } : ANY;
        }
        if (p.t === 'alt') {
            return { ...p, options: p.options.map((o) => replaceParams(o, keep)) };
        }
        return p;
    });
}

/**
 * The places a file writes messages.
 * @param {string} file
 * @param {{ sinkParam?: Function, sinkCall?: Function }} config
 *   sinkParam(binding) → a sink object when a parameter is a sink (a rule's `report`);
 *   sinkCall(call) → the message expression when a call is a sink itself (`problems.push(…)`), or undefined
 * @returns {{ file: string, line: number, endLine: number, parts: object[], text: string }[]}
 */
export function messageSites(file, config) {
    const cache = new Map();
    const loader = (f) => {
        const resolved = f.endsWith('.mjs') ? f : `${f}.mjs`;
        if (!cache.has(resolved)) {
            cache.set(resolved, new SourceFile(resolved, {}, loader));
        }
        return cache.get(resolved);
    };
    const source = new SourceFile(file, config, loader);
    const sites = new Map();
    const seen = new Set();
    const messageFunctions = new Set();

    /** A call that hands `parts` (with holes for its own arguments) to a sink. */
    const follow = (call, parts, chain) => {
        const key = `${call.start}|${JSON.stringify(parts, (k, v) => (k === 'fn' ? v.start : v))}`;
        if (seen.has(key)) {
            return;
        }
        seen.add(key);
        const params = paramsIn(parts);
        // A parameter is the wrapper's message when the function is called here with text for it.
        const wrappers = new Map();
        for (const p of params) {
            const calls = source.callsOf(p.fn);
            // A function that calls itself builds its text as it goes (a path, a depth): that text is data.
            if (chain.includes(p.fn) || calls.some((c) => isAncestor(p.fn, c))) {
                continue;
            }
            if (calls.some((c) => source.isText(c.arguments[p.index]))) {
                if (!wrappers.has(p.fn)) {
                    wrappers.set(p.fn, { fn: p.fn, calls });
                }
            }
        }
        if (wrappers.size === 0) {
            const final = normalize(replaceParams(parts, () => false));
            const at = `${call.start}`;
            if (!sites.has(at)) {
                sites.set(at, { call, templates: [] });
            }
            sites.get(at).templates.push(final);
            return;
        }
        for (const { fn, calls } of wrappers.values()) {
            messageFunctions.add(fn);
            const wrapperParts = replaceParams(parts, (p) => p.fn === fn);
            for (const outer of calls) {
                follow(outer, substitute(wrapperParts, fn, outer, source), [...chain, fn]);
            }
        }
    };

    for (const call of source.calls) {
        const direct = config.sinkCall?.(call);
        if (direct) {
            follow(call, source.template(direct), []);
            continue;
        }
        if (call.callee.type !== 'Identifier') {
            continue;
        }
        for (const target of source.functionsOf(call.callee)) {
            if (target.sink) {
                messageFunctions.add(target);
                const arg = call.arguments[target.messageArg];
                follow(call, arg ? source.template(arg) : [ANY], []);
            }
        }
    }

    return {
        sites: [...sites.values()]
            .sort((a, b) => a.call.start - b.call.start)
            .flatMap(({ call, templates }) =>
                dedupe(templates).map((parts) => ({
                    file,
                    line: call.loc.start.line,
                    endLine: call.loc.end.line,
                    parts,
                    text: templateText(parts)
                }))
            ),
        unfollowed: unfollowed(source, messageFunctions)
    };
}

/**
 * Where a function that writes messages goes somewhere its calls cannot be followed (handed to an imported
 * function, kept in an array, returned …): the messages written through it would have no template.
 */
function unfollowed(source, messageFunctions) {
    const isLocalCall = (call) =>
        call?.type === 'CallExpression' &&
        call.callee.type === 'Identifier' &&
        source.functionsOf(call.callee).size > 0;
    const found = [];
    for (const node of nodesOf(source.ast)) {
        if (node.type !== 'Identifier' || !node.parent) {
            continue;
        }
        const parent = node.parent;
        const declares =
            (FUNCTION_TYPES.has(parent.type) && (parent.params.includes(node) || parent.id === node)) ||
            (parent.type === 'VariableDeclarator' && parent.id === node) ||
            (parent.type === 'Property' && parent.key === node && parent.value !== node) ||
            (parent.type === 'MemberExpression' && parent.property === node && !parent.computed) ||
            [
                'AssignmentPattern',
                'ObjectPattern',
                'ArrayPattern',
                'RestElement',
                'ImportSpecifier',
                'ImportDefaultSpecifier',
                'ImportNamespaceSpecifier',
                'ExportSpecifier'
            ].includes(parent.type) ||
            (parent.type === 'Property' && parent.parent?.type === 'ObjectPattern');
        if (declares || ![...source.functionsOf(node)].some((f) => messageFunctions.has(f))) {
            continue;
        }
        const followed =
            (parent.type === 'CallExpression' && (parent.callee === node || isLocalCall(parent))) ||
            (parent.type === 'Property' &&
                parent.value === node &&
                parent.parent.type === 'ObjectExpression' &&
                isLocalCall(parent.parent.parent)) ||
            (parent.type === 'VariableDeclarator' && parent.init === node);
        if (!followed) {
            found.push(`${path.basename(source.file)}:${node.loc.start.line} ${node.name}`);
        }
    }
    return found;
}

/** Sinks of a rule of scripts/checks/rules/: the `report` parameter of its `check(model, report, probe)`. */
export const RULE_SINKS = {
    sinkParam(binding) {
        const fn = binding.fn;
        const isCheck = fn.parent?.type === 'Property' && fn.parent.key.name === 'check';
        return isCheck && binding.index === 1 ? { sink: true, messageArg: 1 } : undefined;
    }
};

/** Sinks of a checker script: `problems.push(message)` or `problems.push({ …, message })`. */
export const PROBLEM_SINKS = {
    sinkCall(call) {
        const callee = call.callee;
        if (
            callee.type !== 'MemberExpression' ||
            callee.object.type !== 'Identifier' ||
            callee.object.name !== 'problems' ||
            callee.property.name !== 'push'
        ) {
            return undefined;
        }
        const [arg] = call.arguments;
        if (!arg || arg.type === 'SpreadElement') {
            return undefined;
        }
        if (arg.type === 'ObjectExpression') {
            return arg.properties.find((p) => p.type === 'Property' && p.key.name === 'message')?.value;
        }
        return arg;
    }
};
