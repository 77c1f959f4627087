// check:workflows passes a valid set of workflows and fails each broken fixture on its own rule, naming every
// problem with its file and line; the repository's own workflows pass it and do what issue 16 asks of them.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, assertMentions, copyOut, fixture, node } from './lib/harness.mjs';
import { checkWorkflows, documentedNames, evaluateForEvent, npmRuns, readWorkflow } from '../check-workflows.mjs';
import { validateSfCall } from './lib/sf-flags.mjs';

const VALID = fixture('workflows', 'valid');

/** Runs check-workflows on a copy of the valid project with a broken case laid over it (or files removed). */
function checkCopy(overlay, { remove = [] } = {}) {
    const project = copyOut(VALID);
    try {
        if (overlay) {
            cpSync(fixture('workflows', overlay), project, { recursive: true });
        }
        for (const file of remove) {
            rmSync(path.join(project, file));
        }
        return node('check-workflows.mjs', [project], { cwd: project });
    } finally {
        rmSync(project, { recursive: true, force: true });
    }
}

/** The problem lines of the checker's output. */
function problems(out) {
    return out.split('\n').filter((line) => line.startsWith('✗ '));
}

/** The words of a shell command line: split on blanks, double-quoted words kept whole (without the quotes). */
function shellWords(line) {
    return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]);
}

/** Asserts the run failed with exactly `expected` problems, each of the case's rule, each expected text among them. */
function assertOnly(result, rule, expected) {
    assert.equal(result.code, 1, result.out);
    const lines = problems(result.out);
    for (const line of lines) {
        assert.ok(line.startsWith(`✗ [${rule}] `), `a problem of another rule than ${rule}:\n${result.out}`);
    }
    assertMentions(result.out, expected);
    assert.equal(lines.length, expected.length, result.out);
}

/** Asserts the run failed with exactly the expected problems of each rule (and of no other rule). */
function assertRules(result, byRule) {
    assert.equal(result.code, 1, result.out);
    const lines = problems(result.out);
    for (const [rule, expected] of Object.entries(byRule)) {
        const own = lines.filter((line) => line.startsWith(`✗ [${rule}] `));
        assertMentions(own.join('\n'), expected);
        assert.equal(own.length, expected.length, result.out);
    }
    const total = Object.values(byRule).reduce((sum, expected) => sum + expected.length, 0);
    assert.equal(lines.length, total, `problems of other rules:\n${result.out}`);
}

