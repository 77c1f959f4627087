// Lightning apps navigate only to what exists: their tabs, landing tab, Lightning page overrides and utility bar,
// with form factors, navigation type and UI type an org accepts.
//
// Sources (Salesforce documentation):
// - Metadata API, "CustomApplication": tabs and defaultLandingTab are the fullName of a standard or custom tab;
//   actionOverrides (AppActionOverride) and profileActionOverrides name a Lightning page in `content` when their type
//   is flexipage; utilityBar is the Lightning page of the app's utility bar; formFactors is a FormFactor (Small,
//   Medium — reserved — or Large); uiType is Aloha (Classic) or Lightning.
//   https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_customapplication.htm
// - Metadata API WSDL, enumeration NavType: Standard, Console.
// - Metadata API, "ProfileActionOverride": in a CustomApplication the action is View, on record-home; content is the
//   Lightning page used as the override.
//   https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profileactionoverride.htm
//   The same page: "If pageOrSobjectType is standard-home, this field must be Tab" and "If pageOrSobjectType is
//   record-home, this field must be View".
// - Metadata API, "ActionOverride": a Lightning page overrides a record's View action: "If the type field is set
//   to flexipage, set this field [formFactor] to Large to override the View action with a Lightning page in
//   Lightning Experience". An app's record page assignment (App Builder: Activation → App Default) is such an
//   override in the app, its pageOrSobjectType the object (Contact, Comm100_Chat__c).
//   https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/actionoverride.htm
// - Metadata API, "FlexiPage": a Lightning page is a record page, an app or Home page, or "the utility bar for a
//   Lightning app" (type UtilityBar).
//   https://developer.salesforce.com/docs/platform/api-metadata/references/meta-types/metadata-flexipage.html
// - Lightning Console JavaScript API, "setSelectedNavigationItem()": standard object tabs are named standard-<Object>
//   (standard-Account, standard-Contact); standard tabs are accepted by that form only, as only an org knows them.
//   https://developer.salesforce.com/docs/service/api-console/guide/sforce-api-console-lightning-setselectednavigationitem.html
import { isCustomName } from '../model.mjs';
import { listOf, textOf } from '../xml.mjs';

const FORM_FACTORS = new Set(['Small', 'Medium', 'Large']);
const NAV_TYPES = new Set(['Standard', 'Console']);
const UI_TYPES = new Set(['Aloha', 'Lightning']);

export default {
    name: 'app-refs',
    group: 'metadata',
    description:
        'Lightning apps name tabs of the project or standard-* tabs, Lightning pages of the project for their overrides (a record page of the overridden object) and utility bar (a UtilityBar page), existing override objects, and valid formFactors, navType and uiType',
    check(model, report) {
        const tabExists = (name) => model.tabs.has(name) || /^standard-\w+$/.test(name);
        const pageOf = (name) => {
            const file = model.flexipages.get(name);
            const root = file && model.root(file, 'FlexiPage');
            return root ? { type: textOf(root, 'type'), sobjectType: textOf(root, 'sobjectType') } : undefined;
        };
        for (const file of model.apps.values()) {
            const app = model.root(file, 'CustomApplication');
            if (!app) {
                continue;
            }
            for (const tab of listOf(app, 'tabs').map(String)) {
                if (!tabExists(tab)) {
                    report(file, `tab ${tab} is neither a tab of the project nor a standard-* tab`);
                }
            }
            const landing = textOf(app, 'defaultLandingTab');
            if (landing && !tabExists(landing)) {
                report(file, `defaultLandingTab ${landing} is neither a tab of the project nor a standard-* tab`);
            }
            for (const factor of listOf(app, 'formFactors').map(String)) {
                if (!FORM_FACTORS.has(factor)) {
                    report(file, `formFactors ${factor} is not one of ${[...FORM_FACTORS].join(', ')}`);
                }
            }
            for (const [element, valid] of [
                ['navType', NAV_TYPES],
                ['uiType', UI_TYPES]
            ]) {
                const value = textOf(app, element);
                if (value !== undefined && !valid.has(value)) {
                    report(file, `${element} ${value} is not one of ${[...valid].join(', ')}`);
                }
            }
            const overrides = [
                ...listOf(app, 'actionOverrides').map((o) => ['actionOverrides', o]),
                ...listOf(app, 'profileActionOverrides').map((o) => ['profileActionOverrides', o])
            ];
            for (const [element, override] of overrides) {
                const type = textOf(override, 'type');
                const content = textOf(override, 'content');
                const object = textOf(override, 'pageOrSobjectType');
                const where = `${element} ${textOf(override, 'actionName') ?? ''} on ${object ?? '(no object)'}`;
                if (object && isCustomName(object) && !model.object(object)?.defined) {
                    report(file, `${where}: object ${object} does not exist`);
                }
                if (type?.toLowerCase() !== 'flexipage') {
                    continue;
                }
                const action = textOf(override, 'actionName');
                const onlyAction = object === 'standard-home' ? 'Tab' : 'View';
                if (object && action && action.toLowerCase() !== onlyAction.toLowerCase()) {
                    report(file, `${where}: a Lightning page can override only ${onlyAction} there`);
                }
                const page = content && pageOf(content);
                if (!page) {
                    report(file, `${where}: Lightning page ${content ?? '(none)'} does not exist`);
                } else if (object && !/^(standard|record)-home$/.test(object) && page.sobjectType !== object) {
                    report(
                        file,
                        `${where}: Lightning page ${content} is a ${page.type} of ${page.sobjectType ?? 'no object'}, not a record page of ${object}`
                    );
                }
            }
            const utilityBar = textOf(app, 'utilityBar');
            if (utilityBar !== undefined) {
                const page = pageOf(utilityBar);
                if (!page) {
                    report(file, `utilityBar ${utilityBar} is not a Lightning page of the project`);
                } else if (page.type !== 'UtilityBar') {
                    report(file, `utilityBar ${utilityBar} is a ${page.type}, not a UtilityBar page`);
                }
            }
        }
    }
};
