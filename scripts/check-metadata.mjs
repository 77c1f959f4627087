#!/usr/bin/env node
// Our own metadata checks, for what `sf project convert source` lets through. Each rule is a file in
// scripts/checks/rules/ (group "metadata") and says what it proves in its `description`; they all read one
// project model (scripts/checks/model.mjs). `--rule=a,b` runs only the named rules.
//
//   node scripts/check-metadata.mjs [PROJECT_DIR] [--rule=NAME,…]     default: the project root
import { ROOT } from './lib/lwc-bundles.mjs';
import { runMain } from './lib/files.mjs';
import { GROUP_SUMMARIES, runGroup } from './checks/run.mjs';

runMain(import.meta.url, () => runGroup('metadata', process.argv.slice(2), ROOT, GROUP_SUMMARIES.metadata));
