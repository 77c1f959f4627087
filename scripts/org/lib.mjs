// Shared code of the org scripts (scripts/org/*.mjs): option parsing, the `sf` runner that returns the
// parsed JSON result, step printing, the clear one-sentence failures (no Dev Hub, no org), and reading
// sfdx-project.json.
//
// Every script runs `sf` from the PATH (npm run puts node_modules/.bin first; the tests put a fake `sf`
// before it), always with --json where the command supports it, with the CLI's telemetry, version check
// and self-update turned off.
//
// Environment:
//   COMM100_ORG           the scratch org alias when --target-org is not given (default: comm100)
//   COMM100_BUILD_DIR     where scripts write their outputs (default: build/ in the repository)
//   COMM100_PROJECT_ROOT  the Salesforce DX project the scripts work on (default: this repository)
//   COMM100_POLL_MS       overrides every polling interval (the tests set it to a few milliseconds)
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
    PLACEHOLDER_NAMESPACE,
    PLACEHOLDER_PACKAGE_ID,
    effectiveNamespace,
    isPlaceholderNamespace
} from '../lib/packaging.mjs';

/** The repository root (the folder holding package.json and sfdx-project.json). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The default scratch org alias when neither --target-org nor COMM100_ORG is given. */
export const DEFAULT_ORG_ALIAS = 'comm100';

/** The package's name in sfdx-project.json (and its packageAliases key). */
export const PACKAGE_NAME = 'Comm100 for Salesforce';

/** The placeholders sfdx-project.json is committed with (`npm run package:configure` replaces them). */
export { PLACEHOLDER_NAMESPACE, PLACEHOLDER_PACKAGE_ID };

/** The scratch org definition the org scripts create orgs from, relative to the project root. */
export const SCRATCH_DEFINITION = 'config/project-scratch-def.json';

/** The environment variables that keep the CLI quiet: no telemetry, no version check, no self-update. */
export const SF_QUIET_ENV = Object.freeze({
    SF_DISABLE_TELEMETRY: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_AUTOUPDATE_DISABLE: 'true'
});

/** The command that logs in to a Dev Hub and makes it the default, as the failures name it. */
export const LOGIN_DEV_HUB_COMMAND = 'sf org login web --set-default-dev-hub --alias devhub';

/** The command that creates the scratch org, as the failures name it. */
export const CREATE_ORG_COMMAND = 'npm run org:create';

/**
 * A failure the user can act on: main() prints its one sentence (no stack) and exits with its code.
 */
export class UserFailure extends Error {
    /**
     * @param {string} sentence what is wrong and the command that fixes it
     * @param {number} [exitCode] the process exit code (default 1)
     */
    constructor(sentence, exitCode = 1) {
        super(sentence);
        this.name = 'UserFailure';
        this.exitCode = exitCode;
    }
}

/**
 * A failed `sf` call: the CLI answered {"status": non-zero, "name", "message"} or exited non-zero.
 * `name` is the CLI's error name (NamedOrgNotFoundError, NoDefaultDevHubError ...), `json` its whole answer.
 */
export class SfError extends Error {
    /**
     * @param {{ args: string[], name?: string, message?: string, exitCode: number | null, json?: any, stderr?: string }} details
     */
    constructor({ args, name, message, exitCode, json, stderr }) {
        const command = commandWords(args).join(' ');
        super(`\`sf ${command}\` failed${name ? ` (${name})` : ''}: ${oneLine(message || stderr || 'no answer')}`);
        this.name = 'SfError';
        /** The CLI's own error name, such as NamedOrgNotFoundError. */
        this.sfName = name ?? '';
        /** The CLI's message, whole. */
        this.sfMessage = message ?? '';
        this.args = args;
        this.exitCode = exitCode;
        this.json = json;
        this.stderr = stderr ?? '';
    }
}

/**
 * The option that names the scratch org, for parseOptions specs.
 * @type {{ type: 'string', description: string }}
 */
export const TARGET_ORG_OPTION = Object.freeze({
    type: 'string',
    description: `the scratch org alias or username (default: env COMM100_ORG, else ${DEFAULT_ORG_ALIAS})`
});

/**
 * The option that names the Dev Hub, for parseOptions specs.
 * @type {{ type: 'string', description: string }}
 */
