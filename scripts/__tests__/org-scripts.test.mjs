// The org scripts (scripts/org/*.mjs) run against a fake `sf` first on the PATH: the tests assert the argument
// lists they pass (each also checked against the pinned CLI's own command and flag list), the steps they print,
// and the one-sentence failures (no Dev Hub, no org, failed tests, coverage under the gates ...).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createFakeSf, failure, ok, sequence } from './lib/fake-sf.mjs';
import { assertValidSfCalls, loadSfCommands, validateSfCall } from './lib/sf-flags.mjs';

let commands;
before(() => {
    commands = loadSfCommands();
});

const fakes = [];
after(() => {
    for (const fake of fakes) fake.cleanup();
});

function newFake(options) {
    const fake = createFakeSf(options);
    fakes.push(fake);
    return fake;
}

/** `sf org display` for a scratch org, as plugin-org's OrgDisplayReturn has it. */
function orgDisplay(alias, username = `test-${alias}@example.com`) {
    return ok({
        id: '00D000000000001EAA',
        apiVersion: '65.0',
        accessToken: '00D000000000001!redacted',
        instanceUrl: 'https://example-dev-ed.develop.my.salesforce.com',
        username,
        clientId: 'PlatformCLI',
        connectedStatus: 'Connected',
        alias,
        status: 'Active',
        orgName: 'Comm100 for Salesforce',
        devHubId: 'devhub@example.com',
        createdBy: 'devhub@example.com',
        createdDate: '2025-01-01T00:00:00.000+0000',
        expirationDate: '2025-01-08',
        edition: 'Enterprise',
        signupUsername: username
    });
}

const NOT_FOUND = (alias) =>
    failure(
        'NamedOrgNotFoundError',
        `Parsing --target-org \n\tNo authorization information found for ${alias}.\nSee more help with --help`,
        2
    );

describe('the harness', () => {
    test('validates argument lists against the pinned CLI', () => {
        assert.deepEqual(
            validateSfCall(
                ['org', 'assign', 'permset', '--name', 'A', '--name', 'B', '--target-org', 'x', '--json'],
                commands
            ),
            []
        );
        assert.deepEqual(
            validateSfCall(
                [
                    'org',
                    'create',
                    'scratch',
                    '-f',
                    'x.json',
                    '--target-dev-hub',
                    'hub',
                    '--no-namespace',
                    '--no-track-source'
                ],
                commands
            ),
            []
        );
        assert.deepEqual(validateSfCall(['config', 'get', 'target-dev-hub', '--json'], commands), []);
        assert.deepEqual(validateSfCall(['nope', 'nothing'], commands), [
            "no command 'nope nothing' in the pinned CLI"
        ]);
        assert.deepEqual(validateSfCall(['org', 'open', '--target-org', 'x', '--paht', 'y'], commands), [
            'org:open: unknown flag --paht',
            "org:open: unexpected argument(s) 'y'"
        ]);
        assert.deepEqual(
            validateSfCall(['apex', 'run', 'test', '--target-org', 'x', '--test-level', 'RunEverything'], commands),
            [
                "apex:run:test: --test-level 'RunEverything' is not one of RunLocalTests, RunAllTestsInOrg, RunSpecifiedTests"
            ]
        );
        assert.deepEqual(validateSfCall(['org', 'assign', 'permset', '--target-org', 'x'], commands), [
            'org:assign:permset: the required --name is missing'
        ]);
        assert.deepEqual(
            validateSfCall(['org', 'open', '--target-org', 'x', '--path', 'a', '--source-file', 'b'], commands),
            [
                'org:open: --path cannot be combined with --source-file',
                'org:open: --source-file cannot be combined with --path'
            ]
        );
        assert.deepEqual(validateSfCall(['org', 'display', '--target-org'], commands), [
            'org:display: --target-org needs a value'
        ]);
        assert.deepEqual(validateSfCall(['org', 'display', '-u', 'x'], commands), [
            'org:display: -u is a deprecated alias of --target-org'
        ]);
        assert.deepEqual(validateSfCall(['org', 'display', '--target-org', 'x', 'extra'], commands), [
            "org:display: unexpected argument(s) 'extra'"
        ]);
        assert.deepEqual(validateSfCall(['org', 'display', '--target-org', 'x', '--target-org', 'y'], commands), [
            'org:display: --target-org is given 2 times'
        ]);
        assert.deepEqual(validateSfCall(['force:org:open', '--target-org', 'x'], commands), [
            "'force:org:open' is a deprecated alias of org:open"
        ]);
    });

    test('the fake answers by command and conditions, logs each call, and lib.mjs parses the answer', async () => {
        const fake = newFake();
        fake.answer('org display', orgDisplay('x'));
        fake.answer('org display', NOT_FOUND('gone'), { when: { '--target-org': 'gone' } });
        fake.answer('org assign permset', ok({ successes: [{ name: 'x', value: 'Comm100_Admin' }], failures: [] }));
        fake.answer(
            'org assign permset',
            sequence(ok({ successes: [], failures: [] }), failure('Second', 'second call')),
            { contains: 'Never_Matches' }
        );
        const run = await fake.runScript('permsets', ['--target-org', 'x']);
        assert.equal(run.code, 0, run.out);
        const calls = fake.calls();
        assert.deepEqual(
            calls.map((call) => call.argv),
            [
                ['org', 'display', '--target-org', 'x', '--json'],
                [
                    'org',
                    'assign',
                    'permset',
                    '--name',
                    'Comm100_Admin',
                    '--name',
                    'Comm100_Agent',
                    '--target-org',
                    'x',
                    '--json'
                ]
            ]
        );
        assert.equal(calls[0].env.SF_DISABLE_TELEMETRY, 'true');
        assert.equal(calls[0].env.SF_DISABLE_AUTOUPDATE, 'true');
        assert.equal(calls[0].env.SF_SKIP_NEW_VERSION_CHECK, 'true');
        assert.equal(calls[0].env.SF_AUTOUPDATE_DISABLE, 'true');
        assertValidSfCalls(fake.argvs(), commands);

        fake.clearCalls();
        const gone = await fake.runScript('permsets', ['--target-org', 'gone']);
        assert.equal(gone.code, 1);
        assert.equal(
            gone.stderr.trim(),
            "✖ No org 'gone' is known to the Salesforce CLI: create it with `npm run org:create` (or pass --target-org <alias>)."
        );
        assert.equal(fake.calls().length, 1);
    });

    test('a call with no canned answer fails and is logged as unmatched', async () => {
        const fake = newFake();
        const run = await fake.runScript('permsets', ['--target-org', 'x']);
        assert.equal(run.code, 1);
        assert.match(run.stderr, /FakeSfNoAnswer/);
        assert.equal(fake.calls()[0].unmatched, true);
    });
});
