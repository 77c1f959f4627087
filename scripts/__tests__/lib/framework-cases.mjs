// Unit cases for the framework of scripts/checks/ (the modules the rules stand on): the SOQL/SOSL reader, the
// Apex helpers, the project model, the XML and LWC readers, the apex-ls probe and the rule runner. Each case
// calls a module's functions directly with a small input and compares the answer with the exact one expected.
// Written once, run twice: by scripts/__tests__/checks-framework.test.mjs (node:test, in `npm test`) and by
// scripts/mutation/framework.spec.mjs (Mocha, for mutation testing).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as apex from '../../checks/apex.mjs';
import * as soql from '../../checks/soql.mjs';
import { listOf, readXml, rootOf, textOf } from '../../checks/xml.mjs';
import { isCustomName, loadProject, STANDARD_FIELDS_OF_CUSTOM_METADATA, SYSTEM_FIELDS } from '../../checks/model.mjs';
import { STANDARD_FIELDS_OF_CUSTOM_OBJECTS } from '../../checks/model.mjs';
import { bundleDeclarations, bundleSources } from '../../checks/lwc.mjs';
import { ApexProbe } from '../../checks/probe.mjs';
import { GROUP_SUMMARIES, loadRules, runGroup, runRules, RULES_DIR } from '../../checks/run.mjs';
import { CHECKS_PAGE, freshPage, rulesTable, staleRows } from '../../checks/list.mjs';
import { fixture } from './harness.mjs';
import { captured } from './console-capture.mjs';

/** @type {{ title: string, fn: () => unknown }[]} */
export const frameworkCases = [];
const add = (title, fn) => frameworkCases.push({ title, fn });

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** A model of Apex sources only (what soql.mjs and apex.mjs read), parsed on demand and counted. */
export function apexModel(classes = {}, triggers = {}, objects = {}, project = {}) {
    const entries = (sources, ext) =>
        new Map(Object.entries(sources).map(([name, text]) => [name, { file: `${name}.${ext}`, text }]));
    const model = {
        classes: entries(classes, 'cls'),
        triggers: entries(triggers, 'trigger'),
        objects: objectsOf(objects),
        project,
        parsed: []
    };
    const trees = new Map();
    model.apexTree = (file) => {
        if (!trees.has(file)) {
            model.parsed.push(file);
            const entry = [...model.classes.values(), ...model.triggers.values()].find((e) => e.file === file);
            const { tree, errors } = apex.parseApex(entry.text, apex.apexKindOf(file));
            trees.set(file, errors.length === 0 ? tree : undefined);
        }
        return trees.get(file);
    };
    return model;
}

/** Objects of a model: { Name__c: { Field__c: { referenceTo, relationshipName } } }. */
function objectsOf(objects) {
    return new Map(
        Object.entries(objects).map(([name, fields]) => [
            name,
            {
                name,
                fields: new Map(Object.entries(fields).map(([f, info]) => [f, { name: f, ...info }]))
            }
        ])
    );
}

/** A query without its tree nodes, as plain data. */
const plain = (value) =>
    JSON.parse(JSON.stringify(value, (key, v) => (key === 'scope' || key === 'node' ? undefined : v)));

/** The queries of one class A. */
const queriesOfClass = (text, more = {}) => soql.queriesOf(apexModel({ A: text, ...more })).map(plain);

/** A field reference as queriesOf gives it. */
const ref = (path, line = 1, extra = {}) => ({ raw: path, line, ...extra, path });

const EMPTY = {
    select: [],
    where: [],
    orderBy: [],
    groupBy: [],
    having: [],
    typeOf: [],
    subqueries: [],
    semiJoins: []
};

/** Writes a project (relative path → content) into a temporary folder; returns its path. */
export function tempProject(files) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'framework-case-'));
    for (const [relative, content] of Object.entries(files)) {
        const file = path.join(dir, relative);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, content);
    }
    return dir;
}

async function withProject(files, fn) {
    const dir = tempProject(files);
    try {
        return await fn(dir);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

const SFDX = JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '64.0' });
const MD = 'force-app/main/default';
const xml = (root, body) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://soap.sforce.com/2006/04/metadata">${body}</${root}>\n`;

/**
 * Asserts that two values are the same object without printing them: a failing assert.equal on a parse tree (or
 * anything holding one) formats the whole tree, which takes most of a minute.
 */
function same(actual, expected, what) {
    assert.ok(actual === expected, `${what}: not the expected value`);
}

// ---------------------------------------------------------------------------------------------------------------
// soql.mjs: static SOQL

add('soql: a static query with aliases, functions, a subquery, a semi-join, binds and lines', () => {
    const text = [
        'public class A {',
        '    void f(String s) {',
        '        List<Contact> c = [SELECT Id, c.Name, toLabel(Status__c), Account.Owner.Name,',
        '            (SELECT Id FROM Cases WHERE Subject = :s)',
        '            FROM Contact c',
        '            WHERE Email != null AND Id IN (SELECT ContactId FROM Case)',
        '            ORDER BY Name LIMIT 5];',
        '    }',
        '}'
    ].join('\n');
    const [query] = queriesOfClass(text);
    assert.deepEqual(query, {
        ...EMPTY,
        select: [
            ref('Id', 3),
            ref('Name', 3, { raw: 'c.Name' }),
            ref('Status__c', 3, { func: 'tolabel' }),
            ref('Account.Owner.Name', 3)
        ],
        where: [ref('Email', 6), ref('Id', 6)],
        orderBy: [ref('Name', 7)],
        subqueries: [
            {
                ...EMPTY,
                select: [ref('Id', 4)],
                where: [ref('Subject', 4)],
                fromLine: 4,
                line: 4,
                extraFrom: false,
                relationship: 'Cases'
            }
        ],
        semiJoins: [
            { ...EMPTY, select: [ref('ContactId', 6)], object: 'Case', fromLine: 6, line: 6, extraFrom: false }
        ],
        object: 'Contact',
        alias: 'c',
        fromLine: 5,
        line: 3,
        extraFrom: false,
        file: 'A.cls',
        kind: 'soql',
        origin: 'static',
        text: text.slice(text.indexOf('[SELECT'), text.indexOf('LIMIT 5]') + 8),
        binds: [{ text: 's', line: 4, head: { name: 's', kind: 'name', dotted: false }, loneHead: true }]
    });
});

add('soql: the object name or alias is stripped from a path of two or more parts only, in any case', () => {
    const [a, b] = queriesOfClass(
        'public class A { void f() { Object o = [SELECT contact.Name, CONTACT.Account.Name, Contact, x.Name FROM Contact WHERE contact.Email = null ORDER BY Contact.Name]; Object p = [SELECT X.Name, Contact.Name FROM Contact x]; } }'
    );
    assert.deepEqual(
        a.select.map((r) => r.path),
        ['Name', 'Account.Name', 'Contact', 'x.Name']
    );
    assert.deepEqual(
        a.where.map((r) => r.path),
        ['Email']
    );
    assert.deepEqual(
        a.orderBy.map((r) => r.path),
        ['Name']
    );
    assert.equal(a.alias, undefined);
    assert.deepEqual(
        b.select.map((r) => r.path),
        ['Name', 'Name']
    );
    assert.equal(b.alias, 'x');
});

add('soql: GROUP BY, HAVING and ORDER BY with functions; aggregate functions in the select list', () => {
    const [query] = queriesOfClass(
        'public class A { void f() { Object o = [SELECT COUNT(Id) n, CALENDAR_YEAR(CreatedDate) FROM Case GROUP BY Status, CALENDAR_YEAR(CreatedDate) HAVING COUNT(Id) > 1 ORDER BY Status DESC, COUNT(Id)]; } }'
    );
    assert.deepEqual(query.select, [ref('Id', 1, { func: 'count' }), ref('CreatedDate', 1, { func: 'calendar_year' })]);
    assert.deepEqual(query.groupBy, [ref('Status'), ref('CreatedDate', 1, { func: 'calendar_year' })]);
    assert.deepEqual(query.having, [ref('Id', 1, { func: 'count' })]);
    assert.deepEqual(query.orderBy, [ref('Status'), ref('Id', 1, { func: 'count' })]);
    assert.deepEqual(query.where, []);
});

add('soql: WHERE with a function, HAVING with a semi-join kept apart, nested functions', () => {
    const [query] = queriesOfClass(
        "public class A { void f() { Object o = [SELECT Status FROM Case WHERE CALENDAR_YEAR(convertTimezone(CreatedDate)) = 2020 AND (Subject = null OR Origin = 'x') GROUP BY ROLLUP(Status) HAVING Status IN (SELECT Name FROM Group)]; } }"
    );
    assert.deepEqual(query.where, [ref('CreatedDate', 1, { func: 'calendar_year' }), ref('Subject'), ref('Origin')]);
    assert.deepEqual(query.having, [ref('Status')]);
    assert.deepEqual(
        query.semiJoins.map((s) => [s.object, s.select.map((r) => r.path)]),
        [['Group', ['Name']]]
    );
});

add('soql: TYPEOF is recorded, not resolved; several FROM entries are flagged', () => {
    const [query] = queriesOfClass(
        'public class A { void f() { Object o = [SELECT TYPEOF What WHEN Account THEN Name END, Contact.Name FROM Task, Contact.Account a]; } }'
    );
    assert.deepEqual(query.typeOf, [ref('What')]);
    assert.deepEqual(query.select, [ref('Contact.Name')]);
    assert.equal(query.object, 'Task');
    assert.equal(query.alias, 'a');
    assert.equal(query.extraFrom, true);
});

add('soql: a semi-join inside a subquery belongs to the subquery', () => {
    const [query] = queriesOfClass(
        'public class A { void f() { Object o = [SELECT Id, (SELECT Id FROM Contacts WHERE Id IN (SELECT ContactId FROM Case)) FROM Account WHERE Name IN (SELECT Name FROM Lead)]; } }'
    );
    assert.deepEqual(
        query.semiJoins.map((s) => s.object),
        ['Lead']
    );
    assert.deepEqual(
        query.subqueries[0].semiJoins.map((s) => s.object),
        ['Case']
    );
    assert.equal(query.subqueries[0].relationship, 'Contacts');
    assert.equal('object' in query.subqueries[0], false);
});

add('soql: binds: their heads, lone heads and text, outside nested queries', () => {
    const [query] = queriesOfClass(
        "public class A { Integer y; void f(List<Id> ids, Contact rec) { Object o = [SELECT Id FROM Contact WHERE Id = :rec.Id AND Id = :ids[0] AND Name = :g() AND Name = :(String)   y AND Id IN :new Set<Id>() AND Name = :y + z AND Name = :(y) AND Id IN :this.y AND Id = :Other.m(y) AND Id = :'x']; } }"
    );
    assert.deepEqual(
        query.binds.map((b) => [b.text, b.head, b.loneHead]),
        [
            ['rec.Id', { name: 'rec', kind: 'name', dotted: true }, true],
            ['ids[0]', { name: 'ids', kind: 'name', dotted: false, indexed: true }, true],
            ['g()', { name: 'g', kind: 'method', dotted: false }, true],
            ['(String) y', { name: 'y', kind: 'name', dotted: false }, true],
            ['new Set<Id>()', undefined, true],
            ['y + z', undefined, false],
            ['(y)', { name: 'y', kind: 'name', dotted: false }, true],
            ['this.y', undefined, true],
            ['Other.m(y)', { name: 'Other', kind: 'name', dotted: true }, false],
            ["'x'", undefined, false]
        ]
    );
});

add('soql: a bind inside a query in a bind is the inner query’s own', () => {
    const [outer, inner] = queriesOfClass(
        'public class A { void f(String s) { Object o = [SELECT Id FROM Account WHERE Id IN :[SELECT AccountId FROM Contact WHERE Name = :s]]; } }'
    );
    // the names inside the inner query count too: the bind is no lone name
    assert.deepEqual(
        outer.binds.map((b) => [b.text, b.loneHead]),
        [['[SELECT AccountId FROM Contact WHERE Name = :s]', false]]
    );
    assert.equal(outer.binds[0].head, undefined);
    assert.deepEqual(
        inner.binds.map((b) => b.text),
        ['s']
    );
    assert.equal(inner.object, 'Contact');
});

add('soql: static SOSL: RETURNING objects with fields, WHERE, ORDER BY; aliases are not fields', () => {
    const text = [
        'public class A {',
        '    void f() {',
        "        Object o = [FIND 'x' IN ALL FIELDS RETURNING Contact(Id, Contact.Name, toLabel(Title) t",
        '            WHERE Email != null ORDER BY Name), Account];',
        '    }',
        '}'
    ].join('\n');
    const [query] = queriesOfClass(text);
    assert.deepEqual(query, {
        ...EMPTY,
        returning: [
            {
                ...EMPTY,
                // SOSL's toLabel(x) is part of its field list's grammar, not a SOQL function: no func
                select: [ref('Id', 3), ref('Name', 3, { raw: 'Contact.Name' }), ref('Title', 3)],
                where: [ref('Email', 4)],
                orderBy: [ref('Name', 4)],
                object: 'Contact',
                line: 3,
                fromLine: 3
            },
            { ...EMPTY, object: 'Account', line: 4, fromLine: 4 }
        ],
        file: 'A.cls',
        line: 3,
        kind: 'sosl',
        origin: 'static',
        text: "[FIND 'x' IN ALL FIELDS RETURNING Contact(Id, Contact.Name, toLabel(Title) t\n            WHERE Email != null ORDER BY Name), Account]",
        binds: []
    });
});

add('soql: SOSL binds', () => {
    const [query] = queriesOfClass(
        'public class A { void f(String s, Integer n) { Object o = [FIND :s RETURNING Contact(Id WHERE Name = :s) LIMIT :n]; } }'
    );
    assert.deepEqual(
        query.binds.map((b) => b.text),
        ['s', 's', 'n']
    );
    assert.deepEqual(query.returning[0].where, [ref('Name')]);
});

// ---------------------------------------------------------------------------------------------------------------
// soql.mjs: constant query strings

add(
    'soql: constant strings given to Database and Search methods: literals, +, constants, inner and other classes',
    () => {
        const text = [
            'public class A {',
            "    static final String Q = 'SELECT Id FROM Account';",
            "    static final String F = 'Name';",
            "    class In { static final String W = ' WHERE Name = \\'x\\''; }",
            '    void f(String s) {',
            '        Database.query(Q);',
            "        Database.query('SELECT ' + F + ', Id FROM Contact' + In.W + ' LIMIT ' + 5);",
            '        Database.query(B.X);',
            '        Database.query(C.X);',
            "        Search.query('FIND {a} RETURNING Account(Name)');",
            "        Search.find('FIND \\'a\\' RETURNING Contact');",
            '        Database.query(s);',
            "        Database.insert('x');",
            "        db.query('SELECT Id FROM Account');",
            "        Database.countQuery('SELECT COUNT() FROM Lead');",
            "        Database.getQueryLocator(('SELECT Id FROM Case') + ' LIMIT ' + 10L);",
            '    }',
            '}'
        ].join('\n');
        const other = "public class B { public static final String X = 'SELECT Id FROM Lead'; }";
        const queries = queriesOfClass(text, { B: other });
        assert.deepEqual(
            queries.map((q) => [q.origin, q.kind, q.text, q.line, q.endLine, q.object, q.parseError]),
            [
                ['Database.query', 'soql', 'SELECT Id FROM Account', 6, 6, 'Account', undefined],
                [
                    'Database.query',
                    'soql',
                    "SELECT Name, Id FROM Contact WHERE Name = 'x' LIMIT 5",
                    7,
                    7,
                    'Contact',
                    undefined
                ],
                ['Database.query', 'soql', 'SELECT Id FROM Lead', 8, 8, 'Lead', undefined],
                ['Search.query', 'sosl', 'FIND {a} RETURNING Account(Name)', 10, 10, undefined, undefined],
                ['Search.find', 'sosl', "FIND 'a' RETURNING Contact", 11, 11, undefined, undefined],
                ['Database.countQuery', 'soql', 'SELECT COUNT() FROM Lead', 15, 15, 'Lead', undefined],
                ['Database.getQueryLocator', 'soql', 'SELECT Id FROM Case LIMIT 10', 16, 16, 'Case', undefined]
            ]
        );
        // lines: a constant of the same file keeps its own line; one of another class takes the call's
        assert.deepEqual(queries[0].select, [ref('Id', 2)]);
        assert.equal(queries[0].line, 6);
        assert.deepEqual(queries[1].select, [ref('Name', 3), ref('Id', 7)]);
        assert.deepEqual(queries[1].where, [ref('Name', 4)]);
        assert.deepEqual(queries[2].select, [ref('Id', 8)]);
        assert.deepEqual(
            queries[3].returning.map((r) => [r.object, r.select]),
            [['Account', [ref('Name', 10)]]]
        );
        assert.deepEqual(
            queries[4].returning.map((r) => [r.object, r.line]),
            [['Contact', 11]]
        );
    }
);

