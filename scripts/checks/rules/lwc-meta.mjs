// LWC configuration files (js-meta.xml) an org accepts: an API version, documented targets, target configs for
// declared targets only, objects that exist, and design properties whose type, default and limits agree.
//
// Sources (Salesforce documentation, LWC Developer Guide):
// - "XML Configuration File Elements": apiVersion is required ("Beginning in Spring '25, all components must
//   specify an API version"; 45.0 or higher); each target is a documented page type, and the page of each target
//   lists its targetConfig attributes.
//   https://developer.salesforce.com/docs/platform/lwc/guide/reference-configuration-tags.html
// - The target pages, e.g. "lightning__RecordPage Target", "lightning__UtilityBar Target", "lightning__FlowScreen
//   Target", "lightningCommunity__Page_Layout Target", "lightningStatic__Email Target", "lightning__VoiceExtension
//   Target": "The targets attribute value must match one or more of the page types that you listed under
//   <targets>"; property `type` is Boolean, Integer or String on every target (Color, Date and DateTime are
//   accepted too on App Builder targets, to stay clear of false reports); `datasource` is "Supported only if the
//   type attribute is String"; `min` and `max` bound an Integer.
//   https://developer.salesforce.com/docs/platform/lwc/guide/targets-lightning-record-page.html
// - "Lightning Web Components for Embedded Service": the lightningSnapin__ChatHeader, __ChatMessage, __PreChat and
//   __Minimized targets.
//   https://developer.salesforce.com/docs/component-library/bundle/lightningsnapin-base-chat-header/
// Standard objects named in <objects> are proven by the apex-ls probe (it knows the standard objects of the
// project's API version); custom objects must be objects of the project.
import { existsSync } from 'node:fs';
import { isCustomName } from '../model.mjs';
import { bundleSources } from '../lwc.mjs';
import { listOf, textOf } from '../xml.mjs';

/** Documented values of <target>. */
export const TARGETS = new Set([
    'lightning__AppPage',
    'lightning__FlowAction',
    'lightning__FlowScreen',
    'lightning__GlobalAction',
    'lightning__HomePage',
    'lightning__Inbox',
    'lightning__RecordAction',
    'lightning__RecordPage',
    'lightning__Tab',
    'lightning__UrlAddressable',
    'lightning__UtilityBar',
    'lightning__VoiceExtension',
    'lightningCommunity__Default',
    'lightningCommunity__Page',
    'lightningCommunity__Page_Layout',
    'lightningCommunity__Theme_Layout',
    'lightningSnapin__ChatHeader',
    'lightningSnapin__ChatMessage',
    'lightningSnapin__Minimized',
    'lightningSnapin__PreChat',
    'lightningStatic__Email'
]);

/**
 * Targets configured in Lightning App Builder, whose property types are the plain ones below. Flow, Experience
 * Builder and Email Content Builder targets take further types (sObjects, apex://, custom property types,
 * alignments), which this rule leaves alone.
 */
const APP_BUILDER_TARGETS = new Set([
    'lightning__AppPage',
    'lightning__HomePage',
    'lightning__Inbox',
    'lightning__RecordPage',
    'lightning__UtilityBar',
    'lightning__VoiceExtension'
]);
const APP_BUILDER_TYPES = new Set(['Boolean', 'Integer', 'String', 'Color', 'Date', 'DateTime']);

const INTEGER = /^[+-]?\d+$/;
const EXPRESSION = /^\{!.*\}$/;

