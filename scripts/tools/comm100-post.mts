#!/usr/bin/env node
// Posts Comm100 payloads (fixtures, or chats exported from the Comm100 API) to the package's webhook
// endpoint in an org: to test a connection, or to backfill history.
//
//   npm run comm100:post -- <file|folder>... (--target-org <alias> | --url <endpoint>) [options]
//
//   --target-org <alias>   post as that authenticated org user: `sf org display` gives the instance URL and
//                          `sf org auth show-access-token` the access token (sf org display only shows it redacted,
//                          "[REDACTED] Use 'sf org auth show-access-token' to view"; a token that looks redacted
//                          counts as none). The token is sent, never printed
//   --url <endpoint>       post to this endpoint instead (for example a Salesforce Site URL); a Site webhook
//                          address carries its key (…/hooks/<key>), printed everywhere as …/hooks/<key hidden>
//
// Environment:
//   COMM100_POST_URL       the endpoint, read when neither --url nor --target-org is given. Give a Site webhook
//                          address (its key is a secret) this way rather than on the command line, where the
//                          process list shows it and `npm run` writes it to its log (the org scripts do)
//   COMM100_WEBHOOK_SECRET the --secret, when --secret is not given
//   --access-token <t>     bearer token to send with --url
//   --secret <s>           sign each body (HMAC-SHA256 over "timestamp.body"); or COMM100_WEBHOOK_SECRET
//   --source <s>           webhook (default), api_v2, api_v3 or api_v4 (chats from the Comm100 API)
//   --namespace <ns>       the package namespace, when installed as a managed package
//   --max-body <n>         the endpoint's Max Body Characters (default 393216): a longer file is sent in parts
//   --part-characters <n>  the most characters in one part (default 120000, at least 2)
//   --dry-run              print what would be sent, send nothing
//
// Folders are read recursively for *.json files; a named file is sent whatever its extension. Each file
// is one request (an event, an array of events, or one or more API chats), or one message in parts when it
// is over the endpoint's limit. The command exits 1 when any file is refused.
//
// Parts. A file longer than --max-body, or one the endpoint refuses with 413 and split details
// ({"error": {"details": {"maxBodyCharacters", "partCharacters", "partHeaders"}}}), is sent as one message
// in parts: consecutive slices of its text of at most partCharacters UTF-16 units each (the unit Apex's
// String.length() counts), never cut inside a surrogate pair, so every part is valid UTF-8 on its own and
// joining them in order gives the file back exactly. Each part is its own POST with X-Comm100-Message-Id
// (32 random hex digits, the same for all parts), X-Comm100-Part: <n>/<count>, and, when the file is one
// JSON object, X-Comm100-Event-Type and X-Comm100-Chat-Id as labels; it is signed on its own body and
// retried like any request. Parts go one after another in order; the first part refused after its retries
// stops the message (the later parts are not sent) and fails the file, naming the part. The limits a 413
// gives are used for the rest of the run. At most 100 parts make a message (12,000,000 characters at the
// default part size); a longer file is refused without sending anything.
//
// A request is tried at most three times. A 429 waits as long as the server's Retry-After says (seconds or
// an HTTP-date; up to a minute, beyond which the request is reported, not retried); a 429 without a
// readable Retry-After, a 500, 502, 503, 504 or a network error backs off 0.5 s, then 1 s. Every other
// status is final. Each attempt is signed afresh, so a long wait never sends a stale timestamp.
import { createHmac, randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOURCES = ['webhook', 'api_v2', 'api_v3', 'api_v4'] as const;
export type Source = (typeof SOURCES)[number];

export interface PostOptions {
    inputs: string[];
    targetOrg?: string;
    url?: string;
    accessToken?: string;
    secret?: string;
    source: Source;
    namespace?: string;
    /** Max Body Characters of the endpoint: a longer file is sent in parts. */
    maxBody: number;
    /** The most characters (UTF-16 units) one part holds. */
    partCharacters: number;
    dryRun: boolean;
}

/** Max Body Characters of the endpoint unless configured otherwise (6 × 65,536). */
export const DEFAULT_MAX_BODY_CHARACTERS = 393_216;
/** The part size of the endpoint's contract. */
export const DEFAULT_PART_CHARACTERS = 120_000;
/** The most parts one message may have (X-Comm100-Part: n/count with count ≤ 100). */
export const MAX_PARTS = 100;

export interface Connection {
    endpoint: string;
    accessToken?: string;
}

export interface PostAnswer {
    status: number;
    body: string;
    attempts: number;
    /** Set when a 429 asked to wait longer than MAX_RETRY_AFTER_MS, so the request was not retried. */
    retryAfterMs?: number;
}

export interface PostResult extends PostAnswer {
    file: string;
}

/** Runs a command and returns its standard output (replaceable in tests). */
export type CommandRunner = (command: string, args: string[]) => Promise<string>;

/** The CommandRunner the command uses: runs the program with sf's telemetry and update checks off. */
export const runCommand: CommandRunner = (command, args) =>
    new Promise((resolve, reject) => {
        execFile(
            command,
            args,
            {
                maxBuffer: 16 * 1024 * 1024,
                env: {
                    ...process.env,
                    SF_DISABLE_TELEMETRY: 'true',
                    SF_SKIP_NEW_VERSION_CHECK: 'true',
                    SF_DISABLE_AUTOUPDATE: 'true'
                }
            },
            (error, stdout) => {
                // sf exits non-zero with a JSON error on stdout; keep it for the caller to explain.
                if (error && !stdout) {
                    reject(new Error(`${command} failed: ${error.message}`));
                } else {
                    resolve(stdout);
                }
            }
        );
    });

export class UsageError extends Error {}

/** Parses the command line. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): PostOptions {
    const inputs: string[] = [];
    const options: PostOptions = {
        inputs,
        source: 'webhook',
        maxBody: DEFAULT_MAX_BODY_CHARACTERS,
        partCharacters: DEFAULT_PART_CHARACTERS,
        dryRun: false,
        secret: env.COMM100_WEBHOOK_SECRET || undefined
    };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i] ?? '';
        const value = (): string => {
            const next = argv[++i];
            if (next === undefined || next.startsWith('--')) {
                throw new UsageError(`${arg} needs a value`);
            }
            return next;
        };
        switch (arg) {
            case '--target-org':
                options.targetOrg = value();
                break;
            case '--url':
                options.url = value();
                break;
            case '--access-token':
                options.accessToken = value();
                break;
            case '--secret':
                options.secret = value();
                break;
            case '--namespace':
                options.namespace = value();
                break;
            case '--source': {
                const source = value();
                if (!(SOURCES as readonly string[]).includes(source)) {
                    throw new UsageError(`--source must be one of ${SOURCES.join(', ')}`);
                }
                options.source = source as Source;
                break;
            }
            case '--max-body':
                options.maxBody = wholeNumber(arg, value(), 1);
                break;
            case '--part-characters':
                options.partCharacters = wholeNumber(arg, value(), 2);
                break;
            case '--dry-run':
                options.dryRun = true;
                break;
            default:
                if (arg.startsWith('--')) {
                    throw new UsageError(`unknown option ${arg}`);
                }
                inputs.push(arg);
        }
    }
    if (inputs.length === 0) {
        throw new UsageError('name at least one file or folder of payloads');
    }
    if (!options.targetOrg && !options.url && env.COMM100_POST_URL) {
        options.url = env.COMM100_POST_URL;
    }
    if (!options.targetOrg && !options.url) {
        throw new UsageError('give --target-org <alias> or --url <endpoint> (or the endpoint in COMM100_POST_URL)');
    }
    return options;
}

function wholeNumber(option: string, text: string, least: number): number {
    const number = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
    if (!(number >= least)) {
        throw new UsageError(`${option} must be a whole number of at least ${least}`);
    }
    return number;
}

/** The files to send, in a stable order. */
export function collectFiles(inputs: string[]): string[] {
    const files: string[] = [];
    const walk = (dir: string): void => {
        for (const name of readdirSync(dir).sort()) {
            const full = path.join(dir, name);
            if (statSync(full).isDirectory()) {
                walk(full);
            } else if (name.endsWith('.json')) {
                files.push(full);
            }
        }
    };
    for (const input of inputs) {
        const stats = statSync(input, { throwIfNoEntry: false });
        if (!stats) {
            throw new UsageError(`${input} does not exist`);
        }
        if (stats.isDirectory()) {
            walk(input);
        } else {
            files.push(input);
        }
    }
    return files;
}

/** The endpoint path, with the namespace of a managed install. */
export function endpointPath(namespace?: string): string {
    return `/services/apexrest/${namespace ? `${namespace}/` : ''}comm100/v1/webhooks`;
}

/** What `sf <command> --json` answers (the fields this command reads). */
interface SfAnswer {
    status?: number;
    message?: string;
    result?: { instanceUrl?: string; accessToken?: string };
}

/** The redacted stand-in sf prints for a secret ("[REDACTED] Use 'sf org auth show-access-token' to view"). */
const REDACTED = /redacted/i;

/**
 * Whether a value sf gave as an access token is not one: empty, or a redacted stand-in (an access token holds no
 * blank and never says REDACTED).
 */
export function isRedactedToken(token: string | undefined): boolean {
    return !token || REDACTED.test(token) || /\s/.test(token);
}

/** Text quoted in an error, with any access token in it hidden (sf org display shows one with SF_TEMP_SHOW_SECRETS). */
function withoutTokens(text: string): string {
    return text.replace(/("accessToken"\s*:\s*")[^"]*"/g, '$1<hidden>"');
}

/**
 * Runs `sf <args>` and parses its JSON answer (a warning line before the JSON is skipped). quote: whether an
 * answer that is not JSON may be quoted in the error (never for a command that prints a secret).
 */
async function sfJson(run: CommandRunner, args: string[], quote: boolean): Promise<SfAnswer> {
    const output = await run('sf', [...args, '--json']);
    const flag = args.findIndex((arg) => arg.startsWith('-'));
    const command = `sf ${args.slice(0, flag < 0 ? args.length : flag).join(' ')}`;
    for (const text of [output, output.slice(Math.max(0, output.search(/^\{/m)))]) {
        try {
            return JSON.parse(text) as SfAnswer;
        } catch {
            // not JSON (yet): try from the first line that opens an object
        }
    }
    throw new Error(
        quote
            ? `${command} did not answer JSON: ${withoutTokens(output.slice(0, 200))}`
            : `${command} did not answer JSON`
    );
}

/**
 * Finds where and as whom to post: --url (with --access-token), or the org of --target-org: its instance URL
 * from `sf org display`, its access token from `sf org auth show-access-token` (sf org display shows it redacted).
 * An error never holds the token.
 */
export async function resolveConnection(options: PostOptions, run: CommandRunner = runCommand): Promise<Connection> {
    if (options.url) {
        return { endpoint: options.url, accessToken: options.accessToken };
    }
    const org = options.targetOrg ?? '';
    const display = await sfJson(run, ['org', 'display', '--target-org', org], true);
    const instanceUrl = display.result?.instanceUrl;
    if (display.status !== 0 || !instanceUrl) {
        throw new Error(`cannot use org ${org}: ${display.message ?? 'sf org display gave no instance URL'}`);
    }
    const shown = await sfJson(run, ['org', 'auth', 'show-access-token', '--target-org', org], false);
    if (shown.status !== 0) {
        throw new Error(`cannot use org ${org}: ${shown.message ?? 'sf org auth show-access-token failed'}`);
    }
    const accessToken = shown.result?.accessToken;
    if (isRedactedToken(accessToken)) {
        throw new Error(
            `cannot use org ${org}: sf org auth show-access-token gave ${accessToken ? 'a redacted access token, not the token itself' : 'no access token'}`
        );
    }
    return { endpoint: `${instanceUrl.replace(/\/$/, '')}${endpointPath(options.namespace)}`, accessToken };
}

/** The signature headers the endpoint checks. */
export function signatureHeaders(secret: string, body: string, nowSeconds: number): Record<string, string> {
    const timestamp = String(nowSeconds);
    const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
    return { 'X-Comm100-Timestamp': timestamp, 'X-Comm100-Signature': `sha256=${signature}` };
}

const RETRYABLE = new Set([429, 500, 502, 503, 504]);
const MAX_ATTEMPTS = 3;
const BACKOFF_MS = 500;

/** The longest Retry-After the command waits for; a 429 that asks for more is reported, not retried. */
export const MAX_RETRY_AFTER_MS = 60_000;

// The three HTTP-date forms of RFC 9110 section 5.6.7: IMF-fixdate, obsolete RFC 850 and asctime.
const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_850_DATE = /^[A-Z][a-z]+, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT$/;
const ASCTIME_DATE = /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

/**
 * How long a Retry-After header asks to wait, in milliseconds: delay-seconds ("120") or an HTTP-date
 * ("Sun, 06 Nov 1994 08:49:37 GMT"), counted from nowMs; a date already past means at once. Undefined
 * when the header is missing or is neither form.
 */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
    if (header === null) {
        return undefined;
    }
    const value = header.trim();
    if (/^\d+$/.test(value)) {
        return Number(value) * 1000;
    }
    let date = Number.NaN;
    if (IMF_FIXDATE.test(value) || RFC_850_DATE.test(value)) {
        date = Date.parse(value);
    } else if (ASCTIME_DATE.test(value)) {
        date = Date.parse(`${value} GMT`); // asctime carries no zone; HTTP dates are always GMT
    }
    return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** What postBody needs of the options, and headers to add to every attempt (the part headers). */
export type BodyOptions = Pick<PostOptions, 'secret' | 'source'> & { headers?: Record<string, string> };

/** Posts one body, retrying throttling, server and network errors: three attempts in all (see the header). */
export async function postBody(
    connection: Connection,
    options: BodyOptions,
    body: string,
    sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => number = Date.now
): Promise<PostAnswer> {
    const url = new URL(connection.endpoint);
    if (options.source !== 'webhook') {
        url.searchParams.set('source', options.source);
    }
    let attempts = 0;
    for (;;) {
        attempts++;
        const headers: Record<string, string> = {
            'Content-Type': 'application/json; charset=utf-8',
            ...options.headers
        };
        if (connection.accessToken) {
            headers.Authorization = `Bearer ${connection.accessToken}`;
        }
        if (options.secret) {
            Object.assign(headers, signatureHeaders(options.secret, body, Math.floor(now() / 1000)));
        }
        let delay = BACKOFF_MS * 2 ** (attempts - 1);
        try {
            const response = await fetch(url, { method: 'POST', headers, body });
            const text = await response.text();
            if (!RETRYABLE.has(response.status) || attempts >= MAX_ATTEMPTS) {
                return { status: response.status, body: text, attempts };
            }
            const asked =
                response.status === 429 ? retryAfterMs(response.headers.get('retry-after'), now()) : undefined;
            if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) {
                return { status: response.status, body: text, attempts, retryAfterMs: asked };
            }
            delay = asked ?? delay;
        } catch (error) {
            if (attempts >= MAX_ATTEMPTS) {
                return { status: 0, body: `network error: ${(error as Error).message}`, attempts };
            }
        }
        await sleep(delay);
    }
}

const HIGH_SURROGATE_FIRST = 0xd800;
const HIGH_SURROGATE_LAST = 0xdbff;

/**
 * Where a part that starts at start and holds at most maxLength UTF-16 units ends (exclusive): start +
 * maxLength, or one unit earlier when that would fall between the two halves of a surrogate pair. The same
 * rule as the package's Apex TextSlices.safeEnd, so the command and the org cut text alike.
 */
export function safeEnd(text: string, start: number, maxLength: number): number {
    if (!Number.isInteger(maxLength) || maxLength < 2) {
        throw new RangeError('A part must hold at least 2 characters, or a surrogate pair would be cut.');
    }
    let stop = Math.min(start + maxLength, text.length);
    const last = text.charCodeAt(stop - 1);
    if (stop < text.length && last >= HIGH_SURROGATE_FIRST && last <= HIGH_SURROGATE_LAST) {
        stop--;
    }
    return stop;
}

/** The text in consecutive slices of at most maxLength UTF-16 units, each ending on a code-point boundary. */
export function splitText(text: string, maxLength: number): string[] {
    const parts: string[] = [];
    for (let start = 0; start < text.length;) {
        const stop = safeEnd(text, start, maxLength);
        parts.push(text.slice(start, stop));
        start = stop;
    }
    return parts;
}

/** A new message id for the parts of one message: 32 random hex digits. */
export function newMessageId(): string {
    return randomBytes(16).toString('hex');
}

/** How the endpoint says a body must be split: the details of its 413. */
export interface SplitDetails {
    maxBodyCharacters: number;
    partCharacters: number;
}

/**
 * The split details of a 413 answer body ({"error": {"details": {"maxBodyCharacters", "partCharacters",
 * "partHeaders": ["X-Comm100-Message-Id", "X-Comm100-Part"]}}}), or undefined when the body has none (an
 * endpoint that does not take parts): then the 413 is final.
 */
export function splitDetails(body: string): SplitDetails | undefined {
    let details: { maxBodyCharacters?: unknown; partCharacters?: unknown; partHeaders?: unknown } | undefined;
    try {
        details = (JSON.parse(body) as { error?: { details?: typeof details } } | null)?.error?.details;
    } catch {
        return undefined;
    }
    const { maxBodyCharacters, partCharacters, partHeaders } = details ?? {};
    const headers = Array.isArray(partHeaders) ? partHeaders.map((h) => String(h).toLowerCase()) : [];
    if (
        !Number.isSafeInteger(maxBodyCharacters) ||
        (maxBodyCharacters as number) < 1 ||
        !Number.isSafeInteger(partCharacters) ||
        (partCharacters as number) < 2 ||
        !headers.includes('x-comm100-message-id') ||
        !headers.includes('x-comm100-part')
    ) {
        return undefined;
    }
    return { maxBodyCharacters: maxBodyCharacters as number, partCharacters: partCharacters as number };
}

/** A value that can travel as a label header: printable ASCII without spaces, at most maxLength characters. */
function label(value: unknown, maxLength: number): string | undefined {
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    return text.length <= maxLength && /^[!-~]+$/.test(text) ? text : undefined;
}

/** The longest labels the endpoint takes: a longer one is refused with 400 INVALID_PART_HEADER. */
const EVENT_TYPE_LABEL_LENGTH = 40;
const CHAT_ID_LABEL_LENGTH = 80;

function child(value: unknown, name: string): Record<string, unknown> {
    const member = (value as Record<string, unknown>)[name];
    return member !== null && typeof member === 'object' ? (member as Record<string, unknown>) : {};
}

/**
 * The optional label headers of the parts of a body that is one JSON object: X-Comm100-Event-Type (the
 * webhook's event, or "chat" for an API chat) and X-Comm100-Chat-Id (where the endpoint looks for it).
 * Labels only: the org takes the real values from the reassembled payload. None for anything else.
 */
export function partLabels(body: string, source: Source): Record<string, string> {
    let parsed: unknown;
    try {
        parsed = JSON.parse(body);
    } catch {
        return {};
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        return {};
    }
    const payload = parsed as Record<string, unknown>;
    const eventType = label(source === 'webhook' ? payload.event : 'chat', EVENT_TYPE_LABEL_LENGTH);
    const chatId =
        source === 'webhook'
            ? [
                  child(payload, 'chat').id,
                  child(payload, 'offline_message').id,
                  payload.chat_id,
                  child(payload, 'visitor').chat_id
              ]
                  .map((id) => label(id, CHAT_ID_LABEL_LENGTH))
                  .find((id) => id !== undefined)
            : label(payload.id, CHAT_ID_LABEL_LENGTH);
    const labels: Record<string, string> = {};
    if (eventType !== undefined) {
        labels['X-Comm100-Event-Type'] = eventType;
    }
    if (chatId !== undefined) {
        labels['X-Comm100-Chat-Id'] = chatId;
    }
    return labels;
}

/** The answer to one part of a message. */
export interface PartAnswer extends PostAnswer {
    part: number;
    count: number;
    characters: number;
}

/** What became of a message sent in parts. */
export interface MessageAnswer {
    messageId: string;
    count: number;
    /** The answers of the parts sent, in order; when the message failed, the last is the refused part. */
    parts: PartAnswer[];
    /** Every part was accepted. */
    complete: boolean;
}

/** What postMessage may be given besides the parts. */
export interface MessageExtras {
    messageId?: string;
    /** Called with each part's answer as it comes. */
    onPart?: (answer: PartAnswer) => void;
    sleep?: (ms: number) => Promise<void>;
    now?: () => number;
}

/**
 * Posts the parts of one message in order, each with X-Comm100-Message-Id and X-Comm100-Part, signed and
 * retried like any body (postBody). Stops at the first part refused after its retries.
 */
export async function postMessage(
    connection: Connection,
    options: BodyOptions,
    parts: string[],
    extras: MessageExtras = {}
): Promise<MessageAnswer> {
    const messageId = extras.messageId ?? newMessageId();
    const answers: PartAnswer[] = [];
    for (const [index, body] of parts.entries()) {
        const headers = {
            ...options.headers,
            'X-Comm100-Message-Id': messageId,
            'X-Comm100-Part': `${index + 1}/${parts.length}`
        };
        const answer = await postBody(connection, { ...options, headers }, body, extras.sleep, extras.now);
        const partAnswer: PartAnswer = { ...answer, part: index + 1, count: parts.length, characters: body.length };
        answers.push(partAnswer);
        extras.onPart?.(partAnswer);
        if (!accepted(answer.status)) {
            return { messageId, count: parts.length, parts: answers, complete: false };
        }
    }
    return { messageId, count: parts.length, parts: answers, complete: true };
}

function accepted(status: number): boolean {
    return status >= 200 && status < 300;
}

/** An answer in words: "202 after 2 attempts: accepted chat_ended c-1". */
function verdict(answer: PostAnswer): string {
    type Entry = { comm100Id?: string; eventType?: string; messageId?: string; part?: number; of?: number };
    const name = (entry: Entry): string =>
        entry.messageId === undefined ? `${entry.eventType} ${entry.comm100Id}` : `part ${entry.part}/${entry.of}`;
    let detail = answer.body.slice(0, 300);
    try {
        const parsed = JSON.parse(answer.body) as {
            accepted?: Entry[];
            failed?: (Entry & { logId?: string })[];
            error?: { code: string; message: string };
        };
        if (parsed.accepted) {
            detail = `accepted ${parsed.accepted.length > 0 ? parsed.accepted.map(name).join(', ') : 'nothing'}`;
            const kept = (parsed.failed ?? []).map((f) => `${name(f)}${f.logId ? ` (log ${f.logId})` : ''}`);
            if (kept.length > 0) {
                // 202 with failed items: not published, but kept in the org as Failed logs that can be replayed.
                detail += `; not published but kept in the org to replay: ${kept.join(', ')}`;
            }
        } else if (parsed.error) {
            detail = `${parsed.error.code}: ${parsed.error.message}`;
        }
    } catch {
        // not JSON: keep the raw text
    }
    const retried = answer.attempts > 1 ? ` after ${answer.attempts} attempts` : '';
    const waitRefused =
        answer.retryAfterMs === undefined
            ? ''
            : ` (the server asked to retry in ${Math.ceil(answer.retryAfterMs / 1000)} s, longer than the ${MAX_RETRY_AFTER_MS / 1000} s this command waits)`;
    return `${answer.status}${retried}: ${detail}${waitRefused}`;
}

/** Explains one answer of the endpoint in a line. */
export function describe(result: PostResult): string {
    return `${accepted(result.status) ? '✓' : '✗'} ${result.file} → ${verdict(result)}`;
}

/** Explains the answer to one part in an indented line. */
export function describePart(answer: PartAnswer): string {
    return `    ${accepted(answer.status) ? '✓' : '✗'} part ${answer.part}/${answer.count} (${answer.characters} characters) → ${verdict(answer)}`;
}

/** Explains what became of a message sent in parts in a line. */
export function describeMessage(file: string, message: MessageAnswer): string {
    const last = message.parts[message.parts.length - 1];
    if (message.complete || last === undefined) {
        return `✓ ${file} → ${last?.status ?? 202}: message ${message.messageId} accepted in ${message.count} parts`;
    }
    const sentences = [`part ${last.part}/${message.count} of message ${message.messageId} was refused`];
    if (last.part + 1 === message.count) {
        sentences.push(`part ${message.count} was not sent`);
    } else if (last.part < message.count) {
        sentences.push(`parts ${last.part + 1}–${message.count} were not sent`);
    }
    const kept = last.part - 1;
    if (kept > 0) {
        sentences.push(
            `the ${kept === 1 ? 'part' : `${kept} parts`} already accepted ${kept === 1 ? 'waits' : 'wait'} in the org until its parts timeout dead-letters ${kept === 1 ? 'it' : 'them'}`
        );
    }
    sentences.push('send the file again');
    return `✗ ${file} → ${last.status}: ${sentences.join('; ')}`;
}

/** What the key of a Site webhook address (…/hooks/<key>) is printed as. */
export const HIDDEN_KEY = '<key hidden>';

/** The path segment after /hooks/ of a Site webhook address: the site key. */
const HOOKS_KEY = /(\/hooks\/)([^/?#\s"'<>]+)/g;

/** A site key shorter than this is not hidden wherever it appears, only after /hooks/ (it would hide ordinary words). */
const MIN_HIDDEN_KEY_LENGTH = 8;

/** The site keys of the Site webhook addresses in texts (the segment after /hooks/), such as the command line. */
export function hookKeys(texts: string[]): string[] {
    const keys = new Set<string>();
    for (const text of texts) {
        for (const match of text.matchAll(HOOKS_KEY)) {
            const key = match[2] ?? '';
            if (key.length >= MIN_HIDDEN_KEY_LENGTH) {
                keys.add(key);
            }
        }
    }
    return [...keys];
}

/**
 * A text as the command prints it: every Site webhook address with its key as /hooks/<key hidden>, and each of
 * keys hidden wherever else it appears (an answer that quotes it). The key is a secret: whoever has the address
 * can post as Comm100. The request itself still goes to the real address.
 */
export function maskKeys(text: string, keys: string[] = []): string {
    let masked = text.replace(HOOKS_KEY, `$1${HIDDEN_KEY}`);
    for (const key of keys) {
        masked = masked.split(key).join(HIDDEN_KEY);
    }
    return masked;
}

/** A printer that prints every line through maskKeys, with the keys of the command line and of COMM100_POST_URL. */
function masking(print: (line: string) => void, argv: string[], env: NodeJS.ProcessEnv): (line: string) => void {
    const keys = hookKeys([...argv, env.COMM100_POST_URL ?? '']);
    return (line) => {
        print(maskKeys(line, keys));
    };
}

/**
 * Runs the command; returns the exit code. Whatever it prints has the site key hidden (maskKeys). env: where
 * COMM100_POST_URL and COMM100_WEBHOOK_SECRET are read.
 */
export async function main(
    argv: string[],
    run: CommandRunner = runCommand,
    print: (line: string) => void = console.log,
    env: NodeJS.ProcessEnv = process.env
): Promise<number> {
    const log = masking(print, argv, env);
    let options: PostOptions;
    try {
        options = parseOptions(argv, env);
    } catch (error) {
        log(`✗ ${(error as Error).message}`);
        log(
            'usage: npm run comm100:post -- <file|folder>... (--target-org <alias> | --url <endpoint> | env COMM100_POST_URL) [--secret s] [--source api_v3] [--max-body n] [--part-characters n] [--dry-run]'
        );
        return 2;
    }
    const files = collectFiles(options.inputs);
    const connection =
        options.dryRun && !options.url
            ? { endpoint: endpointPath(options.namespace) }
            : await resolveConnection(options, run);
    log(
        `${files.length} file(s) → ${connection.endpoint}${options.secret ? ' (signed)' : ''}${options.dryRun ? ' [dry run]' : ''}`
    );
    // The endpoint's limits: the options' until a 413 says otherwise, then the 413's for the rest of the run.
    let maxBody = options.maxBody;
    let partCharacters = options.partCharacters;

    /** Sends one file as a message in parts; says why first. True when every part was accepted. */
    const sendInParts = async (file: string, body: string, why: string): Promise<boolean> => {
        let reason = why;
        for (;;) {
            const parts = splitText(body, partCharacters);
            if (parts.length > MAX_PARTS) {
                log(
                    `✗ ${file} → not sent: ${reason}; it needs ${parts.length} parts of at most ${partCharacters} characters, more than the ${MAX_PARTS} a message may have`
                );
                return false;
            }
            const messageId = newMessageId();
            log(
                `  ${file}: ${reason}: sending ${parts.length} part(s) of at most ${partCharacters} characters as message ${messageId}`
            );
            const message = await postMessage(
                connection,
                { ...options, headers: partLabels(body, options.source) },
                parts,
                {
                    messageId,
                    onPart: (answer) => {
                        log(describePart(answer));
                    }
                }
            );
            const refused = message.complete ? undefined : message.parts[message.parts.length - 1];
            const smaller = refused?.part === 1 && refused.status === 413 ? splitDetails(refused.body) : undefined;
            if (smaller !== undefined && smaller.partCharacters < partCharacters) {
                // Nothing of this message was accepted: send it again in the smaller parts the endpoint takes.
                maxBody = smaller.maxBodyCharacters;
                partCharacters = smaller.partCharacters;
                reason = `the endpoint answered 413 to part 1: a part holds at most ${partCharacters} characters`;
                continue;
            }
            log(describeMessage(file, message));
            return message.complete;
        }
    };

    let failures = 0;
    for (const file of files) {
        const body = readFileSync(file, 'utf8');
        if (options.dryRun) {
            const count = body.length > maxBody ? splitText(body, partCharacters).length : 0;
            const inParts =
                count === 0
                    ? ''
                    : ` in ${count} parts of at most ${partCharacters} characters${count > MAX_PARTS ? `, more than the ${MAX_PARTS} a message may have: it would be refused` : ''}`;
            log(`  would post ${file} (${body.length} characters, source ${options.source})${inParts}`);
            continue;
        }
        let sent: boolean;
        if (body.length > maxBody) {
            sent = await sendInParts(file, body, `${body.length} characters, over the limit of ${maxBody}`);
        } else {
            const answer = await postBody(connection, options, body);
            const split = answer.status === 413 ? splitDetails(answer.body) : undefined;
            if (split === undefined) {
                sent = accepted(answer.status);
                log(describe({ file, ...answer }));
            } else {
                maxBody = split.maxBodyCharacters;
                partCharacters = split.partCharacters;
                sent = await sendInParts(
                    file,
                    body,
                    `the endpoint answered 413: ${body.length} characters, over its limit of ${maxBody}`
                );
            }
        }
        if (!sent) {
            failures++;
        }
    }
    log(`${files.length - failures} accepted, ${failures} refused`);
    return failures > 0 ? 1 : 0;
}

/**
 * Runs the command as a program: returns its exit code, 1 when it fails with an error (reported on logError, the
 * site key hidden as in everything the command prints).
 */
export async function program(
    argv: string[],
    run: CommandRunner = runCommand,
    log: (line: string) => void = console.log,
    logError: (line: string) => void = console.error,
    env: NodeJS.ProcessEnv = process.env
): Promise<number> {
    try {
        return await main(argv, run, log, env);
    } catch (error) {
        masking(logError, argv, env)(`✗ ${(error as Error).message}`);
        return 1;
    }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
    process.exit(await program(process.argv.slice(2)));
}
