// The jsdom test environment, with one speed-up for the accessibility check of every component test.
//
// jsdom computes an element's style by matching every rule of every style sheet (its own default sheet of some
// 300 rules included) against the element, and computing `visibility` does it again for each ancestor. axe asks
// for the style of thousands of elements per check, so most of a component test's time went into matching the
// same rules against the same elements. While axe runs, nothing changes the document (axe only reads it), so the
// rules that match an element are remembered for the length of one check and forgotten when it ends: the styles
// axe sees are exactly those jsdom computes, only computed once per element.
const { TestEnvironment } = require('jest-environment-jsdom');
const styleRules = require('jsdom/lib/jsdom/living/helpers/style-rules.js');

const matchAll = styleRules.forEachMatchingSheetRuleOfElement;
/** Element → the rules that match it, while a check runs; undefined otherwise. */
let matched;

styleRules.forEachMatchingSheetRuleOfElement = (element, handleRule) => {
    if (!matched) {
        matchAll(element, handleRule);
        return;
    }
    let rules = matched.get(element);
    if (!rules) {
        rules = [];
        matchAll(element, (rule) => rules.push(rule));
        matched.set(element, rules);
    }
    rules.forEach((rule) => handleRule(rule));
};

class ComponentTestEnvironment extends TestEnvironment {
    async setup() {
        await super.setup();
        // Called by scripts/jest/sa11y-setup.js around each accessibility check.
        this.global.__styleRulesCache = {
            start() {
                matched = new WeakMap();
            },
            stop() {
                matched = undefined;
            }
        };
    }
}

module.exports = ComponentTestEnvironment;
