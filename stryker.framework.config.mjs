// Mutation testing of the framework of the checkers (the modules directly in scripts/checks/: the SOQL/SOSL
// reader, the Apex helpers, the project model, the XML and LWC readers, the apex-ls probe, the rule runner and
// the rules table): their unit cases (scripts/__tests__/lib/framework-cases.mjs) as Mocha specs
// (scripts/mutation/framework.spec.mjs) in a warm process. The rules themselves are the checkers suite's.
// Run through `npm run test:mutation`, which also prints the score per file and overall.
import { suiteOptions } from './scripts/mutation/stryker-options.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
    mutate: ['scripts/checks/*.mjs'],
    testRunner: 'mocha',
    mochaOptions: { spec: ['scripts/mutation/framework.spec.mjs'], config: 'scripts/mutation/mocha.json' },
    ...suiteOptions('framework', {
        incremental: true,
        timeoutMS: 30000,
        dryRunTimeoutMinutes: 10,
        ignore: ['/lwc-ts', '/force-app']
    })
};