add('soql: a constant string that is no query carries its parse error and no fields', () => {
    const queries = queriesOfClass(
        "public class A { void f() { Database.query('SELECT FROM'); Database.query('SELECT Id FROM Account LIMIT 1 garbage'); Search.query('FIND RETURNING'); Database.query('SELECT Id FROM Account WHERE Id = :x'); } }"
    );
    assert.deepEqual(
        queries.map((q) => [q.parseError, q.select, q.binds, q.where]),
        [
            ["mismatched input '<EOF>' expecting 'from'", [], [], []],
            ['text is left over after the query', [], [], []],
            [queries[2].parseError, [], [], []],
            [undefined, [ref('Id')], queries[3].binds, [ref('Id')]]
        ]
    );
    assert.match(queries[2].parseError, /\S/);
    assert.deepEqual(
        queries[3].binds.map((b) => [b.text, b.line]),
        [['x', 1]]
    );
    assert.equal(queries[2].returning, undefined);
});

add('soql: lines inside a multi-line constant string, escapes and \\u escapes', () => {
    const text = [
        'public class A {',
        '    void f() {',
        '        Database.query(',
        "            'SELECT Id, \\u004eame\\n' +",
        "            'FROM Contact\\t' +",
        "            ' WHERE Name = \\'a\\\\b\\''",
        '        );',
        '    }',
        '}'
    ].join('\n');
    const [query] = queriesOfClass(text);
    assert.equal(query.text, "SELECT Id, Name\nFROM Contact\t WHERE Name = 'a\\b'");
    assert.deepEqual(query.select, [ref('Id', 4), ref('Name', 4)]);
    assert.equal(query.fromLine, 5);
    assert.deepEqual(query.where, [ref('Name', 6)]);
    assert.equal(query.line, 3);
    assert.equal(query.endLine, 7);
});

add('soql: a constant built from names that are no constants is not a query', () => {
    const queries = queriesOfClass(
        [
            'public class A {',
            "    static String notFinal = 'SELECT Id FROM Account';",
            "    final String notStatic = 'SELECT Id FROM Account';",
            '    static final Integer N = 5;',
            "    static final String LOOP = LOOP + 'x';",
            "    static final String FROM_CALL = String.valueOf('SELECT Id FROM Account');",
            '    static final String NO_INIT;',
            '    void f() {',
            '        Database.query(notFinal);',
            '        Database.query(notStatic);',
            "        Database.query('SELECT Id FROM Account LIMIT ' + N);",
            '        Database.query(LOOP);',
            '        Database.query(FROM_CALL);',
            '        Database.query(NO_INIT);',
            "        Database.query(this.x + 'SELECT');",
            '        Database.query(A.notFinal);',
            '        Database.query();',
            "        Database.query(true + 'SELECT Id FROM Account');",
            "        Database.query('SELECT Id FROM Account' + s);",
            '    }',
            '}'
        ].join('\n')
    );
    assert.deepEqual(queries, []);
});

add('soql: a multi-line string literal starts on the line after its quotes', () => {
    const text = [
        'public class A {',
        '    void f() {',
        "        Database.query('''",
        '            SELECT Id',
        "            FROM Account''');",
        '    }',
        '}'
    ].join('\n');
    const queries = queriesOfClass(text);
    assert.equal(queries[0].text, '            SELECT Id\n            FROM Account');
    assert.deepEqual(queries[0].select, [ref('Id', 4)]);
    assert.equal(queries[0].fromLine, 5);
});

add('soql: a file is parsed for each kind of query call or literal it names, in any case and spacing', () => {
    const calls = [
        'Database . queryWithBinds (',
        'DATABASE.countQuery(',
        'database.countquerywithbinds  (',
        'Database.getQueryLocator(',
        'Database.getQueryLocatorWithBinds(',
        'Search.find(',
        'search.QUERY(',
        'Database.query(',
        '[ SELECT',
        '[\nfind'
    ];
    const classes = Object.fromEntries(calls.map((call, i) => [`C${i}`, `public class C${i} { /* ${call} */ }`]));
    const misses = [
        'Database.querying(',
        'Database.query;',
        '[SELECTED',
        '[FINDING',
        'Data.query(',
        'Searches.find(',
        'Database.insert('
    ];
    for (const [i, text] of misses.entries()) {
        classes[`M${i}`] = `public class M${i} { /* ${text} */ }`;
    }
    const model = apexModel(classes);
    assert.deepEqual(soql.queriesOf(model), []);
    assert.deepEqual(
        model.parsed,
        calls.map((_, i) => `C${i}.cls`)
    );
});

add('soql: a constant SOSL query: lines of fields split across pieces, binds, FIND and its braces apart', () => {
    const text = [
        'public class A {',
        '    void f(String s) {',
        '        Search.query(',
        "            'FIND :s RETURNING Account(Id, N' +",
        "            'ame)');",
        "        Search.query('FIND  {x} RETURNING Lead');",
        '    }',
        '}'
    ].join('\n');
    const [split, braces] = queriesOfClass(text);
    assert.deepEqual(split.returning[0].select, [ref('Id', 4), ref('Name', 4)]);
    assert.deepEqual(
        split.binds.map((b) => [b.text, b.line]),
        [['s', 4]]
    );
    assert.equal(braces.parseError, undefined);
    assert.deepEqual(
        braces.returning.map((r) => r.object),
        ['Lead']
    );
});

add('soql: a constant of up to 26 pieces is folded; a longer one is given up', () => {
    const pieces = (n) => ["'SELECT Id FROM Account'", ...Array.from({ length: n - 1 }, () => "' '")].join(' + ');
    const [folded] = queriesOfClass(`public class A { void f() { Database.query(${pieces(26)}); } }`);
    assert.equal(folded.text, `SELECT Id FROM Account${' '.repeat(25)}`);
    assert.deepEqual(queriesOfClass(`public class A { void f() { Database.query(${pieces(27)}); } }`), []);
});

add('soql: escapes of a constant string and the lines of a constant named through its own class', () => {
    const text = [
        'public class A {',
        "    static final String Q = 'SELECT Id FROM Account WHERE Name = \\'\\b\\f\\r\\\"\\'';",
        '    void f() {',
        '        Database.query(A.Q);',
        '    }',
        '}'
    ].join('\n');
    const [query] = queriesOfClass(text);
    assert.equal(query.text, "SELECT Id FROM Account WHERE Name = '\b\f\r\"'");
    assert.deepEqual(query.where, [ref('Name', 2)]);
    assert.equal(query.line, 4);
});

add('soql: scopeAt: a for loop without declarations and a when of values add no names', () => {
    const text = [
        'public class A {',
        '    void m(Integer i, Object x) {',
        '        for (i = 0; i < 1; i++) {',
        '            switch on i {',
        '                when 1 { Object o = [SELECT Id FROM Account]; }',
        '            }',
        '        }',
        '    }',
        '}'
    ].join('\n');
    assert.deepEqual(scopeAtQuery({ A: text }).names, ['i', 'o', 'x']);
});

add('soql: only files that may hold a query are parsed; triggers count; a file that does not parse holds none', () => {
    const model = apexModel(
        {
            Plain: 'public class Plain { void f() { Integer x = 1; } }',
            Broken: 'public class Broken { void f() { Object o = [SELECT Id FROM Account]; ',
            Spaced: "public class Spaced { void f() { database . QUERY ( 'SELECT Id FROM Lead' ); } }",
            Sosl: "public class Sosl { void f() { Object o = [ find 'x' RETURNING Account]; } }"
        },
        { T: 'trigger T on Account (before insert) { for (Contact c : [SELECT Id FROM Contact]) {} }' }
    );
    const queries = soql.queriesOf(model);
    assert.deepEqual(
        queries.map((q) => [q.file, q.kind, q.origin]),
        [
            ['Spaced.cls', 'soql', 'database.QUERY'],
            ['Sosl.cls', 'sosl', 'static'],
            ['T.trigger', 'soql', 'static']
        ]
    );
    assert.deepEqual(model.parsed, ['Broken.cls', 'Spaced.cls', 'Sosl.cls', 'T.trigger']);
    same(soql.queriesOf(model), queries, 'queriesOf(model) again');
    same(model.queries, queries, 'model.queries');
});

add('soql: Search.find with FIND {…} and Database.queryWithBinds with a map of binds', () => {
    const queries = queriesOfClass(
        "public class A { void f(Map<String, Object> m) { Search.query('FIND {x} IN NAME FIELDS RETURNING Lead(Email)'); Database.queryWithBinds('SELECT Id FROM Account WHERE Name = :n', m, AccessLevel.USER_MODE); Database.getQueryLocatorWithBinds('SELECT Id FROM Case', m, AccessLevel.USER_MODE); Database.countQueryWithBinds('SELECT COUNT() FROM Case', m, AccessLevel.USER_MODE); } }"
    );
    assert.deepEqual(
        queries.map((q) => [q.origin, q.kind, q.binds.map((b) => b.text)]),
        [
            ['Search.query', 'sosl', []],
            ['Database.queryWithBinds', 'soql', ['n']],
            ['Database.getQueryLocatorWithBinds', 'soql', []],
            ['Database.countQueryWithBinds', 'soql', []]
        ]
    );
    assert.deepEqual(queries[0].returning[0].select, [ref('Email')]);
});

// ---------------------------------------------------------------------------------------------------------------
// soql.mjs: names, schema and paths

add('soql: isForeign: another namespace’s names, never the project’s own or plain names', () => {
    const none = { project: {} };
    const own = { project: { namespace: 'C100' } };
    assert.equal(soql.isForeign(none, 'ns__Thing__c'), true);
    assert.equal(soql.isForeign(none, 'Thing__c'), false);
    assert.equal(soql.isForeign(none, 'Name'), false);
    assert.equal(soql.isForeign(own, 'c100__Thing__c'), false);
    assert.equal(soql.isForeign(own, 'C100__Thing__mdt'), false);
    assert.equal(soql.isForeign(own, 'other__Thing__c'), true);
    assert.equal(soql.isForeign(own, 'x c100__Thing__c'), false);
    assert.equal(soql.isForeign({}, 'ns__Thing__c'), true);
});

add('soql: isCustomObjectName and the standard children', () => {
    for (const name of ['Foo__c', 'Foo__MDT', 'Foo__x', 'Foo__b']) {
        assert.equal(soql.isCustomObjectName(name), true, name);
    }
    for (const name of ['Account', 'Foo__e', 'Foo__r', 'Foo__cx', 'Foo_c']) {
        assert.equal(soql.isCustomObjectName(name), false, name);
    }
    assert.deepEqual(
        [...soql.STANDARD_CHILDREN],
        [
            ['contacts', 'Contact'],
            ['cases', 'Case'],
            ['opportunities', 'Opportunity'],
            ['tasks', 'Task'],
            ['events', 'Event'],
            ['childaccounts', 'Account']
        ]
    );
});

const SCHEMA_OBJECTS = {
    Chat__c: {
        Status__c: {},
        Contact__c: { referenceTo: 'Contact' },
        Parent__c: { referenceTo: 'Chat__c', relationshipName: 'Children' }
    },
    Note__c: {
        Chat__c: { referenceTo: 'Chat__c', relationshipName: 'Notes' },
        Body__c: {},
        Orphan__c: { referenceTo: 'Chat__c' }
    },
    Contact: { Rank__c: {} },
    Odd__c: { Ab__cd__c: { referenceTo: 'Contact' } },
    ns__Loose: {}
};

add('soql: schemaOf: objects, fields, parents and children by any case and with the project namespace', () => {
    const model = apexModel({}, {}, SCHEMA_OBJECTS, { namespace: 'ns' });
    const schema = soql.schemaOf(model);
    assert.equal(soql.schemaOf(model), schema);
    assert.equal(schema.object('CHAT__C').object.name, 'Chat__c');
    assert.equal(schema.object('ns__Chat__c').object.name, 'Chat__c');
    assert.equal(schema.object('other__Chat__c'), undefined);
    assert.equal(schema.object('Lead'), undefined);
    assert.equal(schema.field('chat__c', 'STATUS__C').name, 'Status__c');
    assert.equal(schema.field('ns__Chat__c', 'ns__Status__c').name, 'Status__c');
    assert.equal(schema.field('Chat__c', 'Body__c'), undefined);
    assert.equal(schema.field('Nothing__c', 'Body__c'), undefined);
    assert.equal(schema.parent('Note__c', 'chat__R').name, 'Chat__c');
    assert.equal(schema.parent('Note__c', 'ns__Chat__r').name, 'Chat__c');
    assert.equal(schema.parent('Note__c', 'Body__r'), undefined);
    assert.equal(schema.parent('Note__c', 'Chat__c'), undefined);
    assert.equal(schema.parent('Nothing__c', 'Chat__r'), undefined);
    assert.deepEqual(
        [schema.child('chat__c', 'NOTES__R').child, schema.child('Chat__c', 'Notes__r').field.name],
        ['Note__c', 'Chat__c']
    );
    assert.equal(schema.child('Chat__c', 'Children__r').child, 'Chat__c');
    assert.equal(schema.child('ns__Chat__c', 'ns__Notes__r').child, 'Note__c');
    assert.equal(schema.child('Chat__c', 'Notes'), undefined);
    assert.equal(schema.child('Chat__c', 'Orphan__r'), undefined);
    assert.equal(schema.child('Contact', 'Chats__r'), undefined);
    assert.equal(schema.child('Account', 'Notes__r'), undefined);
    assert.equal(schema.child('Lead', 'Notes__r'), undefined);
    assert.equal(schema.object('Contact').fields.get('rank__c').name, 'Rank__c');
    assert.equal(schema.parent('Odd__c', 'Ab__cd__r').name, 'Ab__cd__c');
    assert.equal(schema.child('Chat__c', 'undefined__r'), undefined, 'a lookup without a relationship name');
    assert.equal(schema.object('ns__Loose').object.name, 'ns__Loose', 'not namespaced: kept whole');
    assert.equal(schema.object('xy__Chat__c'), undefined, 'another namespace of the same length');
});