export const TARGET_DEV_HUB_OPTION = Object.freeze({
    type: 'string',
    description: "the Dev Hub alias or username (default: the CLI's configured target-dev-hub)"
});

/**
 * Parses the script's command line. Each option is `--name value` (type 'string'), `--name` (type 'boolean')
 * or `--name <number>` (type 'number', checked and converted). `--help` prints the usage and the options and
 * exits 0; an unknown option, a missing value or a bad number is a UserFailure naming it.
 *
 * @param {{ usage: string, options: Record<string, { type: 'string' | 'boolean' | 'number', description: string,
 *   default?: string | boolean | number, short?: string, multiple?: boolean }>, positionals?: boolean }} spec
 * @param {string[]} [argv] the arguments (default: process.argv.slice(2))
 * @returns {Record<string, any> & { _: string[] }} the values by option name, plus `_`: the positional arguments
 */
export function parseOptions(spec, argv = process.argv.slice(2)) {
    /** @type {Record<string, { type: 'string' | 'boolean', short?: string, multiple?: boolean }>} */
    const config = { help: { type: 'boolean', short: 'h' } };
    for (const [name, option] of Object.entries(spec.options)) {
        config[name] = {
            type: option.type === 'boolean' ? 'boolean' : 'string',
            ...(option.short ? { short: option.short } : {}),
            ...(option.multiple ? { multiple: true } : {})
        };
    }
    let parsed;
    try {
        parsed = parseArgs({ args: argv, options: config, allowPositionals: true, strict: true });
    } catch (error) {
        throw new UserFailure(
            `${error.message.split('\n')[0].split('. ')[0].replace(/\.$/, '')}: see \`${spec.usage} --help\`.`,
            2
        );
    }
    if (parsed.values.help) {
        console.log(usageText(spec));
        process.exit(0);
    }
    if (parsed.positionals.length > 0 && !spec.positionals) {
        throw new UserFailure(
            `Unexpected argument '${parsed.positionals[0]}': see \`${spec.usage} --help\` for the options.`,
            2
        );
    }
    /** @type {Record<string, any> & { _: string[] }} */
    const values = { _: parsed.positionals };
    for (const [name, option] of Object.entries(spec.options)) {
        let value = parsed.values[name];
        if (value === undefined) {
            value = option.default;
        } else if (option.type === 'number') {
            const number = Number(value);
            if (String(value).trim() === '' || !Number.isFinite(number)) {
                throw new UserFailure(`--${name} takes a number; '${value}' is not one.`, 2);
            }
            value = number;
        }
        values[name] = value;
    }
    return values;
}

/**
 * The --help text of a parseOptions spec.
 * @param {{ usage: string, options: Record<string, { type: string, description: string, default?: unknown }> }} spec
 * @returns {string}
 */
export function usageText(spec) {
    const lines = [`Usage: ${spec.usage} [options]`, '', 'Options:'];
    const names = Object.entries(spec.options).map(([name, option]) => [
        `--${name}${option.type === 'boolean' ? '' : ' <value>'}`,
        option
    ]);
    const width = Math.max(...names.map(([flag]) => flag.length), 6);
    for (const [flag, option] of names) {
        const fallback =
            option.default !== undefined && option.type !== 'boolean' ? ` (default: ${option.default})` : '';
        lines.push(`  ${flag.padEnd(width)}  ${option.description}${fallback}`);
    }
    lines.push(`  ${'--help'.padEnd(width)}  this text`);
    return lines.join('\n');
}

/**
 * The scratch org the script works on: --target-org, else env COMM100_ORG, else 'comm100'.
 * @param {{ 'target-org'?: string }} options parsed options
 * @returns {string}
 */
export function targetOrg(options) {
    return options['target-org'] || process.env.COMM100_ORG || DEFAULT_ORG_ALIAS;
}

/**
 * The environment of every `sf` call: this process's environment with telemetry, the version check and the
 * self-update turned off.
 * @returns {NodeJS.ProcessEnv}
 */
export function sfEnv() {
    return { ...process.env, ...SF_QUIET_ENV };
}

/**
 * The command words of an `sf` argument list (the words before the first flag), such as ['org', 'create', 'scratch'].
 * @param {string[]} args
 * @returns {string[]}
 */
