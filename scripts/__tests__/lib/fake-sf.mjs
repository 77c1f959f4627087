// A fake Salesforce CLI for the org scripts' tests. createFakeSf() writes a small shell script named `sf` into a
// temporary folder and answers it from this process (over a Unix socket, with curl); put that folder first on
// the PATH (fake.env() does) and every `sf ...` the scripts run is appended to a log (its argv, working directory, the CLI's quiet variables and the COMM100_ environment and, on request, the files of
// the folders it deploys) and answered with canned JSON chosen by command and conditions:
//
//   const fake = createFakeSf();
//   fake.answer('org display', ok({ username: 'test-x@example.com', id: '00D000000000001EAA' }));
//   fake.answer('org display', failure('NamedOrgNotFoundError', 'No authorization information found for hub.', 2),
//       { when: { '--target-org': 'hub' } });
//   const run = await fake.runScript('permsets', ['--target-org', 'x']);
//   assert.equal(run.code, 0);
//   fake.argvs(); // [['org', 'display', '--target-org', 'x', '--json'], ...]
//
// The most specific answer wins: the longest command, then the most conditions, then the one given first.
// A call no answer matches exits 1 with {"status":1,"name":"FakeSfNoAnswer"} and is logged with unmatched: true.
import { spawn } from 'node:child_process';
import { appendFileSync, chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './harness.mjs';

/**
 * A canned answer: one of
 * - `{ result }`: success, printed as {"status":0,"result":...,"warnings":[]}, exit 0;
 * - `{ error: { name, message, exitCode?, data? } }`: failure as the CLI prints it with --json
 *   ({"name","message","exitCode","status":exitCode,...}), exit exitCode (default 1);
 * - `{ raw: { stdout?, stderr?, exitCode? } }`: exactly that output;
 * - `{ sequence: [answer, ...] }`: the n-th matching call gets the n-th answer, the last one repeats.
 * @typedef {{ result?: unknown, error?: { name: string, message: string, exitCode?: number, data?: unknown },
 *   raw?: { stdout?: string, stderr?: string, exitCode?: number }, sequence?: FakeAnswer[] }} FakeAnswer
 */

/**
 * Conditions on a call's arguments, all of which must hold:
 * - `when`: flag → expected value ('--target-org': 'x'; true: the flag is present; false: it is absent);
 * - `contains`: text (or texts) the arguments joined by spaces must contain.
 * @typedef {{ when?: Record<string, string | boolean>, contains?: string | string[] }} FakeConditions
 */

/**
 * One recorded call.
 * @typedef {{ argv: string[], cwd: string, env: Record<string, string>, unmatched?: boolean,
 *   dirs?: Record<string, Record<string, string>> }} FakeCall
 */

/**
 * A successful answer.
 * @param {unknown} result the `result` of the CLI's JSON
 * @returns {FakeAnswer}
 */
export function ok(result) {
    return { result };
}

/**
 * A failed answer as the CLI prints it with --json.
 * @param {string} name the CLI's error name, such as NamedOrgNotFoundError
 * @param {string} message
 * @param {number} [exitCode] default 1
 * @param {unknown} [data] the error's data, if the caller reads it
 * @returns {FakeAnswer}
 */
export function failure(name, message, exitCode = 1, data = undefined) {
    return { error: { name, message, exitCode, ...(data === undefined ? {} : { data }) } };
}

/**
 * A result with a non-zero status, as commands print when they finish but report failure (a failed deploy
 * exits 1 with {"status":1,"result":{...}}; failed Apex tests exit 100 with {"status":100,"result":{...}}).
 * @param {unknown} result
 * @param {number} exitCode
 * @returns {FakeAnswer}
 */
export function resultWithExit(result, exitCode) {
    return { raw: { stdout: `${JSON.stringify({ status: exitCode, result, warnings: [] }, null, 2)}\n`, exitCode } };
}

/**
 * What the pinned CLI's `sf org display --json` gives as `accessToken`: never the token (plugin-org's display.js
 * redacts it unless SF_TEMP_SHOW_SECRETS is set; messages/secrets-redacted.md). The token itself comes from
 * `sf org auth show-access-token --json` ({ accessToken }).
 */
export const REDACTED_ACCESS_TOKEN = "[REDACTED] Use 'sf org auth show-access-token' to view";

/**
 * What the pinned CLI answers when a deploy is still running as `sf project deploy start --wait` ends: it does not
 * return the deploy with status InProgress, it throws (plugin-deploy-retrieve's start.js turns the polling client's
 * "The client has timed out." into error.ClientTimeout), which SfCommand prints with --json as below: the name
 * ClientTimeoutError, the deploy's id in data, exit code 1 (the SfError's own; the 69 of DEPLOY_STATUS_CODES is only
 * for a result the command returns).
 * @param {string} id the deploy's id (0Af...)
 * @returns {FakeAnswer}
 */
export function deployClientTimeout(id) {
    return failure(
        'ClientTimeoutError',
        'The command has timed out, although the deployment is still running. Use "sf project deploy resume" to resume watching the deployment.',
        1,
        { id }
    );
}

/**
 * Answers given in turn to successive matching calls (the last repeats).
 * @param {...FakeAnswer} answers
 * @returns {FakeAnswer}
 */
export function sequence(...answers) {
    return { sequence: answers };
}

/**
 * The value of a flag in an argument list (`--flag value` or `--flag=value`); every value when `all`.
 * @param {string[]} argv
 * @param {string} flag such as '--target-org'
 * @param {boolean} [all]
 * @returns {string | undefined | string[]}
 */
export function flagValue(argv, flag, all = false) {
    const values = [];
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === flag && i + 1 < argv.length) values.push(argv[i + 1]);
        else if (argv[i].startsWith(`${flag}=`)) values.push(argv[i].slice(flag.length + 1));
    }
    return all ? values : values.at(-1);
}

