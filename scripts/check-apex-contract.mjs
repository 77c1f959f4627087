#!/usr/bin/env node
// The Apex ↔ TypeScript contract matches the Apex. lwc-ts/types/ declares, per `@AuraEnabled` method the
// components call (`declare module '@salesforce/apex/Class.method'`), an `ApexMethod<Params, Result>`
// (or `ApexMethodNoParams<Result>`). Each declaration is compared with the Apex, parsed with
// @apexdevtools/apex-parser from the package directories of sfdx-project.json:
//   methods     the class exists and has a static `@AuraEnabled` method of that name (class and method
//               names compare as Apex does, ignoring case)
//   parameters  the declared parameter names are exactly the Apex parameter names (the JSON keys the
//               platform binds by name); a parameter's kind (string, number, boolean, array, object)
//               agrees with its Apex type
//   results     the result type's properties are exactly the `@AuraEnabled` instance fields and
//               properties of the Apex class returned (inherited ones included), compared by exact name,
//               followed through List<>, Set<>, arrays, Map<String, X> and nested classes; kinds agree.
//               `| null` and `| undefined` are ignored; string literal unions are strings; Object, Time,
//               Blob, sObjects, interfaces and unions of several object types are not looked into
//   wires       a component that `@wire`s an Apex method needs that method `cacheable=true`
//   wildcard    no `declare module '@salesforce/apex/*'`: without one, tsc already fails on a component
//               importing a method that has no declaration ("Cannot find module")
//
//   node scripts/check-apex-contract.mjs [PROJECT_DIR]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import ts from 'typescript';
import { ROOT } from './lib/lwc-bundles.mjs';
import { findFiles, parseArgs, runMain } from './lib/files.mjs';

const APEX_MODULE = '@salesforce/apex/';

// ---------------------------------------------------------------------------------------------------
// Apex side

class CollectingListener extends ApexErrorListener {
    errors = [];
    apexSyntaxError(line, column, message) {
        this.errors.push({ line, column, message });
    }
}

/** The package directories of sfdx-project.json (force-app when it names none). */
function packageDirs(projectDir) {
    const file = path.join(projectDir, 'sfdx-project.json');
    const dirs = existsSync(file)
        ? (JSON.parse(readFileSync(file, 'utf8')).packageDirectories ?? []).map((d) => d.path)
        : [];
    return (dirs.length > 0 ? dirs : ['force-app']).map((d) => path.join(projectDir, d));
}

function annotationsOf(modifiers) {
    return modifiers.map((m) => m.annotation()).filter(Boolean);
}

function hasModifier(modifiers, keyword) {
    return modifiers.some((m) => m.getText().toLowerCase() === keyword);
}

/** `{ aura, cacheable }` from the modifiers of a declaration. */
function auraOf(modifiers) {
    const aura = annotationsOf(modifiers).find((a) => a.id().getText().toLowerCase() === 'auraenabled');
    const pairs = aura?.elementValuePairs()?.elementValuePair_list() ?? [];
    const cacheable = pairs.some(
        (p) => p.id().getText().toLowerCase() === 'cacheable' && p.elementValue().getText().toLowerCase() === 'true'
    );
    return { aura: Boolean(aura), cacheable };
}

