// Every local check is fed a deliberately broken example and must fail on it, naming the problem,
// and a valid example it must pass. A check that cannot fail proves nothing.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
    existsSync,
    mkdirSync,
    mkdtempSync,
    readFileSync,
    rmSync,
    statSync,
    unlinkSync,
    utimesSync,
    writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, ROOT, assertMentions, copyOut, fixture, node, run } from './lib/harness.mjs';
import { writeAll } from '../build-lwc.mjs';

describe('type-check (tsc, strict, with the platform module declarations)', () => {
    test('passes typed wires, Apex calls, toasts and navigation used correctly', () => {
        const { code, out } = run(path.join(BIN, 'tsc'), ['-p', fixture('typecheck', 'valid', 'tsconfig.json')]);
        assert.equal(code, 0, out);
    });

    test('fails on a wrong wire config, wrong wired type, wrong Apex argument, bad toast and undeclared Apex method', () => {
        const { code, out } = run(path.join(BIN, 'tsc'), ['-p', fixture('typecheck', 'broken', 'tsconfig.json')]);
        assert.notEqual(code, 0);
        assertMentions(out, [
            "Cannot find module '@salesforce/apex/ChatHistoryController.getNothing'",
            'chatHistory.ts(13,',
            "Type 'string' is not assignable to type 'ChatSummary[]'",
            "Type 'string' is not assignable to type 'number'",
            `Type '"fancy"' is not assignable to type 'ToastVariant | undefined'`
        ]);
    });
});

describe('preview scenes against the Apex contract', () => {
    test('passes a scene whose answers have the declared types', () => {
        const { code, out } = node('check-scene-types.mjs', [fixture('scene-types', 'valid')]);
        assert.equal(code, 0, out);
    });

    test('fails on a wrong answer, an incomplete answer, an unknown parameter and an undeclared method', () => {
        const { code, out } = node('check-scene-types.mjs', [fixture('scene-types', 'broken')]);
        assert.notEqual(code, 0);
        assertMentions(out, [
            `ChatTranscriptController.getChats answer 1: Type '"Phone call"' is not assignable`,
            "ChatActionsController.getActionState answer 1: Type '{ options: never[]; }' is missing the following properties",
            `ChatActionsController.getActionState "when" of answer 1: Object literal may only specify known properties, and '"chat"' does not exist`,
            "Cannot find module '@salesforce/apex/ChatActionsController.deleteEverything'",
            '4 problem(s)'
        ]);
    });
});

describe('ESLint (LWC platform rules, TypeScript-aware)', () => {
    test('reports innerHTML and a floating promise in a component', async () => {
        const { ESLint } = await import('eslint');
        const eslint = new ESLint({ cwd: ROOT });
        const code = readFileSync(fixture('eslint', 'innerHtml.ts'), 'utf8');
        // Linted as if it were a component source, so the component rules and type information apply.
        const [result] = await eslint.lintText(code, {
            filePath: path.join(ROOT, 'lwc-ts', 'errorPanel', 'errorPanel.ts')
        });
        const rules = result.messages.map((m) => m.ruleId);
        assert.ok(rules.includes('@lwc/lwc/no-inner-html'), JSON.stringify(result.messages));
        assert.ok(rules.includes('@typescript-eslint/no-floating-promises'), JSON.stringify(result.messages));
    });
});

