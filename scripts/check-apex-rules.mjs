#!/usr/bin/env node
// Apex mistakes an org's compiler rejects and apex-ls lets through, decided from apex-parser's tree and the
// project's object metadata. Each rule is a file in scripts/checks/rules/ (group "apex"). `--rule=a,b` runs
// only the named rules.
//
//   node scripts/check-apex-rules.mjs [PROJECT_DIR] [--rule=NAME,…]     default: the project root
import { ROOT } from './lib/lwc-bundles.mjs';
import { runMain } from './lib/files.mjs';
import { GROUP_SUMMARIES, runGroup } from './checks/run.mjs';

runMain(import.meta.url, () => runGroup('apex', process.argv.slice(2), ROOT, GROUP_SUMMARIES.apex));