add('soql: followPath through custom fields, relationships and standard names', () => {
    const model = apexModel({}, {}, SCHEMA_OBJECTS);
    const follow = (object, path) => soql.followPath(model, object, path);
    const status = model.objects.get('Chat__c').fields.get('Status__c');
    assert.deepEqual(follow('Chat__c', 'status__c'), {
        probe: undefined,
        target: { object: 'Chat__c', name: 'Status__c', field: status }
    });
    assert.deepEqual(follow('Chat__c', 'Nope__c'), { problem: 'Chat__c has no field Nope__c' });
    assert.deepEqual(follow('Note__c', 'Chat__c.Status__c'), {
        problem: 'Chat__c is a field, not a relationship (use Chat__r)'
    });
    assert.deepEqual(follow('Note__c', 'Chat__r.Status__c').target.name, 'Status__c');
    assert.deepEqual(follow('Note__c', 'Chat__r.Parent__r.Status__c').target.object, 'Chat__c');
    assert.deepEqual(follow('Note__c', 'Nope__r.Name'), { problem: 'Note__c has no relationship Nope__r' });
    assert.deepEqual(follow('Note__c', 'Chat__r'), { problem: 'Note__c.Chat__r is a relationship, not a field' });
    assert.deepEqual(follow('Note__c', 'Chat__r.Name'), {
        probe: { object: 'Chat__c', path: 'Name' },
        target: { object: 'Chat__c', name: 'Name', field: undefined }
    });
    assert.deepEqual(follow('Chat__c', 'Contact__r.Account.Owner.Name'), {
        probe: { object: 'Contact', path: 'Account.Owner.Name' }
    });
    assert.deepEqual(follow('Chat__c', 'Contact__r.Account.Name'), {
        probe: { object: 'Contact', path: 'Account.Name' },
        target: { object: 'Account', name: 'Name', field: undefined }
    });
    assert.deepEqual(follow('Chat__c', 'Contact__r.Rank__c'), {
        probe: undefined,
        target: { object: 'Contact', name: 'Rank__c', field: model.objects.get('Contact').fields.get('Rank__c') }
    });
    // after a standard name only apex-ls can tell
    assert.deepEqual(follow('Chat__c', 'Owner.Nope__c'), { probe: { object: 'Chat__c', path: 'Owner.Nope__c' } });
    assert.deepEqual(follow('Contact', 'Account.Nope__c'), { probe: { object: 'Contact', path: 'Account.Nope__c' } });
    assert.deepEqual(follow('Contact', 'Account.Nope__r.Name'), {
        probe: { object: 'Contact', path: 'Account.Nope__r.Name' }
    });
    assert.deepEqual(follow('Contact', 'Account.Nope__r'), { probe: { object: 'Contact', path: 'Account.Nope__r' } });
    assert.deepEqual(follow('Contact', 'Account.Nope__c.Name'), {
        probe: { object: 'Contact', path: 'Account.Nope__c.Name' }
    });
    assert.deepEqual(follow('Contact', 'ns__Thing__c'), { foreign: true, probe: undefined });
    assert.deepEqual(follow('Chat__c', 'Odd__cName'), {
        probe: { object: 'Chat__c', path: 'Odd__cName' },
        target: { object: 'Chat__c', name: 'Odd__cName', field: undefined }
    });
    assert.deepEqual(follow('Chat__c', 'Odd__rx.Name'), { probe: { object: 'Chat__c', path: 'Odd__rx.Name' } });
    assert.deepEqual(follow('Contact', 'Account.ns__Thing__c'), {
        foreign: true,
        probe: { object: 'Contact', path: 'Account.ns__Thing__c' }
    });
    assert.deepEqual(follow('Contact', 'Email'), {
        probe: { object: 'Contact', path: 'Email' },
        target: { object: 'Contact', name: 'Email', field: undefined }
    });
    for (const parent of [
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
    ]) {
        assert.deepEqual(follow('Task', `${parent.toUpperCase()}.Name`).target.object, parent, parent);
    }
});

add('soql: lineOf names the call of a constant query whose text sits elsewhere', () => {
    assert.equal(soql.lineOf({ origin: 'static', line: 3 }, 9), 'line 9');
    const dynamic = { origin: 'Database.query', line: 10, endLine: 12 };
    assert.equal(soql.lineOf(dynamic, 10), 'line 10');
    assert.equal(soql.lineOf(dynamic, 12), 'line 12');
    assert.equal(soql.lineOf(dynamic, 9), 'line 9 (the query given to Database.query at line 10)');
    assert.equal(soql.lineOf(dynamic, 13), 'line 13 (the query given to Database.query at line 10)');
    assert.equal(soql.lineOf({ origin: 'Search.query', line: 5 }, 5), 'line 5');
    assert.equal(
        soql.lineOf({ origin: 'Search.query', line: 5 }, 6),
        'line 6 (the query given to Search.query at line 5)'
    );
});

add('soql: askOnce asks a statement once per probe and tells every listener', () => {
    const asked = [];
    const probe = { ask: (statement, onIssue) => asked.push({ statement, onIssue }) };
    const heard = [];
    soql.askOnce(probe, 'a;', (m) => heard.push(`1:${m}`));
    soql.askOnce(probe, 'a;', (m) => heard.push(`2:${m}`));
    soql.askOnce(probe, 'b;', (m) => heard.push(`3:${m}`));
    assert.deepEqual(
        asked.map((a) => a.statement),
        ['a;', 'b;']
    );
    asked[0].onIssue('x');
    asked[1].onIssue('y');
    assert.deepEqual(heard, ['1:x', '2:x', '3:y']);
    const other = { ask: (statement) => asked.push({ statement }) };
    soql.askOnce(other, 'a;', () => {});
    assert.equal(asked.length, 3);
});

add('soql: isProjectClass by any case', () => {
    const model = apexModel({ Helper: 'public class Helper {}' });
    assert.equal(soql.isProjectClass(model, 'HELPER'), true);
    assert.equal(soql.isProjectClass(model, 'Other'), false);
    assert.deepEqual(model.parsed, []);
});

// ---------------------------------------------------------------------------------------------------------------
// soql.mjs: scopeAt

/** The names visible at the first query of a class. */
function scopeAtQuery(classes, triggers = {}, index = 0) {
    const model = apexModel(classes, triggers);
    const query = soql.queriesOf(model)[index];
    const scope = soql.scopeAt(model, query.scope);
    return {
        names: [...scope.names].sort(),
        methods: [...scope.methods].sort(),
        types: [...scope.types].sort(),
        open: scope.open
    };
}

add('soql: scopeAt: locals before the query, parameters, loop and catch variables, members, nested types', () => {
    const text = [
        'public class A {',
        '    Integer fieldA, fieldB = 1;',
        '    String Prop { get; set; }',
        '    enum Kind { X }',
        '    interface Shape {}',
        '    class Inner { Integer innerOnly; }',
        '    void m(Integer p1, List<Id> p2) {',
        '        Integer before = 1;',
        '        for (Contact c : contacts) {',
        '            for (Integer i = 0, j = 1; i < 1; i++) {',
        '                try {',
        '                } catch (Exception e) {',
        '                    Integer inner = [SELECT COUNT() FROM Contact];',
        '                    Integer after = 2;',
        '                }',
        '            }',
        '        }',
        '        Integer later = 3;',
        '    }',
        '    A() {}',
        '}'
    ].join('\n');
    assert.deepEqual(scopeAtQuery({ A: text }), {
        names: ['before', 'c', 'e', 'fielda', 'fieldb', 'i', 'inner', 'j', 'p1', 'p2', 'prop'],
        methods: ['m'],
        types: ['a', 'inner', 'kind', 'shape'],
        open: false
    });
});

add('soql: scopeAt: switch type variables, setters, constructors, and names of project superclasses', () => {
    const text = [
        'public class A extends Base {',
        '    public A(Integer ctorParam) { Object o = [SELECT Id FROM Account]; }',
        '    String p { set { Object o = [SELECT Id FROM Account]; } }',
        '    void m(Object x) {',
        '        switch on x {',
        '            when Account acc { Object o = [SELECT Id FROM Account]; }',
        '            when else {}',
        '        }',
        '    }',
        '}'
    ].join('\n');
    const base =
        'public virtual class Base extends Root { protected Integer baseField; void baseMethod() {} class BaseType {} }';
    const root = 'public virtual class Root { Integer rootField; }';
    const classes = { A: text, Base: base, Root: root };
    assert.deepEqual(scopeAtQuery(classes, {}, 0), {
        names: ['basefield', 'ctorparam', 'o', 'p', 'rootfield'],
        methods: ['basemethod', 'm'],
        types: ['a', 'base', 'basetype', 'root'],
        open: false
    });
    assert.deepEqual(scopeAtQuery(classes, {}, 1).names, ['basefield', 'o', 'p', 'rootfield', 'value']);
    assert.deepEqual(scopeAtQuery(classes, {}, 2).names, ['acc', 'basefield', 'o', 'p', 'rootfield', 'x']);
});

add(
    'soql: scopeAt: a superclass outside the project leaves the scope open; inner superclasses and cycles resolve',
    () => {
        const outside = scopeAtQuery({
            A: 'public class A extends Exception { void m() { Object o = [SELECT Id FROM Account]; } }'
        });
        assert.equal(outside.open, true);
        const text = [
            'public class A {',
            '    virtual class Mid { Integer midField; }',
            '    class Leaf extends Mid { void m() { Object o = [SELECT Id FROM Account]; } }',
            '    class Deep extends A.Mid { void m() { Object o = [SELECT Id FROM Account]; } }',
            '    class Gen extends Mid<String> { void m() { Object o = [SELECT Id FROM Account]; } }',
            '    class Nope extends A.Nope2 { void m() { Object o = [SELECT Id FROM Account]; } }',
            '}'
        ].join('\n');
        const leaf = scopeAtQuery({ A: text }, {}, 0);
        assert.deepEqual(leaf.names, ['midfield', 'o']);
        assert.deepEqual(leaf.types, ['a', 'deep', 'gen', 'leaf', 'mid', 'nope']);
        assert.equal(leaf.open, false);
        assert.deepEqual(scopeAtQuery({ A: text }, {}, 1).names, ['midfield', 'o']);
        assert.deepEqual(scopeAtQuery({ A: text }, {}, 2).names, ['midfield', 'o']);
        assert.equal(scopeAtQuery({ A: text }, {}, 3).open, true);
        const cycle = scopeAtQuery({
            A: 'public class A extends B { Integer a; void m() { Object o = [SELECT Id FROM Account]; } }',
            B: 'public class B extends A { Integer b; }'
        });
        assert.deepEqual(cycle.names, ['a', 'b', 'o']);
        assert.equal(cycle.open, false);
    }
);

add('soql: scopeAt: a trigger’s locals, and the fields, properties, methods and types it declares', () => {
    const trigger = [
        'trigger T on Account (before insert) {',
        '    Integer first = 1;',
        '    Integer counter;',
        '    String prop { get; set; }',
        '    void helper() {}',
        '    class Kind {}',
        '    for (Account a : Trigger.new) {',
        '        Object o = [SELECT Id FROM Account WHERE Id = :a.Id];',
        '    }',
        '    Integer last = 2;',
        '}'
    ].join('\n');
    const scope = scopeAtQuery({}, { T: trigger });
    // the grammar reads a trigger's top-level declarations as members: every one is visible, wherever it is
    assert.deepEqual(scope.names, ['a', 'counter', 'first', 'last', 'o', 'prop']);
    assert.deepEqual(scope.methods, ['helper']);
    assert.deepEqual(scope.types, ['kind']);
});

// ---------------------------------------------------------------------------------------------------------------
// apex.mjs

/** The initializer of the variable `name` declared in a parsed tree. */
function initializerOf(tree, name) {
    const declarator = apex.findAll(tree, apex.Apex.VariableDeclaratorContext).find((d) => d.id().getText() === name);
    assert.ok(declarator, `no variable ${name}`);
    return declarator.expression();
}

add('apex: parseApex reads classes, triggers and anonymous Apex, with their syntax errors', () => {
    const ok = apex.parseApex('public class A {}');
    assert.deepEqual(ok.errors, []);
    assert.ok(ok.tree instanceof apex.Apex.CompilationUnitContext);
    const trigger = apex.parseApex('trigger T on Account (after insert) {}', 'trigger');
    assert.deepEqual(trigger.errors, []);
    assert.ok(trigger.tree instanceof apex.Apex.TriggerUnitContext);
    const anonymous = apex.parseApex('Integer x = 1;\nSystem.debug(x);', 'anonymous');
    assert.deepEqual(anonymous.errors, []);
    assert.ok(anonymous.tree instanceof apex.Apex.AnonymousUnitContext);
    const broken = apex.parseApex('public class A {\n  void f( {}\n}');
    assert.equal(broken.errors.length > 0, true);
    assert.deepEqual(Object.keys(broken.errors[0]), ['line', 'column', 'message']);
    assert.equal(broken.errors[0].line, 2);
    assert.equal(typeof broken.errors[0].message, 'string');
    assert.equal(apex.parseApex('trigger T on Account (after insert) {}').errors.length > 0, true);
    assert.equal(apex.parseApex('public class A {}', 'trigger').errors.length > 0, true);
    assert.equal(apex.apexKindOf('x/T.trigger'), 'trigger');
    assert.equal(apex.apexKindOf('x/run.apex'), 'anonymous');
    assert.equal(apex.apexKindOf('x/A.cls'), 'class');
    assert.equal(apex.apexKindOf('x/A.trigger.cls'), 'class');
});

add('apex: walk, findAll, closest, lineOf and sourceOf', () => {
    const { tree } = apex.parseApex('public class A {\n    void f() {\n        Integer   x = 1 +   2;\n    }\n}');
    const seen = [];
    apex.walk(tree, (node) => {
        seen.push(node.constructor.name);
        return !(node instanceof apex.Apex.MethodDeclarationContext);
    });
    assert.ok(seen.includes('MethodDeclarationContext'));
    assert.ok(!seen.includes('BlockContext'));
    assert.ok(
        seen.every((name) => name.endsWith('Context')),
        'no terminal nodes'
    );
    assert.equal(seen[0], 'CompilationUnitContext');
    apex.walk(undefined, () => assert.fail('nothing to walk'));
    const [block] = apex.findAll(tree, apex.Apex.BlockContext);
    same(apex.findAll(block, apex.Apex.BlockContext)[0], block, 'the node itself counts');
    assert.equal(apex.findAll(tree, apex.Apex.LocalVariableDeclarationContext).length, 1);
    const [declarator] = apex.findAll(tree, apex.Apex.VariableDeclaratorContext);
    assert.ok(
        apex.closest(declarator, apex.Apex.MethodDeclarationContext) instanceof apex.Apex.MethodDeclarationContext
    );
    assert.ok(
        apex.closest(declarator, apex.Apex.TriggerUnitContext, apex.Apex.ClassDeclarationContext) instanceof
            apex.Apex.ClassDeclarationContext
    );
    same(
        apex.closest(declarator, apex.Apex.TriggerUnitContext),
        undefined,
        'apex.closest(declarator, apex.Apex.TriggerUnitContext)'
    );
    same(apex.closest(undefined, apex.Apex.BlockContext), undefined, 'apex.closest(undefined, apex.Apex.BlockContext)');
    same(apex.closest(block, apex.Apex.BlockContext), undefined, 'not the node itself');
    assert.equal(apex.lineOf(declarator), 3);
    assert.equal(apex.lineOf(undefined), 0);
    assert.equal(apex.lineOf({}), 0);
    assert.equal(apex.sourceOf(declarator), 'x = 1 +   2');
    assert.equal(apex.sourceOf(declarator.expression()), '1 +   2');
    assert.equal(apex.sourceOf({ getText: () => 'text' }), 'text');
    assert.equal(apex.sourceOf({ start: { getInputStream: () => undefined }, getText: () => 'plain' }), 'plain');
    assert.equal(apex.sourceOf(undefined), '');
});

