#!/usr/bin/env node
// The GitHub Actions workflows (.github/workflows/*.yml) stay honest. Offline; each rule is tested on a broken
// fixture (scripts/__tests__/fixtures/workflows/):
//   parse        every workflow is YAML (no repeated key) with `on` and a `jobs` mapping; a job runs steps or
//                calls a workflow; a step runs a command or uses an action, not both
//   scripts      every `npm run <x>` (run-script, npm test, npm start …) of a `run:` is a script of package.json
//   secrets      every `secrets.X` is named in README.md or CONTRIBUTING.md (GITHUB_TOKEN, which GitHub
//                creates, aside), so whoever sets the repository up knows to create it
//   variables    every `vars.X` (a repository, environment or organisation variable: a value that is not
//                secret, such as the package namespace, which would print as *** in every log were it a
//                secret) is named in README.md or CONTRIBUTING.md as well
//   timeout      every job that runs steps has timeout-minutes (a hung org command otherwise holds the runner,
//                and the scratch org, for six hours)
//   delete       every step that deletes an org (npm run org:delete, sf org delete …) has `if: always()`, so a
//                failed or cancelled run still gives its scratch org back
//   forks        in a workflow pull requests trigger, a job that uses secrets is skipped for pull requests from
//                forks (GitHub gives them no secrets): it carries the fork test
//                (github.event.pull_request.head.repo.full_name or .fork) in its `if:`, or its `if:` reads the
//                output of a gate job it needs (a job using no secrets that makes that test and declares
//                outputs), or it needs such a job's dependant with no always()/failure()/cancelled() in its `if:`
//   pinned       every `uses:` names a version (@v4, @v4.1, @v4.1.7, or a full commit SHA); ./local actions
//                aside; a docker:// image names a tag other than latest, or a digest
//   permissions  the workflow (or else every job) sets `permissions:`, and never write-all
//   refs         `needs:` names jobs of the workflow; needs.<job>.… names a job this job needs, and
//                needs.<job>.outputs.<name> an output it declares; steps.<id>.… names an earlier step's id
//
//   node scripts/check-workflows.mjs [PROJECT_DIR]
//
// The YAML parser is `yaml`, the copy the Salesforce CLI's metadata library (@salesforce/source-deploy-retrieve)
// depends on; it is not a direct dependency of this project, so it is resolved from its owner.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './lib/lwc-bundles.mjs';
import { parseArgs, runMain } from './lib/files.mjs';

const sdrRequire = createRequire(
    path.join(ROOT, 'node_modules', '@salesforce', 'plugin-deploy-retrieve', 'package.json')
);
const YAML = createRequire(sdrRequire.resolve('@salesforce/source-deploy-retrieve'))('yaml');

/** Secrets GitHub creates itself, which no document has to name. */
const BUILT_IN_SECRETS = new Set(['GITHUB_TOKEN']);

/** Events that run a workflow for a pull request, including one from a fork. */
const PULL_REQUEST_EVENTS = new Set([
    'pull_request',
    'pull_request_target',
    'pull_request_review',
    'pull_request_review_comment'
]);

const FORK_TEST = /\bgithub\.event\.pull_request\.head\.repo\.(?:full_name|fork)\b/;
const STATUS_OVERRIDE = /\b(?:always|failure|cancelled)\s*\(\s*\)/;
const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
const SECRET_REFERENCE = /\bsecrets\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_]*)|\[\s*'([^']+)'\s*\]|\[\s*"([^"]+)"\s*\])/g;
/** `vars.X`, `vars['X']`, `vars["X"]`: the configuration variables context (not a property named vars). */
const VARIABLE_REFERENCE =
    /(?<![.\w])vars\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_]*)|\[\s*'([^']+)'\s*\]|\[\s*"([^"]+)"\s*\])/g;
