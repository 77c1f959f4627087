#!/usr/bin/env node
// The GitHub Actions workflows (.github/workflows/*.yml) stay honest. Offline; each rule is tested on a broken
// fixture (scripts/__tests__/fixtures/workflows/):
//   parse        every workflow is YAML (no repeated key) with `on` and a `jobs` mapping; a job runs steps or
//                calls a workflow; a step runs a command or uses an action, not both
//   scripts      every `npm run <x>` (run-script, npm test, npm start …) of a `run:` is a script of the
//                package.json npm would read: the step's working-directory (or the nearest folder above it
//                with a package.json), or the folder of --prefix/-C. The command is read as npm reads it:
//                backslash continuations joined, comments dropped, npm's own flags (-s, --prefix <dir>,
//                --loglevel <level> …) skipped wherever they stand. A name holding $ and --workspace runs are
//                not checked
//   secrets      every `secrets.X` is documented as a secret in README.md or CONTRIBUTING.md (GITHUB_TOKEN,
//                which GitHub creates, aside), so whoever sets the repository up knows to create it
//   variables    every `vars.X` (a repository, environment or organisation variable: a value that is not
//                secret, such as the package namespace, which would print as *** in every log were it a
//                secret) is documented as a variable in README.md or CONTRIBUTING.md
//                Documented means named in backticks exactly as GitHub shows the name (upper case: GitHub keeps
//                secret names in upper case and reads secrets.x as secrets.X), with the kind beside it:
//                `X`, a secret: … / `X` (a repository variable) / `X` | secret | / the secret `X`. A plain
//                word (token), a name in another case, or a name said to be the other kind does not count
//   timeout      every job that runs steps has timeout-minutes (a hung org command otherwise holds the runner,
//                and the scratch org, for six hours)
//   delete       a job that creates an org (npm run org:create, sf org create scratch, sf org:create:scratch)
//                deletes it in a later step, and every step that deletes an org (npm run org:delete, sf org
//                delete …, sf org:delete:scratch) has `if: always()` (or a condition holding always()), so a
//                failed or cancelled run still gives its scratch org back
//   forks        in a workflow pull requests trigger, a job that uses secrets (by name, all of them through
//                toJSON(secrets) or secrets[…], or `secrets: inherit`) is skipped for pull requests from forks
//                (GitHub gives them no secrets): it carries the fork test
//                (github.event.pull_request.head.repo.full_name or .fork) in its `if:`, or its `if:` is false
//                for every pull request event the workflow has (github.event_name == 'push', != 'pull_request'
//                when pull_request is the only one), or its `if:` reads the output of a gate job it needs (a
//                job using no secrets that makes the fork test and declares outputs), or it needs such a job's
//                dependant with no always()/failure()/cancelled() in its `if:`
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
/** `secrets.X`, `secrets['X']`, `secrets["X"]`: the secrets context (not a property named secrets). */
const SECRET_REFERENCE =
    /(?<![.\w-])secrets\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_]*)|\[\s*'([^']+)'\s*\]|\[\s*"([^"]+)"\s*\])/g;