export function commandWords(args) {
    const words = [];
    for (const arg of args) {
        if (arg.startsWith('-')) break;
        words.push(arg);
    }
    return words;
}

/**
 * Runs `sf` from the PATH and never throws for a failed command: the caller decides.
 * Adds --json unless `json: false` or it is already there. Runs in the project root.
 *
 * @param {string[]} args the arguments after `sf`
 * @param {{ json?: boolean, cwd?: string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<{ ok: boolean, exitCode: number | null, json: any, result: any, stdout: string, stderr: string,
 *   args: string[], error: SfError | undefined }>} `ok` when the exit code is 0 and the JSON status (if any) is 0
 */
export async function sfCall(args, options = {}) {
    const fullArgs = options.json === false || args.includes('--json') ? [...args] : [...args, '--json'];
    const { exitCode, stdout, stderr } = await spawnCollect('sf', fullArgs, {
        cwd: options.cwd ?? projectRoot(),
        env: { ...sfEnv(), ...(options.env ?? {}) }
    });
    const json = parseJsonOutput(stdout) ?? parseJsonOutput(stderr);
    const status = json && typeof json === 'object' && typeof json.status === 'number' ? json.status : 0;
    const ok = exitCode === 0 && status === 0;
    const error = ok
        ? undefined
        : new SfError({
              args: fullArgs,
              name: json?.name,
              message:
                  json?.message ??
                  (json && 'result' in json
                      ? `it answered status ${json.status}${typeof json.result?.status === 'string' ? ` (${json.result.status})` : ''}, exit code ${exitCode}`
                      : stderr.trim() || stdout.trim()),
              exitCode,
              json,
              stderr
          });
    return { ok, exitCode, json, result: json?.result, stdout, stderr, args: fullArgs, error };
}

/**
 * Runs `sf <args> --json` from the PATH and returns the parsed `result`; throws SfError when the command fails.
 *
 * @param {string[]} args the arguments after `sf`
 * @param {{ json?: boolean, cwd?: string, env?: NodeJS.ProcessEnv }} [options] json: false for a command with no --json
 * @returns {Promise<any>} the `result` of the CLI's JSON answer
 */
export async function sf(args, options = {}) {
    const call = await sfCall(args, options);
    if (!call.ok) throw call.error;
    return call.result;
}

/**
 * Prints a step before it is done: "▶ Creating scratch org 'comm100' ...".
 * @param {string} text
 */
export function step(text) {
    console.log(`▶ ${text}`);
}

/**
 * Prints a detail under the current step, indented.
 * @param {string} text
 */
export function detail(text) {
    console.log(`  ${text}`);
}

/**
 * Prints a success line: "✔ text".
 * @param {string} text
 */
export function done(text) {
    console.log(`✔ ${text}`);
}

/**
 * Stops the script with one clear sentence (printed by main(), exit code 1 unless given).
 * @param {string} sentence what is missing or wrong and the command that fixes it
 * @param {number} [exitCode]
 * @returns {never}
 */
export function fail(sentence, exitCode = 1) {
    throw new UserFailure(sentence, exitCode);
}

/**
 * The sentence for a missing Dev Hub.
 * @param {string} [devHub] the alias that was tried, if any
 * @returns {string}
 */
export function noDevHubSentence(devHub) {
    return devHub
        ? `The Dev Hub '${devHub}' is not logged in: log in with \`${LOGIN_DEV_HUB_COMMAND}\` (or pass --target-dev-hub <alias>).`
        : `No Dev Hub is configured: log in to one with \`${LOGIN_DEV_HUB_COMMAND}\`.`;
}

/**
 * The sentence for a missing scratch org.
 * @param {string} alias
 * @returns {string}
 */
export function noOrgSentence(alias) {
    return `No org '${alias}' is known to the Salesforce CLI: create it with \`${CREATE_ORG_COMMAND}\` (or pass --target-org <alias>).`;
}

/** The CLI error names that mean "this org alias or username is not logged in". */
export const ORG_NOT_FOUND_ERRORS = Object.freeze([
    'NamedOrgNotFoundError',
    'NamedOrgNotFound',
    'NoAuthInfoFound',
    'NoOrgFound',
    'NoDefaultEnvError',
    'NoUsernameFoundError',
    'AuthInfoCreationError',
    'ScratchOrgNotFound',
    'DomainNotFoundError'
]);

