#!/usr/bin/env node
// SOQL and SOSL as an org compiles them: every static query in .cls and .trigger files, and every constant
// query string given to Database.query / queryWithBinds / countQuery / Search.query, checked against the
// project's objects and, through apex-ls, the standard objects. Each rule is a file in scripts/checks/rules/
// (group "soql"). `--rule=a,b` runs only the named rules.
//
//   node scripts/check-soql.mjs [PROJECT_DIR] [--rule=NAME,…]     default: the project root
import { ROOT } from './lib/lwc-bundles.mjs';
import { runMain } from './lib/files.mjs';
import { GROUP_SUMMARIES, runGroup } from './checks/run.mjs';

runMain(import.meta.url, () => runGroup('soql', process.argv.slice(2), ROOT, GROUP_SUMMARIES.soql));