// The fake itself: a POSIX shell script (a Node process per call would make the tests slow) that hands its
// arguments, folder and environment (the CLI's quiet variables, its project-file switch and COMM100_*) to this module's server over a Unix socket with curl, then
// prints the answer: its first line is the exit code, its second the file holding stderr (or nothing), the rest
// is stdout.
const FAKE_SCRIPT = `#!/bin/sh
# A fake Salesforce CLI for tests: the test's fake-sf server chooses the answer.
n=$#
for arg do
    set -- "$@" --data-urlencode "a=$arg"
done
shift $n
response=$(curl -sS --unix-socket "$FAKE_SF_SOCKET" --data-urlencode "cwd=$PWD" "$@" \\
    --data-urlencode "env=SF_DISABLE_TELEMETRY=\${SF_DISABLE_TELEMETRY-}
SF_SKIP_NEW_VERSION_CHECK=\${SF_SKIP_NEW_VERSION_CHECK-}
SF_DISABLE_AUTOUPDATE=\${SF_DISABLE_AUTOUPDATE-}
SF_AUTOUPDATE_DISABLE=\${SF_AUTOUPDATE_DISABLE-}
SF_PROJECT_AUTOUPDATE_DISABLE_FOR_PACKAGE_VERSION_CREATE=\${SF_PROJECT_AUTOUPDATE_DISABLE_FOR_PACKAGE_VERSION_CREATE-}
COMM100_ORG=\${COMM100_ORG-}
COMM100_BUILD_DIR=\${COMM100_BUILD_DIR-}
COMM100_PROJECT_ROOT=\${COMM100_PROJECT_ROOT-}
COMM100_POLL_MS=\${COMM100_POLL_MS-}" http://fake-sf/call) || {
    echo "fake sf: the test's fake-sf server did not answer" >&2
    exit 99
}
code=\${response%%"
"*}
rest=\${response#*"
"}
errfile=\${rest%%"
"*}
out=\${rest#*"
"}
[ -n "$out" ] && printf '%s\\n' "$out"
[ -n "$errfile" ] && cat "$errfile" >&2
exit "$code"
`;

function argvWords(argv) {
    const words = [];
    for (const arg of argv) {
        if (arg.startsWith('-')) break;
        words.push(arg);
    }
    return words;
}

function hasFlag(argv, flag, expected) {
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === flag) {
            if (expected === true || argv[i + 1] === expected) return true;
        } else if (argv[i].startsWith(`${flag}=`)) {
            if (expected === true || argv[i].slice(flag.length + 1) === expected) return true;
        }
    }
    return false;
}

function ruleMatches(rule, argv) {
    const words = argvWords(argv);
    const command = rule.command.split(' ').filter(Boolean);
    if (command.some((word, i) => words[i] !== word)) return false;
    for (const [flag, expected] of Object.entries(rule.when ?? {})) {
        if (expected === false ? hasFlag(argv, flag, true) : !hasFlag(argv, flag, expected)) return false;
    }
    const joined = argv.join(' ');
    return [rule.contains ?? []].flat().every((text) => joined.includes(text));
}

function ruleScore(rule) {
    return (
        rule.command.split(' ').filter(Boolean).length * 1000 +
        Object.keys(rule.when ?? {}).length * 10 +
        [rule.contains ?? []].flat().length
    );
}