export default {
    name: 'lwc-meta',
    group: 'metadata',
    description:
        'LWC configuration files have an apiVersion, documented targets, targetConfigs only for declared targets, <object>s that exist, and design properties whose type is valid for App Builder, whose default matches the type, with min/max only on Integer and datasource only on String',
    check(model, report, probe) {
        const asked = new Set();
        for (const bundle of bundleSources(model).values()) {
            const file = bundle.metaFile;
            const root = existsSync(file) ? model.root(file, 'LightningComponentBundle') : undefined;
            if (!root) {
                continue; // a missing file is the pairs rule's finding, malformed XML the xml rule's
            }
            const apiVersion = textOf(root, 'apiVersion');
            if (!apiVersion) {
                report(file, 'apiVersion is missing: every component must specify an API version');
            } else if (!(Number(apiVersion) >= 45)) {
                report(file, `apiVersion ${apiVersion} is not a number of 45.0 or higher`);
            }
            const declared = new Set();
            for (const target of listOf(listOf(root, 'targets')[0], 'target').map(String)) {
                if (!TARGETS.has(target)) {
                    report(file, `target ${target} is not a documented LWC target`);
                }
                declared.add(target);
            }
            for (const config of listOf(listOf(root, 'targetConfigs')[0], 'targetConfig')) {
                const names = String(config['@targets'] ?? '')
                    .split(',')
                    .map((t) => t.trim())
                    .filter(Boolean);
                if (names.length === 0) {
                    report(file, 'a targetConfig has no targets attribute');
                }
                for (const name of names.filter((n) => !declared.has(n))) {
                    report(file, `targetConfig names ${name}, which is not among the bundle's <targets>`);
                }
                for (const object of listOf(listOf(config, 'objects')[0], 'object').map(String)) {
                    if (isCustomName(object)) {
                        if (!model.object(object)?.defined) {
                            report(file, `object ${object} is not an object of the project`);
                        }
                    } else if (/^\w+$/.test(object) && !asked.has(`${file}|${object}`)) {
                        asked.add(`${file}|${object}`);
                        probe.ask(`{ Schema.SObjectType probeType = ${object}.SObjectType; }`, () =>
                            report(file, `object ${object} is not a standard object`)
                        );
                    } else if (!/^\w+$/.test(object)) {
                        report(file, `object "${object}" is not an object name`);
                    }
                }
                const appBuilderOnly = names.length > 0 && names.every((n) => APP_BUILDER_TARGETS.has(n));
                for (const property of listOf(config, 'property')) {
                    checkProperty(property, appBuilderOnly, (message) =>
                        report(file, `property ${property['@name'] ?? '(unnamed)'}: ${message}`)
                    );
                }
            }
        }
    }
};

function checkProperty(property, appBuilderOnly, problem) {
    const type = property['@type'];
    const def = property['@default'];
    const min = property['@min'];
    const max = property['@max'];
    if (!type) {
        problem('has no type');
        return;
    }
    if (appBuilderOnly && !APP_BUILDER_TYPES.has(type)) {
        problem(`type ${type} is not a Lightning App Builder property type (${[...APP_BUILDER_TYPES].join(', ')})`);
    }
    if (def !== undefined && !EXPRESSION.test(def)) {
        if (type === 'Integer' && !INTEGER.test(def)) {
            problem(`default "${def}" is not an Integer`);
        }
        if (type === 'Boolean' && def !== 'true' && def !== 'false') {
            problem(`default "${def}" is not true or false`);
        }
    }
    if ((min !== undefined || max !== undefined) && type !== 'Integer') {
        problem(`min and max apply to Integer properties, not ${type}`);
    }
    if (type === 'Integer') {
        for (const [name, value] of [
            ['min', min],
            ['max', max]
        ]) {
            if (value !== undefined && !INTEGER.test(value)) {
                problem(`${name} "${value}" is not an Integer`);
            }
        }
        const [low, high, value] = [min, max, def].map((v) =>
            v !== undefined && INTEGER.test(v) ? Number(v) : undefined
        );
        if (low !== undefined && high !== undefined && low > high) {
            problem(`min ${low} is greater than max ${high}`);
        }
        if (value !== undefined && ((low !== undefined && value < low) || (high !== undefined && value > high))) {
            problem(`default ${value} is outside min ${min ?? '-'} and max ${max ?? '-'}`);
        }
    }
    if (property['@datasource'] !== undefined && type !== 'String') {
        problem(`datasource is supported only on String properties, not ${type}`);
    }
}