describe('check:workflows', () => {
    test('passes workflows that keep every rule: gated secret jobs, pinned actions, always-deleted orgs', () => {
        const { code, out } = checkCopy();
        assert.equal(code, 0, out);
        assertMentions(out, ['✓ 4 workflow(s): parsed;']);
    });

    // kills: a YAML error, a repeated key or a file that is no workflow being accepted
    test('parse: a YAML error, a repeated key, no on:, no jobs:, a job with no runner or no steps, a step run-and-uses', () => {
        assertOnly(checkCopy('parse'), 'parse', [
            '.github/workflows/broken.yml:4: is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
            '.github/workflows/twice.yml:3: is not valid YAML: Map keys must be unique',
            '.github/workflows/nojobs.yml:1: has no `jobs:` mapping',
            '.github/workflows/shapeless.yml: has no `on:` (the events that run it)',
            "shapeless.yml:7: job 'nowhere' has neither runs-on (to run steps) nor uses (to call a workflow)",
            "shapeless.yml:11: job 'stepless' has no list of steps",
            "shapeless.yml:17: step 1 of job 'both' (runs and uses) must have exactly one of run: and uses:",
            "shapeless.yml:20: step 2 of job 'both' (neither) must have exactly one of run: and uses:"
        ]);
    });

    // kills: `npm run <x>` of a script package.json does not have passing (also behind flags, quoted, npm start);
    // npm's own flags before run (-s, --prefix ., --loglevel warn) hiding the script; a `\` continuation read as
    // the script's name; --prefix/-C checked against the root package.json instead of that folder's
    test('scripts: npm run of a misspelt script, one behind flags, run-script quoted, npm start without a script', () => {
        const step = (n, name) => `step ${n} of job 'run' (${name})`;
        assertOnly(checkCopy('scripts'), 'scripts', [
            "broken.yml:11: step 1 of job 'run' (a misspelt script) runs `npm run org:deploi`, not a script of package.json",
            "broken.yml:13: step 2 of job 'run' (a script behind flags) runs `npm run lint:fix`, not a script",
            "broken.yml:17: step 3 of job 'run' (npm start without a start script) runs `npm start`, not a script",
            "broken.yml:19: step 4 of job 'run' (run-script, quoted) runs `npm run org:smoke`, not a script",
            `broken.yml:21: ${step(5, 'silent, the flag before run')} runs \`npm run lint:fixx\`, not a script of package.json`,
            `broken.yml:23: ${step(6, 'a prefix before run')} runs \`npm run org:deploi\`, not a script of package.json`,
            `broken.yml:25: ${step(7, 'a flag with its value before run')} runs \`npm run org:tset\`, not a script`,
            `broken.yml:27: ${step(8, 'the script name on the next line')} runs \`npm run org:creat\`, not a script`,
            `broken.yml:31: ${step(9, "another folder's package.json")} runs \`npm run lint\`, not a script of tools/package.json`,
            `broken.yml:33: ${step(10, 'a folder with no package.json')} runs \`npm run lint\` in nowhere/, which has no package.json`
        ]);
    });

    // kills: npm's global flags taken for the command (or their values for the script), continuations not joined,
    // comments read as commands
    test('scripts: npm run and its lifecycle commands are read as npm reads its arguments', () => {
        assert.deepEqual(npmRuns('npm -s run a && npm --silent run-script "b"; npm --prefix=. run c'), [
            { script: 'a' },
            { script: 'b' },
            { script: 'c', prefix: '.' }
        ]);
        assert.deepEqual(npmRuns('npm --loglevel warn --if-present run d -- --x'), [{ script: 'd' }]);
        assert.deepEqual(npmRuns('npm -C tools run e | npm -w pkg run f | npm --workspace=pkg run g'), [
            { script: 'e', prefix: 'tools' },
            { script: 'f', workspace: 'pkg' },
            { script: 'g', workspace: 'pkg' }
        ]);
        assert.deepEqual(npmRuns('npm run \\\n    h -- --x\nnpm test\nnpm --silent t\nnpm run --silent "$SCRIPT"'), [
            { script: 'h' },
            { script: 'test', lifecycle: 'test' },
            { script: 'test', lifecycle: 't' },
            { script: '$SCRIPT' }
        ]);
        assert.deepEqual(npmRuns('  # npm run commented\nnpm ci && npm run i # npm run after-a-comment'), [
            { script: 'i' }
        ]);
    });

    // kills: a kind read from a negation ("a variable (not a secret)" taken for a secret), a kind word too far
    // from the name counted, a name outside backticks or inside a longer code span counted
    test('secrets and variables: the kind beside a backticked name, in the phrasings the pages use', () => {
        const kinds = (text) =>
            Object.fromEntries([...documentedNames(text)].map(([name, found]) => [name, [...found].sort()]));
        assert.deepEqual(
            kinds(
                [
                    '- `DEVHUB_SFDX_AUTH_URL`, a secret: the auth URL (`sf org auth show-sfdx-auth-url`).',
                    '- `PACKAGE_NAMESPACE`, a variable (not a secret): the namespace.',
                    '- `PACKAGE_ID`, a **variable**: the id.',
                    'creates a scratch org from a Dev Hub (secret',
                    '  `HUB_URL`), deploys it. The repository variable `ORG_NAME` and `ORG_NAME` again.',
                    '| `TABLE_SECRET` | secret | what it holds |',
                    'A secret is needed later, and `FAR_AWAY` is named here. `NOT_A_SECRET`, not a secret.',
                    'Not named: PLAIN_NAME, ``LONGER `CODE` SPAN``.'
                ].join('\n')
            ),
            {
                DEVHUB_SFDX_AUTH_URL: ['secret'],
                PACKAGE_NAMESPACE: ['variable'],
                PACKAGE_ID: ['variable'],
                HUB_URL: ['secret'],
                ORG_NAME: ['variable'],
                TABLE_SECRET: ['secret'],
                FAR_AWAY: [],
                NOT_A_SECRET: []
            }
        );
    });

    // kills: an event guard that lets a pull request through taken for one that keeps it off (or the reverse),
    // strings compared in their case, an unknown context or a status function taken as true or false
    test('forks: an if: is evaluated for each pull request event, knowing only github.event_name', () => {
        const UNKNOWN = evaluateForEvent('github.actor', 'push');
        assert.equal(typeof UNKNOWN, 'symbol');
        const cases = [
            ["github.event_name == 'push'", 'pull_request', false],
            ["github.event_name == 'push'", 'push', true],
            ["github.event_name != 'pull_request'", 'pull_request', false],
            ["github.event_name != 'pull_request'", 'pull_request_target', true],
            ["github.event_name == 'PUSH'", 'push', true],
            ["github['event_name'] == 'push' && !cancelled()", 'pull_request', false],
            ["!cancelled() && github.event_name == 'push'", 'pull_request', false],
            ["always() || github.event_name == 'push'", 'pull_request', UNKNOWN],
            ["github.event_name == 'push' || github.actor == 'me'", 'pull_request', UNKNOWN],
            ["github.event_name == 'push' || github.event_name == 'schedule'", 'pull_request', false],
            ["!(github.event_name == 'pull_request')", 'pull_request', false],
            ['contains(fromJSON(\'["push"]\'), github.event_name)', 'pull_request', UNKNOWN],
            ['github.event.pull_request.head.repo.fork == false', 'pull_request', UNKNOWN],
            ['false', 'pull_request', false],
            ["github.event_name == 'push' &&", 'pull_request', UNKNOWN]
        ];
        for (const [condition, event, expected] of cases) {
            assert.equal(evaluateForEvent(condition, event), expected, `${condition} for ${event}`);
        }
    });

    // kills: a secret no document names passing; one reported per use; a secret named only in a command counted;
    // a name "documented" by a plain word of any case (token), outside backticks, or as a variable; a property
    // named secrets taken for the context
    test('secrets: each undocumented secret once (dotted and indexed), a name in a command is no secret read', () => {
        assertOnly(checkCopy('secrets'), 'secrets', [
            'broken.yml:11: reads secrets.UNDOCUMENTED_TOKEN, which neither README.md nor CONTRIBUTING.md names',
            'broken.yml:17: reads secrets.SIGNING_KEY, which neither README.md nor CONTRIBUTING.md names',
            'broken.yml:23: reads secrets.TOKEN, which neither README.md nor CONTRIBUTING.md names as a secret: write there `TOKEN`, a secret: what it holds and how to create it',
            'broken.yml:27: reads secrets.PACKAGE_ID, which README.md or CONTRIBUTING.md names as a variable, not as a secret',
            'broken.yml:31: reads secrets.VAULT_PATH: README.md or CONTRIBUTING.md names `VAULT_PATH`, but never says it is a secret (write `VAULT_PATH`, a secret: … or the secret `VAULT_PATH`)'
        ]);
    });

    // kills: reading only README.md, or only CONTRIBUTING.md, or failing when one of them does not exist
    test('secrets and variables: README.md and CONTRIBUTING.md are read whichever exists', () => {
        assertRules(checkCopy(undefined, { remove: ['CONTRIBUTING.md'] }), {
            secrets: [
                'nightly.yml:17: reads secrets.NIGHTLY_PACKAGE_ID, which neither README.md nor CONTRIBUTING.md names'
            ],
            variables: [
                'nightly.yml:18: reads vars.NIGHTLY_NAMESPACE, which neither README.md nor CONTRIBUTING.md names'
            ]
        });
        assertRules(checkCopy(undefined, { remove: ['README.md'] }), {
            secrets: [
                'nightly.yml:16: reads secrets.DEVHUB_SFDX_AUTH_URL',
                'org.yml:35: reads secrets.DEVHUB_SFDX_AUTH_URL'
            ],
            variables: ['org.yml:39: reads vars.SCRATCH_ORG_NAME', 'org.yml:85: reads vars.package_id']
        });
    });

    // kills: a variable no document names passing (the namespace and package id are variables, not secrets); one
    // reported per use; a variable in an if: or the workflow's env missed; a name in a command or a property
    // named vars counted
    test('variables: each undocumented variable once (env, if:, dotted, indexed); a name in a command is none', () => {
        assertOnly(checkCopy('variables'), 'variables', [
            'broken.yml:6: reads vars.UNDOCUMENTED_REGION, which neither README.md nor CONTRIBUTING.md names as a variable: write there `UNDOCUMENTED_REGION`, a variable: what it holds and where to set it (Settings → Secrets and variables → Actions → Variables)',
            'broken.yml:9: reads vars.UNDOCUMENTED_SWITCH',
            'broken.yml:14: reads vars.UNDOCUMENTED_NAMESPACE',
            'broken.yml:20: reads vars.INDEXED_ID',
            'broken.yml:32: reads vars.DEVHUB_SFDX_AUTH_URL, which README.md or CONTRIBUTING.md names as a secret, not as a variable',
            'broken.yml:36: reads vars.TOKEN, which neither README.md nor CONTRIBUTING.md names'
        ]);
    });

    // kills: a job without timeout-minutes passing (the reusable-workflow job of the valid case may not have one)
    test('timeout: a job that runs steps without timeout-minutes', () => {
        assertOnly(checkCopy('timeout'), 'timeout', [
            "broken.yml:7: job 'endless' has no timeout-minutes: a hung command would hold the runner"
        ]);
    });

    // kills: an org deletion that runs only on success, on failure, or never passing; a job that creates an org
    // and never deletes it (or deletes before it creates) passing; the CLI's colon forms and npm's flags before
    // run hiding a deletion
    test('delete: npm run org:delete and sf org delete without if: always(); a created org no later step deletes', () => {
        const step = (n, job, name) => `step ${n} of job '${job}' (${name}) deletes an org without \`if: always()\``;
        assertOnly(checkCopy('delete'), 'delete', [
            "broken.yml:12: step 2 of job 'org' (delete only after success) deletes an org without `if: always()`",
            "broken.yml:14: step 3 of job 'org' (delete with the CLI when it failed) deletes an org without `if: always()`",
            "broken.yml:17: step 4 of job 'org' (delete never) deletes an org without `if: always()`",
            "broken.yml:25: job 'forgets' creates an org in step 1 (create and never delete), and no later step deletes it: end the job with a step that deletes it (npm run org:delete) with `if: always()`",
            "broken.yml:36: job 'deletes-first' creates an org in step 2 (create with the CLI), and no later step deletes it",
            `broken.yml:44: ${step(2, 'colon', 'delete in the colon form after success only')}`,
            `broken.yml:46: ${step(3, 'colon', 'delete, silent, after success only')}`
        ]);
    });

    // kills: a secret job of a pull-request workflow running for forks: no gate, a gate not read, always() after
    // a gated job, a "gate" that itself reads secrets, the whole secrets context unseen, an event guard that lets
    // a pull request event through taken for one that does not (the valid case has guards that exclude them)
    test('forks: secret jobs not skipped for pull requests from forks', () => {
        const uses = (job) => `job '${job}' uses secrets (DEVHUB_SFDX_AUTH_URL) and runs for pull requests from forks`;
        assertOnly(checkCopy('forks'), 'forks', [
            `broken.yml:19: ${uses('ungated')}`,
            `broken.yml:28: ${uses('ignores-gate')}`,
            `broken.yml:46: ${uses('always-after')}`,
            `broken.yml:55: ${uses('secret-gate')}`,
            `broken.yml:67: ${uses('behind-secret-gate')}`,
            "broken.yml:76: job 'all-secrets' uses secrets (all of them: toJSON(secrets)) and runs for pull requests from forks",
            `broken.yml:84: ${uses('wrong-guard')}`,
            `broken.yml:93: ${uses('leaky-guard')}`
        ]);
    });

    // kills: an action or reusable workflow without a version, on a branch or latest, a docker image untagged
    test('pinned: uses: without a version, on a branch, latest; docker images without tag or with latest', () => {
        assertOnly(checkCopy('pinned'), 'pinned', [
            'broken.yml:10: uses actions/checkout without a version',
            'broken.yml:11: uses actions/setup-node@main: @main is a branch or a moving name',
            'broken.yml:12: uses actions/cache@latest: @latest is a branch or a moving name',
            'broken.yml:13: uses someone/tools/sub-action@feature-branch: @feature-branch is a branch',
            'broken.yml:14: uses docker://alpine, an image without a tag or digest',
            'broken.yml:15: uses docker://alpine:latest, an image without a tag or digest',
            'broken.yml:18: uses someone/workflows/.github/workflows/build.yml@trunk: @trunk is a branch'
        ]);
    });

    // kills: a workflow with the default token permissions, or write-all, passing
    test('permissions: none set for a job, write-all at the top or on a job', () => {
        assertOnly(checkCopy('permissions'), 'permissions', [
            ".github/workflows/broken.yml: sets no `permissions:`, so the token gets the repository's defaults (often write): set `permissions: contents: read` at the top (job(s) without their own: one)",
            'write-all.yml:3: grants write-all',
            'write-all.yml:8: grants write-all'
        ]);
    });

    // kills: a misspelt gate output (the org job would be skipped for ever), a missing needed job, reading a job
    // not needed, a step read before it runs, an output from no step
    test('refs: needs and steps references resolve', () => {
        assertOnly(checkCopy('refs'), 'refs', [
            "broken.yml:16: job 'misspelt-output' reads needs.gate.outputs.org, an output job 'gate' does not declare",
            "broken.yml:22: job 'missing-job' needs 'biuld', which is not a job of this workflow",
            "broken.yml:31: job 'not-needed' reads needs.gate but does not need 'gate'",
            "broken.yml:37: step 1 of job 'steps-order' reads steps.later, no earlier step's id",
            "broken.yml:41: step 3 of job 'steps-order' reads steps.create, no earlier step's id",
            "broken.yml:47: job 'output-of-nothing' declares an output from steps.decide, no step's id"
        ]);
    });
});

