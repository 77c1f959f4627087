// Accessibility in every LWC Jest test:
// - registers @sa11y/jest's `toBeAccessible()` matcher;
// - fails any test of a component (a bundle with an HTML template) that did not run
//   `await expect(element).toBeAccessible()`, so no component test can skip the check.
const fs = require('fs');
const path = require('path');
const { registerSa11yMatcher, toBeAccessible } = require('@sa11y/jest');

registerSa11yMatcher();

let accessibilityChecked = false;

expect.extend({
    async toBeAccessible(...args) {
        accessibilityChecked = true;
        // The document does not change while axe reads it: jsdom may remember which style rules match each
        // element for the length of the check (scripts/jest/environment.js).
        globalThis.__styleRulesCache?.start();
        try {
            return await toBeAccessible.apply(this, args);
        } finally {
            globalThis.__styleRulesCache?.stop();
        }
    }
});

/**
 * The bundle a test belongs to: the folder that holds its nearest enclosing `__tests__` folder, however
 * deep the test sits in it (`x/__tests__/x.test.ts`, `x/__tests__/nested/x.test.ts`); the test's own
 * folder when it is in no `__tests__` folder.
 */
function bundleDirOf(testPath) {
    const parts = path.dirname(testPath).split(path.sep);
    const index = parts.lastIndexOf('__tests__');
    return index > 0 ? parts.slice(0, index).join(path.sep) || path.sep : path.dirname(testPath);
}

function isComponentTest(testPath) {
    if (!testPath) {
        return false;
    }
    return fs.readdirSync(bundleDirOf(testPath)).some((name) => name.endsWith('.html'));
}

beforeEach(() => {
    accessibilityChecked = false;
});

afterEach(() => {
    const { testPath, currentTestName } = expect.getState();
    if (isComponentTest(testPath) && !accessibilityChecked) {
        throw new Error(
            `"${currentTestName}" renders a component but has no accessibility check: end it with \`await expect(element).toBeAccessible()\``
        );
    }
});