add('apex: typeKey, elementTypeOf, stringValue, stringLiteralOf, nameOf, dottedNamesOf and dotCallOf', () => {
    const { tree } = apex.parseApex(
        [
            'public class A {',
            '    void f() {',
            '        List< Map<String, Account> > t = null;',
            "        Object s = 'it\\'s\\n\\u0041\\\\x';",
            '        Object n = name;',
            '        Object d = A.B.c;',
            '        Object call = A.b(1, x);',
            '        Object noArgs = x.y();',
            '        Object num = 5;',
            '        Object dottedCall = a.b().c;',
            '        Object idx = a[0];',
            '        Object dq = "x";',
            '    }',
            '}'
        ].join('\n')
    );
    const typeRef = apex.findAll(tree, apex.Apex.TypeRefContext)[0];
    assert.equal(apex.typeKey(typeRef), 'list<map<string,account>>');
    same(apex.typeKey(undefined), undefined, 'apex.typeKey(undefined)');
    assert.equal(apex.elementTypeOf('list<account>'), 'account');
    assert.equal(apex.elementTypeOf('set<id>'), 'id');
    assert.equal(apex.elementTypeOf('account[]'), 'account');
    same(apex.elementTypeOf('map<id,account>'), undefined, "apex.elementTypeOf('map<id,account>')");
    same(apex.elementTypeOf('xlist<account>'), undefined, "apex.elementTypeOf('xlist<account>')");
    same(apex.elementTypeOf('list<account>x'), undefined, "apex.elementTypeOf('list<account>x')");
    same(apex.elementTypeOf('account[]x'), undefined, "apex.elementTypeOf('account[]x')");
    same(apex.stringLiteralOf(initializerOf(tree, 'd')), undefined, "apex.stringLiteralOf(initializerOf(tree, 'd'))");
    same(apex.elementTypeOf(undefined), undefined, 'apex.elementTypeOf(undefined)');
    assert.equal(apex.stringValue("'it\\'s\\n\\t\\r\\b\\f\\\"\\u0041\\\\x\\q'"), 'it\'s\n\t\r\b\f"A\\xq');
    assert.equal(apex.stringLiteralOf(initializerOf(tree, 's')), "it's\nA\\x");
    same(
        apex.stringLiteralOf(initializerOf(tree, 'num')),
        undefined,
        "apex.stringLiteralOf(initializerOf(tree, 'num'))"
    );
    same(apex.stringLiteralOf(initializerOf(tree, 'n')), undefined, "apex.stringLiteralOf(initializerOf(tree, 'n'))");
    assert.equal(apex.nameOf(initializerOf(tree, 'n')), 'name');
    same(apex.nameOf(initializerOf(tree, 'num')), undefined, "apex.nameOf(initializerOf(tree, 'num'))");
    same(apex.nameOf(initializerOf(tree, 'd')), undefined, "apex.nameOf(initializerOf(tree, 'd'))");
    assert.deepEqual(apex.dottedNamesOf(initializerOf(tree, 'd')), ['a', 'b', 'c']);
    assert.deepEqual(apex.dottedNamesOf(initializerOf(tree, 'n')), ['name']);
    same(apex.dottedNamesOf(initializerOf(tree, 'num')), undefined, "apex.dottedNamesOf(initializerOf(tree, 'num'))");
    same(
        apex.dottedNamesOf(initializerOf(tree, 'dottedCall')),
        undefined,
        "apex.dottedNamesOf(initializerOf(tree, 'dottedCall'))"
    );
    same(apex.dottedNamesOf(initializerOf(tree, 'call')), undefined, "apex.dottedNamesOf(initializerOf(tree, 'call'))");
    same(apex.dottedNamesOf(initializerOf(tree, 'idx')), undefined, "apex.dottedNamesOf(initializerOf(tree, 'idx'))");
    const call = apex.dotCallOf(initializerOf(tree, 'call'));
    assert.equal(call.name, 'b');
    assert.equal(call.receiver.getText(), 'A');
    assert.deepEqual(
        call.args.map((a) => a.getText()),
        ['1', 'x']
    );
    assert.deepEqual(apex.dotCallOf(initializerOf(tree, 'noArgs')).args, []);
    same(apex.dotCallOf(initializerOf(tree, 'd')), undefined, "apex.dotCallOf(initializerOf(tree, 'd'))");
    same(apex.dotCallOf(initializerOf(tree, 'n')), undefined, "apex.dotCallOf(initializerOf(tree, 'n'))");
});

const INDEXED = {
    Outer: [
        'public with sharing virtual class Outer extends Base {',
        '    @TestVisible private static Integer counter = 0, other;',
        '    public String name { get; set; }',
        '    webservice static String ws() { return null; }',
        '    global Outer() {}',
        '    protected Outer(Integer a) {}',
        '    void run(Integer a, String b) {}',
        '    void run() {}',
        '    public enum Color { RED }',
        '    @TestVisible class Inner extends Outer { List<Contact> contacts; }',
        '    public interface Shape { Integer area(); void draw(String how); void draw(); }',
        '    { Integer initLocal = 1; }',
        '}'
    ].join('\n'),
    Base: 'public abstract class Base { protected Integer baseField; }',
    Api: 'global interface Api { void call(); }',
    Kinds: 'public enum Kinds { A, B }',
    Tests: '@IsTest private class Tests { @IsTest static void t() {} }',
    Broken: 'public class Broken {'
};

add('apex: apexIndex reads types, members, access and annotations of every file that parses', () => {
    const model = apexModel(INDEXED, { Trig: 'trigger Trig on Account (before insert) { Integer x; }' });
    const index = apex.apexIndex(model);
    same(apex.apexIndex(model), index, 'apex.apexIndex(model)');
    assert.deepEqual(
        index.files.map((f) => [f.name, f.kind, f.file, f.top?.name]),
        [
            ['Outer', 'class', 'Outer.cls', 'Outer'],
            ['Base', 'class', 'Base.cls', 'Base'],
            ['Api', 'class', 'Api.cls', 'Api'],
            ['Kinds', 'class', 'Kinds.cls', 'Kinds'],
            ['Tests', 'class', 'Tests.cls', 'Tests'],
            ['Trig', 'trigger', 'Trig.trigger', undefined]
        ]
    );
    assert.deepEqual(
        [...index.types.keys()],
        ['outer', 'outer.color', 'outer.inner', 'outer.shape', 'base', 'api', 'kinds', 'tests']
    );
    const outer = index.types.get('outer');
    assert.deepEqual(
        [outer.kind, outer.access, outer.explicitAccess, outer.isTest, outer.extendsType, outer.fullName, outer.file],
        ['class', 'public', true, false, 'base', 'Outer', 'Outer.cls']
    );
    assert.deepEqual([...outer.keywords].sort(), ['public', 'virtual', 'withsharing']);
    same(outer.top, outer, 'outer.top');
    same(outer.outer, undefined, 'outer.outer');
    const counter = outer.fields.get('counter');
    assert.deepEqual(
        [
            counter.kind,
            counter.name,
            counter.type,
            counter.access,
            counter.explicitAccess,
            counter.isStatic,
            [...counter.annotations]
        ],
        ['field', 'counter', 'integer', 'private', true, true, ['testvisible']]
    );
    assert.equal(outer.fields.get('other').type, 'integer');
    const name = outer.fields.get('name');
    assert.deepEqual([name.kind, name.type, name.access, name.isStatic], ['property', 'string', 'public', false]);
    const ws = outer.methods.get('ws')[0];
    assert.deepEqual([ws.access, ws.explicitAccess, ws.arity, ws.type], ['global', false, 0, 'string']);
    assert.deepEqual(
        outer.methods.get('run').map((m) => [m.kind, m.arity, m.access, m.explicitAccess, m.type]),
        [
            ['method', 2, 'private', false, undefined],
            ['method', 0, 'private', false, undefined]
        ]
    );
    assert.deepEqual(
        outer.constructors.map((c) => [c.kind, c.name, c.access, c.type]),
        [
            ['constructor', 'Outer', 'global', undefined],
            ['constructor', 'Outer', 'protected', undefined]
        ]
    );
    const inner = index.types.get('outer.inner');
    assert.deepEqual(
        [
            inner.kind,
            inner.fullName,
            inner.access,
            inner.explicitAccess,
            nameOf(inner.outer),
            nameOf(inner.top),
            inner.extendsType
        ],
        ['class', 'Outer.Inner', 'private', false, 'Outer', 'Outer', 'outer']
    );
    assert.ok(inner.annotations.has('testvisible'));
    assert.equal(inner.fields.get('contacts').type, 'list<contact>');
    const shape = index.types.get('outer.shape');
    assert.equal(shape.kind, 'interface');
    assert.deepEqual(
        [...shape.methods.values()].flat().map((m) => [m.name, m.access, m.explicitAccess, m.arity ?? null]),
        [
            ['area', 'public', true, null],
            ['draw', 'public', true, null],
            ['draw', 'public', true, null]
        ]
    );
    assert.deepEqual(
        [...shape.methods.values()].flat().map((m) => m.kind),
        ['method', 'method', 'method']
    );
    assert.equal(index.types.get('outer.color').kind, 'enum');
    same(index.types.get('outer.color').extendsType, undefined, "index.types.get('outer.color').extendsType");
    assert.equal(index.types.get('api').kind, 'interface');
    assert.deepEqual([...index.types.get('api').methods.keys()], ['call']);
    assert.equal(index.types.get('kinds').kind, 'enum');
    assert.equal(index.types.get('tests').isTest, true);
    assert.equal(index.types.get('tests').access, 'private');
    assert.equal(index.types.get('base').access, 'public');
    assert.ok(index.types.get('base').keywords.has('abstract'));
});

add('apex: apexIndex resolves type names, enclosing types and project superclasses', () => {
    const model = apexModel(INDEXED);
    const index = apex.apexIndex(model);
    const outer = index.types.get('outer');
    const inner = index.types.get('outer.inner');
    same(index.resolveType('inner', outer), inner, "index.resolveType('inner', outer)");
    same(index.resolveType('inner', inner), inner, "index.resolveType('inner', inner)");
    same(index.resolveType('inner', undefined), undefined, "index.resolveType('inner', undefined)");
    same(index.resolveType('outer', inner), outer, "index.resolveType('outer', inner)");
    same(index.resolveType('outer.inner', undefined), inner, "index.resolveType('outer.inner', undefined)");
    same(index.resolveType('a.b.c', outer), undefined, "index.resolveType('a.b.c', outer)");
    same(index.resolveType('outer.inner.x', outer), undefined, "index.resolveType('outer.inner.x', outer)");
    same(index.resolveType('list<outer>', outer), undefined, "index.resolveType('list<outer>', outer)");
    same(index.resolveType('outer[]', outer), undefined, "index.resolveType('outer[]', outer)");
    same(index.resolveType(undefined, outer), undefined, 'index.resolveType(undefined, outer)');
    same(index.resolveType('account', outer), undefined, "index.resolveType('account', outer)");
    same(index.superclassOf(outer), index.types.get('base'), 'index.superclassOf(outer)');
    same(index.superclassOf(inner), outer, 'index.superclassOf(inner)');
    same(index.superclassOf(index.types.get('base')), undefined, "index.superclassOf(index.types.get('base'))");
    same(index.superclassOf(undefined), undefined, 'index.superclassOf(undefined)');
    const contacts = inner.fields.get('contacts').node;
    same(index.enclosingType(contacts), inner, 'index.enclosingType(contacts)');
    same(
        index.enclosingType(outer.fields.get('counter').node),
        outer,
        "index.enclosingType(outer.fields.get('counter').node)"
    );
    same(index.enclosingType(undefined), undefined, 'index.enclosingType(undefined)');
    const trigger = apexModel({}, { T: 'trigger T on Account (before insert) { Integer x; }' });
    const triggerIndex = apex.apexIndex(trigger);
    const [local] = apex.findAll(triggerIndex.files[0].tree, apex.Apex.VariableDeclaratorContext);
    same(triggerIndex.enclosingType(local), undefined, 'triggerIndex.enclosingType(local)');
});

/** A type's full name, or undefined. */
const nameOf = (type) => type?.fullName;

/** An answer of declaredType or expressionType with its types by full name (a type holds its parse tree). */
function named(answer) {
    if (!answer) {
        return answer;
    }
    const out = { ...answer };
    for (const key of ['scope', 'type']) {
        if (out[key] && typeof out[key] === 'object') {
            out[key] = out[key].fullName;
        }
    }
    return out;
}

const TYPED = [
    'public class Typed extends Parent {',
    '    Map<Id, Contact> byId;',
    '    Other otherOne;',
    '    List<Other> others;',
    '    Integer twice;',
    '    String p { get { return value; } set { Object inSetter = value; } }',
    '    class Holder { Contact held; Holder next; }',
    '    Typed(Integer ctorArg) { Object inCtor = ctorArg; }',
    '    { Object inInit = twice; }',
    '    void m(Account acc, List<Holder> holders) {',
    '        Contact local = null;',
    '        Integer twice = 1;',
    '        String twice2 = null;',
    '        Long twice2 = null;',
    '        for (Lead l : leads) { Object inLoop = l; }',
    '        try {} catch (DmlException ex) { Object inCatch = ex; }',
    '        switch on acc { when Account a2 { Object inWhen = a2; } }',
    '        Object r1 = acc;',
    '        Object r2 = (Case) acc;',
    '        Object r3 = new Map<String, Lead>();',
    '        Object r4 = [SELECT Id FROM Opportunity];',
    '        Object r5 = holders[0];',
    '        Object r6 = holders[0].held;',
    '        Object r7 = otherOne.inside;',
    '        Object r8 = Other.Nested;',
    "        Object r9 = Knob__mdt.getInstance('x');",
    '        Object r10 = Knob__mdt.getAll();',
    '        Object r11 = Knob__mdt.getAll().values();',
    '        Object r12 = byId.values();',
    '        Object r13 = (acc);',
    '        Object r14 = twice;',
    '        Object r15 = twice2;',
    '        Object r16 = unknownName;',
    '        Object r17 = inherited;',
    '        Object r18 = others[0].inside;',
    '        Object r19 = 5;',
    '        Object r20 = holders.values();',
    '        Object r21 = byId.values(1);',
    '        Object r22 = Knob__mdt.getOther();',
    '        Object r23 = otherOne.missing;',
    '        Object r24 = Other;',
    '        Object r25 = holders[0].next.held;',
    '        Object r26 = acc.Name;',
    '        Object r27 = x.y();',
    '        Object r28 = 1 + 2;',
    '        Object r29 = twice[0];',
    '        Object r30 = Other.Nested.deep;',
    '        Object r31 = byId.keySet();',
    '    }',
    '}'
].join('\n');
const TYPED_CLASSES = {
    Typed: TYPED,
    Parent: 'public virtual class Parent extends Grand { protected Decimal inherited; }',
    Grand: 'public virtual class Grand extends Parent { Integer grand; }',
    Other: 'public class Other { public Account inside; public class Nested { public Lead deep; } }'
};