function readTree(root) {
    const files = {};
    const walk = (folder) => {
        let entries = [];
        try {
            entries = readdirSync(folder, { withFileTypes: true });
        } catch {
            return;
        }
        for (const entry of entries) {
            const full = path.join(folder, entry.name);
            if (entry.isDirectory()) walk(full);
            else files[path.relative(root, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
        }
    };
    walk(root);
    return files;
}

/**
 * Creates a fake `sf` in a new temporary folder (with a temporary build folder beside it).
 *
 * @param {{ captureDirs?: boolean }} [options] captureDirs: log the files of every --source-dir/--metadata-dir
 *   folder at the time of the call (for scripts that deploy a temporary copy)
 * @returns {FakeSf}
 */
export function createFakeSf(options = {}) {
    return new FakeSf(options);
}

/** The fake `sf` of one test: its answers, its log, and running the org scripts against it. */
export class FakeSf {
    /**
     * @param {{ captureDirs?: boolean }} [options]
     */
    constructor(options = {}) {
        /** The temporary folder: the fake `sf`, its socket, calls.jsonl. */
        this.dir = mkdtempSync(path.join(os.tmpdir(), 'fake-sf-'));
        /** A temporary build folder (COMM100_BUILD_DIR of every run). */
        this.buildDir = path.join(this.dir, 'build');
        /** The log of calls, one JSON object a line (also kept in memory). */
        this.logFile = path.join(this.dir, 'calls.jsonl');
        /** The Unix socket the fake `sf` reaches this process on. */
        this.socket = path.join(this.dir, 'sf.sock');
        this.captureDirs = Boolean(options.captureDirs);
        /** @type {Array<{ command: string, when?: Record<string, string | boolean>, contains?: string | string[], answer: FakeAnswer }>} */
        this.rules = [];
        /** @type {FakeCall[]} */
        this.log = [];
        /** @type {Map<number, number>} how many times each sequence rule has answered */
        this.counters = new Map();
        this.errors = 0;
        writeFileSync(path.join(this.dir, 'sf'), FAKE_SCRIPT);
        chmodSync(path.join(this.dir, 'sf'), 0o755);
        writeFileSync(this.logFile, '');
        this.server = http.createServer((request, response) => this.handle(request, response));
        this.server.unref();
        this.listening = new Promise((resolve, reject) => {
            this.server.once('error', reject);
            this.server.listen(this.socket, resolve);
        });
    }

    /**
     * Resolves once the fake can answer (runScript waits for it; a test that spawns a script itself awaits it first).
     * @returns {Promise<void>}
     */
    ready() {
        return this.listening;
    }

    /**
     * Adds a canned answer for a command (its words, such as 'org create scratch').
     * @param {string} command
     * @param {FakeAnswer} answer
     * @param {FakeConditions} [conditions]
     * @returns {this}
     */
    answer(command, answer, conditions = {}) {
        this.rules.push({ command, ...conditions, answer });
        return this;
    }

    /**
     * Forgets every answer and the sequence counters (the log stays).
     * @returns {this}
     */
    clearAnswers() {
        this.rules = [];
        this.counters.clear();
        return this;
    }

    /**
     * Empties the log of calls.
     * @returns {this}
     */
    clearCalls() {
        this.log = [];
        writeFileSync(this.logFile, '');
        return this;
    }

    /**
     * Every recorded call, in order.
     * @returns {FakeCall[]}
     */
    calls() {
        return this.log.map((call) => structuredClone(call));
    }

    /**
     * The argument lists of every recorded call, in order.
     * @returns {string[][]}
     */
    argvs() {
        return this.calls().map((call) => call.argv);
    }

    /**
     * The recorded calls of one command (its words, such as 'data query').
     * @param {string} command
     * @returns {FakeCall[]}
     */
    callsTo(command) {
        const words = command.split(' ').filter(Boolean);
        return this.calls().filter((call) => words.every((word, i) => call.argv[i] === word));
    }

    /**
     * The environment of a run: the PATH with the fake first, the CLI's quiet variables, a temporary
     * COMM100_BUILD_DIR, COMM100_POLL_MS=1, no inherited COMM100_ORG; then `extra` (undefined deletes).
     * @param {Record<string, string | undefined>} [extra]
     * @returns {NodeJS.ProcessEnv}
     */
    env(extra = {}) {
        const env = {
            ...process.env,
            PATH: `${this.dir}${path.delimiter}${process.env.PATH ?? ''}`,
            SF_DISABLE_TELEMETRY: 'true',
            SF_SKIP_NEW_VERSION_CHECK: 'true',
            SF_DISABLE_AUTOUPDATE: 'true',
            SF_AUTOUPDATE_DISABLE: 'true',
            COMM100_BUILD_DIR: this.buildDir,
            COMM100_POLL_MS: '1',
            FAKE_SF_SOCKET: this.socket
        };
        delete env.COMM100_ORG;
        delete env.COMM100_PROJECT_ROOT;
        for (const [key, value] of Object.entries(extra)) {
            if (value === undefined) delete env[key];
            else env[key] = value;
        }
        return env;
    }

    /**
     * Runs an org script with Node as a child process (asynchronously, so a test's own HTTP server can answer it).
     * `script` is a name under scripts/org ('create') or a path from the repository root ('scripts/org/site.mjs').
     * @param {string} script
     * @param {string[]} [args]
     * @param {{ env?: Record<string, string | undefined>, cwd?: string, timeoutMs?: number }} [options]
     * @returns {Promise<{ code: number | null, stdout: string, stderr: string, out: string }>} out: stdout then stderr
     */
    runScript(script, args = [], options = {}) {
        const file = script.includes('/')
            ? path.join(ROOT, script)
            : path.join(ROOT, 'scripts', 'org', `${script}.mjs`);
        return this.listening.then(() => this.spawnScript(file, args, options));
    }

    /** @private */
    spawnScript(file, args, options) {
        return new Promise((resolve, reject) => {
            const child = spawn(process.execPath, [file, ...args], {
                cwd: options.cwd ?? ROOT,
                env: this.env(options.env),
                stdio: ['ignore', 'pipe', 'pipe']
            });
            const out = [];
            const err = [];
            const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
            child.stdout.on('data', (chunk) => out.push(chunk));
            child.stderr.on('data', (chunk) => err.push(chunk));
            child.on('error', reject);
            child.on('close', (code) => {
                clearTimeout(timer);
                const stdout = Buffer.concat(out).toString('utf8');
                const stderr = Buffer.concat(err).toString('utf8');
                resolve({ code, stdout, stderr, out: `${stdout}\n${stderr}` });
            });
        });
    }

    /** Stops the fake's server and removes the temporary folder. */
    cleanup() {
        this.server.close();
        rmSync(this.dir, { recursive: true, force: true });
    }

    /**
     * Answers one call of the fake `sf`.
     * @private
     */
    handle(request, response) {
        const chunks = [];
        request.on('data', (chunk) => chunks.push(chunk));
        request.on('end', () => {
            const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
            const argv = form.getAll('a');
            const env = {};
            for (const line of (form.get('env') ?? '').split('\n')) {
                const at = line.indexOf('=');
                if (at > 0 && at < line.length - 1) env[line.slice(0, at)] = line.slice(at + 1);
            }
            const cwd = form.get('cwd') ?? '';
            /** @type {FakeCall} */
            const entry = { argv, cwd, env };
            if (this.captureDirs) {
                entry.dirs = {};
                for (let i = 0; i < argv.length - 1; i++) {
                    if (argv[i] === '--source-dir' || argv[i] === '--metadata-dir') {
                        entry.dirs[argv[i + 1]] = readTree(path.resolve(cwd, argv[i + 1]));
                    }
                }
            }
            let best = -1;
            this.rules.forEach((rule, index) => {
                if (ruleMatches(rule, argv) && (best < 0 || ruleScore(rule) > ruleScore(this.rules[best])))
                    best = index;
            });
            let answer;
            if (best < 0) {
                entry.unmatched = true;
                answer = failure('FakeSfNoAnswer', `The fake sf has no answer for: sf ${argv.join(' ')}`);
            } else {
                answer = this.rules[best].answer;
                // A test may look at the world as the call sees it (a file the script changes for one call).
                if (typeof answer.onCall === 'function') answer.onCall(entry);
                if (answer.sequence) {
                    const n = this.counters.get(best) ?? 0;
                    this.counters.set(best, n + 1);
                    answer = answer.sequence[Math.min(n, answer.sequence.length - 1)];
                }
            }
            this.log.push(entry);
            appendFileSync(this.logFile, `${JSON.stringify(entry)}\n`);
            let code = 0;
            let stdout = '';
            let stderr = '';
            if (answer.raw) {
                stdout = answer.raw.stdout ?? '';
                stderr = answer.raw.stderr ?? '';
                code = answer.raw.exitCode ?? 0;
            } else if (answer.error) {
                code = answer.error.exitCode ?? 1;
                const out = {
                    name: answer.error.name,
                    message: answer.error.message,
                    exitCode: code,
                    ...(answer.error.data === undefined ? {} : { data: answer.error.data }),
                    warnings: [],
                    code: answer.error.name,
                    status: code
                };
                stdout = `${JSON.stringify(out, null, 2)}\n`;
            } else {
                stdout = `${JSON.stringify({ status: 0, result: answer.result, warnings: [] }, null, 2)}\n`;
            }
            let errfile = '';
            if (stderr) {
                errfile = path.join(this.dir, `stderr-${++this.errors}.txt`);
                writeFileSync(errfile, stderr);
            }
            response.end(`${code}\n${errfile}\n${stdout}`);
        });
    }
}