/** The model of a class, interface or enum declaration (inner classes are one level deep in Apex). */
function typeModel(kind, decl, file, outer) {
    const model = {
        kind,
        name: decl.id().getText(),
        qualifiedName: outer ? `${outer.name}.${decl.id().getText()}` : decl.id().getText(),
        file,
        line: decl.start.line,
        outer,
        inner: new Map(),
        methods: new Map(),
        members: [],
        extends: kind === 'class' ? decl.typeRef?.() : undefined
    };
    if (kind !== 'class') {
        return model;
    }
    for (const body of decl.classBody().classBodyDeclaration_list()) {
        const member = body.memberDeclaration();
        if (!member) {
            continue;
        }
        const modifiers = body.modifier_list();
        const isStatic = hasModifier(modifiers, 'static');
        const { aura, cacheable } = auraOf(modifiers);
        const method = member.methodDeclaration();
        const field = member.fieldDeclaration();
        const property = member.propertyDeclaration();
        if (method) {
            const name = method.id().getText();
            if (!model.methods.has(name.toLowerCase())) {
                model.methods.set(name.toLowerCase(), {
                    name,
                    line: method.start.line,
                    aura,
                    cacheable,
                    isStatic,
                    returnType: method.typeRef(),
                    params: (method.formalParameters().formalParameterList()?.formalParameter_list() ?? []).map(
                        (p) => ({ name: p.id().getText(), typeRef: p.typeRef() })
                    ),
                    owner: model
                });
            }
        } else if (field) {
            for (const variable of field.variableDeclarators().variableDeclarator_list()) {
                model.members.push({
                    name: variable.id().getText(),
                    typeRef: field.typeRef(),
                    line: variable.start.line,
                    aura,
                    isStatic
                });
            }
        } else if (property) {
            model.members.push({
                name: property.id().getText(),
                typeRef: property.typeRef(),
                line: property.start.line,
                aura,
                isStatic
            });
        } else {
            const inner = member.classDeclaration() ?? member.enumDeclaration() ?? member.interfaceDeclaration();
            if (inner) {
                const innerKind = member.classDeclaration() ? 'class' : member.enumDeclaration() ? 'enum' : 'interface';
                const innerModel = typeModel(innerKind, inner, file, model);
                model.inner.set(innerModel.name.toLowerCase(), innerModel);
            }
        }
    }
    return model;
}

/** Top-level Apex types by name, parsed when first asked for (a class's name is its file's name). */
class ApexIndex {
    constructor(projectDir) {
        this.projectDir = projectDir;
        this.files = new Map();
        for (const file of findFiles(packageDirs(projectDir), (name) => name.endsWith('.cls'))) {
            this.files.set(path.basename(file, '.cls').toLowerCase(), file);
        }
        this.parsed = new Map();
        this.syntaxErrors = [];
    }

    /** @returns the model of the top-level type, or undefined when there is none or it does not parse */
    topLevel(name) {
        const key = name.toLowerCase();
        if (!this.parsed.has(key)) {
            this.parsed.set(key, this.#parse(this.files.get(key)));
        }
        return this.parsed.get(key);
    }

    #parse(file) {
        if (!file) {
            return undefined;
        }
        const listener = new CollectingListener();
        const { parser } = ApexParserFactory.createLexerAndParser(readFileSync(file, 'utf8'), listener);
        const unit = parser.compilationUnit();
        if (listener.errors.length > 0) {
            this.syntaxErrors.push(file);
            return undefined;
        }
        const decl = unit.typeDeclaration();
        if (decl.classDeclaration()) {
            return typeModel('class', decl.classDeclaration(), file, undefined);
        }
        if (decl.enumDeclaration()) {
            return typeModel('enum', decl.enumDeclaration(), file, undefined);
        }
        return decl.interfaceDeclaration() ? typeModel('interface', decl.interfaceDeclaration(), file) : undefined;
    }

    /** A type named in the body of `context`: its own inner types, then the top-level types. */
    lookup(names, context) {
        if (names.length === 1) {
            const key = names[0].toLowerCase();
            for (let c = context; c; c = c.outer) {
                if (c.name.toLowerCase() === key) {
                    return c;
                }
                if (c.inner.has(key)) {
                    return c.inner.get(key);
                }
            }
            return this.topLevel(key);
        }
        if (names.length === 2) {
            return this.topLevel(names[0])?.inner.get(names[1].toLowerCase());
        }
        return undefined;
    }
}

const APEX_PRIMITIVES = {
    string: 'string',
    id: 'string',
    date: 'string',
    datetime: 'string',
    boolean: 'boolean',
    integer: 'number',
    long: 'number',
    decimal: 'number',
    double: 'number'
};

/**
 * What an Apex type becomes in JSON: `{ kind, text, of?, model? }` with kind string, number, boolean,
 * list, map, dto, void or unknown (not looked into).
 */
function apexShape(typeRef, context, index) {
    if (!typeRef) {
        return { kind: 'void', text: 'void' };
    }
    const text = typeRef.getText();
    let shape = apexNamedShape(typeRef.typeName_list(), context, index, text);
    for (let i = 0; i < (typeRef.arraySubscripts()?.LBRACK_list().length ?? 0); i++) {
        shape = { kind: 'list', text, of: shape };
    }
    return shape;
}