add('apex: declaredType finds locals, parameters, members and inherited fields where a name is written', () => {
    const model = apexModel(TYPED_CLASSES);
    const index = apex.apexIndex(model);
    const { tree } = index.files[0];
    const at = (variable, name) => named(apex.declaredType(index, initializerOf(tree, variable), name));
    const typed = index.types.get('typed');
    assert.deepEqual(at('r1', 'acc'), { found: true, type: 'account' });
    assert.deepEqual(at('r1', 'local'), { found: true, type: 'contact' });
    assert.deepEqual(at('r1', 'twice'), { found: true, type: 'integer' });
    assert.deepEqual(at('r1', 'twice2'), { found: true, type: undefined });
    assert.deepEqual(at('r1', 'l'), { found: true, type: 'lead' });
    assert.deepEqual(at('r1', 'ex'), { found: true, type: 'dmlexception' });
    assert.deepEqual(at('r1', 'a2'), { found: true, type: 'account' });
    assert.deepEqual(at('r1', 'byid'), { found: true, type: 'map<id,contact>', scope: nameOf(typed) });
    assert.deepEqual(at('r1', 'p'), { found: true, type: 'string', scope: nameOf(typed) });
    assert.deepEqual(at('r1', 'inherited'), { found: true, type: 'decimal', scope: nameOf(index.types.get('parent')) });
    assert.deepEqual(at('r1', 'grand'), { found: true, type: 'integer', scope: nameOf(index.types.get('grand')) });
    assert.deepEqual(at('r1', 'nothing'), { found: false });
    assert.deepEqual(at('inSetter', 'value'), { found: true, type: 'string' });
    assert.deepEqual(at('inCtor', 'ctorarg'), { found: true, type: 'integer' });
    assert.deepEqual(at('inCtor', 'acc'), { found: false });
    assert.deepEqual(at('inInit', 'twice'), { found: true, type: 'integer', scope: nameOf(typed) });
    // a field initializer is no scope of locals: the class's fields answer
    const holder = index.types.get('typed.holder');
    assert.deepEqual(named(apex.declaredType(index, holder.fields.get('held').node, 'next')), {
        found: true,
        type: 'holder',
        scope: nameOf(holder)
    });
    assert.deepEqual(named(apex.declaredType(index, holder.fields.get('held').node, 'otherone')), {
        found: true,
        type: 'other',
        scope: nameOf(typed)
    });
    const trigger = apexModel(
        {},
        {
            T: 'trigger T on Account (before insert) { Contact c; Object r = c; class Kind { Integer hidden; } }'
        }
    );
    const triggerIndex = apex.apexIndex(trigger);
    assert.deepEqual(apex.declaredType(triggerIndex, initializerOf(triggerIndex.files[0].tree, 'r'), 'c'), {
        found: true,
        type: 'contact'
    });
    assert.deepEqual(apex.declaredType(triggerIndex, initializerOf(triggerIndex.files[0].tree, 'r'), 'hidden'), {
        found: false
    });
    const anonymous = apex.parseApex('Contact c; Object r = c;', 'anonymous');
    assert.deepEqual(apex.declaredType(triggerIndex, initializerOf(anonymous.tree, 'r'), 'c'), {
        found: true,
        type: 'contact'
    });
});

add('apex: expressionType follows names, members, casts, new, SOQL, list elements and custom metadata', () => {
    const model = apexModel(TYPED_CLASSES);
    const index = apex.apexIndex(model);
    const { tree } = index.files[0];
    const typed = index.types.get('typed');
    const other = index.types.get('other');
    const raw = (variable) => apex.expressionType(index, initializerOf(tree, variable));
    const of = (variable) => named(raw(variable));
    assert.deepEqual(of('r1'), { key: 'account', scope: nameOf(typed) });
    assert.deepEqual(of('r2'), { key: 'case', scope: nameOf(typed) });
    assert.deepEqual(of('r3'), { key: 'map<string,lead>', scope: nameOf(typed) });
    assert.deepEqual(of('r4'), { key: 'list<opportunity>', scope: nameOf(typed) });
    assert.deepEqual(of('r5'), { key: 'holder', scope: nameOf(typed) });
    assert.deepEqual(of('r6'), { key: 'contact', scope: nameOf(index.types.get('typed.holder')) });
    assert.deepEqual(of('r7'), { key: 'account', scope: nameOf(other) });
    assert.deepEqual(of('r8'), { type: 'Other.Nested' });
    same(raw('r8').type, index.types.get('other.nested'), 'Other.Nested');
    assert.deepEqual(of('r9'), { key: 'knob__mdt', scope: nameOf(typed) });
    assert.deepEqual(of('r10'), { key: 'map<string,knob__mdt>', scope: nameOf(typed) });
    assert.deepEqual(of('r11'), { key: 'list<knob__mdt>', scope: nameOf(typed) });
    assert.deepEqual(of('r12'), { key: 'list<contact>', scope: nameOf(typed) });
    assert.deepEqual(of('r13'), { key: 'account', scope: nameOf(typed) });
    assert.deepEqual(of('r14'), { key: 'integer', scope: nameOf(typed) });
    same(of('r15'), undefined, "of('r15')");
    same(of('r16'), undefined, "of('r16')");
    assert.deepEqual(of('r17'), { key: 'decimal', scope: nameOf(index.types.get('parent')) });
    assert.deepEqual(of('r18'), { key: 'account', scope: nameOf(other) });
    same(of('r19'), undefined, "of('r19')");
    same(of('r20'), undefined, "of('r20')");
    same(of('r21'), undefined, "of('r21')");
    same(of('r22'), undefined, "of('r22')");
    same(of('r23'), undefined, "of('r23')");
    assert.deepEqual(of('r24'), { type: 'Other' });
    assert.deepEqual(of('r25'), { key: 'contact', scope: nameOf(index.types.get('typed.holder')) });
    same(of('r26'), undefined, "of('r26')");
    same(of('r27'), undefined, "of('r27')");
    same(of('r28'), undefined, "of('r28')");
    same(of('r29'), undefined, "of('r29')");
    assert.equal(of('r31'), undefined);
    assert.deepEqual(of('r30'), { key: 'lead', scope: nameOf(index.types.get('other.nested')) });
});

add('apex: custom metadata calls on a variable of that name are the variable’s', () => {
    const model = apexModel({
        A: "public class A { void m(Knob__mdt knob__mdt) { Object r = knob__mdt.getInstance('x'); Object s = Knob__mdt.getAll(); Object t = Knob__c.getAll(); } }"
    });
    const index = apex.apexIndex(model);
    const { tree } = index.files[0];
    same(
        apex.expressionType(index, initializerOf(tree, 'r')),
        undefined,
        "apex.expressionType(index, initializerOf(tree, 'r'))"
    );
    same(
        apex.expressionType(index, initializerOf(tree, 's')),
        undefined,
        "apex.expressionType(index, initializerOf(tree, 's'))"
    );
    same(
        apex.expressionType(index, initializerOf(tree, 't')),
        undefined,
        "apex.expressionType(index, initializerOf(tree, 't'))"
    );
});

add('apex: isAccessible by access, same top-level type and @TestVisible from tests', () => {
    const top = { isTest: false };
    const testTop = { isTest: true };
    const privateMember = { access: 'private', annotations: new Set() };
    const visible = { access: 'private', annotations: new Set(['testvisible']) };
    assert.equal(apex.isAccessible(privateMember, top, top), true);
    assert.equal(apex.isAccessible(privateMember, top, testTop), false);
    assert.equal(apex.isAccessible(privateMember, top, undefined), false);
    assert.equal(apex.isAccessible(privateMember, undefined, undefined), false);
    assert.equal(apex.isAccessible({ access: 'public', annotations: new Set() }, top, undefined), true);
    assert.equal(apex.isAccessible({ access: 'protected', annotations: new Set() }, top, testTop), true);
    assert.equal(apex.isAccessible(visible, top, testTop), true);
    assert.equal(apex.isAccessible(visible, top, top), true);
    assert.equal(apex.isAccessible(visible, top, { isTest: false }), false);
    assert.equal(apex.isAccessible(visible, top, undefined), false);
});

// ---------------------------------------------------------------------------------------------------------------
// xml.mjs