/** The secrets context itself, which hands over every secret: toJSON(secrets), secrets[matrix.name] … */
const WHOLE_SECRETS = /(?<![.\w-])secrets\b(?!\s*(?:\.\s*[A-Za-z_]|\[\s*['"]))/;
/** `vars.X`, `vars['X']`, `vars["X"]`: the configuration variables context (not a property named vars). */
const VARIABLE_REFERENCE =
    /(?<![.\w])vars\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_]*)|\[\s*'([^']+)'\s*\]|\[\s*"([^"]+)"\s*\])/g;
const NEEDS_REFERENCE = /\bneeds\.([A-Za-z_][\w-]*)(?:\.outputs\.([A-Za-z_][\w-]*))?/g;
const STEPS_REFERENCE = /\bsteps\.([A-Za-z_][\w-]*)\./g;
/** npm's commands that run a script of package.json: run-script and its aliases. */
const NPM_RUN_COMMANDS = new Set(['run-script', 'run', 'rum', 'urn']);
/** npm's lifecycle commands, each the script of its name. */
const NPM_LIFECYCLE = { test: 'test', t: 'test', tst: 'test', start: 'start', stop: 'stop', restart: 'restart' };
/**
 * npm's flags that take a value (`--flag value` as well as `--flag=value`): those of npm's config definitions
 * (@npmcli/config, npm 11) whose type admits no boolean. Any other flag, known or not, is a boolean to npm, and
 * takes the next argument only when it is true or false.
 */
const NPM_VALUE_FLAGS = new Set(
    (
        '_auth access allow-directory allow-file allow-git allow-remote allow-scripts also audit-level auth-type ' +
        'before ca cache cache-max cache-min cafile call cert cidr cpu depth diff diff-dst-prefix diff-src-prefix ' +
        'diff-unified editor expect-result-count expires fetch-retries fetch-retry-factor fetch-retry-maxtimeout ' +
        'fetch-retry-mintimeout fetch-timeout git globalconfig heading https-proxy include init-author-email ' +
        'init-author-name init-author-url init-license init-module init-type init-version init.author.email ' +
        'init.author.name init.author.url init.license init.module init.version install-strategy key libc ' +
        'local-address location lockfile-version loglevel logs-dir logs-max name maxsockets message ' +
        'min-release-age min-release-age-exclude node-gyp node-options noproxy omit only orgs os otp package ' +
        'pack-destination packages prefix preid provenance-file proxy registry replace-registry-host save-prefix ' +
        'sbom-format sbom-type scope scopes packages-and-scopes-permission orgs-permission password ' +
        'token-description script-shell searchexclude searchlimit searchopts searchstaleness shell tag ' +
        'tag-version-prefix umask user-agent userconfig viewer which workspace'
    ).split(' ')
);
/** npm's shorthands that stand for a flag taking a value (-s, -q, -d … stand for a loglevel with its value). */
const NPM_SHORTHANDS = { C: 'prefix', w: 'workspace', L: 'location', c: 'call', m: 'message', reg: 'registry' };
/** Commands that create a scratch org, and commands that delete an org (beside npm run org:create/org:delete). */
const ORG_CREATE = /(?<![\w.-])sf(?:dx)?\s+(?:org\s+create\s+scratch\b|org:create:scratch\b|force:org:create\b)/;
const ORG_DELETE = /(?<![\w.-])sf(?:dx)?\s+(?:org\s+delete\b|org:delete\b|force:org:delete\b)/;
/** A condition holding always() (not negated): the step runs after a failure and after a cancel. */
const ALWAYS = /(?<!!\s*)(?<![\w.])always\s*\(\s*\)/;
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

/** The whole secrets context an expression reads (toJSON(secrets), secrets[…]), as a label; undefined if none. */
function wholeSecretsIn(value, base) {
    for (const { path: at, text } of strings(value, base)) {
        for (const expression of expressions(text, at.at(-1) === 'if')) {
            if (WHOLE_SECRETS.test(expression)) {
                const shown = expression.trim();
                return shown.length <= 40 ? shown : 'secrets';
            }
        }
    }
    return undefined;
}

/** A kind word ("secret", "variable", in any case, maybe bold or plural) right before a backticked name. */
const KIND_BEFORE = /\b(secret|variable)s?[*_]*\s+$/i;
const NEGATED_BEFORE = /\b(?:not|no)\s+(?:an?\s+)?(?:\w+\s+)?(?:secret|variable)s?[*_]*\s+$/i;
/** A kind word right after a backticked name: `X`, a secret / `X` (a repository variable) / `X` is a secret / `X` | secret. */
const KIND_AFTER =
    /^\s*(?:[,:(|—–-]\s*)?(?:is\s+)?(?:an?\s+|the\s+)?(?:(?:repository|organi[sz]ation|environment|Actions|GitHub)\s+)?[*_]*(secret|variable)s?\b/i;

/**
 * The names README.md and CONTRIBUTING.md write in backticks, each with the kinds ('secret', 'variable') the
 * words right beside a mention give it (a name with no kind beside any mention has an empty set).
 * @param {string} text
 * @returns {Map<string, Set<string>>}
 */
export function documentedNames(text) {
    const names = new Map();
    for (const match of text.matchAll(/(?<!`)(`+)(?!`)([^`]|[^`](?:(?!\n[ \t]*\n)[\s\S])*?[^`])\1(?!`)/g)) {
        const name = /^ ?([A-Za-z_][A-Za-z0-9_]*) ?$/.exec(match[2])?.[1];
        if (name === undefined) {
            continue;
        }
        const kinds = names.get(name) ?? new Set();
        names.set(name, kinds);
        const before = text.slice(Math.max(0, match.index - 60), match.index);
        const after = text.slice(match.index + match[0].length, match.index + match[0].length + 60);
        const kindBefore = KIND_BEFORE.exec(before);
        if (kindBefore && !NEGATED_BEFORE.test(before)) {
            kinds.add(kindBefore[1].toLowerCase());
        }
        const kindAfter = KIND_AFTER.exec(after);
        if (kindAfter) {
            kinds.add(kindAfter[1].toLowerCase());
        }
    }
    return names;
}

/**
 * Whether the documents name a secret or variable as that kind, in backticks, as GitHub shows the name (upper
 * case); else what is wrong, for the message.
 * @returns {'documented' | 'unnamed' | 'other-kind' | 'no-kind'}
 */
function documentation(name, kind, documented) {
    const kinds = documented.get(name.toUpperCase());
    if (kinds === undefined) {
        return 'unnamed';
    }
    if (kinds.has(kind)) {
        return 'documented';
    }
    return kinds.size > 0 ? 'other-kind' : 'no-kind';
}

/**
 * The words and operators of one line of shell: quotes removed from words, a comment (# at the start of a word)
 * dropped, and the operators that end a command (; & && | || ( ) and the backtick) as their own items.
 * @param {string} line
 * @returns {{ word?: string, operator?: string }[]}
 */
function shellTokens(line) {
    const tokens = [];
    let word;
    let i = 0;
    const end = () => {
        if (word !== undefined) {
            tokens.push({ word });
            word = undefined;
        }
    };
    while (i < line.length) {
        const c = line[i];
        if (c === ' ' || c === '\t') {
            end();
            i++;
        } else if (c === '#' && word === undefined) {
            break;
        } else if (c === "'") {
            const close = line.indexOf("'", i + 1);
            const stop = close < 0 ? line.length : close;
            word = (word ?? '') + line.slice(i + 1, stop);
            i = stop + 1;
        } else if (c === '"') {
            let j = i + 1;
            let text = '';
            while (j < line.length && line[j] !== '"') {
                if (line[j] === '\\' && j + 1 < line.length) {
                    text += line[j + 1];
                    j += 2;
                } else {
                    text += line[j];
                    j++;
                }
            }
            word = (word ?? '') + text;
            i = j + 1;
        } else if (c === '\\' && i + 1 < line.length) {
            word = (word ?? '') + line[i + 1];
            i += 2;
        } else if (';&|()`'.includes(c)) {
            end();
            const double = (c === '&' || c === '|') && line[i + 1] === c;
            tokens.push({ operator: double ? c + c : c });
            i += double ? 2 : 1;
        } else {
            word = (word ?? '') + c;
            i++;
        }
    }
    end();
    return tokens;
}

/**
 * The npm scripts a `run:` text runs, read as npm reads its arguments: backslash continuations joined, comments
 * dropped, npm's own flags skipped before and after the command (with their values: --prefix <dir>, -C <dir>,
 * --loglevel <level> …), `npm test|t|tst|start|stop|restart` as the script of that name.
 * @param {string} run
 * @returns {{ script: string, prefix?: string, workspace?: string, lifecycle?: string }[]}
 */
export function npmRuns(run) {
    const found = [];
    for (const line of run.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
        const tokens = shellTokens(line);
        for (let i = 0; i < tokens.length; i++) {
            if (tokens[i].word !== 'npm') {
                continue;
            }
            const options = {};
            /** Skips npm's flags from `at`; returns the index of the first other item. */
            const skipFlags = (at) => {
                let j = at;
                while (j < tokens.length && tokens[j].word?.startsWith('-') && tokens[j].word !== '--') {
                    const flag = tokens[j].word;
                    const equals = flag.indexOf('=');
                    const raw = (equals < 0 ? flag : flag.slice(0, equals)).replace(/^--?/, '');
                    const name = NPM_SHORTHANDS[raw] ?? raw;
                    let value = equals < 0 ? undefined : flag.slice(equals + 1);
                    j++;
                    if (value === undefined && NPM_VALUE_FLAGS.has(name)) {
                        value = tokens[j]?.word;
                        j++;
                    } else if (value === undefined && ['true', 'false'].includes(tokens[j]?.word)) {
                        j++;
                    }
                    if (name === 'prefix' && value !== undefined) {
                        options.prefix = value;
                    } else if (name === 'workspace' && value !== undefined) {
                        options.workspace = value;
                    } else if (name === 'workspaces' || name === 'ws') {
                        options.workspace = '*';
                    }
                }
                return j;
            };
            let j = skipFlags(i + 1);
            const command = tokens[j]?.word;
            if (command !== undefined && NPM_RUN_COMMANDS.has(command)) {
                j = skipFlags(j + 1);
                if (tokens[j]?.word === '--') {
                    j++;
                }
                const script = tokens[j]?.word;
                if (script !== undefined && script !== '') {
                    found.push({ script, ...options });
                }
            } else if (command !== undefined && Object.hasOwn(NPM_LIFECYCLE, command)) {
                found.push({ script: NPM_LIFECYCLE[command], ...options, lifecycle: command });
            }
        }
    }
    return found;
}

/** The unknown value of the expression evaluator: a context it does not know, a status function. */
const UNKNOWN = Symbol('unknown');

/**
 * Evaluates a GitHub expression (an `if:`) for one event, knowing only github.event_name: true or false when
 * the event decides it, UNKNOWN otherwise (any other context, a status function, a syntax it does not read).
 * Strings compare ignoring case, as GitHub compares them.
 * @param {string} text
 * @param {string} eventName
 */
export function evaluateForEvent(text, eventName) {
    const tokens = [];
    const pattern = /\s*(?:('(?:[^']|'')*')|(-?\d+(?:\.\d+)?)|([A-Za-z_][\w-]*)|(==|!=|<=|>=|&&|\|\||[!<>()[\].,*]))/y;
    let at = 0;
    while (at < text.length) {
        pattern.lastIndex = at;
        const match = pattern.exec(text);
        if (!match) {
            if (text.slice(at).trim() === '') {
                break;
            }
            return UNKNOWN;
        }
        at = pattern.lastIndex;
        if (match[1] !== undefined) {
            tokens.push({ value: match[1].slice(1, -1).replace(/''/g, "'") });
        } else if (match[2] !== undefined) {
            tokens.push({ value: Number(match[2]) });
        } else if (match[3] !== undefined) {
            tokens.push({ name: match[3] });
        } else {
            tokens.push({ op: match[4] });
        }
    }
    let position = 0;
    const peek = () => tokens[position];
    const take = (op) => {
        if (peek()?.op === op) {
            position++;
            return true;
        }
        return false;
    };
    const truthy = (value) => (value === UNKNOWN ? UNKNOWN : Boolean(value) && !Number.isNaN(value));
    const fail = () => {
        throw new Error('unreadable');
    };

    function primary() {
        const token = tokens[position++];
        if (token === undefined) {
            fail();
        }
        if (token.op === '(') {
            const value = or();
            if (!take(')')) fail();
            return value;
        }
        if ('value' in token) {
            return token.value;
        }
        if (token.name === undefined) {
            fail();
        }
        const lower = token.name.toLowerCase();
        if (['true', 'false', 'null'].includes(lower) && peek()?.op !== '(') {
            return { true: true, false: false, null: null }[lower];
        }
        if (take('(')) {
            if (!take(')')) {
                do {
                    or();
                } while (take(','));
                if (!take(')')) fail();
            }
            return UNKNOWN;
        }
        // A context and its properties: only github.event_name is known.
        const path = [lower];
        for (;;) {
            if (take('.')) {
                const property = tokens[position++];
                if (property?.name === undefined && property?.op !== '*') fail();
                path.push(property.name?.toLowerCase() ?? '*');
            } else if (take('[')) {
                const index = or();
                if (!take(']')) fail();
                path.push(typeof index === 'string' ? index.toLowerCase() : '?');
            } else {
                break;
            }
        }
        return path.join('.') === 'github.event_name' ? eventName : UNKNOWN;
    }
    function unary() {
        if (take('!')) {
            const value = truthy(unary());
            return value === UNKNOWN ? UNKNOWN : !value;
        }
        return primary();
    }
    function comparison() {
        let left = unary();
        for (;;) {
            const op = peek()?.op;
            if (!['==', '!=', '<', '>', '<=', '>='].includes(op)) {
                return left;
            }
            position++;
            const right = unary();
            if (left === UNKNOWN || right === UNKNOWN || (op !== '==' && op !== '!=')) {
                left = UNKNOWN;
                continue;
            }
            const same =
                typeof left === 'string' && typeof right === 'string'
                    ? left.toLowerCase() === right.toLowerCase()
                    : left === right;
            left = op === '==' ? same : !same;
        }
    }
    function and() {
        let left = comparison();
        while (take('&&')) {
            const right = comparison();
            const a = truthy(left);
            const b = truthy(right);
            left = a === false ? left : b === false ? false : a === UNKNOWN || b === UNKNOWN ? UNKNOWN : right;
        }
        return left;
    }
    function or() {
        let left = and();
        while (take('||')) {
            const right = and();
            const a = truthy(left);
            const b = truthy(right);
            left = a === true ? left : b === true ? true : a === UNKNOWN || b === UNKNOWN ? UNKNOWN : right;
        }
        return left;
    }
    try {
        const value = or();
        return position === tokens.length ? truthy(value) : UNKNOWN;
    } catch {
        return UNKNOWN;
    }
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
 * @param {{ scriptsOf: Function, documented: Map<string, Set<string>>, report: Function }} context
 */
function checkWorkflow(file, { scriptsOf, documented, report }) {
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
    /** Reports a secret or variable no document names as that kind, once per workflow (at its first use). */
    const undocumented = new Set();
    function checkDocumented(name, kind, at) {
        const key = `${kind} ${name.toUpperCase()}`;
        if ((kind === 'secret' && BUILT_IN_SECRETS.has(name.toUpperCase())) || undocumented.has(key)) {
            return;
        }
        const state = documentation(name, kind, documented);
        if (state === 'documented') {
            return;
        }
        undocumented.add(key);
        const rule = kind === 'secret' ? 'secrets' : 'variables';
        const read = `${kind === 'secret' ? 'secrets' : 'vars'}.${name}`;
        const shown = name.toUpperCase();
        const other = kind === 'secret' ? 'variable' : 'secret';
        const how =
            kind === 'secret'
                ? 'what it holds and how to create it'
                : 'what it holds and where to set it (Settings → Secrets and variables → Actions → Variables)';
        const message = {
            unnamed:
                `reads ${read}, which neither README.md nor CONTRIBUTING.md names as a ${kind}: write there ` +
                `\`${shown}\`, a ${kind}: ${how}`,
            'other-kind':
                `reads ${read}, which README.md or CONTRIBUTING.md names as a ${other}, not as a ${kind}: ` +
                `make it a ${kind}, or read it as ${kind === 'secret' ? 'vars' : 'secrets'}.${name}`,
            'no-kind':
                `reads ${read}: README.md or CONTRIBUTING.md names \`${shown}\`, but never says it is a ${kind} ` +
                `(write \`${shown}\`, a ${kind}: … or the ${kind} \`${shown}\`)`
        }[state];
        problem(rule, at, message);
    }
    const checkSecretNamed = (name, at) => checkDocumented(name, 'secret', at);

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
    for (const { name, path: at } of referencesIn(workflow, [], VARIABLE_REFERENCE)) {
        checkDocumented(name, 'variable', at);
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
    const pullRequestEvents = events.filter((event) => PULL_REQUEST_EVENTS.has(event));
    const forksRunIt = pullRequestEvents.length > 0;
    /** Whether a condition is false for every pull request event of the workflow (github.event_name == 'push' …). */
    const excludesPullRequests = (condition) =>
        condition !== '' && pullRequestEvents.every((event) => evaluateForEvent(condition, event) === false);
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
        const whole = wholeSecretsIn(workflow.env, ['env']) ?? wholeSecretsIn(job, ['jobs', id]);
        if (whole !== undefined) {
            names.push(`all of them: ${whole}`);
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
            excludesPullRequests(condition) ||
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
                    "and prints a notice, and read the gate's output in its if: (or keep it off pull requests: " +
                    "if: github.event_name == 'push')"
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
        /** The steps that create an org, and the indexes of those that delete one. */
        const creates = [];
        const deletes = [];
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
            const workingDirectory =
                step['working-directory'] ??
                job.defaults?.run?.['working-directory'] ??
                workflow.defaults?.run?.['working-directory'] ??
                '.';
            const npm = npmRuns(run);
            for (const { script, prefix, workspace, lifecycle } of npm) {
                if (
                    script.includes('$') ||
                    workspace !== undefined ||
                    /[$]/.test(`${workingDirectory}${prefix ?? ''}`)
                ) {
                    continue;
                }
                const shown = lifecycle === undefined ? `npm run ${script}` : `npm ${lifecycle}`;
                const scripts = scriptsOf(String(workingDirectory), prefix);
                if (scripts === undefined) {
                    continue;
                }
                if (scripts.file === undefined) {
                    problem(
                        'scripts',
                        [...at, 'run'],
                        `${label} runs \`${shown}\` in ${prefix ?? workingDirectory}/, which has no package.json`
                    );
                } else if (!scripts.names.has(script)) {
                    problem('scripts', [...at, 'run'], `${label} runs \`${shown}\`, not a script of ${scripts.file}`);
                }
            }
            const joined = run.replace(/\\\r?\n/g, ' ');
            if (npm.some(({ script }) => script === 'org:create') || ORG_CREATE.test(joined)) {
                creates.push({ index, at, label });
            }
            if (npm.some(({ script }) => script === 'org:delete') || ORG_DELETE.test(joined)) {
                deletes.push(index);
                if (!ALWAYS.test(conditionOf(step))) {
                    problem(
                        'delete',
                        [...at, step.if === undefined ? 'run' : 'if'],
                        `${label} deletes an org without \`if: always()\`: after a failed step the org would be left behind`
                    );
                }
            }
        });
        for (const create of creates) {
            if (!deletes.some((index) => index > create.index)) {
                problem(
                    'delete',
                    [...create.at, 'run'],
                    `job '${id}' creates an org in step ${create.index + 1}${create.label.replace(/^step \d+ of job '[^']*'/, '')}, ` +
                        'and no later step deletes it: end the job with a step that deletes it (npm run org:delete) with ' +
                        '`if: always()`'
                );
            }
        }
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
    const root = path.resolve(projectDir);
    const packages = new Map();
    /** The scripts of a package.json, by the folder that holds it (undefined when it has none). */
    const scriptsIn = (dir) => {
        if (!packages.has(dir)) {
            const file = path.join(dir, 'package.json');
            packages.set(
                dir,
                existsSync(file)
                    ? new Set(Object.keys(JSON.parse(readFileSync(file, 'utf8')).scripts ?? {}))
                    : undefined
            );
        }
        return packages.get(dir);
    };
    /**
     * The package.json npm reads for a step: the --prefix folder's, else the nearest one from the working
     * directory up to the project (as npm looks for it). `{ file: undefined }` for a prefix with none; undefined
     * when the folder is outside the project.
     */
    const scriptsOf = (workingDirectory, prefix) => {
        const start = path.resolve(root, workingDirectory);
        const dir = prefix === undefined ? start : path.resolve(start, prefix);
        if (path.relative(root, dir).startsWith('..')) {
            return undefined;
        }
        let at = dir;
        while (scriptsIn(at) === undefined && prefix === undefined && at !== root) {
            at = path.dirname(at);
        }
        const names = scriptsIn(at);
        const relative = path.relative(root, at).split(path.sep).join('/');
        return names === undefined
            ? { file: undefined }
            : { file: relative === '' ? 'package.json' : `${relative}/package.json`, names };
    };
    const documented = documentedNames(
        ['README.md', 'CONTRIBUTING.md']
            .map((name) => path.join(projectDir, name))
            .filter((file) => existsSync(file))
            .map((file) => readFileSync(file, 'utf8'))
            .join('\n')
    );
    if (files.length === 0) {
        report('parse', dir, undefined, 'holds no workflow (*.yml, *.yaml)');
    }
    for (const file of files) {
        checkWorkflow(file, { scriptsOf, documented, report });
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