function apexNamedShape(typeNames, context, index, text) {
    const args = (n) => n.typeArguments()?.typeList().typeRef_list() ?? [];
    if (typeNames.length === 1 && (typeNames[0].LIST() || typeNames[0].SET())) {
        return { kind: 'list', text, of: apexShape(args(typeNames[0])[0], context, index) };
    }
    if (typeNames.length === 1 && typeNames[0].MAP()) {
        return { kind: 'map', text, of: apexShape(args(typeNames[0])[1], context, index) };
    }
    const names = typeNames.map((n) => n.id()?.getText() ?? n.getText());
    const simple = names.length === 2 && names[0].toLowerCase() === 'system' ? [names[1]] : names;
    if (simple.length === 1 && APEX_PRIMITIVES[simple[0].toLowerCase()]) {
        return { kind: APEX_PRIMITIVES[simple[0].toLowerCase()], text };
    }
    const model = index.lookup(names, context);
    if (model?.kind === 'enum') {
        return { kind: 'string', text };
    }
    if (model?.kind === 'class') {
        return { kind: 'dto', text, model };
    }
    return { kind: 'unknown', text };
}

/** The instance fields and properties of a class and its superclasses, by name. */
function membersOf(model, index, seen = new Set()) {
    const members = new Map();
    if (seen.has(model)) {
        return members;
    }
    seen.add(model);
    if (model.extends) {
        const parent = apexShape(model.extends, model.outer ?? model, index);
        if (parent.kind === 'dto') {
            for (const [name, member] of membersOf(parent.model, index, seen)) {
                members.set(name, member);
            }
        }
    }
    for (const member of model.members.filter((m) => !m.isStatic)) {
        members.set(member.name, { ...member, owner: model });
    }
    return members;
}

// ---------------------------------------------------------------------------------------------------
// TypeScript side

const NULLISH = ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void;

/** The kinds a TS type can have at run time, null and undefined left out, with its array and object parts. */
function tsShape(type, checker) {
    const parts = type.isUnion() && !(type.flags & ts.TypeFlags.Boolean) ? type.types : [type];
    const kinds = new Set();
    const arrays = [];
    const objects = [];
    for (const part of parts) {
        const flags = part.flags;
        if (flags & NULLISH || flags & ts.TypeFlags.Never) {
            continue;
        }
        if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter)) {
            kinds.add('unknown');
        } else if (flags & ts.TypeFlags.StringLike) {
            kinds.add('string');
        } else if (flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike)) {
            kinds.add('number');
        } else if (flags & ts.TypeFlags.BooleanLike) {
            kinds.add('boolean');
        } else if (checker.isArrayType(part) || checker.isTupleType(part)) {
            kinds.add('array');
            arrays.push(part);
        } else if (flags & ts.TypeFlags.Object || part.isIntersection()) {
            kinds.add('object');
            objects.push(part);
        } else {
            kinds.add('unknown');
        }
    }
    return { kinds, arrays, objects };
}

const ACCEPTS = { string: 'string', number: 'number', boolean: 'boolean', list: 'array', map: 'object', dto: 'object' };

function lineOf(node) {
    const source = node.getSourceFile();
    return { file: source.fileName, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 };
}

/** The default export of an ambient module, as `{ node, params, result }` type nodes. */
function apexMethodType(moduleDecl, checker) {
    const symbol = checker.getSymbolAtLocation(moduleDecl.name);
    const exported = symbol && checker.getExportsOfModule(symbol).find((s) => s.escapedName === 'default');
    if (!exported) {
        return { error: 'has no default export' };
    }
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const typeNode = target.valueDeclaration?.type;
    if (!typeNode || !ts.isTypeReferenceNode(typeNode)) {
        return { error: 'default export is not declared as ApexMethod<Params, Result> or ApexMethodNoParams<Result>' };
    }
    let referenced = checker.getSymbolAtLocation(typeNode.typeName);
    if (referenced && referenced.flags & ts.SymbolFlags.Alias) {
        referenced = checker.getAliasedSymbol(referenced);
    }
    const name = referenced?.name ?? typeNode.typeName.getText();
    const args = typeNode.typeArguments ?? [];
    if (name === 'ApexMethod' && args.length === 2) {
        return { node: typeNode, params: args[0], result: args[1] };
    }
    if (name === 'ApexMethodNoParams' && args.length === 1) {
        return { node: typeNode, params: undefined, result: args[0] };
    }
    return { error: 'default export is not declared as ApexMethod<Params, Result> or ApexMethodNoParams<Result>' };
}

