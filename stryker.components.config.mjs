// Mutation testing of the Lightning Web Components (lwc-ts/): Stryker mutates the TypeScript sources,
// rebuilds the deployable bundles in its sandbox (the Jest tests run against force-app/main/default/lwc,
// what is deployed), drops mutants that do not type-check, and runs the Jest tests that cover each mutant.
// Run through `npm run test:mutation`, which also prints the score per file and overall.
import { createRequire } from 'node:module';
import { suiteOptions } from './scripts/mutation/stryker-options.mjs';

const jestConfig = createRequire(import.meta.url)('./jest.config.js');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
    mutate: ['lwc-ts/**/*.ts', '!lwc-ts/**/__tests__/**', '!lwc-ts/types/**'],
    testRunner: 'jest',
    jest: {
        projectType: 'custom',
        configFile: 'jest.config.js',
        enableFindRelatedTests: false,
        // instrumented code is slower, and two runners share the cores: give each test room; axe is left
        // out (scripts/mutation/jest-setup.js says why)
        config: {
            testTimeout: 60000,
            setupFilesAfterEnv: [
                ...(jestConfig.setupFilesAfterEnv ?? []).filter((file) => !file.includes('sa11y')),
                '<rootDir>/scripts/mutation/jest-setup.js'
            ]
        }
    },
    buildCommand: 'node scripts/build-lwc.mjs',
    checkers: ['typescript'],
    tsconfigFile: 'tsconfig.json',
    ...suiteOptions('components', {
        incremental: true,
        // a loaded machine made mutants time out that the tests had not stalled on
        timeoutMS: 30000,
        dryRunTimeoutMinutes: 30,
        ignore: ['/force-app/main/default/classes']
    })
};
