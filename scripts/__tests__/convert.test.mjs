// check:convert accounts for every metadata file of a package directory, whatever its type: a project
// that converts fully passes; a .forceignore that drops labels, a custom permission, a validation rule,
// a list view, a platform event subscriber config or a component's template fails, naming each, and so
// does a file no metadata type claims. The mapping of files to components is tested on its own too.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { assertMentions, copyOut, fixture, node } from './lib/harness.mjs';
import { createResolver, loadRegistry } from '../lib/source-components.mjs';
import { CLI_PLUGIN } from '../lib/sf-convert.mjs';

const COMPLETE = fixture('convert', 'complete');

/** Runs check-convert on a copy of the complete project, with `overlay` (a fixture folder) laid over it. */
function convertCopy(overlay) {
    const project = copyOut(COMPLETE);
    try {
        if (overlay) {
            cpSync(overlay, project, { recursive: true });
        }
        return node('check-convert.mjs', [project, '--output', path.join(project, 'build')]);
    } finally {
        rmSync(project, { recursive: true, force: true });
    }
}

describe('check:convert derives the components to account for from the source', () => {
    test('passes a project whose every file converts: labels, permissions, object parts, events, bundles', () => {
        const { code, out } = convertCopy();
        assert.equal(code, 0, out);
        assertMentions(out, ['18 source component(s) of 15 type(s) accounted for']);
    });

    test('names each component a .forceignore drops, a dropped bundle file and a file no type claims', () => {
        const { code, out } = convertCopy(fixture('convert', 'forceignored'));
        assert.equal(code, 1, out);
        const missing = (key) => `${key} is missing from the converted package`;
        assertMentions(out, [
            // (a) the labels file: the file itself and every label in it
            missing('CustomLabels:CustomLabels'),
            missing('CustomLabel:Fixture_Greeting'),
            missing('CustomLabel:Fixture_Farewell'),
            // (b) to (e)
            missing('CustomPermission:Fixture_Access'),
            missing('ValidationRule:Thing__c.Code_Required'),
            missing('ListView:Thing__c.All'),
            missing('PlatformEventSubscriberConfig:ThingEventTriggerConfig'),
            'a .forceignore entry or a missing -meta.xml may drop it',
            'thingCard/thingCard.html: this file of LightningComponentBundle:thingCard is missing',
            'force-app/main/default/notes.txt: not mapped to a metadata type'
        ]);
        for (const kept of ['CustomObject:Thing__c', 'CustomField:Thing__c.Code__c', 'ApexClass:ThingNames']) {
            assert.ok(!out.includes(`${kept} is missing`), out);
        }
    });
});