// ---------------------------------------------------------------------------------------------------
// The comparison

/**
 * @param {string} projectDir
 * @returns {{ methods: number, dtos: number, problems: { file: string, line: number, message: string }[] }}
 */
export function checkApexContract(projectDir) {
    const problems = [];
    const index = new ApexIndex(projectDir);
    const typesDir = path.join(projectDir, 'lwc-ts', 'types');
    const declarationFiles = findFiles([typesDir], (name) => name.endsWith('.d.ts'));
    const program = ts.createProgram(declarationFiles, {
        strict: true,
        noEmit: true,
        noResolve: true,
        skipLibCheck: true,
        types: [],
        lib: ['lib.es5.d.ts'],
        target: ts.ScriptTarget.ESNext,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler
    });
    const checker = program.getTypeChecker();
    const apexPath = (file, line) => `${path.relative(projectDir, file).split(path.sep).join('/')}:${line}`;
    const dtos = new Set();
    const declared = new Map();
    let methods = 0;

    for (const source of program.getSourceFiles().filter((s) => declarationFiles.includes(path.resolve(s.fileName)))) {
        for (const statement of source.statements) {
            if (!ts.isModuleDeclaration(statement) || !ts.isStringLiteral(statement.name)) {
                continue;
            }
            const spec = statement.name.text;
            if (!spec.startsWith(APEX_MODULE)) {
                continue;
            }
            const at = lineOf(statement);
            const report = (message, where = at) =>
                problems.push({ ...where, core: message, message: `${spec}: ${message}` });
            if (spec.includes('*')) {
                report('a wildcard declaration lets a component import an Apex method nobody declared');
                continue;
            }
            const parts = spec.slice(APEX_MODULE.length).split('.');
            if (parts.length < 2 || parts.length > 3) {
                report('is not @salesforce/apex/Class.method');
                continue;
            }
            const [className, methodName] = parts.slice(-2);
            methods++;
            const declaration = apexMethodType(statement, checker);
            if (declaration.error) {
                report(declaration.error);
                continue;
            }
            const apexClass = index.topLevel(className);
            if (!apexClass) {
                // A class that does not parse is reported once, below.
                if (!index.files.has(className.toLowerCase())) {
                    report(`there is no Apex class ${className}`);
                }
                continue;
            }
            const method = apexClass.methods.get(methodName.toLowerCase());
            if (!method) {
                report(`${className} has no method ${methodName} (${apexPath(apexClass.file, apexClass.line)})`);
                continue;
            }
            if (!method.aura || !method.isStatic) {
                report(
                    `${className}.${method.name} is not a static @AuraEnabled method, so a component cannot call it (${apexPath(apexClass.file, method.line)})`
                );
                continue;
            }
            declared.set(spec, method);
            const where = `${className}.${method.name}`;
            const apexAt = apexPath(apexClass.file, method.line);

            // Parameters: exact names, then kinds.
            const paramsType = declaration.params && checker.getTypeFromTypeNode(declaration.params);
            const declaredParams = new Map(
                paramsType ? checker.getPropertiesOfType(paramsType).map((p) => [p.name, p]) : []
            );
            const apexParams = new Map(method.params.map((p) => [p.name, p]));
            if (
                paramsType &&
                declaredParams.size === 0 &&
                checker.getIndexInfosOfType(paramsType).length > 0 &&
                apexParams.size > 0
            ) {
                report(`declares no parameter by name; ${where} takes ${[...apexParams.keys()].join(', ')}`);
            } else {
                for (const [name, symbol] of declaredParams) {
                    if (!apexParams.has(name)) {
                        report(
                            `declared parameter "${name}" is not a parameter of ${where}(${method.params.map((p) => p.name).join(', ')})${caseHint(name, apexParams)} (${apexAt})`,
                            symbolAt(symbol) ?? at
                        );
                    }
                }
                for (const [name, param] of apexParams) {
                    if (!declaredParams.has(name)) {
                        report(
                            `Apex parameter "${name}" (${param.typeRef.getText()}) of ${where} is not declared${caseHint(name, declaredParams)} (${apexAt})`,
                            lineOf(declaration.params ?? declaration.node)
                        );
                    }
                }
            }
            for (const [name, param] of apexParams) {
                const symbol = declaredParams.get(name);
                if (symbol) {
                    const shape = apexShape(param.typeRef, apexClass, index);
                    const type = checker.getTypeOfSymbol(symbol);
                    if (!compatible(shape, tsShape(type, checker))) {
                        report(
                            `parameter "${name}" is declared ${checker.typeToString(type)} but the Apex type ${shape.text} is ${describeKind(shape)} (${apexAt})`,
                            symbolAt(symbol) ?? at
                        );
                    }
                }
            }

            // The result: kinds, and the DTO properties all the way down.
            const compare = makeComparer({ checker, index, report, dtos, apexPath });
            compare(
                apexShape(method.returnType, apexClass, index),
                checker.getTypeFromTypeNode(declaration.result),
                `the result of ${where}`,
                lineOf(declaration.result),
                apexAt,
                new Set()
            );
        }
    }

    for (const file of index.syntaxErrors) {
        problems.push({
            file,
            line: 1,
            message: 'does not parse (see check:apex-syntax); its contract was not checked'
        });
    }
    problems.push(...wiresOfNonCacheable(projectDir, declared));
    // A type shared by several methods is reported once.
    const unique = new Map();
    for (const p of problems) {
        const key = `${p.file}:${p.line}:${p.core ?? p.message}`;
        if (!unique.has(key)) {
            unique.set(key, p);
        }
    }
    return { methods, dtos: dtos.size, problems: [...unique.values()] };
}

