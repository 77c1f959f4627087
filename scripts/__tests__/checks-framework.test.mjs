// The framework of scripts/checks/ (SOQL/SOSL reader, Apex helpers, project model, XML and LWC readers, the
// apex-ls probe, the rule runner and the rules table), called directly with small inputs and exact answers.
// The cases live in lib/framework-cases.mjs; scripts/mutation/framework.spec.mjs runs the same ones for
// mutation testing.
import { test, describe } from 'node:test';
import { frameworkCases } from './lib/framework-cases.mjs';

describe('the framework of the checkers', () => {
    for (const { title, fn } of frameworkCases) {
        test(title, fn);
    }
});
