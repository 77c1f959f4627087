// The unit cases of the framework of scripts/checks/ (scripts/__tests__/lib/framework-cases.mjs) as Mocha specs,
// for the framework mutation suite (stryker.framework.config.mjs): the same cases `npm test` runs through
// scripts/__tests__/checks-framework.test.mjs.
// Each title ends with a hash of the cases' module: Stryker's incremental runs see a test as changed only when its
// title changes, and a case is also the helpers and projects around it, so any edit there tests every mutant again
// (a full run of this suite takes minutes).
import { describe, it as test } from 'mocha';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { frameworkCases } from '../__tests__/lib/framework-cases.mjs';

const casesFile = fileURLToPath(new URL('../__tests__/lib/framework-cases.mjs', import.meta.url));
const version = createHash('sha256').update(readFileSync(casesFile)).digest('hex').slice(0, 8);

describe('the framework of the checkers', () => {
    for (const { title, fn } of frameworkCases) {
        test(`${title} [${version}]`, fn);
    }
});