function caseHint(name, names) {
    const same = [...names.keys()].find((n) => n.toLowerCase() === name.toLowerCase());
    return same ? ` (it has "${same}": names are case-sensitive in JSON)` : '';
}

function symbolAt(symbol) {
    const decl = symbol.declarations?.[0];
    return decl ? lineOf(decl) : undefined;
}

function compatible(apex, shape) {
    if (apex.kind === 'unknown' || shape.kinds.has('unknown')) {
        return true;
    }
    if (apex.kind === 'void') {
        return shape.kinds.size === 0;
    }
    return shape.kinds.has(ACCEPTS[apex.kind]);
}

function describeKind(apex) {
    return (
        { list: 'a List', map: 'a Map (an object)', dto: 'an object', void: 'nothing' }[apex.kind] ?? `a ${apex.kind}`
    );
}

/**
 * Compares an Apex type with the TS type declared for it: kinds, then array elements, map values and
 * the properties of classes, recursively.
 */
function makeComparer({ checker, index, report, dtos, apexPath }) {
    const compare = (apex, type, what, at, apexAt, seen) => {
        const shape = tsShape(type, checker);
        if (!compatible(apex, shape)) {
            report(
                `${what} is declared ${checker.typeToString(type)} but the Apex type ${apex.text} is ${describeKind(apex)} (${apexAt})`,
                at
            );
            return;
        }
        if (apex.kind === 'list' && shape.arrays.length === 1) {
            const element = checker.getTypeArguments(shape.arrays[0])[0];
            if (element && checker.isArrayType(shape.arrays[0])) {
                compare(apex.of, element, `${what}[]`, at, apexAt, seen);
            }
        } else if (apex.kind === 'map' && shape.objects.length === 1) {
            const info = checker.getIndexInfoOfType(shape.objects[0], ts.IndexKind.String);
            if (info && checker.getPropertiesOfType(shape.objects[0]).length === 0) {
                compare(apex.of, info.type, `${what}[key]`, at, apexAt, seen);
            }
        } else if (apex.kind === 'dto' && shape.objects.length === 1) {
            const object = shape.objects[0];
            const key = `${apex.model.file}|${apex.model.qualifiedName}`;
            const visit = `${key}|${checker.typeToString(object)}`;
            if (seen.has(visit)) {
                return;
            }
            seen.add(visit);
            const properties = new Map(checker.getPropertiesOfType(object).map((p) => [p.name, p]));
            if (properties.size === 0 && checker.getIndexInfosOfType(object).length > 0) {
                return;
            }
            dtos.add(key);
            const typeName = checker.typeToString(object);
            const typeAt = symbolAt(object.aliasSymbol ?? object.symbol) ?? at;
            const className = apex.model.qualifiedName;
            const members = membersOf(apex.model, index);
            const exposed = new Map([...members].filter(([, m]) => m.aura));
            for (const [name, symbol] of properties) {
                const member = members.get(name);
                const propertyAt = symbolAt(symbol) ?? at;
                if (!member) {
                    report(
                        `${typeName}.${name} (${what}): ${className} has no property "${name}"${caseHint(name, exposed)} (${apexPath(apex.model.file, apex.model.line)})`,
                        propertyAt
                    );
                } else if (!member.aura) {
                    report(
                        `${typeName}.${name} (${what}): ${className}.${name} is not @AuraEnabled, so the page never receives it (${apexPath(member.owner.file, member.line)})`,
                        propertyAt
                    );
                } else {
                    compare(
                        apexShape(member.typeRef, member.owner, index),
                        checker.getTypeOfSymbol(symbol),
                        `${typeName}.${name}`,
                        propertyAt,
                        apexPath(member.owner.file, member.line),
                        seen
                    );
                }
            }
            for (const [name, member] of exposed) {
                if (!properties.has(name)) {
                    report(
                        `${typeName} (${what}) lacks "${name}", an @AuraEnabled property of ${className}${caseHint(name, properties)} (${apexPath(member.owner.file, member.line)})`,
                        typeAt
                    );
                }
            }
        }
    };
    return compare;
}