add('xml: readXml keeps attributes, makes nested elements lists, leaves values as text; textOf, listOf, rootOf', () => {
    const dir = tempProject({
        'a.xml':
            '<?xml version="1.0"?>\n<Root a="1"><one>  007  </one><two>x</two><two>y</two><nested><inner>z</inner></nested><empty></empty><attr kind="k">text</attr><attrOnly kind="k"/></Root>'
    });
    try {
        const doc = readXml(path.join(dir, 'a.xml'));
        const root = rootOf(doc, 'Root');
        assert.equal(root['@a'], '1');
        assert.equal(root.one, '007');
        assert.deepEqual(root.two, ['x', 'y']);
        assert.ok(Array.isArray(root.nested));
        assert.equal(textOf(root, 'one'), '007');
        assert.equal(textOf(root, 'two'), 'x');
        assert.equal(textOf(root, 'missing'), undefined);
        assert.equal(textOf(undefined, 'one'), undefined);
        assert.equal(textOf({ n: null }, 'n'), undefined);
        assert.equal(textOf({ n: [null] }, 'n'), undefined);
        assert.equal(textOf({ n: 5 }, 'n'), '5');
        assert.equal(textOf({ n: false }, 'n'), 'false');
        assert.equal(textOf(root, 'empty'), '');
        assert.equal(textOf(root, 'attr'), 'text');
        assert.equal(textOf(root, 'attrOnly'), '');
        assert.deepEqual(listOf(root, 'two'), ['x', 'y']);
        assert.deepEqual(listOf(root, 'one'), ['007']);
        assert.deepEqual(listOf(root, 'missing'), []);
        assert.deepEqual(listOf(undefined, 'x'), []);
        assert.deepEqual(listOf({ x: null }, 'x'), [null]);
        assert.equal(textOf(listOf(root, 'nested')[0], 'inner'), 'z');
        assert.equal(rootOf(doc, 'Other'), undefined);
        assert.equal(rootOf(undefined, 'Root'), undefined);
        assert.equal(rootOf({ Root: { a: 1 } }, 'Root').a, 1);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
});

// ---------------------------------------------------------------------------------------------------------------
// model.mjs

const FIELD = (body) => xml('CustomField', body);
const MODEL_PROJECT = {
    'sfdx-project.json': JSON.stringify({
        packageDirectories: [{ path: 'force-app', default: true }, { path: 'extra' }],
        sourceApiVersion: '64.0',
        namespace: 'ns'
    }),
    [`${MD}/objects/Chat__c/Chat__c.object-meta.xml`]: xml('CustomObject', '<label>Chat</label>'),
    [`${MD}/objects/Chat__c/fields/Status__c.field-meta.xml`]: FIELD(
        '<fullName>Status__c</fullName><label>Status</label><type>Picklist</type><required>true</required><valueSet><valueSetDefinition><value><fullName>Open</fullName></value><value><fullName>Closed</fullName></value><value><label>no name</label></value></valueSetDefinition></valueSet>'
    ),
    [`${MD}/objects/Chat__c/fields/Kind__c.field-meta.xml`]: FIELD(
        '<type>Picklist</type><valueSet><valueSetName>Kinds</valueSetName></valueSet>'
    ),
    [`${MD}/objects/Chat__c/fields/Score__c.field-meta.xml`]: FIELD(
        '<type>Number</type><precision>18</precision><scale>2</scale><length></length><required>false</required>'
    ),
    [`${MD}/objects/Chat__c/fields/Body__c.field-meta.xml`]: FIELD(
        '<type>LongTextArea</type><length>32768</length><visibleLines>5</visibleLines><formula>1</formula>'
    ),
    [`${MD}/objects/Chat__c/fields/Contact__c.field-meta.xml`]: FIELD(
        '<type>Lookup</type><referenceTo>Contact</referenceTo><relationshipName>Chats</relationshipName>'
    ),
    [`${MD}/objects/Chat__c/fields/Broken__c.field-meta.xml`]: '<CustomField><type>Text</CustomField>',
    [`${MD}/objects/Chat__c/fields/notes.txt`]: 'not a field',
    [`${MD}/objects/Chat__c/validationRules/Needs_Status.validationRule-meta.xml`]: xml(
        'ValidationRule',
        '<errorConditionFormula>ISBLANK(Status__c)</errorConditionFormula>'
    ),
    [`${MD}/objects/Chat__c/listViews/All.listView-meta.xml`]: xml('ListView', '<label>All</label>'),
    [`${MD}/objects/Chat__c/compactLayouts/Main.compactLayout-meta.xml`]: xml('CompactLayout', ''),
    [`${MD}/objects/Chat__c/fields/deep/Odd__c.field-meta.xml`]: FIELD('<type>Text</type>'),
    [`${MD}/objects/Chat__c/Other.object-meta.xml`]: xml('CustomObject', ''),
    [`${MD}/objects/Contact/fields/Rank__c.field-meta.xml`]: FIELD('<type>Number</type>'),
    [`${MD}/objects/Broken__c/Broken__c.object-meta.xml`]: '<CustomObject>',
    [`${MD}/objects/Broken__c/validationRules/Bad.validationRule-meta.xml`]: '<ValidationRule>',
    [`${MD}/objects/Broken__c/listViews/Bad.listView-meta.xml`]: '<ListView>',
    [`${MD}/objects/Loose.object-meta.xml`]: xml('CustomObject', ''),
    [`${MD}/classes/Helper.cls`]: 'public class Helper {}',
    [`${MD}/classes/Helper.cls-meta.xml`]: xml('ApexClass', '<apiVersion>64.0</apiVersion>'),
    [`${MD}/classes/Broken.cls`]: 'public class Broken {',
    [`${MD}/notclasses/Stray.cls`]: 'public class Stray {}',
    [`${MD}/triggers/ChatTrigger.trigger`]: 'trigger ChatTrigger on Chat__c (before insert) {}',
    [`${MD}/pages/Home.page`]: '<apex:page/>',
    [`${MD}/tabs/Chat__c.tab-meta.xml`]: xml('CustomTab', ''),
    [`${MD}/applications/Console.app-meta.xml`]: xml('CustomApplication', ''),
    [`${MD}/customPermissions/Close.customPermission-meta.xml`]: xml('CustomPermission', ''),
    [`${MD}/globalValueSets/Kinds.globalValueSet-meta.xml`]: xml('GlobalValueSet', ''),
    [`${MD}/permissionsets/Agent.permissionset-meta.xml`]: xml('PermissionSet', ''),
    [`${MD}/layouts/Chat__c-Chat Layout.layout-meta.xml`]: xml('Layout', ''),
    [`${MD}/flexipages/Chat_Page.flexipage-meta.xml`]: xml('FlexiPage', ''),
    [`${MD}/staticresources/Logo.resource-meta.xml`]: xml('StaticResource', ''),
    [`${MD}/labels/CustomLabels.labels-meta.xml`]: xml(
        'CustomLabels',
        '<labels><fullName>Greeting</fullName><value>Hi</value></labels><labels><fullName>Bye</fullName><value>Bye</value></labels>'
    ),
    [`${MD}/customMetadata/Knob.X9.md-meta.xml`]: xml(
        'CustomMetadata',
        '<label>X 9</label><values><field>Code__c</field><value xsi:type="xsd:string">x9</value></values><values><field>Empty__c</field><value xsi:nil="true"/></values><values><field>Plain__c</field><value>plain</value></values><values><field>Missing__c</field></values><values><field>Blank__c</field><value xsi:type="xsd:string"></value></values>'
    ),
    [`${MD}/customMetadata/Knob.A.B.md-meta.xml`]: '<CustomMetadata>',
    [`${MD}/customMetadata/notes.txt`]: 'x',
    [`${MD}/lwc/card/card.js`]: 'export default class Card {}',
    [`${MD}/lwc/card/card.js-meta.xml`]: xml('LightningComponentBundle', '<isExposed>true</isExposed>'),
    [`${MD}/lwc/card/sub/part.js`]: '',
    [`${MD}/lwc/list/list.js`]: '',
    'extra/main/default/classes/Extra.cls': 'public class Extra {}',
    'extra/node_modules/x/Skipped.cls': '',
    'lwc-ts/card/card.ts': '',
    'lwc-ts/card/card.d.ts': '',
    'lwc-ts/card/__tests__/card.test.ts': '',
    'lwc-ts/card/helpers/util.ts': '',
    'unpackaged/classes/Outside.cls': 'public class Outside {}',
    // look-alikes the model must leave out: files of a kind outside its folder, other files in a kind's folder,
    // folders named like metadata files, suffixes with more after them
    ...Object.fromEntries(
        [
            ['triggers', '.trigger'],
            ['pages', '.page'],
            ['tabs', '.tab-meta.xml'],
            ['applications', '.app-meta.xml'],
            ['customPermissions', '.customPermission-meta.xml'],
            ['globalValueSets', '.globalValueSet-meta.xml'],
            ['permissionsets', '.permissionset-meta.xml'],
            ['layouts', '.layout-meta.xml'],
            ['flexipages', '.flexipage-meta.xml'],
            ['staticresources', '.resource-meta.xml']
        ].flatMap(([folder, suffix]) => [
            [`${MD}/stray/Stray${suffix}`, xml('Stray', '')],
            [`${MD}/${folder}/readme.txt`, 'x']
        ])
    ),
    [`${MD}/objects/Chat__c/other/Y__c.field-meta.xml`]: FIELD('<type>Text</type>'),
    [`${MD}/objects/Chat__c/other/Z.validationRule-meta.xml`]: xml('ValidationRule', ''),
    [`${MD}/objects/Chat__c/other/W.listView-meta.xml`]: xml('ListView', ''),
    [`${MD}/objects/Chat__c/fields/Dir__c.field-meta.xml/readme.txt`]: 'x',
    [`${MD}/objects/Chat__c/validationRules/Dir.validationRule-meta.xml/readme.txt`]: 'x',
    [`${MD}/objects/Chat__c/listViews/Dir.listView-meta.xml/readme.txt`]: 'x',
    [`${MD}/objects/Chat__c/validationRules/readme.txt`]: 'x',
    [`${MD}/objects/Chat__c/listViews/readme.txt`]: 'x',
    [`${MD}/labels/Old.labels-meta.xml.bak`]: xml('CustomLabels', '<labels><fullName>Stale</fullName></labels>'),
    [`${MD}/customMetadata/Knob.Old.md-meta.xml.bak`]: xml('CustomMetadata', '<label>Old</label>'),
    'lwc-ts/card/card.html': '<template></template>'
};

add('model: loadProject reads objects, fields, validation rules and list views', () => {
    return withProject(MODEL_PROJECT, (dir) => {
        const model = loadProject(dir);
        const base = path.join(dir, MD);
        assert.equal(model.projectDir, dir);
        assert.equal(model.apiVersion, '64.0');
        assert.equal(model.project.namespace, 'ns');
        assert.deepEqual(model.packageDirs, [path.join(dir, 'force-app'), path.join(dir, 'extra')]);
        assert.equal(
            model.files.length,
            Object.keys(MODEL_PROJECT).filter((f) => /^(force-app|extra\/main)/.test(f)).length
        );
        assert.deepEqual([...model.objects.keys()].sort(), ['Broken__c', 'Chat__c', 'Contact']);
        const chat = model.object('Chat__c');
        assert.deepEqual(
            [chat.name, chat.defined, chat.file, chat.doc.label],
            ['Chat__c', true, path.join(base, 'objects/Chat__c/Chat__c.object-meta.xml'), 'Chat']
        );
        assert.deepEqual([...chat.fields.keys()].sort(), [
            'Body__c',
            'Broken__c',
            'Contact__c',
            'Kind__c',
            'Score__c',
            'Status__c'
        ]);
        const status = model.field('Chat__c', 'Status__c');
        const { doc, ...info } = status;
        assert.deepEqual(info, {
            name: 'Status__c',
            file: path.join(base, 'objects/Chat__c/fields/Status__c.field-meta.xml'),
            fullName: 'Status__c',
            type: 'Picklist',
            label: 'Status',
            required: true,
            length: undefined,
            precision: undefined,
            scale: undefined,
            visibleLines: undefined,
            referenceTo: undefined,
            relationshipName: undefined,
            formula: undefined,
            globalValueSet: undefined,
            values: ['Open', 'Closed']
        });
        assert.equal(textOf(doc, 'type'), 'Picklist');
        const kind = model.field('Chat__c', 'Kind__c');
        assert.deepEqual([kind.globalValueSet, kind.values, kind.required], ['Kinds', undefined, false]);
        const score = model.field('Chat__c', 'Score__c');
        assert.deepEqual([score.precision, score.scale, score.length, score.values], [18, 2, undefined, undefined]);
        const body = model.field('Chat__c', 'Body__c');
        assert.deepEqual([body.length, body.visibleLines, body.formula], [32768, 5, '1']);
        const contact = model.field('Chat__c', 'Contact__c');
        assert.deepEqual([contact.referenceTo, contact.relationshipName], ['Contact', 'Chats']);
        assert.deepEqual(model.field('Chat__c', 'Broken__c').doc, {});
        assert.equal(model.field('Chat__c', 'Broken__c').type, undefined);
        assert.equal(model.field('Chat__c', 'Nope__c'), undefined);
        assert.equal(model.field('Nope__c', 'Status__c'), undefined);
        assert.equal(model.object('Nope__c'), undefined);
        assert.deepEqual(
            chat.validationRules.map((r) => [r.name, r.formula, r.file]),
            [
                [
                    'Needs_Status',
                    'ISBLANK(Status__c)',
                    path.join(base, 'objects/Chat__c/validationRules/Needs_Status.validationRule-meta.xml')
                ]
            ]
        );
        assert.deepEqual(
            chat.listViews.map((v) => [v.name, v.doc.label]),
            [['All', 'All']]
        );
        const contactObject = model.object('Contact');
        assert.deepEqual([contactObject.defined, contactObject.file, contactObject.doc], [false, undefined, undefined]);
        assert.deepEqual([...contactObject.fields.keys()], ['Rank__c']);
        assert.deepEqual(contactObject.validationRules, []);
        assert.deepEqual(contactObject.listViews, []);
        const broken = model.object('Broken__c');
        assert.deepEqual([broken.defined, broken.doc], [true, {}]);
        assert.deepEqual(
            broken.validationRules.map((r) => [r.name, r.doc, r.formula]),
            [['Bad', {}, undefined]]
        );
        assert.deepEqual(
            broken.listViews.map((v) => [v.name, v.doc]),
            [['Bad', {}]]
        );
    });
});

add('model: loadProject reads Apex, named metadata, labels, custom metadata records and LWC bundles', () => {
    return withProject(MODEL_PROJECT, (dir) => {
        const model = loadProject(dir);
        const base = path.join(dir, MD);
        // files are sorted by path: extra/ comes before force-app/
        assert.deepEqual([...model.classes.keys()], ['Extra', 'Broken', 'Helper']);
        assert.deepEqual(model.classes.get('Helper'), {
            file: path.join(base, 'classes/Helper.cls'),
            text: 'public class Helper {}'
        });
        assert.deepEqual([...model.triggers.keys()], ['ChatTrigger']);
        assert.equal(model.triggers.get('ChatTrigger').text, 'trigger ChatTrigger on Chat__c (before insert) {}');
        const names = (map) => [...map.keys()];
        assert.deepEqual(names(model.pages), ['Home']);
        assert.deepEqual(names(model.tabs), ['Chat__c']);
        assert.equal(model.tabs.get('Chat__c'), path.join(base, 'tabs/Chat__c.tab-meta.xml'));
        assert.deepEqual(names(model.apps), ['Console']);
        assert.deepEqual(names(model.customPermissions), ['Close']);
        assert.deepEqual(names(model.globalValueSets), ['Kinds']);
        assert.deepEqual(names(model.permissionSets), ['Agent']);
        assert.deepEqual(names(model.layouts), ['Chat__c-Chat Layout']);
        assert.deepEqual(names(model.flexipages), ['Chat_Page']);
        assert.deepEqual(names(model.staticResources), ['Logo']);
        assert.deepEqual(names(model.labels), ['Greeting', 'Bye']);
        assert.equal(model.labels.get('Bye').file, path.join(base, 'labels/CustomLabels.labels-meta.xml'));
        assert.equal(textOf(model.labels.get('Greeting').node, 'value'), 'Hi');
        const [broken, knob] = model.records;
        assert.equal(model.records.length, 2);
        assert.deepEqual(broken, {
            file: path.join(base, 'customMetadata/Knob.A.B.md-meta.xml'),
            typeName: 'Knob__mdt',
            recordName: 'A.B',
            label: undefined,
            wellFormed: false,
            values: {},
            given: []
        });
        assert.deepEqual(knob, {
            file: path.join(base, 'customMetadata/Knob.X9.md-meta.xml'),
            typeName: 'Knob__mdt',
            recordName: 'X9',
            label: 'X 9',
            wellFormed: true,
            values: { Code__c: 'x9', Plain__c: 'plain', Blank__c: '' },
            given: [
                { field: 'Code__c', text: 'x9', xsiType: 'xsd:string' },
                { field: 'Empty__c', text: undefined, xsiType: undefined },
                { field: 'Plain__c', text: 'plain', xsiType: undefined },
                { field: 'Missing__c', text: undefined, xsiType: undefined },
                { field: 'Blank__c', text: '', xsiType: 'xsd:string' }
            ]
        });
        assert.deepEqual(
            [...model.bundles.values()].map((b) => [
                b.name,
                path.relative(base, b.dir),
                path.relative(base, b.metaFile),
                b.files.map((f) => path.relative(base, f))
            ]),
            [
                [
                    'card',
                    'lwc/card',
                    'lwc/card/card.js-meta.xml',
                    ['lwc/card/card.js', 'lwc/card/card.js-meta.xml', 'lwc/card/sub/part.js']
                ],
                ['list', 'lwc/list', 'lwc/list/list.js-meta.xml', ['lwc/list/list.js']]
            ]
        );
        assert.equal(model.lwcSourceDir, path.join(dir, 'lwc-ts'));
        assert.deepEqual(
            model.lwcSources.map((f) => path.relative(dir, f)),
            ['lwc-ts/card/card.ts', 'lwc-ts/card/helpers/util.ts']
        );
    });
});

add('model: XML is checked and parsed once per file; Apex trees are parsed once and undefined when broken', () => {
    return withProject(MODEL_PROJECT, (dir) => {
        const model = loadProject(dir);
        const base = path.join(dir, MD);
        const good = path.join(base, 'tabs/Chat__c.tab-meta.xml');
        const bad = path.join(base, 'objects/Broken__c/Broken__c.object-meta.xml');
        assert.equal(model.isWellFormed(good), true);
        assert.equal(model.isWellFormed(bad), false);
        assert.equal(model.xmlError(good), undefined);
        assert.equal(typeof model.xmlError(bad).msg, 'string');
        assert.equal(model.xmlError(bad).line, 1);
        assert.equal(model.root(bad, 'CustomObject'), undefined);
        const root = model.root(good, 'CustomTab');
        assert.equal(model.root(good, 'CustomTab'), root);
        assert.equal(model.root(good, 'Other'), undefined);
        writeFileSync(good, '<broken');
        assert.equal(model.isWellFormed(good), true, 'kept from the first check');
        assert.equal(model.root(good, 'CustomTab'), root, 'kept from the first parse');
        assert.deepEqual(
            model.filesEndingWith('.cls').map((f) => path.relative(dir, f)),
            [
                `${MD}/classes/Broken.cls`,
                `${MD}/classes/Helper.cls`,
                `${MD}/notclasses/Stray.cls`,
                'extra/main/default/classes/Extra.cls'
            ].sort()
        );
        assert.deepEqual(
            model.filesEndingWith('.cls', 'classes').map((f) => path.relative(dir, f)),
            [`${MD}/classes/Broken.cls`, `${MD}/classes/Helper.cls`, 'extra/main/default/classes/Extra.cls'].sort()
        );
        assert.deepEqual(model.filesEndingWith('.cls', 'Helper.cls'), []);
        const helper = model.classes.get('Helper').file;
        writeFileSync(helper, 'public class Helper {');
        const tree = model.apexTree(helper);
        assert.ok(tree instanceof apex.Apex.CompilationUnitContext);
        same(model.apexTree(helper), tree, 'the tree parsed before');
        same(model.apexTree(model.classes.get('Broken').file), undefined, 'a class that does not parse');
        assert.ok(model.apexTree(model.triggers.get('ChatTrigger').file) instanceof apex.Apex.TriggerUnitContext);
        const outside = path.join(dir, 'unpackaged/classes/Outside.cls');
        assert.ok(model.apexTree(outside) instanceof apex.Apex.CompilationUnitContext);
        writeFileSync(helper, 'public class Helper {');
        same(model.apexTree(helper), tree, 'parsed from the text first read');
    });
});

add('model: a project without sourceApiVersion is API 65; without package directories it has no files', () => {
    return withProject({ 'sfdx-project.json': '{}' }, (dir) => {
        const model = loadProject(dir);
        assert.equal(model.apiVersion, '65.0');
        assert.deepEqual(model.packageDirs, []);
        assert.deepEqual(model.files, []);
        assert.deepEqual(model.records, []);
        assert.equal(model.objects.size, 0);
        assert.equal(model.bundles.size, 0);
        assert.deepEqual(model.lwcSources, []);
    });
});

add('model: custom names, system fields and the standard fields of custom objects and custom metadata', () => {
    for (const name of [
        'X__c',
        'X__MDT',
        'X__e',
        'X__x',
        'X__b',
        'X__kav',
        'X__ka',
        'X__r',
        'X__share',
        'X__history',
        'X__feed',
        'X__ChatterFeed'
    ]) {
        assert.equal(isCustomName(name), true, name);
    }
    for (const name of ['Account', 'X__cc', 'X_c', '__c_x', undefined, null, '']) {
        assert.equal(isCustomName(name), false, String(name));
    }
    assert.deepEqual(SYSTEM_FIELDS, [
        'CreatedDate',
        'CreatedById',
        'LastModifiedDate',
        'LastModifiedById',
        'SystemModstamp',
        'IsDeleted',
        'LastViewedDate',
        'LastReferencedDate'
    ]);
    assert.deepEqual([...STANDARD_FIELDS_OF_CUSTOM_OBJECTS], ['Id', 'Name', 'OwnerId', ...SYSTEM_FIELDS]);
    assert.deepEqual(
        [...STANDARD_FIELDS_OF_CUSTOM_METADATA],
        [
            'Id',
            'DeveloperName',
            'MasterLabel',
            'Label',
            'Language',
            'NamespacePrefix',
            'QualifiedApiName',
            'SystemModstamp'
        ]
    );
});

add('model: the valid fixture project', () => {
    const model = loadProject(fixture('metadata', 'valid'));
    assert.equal(model.apiVersion, '65.0');
    assert.equal(model.files.length, 140);
    assert.equal(model.project.namespace, '', 'the committed namespace placeholder stands for none');
    assert.equal(model.declaredProject.namespace, 'c100placeholder');
    assert.ok(model.object('Ticket__c').defined);
    assert.equal(model.field('Ticket__c', 'Account__c').referenceTo, 'Account');
    assert.ok(model.classes.has('QuerySamples'));
    assert.ok(model.triggers.has('SampleEventTrigger'));
    assert.deepEqual([...model.bundles.keys()].sort(), ['chatCard', 'chatList', 'chatPanel']);
});

// ---------------------------------------------------------------------------------------------------------------
// lwc.mjs

const BUNDLE_META = (body) => xml('LightningComponentBundle', body);
const LWC_PROJECT = {
    'sfdx-project.json': SFDX,
    [`${MD}/lwc/card/card.js`]:
        'export default class Card { @api recordId; @api get mode() {} @api  set size(v) {} @track hidden; @api get   spaced() {} @api set   wide(v) {} }',
    [`${MD}/lwc/card/card.js-meta.xml`]: BUNDLE_META(
        '<apiVersion>64.0</apiVersion><isExposed>true</isExposed><targets><target>lightning__RecordPage</target><target>lightning__AppPage</target><target>lightning__HomePage</target></targets><targetConfigs><targetConfig targets="lightning__RecordPage, lightning__AppPage"><property name="title" type="String"/><property name="size" type="Integer"/><objects><object>Account</object><object>Chat__c</object></objects></targetConfig><targetConfig targets="lightning__Nowhere"><property name="x" type="String"/></targetConfig><targetConfig><property name="y" type="String"/></targetConfig></targetConfigs>'
    ),
    [`${MD}/lwc/typed/typed.js`]: 'export default class Typed { @api compiled; }',
    [`${MD}/lwc/typed/typed.js-meta.xml`]: BUNDLE_META(
        '<isExposed>false</isExposed><targets><target>lightning__AppPage</target></targets><targetConfigs><targetConfig targets="lightning__AppPage"><property name="only" type="String"/></targetConfig></targetConfigs>'
    ),
    [`${MD}/lwc/bare/bare.js-meta.xml`]: BUNDLE_META(''),
    [`${MD}/lwc/nometa/nometa.js`]: '',
    [`${MD}/lwc/broken/broken.js-meta.xml`]: '<LightningComponentBundle>',
    [`${MD}/lwc/other/other.js-meta.xml`]: xml('Other', ''),
    'lwc-ts/typed/typed.ts': 'export default class Typed { @api fromTs = 1; @api\n  multiLine: string; }',
    'lwc-ts/typed/typed.js-meta.xml': BUNDLE_META(''),
    'lwc-ts/typed/typed.html': '<template></template>',
    'lwc-ts/typed/typed.test.ts': '',
    'lwc-ts/typed/typed.spec.js': '',
    'lwc-ts/typed/types.d.ts': '',
    'lwc-ts/typed/__tests__/typed.test.ts': '',
    'lwc-ts/typed/__mocks__/mock.ts': '',
    'lwc-ts/typed/__tests__/helper.ts': '',
    'lwc-ts/typed/data.spec.json': '{}',
    'lwc-ts/typed/parts/part.ts': '',
    'lwc-ts/nometa/nometa.ts': '',
    'lwc-ts/stray.ts': ''
};

add('lwc: bundleDeclarations reads exposure, targets, their objects and properties, and public properties', () => {
    return withProject(LWC_PROJECT, (dir) => {
        const model = loadProject(dir);
        const bundles = bundleDeclarations(model);
        assert.equal(bundleDeclarations(model), bundles);
        // no meta file, a malformed one and one of another root element: left out
        assert.deepEqual([...bundles.keys()], ['bare', 'card', 'typed']);
        const card = bundles.get('card');
        assert.equal(card.name, 'card');
        assert.equal(card.dir, path.join(dir, MD, 'lwc/card'));
        assert.equal(card.file, path.join(dir, MD, 'lwc/card/card.js-meta.xml'));
        assert.equal(card.exposed, true);
        assert.equal(textOf(card.root, 'apiVersion'), '64.0');
        assert.deepEqual(
            [...card.targets.keys()],
            ['lightning__RecordPage', 'lightning__AppPage', 'lightning__HomePage']
        );
        const record = card.targets.get('lightning__RecordPage');
        assert.deepEqual([...record.objects], ['Account', 'Chat__c']);
        assert.deepEqual([...record.properties.keys()], ['title', 'size']);
        assert.equal(record.properties.get('size')['@type'], 'Integer');
        assert.equal(card.targets.get('lightning__AppPage').properties, record.properties);
        assert.deepEqual(card.targets.get('lightning__HomePage'), { objects: null, properties: new Map() });
        assert.deepEqual(
            card.configs.map((c) => [c.targets, c.objects, [...c.properties.keys()]]),
            [
                [
                    ['lightning__RecordPage', 'lightning__AppPage'],
                    ['Account', 'Chat__c'],
                    ['title', 'size']
                ],
                [['lightning__Nowhere'], [], ['x']],
                [[''], [], ['y']]
            ]
        );
        assert.deepEqual([...card.publicProperties], ['recordId', 'mode', 'size', 'spaced', 'wide']);
        const typed = bundles.get('typed');
        assert.equal(typed.exposed, false);
        assert.deepEqual(typed.targets.get('lightning__AppPage').objects, null);
        assert.deepEqual([...typed.targets.get('lightning__AppPage').properties.keys()], ['only']);
        assert.deepEqual([...typed.publicProperties], ['fromTs', 'multiLine']);
        const bare = bundles.get('bare');
        assert.deepEqual(
            [bare.exposed, bare.targets.size, bare.configs, [...bare.publicProperties]],
            [false, 0, [], []]
        );
    });
});

add('lwc: bundleSources prefers the TypeScript sources of a bundle, without tests, mocks and declarations', () => {
    return withProject(LWC_PROJECT, (dir) => {
        const model = loadProject(dir);
        const sources = bundleSources(model);
        assert.equal(bundleSources(model), sources);
        assert.deepEqual([...sources.keys()], ['bare', 'broken', 'card', 'nometa', 'other', 'typed']);
        const rel = (files) => files.map((f) => path.relative(dir, f));
        assert.deepEqual(sources.get('typed'), {
            name: 'typed',
            dir: path.join(dir, 'lwc-ts/typed'),
            files: sources.get('typed').files,
            metaFile: path.join(dir, 'lwc-ts/typed/typed.js-meta.xml')
        });
        assert.deepEqual(rel(sources.get('typed').files), [
            'lwc-ts/typed/data.spec.json',
            'lwc-ts/typed/parts/part.ts',
            'lwc-ts/typed/typed.html',
            'lwc-ts/typed/typed.js-meta.xml',
            'lwc-ts/typed/typed.ts'
        ]);
        assert.deepEqual(sources.get('card'), {
            name: 'card',
            dir: path.join(dir, MD, 'lwc/card'),
            files: [path.join(dir, MD, 'lwc/card/card.js'), path.join(dir, MD, 'lwc/card/card.js-meta.xml')],
            metaFile: path.join(dir, MD, 'lwc/card/card.js-meta.xml')
        });
        assert.equal(sources.get('nometa').dir, path.join(dir, MD, 'lwc/nometa'));
    });
});

add('lwc: without an lwc-ts folder the deployed bundles are the sources', () => {
    const files = Object.fromEntries(Object.entries(LWC_PROJECT).filter(([f]) => !f.startsWith('lwc-ts/')));
    return withProject(files, (dir) => {
        const model = loadProject(dir);
        const sources = bundleSources(model);
        assert.deepEqual([...sources.keys()], ['bare', 'broken', 'card', 'nometa', 'other', 'typed']);
        assert.equal(sources.get('typed').dir, path.join(dir, MD, 'lwc/typed'));
        assert.deepEqual([...bundleDeclarations(model).get('typed').publicProperties], ['compiled']);
    });
});

// ---------------------------------------------------------------------------------------------------------------
// probe.mjs (apex-ls's answers come from a prepared APEX_PROBE_CACHE entry: no apex-ls run)

/** Every file under dir, relative with '/', sorted the way the probe hashes a workspace. */
function hashOf(dir, prefix = '') {
    const files = (sub) =>
        readdirSync(path.join(dir, sub), { withFileTypes: true })
            .sort((a, b) => a.name.localeCompare(b.name))
            .flatMap((entry) =>
                entry.isDirectory() ? files(path.join(sub, entry.name)) : [path.join(sub, entry.name)]
            );
    const hash = createHash('sha256');
    for (const relative of files(prefix)) {
        hash.update(`${relative.split(path.sep).join('/')}\0`);
        hash.update(readFileSync(path.join(dir, relative)));
        hash.update('\0');
    }
    return hash.digest('hex');
}

/** The workspace the probe writes for these statements and objects (files: relative path → content). */
function probeWorkspace(statements, apiVersion, objectFiles = {}) {
    const classText = [
        'public with sharing class ProjectProbe {',
        '    public static void probe() {',
        ...statements.map((s) => `        ${s}`),
        '    }',
        '}',
        ''
    ].join('\n');
    return {
        ...objectFiles,
        'sfdx-project.json': JSON.stringify({
            packageDirectories: [{ path: 'force-app', default: true }],
            sourceApiVersion: apiVersion
        }),
        [`${MD}/classes/ProjectProbe.cls`]: classText,
        [`${MD}/classes/ProjectProbe.cls-meta.xml`]: `<?xml version="1.0" encoding="UTF-8" ?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>${apiVersion}</apiVersion><status>Active</status></ApexClass>\n`
    };
}

/**
 * Runs fn with APEX_PROBE_CACHE holding apex-ls's answer `issues` for the workspace `files`. A probe that writes
 * any other workspace misses the cache and fails at once: java is off the PATH meanwhile, so apex-ls cannot start.
 */
async function withProbeCache(files, issues, fn) {
    const expected = tempProject(files);
    const cache = mkdtempSync(path.join(os.tmpdir(), 'probe-cache-'));
    const saved = { cache: process.env.APEX_PROBE_CACHE, path: process.env.PATH };
    try {
        const entry = path.join(cache, `${hashOf(expected)}.json`);
        writeFileSync(entry, JSON.stringify(issues));
        process.env.APEX_PROBE_CACHE = cache;
        process.env.PATH = expected;
        await fn(cache);
        assert.deepEqual(readdirSync(cache), [path.basename(entry)], 'the probe wrote the workspace expected');
    } finally {
        process.env.PATH = saved.path;
        if (saved.cache === undefined) {
            delete process.env.APEX_PROBE_CACHE;
        } else {
            process.env.APEX_PROBE_CACHE = saved.cache;
        }
        rmSync(expected, { recursive: true, force: true });
        rmSync(cache, { recursive: true, force: true });
    }
}

const PROBE_CLASS = `${MD}/classes/ProjectProbe.cls`;

add(
    'probe: questions become lines of one class; findings go to the statement of their line; clean ones are told',
    async () => {
        const statements = [
            'Object a = 1;',
            '{ Contact probeRecord = null; Object probeValue = probeRecord.Account.Name; }',
            'Object c = 3;',
            'Object d = 4;'
        ];
        const issues = [
            { file: PROBE_CLASS, line: 3, message: 'first on a' },
            { file: PROBE_CLASS, line: 3, message: 'second on a' },
            { file: PROBE_CLASS, line: 4, message: 'on the field' }
        ];
        await withProbeCache(probeWorkspace(statements, '61.0'), issues, () => {
            const probe = new ApexProbe({ objects: new Map(), apiVersion: '61.0' });
            const heard = [];
            probe.ask(
                'Object a = 1;',
                (m) => heard.push(`a: ${m}`),
                () => heard.push('a clean')
            );
            probe.askField('Contact', 'Account.Name', (m) => heard.push(`field: ${m}`));
            probe.ask(
                'Object c = 3;',
                (m) => heard.push(`c: ${m}`),
                () => heard.push('c clean')
            );
            probe.ask('Object d = 4;', (m) => heard.push(`d: ${m}`));
            assert.equal(probe.size, 4);
            probe.run();
            assert.deepEqual(heard, ['a: first on a', 'a: second on a', 'field: on the field', 'c clean']);
        });
    }
);

add('probe: a statement of more than one line is refused; nothing queued asks nothing', () => {
    const probe = new ApexProbe({ objects: new Map(), apiVersion: '65.0' });
    assert.throws(() => probe.ask('a;\nb;', () => {}), { message: 'a probe statement must be one line: a;\nb;' });
    assert.throws(() => probe.ask('a;\rb;', () => {}), /must be one line/);
    assert.equal(probe.size, 0);
    const saved = process.env.APEX_PROBE_CACHE;
    const cache = path.join(os.tmpdir(), `probe-cache-never-${process.pid}`);
    process.env.APEX_PROBE_CACHE = cache;
    try {
        probe.run();
        assert.deepEqual(
            readdirSync(os.tmpdir()).filter((f) => f === path.basename(cache)),
            []
        );
    } finally {
        if (saved === undefined) {
            delete process.env.APEX_PROBE_CACHE;
        } else {
            process.env.APEX_PROBE_CACHE = saved;
        }
    }
});

add('probe: a finding on another file or outside the questions is an error of the probe', async () => {
    const statements = ['Object a = 1;'];
    for (const issue of [
        { file: `${MD}/classes/Other.cls`, line: 3, message: 'elsewhere' },
        { file: PROBE_CLASS, line: 2, message: 'on the header' },
        { file: PROBE_CLASS, line: 4, message: 'after the questions' }
    ]) {
        await withProbeCache(probeWorkspace(statements, '65.0'), [issue], () => {
            const probe = new ApexProbe({ objects: new Map(), apiVersion: '65.0' });
            probe.ask('Object a = 1;', () => assert.fail('no finding is on the question'));
            assert.throws(
                () => probe.run(),
                (error) => {
                    assert.ok(
                        error.message.startsWith('apex-ls reported on the probe workspace itself: '),
                        error.message
                    );
                    assert.ok(error.message.endsWith(`:${issue.line} ${issue.message}`), error.message);
                    assert.ok(
                        error.message.includes(path.join(MD, 'classes', path.basename(issue.file))),
                        error.message
                    );
                    return true;
                }
            );
        });
    }
});

add('probe: the workspace holds the project’s objects without list views and validation rules', async () => {
    const objectFiles = {
        'Chat__c/Chat__c.object-meta.xml': xml('CustomObject', '<label>Chat</label>'),
        'Chat__c/fields/Status__c.field-meta.xml': FIELD('<type>Text</type>'),
        'Chat__c/listViews/All.listView-meta.xml': xml('ListView', ''),
        'Chat__c/validationRules/Rule.validationRule-meta.xml': xml('ValidationRule', ''),
        'Chat__c/listViewsMore/x.xml': 'kept',
        'Contact/fields/Rank__c.field-meta.xml': FIELD('<type>Number</type>'),
        'acme__c/acme__c.object-meta.xml': xml('CustomObject', '<label>lower case</label>')
    };
    const source = tempProject(objectFiles);
    try {
        const at = (relative) => path.join(source, relative);
        const model = {
            apiVersion: '64.0',
            objects: new Map([
                ['Chat__c', { name: 'Chat__c', file: at('Chat__c/Chat__c.object-meta.xml'), fields: new Map() }],
                [
                    'Contact',
                    {
                        name: 'Contact',
                        file: undefined,
                        fields: new Map([['Rank__c', { file: at('Contact/fields/Rank__c.field-meta.xml') }]])
                    }
                ],
                ['Empty__c', { name: 'Empty__c', file: undefined, fields: new Map() }],
                // sorted as the hash sorts (acme__c between Chat__c and Contact), not by character code
                ['acme__c', { name: 'acme__c', file: at('acme__c/acme__c.object-meta.xml'), fields: new Map() }]
            ])
        };
        const copied = Object.fromEntries(
            Object.entries(objectFiles)
                .filter(([relative]) => !/\/(listViews|validationRules)\//.test(relative))
                .map(([relative, content]) => [`${MD}/objects/${relative}`, content])
        );
        await withProbeCache(probeWorkspace(['Object a = 1;'], '64.0', copied), [], () => {
            const probe = new ApexProbe(model);
            let clean = 0;
            probe.ask(
                'Object a = 1;',
                () => assert.fail('no finding'),
                () => clean++
            );
            probe.run();
            assert.equal(clean, 1);
        });
    } finally {
        rmSync(source, { recursive: true, force: true });
    }
});

/**
 * A stand-in for apex-ls on the PATH: a `java` that answers one finding on the first probe line of the workspace
 * it is given, as apex-ls's JSON report does. With it, the probe runs its uncached path without a JVM.
 */
function fakeApexLs() {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'fake-apex-ls-'));
    const report = `{"files":[{"path":"%s/${PROBE_CLASS}","messages":[{"start":{"line":3},"category":"Missing","message":"fake finding"}]}]}`;
    writeFileSync(
        path.join(bin, 'java'),
        `#!/bin/sh\nwhile [ $# -gt 0 ]; do if [ "$1" = "-w" ]; then ws="$2"; fi; shift; done\nprintf '${report}' "$ws"\nexit 4\n`,
        { mode: 0o755 }
    );
    return bin;
}