describe("the repository's workflows", () => {
    const workflow = (name) => readWorkflow(path.join(ROOT, '.github', 'workflows', name));
    /** The `run:` texts of a job's steps, in order. */
    const runs = (job) => job.steps.filter((step) => typeof step.run === 'string').map((step) => step.run);
    /** The step whose run: contains `text`. */
    const stepRunning = (job, text) =>
        job.steps.find((step) => typeof step.run === 'string' && step.run.includes(text));
    /** Asserts the job's steps run the npm scripts in this order (other steps may come between). */
    const assertOrder = (job, scripts) => {
        const all = runs(job).join('\n');
        let from = 0;
        for (const script of scripts) {
            const at = all.indexOf(`npm run ${script}`, from);
            assert.ok(at >= 0, `npm run ${script} missing or out of order in:\n${all}`);
            from = at + 1;
        }
    };

    test('pass check:workflows', () => {
        const { problems: found } = checkWorkflows(ROOT);
        assert.deepEqual(
            found.map((p) => `[${p.rule}] ${path.relative(ROOT, p.file)}:${p.line}: ${p.message}`),
            []
        );
    });

    test('each: Node 20 with the npm cache, npm ci, telemetry off, one run at a time, contents: read', () => {
        for (const name of ['ci.yml', 'scratch-org.yml', 'package.yml', 'cleanup.yml']) {
            const flow = workflow(name);
            assert.deepEqual(flow.permissions, { contents: 'read' }, name);
            assert.ok(flow.concurrency?.group, `${name}: concurrency`);
            for (const variable of ['SF_DISABLE_TELEMETRY', 'SF_SKIP_NEW_VERSION_CHECK', 'SF_DISABLE_AUTOUPDATE']) {
                assert.equal(flow.env?.[variable], 'true', `${name}: ${variable}`);
            }
            for (const [id, job] of Object.entries(flow.jobs)) {
                const setup = job.steps.find((step) => String(step.uses).startsWith('actions/setup-node@'));
                if (!setup) continue;
                assert.deepEqual(setup.with, { 'node-version': 20, cache: 'npm' }, `${name} ${id}`);
                assert.ok(
                    runs(job).some((run) => /^npm ci\b/.test(run) || run === 'bash .ci/run'),
                    `${name} ${id}: npm ci`
                );
            }
        }
    });

    test('ci.yml: bash .ci/run on every push and pull request, with no secret', () => {
        const flow = workflow('ci.yml');
        assert.deepEqual(Object.keys(flow.on).sort(), ['pull_request', 'push']);
        assert.equal(flow.on.push, null, 'every branch');
        assert.equal(flow.on.pull_request, null, 'every pull request');
        assert.ok(runs(flow.jobs.checks).includes('bash .ci/run'));
        assert.ok(!JSON.stringify(flow).includes('secrets.'));
    });

    test('scratch-org.yml: a gate skips forks with a notice; create → deploy → rules → permsets → gated tests → site → smoke → always delete', () => {
        const flow = workflow('scratch-org.yml');
        assert.deepEqual(Object.keys(flow.on).sort(), ['pull_request', 'push', 'workflow_dispatch']);
        assert.deepEqual(flow.on.push, { branches: ['main'] });
        const gate = flow.jobs.gate;
        const decide = gate.steps[0];
        assert.equal(decide.env.HEAD_REPO, '${{ github.event.pull_request.head.repo.full_name }}');
        assert.match(decide.run, /::notice title=Scratch-org job skipped::This pull request comes from the fork/);
        assert.match(decide.run, /"\$HEAD_REPO" != "\$THIS_REPO"/);
        const org = flow.jobs.org;
        assert.equal(org.needs, 'gate');
        assert.equal(org.if, "needs.gate.outputs.orgs == 'true'");
        assertOrder(org, [
            'org:create -- --duration-days 1 --name "Comm100 for Salesforce CI"',
            'org:deploy',
            'org:duplicate-rules',
            'org:permsets',
            'org:test -- --org-wide-gate 90 --class-gate 85',
            'org:site',
            'org:smoke',
            'org:delete'
        ]);
        assert.equal(stepRunning(org, 'npm run org:delete').if, 'always()');
        assert.equal(org.steps.at(-1).run, 'npm run org:delete', 'the deletion is the last step');
        const upload = org.steps.find((step) => String(step.uses).startsWith('actions/upload-artifact@'));
        assert.deepEqual([upload.if, upload.with.path], ['always()', 'build/apex-tests']);
    });

    test('no workflow uploads build/org/, which holds the site key', () => {
        for (const name of ['ci.yml', 'scratch-org.yml', 'package.yml', 'cleanup.yml']) {
            for (const job of Object.values(workflow(name).jobs)) {
                for (const step of job.steps.filter((s) => String(s.uses).startsWith('actions/upload-artifact@'))) {
                    assert.ok(!/^build\/(org\b|$)|^build$/.test(step.with.path), `${name}: uploads ${step.with.path}`);
                }
            }
        }
    });

    test('every Dev Hub login reads DEVHUB_SFDX_AUTH_URL from a file and never prints it', () => {
        for (const [name, jobId] of [
            ['scratch-org.yml', 'org'],
            ['package.yml', 'package'],
            ['cleanup.yml', 'cleanup']
        ]) {
            const login = stepRunning(workflow(name).jobs[jobId], 'org login sfdx-url');
            assert.equal(login.env.DEVHUB_SFDX_AUTH_URL, '${{ secrets.DEVHUB_SFDX_AUTH_URL }}', name);
            assert.match(login.run, /--sfdx-url-file "\$auth_file"/, name);
            assert.match(login.run, /trap 'rm -f "\$auth_file"' EXIT/, name);
            const echoes = login.run
                .split('\n')
                .filter((line) => /\b(echo|cat)\b/.test(line) && /AUTH_URL|auth_file/.test(line));
            assert.deepEqual(
                echoes.filter((line) => !line.includes('::error')),
                [],
                `${name}: nothing prints the auth URL`
            );
        }
    });

    // kills: the package job going back to org:site (a managed install cannot make a site key), the smoke posting
    // without OAuth or the namespace, Comm100 Integration not assigned, the namespace or id read from secrets
    test('package.yml: on main, configure → package version with coverage → fresh CI org without namespace → install → permsets with Integration → smoke through the Apex REST endpoint → always delete', () => {
        const flow = workflow('package.yml');
        assert.deepEqual(Object.keys(flow.on).sort(), ['push', 'workflow_dispatch']);
        assert.deepEqual(flow.on.push, { branches: ['main'] });
        const job = flow.jobs.package;
        assert.equal(job.if, "github.ref == 'refs/heads/main'");
        assertOrder(job, [
            'package:configure',
            'package:version -- --tag "$GITHUB_SHA"',
            'org:create -- --no-namespace --duration-days 1 --name "Comm100 for Salesforce CI"',
            'org:install',
            'org:permsets -- --integration',
            'org:smoke -- --via rest --namespace "$PACKAGE_NAMESPACE"',
            'org:delete'
        ]);
        assert.ok(!runs(job).some((run) => run.includes('org:site')), 'no Site in a managed install');
        assert.deepEqual(stepRunning(job, 'npm run package:configure').env, {
            PACKAGE_NAMESPACE: '${{ vars.PACKAGE_NAMESPACE }}',
            PACKAGE_ID: '${{ vars.PACKAGE_ID }}'
        });
        assert.deepEqual(stepRunning(job, 'npm run org:smoke').env, {
            PACKAGE_NAMESPACE: '${{ vars.PACKAGE_NAMESPACE }}'
        });
        assert.equal(stepRunning(job, 'npm run org:delete').if, 'always()');
        assert.equal(flow.concurrency['cancel-in-progress'], false, 'a version being built is never cancelled');
    });

    // kills: the namespace or the package id kept as a secret, which GitHub would print as *** in every
    // namespaced name of the log
    test('only DEVHUB_SFDX_AUTH_URL is a secret; the namespace and the package id are variables', () => {
        const secrets = new Set();
        const variables = new Set();
        for (const name of ['ci.yml', 'scratch-org.yml', 'package.yml', 'cleanup.yml']) {
            const text = JSON.stringify(workflow(name));
            for (const match of text.matchAll(/\bsecrets\.(\w+)/g)) secrets.add(match[1]);
            for (const match of text.matchAll(/\bvars\.(\w+)/g)) variables.add(match[1]);
        }
        assert.deepEqual([...secrets], ['DEVHUB_SFDX_AUTH_URL']);
        assert.deepEqual([...variables].sort(), ['PACKAGE_ID', 'PACKAGE_NAMESPACE']);
    });

    test('every sf command of a run: is valid for the pinned CLI', () => {
        const calls = [];
        for (const name of ['ci.yml', 'scratch-org.yml', 'package.yml', 'cleanup.yml']) {
            for (const job of Object.values(workflow(name).jobs)) {
                for (const run of runs(job)) {
                    for (const match of run.matchAll(/^\s*(?:npx\s+)?sf\s+(.+)$/gm)) {
                        calls.push({ name, argv: shellWords(match[1]) });
                    }
                }
            }
        }
        assert.ok(calls.length >= 3, 'the Dev Hub logins');
        const problems = calls.flatMap(({ name, argv }) =>
            validateSfCall(argv).map((problem) => `${name}: sf ${argv.join(' ')}: ${problem}`)
        );
        assert.deepEqual(problems, []);
    });

    // kills: an org workflow creating its org under the developers' name, which org:cleanup no longer deletes
    test("every org workflow names its orgs 'Comm100 for Salesforce CI', the name org:cleanup deletes", () => {
        for (const [name, jobId] of [
            ['scratch-org.yml', 'org'],
            ['package.yml', 'package']
        ]) {
            const creates = runs(workflow(name).jobs[jobId]).filter((run) => run.includes('npm run org:create'));
            assert.equal(creates.length, 1, name);
            assert.match(creates[0], / --name "Comm100 for Salesforce CI"$/, name);
        }
        assert.ok(!runs(workflow('cleanup.yml').jobs.cleanup).some((run) => run.includes('--org-name')));
    });

    // kills: the cleanup waiting 24 hours for orgs the workflows create for 1 day, or so few hours that it deletes
    // the org of a job still running
    test('cleanup.yml: daily and by hand, org:cleanup with the hours (4 by default: above the longest org job, under the orgs’ 1 day)', () => {
        const flow = workflow('cleanup.yml');
        assert.ok(Array.isArray(flow.on.schedule) && flow.on.schedule.length === 1);
        assert.match(flow.on.schedule[0].cron, /^\d+ \d+ \* \* \*$/);
        assert.equal(flow.on.workflow_dispatch.inputs.hours.default, '4');
        const cleanup = stepRunning(flow.jobs.cleanup, 'npm run org:cleanup');
        assert.equal(cleanup.env.HOURS, "${{ inputs.hours || '4' }}");
        assert.match(cleanup.run, /npm run org:cleanup -- "\$\{args\[@\]\}"/);

        const hours = Number(flow.on.workflow_dispatch.inputs.hours.default);
        let longest = 0;
        for (const name of ['scratch-org.yml', 'package.yml']) {
            for (const job of Object.values(workflow(name).jobs)) {
                if (!runs(job).some((run) => run.includes('npm run org:create'))) continue;
                assert.equal(typeof job['timeout-minutes'], 'number', `${name}: an org job has a timeout`);
                longest = Math.max(longest, job['timeout-minutes']);
                const create = runs(job).find((run) => run.includes('npm run org:create'));
                assert.match(create, / --duration-days 1 /, `${name}: its org lives 1 day`);
            }
        }
        assert.ok(longest > 0);
        assert.ok(hours * 60 > longest, `${hours} h is above the longest org job (${longest} minutes)`);
        assert.ok(hours < 24, 'under the 1 day the orgs live');
    });
});