/** A component that `@wire`s an Apex method needs the method `cacheable=true`. */
function wiresOfNonCacheable(projectDir, declared) {
    const problems = [];
    const sources = findFiles(
        [path.join(projectDir, 'lwc-ts')],
        (name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !/\.(test|spec)\.ts$/.test(name)
    ).filter((file) => !path.relative(projectDir, file).split(path.sep).includes('__tests__'));
    for (const file of sources) {
        const text = readFileSync(file, 'utf8');
        if (!text.includes(APEX_MODULE)) {
            continue;
        }
        const source = ts.createSourceFile(file, text, ts.ScriptTarget.ESNext, true);
        const imported = new Map();
        for (const statement of source.statements) {
            if (
                ts.isImportDeclaration(statement) &&
                ts.isStringLiteral(statement.moduleSpecifier) &&
                statement.moduleSpecifier.text.startsWith(APEX_MODULE) &&
                statement.importClause?.name
            ) {
                imported.set(statement.importClause.name.text, statement.moduleSpecifier.text);
            }
        }
        const visit = (node) => {
            if (
                ts.isDecorator(node) &&
                ts.isCallExpression(node.expression) &&
                ts.isIdentifier(node.expression.expression) &&
                node.expression.expression.text === 'wire'
            ) {
                const [adapter] = node.expression.arguments;
                const spec = adapter && ts.isIdentifier(adapter) ? imported.get(adapter.text) : undefined;
                const method = spec && declared.get(spec);
                if (method && !method.cacheable) {
                    problems.push({
                        ...lineOf(node),
                        message: `@wire(${adapter.text}) needs ${method.owner.name}.${method.name} to be @AuraEnabled(cacheable=true); the platform refuses to wire it`
                    });
                }
            }
            ts.forEachChild(node, visit);
        };
        visit(source);
    }
    return problems;
}

runMain(import.meta.url, () => {
    const { positional } = parseArgs(process.argv.slice(2));
    const projectDir = path.resolve(positional[0] ?? ROOT);
    const { methods, dtos, problems } = checkApexContract(projectDir);
    for (const p of problems) {
        console.error(`✗ ${path.relative(process.cwd(), p.file)}:${p.line} ${p.message}`);
    }
    if (problems.length > 0) {
        console.error(`${problems.length} problem(s) between ${methods} Apex method declaration(s) and the Apex`);
        return 1;
    }
    console.log(`✓ ${methods} Apex method declaration(s) and ${dtos} DTO type(s) match the Apex`);
    return 0;
});
