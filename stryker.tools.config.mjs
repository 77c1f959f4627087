// Mutation testing of the command-line tools (scripts/tools/, TypeScript): Stryker mutates the sources,
// compiles them in its sandbox as `npm run test:tools` does, drops mutants that do not type-check, and runs
// the compiled node:test files that reach each mutant.
// Run through `npm run test:mutation`, which also prints the score per file and overall.
import { suiteOptions } from './scripts/mutation/stryker-options.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
    mutate: ['scripts/tools/**/*.mts', '!scripts/tools/**/__tests__/**'],
    buildCommand: 'npx tsc -p tsconfig.tools.json',
    testRunner: 'tap',
    tap: { testFiles: ['build/tools/__tests__/*.test.mjs'], nodeArgs: ['--test-reporter=tap'], forceBail: true },
    checkers: ['typescript'],
    tsconfigFile: 'tsconfig.tools.json',
    ...suiteOptions('tools', {
        incremental: false,
        // not incremental: the tap runner does not tell Stryker which test file a test lives in, so an
        // incremental run would keep a mutant "Survived" after the test that kills it was added
        timeoutMS: 30000,
        dryRunTimeoutMinutes: 20,
        ignore: ['/lwc-ts', '/force-app']
    })
};
