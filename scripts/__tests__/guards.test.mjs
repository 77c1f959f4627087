// Guards around the checks: PMD's Apex and AppExchange rules (code-analyzer.yml's selection) and the suppressions
// they allow, the runner's step names, and the accessibility guard's idea of a component test. Each is fed a broken
// example it must fail on, naming the problem, and (where there is one) a valid example it must pass.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { BIN, assertMentions, fixture, node, run } from './lib/harness.mjs';

/** Runs a command once, however many tests read its result (a PMD run takes seconds). */
function once(command) {
    let result;
    return () => (result ??= command());
}

// One run over both broken fixtures and one over both valid ones: the Apex rules' fixture (apex-pmd) and the
// AppExchange and suppression fixture (pmd-appexchange).
const pmdBroken = once(() =>
    node('check-apex-pmd.mjs', [fixture('apex-pmd', 'broken'), fixture('pmd-appexchange', 'broken')])
);
const pmdValid = once(() =>
    node('check-apex-pmd.mjs', [fixture('apex-pmd', 'valid'), fixture('pmd-appexchange', 'valid')])
);

describe('check:pmd: Apex rules, AppExchange rules over metadata, suppressions by rule name with a reason', () => {
    test('passes clean code, a secret in a protected custom setting, a justified metadata suppression, named Apex suppressions with reasons and an LWC that only JavaScript rules would flag', () => {
        const { code, out } = pmdValid();
        assert.equal(code, 0, out);
        assertMentions(out, [
            'rules code-analyzer.yml tags Comm100Gate apply to these files',
            '2 Apex and 6 metadata file(s), no violations'
        ]);
        assert.match(out, /\(([1-9]\d*) Apex, ([1-9]\d*) metadata XML, \d+ Visualforce\)/);
    });

    test('fails on missing sharing, SOQL and DML in loops, CRUD, injection, empty catch and an unexplained suppression', () => {
        const { code, out } = pmdBroken();
        assert.equal(code, 1);
        assertMentions(out, [
            'ApexSharingViolations',
            'OperationWithLimitsInLoop',
            'ApexCRUDViolation',
            'ApexSOQLInjection',
            'EmptyCatchBlock',
            '@SuppressWarnings(PMD…) needs a written reason'
        ]);
    });

    test("fails on the AppExchange XML rules' findings: a token in a public custom setting, an http remote site", () => {
        const { code, out } = pmdBroken();
        assert.equal(code, 1);
        assertMentions(out, [
            'Api_Token__c.field-meta.xml:1 ProtectSensitiveData: Api_Token__c is a potential auth token in the object: Partner_Config__c with public visibility',
            'Comm100_Plain.remoteSite-meta.xml:5 AvoidInsecureHttpRemoteSiteSetting'
        ]);
    });

    test('fails on metadata suppressions that name no rule, name a whole category or give no reason', () => {
        const { code, out } = pmdBroken();
        assert.equal(code, 1);
        assertMentions(out, [
            'Access_Code__c.field-meta.xml:3 code-analyzer-suppress names no rule',
            "Refresh_Hash__c.field-meta.xml:3 code-analyzer-suppress(pmd:Security): 'pmd:Security' is not one rule of this check",
            'Session_Token__c.field-meta.xml:3 code-analyzer-suppress needs a written reason'
        ]);
    });

    test("fails on @SuppressWarnings('PMD') and ('all') even with a reason, on a multi-line one without a reason, and on Code Analyzer markers in Apex", () => {
        const { code, out } = pmdBroken();
        assert.equal(code, 1);
        assertMentions(out, [
            "BlanketSuppressions.cls:9 @SuppressWarnings('PMD') silences every PMD rule",
            "BlanketSuppressions.cls:18 @SuppressWarnings('all') silences every PMD rule",
            'BlanketSuppressions.cls:27 @SuppressWarnings(PMD…) needs a written reason',
            'BlanketSuppressions.cls:39 code-analyzer-suppress in Apex'
        ]);
    });
});

describe('npm test runner: step names', () => {
    test('fails on an unknown step before running any, naming it and listing the known steps', () => {
        const { code, out } = node('run-checks.mjs', ['lint', 'chek:pmd']);
        assert.notEqual(code, 0, out);
        assertMentions(out, ['unknown step(s): chek:pmd', 'known steps:', 'check:pmd', 'test:checkers']);
        assert.ok(!out.includes('▶ lint'), `no step may run when one is unknown; it was:\n${out}`);
    });
});

describe('LWC Jest accessibility set-up: tests in nested folders', () => {
    test('fails a component test kept in __tests__/nested/ that skips the check, passes the one that runs it and a template-less module', () => {
        const { code, out } = run(path.join(BIN, 'jest'), ['--ci'], { cwd: fixture('jest-a11y-nested') });
        assert.equal(code, 1, out);
        assertMentions(out, [
            'renders a component but has no accessibility check',
            'skips the accessibility check',
            'PASS force-app/main/default/lwc/plainUtils/__tests__/deep/plainUtils.test.js',
            'Tests:       1 failed, 2 passed, 3 total'
        ]);
    });
});
