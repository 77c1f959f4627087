// Mutation testing of the command-line tools (scripts/tools/, TypeScript): Stryker mutates the sources,
// compiles them in its sandbox as `npm run test:tools` does, drops mutants that do not type-check, and runs
// the compiled node:test files that reach each mutant.
// Run through `npm run test:mutation`, which also prints the score per file and overall.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
    mutate: ['scripts/tools/**/*.mts', '!scripts/tools/**/__tests__/**'],
    buildCommand: 'npx tsc -p tsconfig.tools.json',
    testRunner: 'tap',
    tap: { testFiles: ['build/tools/__tests__/*.test.mjs'], nodeArgs: ['--test-reporter=tap'], forceBail: true },
    checkers: ['typescript'],
    tsconfigFile: 'tsconfig.tools.json',
    coverageAnalysis: 'perTest',
    ignoreStatic: true,
    concurrency: 2,
    timeoutMS: 30000,
    dryRunTimeoutMinutes: 20,
    reporters: ['progress', 'clear-text', 'json', 'html'],
    jsonReporter: { fileName: 'build/mutation/tools.json' },
    htmlReporter: { fileName: 'build/mutation/tools.html' },
    // not incremental: the tap runner does not tell Stryker which test file a test lives in, so an
    // incremental run would keep a mutant "Survived" after the test that kills it was added
    incremental: false,
    tempDirName: 'build/stryker-tmp-tools',
    cleanTempDir: 'always',
    ignorePatterns: ['/build', '/coverage', '/.sf', '/.sfdx', '/lwc-ts', '/org-tests', '/force-app'],
    thresholds: { high: 90, low: 80, break: null }
};