/** Runs fn with the environment changed as given (undefined removes a variable), then puts it back. */
async function withEnv(changes, fn) {
    const saved = Object.fromEntries(Object.keys(changes).map((key) => [key, process.env[key]]));
    const apply = (values) => {
        for (const [key, value] of Object.entries(values)) {
            if (value === undefined) {
                delete process.env[key];
            } else {
                process.env[key] = value;
            }
        }
    };
    apply(changes);
    try {
        return await fn();
    } finally {
        apply(saved);
    }
}

add('probe: without a cache apex-ls answers, and the probe’s workspace is removed afterwards', async () => {
    const bin = fakeApexLs();
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'probe-tmp-'));
    try {
        await withEnv({ PATH: bin, APEX_PROBE_CACHE: undefined, TMPDIR: tmp }, () => {
            const probe = new ApexProbe({ objects: new Map(), apiVersion: '65.0' });
            const heard = [];
            probe.ask('Object a = 1;', (m) => heard.push(`a: ${m}`));
            probe.ask(
                'Object b = 2;',
                (m) => heard.push(`b: ${m}`),
                () => heard.push('b clean')
            );
            probe.run();
            assert.deepEqual(heard, ['a: fake finding', 'b clean']);
            assert.deepEqual(readdirSync(tmp), []);
        });
        await withEnv({ PATH: tmp, APEX_PROBE_CACHE: undefined, TMPDIR: tmp }, () => {
            const probe = new ApexProbe({ objects: new Map(), apiVersion: '65.0' });
            probe.ask('Object a = 1;', () => {});
            assert.throws(() => probe.run(), /could not start java/);
            assert.deepEqual(readdirSync(tmp), [], 'removed after a failure too');
        });
    } finally {
        rmSync(bin, { recursive: true, force: true });
        rmSync(tmp, { recursive: true, force: true });
    }
});

