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
    toBeAccessible(...args) {
        accessibilityChecked = true;
        return toBeAccessible.apply(this, args);
    }
});

function isComponentTest(testPath) {
    if (!testPath) {
        return false;
    }
    const bundleDir = path.dirname(path.dirname(testPath));
    return fs.readdirSync(bundleDir).some((name) => name.endsWith('.html'));
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