/**
 * Whether an SfError says the org is not known to (or no longer reachable through) the CLI.
 * @param {unknown} error
 * @returns {boolean}
 */
export function isOrgNotFound(error) {
    return (
        error instanceof SfError &&
        (ORG_NOT_FOUND_ERRORS.includes(error.sfName) || /No authorization information found/i.test(error.sfMessage))
    );
}

/**
 * The Dev Hub to use: --target-dev-hub, else the CLI's configured target-dev-hub (`sf config get target-dev-hub`),
 * checked with `sf org display`. Fails with the login command when there is none or it is not logged in.
 *
 * @param {{ 'target-dev-hub'?: string }} options parsed options
 * @returns {Promise<{ alias: string, username: string, id: string, instanceUrl: string }>} alias: what the script passes
 *   as --target-dev-hub
 */
export async function requireDevHub(options) {
    let alias = options['target-dev-hub'];
    if (!alias) {
        const answers = await sf(['config', 'get', 'target-dev-hub']);
        const entry = Array.isArray(answers) ? answers.find((answer) => answer.name === 'target-dev-hub') : undefined;
        alias = typeof entry?.value === 'string' ? entry.value : '';
        if (!alias) fail(noDevHubSentence());
    }
    const call = await sfCall(['org', 'display', '--target-org', alias]);
    if (!call.ok) {
        if (isOrgNotFound(call.error)) fail(noDevHubSentence(alias));
        throw call.error;
    }
    return {
        alias,
        username: call.result?.username ?? alias,
        id: call.result?.id ?? '',
        instanceUrl: call.result?.instanceUrl ?? ''
    };
}

/**
 * Checks that the org is known to the CLI and not expired (`sf org display --target-org <alias>`); fails with
 * `npm run org:create` otherwise.
 *
 * @param {string} alias the scratch org alias or username
 * @returns {Promise<{ alias: string, username: string, id: string, instanceUrl: string, status?: string }>}
 */
export async function requireOrg(alias) {
    const call = await sfCall(['org', 'display', '--target-org', alias]);
    if (!call.ok) {
        if (isOrgNotFound(call.error)) fail(noOrgSentence(alias));
        throw call.error;
    }
    const result = call.result ?? {};
    if (typeof result.status === 'string' && /^(expired|deleted)$/i.test(result.status)) {
        fail(
            `The scratch org '${alias}' is ${result.status.toLowerCase()}: create a new one with \`${CREATE_ORG_COMMAND}\`.`
        );
    }
    return {
        alias,
        username: result.username ?? alias,
        id: result.id ?? '',
        instanceUrl: result.instanceUrl ?? '',
        status: result.status
    };
}

/**
 * Runs a SOQL query with `sf data query` and returns the records (without their `attributes`) and the total size.
 *
 * @param {string} alias the org alias or username
 * @param {string} soql
 * @param {{ tooling?: boolean }} [options] tooling: query the Tooling API
 * @returns {Promise<{ records: Array<Record<string, any>>, totalSize: number }>}
 */
export async function sfQuery(alias, soql, options = {}) {
    const args = ['data', 'query', '--query', soql, '--target-org', alias];
    if (options.tooling) args.push('--use-tooling-api');
    const result = await sf(args);
    const records = (result?.records ?? []).map(({ attributes: _attributes, ...fields }) => fields);
    return { records, totalSize: typeof result?.totalSize === 'number' ? result.totalSize : records.length };
}

/**
 * The failed components of a `sf project deploy start --json` answer, one line each ("ApexClass Foo: message (file:line)").
 * @param {any} result the `result` of the answer
 * @returns {string[]}
 */
