// Object flags agree with each other and hold values the Metadata API accepts; only what the docs state:
//
// - enableBulkApi, enableSharing, enableStreamingApi: "When enabled, the object is classified as an Enterprise
//   Application object … When enabled, enableSharing and enableStreamingApi must also be enabled" (and the
//   same for each of the three). One of them true means all three true.
// - trackHistory on a field needs enableHistory on its object; trackFeedHistory needs enableFeeds;
//   recordTypeTrackHistory needs enableHistory; recordTypeTrackFeedHistory needs enableFeeds.
// - deploymentStatus is InDevelopment or Deployed; customSettingsType is List or Hierarchy; visibility is
//   Public, Protected or PackageProtected; eventType is HighVolume, StandardVolume or ExternalEvent and
//   publishBehavior is PublishAfterCommit or PublishImmediately, and both "apply only to platform events".
// - A custom metadata type holds only the CustomObject fields the docs list for it (description, fields,
//   gender, label, pluralLabel, startsWith, visibility; validation rules since API 40.0): no sharingModel,
//   nameField, deploymentStatus or enable* flags.
//
// Sources: Metadata API Developer Guide, CustomObject (fields table and WSDL segment, API 67.0)
// https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customobject.htm;
// CustomField (trackHistory, trackFeedHistory) …/api_meta/customfield.htm;
// Custom Metadata Types (CustomObject) …/api_meta/meta_custommetadatatypes.htm;
// ValidationRule ("As of API version 40.0, you can use validation rules with custom metadata types")
// …/api_meta/meta_validationformulas.htm.
import { listOf, textOf } from '../xml.mjs';

const ENTERPRISE_FLAGS = ['enableBulkApi', 'enableSharing', 'enableStreamingApi'];

const ENUMS = {
    deploymentStatus: ['InDevelopment', 'Deployed'],
    customSettingsType: ['List', 'Hierarchy'],
    visibility: ['Public', 'Protected', 'PackageProtected'],
    eventType: ['HighVolume', 'StandardVolume', 'ExternalEvent'],
    publishBehavior: ['PublishAfterCommit', 'PublishImmediately']
};

/** CustomObject elements a custom metadata type may hold (plus the nested components of its folder). */
const CUSTOM_METADATA_TYPE_ELEMENTS = new Set([
    'description',
    'fields',
    'gender',
    'label',
    'pluralLabel',
    'startsWith',
    'visibility',
    'validationRules',
    'listViews',
    'fullName'
]);

export default {
    name: 'object-flags',
    group: 'metadata',
    description:
        'object flags agree: enableBulkApi, enableSharing and enableStreamingApi are all true or none is; tracked fields and record types need history or feed tracking on their object; deploymentStatus, customSettingsType, visibility, eventType and publishBehavior hold documented values, the last two only on platform events; custom metadata types hold only the elements documented for them',
    check(model, report) {
        for (const object of model.objects.values()) {
            const doc = object.defined ? object.doc : undefined;
            if (!doc) {
                continue;
            }
            const flag = (name) => textOf(doc, name) === 'true';
            const file = object.file;
            const isEvent = /__e$/.test(object.name);
            const isCustomMetadata = /__mdt$/.test(object.name);

            const enabled = ENTERPRISE_FLAGS.filter(flag);
            if (enabled.length > 0 && enabled.length < ENTERPRISE_FLAGS.length) {
                const missing = ENTERPRISE_FLAGS.filter((f) => !enabled.includes(f));
                report(
                    file,
                    `${object.name}: ${enabled.join(' and ')} ${enabled.length > 1 ? 'are' : 'is'} true, so ${missing.join(' and ')} must be true too (an Enterprise Application object enables all three)`
                );
            }

            for (const [element, values] of Object.entries(ENUMS)) {
                const value = textOf(doc, element);
                if (value !== undefined && !values.includes(value)) {
                    report(file, `${object.name}: ${element} "${value}" is not one of ${values.join(', ')}`);
                }
            }
            if (!isEvent) {
                for (const element of ['eventType', 'publishBehavior']) {
                    if (textOf(doc, element) !== undefined) {
                        report(file, `${object.name}: ${element} applies only to platform events (__e)`);
                    }
                }
            }

            if (isCustomMetadata) {
                for (const element of Object.keys(doc).filter((k) => !k.startsWith('@') && k !== '#text')) {
                    if (!CUSTOM_METADATA_TYPE_ELEMENTS.has(element)) {
                        report(file, `${object.name}: a custom metadata type can't have <${element}>`);
                    }
                }
            }

            if (textOf(doc, 'recordTypeTrackHistory') === 'true' && !flag('enableHistory')) {
                report(file, `${object.name}: recordTypeTrackHistory needs enableHistory true`);
            }
            if (textOf(doc, 'recordTypeTrackFeedHistory') === 'true' && !flag('enableFeeds')) {
                report(file, `${object.name}: recordTypeTrackFeedHistory needs enableFeeds true`);
            }
            const nameField = listOf(doc, 'nameField')[0];
            const tracked = [
                ...(nameField ? [{ name: 'the name field', file, doc: nameField }] : []),
                ...[...object.fields.values()].map((f) => ({ name: f.name, file: f.file, doc: f.doc }))
            ];
            for (const field of tracked) {
                if (textOf(field.doc, 'trackHistory') === 'true' && !flag('enableHistory')) {
                    report(
                        field.file,
                        `${object.name}.${field.name}: trackHistory needs enableHistory true on ${object.name}`
                    );
                }
                if (textOf(field.doc, 'trackFeedHistory') === 'true' && !flag('enableFeeds')) {
                    report(
                        field.file,
                        `${object.name}.${field.name}: trackFeedHistory needs enableFeeds true on ${object.name}`
                    );
                }
            }
        }
    }
};
