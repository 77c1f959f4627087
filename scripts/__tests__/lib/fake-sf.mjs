// A fake Salesforce CLI for the org scripts' tests. createFakeSf() writes a small Node script named `sf` into a
// temporary folder; put that folder first on the PATH (fake.env() does) and every `sf ...` the scripts run is
// appended to a log (its argv, working directory, the SF_/COMM100_ environment and, on request, the files of
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
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// The fake itself, CommonJS so that it runs without an extension. It reads answers.json beside itself.
const FAKE_SOURCE = String.raw`
'use strict';
const fs = require('fs');
const path = require('path');
const dir = __dirname;
const argv = process.argv.slice(2);
const rules = JSON.parse(fs.readFileSync(path.join(dir, 'answers.json'), 'utf8'));
const words = [];
for (const arg of argv) { if (arg.startsWith('-')) break; words.push(arg); }
const joined = argv.join(' ');
function has(flag, expected) {
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === flag) {
            if (expected === true) return true;
            if (argv[i + 1] === expected) return true;
        } else if (argv[i].startsWith(flag + '=')) {
            if (expected === true || argv[i].slice(flag.length + 1) === expected) return true;
        }
    }
    return false;
}
function matches(rule) {
    const command = rule.command.split(' ').filter(Boolean);
    if (command.some((word, i) => words[i] !== word)) return false;
    for (const [flag, expected] of Object.entries(rule.when || {})) {
        if (expected === false ? has(flag, true) : !has(flag, expected)) return false;
    }
    const texts = rule.contains === undefined ? [] : [].concat(rule.contains);
    return texts.every((text) => joined.includes(text));
}
function score(rule) {
    return rule.command.split(' ').filter(Boolean).length * 1000 + Object.keys(rule.when || {}).length * 10 +
        (rule.contains === undefined ? 0 : [].concat(rule.contains).length);
}
let best = -1;
rules.forEach((rule, index) => {
    if (matches(rule) && (best < 0 || score(rule) > score(rules[best]))) best = index;
});
const env = {};
for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('SF_') || key.startsWith('COMM100_')) env[key] = value;
}
const entry = { argv, cwd: process.cwd(), env };
if (process.env.FAKE_SF_CAPTURE_DIRS === '1') {
    const dirs = {};
    for (let i = 0; i < argv.length - 1; i++) {
        if (argv[i] === '--source-dir' || argv[i] === '--metadata-dir') {
            const root = path.resolve(process.cwd(), argv[i + 1]);
            const files = {};
            const walk = (folder) => {
                let list = [];
                try { list = fs.readdirSync(folder, { withFileTypes: true }); } catch (e) { return; }
                for (const item of list) {
                    const full = path.join(folder, item.name);
                    if (item.isDirectory()) walk(full);
                    else files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
                }
            };
            walk(root);
            dirs[argv[i + 1]] = files;
        }
    }
    entry.dirs = dirs;
}
let answer;
if (best < 0) {
    entry.unmatched = true;
    answer = { error: { name: 'FakeSfNoAnswer', message: 'The fake sf has no answer for: sf ' + joined, exitCode: 1 } };
} else {
    answer = rules[best].answer;
    if (answer.sequence) {
        const stateFile = path.join(dir, 'state.json');
        let state = {};
        try { state = JSON.parse(fs.readFileSync(stateFile, 'utf8')); } catch (e) { state = {}; }
        const n = state[best] || 0;
        state[best] = n + 1;
        fs.writeFileSync(stateFile, JSON.stringify(state));
        answer = answer.sequence[Math.min(n, answer.sequence.length - 1)];
    }
}
fs.appendFileSync(path.join(dir, 'calls.jsonl'), JSON.stringify(entry) + '\n');
if (answer.raw) {
    process.stdout.write(answer.raw.stdout || '');
    process.stderr.write(answer.raw.stderr || '');
    process.exitCode = answer.raw.exitCode || 0;
} else if (answer.error) {
    const exitCode = answer.error.exitCode === undefined ? 1 : answer.error.exitCode;
    const out = Object.assign({ name: answer.error.name, message: answer.error.message, exitCode: exitCode },
        answer.error.data === undefined ? {} : { data: answer.error.data },
        { warnings: [], code: answer.error.name, status: exitCode });
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    process.exitCode = exitCode;
} else {
    process.stdout.write(JSON.stringify({ status: 0, result: answer.result, warnings: [] }, null, 2) + '\n');
}
`;

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
        /** The temporary folder: the fake `sf`, answers.json, calls.jsonl. */
        this.dir = mkdtempSync(path.join(os.tmpdir(), 'fake-sf-'));
        /** A temporary build folder (COMM100_BUILD_DIR of every run). */
        this.buildDir = path.join(this.dir, 'build');
        /** The log of calls, one JSON object a line. */
        this.logFile = path.join(this.dir, 'calls.jsonl');
        this.captureDirs = Boolean(options.captureDirs);
        /** @type {Array<{ command: string, when?: Record<string, string | boolean>, contains?: string | string[], answer: FakeAnswer }>} */
        this.rules = [];
        writeFileSync(path.join(this.dir, 'sf'), `#!${process.execPath}\n${FAKE_SOURCE}`);
        chmodSync(path.join(this.dir, 'sf'), 0o755);
        writeFileSync(this.logFile, '');
        this.writeRules();
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
        this.writeRules();
        return this;
    }

    /**
     * Forgets every answer and the sequence counters (the log stays).
     * @returns {this}
     */
    clearAnswers() {
        this.rules = [];
        this.writeRules();
        rmSync(path.join(this.dir, 'state.json'), { force: true });
        return this;
    }

    /**
     * Empties the log of calls.
     * @returns {this}
     */
    clearCalls() {
        writeFileSync(this.logFile, '');
        return this;
    }

    /**
     * Every recorded call, in order.
     * @returns {FakeCall[]}
     */
    calls() {
        return readFileSync(this.logFile, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line));
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
            FAKE_SF_CAPTURE_DIRS: this.captureDirs ? '1' : '0'
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

    /** Removes the temporary folder. */
    cleanup() {
        rmSync(this.dir, { recursive: true, force: true });
    }

    /** @private */
    writeRules() {
        writeFileSync(path.join(this.dir, 'answers.json'), JSON.stringify(this.rules));
    }
}
