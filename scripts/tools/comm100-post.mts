#!/usr/bin/env node
// Posts Comm100 payloads (fixtures, or chats exported from the Comm100 API) to the package's webhook
// endpoint in an org: to test a connection, or to backfill history.
//
//   npm run comm100:post -- <file|folder>... (--target-org <alias> | --url <endpoint>) [options]
//
//   --target-org <alias>   post as that authenticated org user (sf org display gives URL and token)
//   --url <endpoint>       post to this endpoint instead (for example a Salesforce Site URL)
//   --access-token <t>     bearer token to send with --url
//   --secret <s>           sign each body (HMAC-SHA256 over "timestamp.body"); or COMM100_WEBHOOK_SECRET
//   --source <s>           webhook (default), api_v2, api_v3 or api_v4 (chats from the Comm100 API)
//   --namespace <ns>       the package namespace, when installed as a managed package
//   --dry-run              print what would be sent, send nothing
//
// Folders are read recursively for *.json files; a named file is sent whatever its extension. Each file
// is one request (an event, an array of events, or one or more API chats). The command exits 1 when any
// request is refused.
//
// A request is tried at most three times. A 429 waits as long as the server's Retry-After says (seconds or
// an HTTP-date; up to a minute, beyond which the request is reported, not retried); a 429 without a
// readable Retry-After, a 500, 502, 503, 504 or a network error backs off 0.5 s, then 1 s. Every other
// status is final. Each attempt is signed afresh, so a long wait never sends a stale timestamp.
import { createHmac } from 'node:crypto';
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
    dryRun: boolean;
}

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
    if (!options.targetOrg && !options.url) {
        throw new UsageError('give --target-org <alias> or --url <endpoint>');
    }
    return options;
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

/** Finds where and as whom to post. */
export async function resolveConnection(options: PostOptions, run: CommandRunner = runCommand): Promise<Connection> {
    if (options.url) {
        return { endpoint: options.url, accessToken: options.accessToken };
    }
    const org = options.targetOrg ?? '';
    const output = await run('sf', ['org', 'display', '--target-org', org, '--json']);
    let parsed: { status?: number; message?: string; result?: { instanceUrl?: string; accessToken?: string } };
    try {
        parsed = JSON.parse(output) as typeof parsed;
    } catch {
        throw new Error(`sf org display did not answer JSON: ${output.slice(0, 200)}`);
    }
    const instanceUrl = parsed.result?.instanceUrl;
    const accessToken = parsed.result?.accessToken;
    if (parsed.status !== 0 || !instanceUrl || !accessToken) {
        throw new Error(`cannot use org ${org}: ${parsed.message ?? 'no instance URL or access token'}`);
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

/** Posts one body, retrying throttling, server and network errors: three attempts in all (see the header). */
export async function postBody(
    connection: Connection,
    options: Pick<PostOptions, 'secret' | 'source'>,
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
        const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
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

/** Explains one answer of the endpoint in a line. */
export function describe(result: PostResult): string {
    let detail = result.body.slice(0, 300);
    try {
        const parsed = JSON.parse(result.body) as {
            accepted?: { comm100Id: string; eventType: string }[];
            error?: { code: string; message: string };
        };
        if (parsed.accepted) {
            detail = `accepted ${parsed.accepted.map((a) => `${a.eventType} ${a.comm100Id}`).join(', ')}`;
        } else if (parsed.error) {
            detail = `${parsed.error.code}: ${parsed.error.message}`;
        }
    } catch {
        // not JSON: keep the raw text
    }
    const retried = result.attempts > 1 ? ` after ${result.attempts} attempts` : '';
    const waitRefused =
        result.retryAfterMs === undefined
            ? ''
            : ` (the server asked to retry in ${Math.ceil(result.retryAfterMs / 1000)} s, longer than the ${MAX_RETRY_AFTER_MS / 1000} s this command waits)`;
    return `${result.status >= 200 && result.status < 300 ? '✓' : '✗'} ${result.file} → ${result.status}${retried}: ${detail}${waitRefused}`;
}

/** Runs the command; returns the exit code. */
export async function main(
    argv: string[],
    run: CommandRunner = runCommand,
    log: (line: string) => void = console.log
): Promise<number> {
    let options: PostOptions;
    try {
        options = parseOptions(argv);
    } catch (error) {
        log(`✗ ${(error as Error).message}`);
        log(
            'usage: npm run comm100:post -- <file|folder>... (--target-org <alias> | --url <endpoint>) [--secret s] [--source api_v3] [--dry-run]'
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
    let failures = 0;
    for (const file of files) {
        const body = readFileSync(file, 'utf8');
        if (options.dryRun) {
            log(`  would post ${file} (${body.length} characters, source ${options.source})`);
            continue;
        }
        const answer = await postBody(connection, options, body);
        const result: PostResult = { file, ...answer };
        if (answer.status < 200 || answer.status >= 300) {
            failures++;
        }
        log(describe(result));
    }
    log(`${files.length - failures} accepted, ${failures} refused`);
    return failures > 0 ? 1 : 0;
}

/** Runs the command as a program: returns its exit code, 1 when it fails with an error (reported on logError). */
export async function program(
    argv: string[],
    run: CommandRunner = runCommand,
    log: (line: string) => void = console.log,
    logError: (line: string) => void = console.error
): Promise<number> {
    try {
        return await main(argv, run, log);
    } catch (error) {
        logError(`✗ ${(error as Error).message}`);
        return 1;
    }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
    process.exit(await program(process.argv.slice(2)));
}