export function deployFailures(result) {
    const files = Array.isArray(result?.files) ? result.files.filter((file) => file.state === 'Failed') : [];
    if (files.length > 0) {
        return files.map(
            (file) =>
                `${file.type} ${file.fullName}: ${oneLine(file.error ?? 'failed')}${file.filePath ? ` (${displayPath(file.filePath)}${file.lineNumber ? `:${file.lineNumber}` : ''})` : ''}`
        );
    }
    const failures = result?.details?.componentFailures;
    const list = Array.isArray(failures) ? failures : failures ? [failures] : [];
    return list.map((failure) =>
        `${failure.componentType ?? ''} ${failure.fullName}: ${oneLine(failure.problem ?? 'failed')}${failure.fileName ? ` (${failure.fileName}${failure.lineNumber ? `:${failure.lineNumber}` : ''})` : ''}`.trim()
    );
}

/**
 * The error name the pinned CLI gives a deploy still running when --wait ends: `sf project deploy start` throws
 * (plugin-deploy-retrieve, error.ClientTimeout: "The command has timed out, although the deployment is still
 * running."), with the deploy's id in its data, instead of answering a result with status InProgress.
 */
export const DEPLOY_TIMEOUT_ERROR = 'ClientTimeoutError';

/**
 * Whether an SfError is the CLI's "the deploy is still running after --wait" (DEPLOY_TIMEOUT_ERROR).
 * @param {unknown} error
 * @returns {boolean}
 */
export function isDeployTimeout(error) {
    return (
        error instanceof SfError &&
        (error.sfName === DEPLOY_TIMEOUT_ERROR ||
            /client has timed out|deployment is still running/i.test(error.sfMessage))
    );
}

/**
 * The command that follows a deploy the script stopped waiting for: by its id when the CLI gave it (the most recent
 * deploy the CLI remembers may be another terminal's), else the most recent one.
 * @param {string} alias
 * @param {string} [id] the deploy's id (0Af…)
 * @returns {string}
 */
export function deployReportCommand(alias, id) {
    const job = typeof id === 'string' && id ? `--job-id ${id}` : '--use-most-recent';
    return `sf project deploy report ${job} --target-org ${alias}`;
}

/**
 * Deploys with `sf project deploy start` and returns its result and failed components: none when it succeeded,
 * one line each (deployFailures) when the org refused components. Fails with one sentence when the org is not
 * known, or when the deploy is still running after --wait (naming `sf project deploy report --use-most-recent`);
 * throws any other failed call. Give `sourceDirs` (source format) or `metadataDir` (Metadata API format).
 *
 * @param {{ alias: string, sourceDirs?: string[], metadataDir?: string, wait?: number, what: string }} options
 *   what: how the failure sentence names the deployed thing ("force-app and unpackaged")
 * @returns {Promise<{ result: any, failures: string[] }>} the deploy's `result` (status, numberComponentsDeployed,
 *   files ...) and its failed components
 */
export async function deploy({ alias, sourceDirs = [], metadataDir, wait = 30, what }) {
    const args = ['project', 'deploy', 'start'];
    for (const dir of sourceDirs) args.push('--source-dir', dir);
    if (metadataDir) args.push('--metadata-dir', metadataDir);
    args.push('--target-org', alias, '--wait', String(wait));
    const call = await sfCall(args);
    if (call.ok) return { result: call.result, failures: [] };
    if (isOrgNotFound(call.error)) fail(noOrgSentence(alias));
    if (isDeployTimeout(call.error)) {
        const id = call.json?.data?.id;
        fail(
            `The deploy of ${what} to '${alias}' was still running after ${wait} minute${wait === 1 ? '' : 's'}${typeof id === 'string' && id ? ` (deploy ${id})` : ''}: follow it with \`${deployReportCommand(alias, id)}\` (or pass a longer --wait).`
        );
    }
    const failures = deployFailures(call.result);
    if (failures.length === 0) throw call.error;
    return { result: call.result, failures };
}

/**
 * Deploys (deploy()) and fails with the failed components (the first ten printed, then one sentence) when the
 * org refuses any.
 *
 * @param {{ alias: string, sourceDirs?: string[], metadataDir?: string, wait?: number, what: string }} options
 * @returns {Promise<any>} the deploy's `result` (status, numberComponentsDeployed, files ...)
 */
export async function deployOrFail(options) {
    const { result, failures } = await deploy(options);
    if (failures.length === 0) return result;
    printFailures(failures);
    return fail(
        `The deploy of ${options.what} to '${options.alias}' failed (status ${result?.status ?? 'unknown'}, ${failures.length} component${failures.length === 1 ? '' : 's'} failed): fix the components above and run it again.`
    );
}