const NEEDS_REFERENCE = /\bneeds\.([A-Za-z_][\w-]*)(?:\.outputs\.([A-Za-z_][\w-]*))?/g;
const STEPS_REFERENCE = /\bsteps\.([A-Za-z_][\w-]*)\./g;
/** `npm run[-script] [--flags] <name>` (also the abbreviations npm accepts), `npm test|t|start|stop|restart`. */
const NPM_RUN = /\bnpm\s+(?:run-script|run|rum|urn)((?:\s+--?[A-Za-z][\w-]*(?:=\S*)?)*)\s+(["']?)([^\s"';&|)`]+)\2/g;
const NPM_LIFECYCLE = /\bnpm\s+(test|t|tst|start|stop|restart)\b/g;
const ORG_DELETE = [
    /\bnpm\s+(?:run-script|run)(?:\s+--?[A-Za-z][\w-]*(?:=\S*)?)*\s+["']?org:delete\b/,
    /\bsf\s+org\s+delete\b/,
    /\bsfdx\s+(?:force:org:delete|org:delete)\b/
];
const VERSION_REF = /^(?:v?\d+(?:\.\d+){0,2}|[0-9a-f]{40})$/;

/** The expressions of a value: the insides of ${{ }}, or the whole text of an `if:` (which may omit them). */
function expressions(text, isCondition) {
    const inside = [...text.matchAll(EXPRESSION)].map((match) => match[1]);
    return isCondition && inside.length === 0 ? [text] : inside;
}

/** Every string in a value, with its path (keys and indexes) below `base`. */
function strings(value, base = []) {
    if (typeof value === 'string') {
        return [{ path: base, text: value }];
    }
    if (Array.isArray(value)) {
        return value.flatMap((item, index) => strings(item, [...base, index]));
    }
    if (value !== null && typeof value === 'object') {
        return Object.entries(value).flatMap(([key, item]) => strings(item, [...base, key]));
    }
    return [];
}

/** The names a value reads from a context (in expressions only), with their paths. */
function referencesIn(value, base, pattern) {
    const found = [];
    for (const { path: at, text } of strings(value, base)) {
        for (const expression of expressions(text, at.at(-1) === 'if')) {
            for (const match of expression.matchAll(pattern)) {
                found.push({ name: match[1] ?? match[2] ?? match[3], path: at });
            }
        }
    }
    return found;
}

/** The secret names a value reads (in expressions only), with their paths. */
function secretsIn(value, base) {
    return referencesIn(value, base, SECRET_REFERENCE);
}

/** Whether README.md or CONTRIBUTING.md (their text, joined) names a secret or variable, as a whole word. */
function isNamed(name, documented) {
    return new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(documented);
}

/** The events of an `on:` value (a name, a list of names or a mapping). */
function eventsOf(on) {
    if (typeof on === 'string') {
        return [on];
    }
    if (Array.isArray(on)) {
        return on.filter((event) => typeof event === 'string');
    }
    return on !== null && typeof on === 'object' ? Object.keys(on) : [];
}

/** A job's `needs` as a list. */
function needsOf(job) {
    if (typeof job.needs === 'string') {
        return [job.needs];
    }
    return Array.isArray(job.needs) ? job.needs.filter((need) => typeof need === 'string') : [];
}

/** The text of a job's or step's `if:` without ${{ }}, or '' when it has none. */
function conditionOf(node) {
    if (node.if === undefined || node.if === null) {
        return '';
    }
    return String(node.if).replace(EXPRESSION, (_, inside) => inside);
}

function isMapping(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A workflow file as data (for tests that read what the workflows do); throws on a YAML error.
 * @param {string} file
 * @returns {any}
 */
export function readWorkflow(file) {
    const doc = YAML.parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: true });
    if (doc.errors.length > 0) {
        throw doc.errors[0];
    }
    return doc.toJS();
}

/**
 * Reads and checks one workflow file.
 * @param {string} file
 * @param {{ scripts: Set<string>, documented: string, report: Function }} context
 */
function checkWorkflow(file, { scripts, documented, report }) {
    const lineCounter = new YAML.LineCounter();
    const doc = YAML.parseDocument(readFileSync(file, 'utf8'), { lineCounter, uniqueKeys: true });
    const problem = (rule, at, message) => {
        const node = at ? doc.getIn(at, true) : undefined;
        const offset = node?.range?.[0] ?? (at ? doc.getIn(at.slice(0, -1), true)?.range?.[0] : undefined);
        report(rule, file, offset === undefined ? undefined : lineCounter.linePos(offset).line, message);
    };
    if (doc.errors.length > 0) {
        for (const error of doc.errors) {
            const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
            report('parse', file, error.linePos?.[0]?.line, `is not valid YAML: ${message}`);
        }
        return;
    }
    /** Reports a secret no document names, once per workflow (at its first use). */
    const undocumented = new Set();
    function checkSecretNamed(name, at) {
        if (BUILT_IN_SECRETS.has(name) || undocumented.has(name)) {
            return;
        }
        if (!isNamed(name, documented)) {
            undocumented.add(name);
            problem(
                'secrets',
                at,
                `reads secrets.${name}, which neither README.md nor CONTRIBUTING.md names: say there what it ` +
                    'holds and how to create it'
            );
        }
    }

    /** Whether a step's or job's `uses:` names a version. */
    function checkPinned(uses, at) {
        if (typeof uses !== 'string') {
            return;
        }
        if (uses.startsWith('./')) {
            return;
        }
        if (uses.startsWith('docker://')) {
            const image = uses.slice('docker://'.length);
            const digest = image.includes('@sha256:');
            const tag = /:([^/:@]+)$/.exec(image)?.[1];
            if (!digest && (tag === undefined || tag === 'latest')) {
                problem('pinned', at, `uses ${uses}, an image without a tag or digest: name a version`);
            }
            return;
        }
        const atSign = uses.lastIndexOf('@');
        const ref = atSign >= 0 ? uses.slice(atSign + 1) : '';
        if (!VERSION_REF.test(ref)) {
            problem(
                'pinned',
                at,
                atSign >= 0
                    ? `uses ${uses}: @${ref} is a branch or a moving name, not a version (use @v4, @v4.1.7 or a commit SHA)`
                    : `uses ${uses} without a version (add @v4, @v4.1.7 or a commit SHA)`
            );
        }
    }

    const workflow = doc.toJS();
    if (!isMapping(workflow)) {
        problem('parse', undefined, 'is not a mapping of workflow keys');
        return;
    }
    const undocumentedVariables = new Set();
    for (const { name, path: at } of referencesIn(workflow, [], VARIABLE_REFERENCE)) {
        if (!undocumentedVariables.has(name) && !isNamed(name, documented)) {
            undocumentedVariables.add(name);
            problem(
                'variables',
                at,
                `reads vars.${name}, which neither README.md nor CONTRIBUTING.md names: say there what it holds ` +
                    'and where to set it (Settings → Secrets and variables → Actions → Variables)'
            );
        }
    }
    if (workflow.on === undefined || workflow.on === null) {
        problem('parse', undefined, 'has no `on:` (the events that run it)');
    }
    if (!isMapping(workflow.jobs) || Object.keys(workflow.jobs).length === 0) {
        problem('parse', ['jobs'], 'has no `jobs:` mapping');
        return;
    }
    const jobs = workflow.jobs;
    const events = eventsOf(workflow.on);
    const forksRunIt = events.some((event) => PULL_REQUEST_EVENTS.has(event));
    const workflowSecrets = [
        ...secretsIn(workflow.env, ['env']),
        ...secretsIn(workflow.defaults, ['defaults']),
        ...secretsIn(workflow.concurrency, ['concurrency'])
    ];
    for (const { name, path: at } of workflowSecrets) {
        checkSecretNamed(name, at);
    }

    if (workflow.permissions === undefined) {
        const without = Object.keys(jobs).filter((id) => isMapping(jobs[id]) && jobs[id].permissions === undefined);
        if (without.length > 0) {
            problem(
                'permissions',
                undefined,
                `sets no \`permissions:\`, so the token gets the repository's defaults (often write): set ` +
                    `\`permissions: contents: read\` at the top (job(s) without their own: ${without.join(', ')})`
            );
        }
    }
    for (const [at, value] of [
        [['permissions'], workflow.permissions],
        ...Object.keys(jobs).map((id) => [['jobs', id, 'permissions'], jobs[id]?.permissions])
    ]) {
        if (value === 'write-all') {
            problem('permissions', at, 'grants write-all: name only the scopes the jobs need (contents: read)');
        }
    }

    const gates = new Set();
    const usesSecrets = new Map();
    for (const [id, job] of Object.entries(jobs)) {
        if (!isMapping(job)) {
            problem('parse', ['jobs', id], `job '${id}' is not a mapping`);
            continue;
        }
        const found = secretsIn(job, ['jobs', id]);
        for (const { name, path: at } of found) {
            checkSecretNamed(name, at);
        }
        const names = [
            ...new Set(
                [...workflowSecrets, ...found]
                    .map((secret) => secret.name)
                    .filter((name) => !BUILT_IN_SECRETS.has(name))
            )
        ];
        if (job.secrets === 'inherit') {
            names.push('all (secrets: inherit)');
        }
        usesSecrets.set(id, names);
        if (names.length === 0 && isMapping(job.outputs) && FORK_TEST.test(JSON.stringify(job))) {
            gates.add(id);
        }
    }

    const gated = new Map();
    const isGated = (id, seen = new Set()) => {
        if (gated.has(id)) {
            return gated.get(id);
        }
        if (seen.has(id) || !isMapping(jobs[id])) {
            return false;
        }
        seen.add(id);
        const job = jobs[id];
        const condition = conditionOf(job);
        const needs = needsOf(job);
        const result =
            FORK_TEST.test(condition) ||
            needs.some((need) => gates.has(need) && condition.includes(`needs.${need}.outputs.`)) ||
            (!STATUS_OVERRIDE.test(condition) && needs.some((need) => isGated(need, seen)));
        gated.set(id, result);
        return result;
    };

    for (const [id, job] of Object.entries(jobs)) {
        if (!isMapping(job)) {
            continue;
        }
        const base = ['jobs', id];
        const steps = job.steps;
        if (job.uses === undefined && (job['runs-on'] === undefined || job['runs-on'] === null)) {
            problem('parse', base, `job '${id}' has neither runs-on (to run steps) nor uses (to call a workflow)`);
        }
        if (job.uses === undefined && !Array.isArray(steps)) {
            problem('parse', base, `job '${id}' has no list of steps`);
        }
        if (job.uses !== undefined) {
            checkPinned(job.uses, [...base, 'uses']);
        } else if (job['timeout-minutes'] === undefined || job['timeout-minutes'] === null) {
            problem(
                'timeout',
                base,
                `job '${id}' has no timeout-minutes: a hung command would hold the runner (and any org) for six hours`
            );
        }

        const needs = needsOf(job);
        for (const need of needs) {
            if (!isMapping(jobs[need])) {
                problem('refs', [...base, 'needs'], `job '${id}' needs '${need}', which is not a job of this workflow`);
            }
        }
        for (const { path: at, text } of strings(job, base)) {
            for (const expression of expressions(text, at.at(-1) === 'if')) {
                for (const match of expression.matchAll(NEEDS_REFERENCE)) {
                    const [, need, output] = match;
                    if (!needs.includes(need)) {
                        problem('refs', at, `job '${id}' reads needs.${need} but does not need '${need}'`);
                    } else if (
                        output !== undefined &&
                        isMapping(jobs[need]) &&
                        !(isMapping(jobs[need].outputs) && output in jobs[need].outputs)
                    ) {
                        problem(
                            'refs',
                            at,
                            `job '${id}' reads needs.${need}.outputs.${output}, an output job '${need}' does not declare`
                        );
                    }
                }
            }
        }

        const names = usesSecrets.get(id) ?? [];
        if (forksRunIt && names.length > 0 && !isGated(id)) {
            problem(
                'forks',
                [...base, job.if === undefined ? 'runs-on' : 'if'],
                `job '${id}' uses secrets (${names.join(', ')}) and runs for pull requests from forks, which get ` +
                    'no secrets: make it need a gate job that tests github.event.pull_request.head.repo.full_name ' +
                    "and prints a notice, and read the gate's output in its if:"
            );
        }

        if (!Array.isArray(steps)) {
            continue;
        }
        const allStepIds = new Set(steps.map((step) => isMapping(step) && step.id).filter(Boolean));
        for (const { path: at, text } of strings(job.outputs, [...base, 'outputs'])) {
            for (const expression of expressions(text, false)) {
                for (const match of expression.matchAll(STEPS_REFERENCE)) {
                    if (!allStepIds.has(match[1])) {
                        problem('refs', at, `job '${id}' declares an output from steps.${match[1]}, no step's id`);
                    }
                }
            }
        }
        const stepIds = new Set();
        steps.forEach((step, index) => {
            const at = [...base, 'steps', index];
            const label = `step ${index + 1} of job '${id}'${isMapping(step) && step.name ? ` (${step.name})` : ''}`;
            if (!isMapping(step)) {
                problem('parse', at, `${label} is not a mapping`);
                return;
            }
            if ((step.run === undefined) === (step.uses === undefined)) {
                problem('parse', at, `${label} must have exactly one of run: and uses:`);
            }
            checkPinned(step.uses, [...at, 'uses']);
            for (const { path: where, text } of strings(step, at)) {
                for (const expression of expressions(text, where.at(-1) === 'if')) {
                    for (const match of expression.matchAll(STEPS_REFERENCE)) {
                        if (!stepIds.has(match[1])) {
                            problem('refs', where, `${label} reads steps.${match[1]}, no earlier step's id`);
                        }
                    }
                }
            }
            if (typeof step.id === 'string') {
                stepIds.add(step.id);
            }
            if (typeof step.run !== 'string') {
                return;
            }
            const run = step.run;
            for (const match of run.matchAll(NPM_RUN)) {
                const name = match[3];
                if (!name.includes('$') && !scripts.has(name)) {
                    problem(
                        'scripts',
                        [...at, 'run'],
                        `${label} runs \`npm run ${name}\`, not a script of package.json`
                    );
                }
            }
            for (const match of run.matchAll(NPM_LIFECYCLE)) {
                const name = { t: 'test', tst: 'test' }[match[1]] ?? match[1];
                if (!scripts.has(name)) {
                    problem(
                        'scripts',
                        [...at, 'run'],
                        `${label} runs \`npm ${match[1]}\`, not a script of package.json`
                    );
                }
            }
            if (ORG_DELETE.some((pattern) => pattern.test(run))) {
                const condition = conditionOf(step);
                if (!/(^|[^!\w])always\s*\(\s*\)/.test(condition)) {
                    problem(
                        'delete',
                        [...at, step.if === undefined ? 'run' : 'if'],
                        `${label} deletes an org without \`if: always()\`: after a failed step the org would be left behind`
                    );
                }
            }
        });
    }
}

/**
 * Checks every workflow of a project.
 * @param {string} projectDir
 * @returns {{ problems: { rule: string, file: string, line?: number, message: string }[], count: number }}
 */
export function checkWorkflows(projectDir) {
    const problems = [];
    const report = (rule, file, line, message) => problems.push({ rule, file, line, message });
    const dir = path.join(projectDir, '.github', 'workflows');
    const files = existsSync(dir)
        ? readdirSync(dir)
              .filter((name) => /\.ya?ml$/.test(name))
              .sort()
              .map((name) => path.join(dir, name))
        : [];
    const packageFile = path.join(projectDir, 'package.json');
    const scripts = new Set(
        Object.keys(existsSync(packageFile) ? (JSON.parse(readFileSync(packageFile, 'utf8')).scripts ?? {}) : {})
    );
    const documented = ['README.md', 'CONTRIBUTING.md']
        .map((name) => path.join(projectDir, name))
        .filter((file) => existsSync(file))
        .map((file) => readFileSync(file, 'utf8'))
        .join('\n');
    if (files.length === 0) {
        report('parse', dir, undefined, 'holds no workflow (*.yml, *.yaml)');
    }
    for (const file of files) {
        checkWorkflow(file, { scripts, documented, report });
    }
    return { problems, count: files.length };
}

runMain(import.meta.url, () => {
    const { positional } = parseArgs(process.argv.slice(2));
    const projectDir = path.resolve(positional[0] ?? ROOT);
    const { problems, count } = checkWorkflows(projectDir);
    for (const p of problems) {
        const where = `${path.relative(process.cwd(), p.file)}${p.line === undefined ? '' : `:${p.line}`}`;
        console.error(`✗ [${p.rule}] ${where}: ${p.message}`);
    }
    if (problems.length > 0) {
        console.error(`${problems.length} workflow problem(s)`);
        return 1;
    }
    console.log(
        `✓ ${count} workflow(s): parsed; npm scripts exist; secrets and variables documented; every job has a ` +
            'timeout; org deletions always run; secret jobs skip fork pull requests; actions pinned; permissions set; ' +
            'references resolve'
    );
    return 0;
});
