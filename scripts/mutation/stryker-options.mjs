// The options every mutation suite shares: per-test coverage, two runners, reports and the sandbox folder
// named after the suite (build/mutation/<suite>.json and .html, build/stryker-tmp-<suite>), so two suites
// never delete each other's sandbox. Incremental suites keep build/mutation/<suite>.incremental.json.

/** Folders no suite copies into its sandbox, whatever it mutates. */
export const IGNORED = ['/build', '/coverage', '/.sf', '/.sfdx', '/org-tests'];

/**
 * The shared options of one suite.
 * @param {string} suite the suite's name (components, checkers, framework, tools)
 * @param {{ incremental: boolean, timeoutMS: number, dryRunTimeoutMinutes: number, ignore: string[] }} own
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function suiteOptions(suite, { incremental, timeoutMS, dryRunTimeoutMinutes, ignore }) {
    return {
        coverageAnalysis: 'perTest',
        ignoreStatic: true,
        concurrency: 2,
        timeoutMS,
        dryRunTimeoutMinutes,
        reporters: ['progress', 'clear-text', 'json', 'html'],
        jsonReporter: { fileName: `build/mutation/${suite}.json` },
        htmlReporter: { fileName: `build/mutation/${suite}.html` },
        incremental,
        ...(incremental ? { incrementalFile: `build/mutation/${suite}.incremental.json` } : {}),
        tempDirName: `build/stryker-tmp-${suite}`,
        cleanTempDir: 'always',
        ignorePatterns: [...IGNORED, ...ignore],
        thresholds: { high: 90, low: 80, break: null }
    };
}