/**
 * Prints failed components on stderr, indented: the first ten, then how many more.
 * @param {string[]} failures
 */
export function printFailures(failures) {
    for (const line of failures.slice(0, 10)) console.error(`  ${line}`);
    if (failures.length > 10) console.error(`  ... and ${failures.length - 10} more`);
}

/**
 * Runs a script's body: prints a UserFailure's sentence ("✖ ...") and exits with its code; prints a failed sf
 * call as one sentence; anything else with its stack. Exits 0 when the body returns (or with the number it returns).
 *
 * @param {() => Promise<number | void>} body
 * @returns {Promise<void>}
 */
export async function main(body) {
    try {
        const code = await body();
        process.exitCode = typeof code === 'number' ? code : 0;
    } catch (error) {
        if (error instanceof UserFailure) {
            console.error(`✖ ${error.message}`);
            process.exitCode = error.exitCode;
        } else if (error instanceof SfError) {
            console.error(`✖ ${error.message}`);
            process.exitCode = 1;
        } else {
            console.error(`✖ ${error?.stack ?? error}`);
            process.exitCode = 1;
        }
    }
}

/**
 * The Salesforce DX project the scripts work on: env COMM100_PROJECT_ROOT, else the repository root.
 * @returns {string}
 */
export function projectRoot() {
    return process.env.COMM100_PROJECT_ROOT ? path.resolve(process.env.COMM100_PROJECT_ROOT) : ROOT;
}

/**
 * The project's sfdx-project.json, parsed.
 * @returns {{ namespace?: string, packageDirectories: Array<Record<string, any>>, packageAliases?: Record<string, string>,
 *   sourceApiVersion?: string }}
 */
export function readProject() {
    return JSON.parse(readFileSync(path.join(projectRoot(), 'sfdx-project.json'), 'utf8'));
}

/**
 * The scratch org definition (config/project-scratch-def.json), parsed.
 * @returns {{ orgName?: string, edition?: string, features?: string[] } & Record<string, any>}
 */
export function readScratchDefinition() {
    return JSON.parse(readFileSync(path.join(projectRoot(), SCRATCH_DEFINITION), 'utf8'));
}

/**
 * The project's real namespace: '' while it is empty or still the placeholder.
 * @param {{ namespace?: string }} [project] default: readProject()
 * @returns {string}
 */
export function projectNamespace(project = readProject()) {
    return effectiveNamespace({ namespace: (project.namespace ?? '').trim() });
}

/**
 * What still stops packaging: the namespace placeholder (or no namespace), and a package alias that is missing
 * or still the placeholder id. Empty when the project is configured.
 * @param {{ namespace?: string, packageAliases?: Record<string, string> }} [project] default: readProject()
 * @returns {string[]} one phrase per problem
 */
export function packagingPlaceholders(project = readProject()) {
    const problems = [];
    const namespace = (project.namespace ?? '').trim();
    if (!namespace) problems.push('the namespace is empty');
    else if (isPlaceholderNamespace(namespace))
        problems.push(`the namespace is the placeholder '${PLACEHOLDER_NAMESPACE}'`);
    const packageId = project.packageAliases?.[PACKAGE_NAME];
    if (!packageId) problems.push(`packageAliases has no '${PACKAGE_NAME}'`);
    else if (packageId === PLACEHOLDER_PACKAGE_ID)
        problems.push(`the '${PACKAGE_NAME}' package id is the placeholder '${PLACEHOLDER_PACKAGE_ID}'`);
    return problems;
}

/**
 * A path in the build folder: env COMM100_BUILD_DIR, else build/ in the repository (git-ignored).
 * @param {...string} parts
 * @returns {string}
 */
export function buildPath(...parts) {
    const base = process.env.COMM100_BUILD_DIR ? path.resolve(process.env.COMM100_BUILD_DIR) : path.join(ROOT, 'build');
    return path.join(base, ...parts);
}

/**
 * Writes pretty JSON (and a final newline), creating the folders; returns the path.
 * @param {string} file
 * @param {unknown} data
 * @returns {string}
 */
export function writeJson(file, data) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
    return file;
}

