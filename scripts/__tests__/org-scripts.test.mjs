// The org scripts (scripts/org/*.mjs) run against a fake `sf` first on the PATH: the tests assert the argument
// lists they pass (each also checked against the pinned CLI's own command and flag list), the steps they print,
// and the one-sentence failures (no Dev Hub, no org, failed tests, coverage under the gates ...).
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ForceIgnore } from '@salesforce/source-deploy-retrieve';
import { ROOT } from './lib/harness.mjs';
import {
    REDACTED_ACCESS_TOKEN,
    createFakeSf,
    deployClientTimeout,
    failure,
    flagValue,
    ok,
    resultWithExit,
    sequence
} from './lib/fake-sf.mjs';
import { assertValidSfCalls, loadSfCommands, validateSfCall } from './lib/sf-flags.mjs';
import { apexCode, repositoryApex } from '../org/test.mjs';

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
        accessToken: REDACTED_ACCESS_TOKEN,
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

// The scripts run as child processes, mostly waiting: the suites and their tests run side by side.
describe('org scripts', { concurrency: 3 }, () => {
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

    // ---------------------------------------------------------------------------------------------------------------
    // Canned answers, in the shapes the pinned CLI's plugins return (read from their lib/ code).

    /** `sf config get target-dev-hub` (plugin-settings: Msg[]). */
    function configGet(value) {
        return ok([
            value === undefined
                ? { name: 'target-dev-hub', key: 'target-dev-hub', success: true }
                : { name: 'target-dev-hub', key: 'target-dev-hub', value, location: 'Global', success: true }
        ]);
    }

    /** `sf org display` of a Dev Hub (no scratch org fields). */
    function hubDisplay(alias = 'devhub') {
        return ok({
            id: '00D000000000009EAA',
            apiVersion: '65.0',
            accessToken: REDACTED_ACCESS_TOKEN,
            instanceUrl: 'https://hub.my.salesforce.com',
            username: `${alias}@example.com`,
            clientId: 'PlatformCLI',
            connectedStatus: 'Connected',
            alias
        });
    }

    /** `sf project deploy start` that succeeded (plugin-deploy-retrieve: MetadataApiDeployStatus + files). */
    function deployed(components = 12) {
        return ok({
            id: '0Af000000000001CAA',
            status: 'Succeeded',
            success: true,
            done: true,
            numberComponentsDeployed: components,
            numberComponentsTotal: components,
            numberComponentErrors: 0,
            numberTestsCompleted: 0,
            numberTestsTotal: 0,
            checkOnly: false,
            files: []
        });
    }

    /** `sf data query` (jsforce QueryResult). */
    function queried(records, type = 'MatchingRule') {
        return ok({
            records: records.map((record) => ({
                attributes: { type, url: `/services/data/v65.0/sobjects/${type}/x` },
                ...record
            })),
            totalSize: records.length,
            done: true
        });
    }

    /** `sf data query` of a SELECT COUNT(): no records, the count in totalSize. */
    function counted(totalSize) {
        return ok({ records: [], totalSize, done: true });
    }

    /** A fake whose Dev Hub 'devhub' is configured and whose org `alias` exists. */
    function fakeWithOrg(alias = 'comm100', options) {
        const fake = newFake(options);
        fake.answer('config get', configGet('devhub'));
        fake.answer('org display', NOT_FOUND('unknown'));
        fake.answer('org display', hubDisplay('devhub'), { when: { '--target-org': 'devhub' } });
        fake.answer('org display', orgDisplay(alias), { when: { '--target-org': alias } });
        return fake;
    }

    /** Every call was answered and is valid for the pinned CLI. */
    function assertCallsValid(fake) {
        const unmatched = fake.calls().filter((call) => call.unmatched);
        assert.deepEqual(
            unmatched.map((call) => call.argv.join(' ')),
            [],
            'every sf call should have a canned answer'
        );
        assertValidSfCalls(fake.argvs(), commands);
        for (const call of fake.calls()) {
            assert.equal(call.env.SF_DISABLE_TELEMETRY, 'true');
            assert.equal(call.env.SF_SKIP_NEW_VERSION_CHECK, 'true');
            assert.equal(call.env.SF_DISABLE_AUTOUPDATE, 'true');
            assert.equal(call.env.SF_AUTOUPDATE_DISABLE, 'true');
            assert.ok(call.argv.includes('--json'), `sf ${call.argv.join(' ')} should have --json`);
        }
    }

    /** The printed steps ("▶ ..."), in order. */
    function steps(run) {
        return run.stdout
            .split('\n')
            .filter((line) => line.startsWith('▶ '))
            .map((line) => line.slice(2));
    }

    /** The last line of stderr: the one-sentence failure. */
    function failureLine(run) {
        return run.stderr.trim().split('\n').at(-1);
    }

    /** A copy of the project with a configured namespace and package id, for packaging and namespaced creates. */
    function configuredProject(fake) {
        const root = path.join(fake.dir, 'project');
        mkdirSync(path.join(root, 'config'), { recursive: true });
        const project = JSON.parse(readFileSync(path.join(ROOT, 'sfdx-project.json'), 'utf8'));
        project.namespace = 'acme';
        project.packageAliases = { 'Comm100 for Salesforce': '0Ho5g000000XyZaCAK' };
        writeFileSync(path.join(root, 'sfdx-project.json'), JSON.stringify(project, null, 2));
        cpSync(
            path.join(ROOT, 'config', 'project-scratch-def.json'),
            path.join(root, 'config', 'project-scratch-def.json')
        );
        cpSync(path.join(ROOT, 'post-install'), path.join(root, 'post-install'), { recursive: true });
        return root;
    }

    /** A copy of the project's sfdx-project.json, .forceignore and org-tests/duplicate-rules, for org:duplicate-rules. */
    function duplicateRulesProject(fake) {
        const root = path.join(fake.dir, 'project');
        mkdirSync(root, { recursive: true });
        for (const file of ['sfdx-project.json', '.forceignore']) cpSync(path.join(ROOT, file), path.join(root, file));
        cpSync(path.join(ROOT, 'org-tests', 'duplicate-rules'), path.join(root, 'org-tests', 'duplicate-rules'), {
            recursive: true
        });
        return root;
    }

    describe('org:create', () => {
        test('creates the scratch org from the definition on the configured Dev Hub, without a namespace while there is none', async () => {
            const fake = fakeWithOrg('other');
            fake.answer(
                'org create scratch',
                ok({
                    username: 'test-abc@example.com',
                    scratchOrgInfo: { Id: '2SR000000000001', Status: 'Active' },
                    authFields: { username: 'test-abc@example.com', orgId: '00D000000000001EAA' },
                    warnings: [],
                    orgId: '00D000000000001EAA'
                })
            );
            const run = await fake.runScript('create');
            assert.equal(run.code, 0, run.out);
            assert.deepEqual(fake.argvs(), [
                ['config', 'get', 'target-dev-hub', '--json'],
                ['org', 'display', '--target-org', 'devhub', '--json'],
                ['org', 'display', '--target-org', 'comm100', '--json'],
                [
                    'org',
                    'create',
                    'scratch',
                    '--definition-file',
                    'config/project-scratch-def.json',
                    '--alias',
                    'comm100',
                    '--target-dev-hub',
                    'devhub',
                    '--duration-days',
                    '7',
                    '--wait',
                    '20',
                    '--no-namespace',
                    '--no-ancestors',
                    '--json'
                ]
            ]);
            assert.deepEqual(steps(run), [
                'Checking the Dev Hub',
                "Checking that no live org is already called 'comm100'",
                "Creating scratch org 'comm100' from config/project-scratch-def.json on 'devhub' (7 days, no namespace; up to 20 minutes)"
            ]);
            assert.match(run.stdout, /✔ Scratch org 'comm100' is ready: test-abc@example.com \(00D000000000001EAA\)/);
            assertCallsValid(fake);
        });

        test('with a configured namespace, the options and COMM100_ORG', async () => {
            const fake = fakeWithOrg('other');
            fake.answer('org display', hubDisplay('hub2'), { when: { '--target-org': 'hub2' } });
            fake.answer(
                'org create scratch',
                ok({ username: 'u@example.com', warnings: [], orgId: '00D000000000002EAA' })
            );
            const root = configuredProject(fake);
            const run = await fake.runScript(
                'create',
                ['--target-dev-hub', 'hub2', '--days', '3', '--wait', '15', '--set-default', '--no-ancestors'],
                { env: { COMM100_ORG: 'ci', COMM100_PROJECT_ROOT: root } }
            );
            assert.equal(run.code, 0, run.out);
            assert.deepEqual(fake.argvs().at(-1), [
                'org',
                'create',
                'scratch',
                '--definition-file',
                'config/project-scratch-def.json',
                '--alias',
                'ci',
                '--target-dev-hub',
                'hub2',
                '--duration-days',
                '3',
                '--wait',
                '15',
                '--set-default',
                '--no-ancestors',
                '--json'
            ]);
            assert.equal(fake.calls().at(-1).cwd, root);
            assert.equal(fake.callsTo('config get').length, 0, 'a given --target-dev-hub is not looked up');
            assert.match(steps(run).at(-1), /namespace acme, no ancestors/);
            assertCallsValid(fake);
        });

        // kills: the ancestors looked up by default, which fails with the real namespace before a version is released
        // (NoMatchingAncestorError: @salesforce/core skips them only with --no-namespace or --no-ancestors)
        test('with the namespace, the ancestors are left out unless --ancestors', async () => {
            const fake = fakeWithOrg('other');
            fake.answer(
                'org create scratch',
                ok({ username: 'u@example.com', warnings: [], orgId: '00D000000000004EAA' })
            );
            const root = configuredProject(fake);
            const env = { env: { COMM100_PROJECT_ROOT: root } };
            const plain = await fake.runScript('create', ['--target-org', 'dev'], env);
            assert.equal(plain.code, 0, plain.out);
            const created = () => fake.callsTo('org create scratch').at(-1).argv;
            assert.ok(created().includes('--no-ancestors'), created().join(' '));
            assert.ok(!created().includes('--no-namespace'));
            assert.equal(
                steps(plain).at(-1),
                "Creating scratch org 'dev' from config/project-scratch-def.json on 'devhub' (7 days, namespace acme, no ancestors; up to 20 minutes)"
            );

            const withAncestors = await fake.runScript('create', ['--target-org', 'dev', '--ancestors'], env);
            assert.equal(withAncestors.code, 0, withAncestors.out);
            assert.ok(!created().includes('--no-ancestors'), created().join(' '));
            assert.match(steps(withAncestors).at(-1), /\(7 days, namespace acme, with the package's ancestors; /);
            assertCallsValid(fake);

            const both = newFake();
            const refused = await both.runScript('create', ['--ancestors', '--no-ancestors'], env);
            assert.equal(refused.code, 2);
            assert.equal(
                failureLine(refused),
                '✖ --ancestors and --no-ancestors contradict each other: give one of them.'
            );
            assert.equal(both.calls().length, 0);
        });

        // kills: --name dropped, passed as the alias, or an empty name reaching the CLI
        test('--name gives the org its name, which org:cleanup matches; an empty name is refused', async () => {
            const fake = fakeWithOrg('other');
            fake.answer(
                'org create scratch',
                ok({ username: 'u@example.com', warnings: [], orgId: '00D000000000003EAA' })
            );
            const run = await fake.runScript('create', [
                '--target-org',
                'ci',
                '--name',
                'Comm100 for Salesforce CI',
                '--duration-days',
                '1'
            ]);
            assert.equal(run.code, 0, run.out);
            assert.deepEqual(fake.argvs().at(-1), [
                'org',
                'create',
                'scratch',
                '--definition-file',
                'config/project-scratch-def.json',
                '--alias',
                'ci',
                '--target-dev-hub',
                'devhub',
                '--duration-days',
                '1',
                '--wait',
                '20',
                '--name',
                'Comm100 for Salesforce CI',
                '--no-namespace',
                '--no-ancestors',
                '--json'
            ]);
            assert.equal(
                steps(run).at(-1),
                "Creating scratch org 'ci' named 'Comm100 for Salesforce CI' from config/project-scratch-def.json on 'devhub' (1 day, no namespace; up to 20 minutes)"
            );
            assertCallsValid(fake);

            const empty = newFake();
            const refused = await empty.runScript('create', ['--name', ' ']);
            assert.equal(refused.code, 2);
            assert.equal(failureLine(refused), '✖ --name needs an org name, such as "Comm100 for Salesforce CI".');
            assert.equal(empty.calls().length, 0);
        });

        test('no Dev Hub configured: one sentence with the login command', async () => {
            const fake = newFake();
            fake.answer('config get', configGet(undefined));
            const run = await fake.runScript('create');
            assert.equal(run.code, 1);
            assert.equal(
                failureLine(run),
                '✖ No Dev Hub is configured: log in to one with `sf org login web --set-default-dev-hub --alias devhub`.'
            );
            assert.equal(fake.callsTo('org create scratch').length, 0);
            assertCallsValid(fake);
        });

        test('a configured Dev Hub that is not logged in', async () => {
            const fake = newFake();
            fake.answer('config get', configGet('devhub'));
            fake.answer('org display', NOT_FOUND('devhub'));
            const run = await fake.runScript('create');
            assert.equal(run.code, 1);
            assert.equal(
                failureLine(run),
                "✖ The Dev Hub 'devhub' is not logged in: log in with `sf org login web --set-default-dev-hub --alias devhub` (or pass --target-dev-hub <alias>)."
            );
            assertCallsValid(fake);
        });

        test('an alias that names a live org is refused', async () => {
            const fake = fakeWithOrg('comm100');
            const run = await fake.runScript('create');
            assert.equal(run.code, 1);
            assert.equal(
                failureLine(run),
                "✖ An org called 'comm100' already exists (test-comm100@example.com): use it, delete it first with `npm run org:delete -- --target-org comm100`, or pass another --target-org."
            );
            assert.equal(fake.callsTo('org create scratch').length, 0);
        });

        test('--help lists the options and runs nothing', async () => {
            const fake = newFake();
            const run = await fake.runScript('create', ['--help']);
            assert.equal(run.code, 0, run.out);
            assert.match(run.stdout, /^Usage: npm run org:create -- \[options\]/);
            assert.match(run.stdout, /--duration-days <value> +days before the org expires, 1 to 30 \(default: 7\)/);
            assert.match(run.stdout, /--no-namespace +create the org without the namespace/);
            assert.match(run.stdout, /--ancestors +include the package's ancestor versions/);
            assert.equal(fake.calls().length, 0);
        });

        test('a bad --duration-days and an unknown option', async () => {
            const fake = newFake();
            const days = await fake.runScript('create', ['--duration-days', '31']);
            assert.equal(days.code, 2);
            assert.equal(failureLine(days), '✖ --duration-days must be a whole number from 1 to 30; 31 is not.');
            const unknown = await fake.runScript('create', ['--alias', 'x']);
            assert.equal(unknown.code, 2);
            assert.match(failureLine(unknown), /^✖ Unknown option '--alias': see `npm run org:create -- --help`\.$/);
            assert.equal(fake.calls().length, 0);
        });
    });

    describe('org:deploy', () => {
        test('deploys force-app and unpackaged, then the subscriber configuration', async () => {
            const fake = fakeWithOrg();
            fake.answer('project deploy start', deployed(412));
            fake.answer('project deploy start', deployed(1), { when: { '--metadata-dir': true } });
            const run = await fake.runScript('deploy');
            assert.equal(run.code, 0, run.out);
            assert.deepEqual(fake.argvs(), [
                ['org', 'display', '--target-org', 'comm100', '--json'],
                [
                    'project',
                    'deploy',
                    'start',
                    '--source-dir',
                    'force-app',
                    '--source-dir',
                    'unpackaged',
                    '--target-org',
                    'comm100',
                    '--wait',
                    '30',
                    '--json'
                ],
                [
                    'project',
                    'deploy',
                    'start',
                    '--metadata-dir',
                    'post-install/subscriber-config',
                    '--target-org',
                    'comm100',
                    '--wait',
                    '10',
                    '--json'
                ]
            ]);
            assert.deepEqual(steps(run), [
                "Checking the org 'comm100'",
                "Deploying force-app and unpackaged to 'comm100'",
                "Deploying the platform event trigger's configuration (post-install/subscriber-config) to 'comm100'"
            ]);
            assert.match(run.stdout, /Succeeded: 412 of 412 components/);
            assertCallsValid(fake);
        });

        test('a failed component is named with its file and line, then one sentence', async () => {
            const fake = fakeWithOrg();
            fake.answer(
                'project deploy start',
                resultWithExit(
                    {
                        id: '0Af000000000002CAA',
                        status: 'Failed',
                        success: false,
                        done: true,
                        numberComponentErrors: 1,
                        numberComponentsDeployed: 0,
                        numberComponentsTotal: 412,
                        details: {
                            componentFailures: {
                                changed: false,
                                componentType: 'ApexClass',
                                fullName: 'Comm100ChatSelector',
                                fileName: 'classes/Comm100ChatSelector.cls',
                                problem: 'Variable does not exist: chatIds (12:30)',
                                problemType: 'Error',
                                lineNumber: 12,
                                success: false
                            }
                        },
                        files: [
                            {
                                fullName: 'Comm100ChatSelector',
                                type: 'ApexClass',
                                state: 'Failed',
                                filePath: path.join(ROOT, 'force-app/main/default/classes/Comm100ChatSelector.cls'),
                                error: 'Variable does not exist: chatIds (12:30)',
                                problemType: 'Error',
                                lineNumber: 12,
                                columnNumber: 30
                            }
                        ]
                    },
                    1
                )
            );
            const run = await fake.runScript('deploy', ['--target-org', 'comm100']);
            assert.equal(run.code, 1);
            assert.match(
                run.stderr,
                /ApexClass Comm100ChatSelector: Variable does not exist: chatIds \(12:30\) \(force-app\/main\/default\/classes\/Comm100ChatSelector\.cls:12\)/
            );
            assert.equal(
                failureLine(run),
                "✖ The deploy of force-app and unpackaged to 'comm100' failed (status Failed, 1 component failed): fix the components above and run it again."
            );
            assert.equal(
                fake.callsTo('project deploy start').length,
                1,
                'the post-install step is not deployed after a failure'
            );
            assertCallsValid(fake);
        });

        // kills: waiting for a result with status InProgress, which the CLI never answers (it throws
        // ClientTimeoutError), so the timeout fell through to the CLI's own message without the command that follows
        test('a deploy still running after --wait names the command that follows it', async () => {
            const fake = fakeWithOrg();
            fake.answer('project deploy start', deployClientTimeout('0Af000000000003CAA'));
            const run = await fake.runScript('deploy', ['--wait', '5']);
            assert.equal(run.code, 1);
            assert.equal(
                failureLine(run),
                "✖ The deploy of force-app and unpackaged to 'comm100' was still running after 5 minutes (deploy 0Af000000000003CAA): follow it with `sf project deploy report --job-id 0Af000000000003CAA --target-org comm100` (or pass a longer --wait)."
            );
            assert.deepEqual(
                validateSfCall(
                    ['project', 'deploy', 'report', '--job-id', '0Af000000000003CAA', '--target-org', 'comm100'],
                    commands
                ),
                []
            );
            assert.equal(fake.callsTo('project deploy start').length, 1, 'nothing is deployed after it');
            assertCallsValid(fake);
        });

        test('no org: one sentence with npm run org:create', async () => {
            const fake = fakeWithOrg();
            const run = await fake.runScript('deploy', ['--target-org', 'missing']);
            assert.equal(run.code, 1);
            assert.equal(
                failureLine(run),
                "✖ No org 'missing' is known to the Salesforce CLI: create it with `npm run org:create` (or pass --target-org <alias>)."
            );
            assert.equal(fake.calls().length, 1);
        });
    });

    describe('org:duplicate-rules', () => {
        // kills: the copy made in the system's temporary folder, which a tracked deploy records as ../../tmp/...
        // (isomorphic-git refuses that path, failing the deploy and every later tracked one), or in a folder the
        // project's .forceignore hides
        test('matching rules, then waiting for Active, then duplicate rules after the org’s own, then the tests, from a copy inside the project', async () => {
            const fake = fakeWithOrg('comm100', { captureDirs: true });
            const root = duplicateRulesProject(fake);
            fake.answer('project deploy start', deployed(2));
            fake.answer(
                'data query',
                sequence(
                    queried([
                        { DeveloperName: 'Comm100_Test_Contact_Email', RuleStatus: 'Activating' },
                        { DeveloperName: 'Comm100_Test_Lead_Email', RuleStatus: 'Active' }
                    ]),
                    queried([
                        { DeveloperName: 'Comm100_Test_Contact_Email', RuleStatus: 'Active' },
                        { DeveloperName: 'Comm100_Test_Lead_Email', RuleStatus: 'Active' }
                    ])
                ),
                { contains: 'FROM MatchingRule' }
            );
            fake.answer('data query', counted(2), { contains: "SobjectType = 'Contact'" });
            fake.answer('data query', counted(0), { contains: "SobjectType = 'Lead'" });
            const repoFiles = (dir) =>
                JSON.stringify(
                    ['Contact.Comm100_Test_Contact_Email_Alert', 'Contact.Comm100_Test_Contact_Email_Block'].map(
                        (name) => readFileSync(path.join(root, dir, `${name}.duplicateRule-meta.xml`), 'utf8')
                    )
                );
            const before = repoFiles('org-tests/duplicate-rules/main/default/duplicateRules');
            const run = await fake.runScript('duplicate-rules', [], { env: { COMM100_PROJECT_ROOT: root } });
            assert.equal(run.code, 0, run.out);

            const argvs = fake.argvs();
            const deploys = fake.callsTo('project deploy start');
            assert.equal(deploys.length, 3);
            const dirs = deploys.map((call) => flagValue(call.argv, '--source-dir'));
            assert.match(dirs[0], /^build\/org-tests\/duplicate-rules-[^/]+\/main\/default\/matchingRules$/);
            assert.match(dirs[1], /^build\/org-tests\/duplicate-rules-[^/]+\/main\/default\/duplicateRules$/);
            assert.match(dirs[2], /^build\/org-tests\/duplicate-rules-[^/]+\/main\/default\/classes$/);
            // What source tracking records: each deployed file by its path relative to the project, where sf runs.
            const forceIgnore = new ForceIgnore(path.join(root, '.forceignore'));
            for (const [index, call] of deploys.entries()) {
                assert.equal(call.cwd, root, 'sf runs in the project');
                const files = Object.keys(call.dirs[dirs[index]]);
                assert.ok(files.length > 0, dirs[index]);
                for (const file of files) {
                    const full = path.resolve(call.cwd, dirs[index], file);
                    const tracked = path.relative(root, full);
                    assert.ok(
                        !tracked.startsWith('..') && !path.isAbsolute(tracked),
                        `${tracked} is inside the project`
                    );
                    assert.ok(!forceIgnore.denies(full), `.forceignore does not hide ${tracked}`);
                }
            }
            for (const call of deploys)
                assert.deepEqual(call.argv.slice(-5), ['--target-org', 'comm100', '--wait', '30', '--json']);
            const queries = fake.callsTo('data query').map((call) => flagValue(call.argv, '--query'));
            assert.deepEqual(queries, [
                "SELECT DeveloperName, RuleStatus FROM MatchingRule WHERE DeveloperName IN ('Comm100_Test_Contact_Email', 'Comm100_Test_Lead_Email')",
                "SELECT DeveloperName, RuleStatus FROM MatchingRule WHERE DeveloperName IN ('Comm100_Test_Contact_Email', 'Comm100_Test_Lead_Email')",
                "SELECT COUNT() FROM DuplicateRule WHERE SobjectType = 'Contact' AND (NOT DeveloperName LIKE 'Comm100_Test_%')",
                "SELECT COUNT() FROM DuplicateRule WHERE SobjectType = 'Lead' AND (NOT DeveloperName LIKE 'Comm100_Test_%')"
            ]);
            // Order of the calls: matching rules deployed, polled twice, counted, duplicate rules, classes.
            assert.deepEqual(
                argvs.map((argv) => argv.slice(0, 2).join(' ')),
                [
                    'org display',
                    'project deploy',
                    'data query',
                    'data query',
                    'data query',
                    'data query',
                    'project deploy',
                    'project deploy'
                ]
            );

            // The duplicate rules deployed: each object's after the org's own, in the repository's relative order.
            const files = deploys[1].dirs[dirs[1]];
            const sortOrder = (name) =>
                files[`${name}.duplicateRule-meta.xml`].match(/^ {4}<sortOrder>(\d+)<\/sortOrder>$/m)[1];
            assert.equal(sortOrder('Contact.Comm100_Test_Contact_Email_Block'), '3');
            assert.equal(sortOrder('Contact.Comm100_Test_Contact_Email_Alert'), '4');
            assert.equal(sortOrder('Lead.Comm100_Test_Lead_Email_Block'), '1');
            assert.equal(sortOrder('Lead.Comm100_Test_Lead_Matches_Contact_Block'), '2');
            assert.match(
                files['Contact.Comm100_Test_Contact_Email_Block.duplicateRule-meta.xml'],
                / {12}<sortOrder>1<\/sortOrder>/
            );
            assert.equal(
                repoFiles('org-tests/duplicate-rules/main/default/duplicateRules'),
                before,
                'the repository is not edited'
            );
            assert.ok(
                !existsSync(path.join(root, path.dirname(path.dirname(path.dirname(dirs[0]))))),
                'the copy is removed'
            );
            assert.deepEqual(steps(run), [
                "Checking the org 'comm100'",
                "Deploying the test-only matching rules (Comm100_Test_Contact_Email, Comm100_Test_Lead_Email) to 'comm100'",
                'Waiting until 2 matching rules are Active (up to 300 s)',
                "Placing the test-only duplicate rules after the org's own (Contact, Lead)",
                "Deploying the test-only duplicate rules to 'comm100'",
                "Deploying the duplicate-rule tests (org-tests/duplicate-rules/main/default/classes) to 'comm100'"
            ]);
            assertCallsValid(fake);
        });

        test('matching rules that never become Active: one sentence, and no duplicate rule deployed', async () => {
            const fake = fakeWithOrg();
            const root = duplicateRulesProject(fake);
            fake.answer('project deploy start', deployed(2));
            fake.answer(
                'data query',
                queried([
                    { DeveloperName: 'Comm100_Test_Contact_Email', RuleStatus: 'Activating' },
                    { DeveloperName: 'Comm100_Test_Lead_Email', RuleStatus: 'Active' }
                ])
            );
            const run = await fake.runScript('duplicate-rules', ['--timeout', '0'], {
                env: { COMM100_PROJECT_ROOT: root }
            });
            assert.equal(run.code, 1);
            assert.equal(
                failureLine(run),
                '✖ The test-only matching rules were not all Active after 0 s: run `npm run org:duplicate-rules` again later (or pass a longer --timeout).'
            );
            assert.equal(fake.callsTo('project deploy start').length, 1);
            assertCallsValid(fake);
        });
    });

    describe('org:permsets', () => {
        test('an assignment that already exists counts as done', async () => {
            const fake = fakeWithOrg();
            fake.answer(
                'org assign permset',
                ok({
                    successes: [{ name: 'comm100', value: 'Comm100_Agent' }],
                    failures: [
                        {
                            name: 'comm100',
                            message:
                                'Duplicate PermissionSetAssignment. Assignee: 005000000000001, PermissionSet: 0PS000000000001'
                        }
                    ]
                })
            );
            const run = await fake.runScript('permsets');
            assert.equal(run.code, 0, run.out);
            assert.match(run.stdout, /already assigned: 1 of 2/);
            assert.match(run.stdout, /✔ test-comm100@example.com has Comm100_Admin and Comm100_Agent/);
            assertCallsValid(fake);
        });

        // kills: --integration ignored, or Comm100_Integration assigned without it
        test('--integration also assigns Comm100 Integration, which an OAuth caller of the REST endpoint needs', async () => {
            const fake = fakeWithOrg();
            const names = ['Comm100_Admin', 'Comm100_Agent', 'Comm100_Integration'];
            fake.answer(
                'org assign permset',
                ok({ successes: names.map((value) => ({ name: 'comm100', value })), failures: [] })
            );
            const run = await fake.runScript('permsets', ['--integration']);
            assert.equal(run.code, 0, run.out);
            assert.deepEqual(
                fake.callsTo('org assign permset').map((call) => call.argv),
                [
                    [
                        'org',
                        'assign',
                        'permset',
                        '--name',
                        'Comm100_Admin',
                        '--name',
                        'Comm100_Agent',
                        '--name',
                        'Comm100_Integration',
                        '--target-org',
                        'comm100',
                        '--json'
                    ]
                ]
            );
            assert.deepEqual(steps(run), [
                "Checking the org 'comm100'",
                "Assigning Comm100_Admin, Comm100_Agent and Comm100_Integration to test-comm100@example.com in 'comm100'"
            ]);
            assert.match(
                run.stdout,
                /✔ test-comm100@example.com has Comm100_Admin, Comm100_Agent and Comm100_Integration/
            );
            assertCallsValid(fake);

            const without = fakeWithOrg();
            without.answer('org assign permset', ok({ successes: [], failures: [] }));
            assert.equal((await without.runScript('permsets')).code, 0);
            assert.deepEqual(flagValue(without.callsTo('org assign permset')[0].argv, '--name', true), [
                'Comm100_Admin',
                'Comm100_Agent'
            ]);
        });

        test('a permission set missing from the org: deploy first', async () => {
            const fake = fakeWithOrg();
            fake.answer(
                'org assign permset',
                resultWithExit(
                    {
                        successes: [],
                        failures: [
                            {
                                name: 'comm100',
                                message:
                                    'Permission set "Comm100_Admin" not found in target org. Do you need to push source?'
                            }
                        ]
                    },
                    1
                )
            );
            const run = await fake.runScript('permsets');
            assert.equal(run.code, 1);
            assert.equal(
                failureLine(run),
                '✖ A Comm100 permission set is not in \'comm100\' (Permission set "Comm100_Admin" not found in target org. Do you need to push source?): deploy the package with `npm run org:deploy` (or install it with `npm run org:install`) first.'
            );
            assertCallsValid(fake);
        });
    });

    /** `sf apex run test --code-coverage --json`'s result (plugin-apex JsonReporter). */
    function apexResult({ outcome = 'Passed', orgWide = '93%', tests, coverage }) {
        return {
            summary: {
                failRate: '0%',
                failing: tests.filter((t) => t.Outcome !== 'Pass').length,
                hostname: 'https://example.my.salesforce.com',
                orgId: '00D000000000001EAA',
                outcome,
                passRate: '100%',
                passing: tests.filter((t) => t.Outcome === 'Pass').length,
                skipped: 0,
                testRunId: '7070000000000001',
                testStartTime: '2025-01-01T10:00:00.000Z',
                testsRan: tests.length,
                userId: '005000000000001AAA',
                username: 'test-comm100@example.com',
                commandTime: '120 ms',
                testExecutionTime: '3400 ms',
                testTotalTime: '3400 ms',
                orgWideCoverage: orgWide,
                testRunCoverage: orgWide
            },
            tests: tests.map((t, i) => ({
                Id: `07M00000000000${i}AAA`,
                QueueItemId: '7090000000000001',
                StackTrace: t.StackTrace ?? null,
                Message: t.Message ?? null,
                AsyncApexJobId: '7070000000000001',
                MethodName: t.MethodName,
                Outcome: t.Outcome,
                ApexClass: { Id: '01p000000000001AAA', Name: t.Class, NamespacePrefix: null },
                RunTime: 25,
                FullName: `${t.Class}.${t.MethodName}`
            })),
            coverage: {
                coverage: coverage.map(([name, totalCovered, totalLines], i) => ({
                    id: `01p00000000000${i}AAA`,
                    name,
                    totalLines,
                    lines: {},
                    totalCovered,
                    coveredPercent: totalLines ? parseInt(String(Math.round((100 * totalCovered) / totalLines)), 10) : 0
                })),
                records: [],
                summary: { totalLines: 0, coveredLines: 0, orgWideCoverage: orgWide, testRunCoverage: orgWide }
            }
        };
    }

    /** A class with a line to cover. */
    const apexClass = (name) =>
        `/**\n * @description ${name}.\n */\npublic with sharing class ${name} {\n    public static Integer one() {\n        return 1; // class Other {}\n    }\n}\n`;
    /** A test class: never gated, and it has no coverage row. */
    const apexTestClass = (name) =>
        `@IsTest\nprivate class ${name} {\n    @IsTest\n    static void runs() {\n        Assert.areEqual(1, ${name.replace(/Test$/, '')}.one());\n    }\n}\n`;

    /**
     * A fake with the org whose project (COMM100_PROJECT_ROOT: `run.env` for runScript) holds `sources` under
     * force-app/main/default, answering what org:test reads after the run: the org's namespace, its own classes and
     * triggers (`orgApex`: [type, name, id]) and every aggregate coverage row (`aggregate`: [id, name, covered,
     * uncovered]).
     */
    function coverageFake({ sources, namespace = null, orgApex = [], aggregate = [] }) {
        const fake = fakeWithOrg();
        const root = path.join(fake.dir, 'project');
        for (const [file, text] of Object.entries(sources)) {
            const full = path.join(root, 'force-app', 'main', 'default', file);
            mkdirSync(path.dirname(full), { recursive: true });
            writeFileSync(full, text);
        }
        fake.answer('data query', queried([{ NamespacePrefix: namespace }], 'Organization'), {
            contains: 'FROM Organization'
        });
        for (const type of ['ApexClass', 'ApexTrigger']) {
            fake.answer(
                'data query',
                queried(
                    orgApex.filter(([kind]) => kind === type).map(([, Name, Id]) => ({ Id, Name })),
                    type
                ),
                { contains: `FROM ${type} WHERE` }
            );
        }
        fake.answer(
            'data query',
            queried(
                aggregate.map(([Id, Name, NumLinesCovered, NumLinesUncovered]) => ({
                    ApexClassOrTrigger: {
                        attributes: {
                            type: 'Name',
                            url: `/services/data/v65.0/tooling/sobjects/${Id.startsWith('01q') ? 'ApexTrigger' : 'ApexClass'}/${Id}`
                        },
                        Id,
                        Name
                    },
                    NumLinesCovered,
                    NumLinesUncovered
                })),
                'ApexCodeCoverageAggregate'
            ),
            { contains: 'FROM ApexCodeCoverageAggregate' }
        );
        return { fake, root, env: { env: { COMM100_PROJECT_ROOT: root } } };
    }

    /** The project of the org:test tests that name only classes the run covers. */
    function coveredFake(classes) {
        const sources = {};
        const orgApex = [];
        const aggregate = [];
        classes.forEach(([name, covered, total], i) => {
            sources[`classes/${name}.cls`] =
                total > 0 ? apexClass(name) : `public class ${name} {\n    public static final String X = 'x';\n}\n`;
            sources[`classes/${name}Test.cls`] = apexTestClass(name);
            const id = `01p00000000000${i}AAA`;
            orgApex.push(['ApexClass', name, id], ['ApexClass', `${name}Test`, `01p00000000010${i}AAA`]);
            aggregate.push([id, name, covered, total - covered]);
        });
        return coverageFake({ sources, orgApex, aggregate });
    }

    describe('org:test', () => {
        test('all local tests with coverage: a table per class, the raw result written, exit 0 over the gates', async () => {
            const { fake, env } = coveredFake([
                ['Comm100EventHandler', 95, 100],
                ['SyncLogWriter', 17, 20],
                ['Comm100Constants', 0, 0]
            ]);
            const result = apexResult({
                tests: [
                    { Class: 'Comm100EventHandlerTest', MethodName: 'storesChat', Outcome: 'Pass' },
                    { Class: 'SyncLogWriterTest', MethodName: 'writesLog', Outcome: 'Pass' }
                ],
                coverage: [
                    ['Comm100EventHandler', 95, 100],
                    ['SyncLogWriter', 17, 20],
                    ['Comm100Constants', 0, 0]
                ]
            });
            fake.answer('apex run test', ok(result));
            const run = await fake.runScript('test', [], env);
            assert.equal(run.code, 0, run.out);
            const outputDir = path.join(fake.buildDir, 'apex-tests');
            assert.deepEqual(fake.callsTo('apex run test')[0].argv, [
                'apex',
                'run',
                'test',
                '--target-org',
                'comm100',
                '--test-level',
                'RunLocalTests',
                '--code-coverage',
                '--result-format',
                'junit',
                '--output-dir',
                outputDir,
                '--wait',
                '60',
                '--json'
            ]);
            assert.deepEqual(JSON.parse(readFileSync(path.join(outputDir, 'result.json'), 'utf8')).result, result);
            assert.match(run.stdout, /Class or trigger\s+Covered\s+Coverage/);
            assert.match(run.stdout, /Comm100EventHandler\s+95\/100\s+95 %/);
            assert.match(run.stdout, /SyncLogWriter\s+17\/20\s+85 %/);
            assert.doesNotMatch(run.stdout, /Comm100Constants/, 'a class without lines to cover is not listed');
            assert.match(run.stdout, /org-wide coverage: 93 % \(gate 90 %\)/);
            assert.match(run.stdout, /✔ 2 Apex tests passed; org-wide coverage 93 %, every class at least 85 %/);
            assertCallsValid(fake);
        });

        test('failed tests, org-wide coverage under the gate and a class under the gate: exit 1 naming each', async () => {
            const { fake, env } = coveredFake([
                ['Comm100EventHandler', 95, 100],
                ['SyncLogWriter', 1699, 2000]
            ]);
            fake.answer(
                'apex run test',
                resultWithExit(
                    apexResult({
                        outcome: 'Failed',
                        orgWide: '89%',
                        tests: [
                            {
                                Class: 'Comm100EventHandlerTest',
                                MethodName: 'storesChat',
                                Outcome: 'Fail',
                                Message: 'System.AssertException: Assertion Failed: Expected: 1, Actual: 0',
                                StackTrace: 'Class.Comm100EventHandlerTest.storesChat: line 42, column 1'
                            },
                            { Class: 'SyncLogWriterTest', MethodName: 'writesLog', Outcome: 'Pass' }
                        ],
                        coverage: [
                            ['Comm100EventHandler', 95, 100],
                            ['SyncLogWriter', 1699, 2000]
                        ]
                    }),
                    100
                )
            );
            const run = await fake.runScript('test', ['--org-wide-gate', '90', '--class-gate', '85'], env);
            assert.equal(run.code, 1);
            assert.match(
                run.stderr,
                /✖ Comm100EventHandlerTest\.storesChat: System\.AssertException: Assertion Failed: Expected: 1, Actual: 0/
            );
            assert.match(run.stderr, /at Class\.Comm100EventHandlerTest\.storesChat: line 42, column 1/);
            assert.match(run.stdout, /SyncLogWriter\s+1699\/2000\s+84\.9 %\s+✖ under 85 %/);
            assert.equal(
                failureLine(run),
                "✖ The Apex tests in 'comm100' did not pass: 1 test failed; org-wide coverage 89 % is under 90 %; 1 class is under 85 % (SyncLogWriter 84.9 %)."
            );
            assertCallsValid(fake);
        });

        test('the gates are options', async () => {
            const { fake, env } = coveredFake([['A', 8, 10]]);
            fake.answer(
                'apex run test',
                ok(
                    apexResult({
                        orgWide: '80%',
                        tests: [{ Class: 'ATest', MethodName: 'a', Outcome: 'Pass' }],
                        coverage: [['A', 8, 10]]
                    })
                )
            );
            const strict = await fake.runScript('test', [], env);
            assert.equal(strict.code, 1);
            assert.equal(
                failureLine(strict),
                "✖ The Apex tests in 'comm100' did not pass: org-wide coverage 80 % is under 90 %; 1 class is under 85 % (A 80 %)."
            );
            const lenient = await fake.runScript('test', ['--org-wide-gate', '75', '--class-gate', '80'], env);
            assert.equal(lenient.code, 0, lenient.out);
        });

        // kills: the class gate seeing only the classes the run touched (apex-node builds the result's coverage from
        // them), so a class no test runs, or whose every line is uncovered, passed unseen; a managed package's class
        // of the same name counted for the org's own; an interface, an empty exception or a test class gated
        test('a class or trigger the run did not touch is gated by its aggregate coverage: none or no line covered is 0 %', async () => {
            const { fake, env } = coverageFake({
                namespace: 'acme',
                sources: {
                    'classes/Comm100EventHandler.cls': apexClass('Comm100EventHandler'),
                    'classes/Comm100EventHandlerTest.cls': apexTestClass('Comm100EventHandler'),
                    'classes/Untested.cls': apexClass('Untested'),
                    'classes/ZeroCovered.cls': apexClass('ZeroCovered'),
                    'classes/Stale.cls': apexClass('Stale'),
                    'classes/NotDeployed.cls': apexClass('NotDeployed'),
                    'classes/NoLines.cls': apexClass('NoLines'),
                    'classes/shared/Handler.cls':
                        '/** @description a contract, no line to execute */\nglobal interface Handler {\n    void handle(String chat);\n}\n',
                    'classes/shared/IngestException.cls':
                        '/** @description a class (of nothing) */\npublic inherited sharing class IngestException extends Exception {\n}\n',
                    'classes/Kind.cls': 'public enum Kind {\n    CHAT, OFFLINE\n}\n',
                    'triggers/EventTrigger.trigger':
                        'trigger EventTrigger on Comm100_Event__e (after insert) {\n    new Comm100EventHandler();\n}\n'
                },
                orgApex: [
                    ['ApexClass', 'Comm100EventHandler', '01p000000000001AAA'],
                    ['ApexClass', 'Comm100EventHandlerTest', '01p000000000002AAA'],
                    ['ApexClass', 'Untested', '01p000000000003AAA'],
                    ['ApexClass', 'ZeroCovered', '01p000000000004AAA'],
                    ['ApexClass', 'Stale', '01p000000000005AAA'],
                    ['ApexClass', 'NoLines', '01p000000000006AAA'],
                    ['ApexClass', 'Handler', '01p000000000007AAA'],
                    ['ApexClass', 'IngestException', '01p000000000008AAA'],
                    ['ApexClass', 'Kind', '01p000000000009AAA'],
                    ['ApexTrigger', 'EventTrigger', '01q000000000001AAA']
                ],
                aggregate: [
                    ['01p000000000001AAA', 'Comm100EventHandler', 95, 5],
                    // Another namespace's class of the same name: not the org's own Untested.
                    ['01p0000000000OTAAA', 'Untested', 40, 0],
                    ['01p000000000004AAA', 'ZeroCovered', 0, 12],
                    ['01p000000000005AAA', 'Stale', 9, 1],
                    ['01p000000000006AAA', 'NoLines', 0, 0],
                    ['01q000000000001AAA', 'EventTrigger', 4, 0]
                ]
            });
            fake.answer(
                'apex run test',
                ok(
                    apexResult({
                        tests: [{ Class: 'Comm100EventHandlerTest', MethodName: 'runs', Outcome: 'Pass' }],
                        coverage: [['Comm100EventHandler', 95, 100]]
                    })
                )
            );
            const run = await fake.runScript('test', [], env);
            assert.equal(run.code, 1, run.out);
            assert.equal(
                failureLine(run),
                "✖ The Apex tests in 'comm100' did not pass: 3 classes are under 85 % (NotDeployed 0 % (no such class in the org), Untested 0 % (no test runs it), ZeroCovered 0 % (no line covered))."
            );
            const table = run.stdout.split('\n').filter((line) => /^\w+\s+(\d+\/\d+|-)\s/.test(line));
            assert.deepEqual(
                table.map((line) => line.split(/\s{2,}/)),
                [
                    ['Comm100EventHandler', '95/100', '95 %'],
                    ['EventTrigger', '4/4', '100 %'],
                    ['NotDeployed', '-', '0 %', '✖ under 85 % (no such class in the org)'],
                    ['Stale', '9/10', '90 %'],
                    ['Untested', '-', '0 %', '✖ under 85 % (no test runs it)'],
                    ['ZeroCovered', '0/12', '0 %', '✖ under 85 % (no line covered)']
                ]
            );
            assert.deepEqual(
                fake
                    .callsTo('data query')
                    .map((call) => [flagValue(call.argv, '--query'), call.argv.includes('--use-tooling-api')]),
                [
                    ['SELECT NamespacePrefix FROM Organization', false],
                    ["SELECT Id, Name FROM ApexClass WHERE NamespacePrefix = 'acme'", false],
                    ["SELECT Id, Name FROM ApexTrigger WHERE NamespacePrefix = 'acme'", false],
                    [
                        'SELECT ApexClassOrTrigger.Id, ApexClassOrTrigger.Name, NumLinesCovered, NumLinesUncovered FROM ApexCodeCoverageAggregate',
                        true
                    ]
                ]
            );
            assert.equal(
                JSON.parse(readFileSync(path.join(fake.buildDir, 'apex-tests', 'aggregate-coverage.json'), 'utf8'))
                    .length,
                6
            );
            assertCallsValid(fake);
        });

        // kills: a failed coverage query stopping the script before the test failures are printed, or passing the gate
        test('coverage that cannot be read fails the gate, after the run is reported', async () => {
            const { fake, env } = coveredFake([['A', 9, 10]]);
            fake.answer(
                'data query',
                failure('INVALID_TYPE', "sObject type 'ApexCodeCoverageAggregate' is not supported.", 1),
                { contains: 'FROM ApexCodeCoverageAggregate', when: { '--use-tooling-api': true } }
            );
            fake.answer(
                'apex run test',
                ok(
                    apexResult({
                        tests: [{ Class: 'ATest', MethodName: 'a', Outcome: 'Pass' }],
                        coverage: [['A', 9, 10]]
                    })
                )
            );
            const run = await fake.runScript('test', [], env);
            assert.equal(run.code, 1, run.out);
            assert.match(
                run.stderr,
                /✖ `sf data query` failed \(INVALID_TYPE\): sObject type 'ApexCodeCoverageAggregate' is not supported\./
            );
            assert.match(run.stdout, /A\s+9\/10\s+90 %/);
            assert.equal(
                failureLine(run),
                "✖ The Apex tests in 'comm100' did not pass: the coverage of the classes and triggers the run did not touch could not be read (see above)."
            );
        });

        test("without a namespace the org's classes are those of none; the repository's classes parse as the gate reads them", async () => {
            const { fake, env } = coveredFake([['A', 9, 10]]);
            fake.answer(
                'apex run test',
                ok(
                    apexResult({
                        tests: [{ Class: 'ATest', MethodName: 'a', Outcome: 'Pass' }],
                        coverage: [['A', 9, 10]]
                    })
                )
            );
            const run = await fake.runScript('test', [], env);
            assert.equal(run.code, 0, run.out);
            assert.deepEqual(
                fake
                    .callsTo('data query')
                    .map((call) => flagValue(call.argv, '--query'))
                    .filter((soql) => / FROM Apex(Class|Trigger) /.test(soql)),
                [
                    'SELECT Id, Name FROM ApexClass WHERE NamespacePrefix = null',
                    'SELECT Id, Name FROM ApexTrigger WHERE NamespacePrefix = null'
                ]
            );

            const units = repositoryApex(ROOT);
            const gated = units.filter((unit) => !unit.test && unit.executable).map((unit) => unit.name);
            const byName = (name) => units.find((unit) => unit.name === name);
            assert.equal(byName('Comm100EventTrigger').type, 'ApexTrigger');
            assert.ok(gated.includes('Comm100EventTrigger'));
            assert.ok(gated.includes('Comm100EventHandler'));
            assert.equal(byName('Comm100EventHandlerTest').test, true);
            assert.equal(byName('Comm100ChatSyncHandler').executable, false, 'an interface');
            assert.equal(byName('Comm100IngestException').executable, false, 'an empty exception');
            assert.ok(units.every((unit) => !unit.file.includes(`${path.sep}org-tests${path.sep}`)));
            assert.equal(
                apexCode("String s = 'a // b \\' /* c'; // class X\n/* interface Y */ Integer i;"),
                "String s = ''; \n  Integer i;"
            );
        });

        test('a run that does not finish within --wait', async () => {
            const fake = fakeWithOrg();
            fake.answer('apex run test', ok({ testRunId: '7070000000000009' }));
            const run = await fake.runScript('test', ['--wait', '5']);
            assert.equal(run.code, 1);
            assert.equal(
                failureLine(run),
                '✖ The Apex tests did not finish within 5 minutes: see their results later with `sf apex get test --test-run-id 7070000000000009 --target-org comm100` (or pass a longer --wait).'
            );
            assert.deepEqual(
                validateSfCall(
                    ['apex', 'get', 'test', '--test-run-id', '7070000000000009', '--target-org', 'comm100'],
                    commands
                ),
                []
            );
            assertCallsValid(fake);
        });
    });

    describe('org:open', () => {
        test('opens the Comm100 Setup tab, or the namespaced one', async () => {
            const fake = fakeWithOrg();
            fake.answer(
                'org open',
                ok({
                    orgId: '00D000000000001EAA',
                    url: 'https://example.my.salesforce.com/secur/frontdoor.jsp?otp=x',
                    username: 'test-comm100@example.com'
                })
            );
            const run = await fake.runScript('open');
            assert.equal(run.code, 0, run.out);
            const installed = await fake.runScript('open', ['--namespace', 'acme']);
            assert.equal(installed.code, 0, installed.out);
            const opens = fake.callsTo('org open').map((call) => call.argv);
            assert.deepEqual(opens, [
                ['org', 'open', '--target-org', 'comm100', '--path', 'lightning/n/Comm100_Setup', '--json'],
                ['org', 'open', '--target-org', 'comm100', '--path', 'lightning/n/acme__Comm100_Setup', '--json']
            ]);
            assert.ok(existsSync(path.join(ROOT, 'force-app/main/default/tabs/Comm100_Setup.tab-meta.xml')));
            assert.doesNotMatch(run.out, /frontdoor/, 'the login URL is not printed unless asked for');
            assertCallsValid(fake);
        });
    });

    describe('org:delete', () => {
        test('deletes without a prompt; a missing org is not an error', async () => {
            const fake = newFake();
            fake.answer('org delete scratch', ok({ username: 'test-ci@example.com', orgId: '00D000000000001EAA' }));
            fake.answer('org delete scratch', NOT_FOUND('gone'), { when: { '--target-org': 'gone' } });
            const run = await fake.runScript('delete', ['--target-org', 'ci']);
            assert.equal(run.code, 0, run.out);
            assert.match(run.stdout, /✔ deleted 'ci' \(test-ci@example.com\)/);
            const gone = await fake.runScript('delete', ['--target-org', 'gone']);
            assert.equal(gone.code, 0, gone.out);
            assert.match(gone.stdout, /no org 'gone' is known to the Salesforce CLI: nothing to delete/);
            assert.deepEqual(fake.argvs(), [
                ['org', 'delete', 'scratch', '--target-org', 'ci', '--no-prompt', '--json'],
                ['org', 'delete', 'scratch', '--target-org', 'gone', '--no-prompt', '--json']
            ]);
            assertCallsValid(fake);
        });
    });

    describe('org:cleanup', () => {
        const stale = [
            {
                Id: '2AS000000000001AAA',
                SignupUsername: 'test-old1@example.com',
                OrgName: 'Comm100 for Salesforce CI',
                CreatedDate: '2025-01-01T10:00:00.000+0000',
                ExpirationDate: '2025-01-02'
            },
            {
                Id: '2AS000000000002AAA',
                SignupUsername: 'test-old2@example.com',
                OrgName: 'Comm100 for Salesforce CI',
                CreatedDate: '2025-01-01T11:00:00.000+0000',
                ExpirationDate: '2025-01-08'
            }
        ];

        // kills: matching the scratch definition's orgName, which every developer's org carries
        test('deletes the ActiveScratchOrg records of the CI orgs older than --hours', async () => {
            const fake = fakeWithOrg();
            fake.answer('data query', queried(stale, 'ActiveScratchOrg'));
            fake.answer('data delete record', ok({ id: '2AS000000000001AAA', success: true, errors: [] }));
            const started = Date.now();
            const run = await fake.runScript('cleanup', ['--hours', '24']);
            assert.equal(run.code, 0, run.out);
            const soql = flagValue(fake.callsTo('data query')[0].argv, '--query');
            const match = soql.match(
                /^SELECT Id, SignupUsername, OrgName, CreatedDate, ExpirationDate FROM ActiveScratchOrg WHERE OrgName = 'Comm100 for Salesforce CI' AND CreatedDate < (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) ORDER BY CreatedDate$/
            );
            assert.ok(match, soql);
            const cutoff = Date.parse(match[1]);
            assert.ok(Math.abs(cutoff - (started - 24 * 3600 * 1000)) < 60_000, `cutoff ${match[1]} is 24 h ago`);
            assert.deepEqual(
                fake.callsTo('data delete record').map((call) => call.argv),
                stale.map((record) => [
                    'data',
                    'delete',
                    'record',
                    '--sobject',
                    'ActiveScratchOrg',
                    '--record-id',
                    record.Id,
                    '--target-org',
                    'devhub',
                    '--json'
                ])
            );
            assert.match(run.stdout, /test-old1@example\.com\s+2025-01-01T10:00:00\.000\+0000\s+2025-01-02/);
            assert.match(run.stdout, /✔ deleted 2 stale scratch orgs/);
            assertCallsValid(fake);
        });

        // kills: the default of 24 hours, which the CI orgs (created for 1 day) never reach before they expire
        test('without --hours, an org is stale after 4 hours', async () => {
            const fake = fakeWithOrg();
            fake.answer('data query', queried([], 'ActiveScratchOrg'));
            const started = Date.now();
            const run = await fake.runScript('cleanup');
            assert.equal(run.code, 0, run.out);
            const soql = flagValue(fake.callsTo('data query')[0].argv, '--query');
            const cutoff = Date.parse(soql.match(/CreatedDate < (\S+) ORDER BY/)[1]);
            assert.ok(Math.abs(cutoff - (started - 4 * 3600 * 1000)) < 60_000, `${soql}: 4 h ago`);
            assert.match(steps(run).at(-1), /\(older than 4 h\)/);
            assert.match((await fake.runScript('cleanup', ['--help'])).stdout, /--hours <value> +.* \(default: 4\)/);
            assertCallsValid(fake);
        });

        // kills: --org-name ignored, or the developers' name (the scratch definition's orgName) accepted in any case
        test("--org-name matches another name, never the developers' orgName", async () => {
            const fake = fakeWithOrg();
            fake.answer('data query', queried([], 'ActiveScratchOrg'));
            const run = await fake.runScript('cleanup', ['--org-name', 'Comm100 nightly']);
            assert.equal(run.code, 0, run.out);
            assert.match(
                flagValue(fake.callsTo('data query')[0].argv, '--query'),
                / FROM ActiveScratchOrg WHERE OrgName = 'Comm100 nightly' AND CreatedDate < /
            );
            assert.match(run.stdout, /✔ no stale scratch org/);
            assertCallsValid(fake);

            for (const name of ['Comm100 for Salesforce', ' comm100 FOR salesforce ']) {
                const refusing = newFake();
                const refused = await refusing.runScript('cleanup', ['--org-name', name]);
                assert.equal(refused.code, 2, refused.out);
                assert.equal(
                    failureLine(refused),
                    `✖ --org-name '${name.trim()}' is the orgName of config/project-scratch-def.json, which every developer's \`npm run org:create\` uses: org:cleanup deletes only orgs named for CI, such as 'Comm100 for Salesforce CI' (\`npm run org:create -- --name "Comm100 for Salesforce CI"\`); delete your own org with \`npm run org:delete\`.`
                );
                assert.equal(refusing.calls().length, 0, 'the Dev Hub is not even asked');
            }
        });

        test('--dry-run lists them and deletes nothing; no Dev Hub is one sentence', async () => {
            const fake = fakeWithOrg();
            fake.answer('data query', queried(stale, 'ActiveScratchOrg'));
            const run = await fake.runScript('cleanup', ['--dry-run', '--hours', '2']);
            assert.equal(run.code, 0, run.out);
            assert.equal(fake.callsTo('data delete record').length, 0);
            assert.match(run.stdout, /✔ 2 stale scratch orgs \(dry run: none deleted\)/);
            assertCallsValid(fake);

            const noHub = newFake();
            noHub.answer('config get', configGet(undefined));
            const failed = await noHub.runScript('cleanup');
            assert.equal(failed.code, 1);
            assert.equal(
                failureLine(failed),
                '✖ No Dev Hub is configured: log in to one with `sf org login web --set-default-dev-hub --alias devhub`.'
            );
        });
    });

    /** `sf package version create --json`'s result (packaging's PackageVersionCreateRequestResult). */
    function versionCreated(overrides = {}) {
        return {
            Id: '08c000000000001AAA',
            Status: 'Success',
            Package2Id: '0Ho5g000000XyZaCAK',
            Package2Name: 'Comm100 for Salesforce',
            Package2VersionId: '05i000000000001AAA',
            SubscriberPackageVersionId: '04t000000000001AAA',
            Tag: null,
            Branch: null,
            Error: [],
            CreatedDate: '2025-01-01 10:00',
            HasMetadataRemoved: false,
            HasPassedCodeCoverageCheck: true,
            CodeCoverage: 91,
            VersionNumber: '0.1.0.1',
            CreatedBy: '005000000000001AAA',
            ConvertedFromVersionId: null,
            TotalNumberOfMetadataFiles: 420,
            TotalSizeOfMetadataFiles: 2048000,
            ...overrides
        };
    }

    describe('package:version', () => {
        test('refuses while the namespace or the package id is a placeholder', async () => {
            const fake = fakeWithOrg();
            const root = configuredProject(fake);
            const project = JSON.parse(readFileSync(path.join(root, 'sfdx-project.json'), 'utf8'));
            project.namespace = 'c100placeholder';
            project.packageAliases = { 'Comm100 for Salesforce': '0Ho000000000000AAA' };
            writeFileSync(path.join(root, 'sfdx-project.json'), JSON.stringify(project));
            const run = await fake.runScript('package-version', [], { env: { COMM100_PROJECT_ROOT: root } });
            assert.equal(run.code, 1);
            assert.equal(
                failureLine(run),
                "✖ The package is not configured (the namespace is the placeholder 'c100placeholder'; the 'Comm100 for Salesforce' package id is the placeholder '0Ho000000000000AAA'): set PACKAGE_NAMESPACE and PACKAGE_ID and run `npm run package:configure` first."
            );
            assert.equal(fake.calls().length, 0);
        });

        /** The Tooling API's answer to the query for a released version of the package. */
        function releasedVersions(count) {
            return ok({
                totalSize: count,
                done: true,
                records: Array.from({ length: count }, (_, i) => ({
                    attributes: { type: 'Package2Version' },
                    Id: `05i00000000000${i}AAA`
                }))
            });
        }

        test('creates the version with code coverage and writes build/package/version.json', async () => {
            const fake = fakeWithOrg();
            const root = configuredProject(fake);
            fake.answer('data query', releasedVersions(1), { when: { '--use-tooling-api': true } });
            fake.answer('package version create', ok(versionCreated({ Tag: 'abc123' })));
            const run = await fake.runScript('package-version', ['--tag', 'abc123'], {
                env: { COMM100_PROJECT_ROOT: root }
            });
            assert.equal(run.code, 0, run.out);
            assert.deepEqual(fake.argvs().at(-1), [
                'package',
                'version',
                'create',
                '--package',
                'Comm100 for Salesforce',
                '--code-coverage',
                '--installation-key-bypass',
                '--target-dev-hub',
                'devhub',
                '--wait',
                '60',
                '--tag',
                'abc123',
                '--json'
            ]);
            assert.equal(fake.calls().at(-1).cwd, root);
            // kills: sf adding a "<package>@<version>" alias to sfdx-project.json
            assert.equal(fake.calls().at(-1).env.SF_PROJECT_AUTOUPDATE_DISABLE_FOR_PACKAGE_VERSION_CREATE, 'true');
            assert.deepEqual(JSON.parse(readFileSync(path.join(fake.buildDir, 'package', 'version.json'), 'utf8')), {
                package: 'Comm100 for Salesforce',
                namespace: 'acme',
                subscriberPackageVersionId: '04t000000000001AAA',
                package2VersionId: '05i000000000001AAA',
                versionNumber: '0.1.0.1',
                createRequestId: '08c000000000001AAA',
                codeCoverage: 91,
                hasPassedCodeCoverageCheck: true,
                createdDate: '2025-01-01 10:00',
                tag: 'abc123'
            });
            assert.match(run.stdout, /✔ Comm100 for Salesforce 04t000000000001AAA/);
            assertCallsValid(fake);
        });

        // kills: building the first version with HIGHEST (sf refuses it), and leaving NONE in sfdx-project.json
        test('the first version, with no released version on the Dev Hub, is built with ancestorVersion NONE and the file is put back', async () => {
            const fake = fakeWithOrg();
            const root = configuredProject(fake);
            const file = path.join(root, 'sfdx-project.json');
            const before = readFileSync(file, 'utf8');
            fake.answer('data query', releasedVersions(0), { when: { '--use-tooling-api': true } });
            let ancestorDuringBuild;
            fake.answer('package version create', {
                ...ok(versionCreated()),
                onCall: () => {
                    const [packaged] = JSON.parse(readFileSync(file, 'utf8')).packageDirectories;
                    ancestorDuringBuild = { version: packaged.ancestorVersion, id: packaged.ancestorId };
                }
            });
            const run = await fake.runScript('package-version', [], { env: { COMM100_PROJECT_ROOT: root } });
            assert.equal(run.code, 0, run.out);
            const query = fake.callsTo('data query')[0].argv;
            assert.equal(
                flagValue(query, '--query'),
                "SELECT Id FROM Package2Version WHERE Package2Id = '0Ho5g000000XyZaCAK' AND IsReleased = true AND IsDeprecated = false AND PatchVersion = 0 LIMIT 1"
            );
            assert.deepEqual(ancestorDuringBuild, { version: 'NONE', id: undefined });
            assert.match(
                run.stdout,
                /no version is released yet: this first version is built with ancestorVersion NONE/
            );
            assert.equal(readFileSync(file, 'utf8'), before);
            assertCallsValid(fake);
        });

        // kills: restoring the file only on success
        test('the file is put back when the build fails', async () => {
            const fake = fakeWithOrg();
            const root = configuredProject(fake);
            const file = path.join(root, 'sfdx-project.json');
            const before = readFileSync(file, 'utf8');
            fake.answer('data query', releasedVersions(0), { when: { '--use-tooling-api': true } });
            fake.answer('package version create', failure('PackageVersionCreateError', 'The build failed.'));
            const run = await fake.runScript('package-version', [], { env: { COMM100_PROJECT_ROOT: root } });
            assert.equal(run.code, 1);
            assert.equal(readFileSync(file, 'utf8'), before);
        });

        // kills: reporting the CLI's bare timeout error instead of how to follow the build, or any timeout as one
        test('a build still running when --wait ends (the CLI throws PollingClientTimeout with the request id)', async () => {
            const fake = fakeWithOrg();
            const root = configuredProject(fake);
            fake.answer('data query', releasedVersions(1), { when: { '--use-tooling-api': true } });
            fake.answer(
                'package version create',
                failure('PollingClientTimeout', 'The client has timed out.', 1, {
                    VersionCreateRequestId: '08c000000000009AAA'
                })
            );
            const run = await fake.runScript('package-version', ['--wait', '1'], {
                env: { COMM100_PROJECT_ROOT: root }
            });
            assert.equal(run.code, 1);
            assert.equal(
                failureLine(run),
                '✖ The package version is still being built after 1 minutes: follow it with `sf package version create report --package-create-request-id 08c000000000009AAA --target-dev-hub devhub`.'
            );
            for (const argv of [
                [
                    'package',
                    'version',
                    'create',
                    'report',
                    '--package-create-request-id',
                    '08c000000000009AAA',
                    '--target-dev-hub',
                    'devhub'
                ],
                ['package', 'version', 'create', 'list', '--created-last-days', '1', '--target-dev-hub', 'devhub']
            ]) {
                assert.deepEqual(validateSfCall(argv, commands), []);
            }
            assert.ok(!existsSync(path.join(fake.buildDir, 'package', 'version.json')));

            const other = fakeWithOrg();
            const otherRoot = configuredProject(other);
            other.answer('data query', releasedVersions(1), { when: { '--use-tooling-api': true } });
            other.answer('package version create', failure('ETIMEDOUT', 'connect ETIMEDOUT 10.0.0.1:443'));
            const network = await other.runScript('package-version', ['--wait', '1'], {
                env: { COMM100_PROJECT_ROOT: otherRoot }
            });
            assert.equal(network.code, 1);
            assert.doesNotMatch(failureLine(network), /still being built/);
            assert.match(failureLine(network), /ETIMEDOUT/);
        });

        // The CLI answers a result that is not Success only without --wait; kept for any other answer of that kind.
        test('a version that is not ready in the answer', async () => {
            const fake = fakeWithOrg();
            const root = configuredProject(fake);
            fake.answer('data query', releasedVersions(1), { when: { '--use-tooling-api': true } });
            fake.answer(
                'package version create',
                ok(
                    versionCreated({
                        Status: 'VerifyingMetadata',
                        SubscriberPackageVersionId: null,
                        Package2VersionId: null
                    })
                )
            );
            const run = await fake.runScript('package-version', ['--wait', '1'], {
                env: { COMM100_PROJECT_ROOT: root }
            });
            assert.equal(run.code, 1);
            assert.equal(
                failureLine(run),
                '✖ The package version is not ready after 1 minutes (status VerifyingMetadata): follow it with `sf package version create report --package-create-request-id 08c000000000001AAA --target-dev-hub devhub`.'
            );
            assert.deepEqual(
                validateSfCall(
                    [
                        'package',
                        'version',
                        'create',
                        'report',
                        '--package-create-request-id',
                        '08c000000000001AAA',
                        '--target-dev-hub',
                        'devhub'
                    ],
                    commands
                ),
                []
            );
            assert.ok(!existsSync(path.join(fake.buildDir, 'package', 'version.json')));
        });
    });

    /** `sf package install --json`'s result (a PackageInstallRequest). */
    function installRequest(Status = 'SUCCESS') {
        return {
            attributes: {
                type: 'PackageInstallRequest',
                url: '/services/data/v65.0/tooling/sobjects/PackageInstallRequest/0Hf000000000001AAA'
            },
            Id: '0Hf000000000001AAA',
            IsDeleted: false,
            CreatedDate: '2025-01-01T10:00:00.000+0000',
            SubscriberPackageVersionKey: '04t000000000001AAA',
            NameConflictResolution: 'Block',
            SecurityType: 'None',
            PackageInstallSource: 'U',
            ProfileMappings: null,
            Password: null,
            EnableRss: false,
            UpgradeType: 'mixed-mode',
            ApexCompileType: 'all',
            SkipHandlers: null,
            Status,
            Errors: null
        };
    }

    describe('org:install', () => {
        test('installs the version of build/package/version.json, then the namespaced trigger configuration', async () => {
            const fake = fakeWithOrg('comm100', { captureDirs: true });
            mkdirSync(path.join(fake.buildDir, 'package'), { recursive: true });
            writeFileSync(
                path.join(fake.buildDir, 'package', 'version.json'),
                JSON.stringify({ subscriberPackageVersionId: '04t000000000001AAA', namespace: 'acme' })
            );
            fake.answer('package install', ok(installRequest()));
            fake.answer('project deploy start', deployed(1));
            const run = await fake.runScript('install');
            assert.equal(run.code, 0, run.out);
            assert.deepEqual(fake.argvs()[1], [
                'package',
                'install',
                '--package',
                '04t000000000001AAA',
                '--target-org',
                'comm100',
                '--wait',
                '30',
                '--publish-wait',
                '10',
                '--no-prompt',
                '--json'
            ]);
            const deploy = fake.callsTo('project deploy start')[0];
            const dir = flagValue(deploy.argv, '--metadata-dir');
            assert.match(dir, /comm100-subscriber-config-/);
            const config =
                deploy.dirs[dir][
                    'PlatformEventSubscriberConfigs/Comm100EventTriggerConfig.platformEventSubscriberConfig'
                ];
            assert.match(config, /<platformEventConsumer>acme__Comm100EventTrigger<\/platformEventConsumer>/);
            assert.match(deploy.dirs[dir]['package.xml'], /<name>PlatformEventSubscriberConfig<\/name>/);
            assert.match(
                readFileSync(
                    path.join(
                        ROOT,
                        'post-install/subscriber-config/PlatformEventSubscriberConfigs/Comm100EventTriggerConfig.platformEventSubscriberConfig'
                    ),
                    'utf8'
                ),
                /<platformEventConsumer>Comm100EventTrigger<\/platformEventConsumer>/,
                'the repository is not edited'
            );
            assert.deepEqual(steps(run), [
                "Checking the org 'comm100'",
                "Installing 04t000000000001AAA into 'comm100' (up to 10 + 30 minutes)",
                "Deploying the platform event trigger's configuration for acme__Comm100EventTrigger to 'comm100'"
            ]);
            assertCallsValid(fake);
        });

        test('no version to install, a bad id, and an install that fails', async () => {
            const fake = fakeWithOrg();
            const none = await fake.runScript('install');
            assert.equal(none.code, 1);
            assert.match(
                failureLine(none),
                /^✖ No package version to install: build one with `npm run package:version` \(it writes .*version\.json\) or pass --package <04t\.\.\.>\.$/
            );
            const bad = await fake.runScript('install', ['--package', '0Ho000000000000AAA']);
            assert.equal(bad.code, 2);
            assert.equal(
                failureLine(bad),
                "✖ '0Ho000000000000AAA' is not a subscriber package version id (04t followed by 12 or 15 characters)."
            );
            assert.equal(fake.calls().length, 0);

            fake.answer(
                'package install',
                failure(
                    'PackageInstallError',
                    'Encountered errors installing the package! Installation errors: \n1) Apex class Foo failed to compile',
                    1
                )
            );
            const failed = await fake.runScript('install', ['--package', '04t000000000001AAA', '--namespace', 'acme']);
            assert.equal(failed.code, 1);
            assert.equal(
                failureLine(failed),
                '✖ `sf package install` failed (PackageInstallError): Encountered errors installing the package! Installation errors: 1) Apex class Foo failed to compile'
            );
            assert.equal(fake.callsTo('project deploy start').length, 0);
            assert.deepEqual(
                validateSfCall(
                    ['package', 'install', 'report', '--request-id', '0Hf000000000001AAA', '--target-org', 'comm100'],
                    commands
                ),
                []
            );
            assertCallsValid(fake);
        });
    });

    describe('org:install (trigger configuration refused)', () => {
        // kills: an org refusing the namespaced subscriber configuration failing org:install (no doc confirms a
        // subscriber org may configure a managed trigger), or the refusal passing without a word
        test('a refused trigger configuration is a warning naming what, its consequence and the README step; exit 0', async () => {
            const fake = fakeWithOrg();
            fake.answer('package install', ok(installRequest()));
            fake.answer(
                'project deploy start',
                resultWithExit(
                    {
                        id: '0Af000000000009CAA',
                        status: 'Failed',
                        success: false,
                        done: true,
                        numberComponentErrors: 1,
                        numberComponentsDeployed: 0,
                        numberComponentsTotal: 1,
                        details: {
                            componentFailures: {
                                changed: false,
                                componentType: 'PlatformEventSubscriberConfig',
                                fullName: 'Comm100EventTriggerConfig',
                                fileName:
                                    'PlatformEventSubscriberConfigs/Comm100EventTriggerConfig.platformEventSubscriberConfig',
                                problem: 'The platformEventConsumer acme__Comm100EventTrigger is not valid.',
                                problemType: 'Error',
                                success: false
                            }
                        },
                        files: []
                    },
                    1
                )
            );
            const run = await fake.runScript('install', ['--package', '04t000000000001AAA', '--namespace', 'acme']);
            assert.equal(run.code, 0, run.out);
            assert.deepEqual(run.stderr.trim().split('\n'), [
                "⚠ Warning: 'comm100' refused the platform event trigger's configuration for acme__Comm100EventTrigger (post-install/subscriber-config, PlatformEventSubscriberConfig):",
                '    PlatformEventSubscriberConfig Comm100EventTriggerConfig: The platformEventConsumer acme__Comm100EventTrigger is not valid. (PlatformEventSubscriberConfigs/Comm100EventTriggerConfig.platformEventSubscriberConfig)',
                "  The package is installed, but its trigger runs as Automated Process with the platform's default batch size until the configuration is deployed: see README.md, Connect Comm100, step 3 (Deploy the trigger configuration)."
            ]);
            assert.match(
                run.stdout,
                /✔ 'comm100' has 04t000000000001AAA installed \(namespace acme\), without the trigger configuration \(see the warning above\)/
            );
            assertCallsValid(fake);

            // A failed deploy that names no component is refused all the same; a deploy still running is no refusal.
            fake.clearAnswers();
            fake.answer('org display', orgDisplay('comm100'), { when: { '--target-org': 'comm100' } });
            fake.answer('package install', ok(installRequest()));
            fake.answer(
                'project deploy start',
                resultWithExit(
                    {
                        id: '0Af00000000000ACAA',
                        status: 'Failed',
                        success: false,
                        done: true,
                        errorMessage: 'Not available for deploy for this organization',
                        files: []
                    },
                    1
                )
            );
            const whole = await fake.runScript('install', ['--package', '04t000000000001AAA', '--namespace', 'acme']);
            assert.equal(whole.code, 0, whole.out);
            assert.match(whole.stderr, /^ {4}Not available for deploy for this organization$/m);

            fake.clearAnswers();
            fake.answer('org display', orgDisplay('comm100'), { when: { '--target-org': 'comm100' } });
            fake.answer('package install', ok(installRequest()));
            fake.answer('project deploy start', deployClientTimeout('0Af00000000000BCAA'));
            const slow = await fake.runScript('install', ['--package', '04t000000000001AAA', '--namespace', 'acme']);
            assert.equal(slow.code, 1, slow.out);
            assert.equal(
                failureLine(slow),
                "✖ The deploy of post-install/subscriber-config (namespaced) to 'comm100' was still running after 10 minutes (deploy 0Af00000000000BCAA): follow it with `sf project deploy report --job-id 0Af00000000000BCAA --target-org comm100` (or pass a longer --wait)."
            );
            const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
            assert.match(readme, /^3\. \*\*Deploy the trigger configuration\*\*/m, 'the README step the warning names');
        });
    });

    describe('org:install (in progress)', () => {
        test('an install still running after --wait names the command that follows it', async () => {
            const fake = fakeWithOrg();
            fake.answer('package install', ok(installRequest('IN_PROGRESS')));
            const run = await fake.runScript('install', ['--package', '04t000000000001AAA', '--wait', '0']);
            assert.equal(run.code, 1);
            assert.equal(
                failureLine(run),
                "✖ The install of 04t000000000001AAA into 'comm100' is not finished (status IN_PROGRESS): follow it with `sf package install report --request-id 0Hf000000000001AAA --target-org comm100`."
            );
            assertCallsValid(fake);
        });
    });

    describe('org:setup', () => {
        test('stops at the first step that fails, naming how to go on', async () => {
            const fake = newFake();
            fake.answer('config get', configGet(undefined));
            const run = await fake.runScript('setup');
            assert.equal(run.code, 1);
            assert.match(run.stdout, /▶ org:create \(1 of 8\)/);
            assert.match(run.stderr, /No Dev Hub is configured/);
            assert.equal(
                failureLine(run),
                '✖ org:setup stopped at org:create: fix what it says above, then run `npm run org:setup`.'
            );
            assert.deepEqual(fake.argvs(), [['config', 'get', 'target-dev-hub', '--json']]);
        });

        test('--from resumes at a step and passes the org on', async () => {
            const fake = fakeWithOrg('dev');
            fake.answer(
                'org open',
                ok({ orgId: '00D000000000001EAA', url: 'https://x', username: 'test-dev@example.com' })
            );
            const run = await fake.runScript('setup', ['--from', 'open', '--target-org', 'dev']);
            assert.equal(run.code, 0, run.out);
            assert.deepEqual(fake.argvs().at(-1), [
                'org',
                'open',
                '--target-org',
                'dev',
                '--path',
                'lightning/n/Comm100_Setup',
                '--json'
            ]);
            assert.match(run.stdout, /✔ 'dev' is set up: org:open/);

            const failing = await fake.runScript('setup', ['--from', 'deploy', '--target-org', 'missing']);
            assert.equal(failing.code, 1);
            assert.equal(
                failureLine(failing),
                '✖ org:setup stopped at org:deploy: fix what it says above, then run `npm run org:setup -- --from deploy --target-org missing`.'
            );
            // kills: leaving org:duplicate-rules and org:test out of the chain, or --no-test not leaving them out
            const testing = await fake.runScript('setup', ['--from', 'duplicate-rules', '--target-org', 'missing']);
            assert.equal(testing.code, 1);
            assert.match(testing.stdout, /▶ org:duplicate-rules \(1 of 3\)/);
            assert.equal(
                failureLine(testing),
                '✖ org:setup stopped at org:duplicate-rules: fix what it says above, then run `npm run org:setup -- --from duplicate-rules --target-org missing`.'
            );
            const skipping = await fake.runScript('setup', [
                '--from',
                'duplicate-rules',
                '--no-test',
                '--target-org',
                'dev'
            ]);
            assert.equal(skipping.code, 0, skipping.out);
            assert.match(skipping.stdout, /▶ org:open \(1 of 1\)/);
            assert.doesNotMatch(skipping.stdout, /org:test|org:duplicate-rules/);
            const bad = await fake.runScript('setup', ['--from', 'nowhere']);
            assert.equal(bad.code, 2);
            assert.equal(
                failureLine(bad),
                "✖ --from takes one of create, deploy, permsets, site, data, duplicate-rules, test, open; 'nowhere' is not one."
            );
            assertCallsValid(fake);
        });
    });
});
