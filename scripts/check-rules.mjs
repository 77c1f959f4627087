#!/usr/bin/env node
// The metadata, Apex and SOQL rules of scripts/checks/rules/ together, as `npm test` runs them: the project
// model is read and the Apex parsed once, and apex-ls answers the questions of all three groups in one run.
// Each group also runs alone (check:metadata, check:apex-rules, check:soql). `--rule=a,b` runs only the
// named rules.
//
//   node scripts/check-rules.mjs [PROJECT_DIR] [--rule=NAME,…]     default: the project root
import { ROOT } from './lib/lwc-bundles.mjs';
import { runMain } from './lib/files.mjs';
import { GROUP_SUMMARIES, runGroup } from './checks/run.mjs';

runMain(import.meta.url, () =>
    runGroup(Object.keys(GROUP_SUMMARIES), process.argv.slice(2), ROOT, (model, rules, group) =>
        GROUP_SUMMARIES[group](model, rules)
    )
);
