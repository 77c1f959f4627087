// LWC Jest: component tests live beside their TypeScript sources in lwc-ts/<bundle>/__tests__/ and
// run against the compiled bundles in force-app/main/default/lwc/ (what is deployed); `c/*` imports
// resolve there through sfdx-lwc-jest's resolver. Every component test ends with an accessibility
// check (@sa11y/jest `toBeAccessible`), in a jsdom environment that matches style rules once per element and
// per check (scripts/jest/environment.js).
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    testEnvironment: '<rootDir>/scripts/jest/environment.js',
    roots: ['<rootDir>/lwc-ts'],
    testMatch: ['**/__tests__/**/*.test.ts'],
    setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv ?? []), '<rootDir>/scripts/jest/sa11y-setup.js'],
    // The running user's locale and time zone (@salesforce/i18n/*) are fixed values in scripts/jest/mocks/i18n/; a test
    // that needs others mocks the module. A property without a mock there falls back to the transformer's default.
    moduleNameMapper: {
        '^@salesforce/i18n/(locale|timeZone)$': '<rootDir>/scripts/jest/mocks/i18n/$1.js'
    },
    testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/build/'],
    modulePathIgnorePatterns: ['<rootDir>/build/'],
    clearMocks: true,
    // The component suites run side by side with the other checks of `npm test` (the browser tests among them) on a
    // small machine, where a test rendering a whole section and checking its accessibility can run four times slower
    // than alone: it gets a minute before it counts as hung.
    testTimeout: 60000
};
