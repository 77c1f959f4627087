// The unit cases of the framework of scripts/checks/ (scripts/__tests__/lib/framework-cases.mjs) as Mocha specs,
// for the framework mutation suite (stryker.framework.config.mjs): the same cases `npm test` runs through
// scripts/__tests__/checks-framework.test.mjs.
import { describe, it as test } from 'mocha';
import { frameworkCases } from '../__tests__/lib/framework-cases.mjs';

describe('the framework of the checkers', () => {
    for (const { title, fn } of frameworkCases) {
        test(title, fn);
    }
});
