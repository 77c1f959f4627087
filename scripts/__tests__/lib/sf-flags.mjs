// Validates recorded `sf` argument lists against the pinned CLI's own command and flag list
// (`sf commands --json` from node_modules/.bin, run once per installation of node_modules and kept in build/cache/):
// the command exists (by id or alias, not a deprecated alias), every flag is one of its flags, aliases or
// characters, an option flag carries a value (one of its `options` when it lists them), a flag that is not
// `multiple` is given once, required flags are present, exclusive flags are not combined, a flag's
// dependsOn flags are present, and positional arguments appear only where the command takes them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, ROOT } from './harness.mjs';

/**
 * One flag of a command as `sf commands --json` describes it.
 * @typedef {{ name: string, char?: string, type: 'boolean' | 'option', options?: string[], required?: boolean,
 *   multiple?: boolean, aliases?: string[], charAliases?: string[], deprecateAliases?: boolean, allowNo?: boolean,
 *   exclusive?: string[], dependsOn?: string[], exactlyOne?: string[] }} SfFlag
 */

/**
 * One command as `sf commands --json` describes it.
 * @typedef {{ id: string, aliases: string[], deprecateAliases?: boolean, strict?: boolean,
 *   args: Record<string, unknown>, flags: Record<string, SfFlag> }} SfCommand
 */

let cached;

/**
 * Where the command list of the installed CLI is kept: named after npm's record of what node_modules holds
 * (node_modules/.package-lock.json), so any install or upgrade gets a fresh list. Undefined without that record.
 */
function cacheFile() {
    const installed = path.join(ROOT, 'node_modules', '.package-lock.json');
    if (!existsSync(installed)) return undefined;
    const hash = createHash('sha256').update(readFileSync(installed)).digest('hex').slice(0, 16);
    return path.join(ROOT, 'build', 'cache', `sf-commands-${hash}.json`);
}

/** Runs `sf commands --json` (about 4 CPU seconds). */
function listSfCommands() {
    const result = spawnSync(path.join(BIN, 'sf'), ['commands', '--json'], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: {
            ...process.env,
            SF_DISABLE_TELEMETRY: 'true',
            SF_SKIP_NEW_VERSION_CHECK: 'true',
            SF_DISABLE_AUTOUPDATE: 'true',
            SF_AUTOUPDATE_DISABLE: 'true'
        }
    });
    if (result.status !== 0) {
        throw new Error(`sf commands --json failed (${result.status}): ${result.stderr || result.error}`);
    }
    const parsed = JSON.parse(result.stdout);
    return Array.isArray(parsed) ? parsed : parsed.result;
}

/**
 * The pinned CLI's commands (`node_modules/.bin/sf commands --json`): loaded once per process, and listed once
 * per installation of node_modules (the test files that validate calls share the list through build/cache/).
 * @returns {SfCommand[]}
 */
export function loadSfCommands() {
    if (cached) return cached;
    const file = cacheFile();
    if (file && existsSync(file)) {
        try {
            cached = JSON.parse(readFileSync(file, 'utf8'));
            return cached;
        } catch {
            // A list cut short by a run that was stopped: list the commands again.
        }
    }
    cached = listSfCommands();
    if (file) {
        mkdirSync(path.dirname(file), { recursive: true });
        const partial = `${file}.${process.pid}`;
        writeFileSync(partial, JSON.stringify(cached));
        renameSync(partial, file);
    }
    return cached;
}

/**
 * Finds the command an argument list runs: the longest run of leading words that is a command id or alias.
 * @param {string[]} argv
 * @param {SfCommand[]} commands
 * @returns {{ command: SfCommand, viaAlias: string | undefined, rest: string[] } | undefined}
 */
export function findSfCommand(argv, commands) {
    const words = [];
    for (const arg of argv) {
        if (arg.startsWith('-')) break;
        words.push(arg);
    }
    for (let n = words.length; n > 0; n--) {
        const id = words.slice(0, n).join(':');
        const byId = commands.find((command) => command.id === id);
        if (byId) return { command: byId, viaAlias: undefined, rest: argv.slice(n) };
        const byAlias = commands.find((command) => (command.aliases ?? []).includes(id));
        if (byAlias) return { command: byAlias, viaAlias: id, rest: argv.slice(n) };
    }
    return undefined;
}

/**
 * The problems of one `sf` argument list against the pinned CLI; empty when it is valid.
 * @param {string[]} argv the arguments after `sf`
 * @param {SfCommand[]} [commands] default: loadSfCommands()
 * @returns {string[]}
 */