/**
 * Reads and parses a JSON file; undefined when it does not exist.
 * @param {string} file
 * @returns {any}
 */
export function readJson(file) {
    let text;
    try {
        text = readFileSync(file, 'utf8');
    } catch (error) {
        if (error.code === 'ENOENT') return undefined;
        throw error;
    }
    return JSON.parse(text);
}

/**
 * A path as printed to the user: relative to the repository when inside it.
 * @param {string} file
 * @returns {string}
 */
export function displayPath(file) {
    const relative = path.relative(ROOT, file);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * A polling interval: env COMM100_POLL_MS when set (the tests use a few milliseconds), else the default.
 * @param {number} defaultMs
 * @returns {number}
 */
export function pollMs(defaultMs) {
    const override = Number(process.env.COMM100_POLL_MS);
    return process.env.COMM100_POLL_MS !== undefined && Number.isFinite(override) && override >= 0
        ? override
        : defaultMs;
}

/**
 * Waits.
 * @param {number} ms
 * @returns {Promise<void>}
 */
export function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A SOQL string literal: the value quoted, with backslashes and quotes escaped.
 * @param {string} value
 * @returns {string}
 */
export function soqlString(value) {
    return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * Columns aligned for the terminal: the header, a rule, then the rows. Numbers are right-aligned.
 * @param {string[]} headers
 * @param {Array<Array<string | number>>} rows
 * @returns {string}
 */
export function formatTable(headers, rows) {
    const cells = rows.map((row) => row.map((cell) => String(cell)));
    const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((row) => (row[i] ?? '').length)));
    const numeric = headers.map(
        (_, i) =>
            rows.length > 0 && rows.every((row) => typeof row[i] === 'number' || /^[\d.,/ %]+$/.test(String(row[i])))
    );
    const line = (row) =>
        row
            .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
            .join('  ')
            .trimEnd();
    return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.map(line)].join('\n');
}

/**
 * Runs another org script (scripts/org/<name>.mjs) with this Node, its output passed through; resolves its exit code.
 * @param {string} name the script's base name, such as 'create'
 * @param {string[]} [args]
 * @returns {Promise<number>}
 */
export function runOrgScript(name, args = []) {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'org', `${name}.mjs`), ...args], {
            stdio: 'inherit',
            env: process.env
        });
        child.on('error', reject);
        child.on('close', (code) => resolve(code ?? 1));
    });
}

/**
 * Runs a command with its output collected (the tests' fake sf, npm ...). A missing executable is a UserFailure.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<{ exitCode: number | null, stdout: string, stderr: string }>}
 */
export function spawnCollect(command, args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, {
            cwd: options.cwd ?? ROOT,
            env: options.env ?? process.env,
            stdio: ['ignore', 'pipe', 'pipe'],
            shell: process.platform === 'win32'
        });
        const out = [];
        const err = [];
        child.stdout.on('data', (chunk) => out.push(chunk));
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', (error) => {
            if (error.code === 'ENOENT') {
                reject(
                    new UserFailure(
                        command === 'sf'
                            ? 'The Salesforce CLI (sf) is not on the PATH: run `npm install`, then start the script with `npm run` (which puts node_modules/.bin on the PATH).'
                            : `'${command}' is not on the PATH: install it first.`
                    )
                );
            } else {
                reject(error);
            }
        });
        child.on('close', (exitCode) =>
            resolve({
                exitCode,
                stdout: Buffer.concat(out).toString('utf8'),
                stderr: Buffer.concat(err).toString('utf8')
            })
        );
    });
}

function parseJsonOutput(text) {
    const trimmed = text.trim();
    if (!trimmed) return undefined;
    try {
        return JSON.parse(trimmed);
    } catch {
        // A warning line may precede the JSON: read from the first line that opens an object.
        const start = trimmed.search(/^\{/m);
        if (start > 0) {
            try {
                return JSON.parse(trimmed.slice(start));
            } catch {
                return undefined;
            }
        }
        return undefined;
    }
}

/**
 * A message on one line: its lines trimmed and joined, empty ones dropped, at most `max` characters.
 * @param {unknown} text
 * @param {number} [max]
 * @returns {string}
 */
export function oneLine(text, max = 500) {
    return String(text ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join(' ')
        .slice(0, max);
}