describe('Prettier (Apex, TypeScript, XML)', () => {
    test('fails on unformatted Apex, TypeScript and XML', () => {
        const dir = copyOut(fixture('prettier'));
        const emptyIgnore = path.join(dir, '.empty-ignore');
        writeFileSync(emptyIgnore, '');
        try {
            const { code, out } = run(path.join(BIN, 'prettier'), [
                '--config',
                path.join(ROOT, '.prettierrc'),
                '--ignore-path',
                emptyIgnore,
                '--check',
                dir
            ]);
            assert.notEqual(code, 0);
            assertMentions(out, ['Ugly.cls', 'ugly.ts', 'ugly.xml']);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('LWC build (lwc-ts → force-app/main/default/lwc)', () => {
    const source = fixture('build', 'lwc-ts');
    const tsconfig = fixture('build', 'tsconfig.json');

    function build(output, ...extra) {
        return node('build-lwc.mjs', ['--source', source, '--output', output, '--tsconfig', tsconfig, ...extra]);
    }

    test('emits JavaScript that keeps decorators as written, copies the rest, leaves tests out', () => {
        const output = mkdtempSync(path.join(os.tmpdir(), 'lwc-out-'));
        try {
            assert.equal(build(output).code, 0);
            const js = readFileSync(path.join(output, 'hello', 'hello.js'), 'utf8');
            assert.match(js, /^\/\/ Generated by `npm run build` from /);
            assert.match(js, /@api\s+name;/);
            assert.doesNotMatch(js, /__decorate|string \| undefined/);
            assert.ok(existsSync(path.join(output, 'hello', 'hello.html')));
            assert.ok(existsSync(path.join(output, 'hello', 'hello.js-meta.xml')));
            assert.ok(!existsSync(path.join(output, 'hello', '__tests__')));
            assert.equal(build(output, '--check').code, 0);
        } finally {
            rmSync(output, { recursive: true, force: true });
        }
    });

    test('check fails when the committed output was edited by hand, is missing a file or has an extra one', () => {
        const output = mkdtempSync(path.join(os.tmpdir(), 'lwc-out-'));
        try {
            build(output);
            writeFileSync(path.join(output, 'hello', 'hello.js'), 'export default class Hello {}\n');
            unlinkSync(path.join(output, 'hello', 'hello.css'));
            writeFileSync(path.join(output, 'hello', 'stray.js'), '');
            const { code, out } = build(output, '--check');
            assert.equal(code, 1);
            assertMentions(out, [
                'differs from a fresh build: hello/hello.js',
                'missing: hello/hello.css',
                'not produced by the build: hello/stray.js'
            ]);
        } finally {
            rmSync(output, { recursive: true, force: true });
        }
    });

    test('a rebuild writes only what changed and removes what the build no longer produces', () => {
        const output = mkdtempSync(path.join(os.tmpdir(), 'lwc-out-'));
        try {
            const built = new Map([
                ['hello/hello.js', 'export default class Hello {}\n'],
                ['hello/hello.html', '<template></template>\n']
            ]);
            assert.equal(writeAll(built, output), 2);
            const kept = path.join(output, 'hello', 'hello.html');
            const old = new Date('2020-01-01T00:00:00Z');
            utimesSync(kept, old, old);
            writeFileSync(path.join(output, 'hello', 'hello.js'), 'edited by hand\n');
            mkdirSync(path.join(output, 'gone', 'deep'), { recursive: true });
            writeFileSync(path.join(output, 'gone', 'deep', 'gone.js'), '');
            assert.equal(writeAll(built, output), 2, 'one file rewritten, one removed');
            assert.equal(statSync(kept).mtimeMs, old.getTime(), 'an unchanged file is not rewritten');
            assert.equal(readFileSync(path.join(output, 'hello', 'hello.js'), 'utf8'), built.get('hello/hello.js'));
            assert.ok(!existsSync(path.join(output, 'gone')), 'a bundle the build no longer produces is removed');
            assert.ok(existsSync(output), 'the output folder itself stays');
            assert.equal(writeAll(built, output), 0, 'a current output is not touched');
        } finally {
            rmSync(output, { recursive: true, force: true });
        }
    });

    test('check fails when a bundle is not mapped in tsconfig paths', () => {
        const output = mkdtempSync(path.join(os.tmpdir(), 'lwc-out-'));
        try {
            build(output);
            const { code, out } = node('build-lwc.mjs', [
                '--source',
                source,
                '--output',
                output,
                '--tsconfig',
                fixture('build', 'tsconfig.missing-path.json'),
                '--check'
            ]);
            assert.equal(code, 1);
            assertMentions(out, ['add "c/hello"']);
        } finally {
            rmSync(output, { recursive: true, force: true });
        }
    });
});

describe('Apex syntax (apex-parser)', () => {
    test('passes valid classes and triggers', () => {
        const { code, out } = node('check-apex-syntax.mjs', [fixture('apex-syntax', 'valid')]);
        assert.equal(code, 0, out);
        assertMentions(out, ['2 Apex file(s) parse without errors']);
    });

    test('fails on a missing semicolon, an unclosed class and a bad trigger event', () => {
        const { code, out } = node('check-apex-syntax.mjs', [fixture('apex-syntax', 'broken')]);
        assert.equal(code, 1);
        assertMentions(out, ["MissingBrace.cls:4:4 missing ';'", 'MissingBrace.cls:5:0', 'BadTrigger.trigger:1:37']);
    });
});

describe('Apex semantics (apex-ls)', () => {
    test('passes a class that uses its own object correctly', () => {
        const { code, out } = node('check-apex-semantics.mjs', [fixture('apex-ls', 'valid')]);
        assert.equal(code, 0, out);
    });

    test('fails on an unknown field, a type mismatch and an unknown class', () => {
        const { code, out } = node('check-apex-semantics.mjs', [fixture('apex-ls', 'broken')]);
        assert.equal(code, 1);
        assertMentions(out, [
            "Unknown field 'Text__c' on SObject 'Schema.Chat_Note__c'",
            "Incompatible types in assignment, from 'System.String' to 'System.Integer'",
            "No variable or type found for 'NoteFactory'"
        ]);
    });
});

describe('metadata checker', () => {
    test('passes a consistent project', () => {
        const { code, out } = node('check-metadata.mjs', [fixture('metadata', 'valid')]);
        assert.equal(code, 0, out);
    });

    test('reports each kind of broken metadata', () => {
        const { code, out } = node('check-metadata.mjs', [fixture('metadata', 'broken')]);
        assert.equal(code, 1);
        assertMentions(out, [
            '[xml] ',
            "Expected closing tag 'label'",
            'Orphan.cls: has no Orphan.cls-meta.xml',
            'Ghost.cls-meta.xml: has no Ghost.cls source file',
            'LWC bundle noMeta has no noMeta.js-meta.xml',
            'apiVersion 58.0 differs from sourceApiVersion 65.0',
            'picklist Chat__c.Mood__c has no valueSet',
            'picklist Chat__c.Status__c repeats the value open',
            'picklist Chat__c.Status__c has more than one default value',
            'fullName Subject__c does not match the file name Topic__c',
            'custom metadata type Policy__mdt does not exist',
            'Target__c = "Opportunity" is not a value of the picklist (Contact, Lead)',
            'Active__c is a checkbox: "yes" is neither true nor false',
            'Rule__mdt has no field Priority__c',
            'required field Order__c is not set',
            'object Missing__c does not exist',
            'field Chat__c.Nope__c does not exist',
            'field Chat__c.Visitor__c is required',
            'field Ping__e.Body__c belongs to a platform event',
            '[layouts] ',
            'Chat__c has no field Transcript__c',
            '[cmdt-refs] ',
            'Salesforce_Field__c: Contact.Emial is not a field (Unknown field',
            'Comm100_Field__c = "visitor.shoeSize" is not a Comm100 field of the catalogue',
            'Salesforce_Field__c: Chat__c has no field Mood_Ring__c',
            'Handler_Class__c = "NoSuchHandler" is not an Apex class of this project',
            'Salesforce_Field__c: Contact.Account.Nmae is not a field',
            '[allow-list] ',
            'Email allows neither reading nor writing',
            'Account.Name is a parent field: it can only be read, not written',
            'Account.Owner.Email goes through more than one relationship',
            'Apex class NoSuchController does not exist',
            'custom metadata type Gone__mdt does not exist',
            'tab Nope__c does not exist',
            'Apex method ChatController.getAllChats does not exist or is not @AuraEnabled',
            'custom label Farewell does not exist',
            'field Chat__c.Feeling__c does not exist',
            'Broken_Payload.json: declared application/json but is not valid JSON',
            'Loose_File.json: static resource file has no .resource-meta.xml',
            '[flexipages] ',
            'design property ghost (lightning__RecordPage) is not an @api property of chatCard',
            'component chatList is not exposed for lightning__RecordPage',
            'component nowhere is not an LWC bundle of the project',
            'component chatCard does not list Chat__c among its objects',
            'component chatCard has no design property loud',
            'the View override names a Lightning page Missing_Page that does not exist'
        ]);
    });
});

describe('API reference checker', () => {
    test('passes the project: docs/API.md, its examples, the Apex endpoints and the bundled examples agree', () => {
        const { code, out } = node('check-api-docs.mjs', [ROOT]);
        assert.equal(code, 0, out);
    });

    test('fails on a changed block, a missing block, an unread property, a missing endpoint, a wrong method and a stale bundle', () => {
        const { code, out } = node('check-api-docs.mjs', [fixture('api-docs', 'broken')]);
        assert.equal(code, 1);
        assertMentions(out, [
            'the block of lookup.response.json differs from the file',
            'fields.response.json is not embedded in API.md',
            'shoeSize is documented but LookupResource and the classes it uses never read "shoeSize"',
            '/comm100/v1/gone is no @RestResource urlMapping in the Apex',
            'FieldsResource does not answer POST (@HttpPost)',
            'Comm100_Api_Examples.json: differs from docs/api/examples'
        ]);
        assert.ok(!out.includes('never read "email"'), out);
        assert.ok(!out.includes('{!Variable.any}'), out);
    });
});

describe('sf project convert source and generate manifest', () => {
    test('converts a consistent project and accounts for every component', () => {
        const project = copyOut(fixture('metadata', 'valid'));
        try {
            const { code, out } = node('check-convert.mjs', [project, '--output', path.join(project, 'build')]);
            assert.equal(code, 0, out);
            assert.ok(existsSync(path.join(project, 'build', 'mdapi', 'force-app', 'package.xml')));
            assert.ok(existsSync(path.join(project, 'build', 'manifest', 'force-app', 'package.xml')));
        } finally {
            rmSync(project, { recursive: true, force: true });
        }
    });

    test('fails when sf silently drops a class that has no -meta.xml', () => {
        const project = copyOut(fixture('convert', 'broken'));
        try {
            const { code, out } = node('check-convert.mjs', [project, '--output', path.join(project, 'build')]);
            assert.equal(code, 1);
            assertMentions(out, ['ApexClass:Dropped is missing from the converted package']);
            assert.ok(!out.includes('ApexClass:Kept is missing'), out);
        } finally {
            rmSync(project, { recursive: true, force: true });
        }
    });
});

describe('platform LWC compiler', () => {
    test('compiles a valid bundle', () => {
        const { code, out } = node('check-lwc-platform.mjs', [fixture('lwc-platform', 'valid')]);
        assert.equal(code, 0, out);
    });

    test('fails on legacy decorator output, an ambiguous template attribute, an Aura import and eval', () => {
        const { code, out } = node('check-lwc-platform.mjs', [fixture('lwc-platform', 'broken')]);
        assert.equal(code, 1);
        assertMentions(out, [
            'LWC1104: "api" can only be used as a class decorator',
            'Ambiguous attribute value title="{message}"',
            "Do not use 'executeGlobalController' from 'aura'",
            'Use of eval'
        ]);
    });
});

describe('LWC Jest accessibility set-up', () => {
    // The fixture also proves the test environment's remembered style rules: a component whose own stylesheet
    // hides an unlabelled image passes, and the same element fails once it shows it (nothing kept between checks).
    test('fails an inaccessible component and a component test without an accessibility check', () => {
        const { code, out } = run(path.join(BIN, 'jest'), ['--ci'], { cwd: fixture('jest-a11y') });
        assert.equal(code, 1);
        assertMentions(out, [
            'Expected: no accessibility violations',
            'renders a component but has no accessibility check',
            '● c-hidden-by-style › fails once the same element shows the image again',
            'Tests:       3 failed, 1 passed, 4 total'
        ]);
        assert.ok(!out.includes('● c-hidden-by-style › passes while'), out);
    });
});