describe('source files map to manifest members through the CLI metadata registry', () => {
    const resolve = createResolver(loadRegistry());
    const members = (rel, text = '') => {
        const result = resolve(rel, () => text);
        return 'components' in result ? result.components.map((c) => `${c.type}:${c.fullName}`) : result;
    };

    test('content files and their -meta.xml, in any subfolder', () => {
        assert.deepEqual(members('main/default/classes/api/Api.cls'), ['ApexClass:Api']);
        assert.deepEqual(members('main/default/classes/api/Api.cls-meta.xml'), ['ApexClass:Api']);
        assert.deepEqual(members('main/default/triggers/T.trigger'), ['ApexTrigger:T']);
        assert.deepEqual(members('main/default/customMetadata/Map.Chat_Email.md-meta.xml'), [
            'CustomMetadata:Map.Chat_Email'
        ]);
        assert.deepEqual(members('main/default/settings/Account.settings-meta.xml'), ['Settings:Account']);
    });

    test('object parts, bundles, static resources and labels', () => {
        assert.deepEqual(members('main/default/objects/Chat__c/Chat__c.object-meta.xml'), ['CustomObject:Chat__c']);
        for (const [folder, suffix, type] of [
            ['fields', 'field', 'CustomField'],
            ['validationRules', 'validationRule', 'ValidationRule'],
            ['listViews', 'listView', 'ListView'],
            ['recordTypes', 'recordType', 'RecordType'],
            ['compactLayouts', 'compactLayout', 'CompactLayout'],
            ['webLinks', 'webLink', 'WebLink']
        ]) {
            assert.deepEqual(members(`main/default/objects/Chat__c/${folder}/X.${suffix}-meta.xml`), [
                `${type}:Chat__c.X`
            ]);
        }
        // A field translation is no member of its own: it travels inside its object translation.
        assert.deepEqual(members('main/default/objectTranslations/Chat__c-fr/fields/A__c.fieldTranslation-meta.xml'), [
            'CustomObjectTranslation:Chat__c-fr'
        ]);
        assert.deepEqual(members('main/default/lwc/card/card.html'), ['LightningComponentBundle:card']);
        assert.equal(resolve('main/default/lwc/card/card.html', () => '').converted, 'lwc/card/card.html');
        assert.deepEqual(members('main/default/aura/box/boxController.js'), ['AuraDefinitionBundle:box']);
        assert.deepEqual(members('main/default/staticresources/Data.json'), ['StaticResource:Data']);
        assert.deepEqual(members('main/default/staticresources/Site/css/lwc/a.css'), ['StaticResource:Site']);
        assert.deepEqual(
            members(
                'main/default/labels/CustomLabels.labels-meta.xml',
                '<?xml version="1.0"?><CustomLabels><labels><fullName>A</fullName></labels>' +
                    '<labels><fullName>B</fullName></labels></CustomLabels>'
            ),
            ['CustomLabels:CustomLabels', 'CustomLabel:A', 'CustomLabel:B']
        );
        assert.deepEqual(
            members('main/default/PlatformEventSubscriberConfigs/Cfg.platformEventSubscriberConfig-meta.xml'),
            ['PlatformEventSubscriberConfig:Cfg']
        );
    });

    test('folders and the metadata kept in them', () => {
        assert.deepEqual(members('main/default/reports/Sales/Q1.reportFolder-meta.xml'), ['Report:Sales/Q1']);
        assert.deepEqual(members('main/default/reports/Sales/Q1/Pipeline.report-meta.xml'), [
            'Report:Sales/Q1/Pipeline'
        ]);
        assert.deepEqual(members('main/default/email/Chat/Ended.email'), ['EmailTemplate:Chat/Ended']);
        assert.deepEqual(members('main/default/documents/Logos/Logo.png'), ['Document:Logos/Logo']);
        assert.deepEqual(members('main/default/documents/Logos.documentFolder-meta.xml'), ['Document:Logos']);
    });

    test('tooling files are skipped; anything else unknown is an error, not a silent skip', () => {
        assert.deepEqual(members('main/default/lwc/card/__tests__/card.test.js'), { tooling: true });
        assert.deepEqual(members('main/default/lwc/jsconfig.json'), { tooling: true });
        assert.deepEqual(members('main/default/.DS_Store'), { tooling: true });
        assert.match(
            members('main/default/things/Foo.thing-meta.xml').error,
            /no metadata type has the suffix "thing"/
        );
        assert.match(members('main/default/README.md').error, /"md" is the suffix of CustomMetadata/);
        assert.match(members('main/default/notes.txt').error, /neither a -meta.xml file nor the content file/);
    });
});

describe('the conversion runs as the CLI runs it', () => {
    // check:convert calls source-deploy-retrieve in-process the way the CLI's commands do; when an upgrade of
    // the pinned CLI changes how they call it, this fails, and scripts/lib/sf-convert.mjs follows the change.
    const command = (...parts) => readFileSync(path.join(CLI_PLUGIN, 'lib', 'commands', 'project', ...parts), 'utf8');

    test('`project convert source` builds the set from the source path and converts it into a directory', () => {
        const source = command('convert', 'source.js');
        assertMentions(source, [
            'ComponentSetBuilder.build({',
            "sourceapiversion: this.flags['api-version'] ?? (await getSourceApiVersion())",
            'new RegistryAccess(undefined, this.project?.getPath())',
            "converter.convert(this.componentSet, 'metadata', {",
            "type: 'directory'",
            'genUniqueDir: false',
            'if (!this.convertResult.packagePath) {'
        ]);
    });

    test('`project generate manifest` writes the package.xml of the set built from the source path', () => {
        assertMentions(command('generate', 'manifest.js'), [
            'ComponentSetBuilder.build({',
            "apiversion: flags['api-version'] ?? (await getSourceApiVersion())",
            "sourcepath: flags['source-dir']",
            'await componentSet.getPackageXml()'
        ]);
    });
});