export function validateSfCall(argv, commands = loadSfCommands()) {
    const found = findSfCommand(argv, commands);
    if (!found) return [`no command '${argv.filter((arg) => !arg.startsWith('-')).join(' ')}' in the pinned CLI`];
    const { command, viaAlias, rest } = found;
    const problems = [];
    if (viaAlias && command.deprecateAliases) {
        problems.push(`'${viaAlias}' is a deprecated alias of ${command.id}`);
    }
    const flags = Object.values(command.flags ?? {});
    // As oclif's parser reads them: a long flag is a name, an alias, or no-<name or alias> of a boolean flag
    // that allows it; a short flag is an alias or a char (aliases and charAliases serve both).
    const aliases = new Map();
    for (const flag of flags) {
        for (const alias of [...(flag.aliases ?? []), ...(flag.charAliases ?? [])]) aliases.set(alias, flag);
    }
    const lookUpLong = (key) => {
        if (command.flags[key]) return { flag: command.flags[key], deprecated: false };
        if (aliases.has(key)) return { flag: aliases.get(key), deprecated: Boolean(aliases.get(key).deprecateAliases) };
        if (key.startsWith('no-')) {
            const negated = command.flags[key.slice(3)] ?? aliases.get(key.slice(3));
            if (negated && negated.type === 'boolean' && negated.allowNo) return { flag: negated, deprecated: false };
        }
        return undefined;
    };
    const lookUpShort = (key) => {
        if (aliases.has(key)) return { flag: aliases.get(key), deprecated: Boolean(aliases.get(key).deprecateAliases) };
        const flag = flags.find((candidate) => candidate.char === key);
        return flag ? { flag, deprecated: false } : undefined;
    };
    /** @type {Map<string, number>} */
    const seen = new Map();
    const positionals = [];
    for (let i = 0; i < rest.length; i++) {
        const token = rest[i];
        if (token === '--') {
            positionals.push(...rest.slice(i + 1));
            break;
        }
        if (!token.startsWith('-') || token === '-') {
            positionals.push(token);
            continue;
        }
        const long = token.startsWith('--');
        const [key, inline] = long
            ? [token.slice(2).split('=')[0], token.includes('=') ? token.slice(token.indexOf('=') + 1) : undefined]
            : [token.slice(1, 2), token.length > 2 ? token.slice(2) : undefined];
        const entry = long ? lookUpLong(key) : lookUpShort(key);
        if (!entry) {
            problems.push(`${command.id}: unknown flag ${token.split('=')[0]}`);
            continue;
        }
        const { flag } = entry;
        if (entry.deprecated)
            problems.push(`${command.id}: ${token.split('=')[0]} is a deprecated alias of --${flag.name}`);
        seen.set(flag.name, (seen.get(flag.name) ?? 0) + 1);
        if (flag.type === 'boolean') {
            if (inline !== undefined)
                problems.push(`${command.id}: --${flag.name} is a boolean flag and takes no value`);
            continue;
        }
        let value = inline;
        if (value === undefined) {
            const next = rest[i + 1];
            if (next === undefined || (next.startsWith('-') && next.length > 1 && !/^-\d/.test(next))) {
                problems.push(`${command.id}: --${flag.name} needs a value`);
                continue;
            }
            value = next;
            i++;
        }
        if (Array.isArray(flag.options) && flag.options.length > 0 && !flag.options.includes(value)) {
            problems.push(`${command.id}: --${flag.name} '${value}' is not one of ${flag.options.join(', ')}`);
        }
    }
    for (const [name, count] of seen) {
        const flag = command.flags[name];
        if (count > 1 && !flag.multiple) problems.push(`${command.id}: --${name} is given ${count} times`);
        for (const other of flag.exclusive ?? []) {
            if (seen.has(other)) problems.push(`${command.id}: --${name} cannot be combined with --${other}`);
        }
        for (const other of flag.dependsOn ?? []) {
            if (!seen.has(other)) problems.push(`${command.id}: --${name} needs --${other}`);
        }
    }
    for (const flag of flags) {
        if (flag.required && !seen.has(flag.name))
            problems.push(`${command.id}: the required --${flag.name} is missing`);
        if (Array.isArray(flag.exactlyOne) && seen.has(flag.name)) {
            const given = flag.exactlyOne.filter((name) => seen.has(name));
            if (given.length > 1) problems.push(`${command.id}: only one of --${given.join(', --')} may be given`);
        }
    }
    const takesArgs = command.strict === false || Object.keys(command.args ?? {}).length > 0;
    if (positionals.length > 0 && !takesArgs) {
        problems.push(`${command.id}: unexpected argument(s) ${positionals.map((arg) => `'${arg}'`).join(' ')}`);
    }
    return problems;
}

/**
 * Asserts that every argument list is valid for the pinned CLI, naming each problem with its call.
 * @param {string[][]} argvs the recorded argument lists (FakeSf#argvs())
 * @param {SfCommand[]} [commands] default: loadSfCommands()
 */
export function assertValidSfCalls(argvs, commands = loadSfCommands()) {
    const problems = argvs.flatMap((argv) =>
        validateSfCall(argv, commands).map((problem) => `sf ${argv.join(' ')}\n    ${problem}`)
    );
    assert.deepEqual(problems, [], `calls the pinned sf CLI would refuse:\n${problems.join('\n')}`);
}