add(
    'probe: apex-ls’s answer is kept in the cache under the workspace’s hash and answered from there next time',
    async () => {
        const bin = fakeApexLs();
        const cache = path.join(mkdtempSync(path.join(os.tmpdir(), 'probe-cache-')), 'nested', 'deeper');
        const statements = ['Object a = 1;'];
        const expected = tempProject(probeWorkspace(statements, '65.0'));
        try {
            const ask = () => {
                const probe = new ApexProbe({ objects: new Map(), apiVersion: '65.0' });
                const heard = [];
                probe.ask(statements[0], (m) => heard.push(m));
                probe.run();
                return heard;
            };
            await withEnv({ PATH: bin, APEX_PROBE_CACHE: cache }, () => assert.deepEqual(ask(), ['fake finding']));
            const entry = `${hashOf(expected)}.json`;
            assert.deepEqual(readdirSync(cache), [entry]);
            assert.deepEqual(JSON.parse(readFileSync(path.join(cache, entry), 'utf8')), [
                { file: PROBE_CLASS.split('/').join(path.sep), line: 3, category: 'Missing', message: 'fake finding' }
            ]);
            // java is gone now: only the cache can answer
            await withEnv({ PATH: cache, APEX_PROBE_CACHE: cache }, () => assert.deepEqual(ask(), ['fake finding']));
        } finally {
            rmSync(bin, { recursive: true, force: true });
            rmSync(path.dirname(path.dirname(cache)), { recursive: true, force: true });
            rmSync(expected, { recursive: true, force: true });
        }
    }
);

// ---------------------------------------------------------------------------------------------------------------
// run.mjs and list.mjs

add('run: loadRules loads every rule file in name order, or one group', async () => {
    const files = readdirSync(RULES_DIR)
        .filter((f) => f.endsWith('.mjs'))
        .sort();
    const all = await loadRules();
    assert.deepEqual(
        all.map((r) => `${r.name}.mjs`),
        files
    );
    assert.ok(all.every((r) => ['metadata', 'soql', 'apex'].includes(r.group) && typeof r.description === 'string'));
    for (const group of ['metadata', 'soql', 'apex']) {
        const rules = await loadRules(group);
        assert.ok(rules.length > 0, group);
        assert.deepEqual(
            rules,
            all.filter((r) => r.group === group)
        );
    }
    assert.deepEqual(await loadRules('none'), []);
    assert.equal(path.basename(RULES_DIR), 'rules');
    assert.equal(path.basename(path.dirname(RULES_DIR)), 'checks');
});

add('run: runRules reads the project once, runs each rule with its own report and the shared probe', async () => {
    return withProject(MODEL_PROJECT, async (dir) => {
        const calls = [];
        const rules = [
            {
                name: 'first',
                check(model, report, probe) {
                    calls.push(['first', model, probe]);
                    report('a.xml', 'one');
                    report('b.xml', 'two');
                }
            },
            {
                name: 'second',
                async check(model, report, probe) {
                    await Promise.resolve();
                    calls.push(['second', model, probe]);
                    report('c.xml', 'three');
                }
            }
        ];
        const { problems, model } = await runRules(dir, rules);
        assert.deepEqual(problems, [
            { rule: 'first', file: 'a.xml', message: 'one' },
            { rule: 'first', file: 'b.xml', message: 'two' },
            { rule: 'second', file: 'c.xml', message: 'three' }
        ]);
        assert.equal(model.projectDir, dir);
        assert.deepEqual(
            calls.map((c) => c[0]),
            ['first', 'second']
        );
        same(calls[0][1], model, 'the model of the first rule');
        same(calls[1][1], model, 'the model of the second rule');
        assert.ok(calls[0][2] instanceof ApexProbe);
        same(calls[0][2], calls[1][2], 'the probe of both rules');
        assert.equal(calls[0][2].size, 0);
    });
});

add('run: runRules runs the probe after every rule has asked', async () => {
    const statements = ['Object a = 1;', 'Object b = 2;'];
    await withProbeCache(
        probeWorkspace(statements, '64.0'),
        [{ file: PROBE_CLASS, line: 4, message: 'b is wrong' }],
        () =>
            withProject({ 'sfdx-project.json': SFDX }, async (dir) => {
                const heard = [];
                const asking = (name, statement) => ({
                    name,
                    check(model, report, probe) {
                        probe.ask(
                            statement,
                            (m) => report('x', `${name}: ${m}`),
                            () => heard.push(`${name} clean`)
                        );
                    }
                });
                const { problems } = await runRules(dir, [asking('a', statements[0]), asking('b', statements[1])]);
                assert.deepEqual(problems, [{ rule: 'b', file: 'x', message: 'b: b is wrong' }]);
                assert.deepEqual(heard, ['a clean']);
            })
    );
});

const VERSION_PROJECT = {
    'sfdx-project.json': SFDX,
    [`${MD}/classes/Helper.cls`]: 'public class Helper {}',
    [`${MD}/classes/Helper.cls-meta.xml`]: xml('ApexClass', '<apiVersion>64.0</apiVersion>')
};

add('run: runGroup passes a clean project and prints the success line', async () => {
    await withProject(VERSION_PROJECT, async (dir) => {
        const success = (model, rules) => `${rules.map((r) => r.name).join(',')} over ${model.files.length} file(s)`;
        const { result, out } = await captured(() =>
            runGroup('metadata', [dir, '--rule=api-version'], '/nowhere', success)
        );
        assert.equal(result, 0);
        assert.equal(out, '✓ api-version over 2 file(s)');
        const cwd = process.cwd();
        process.chdir(dir);
        try {
            const fromDefault = await captured(() => runGroup('metadata', ['--rule=api-version,pairs'], dir, success));
            assert.equal(fromDefault.out, '✓ api-version,pairs over 2 file(s)');
            const relative = await captured(() =>
                runGroup('metadata', ['.', '--rule=api-version'], '/nowhere', success)
            );
            assert.equal(relative.result, 0);
        } finally {
            process.chdir(cwd);
        }
    });
});

add('run: runGroup names each problem with its rule and a relative path, and counts them', async () => {
    const files = {
        ...VERSION_PROJECT,
        [`${MD}/classes/Helper.cls-meta.xml`]: xml('ApexClass', '<apiVersion>63.0</apiVersion>'),
        [`${MD}/classes/Other.cls`]: 'public class Other {}',
        [`${MD}/classes/Other.cls-meta.xml`]: xml('ApexClass', '<apiVersion>62.0</apiVersion>')
    };
    await withProject(files, async (dir) => {
        const cwd = process.cwd();
        process.chdir(path.dirname(dir));
        try {
            const { result, out } = await captured(() =>
                runGroup('metadata', [dir, '--rule=api-version', '--verbose'], '/nowhere', () => 'unused')
            );
            assert.equal(result, 1);
            const base = path.join(path.basename(dir), MD, 'classes');
            assert.equal(
                out,
                [
                    `✗ [api-version] ${path.join(base, 'Helper.cls-meta.xml')}: apiVersion 63.0 differs from sourceApiVersion 64.0`,
                    `✗ [api-version] ${path.join(base, 'Other.cls-meta.xml')}: apiVersion 62.0 differs from sourceApiVersion 64.0`,
                    '2 metadata problem(s)'
                ].join('\n')
            );
        } finally {
            process.chdir(cwd);
        }
    });
});

add('run: runGroup runs several groups over one model, with a success line for each group that ran', async () => {
    await withProject(VERSION_PROJECT, async (dir) => {
        const success = (model, rules, group) => `${group}: ${rules.map((r) => r.name).join(',')}`;
        const both = await captured(() =>
            runGroup(['metadata', 'apex'], [dir, '--rule=api-version,pairs,apex-rest-status'], '/nowhere', success)
        );
        assert.equal(both.result, 0);
        assert.equal(both.out, ['✓ metadata: api-version,pairs', '✓ apex: apex-rest-status'].join('\n'));
        const oneRan = await captured(() =>
            runGroup(['metadata', 'soql'], [dir, '--rule=api-version'], '/nowhere', success)
        );
        assert.deepEqual([oneRan.result, oneRan.out], [0, '✓ metadata: api-version']);
        const none = await captured(() => runGroup(['apex', 'soql'], [dir, '--rule=pairs'], '/nowhere', success));
        assert.deepEqual([none.result, none.out], [1, '✗ no apex, soql rule called pairs']);
    });
    assert.deepEqual(Object.keys(GROUP_SUMMARIES), ['metadata', 'apex', 'soql']);
    const model = { files: [1, 2], classes: new Map([['A', {}]]), triggers: new Map([['T', {}]]), queries: [1, 2, 3] };
    assert.deepEqual(
        Object.values(GROUP_SUMMARIES).map((summary) => summary(model, [{}])),
        [
            '2 metadata file(s) pass 1 metadata rules',
            '2 Apex file(s) pass 1 rules',
            '3 SOQL/SOSL quer(ies) in 2 Apex file(s) pass 1 rules'
        ]
    );
});

add('run: runGroup refuses an unknown rule or a group without rules', async () => {
    const unknown = await captured(() =>
        runGroup('metadata', ['/nowhere', '--rule=no-such-rule'], '/nowhere', () => 'x')
    );
    assert.deepEqual([unknown.result, unknown.out], [1, '✗ no metadata rule called no-such-rule']);
    const otherGroup = await captured(() =>
        runGroup('soql', ['/nowhere', '--rule=api-version'], '/nowhere', () => 'x')
    );
    assert.deepEqual([otherGroup.result, otherGroup.out], [1, '✗ no soql rule called api-version']);
    const none = await captured(() => runGroup('none', [], '/nowhere', () => 'x'));
    assert.deepEqual([none.result, none.out], [1, '✗ no none rules']);
});

add(
    'list: docs/CHECKS.md lists every rule; a page missing, changing or keeping a gone rule is told apart',
    async () => {
        const page = readFileSync(CHECKS_PAGE, 'utf8');
        assert.deepEqual(await staleRows(page), []);
        const [first, second, third] = await loadRules();
        const edited = page
            .split('\n')
            .filter((line) => !line.includes(`| \`${first.name}\``))
            .map((line) =>
                line.includes(`| \`${second.name}\``) ? line.replace(/\|[^|]*\|\s*$/, '| changed |') : line
            )
            .join('\n');
        assert.deepEqual(
            await staleRows(
                `${edited}\n| \`check:metadata\` | \`gone-rule\` | removed \\| long ago |\n| a | b |\n| x | not code | y |\n| step | rule | what it proves |\n| x | see \`gone\` | y |\n| x | \`gone\` too | y |\n`
            ),
            [
                `${first.name}: not listed`,
                `${second.name}: its description changed`,
                'gone-rule: listed, but there is no such rule'
            ]
        );
        const escaped = `| \`check:metadata\` | \`${third.name}\` | ${third.description.replace(/\|/g, '\\|')} |`;
        assert.deepEqual(
            (await staleRows(escaped)).filter((p) => p.startsWith(`${third.name}:`)),
            []
        );
        assert.deepEqual(
            (await staleRows(`|\`check:metadata\`|\`${third.name}\`|  ${third.description}  |`)).filter((p) =>
                p.startsWith(`${third.name}:`)
            ),
            []
        );
    }
);

add('list: the rules table is ordered by step then name, and escapes pipes', async () => {
    const rows = (await rulesTable()).split('\n');
    const rules = await loadRules();
    assert.equal(rows.length, rules.length + 2);
    assert.equal(rows[0], '| step | rule | what it proves |');
    assert.equal(rows[1], '| --- | --- | --- |');
    const step = { metadata: 'check:metadata', soql: 'check:soql', apex: 'check:apex-rules' };
    const order = ['metadata', 'soql', 'apex'];
    const expected = [...rules]
        .sort(
            (a, b) =>
                order.indexOf(a.group) - order.indexOf(b.group) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
        )
        .map((r) => `| \`${step[r.group]}\` | \`${r.name}\` | ${r.description.split('|').join('\\|')} |`);
    assert.deepEqual(rows.slice(2), expected);
    assert.ok(rows.some((row) => row.includes('\\|')) || !rules.some((r) => r.description.includes('|')));
});

add('list: a fresh page keeps the text around the markers and replaces the table between them', async () => {
    const start = '<!-- rules:start (generated by npm run docs:rules) -->';
    const end = '<!-- rules:end -->';
    const table = await rulesTable();
    assert.equal(
        await freshPage(`before\n${start}\nold table\n${end}\nafter\n`),
        `before\n${start}\n\n${table}\n\n${end}\nafter\n`
    );
    assert.equal(await freshPage(`${start}${end}`), `${start}\n\n${table}\n\n${end}`);
    const message = `docs/CHECKS.md has no ${start} … ${end} markers`;
    await assert.rejects(freshPage('no markers'), { message });
    await assert.rejects(freshPage(`${start} only`), { message });
    await assert.rejects(freshPage(`${end} before ${start}`), { message });
    await assert.rejects(freshPage(`${end} only`), { message });
});
