// Mutation testing of the metadata, SOQL and Apex rules (scripts/checks/rules/): the rules' cases as Mocha specs
// (scripts/mutation/checks.spec.mjs) in a warm process, so a mutant of a rule runs that rule's cases only. The
// framework the rules stand on (scripts/checks/*.mjs) is the framework suite's (stryker.framework.config.mjs).
// apex-ls's answers are kept by workspace (APEX_PROBE_CACHE), so a mutant that asks apex-ls the same
// questions does not wait for it again.
// Run through `npm run test:mutation`, which also prints the score per file and overall.
import path from 'node:path';
import { suiteOptions } from './scripts/mutation/stryker-options.mjs';

process.env.APEX_PROBE_CACHE ??= path.resolve('build', 'mutation', 'probe-cache');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
    mutate: ['scripts/checks/rules/**/*.mjs'],
    testRunner: 'mocha',
    mochaOptions: { spec: ['scripts/mutation/checks.spec.mjs'], config: 'scripts/mutation/mocha.json' },
    ...suiteOptions('checkers', {
        incremental: true,
        timeoutMS: 60000,
        dryRunTimeoutMinutes: 40,
        ignore: ['/lwc-ts', '/force-app']
    })
};
