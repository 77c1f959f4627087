// The comm100:post command against a local HTTP server on 127.0.0.1 that records what it receives
// (recording-server.mts); sending a body in parts is tested in comm100-post-parts.test.mts.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    main,
    program,
    parseOptions,
    resolveConnection,
    isRedactedToken,
    runCommand,
    collectFiles,
    endpointPath,
    signatureHeaders,
    postBody,
    retryAfterMs,
    describe as describeResult,
    hookKeys,
    maskKeys,
    HIDDEN_KEY,
    MAX_RETRY_AFTER_MS,
    type CommandRunner
} from '../comm100-post.mjs';
import {
    closedPort,
    logger,
    startRecordingServer,
    type RecordingServer,
    type Received,
    type Scripted
} from './recording-server.mjs';

const SECRET = 'a-long-enough-secret-for-signing-webhooks';
/** A site key as SiteWebhookKey makes them: 43 base64url characters. */
const SITE_KEY = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE';
/** The path of a Site webhook address up to its key. */
const HOOKS = '/comm100/services/apexrest/comm100/v1/hooks/';
/** What `sf org display --json` shows as the access token: the pinned CLI redacts it (plugin-org display.js). */
const REDACTED_TOKEN = "[REDACTED] Use 'sf org auth show-access-token' to view";
/** The org's access token, as `sf org auth show-access-token --json` gives it. */
const TOKEN = '00Dxx!token';

/**
 * A CommandRunner standing in for the pinned sf: `org display` answers the instance URL with the access token
 * redacted, as the real CLI does, and `org auth show-access-token` the token; each answer can be replaced.
 */
function orgRunner(
    answers: { display?: unknown; token?: unknown; raw?: Record<string, string> } = {},
    instanceUrl = 'https://acme.my.salesforce.com'
): { run: CommandRunner; calls: string[][] } {
    const calls: string[][] = [];
    const run: CommandRunner = (command, args) => {
        calls.push([command, ...args]);
        const key = args[1] === 'auth' ? 'token' : 'display';
        const raw = answers.raw?.[key];
        if (raw !== undefined) {
            return Promise.resolve(raw);
        }
        const answer =
            key === 'token'
                ? (answers.token ?? {
                      status: 0,
                      result: { accessToken: TOKEN },
                      warnings: ['This command exposes a sensitive Access Token']
                  })
                : (answers.display ?? {
                      status: 0,
                      result: { instanceUrl, accessToken: REDACTED_TOKEN, username: 'admin@acme.test' },
                      warnings: []
                  });
        return Promise.resolve(JSON.stringify(answer));
    };
    return { run, calls };
}

const CHAT_ENDED = JSON.stringify({ event: 'chat_ended', chat: { id: 'c-1', chat_transcript: '[10:00:01] Ana: Hi⊙' } });
const OFFLINE = JSON.stringify({
    event: 'offline_message_submitted',
    offline_message: { id: 'o-1', content: 'Call me' }
});

let server: RecordingServer;
let endpoint: string;
let received: Received[];
/** Answers the server gives before it handles requests normally, first in first out. */
let scripted: Scripted[];
let folder: string;

before(async () => {
    server = await startRecordingServer();
    endpoint = server.endpoint;
    received = server.received;
    scripted = server.scripted;
    folder = mkdtempSync(path.join(os.tmpdir(), 'comm100-post-'));
    mkdirSync(path.join(folder, 'nested'));
    writeFileSync(path.join(folder, 'a-chat-ended.json'), CHAT_ENDED);
    writeFileSync(path.join(folder, 'nested', 'b-offline.json'), OFFLINE);
    writeFileSync(path.join(folder, 'notes.txt'), 'not a payload');
});

after(async () => {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
});

describe('comm100:post', () => {
    test('posts every JSON file of a folder, signed, exactly as written', async () => {
        received.length = 0;
        const { lines, log } = logger();
        const code = await main([folder, '--url', endpoint, '--secret', SECRET], undefined, log);
        assert.equal(code, 0, lines.join('\n'));
        assert.equal(received.length, 2, 'the .txt file in a folder is not sent');
        assert.deepEqual(
            received.map((r) => r.body),
            [CHAT_ENDED, OFFLINE]
        );
        for (const request of received) {
            assert.equal(request.method, 'POST');
            assert.equal(request.url, '/services/apexrest/comm100/v1/webhooks');
            assert.match(String(request.headers['content-type']), /^application\/json/);
            assert.equal(request.headers.authorization, undefined, 'no bearer token without --access-token');
            const timestamp = String(request.headers['x-comm100-timestamp']);
            assert.ok(Math.abs(Number(timestamp) - Date.now() / 1000) < 60, 'a current timestamp');
            const expected = createHmac('sha256', SECRET).update(`${timestamp}.${request.body}`).digest('hex');
            assert.equal(
                request.headers['x-comm100-signature'],
                `sha256=${expected}`,
                'a signature the endpoint can verify'
            );
        }
        assert.deepEqual(lines, [
            `2 file(s) → ${endpoint} (signed)`,
            `✓ ${path.join(folder, 'a-chat-ended.json')} → 202: accepted chat_ended c-1`,
            `✓ ${path.join(folder, 'nested', 'b-offline.json')} → 202: accepted offline_message_submitted o-1`,
            '2 accepted, 0 refused'
        ]);
    });

    test('sends the source hint and the bearer token, and no signature without a secret', async () => {
        received.length = 0;
        const { lines, log } = logger();
        const file = path.join(folder, 'a-chat-ended.json');
        const code = await main(
            [file, '--url', endpoint, '--access-token', 'token-123', '--source', 'api_v3'],
            undefined,
            log
        );
        assert.equal(code, 0);
        assert.equal(lines[0], `1 file(s) → ${endpoint}`, 'neither signed nor a dry run');
        assert.equal(received[0]!.url, '/services/apexrest/comm100/v1/webhooks?source=api_v3');
        assert.equal(received[0]!.headers.authorization, 'Bearer token-123');
        assert.equal(received[0]!.headers['x-comm100-signature'], undefined);
    });

    test('retries a 503 and reports a refused payload with exit code 1', async () => {
        received.length = 0;
        scripted.push({ status: 503 });
        const broken = path.join(folder, 'broken.txt');
        writeFileSync(broken, '{"event":"chat_ended","visitor":{"chat_id":"abc", "name": "Trunc');
        const { lines, log } = logger();
        const code = await main([path.join(folder, 'a-chat-ended.json'), broken, '--url', endpoint], undefined, log);
        assert.equal(code, 1, 'a refused payload fails the command');
        assert.equal(received.length, 3, 'one retry after the 503, then the broken file');
        assert.deepEqual(lines, [
            `2 file(s) → ${endpoint}`,
            `✓ ${path.join(folder, 'a-chat-ended.json')} → 202 after 2 attempts: accepted chat_ended c-1`,
            `✗ ${broken} → 400: MALFORMED_JSON: The body is not valid JSON`,
            '1 accepted, 1 refused'
        ]);
        rmSync(broken);
    });

    test('an endpoint that cannot be reached fails the command', async () => {
        const port = await closedPort();
        const unreachable = `http://127.0.0.1:${port}${endpointPath()}`;
        const file = path.join(folder, 'a-chat-ended.json');
        const { lines, log } = logger();
        const code = await main([file, '--url', unreachable], undefined, log);
        assert.equal(code, 1, lines.join('\n'));
        const reported = lines[1] ?? '';
        assert.ok(reported.startsWith(`✗ ${file} → 0 after 3 attempts: network error: `), reported);
        assert.equal(lines[2], '0 accepted, 1 refused');
    });

    test('a dry run sends nothing', async () => {
        received.length = 0;
        const { lines, log } = logger();
        const code = await main([folder, '--url', endpoint, '--dry-run'], undefined, log);
        assert.equal(code, 0);
        assert.equal(received.length, 0);
        assert.deepEqual(lines.slice(0, 3), [
            `2 file(s) → ${endpoint} [dry run]`,
            `  would post ${path.join(folder, 'a-chat-ended.json')} (${CHAT_ENDED.length} characters, source webhook)`,
            `  would post ${path.join(folder, 'nested', 'b-offline.json')} (${OFFLINE.length} characters, source webhook)`
        ]);
    });

    test('a dry run for an org asks sf nothing and names the endpoint path, with the namespace', async () => {
        const calls: string[][] = [];
        const run: CommandRunner = (command, args) => {
            calls.push([command, ...args]);
            return Promise.reject(new Error('sf is not needed for a dry run'));
        };
        const { lines, log } = logger();
        const code = await main([folder, '--target-org', 'acme', '--namespace', 'c100', '--dry-run'], run, log);
        assert.equal(code, 0, lines.join('\n'));
        assert.deepEqual(calls, []);
        assert.equal(lines[0], '2 file(s) → /services/apexrest/c100/comm100/v1/webhooks [dry run]');
    });

    // kills: the token read from sf org display, which the pinned CLI shows redacted
    test('posts to the org sf names, with the access token of sf org auth show-access-token', async () => {
        received.length = 0;
        const { run, calls } = orgRunner({}, new URL(endpoint).origin);
        const { lines, log } = logger();
        const code = await main([path.join(folder, 'a-chat-ended.json'), '--target-org', 'acme'], run, log, {});
        assert.equal(code, 0, lines.join('\n'));
        assert.equal(lines[0], `1 file(s) → ${endpoint}`);
        assert.equal(received.length, 1);
        assert.equal(received[0]!.url, '/services/apexrest/comm100/v1/webhooks');
        assert.equal(received[0]!.headers.authorization, `Bearer ${TOKEN}`);
        assert.deepEqual(calls, [
            ['sf', 'org', 'display', '--target-org', 'acme', '--json'],
            ['sf', 'org', 'auth', 'show-access-token', '--target-org', 'acme', '--json']
        ]);
        assert.ok(!lines.join('\n').includes(TOKEN), 'the token is never printed');
    });

    // kills: the endpoint printed as given, its key with it; the request sent to the masked address
    test('a Site webhook address is printed with its key hidden, and posted to as it is', async () => {
        received.length = 0;
        const site = `${new URL(endpoint).origin}${HOOKS}`;
        const { lines, log } = logger();
        const files = [path.join(folder, 'a-chat-ended.json'), path.join(folder, 'nested', 'b-offline.json')];
        const code = await main([...files, '--url', `${site}${SITE_KEY}`], undefined, log);
        assert.equal(code, 0, lines.join('\n'));
        assert.deepEqual(lines, [
            `2 file(s) → ${site}<key hidden>`,
            `✓ ${files[0]} → 202: accepted chat_ended c-1`,
            `✓ ${files[1]} → 202: accepted offline_message_submitted o-1`,
            '2 accepted, 0 refused'
        ]);
        assert.deepEqual(
            received.map((request) => request.url),
            [`${HOOKS}${SITE_KEY}`, `${HOOKS}${SITE_KEY}`]
        );

        const dry = logger();
        assert.equal(await main([files[0]!, '--url', `${site}${SITE_KEY}?x=1`, '--dry-run'], undefined, dry.log), 0);
        assert.equal(dry.lines[0], `1 file(s) → ${site}<key hidden>?x=1 [dry run]`);
        assert.ok(!dry.lines.join('\n').includes(SITE_KEY));
    });

    // kills: only the first address masked, a key quoted elsewhere left, a short segment hidden in every word
    test('maskKeys hides every /hooks/<key>, and a key of the command line wherever it appears', () => {
        const address = `https://x.my.salesforce-sites.com${HOOKS}${SITE_KEY}`;
        assert.equal(
            maskKeys(`${address} and ${address}/more?source=api_v3#top`),
            `https://x.my.salesforce-sites.com${HOOKS}${HIDDEN_KEY} and https://x.my.salesforce-sites.com${HOOKS}${HIDDEN_KEY}/more?source=api_v3#top`
        );
        assert.deepEqual(hookKeys(['a.json', '--url', address, `${HOOKS}short`]), [SITE_KEY]);
        assert.equal(
            maskKeys(`the key ${SITE_KEY} is not valid`, hookKeys([address])),
            'the key <key hidden> is not valid'
        );
        assert.equal(maskKeys(maskKeys(address)), maskKeys(address), 'masking twice changes nothing');
        assert.equal(
            maskKeys('https://x.test/services/apexrest/comm100/v1/webhooks'),
            'https://x.test/services/apexrest/comm100/v1/webhooks'
        );
    });

    test('counts a 2xx answer as accepted and any other as refused', async () => {
        received.length = 0;
        scripted.push({ status: 200 }, { status: 299 }, { status: 300 });
        const file = path.join(folder, 'a-chat-ended.json');
        const { lines, log } = logger();
        const code = await main([file, file, file, '--url', endpoint], undefined, log);
        assert.equal(code, 1, 'one refused payload fails the command');
        assert.deepEqual(lines, [
            `3 file(s) → ${endpoint}`,
            `✓ ${file} → 200: HTTP_200: scripted`,
            `✓ ${file} → 299: HTTP_299: scripted`,
            `✗ ${file} → 300: HTTP_300: scripted`,
            '2 accepted, 1 refused'
        ]);
    });

    test('finds the endpoint and token of an org through sf, with the namespace', async () => {
        const { run, calls } = orgRunner({}, 'https://acme.my.salesforce.com/');
        const connection = await resolveConnection(
            parseOptions(['x.json', '--target-org', 'acme', '--namespace', 'c100']),
            run
        );
        assert.deepEqual(calls, [
            ['sf', 'org', 'display', '--target-org', 'acme', '--json'],
            ['sf', 'org', 'auth', 'show-access-token', '--target-org', 'acme', '--json']
        ]);
        assert.equal(connection.endpoint, 'https://acme.my.salesforce.com/services/apexrest/c100/comm100/v1/webhooks');
        assert.equal(connection.accessToken, TOKEN);
    });

    test('explains an org that cannot be used', async () => {
        const run: CommandRunner = () =>
            Promise.resolve(JSON.stringify({ status: 1, message: 'No authorization information found for nope.' }));
        await assert.rejects(resolveConnection(parseOptions(['x.json', '--target-org', 'nope']), run), {
            message: 'cannot use org nope: No authorization information found for nope.'
        });
    });

    // kills: a redacted stand-in sent as the bearer token; a missing token or instance URL let through
    test('refuses an org without an instance URL, without an access token or with only a redacted one', async () => {
        const options = parseOptions(['x.json', '--target-org', 'acme']);
        const instanceUrl = 'https://acme.my.salesforce.com';
        for (const result of [{ accessToken: TOKEN }, { instanceUrl: '', accessToken: TOKEN }]) {
            await assert.rejects(
                resolveConnection(options, orgRunner({ display: { status: 0, result } }).run),
                { message: 'cannot use org acme: sf org display gave no instance URL' },
                JSON.stringify(result)
            );
        }
        await assert.rejects(
            resolveConnection(
                options,
                orgRunner({ display: { status: 1, message: 'expired', result: { instanceUrl } } }).run
            ),
            { message: 'cannot use org acme: expired' }
        );
        for (const result of [{}, { accessToken: '' }]) {
            await assert.rejects(
                resolveConnection(options, orgRunner({ token: { status: 0, result } }).run),
                { message: 'cannot use org acme: sf org auth show-access-token gave no access token' },
                JSON.stringify(result)
            );
        }
        for (const accessToken of [REDACTED_TOKEN, '[REDACTED]', 'redacted', '00Dxx!abc def']) {
            await assert.rejects(
                resolveConnection(options, orgRunner({ token: { status: 0, result: { accessToken } } }).run),
                {
                    message:
                        'cannot use org acme: sf org auth show-access-token gave a redacted access token, not the token itself'
                },
                accessToken
            );
        }
        await assert.rejects(
            resolveConnection(
                options,
                orgRunner({
                    token: { status: 1, name: 'NoAccessTokenError', message: 'No access token found for "u".' }
                }).run
            ),
            { message: 'cannot use org acme: No access token found for "u".' }
        );
        assert.equal(isRedactedToken(TOKEN), false);
        assert.equal(isRedactedToken(undefined), true);
    });

    test('quotes the start of an answer of sf org display that is not JSON, never one of show-access-token', async () => {
        const options = parseOptions(['x.json', '--target-org', 'acme']);
        const output = `Error: something broke\n${'x'.repeat(300)}`;
        await assert.rejects(
            resolveConnection(options, () => Promise.resolve(output)),
            {
                message: `sf org display did not answer JSON: ${output.slice(0, 200)}`
            }
        );
        const shown = `oops {"status":0,"result":{"accessToken":"${TOKEN}"`;
        await assert.rejects(resolveConnection(options, orgRunner({ raw: { token: shown } }).run), (error: Error) => {
            assert.equal(error.message, 'sf org auth show-access-token did not answer JSON');
            return true;
        });
        const display = `{"status":0,"result":{"accessToken":"${TOKEN}","instanceUrl":`;
        await assert.rejects(resolveConnection(options, orgRunner({ raw: { display } }).run), (error: Error) => {
            assert.equal(
                error.message,
                'sf org display did not answer JSON: {"status":0,"result":{"accessToken":"<hidden>","instanceUrl":'
            );
            return true;
        });
    });

    test('reads the JSON after a warning line sf printed before it', async () => {
        const warned = orgRunner({
            raw: {
                display: `Warning: a newer version is available\n${JSON.stringify({ status: 0, result: { instanceUrl: 'https://acme.test' } })}`,
                token: `Warning: insecure\n${JSON.stringify({ status: 0, result: { accessToken: TOKEN } })}`
            }
        });
        const connection = await resolveConnection(parseOptions(['x.json', '--target-org', 'acme']), warned.run);
        assert.deepEqual(connection, {
            endpoint: 'https://acme.test/services/apexrest/comm100/v1/webhooks',
            accessToken: TOKEN
        });
    });

    test('refuses a command line it cannot act on', async () => {
        assert.throws(() => parseOptions([]), /at least one file/);
        assert.throws(() => parseOptions(['x.json']), /--target-org/);
        assert.throws(() => parseOptions(['x.json', '--url', endpoint, '--source', 'api_v9']), {
            message: '--source must be one of webhook, api_v2, api_v3, api_v4'
        });
        assert.throws(() => parseOptions(['x.json', '--url']), { message: '--url needs a value' });
        assert.throws(() => parseOptions(['x.json', '--url', '--dry-run']), {
            message: '--url needs a value'
        });
        assert.throws(() => collectFiles([path.join(folder, 'missing.json')]), /does not exist/);
        const { lines, log } = logger();
        assert.equal(await main(['--bogus'], undefined, log), 2);
        assert.deepEqual(lines, [
            '✗ unknown option --bogus',
            'usage: npm run comm100:post -- <file|folder>... (--target-org <alias> | --url <endpoint> | env COMM100_POST_URL) [--secret s] [--source api_v3] [--max-body n] [--part-characters n] [--dry-run]'
        ]);
    });

    test('reads every option', () => {
        assert.deepEqual(
            parseOptions(
                // prettier-ignore
                ['a.json', '--target-org', 'acme', '--url', 'https://x.test/e', '--access-token', 't', '--secret', 's',
                    '--namespace', 'c100', '--source', 'api_v4', '--dry-run', 'b'],
                {}
            ),
            {
                inputs: ['a.json', 'b'],
                targetOrg: 'acme',
                url: 'https://x.test/e',
                accessToken: 't',
                secret: 's',
                namespace: 'c100',
                source: 'api_v4',
                maxBody: 393_216,
                partCharacters: 120_000,
                dryRun: true
            }
        );
    });

    test('takes the secret from COMM100_WEBHOOK_SECRET', () => {
        assert.equal(parseOptions(['x.json', '--url', endpoint], { COMM100_WEBHOOK_SECRET: SECRET }).secret, SECRET);
    });

    // kills: COMM100_POST_URL ignored, or taken over --url or --target-org given on the command line
    test('takes the endpoint from COMM100_POST_URL when neither --url nor --target-org is given', () => {
        const env = { COMM100_POST_URL: `${endpoint}${HOOKS}${SITE_KEY}` };
        assert.equal(parseOptions(['x.json'], env).url, env.COMM100_POST_URL);
        assert.equal(parseOptions(['x.json', '--url', endpoint], env).url, endpoint);
        const org = parseOptions(['x.json', '--target-org', 'acme'], env);
        assert.deepEqual([org.url, org.targetOrg], [undefined, 'acme']);
        assert.throws(() => parseOptions(['x.json'], { COMM100_POST_URL: '' }), {
            message: 'give --target-org <alias> or --url <endpoint> (or the endpoint in COMM100_POST_URL)'
        });
    });

    // kills: the key of an address from the environment printed, since only the command line's keys were hidden
    test('posts to the Site address of COMM100_POST_URL, printed with its key hidden wherever it appears', async () => {
        received.length = 0;
        const site = `${new URL(endpoint).origin}${HOOKS}`;
        const file = path.join(folder, 'a-chat-ended.json');
        const { lines, log } = logger();
        const code = await main([file], undefined, log, { COMM100_POST_URL: `${site}${SITE_KEY}` });
        assert.equal(code, 0, lines.join('\n'));
        assert.deepEqual(
            received.map((request) => request.url),
            [`${HOOKS}${SITE_KEY}`]
        );
        assert.equal(lines[0], `1 file(s) → ${site}<key hidden>`);

        const errors: string[] = [];
        const keyed = path.join(folder, 'missing', SITE_KEY);
        const failed = await program([keyed], undefined, log, (line) => errors.push(line), {
            COMM100_POST_URL: `${site}${SITE_KEY}`
        });
        assert.equal(failed, 1);
        assert.deepEqual(errors, [`✗ ${path.join(folder, 'missing', HIDDEN_KEY)} does not exist`]);
    });
});

// Known answers, computed once with openssl (`printf '%s' "<timestamp>.<body>" | openssl dgst -sha256 -hmac
// <secret>`), written as literals. The same vectors are in the Apex test Comm100WebhookServiceTest, so the
// command and the endpoint are held to one answer, not to each other.
const KNOWN_SECRET = 'known-answer-secret-7f3a';
const KNOWN_TIMESTAMP = 1764063700;
const KNOWN_BODY = '{"event":"chat_ended","chat":{"id":"kat-1","visitor":{"name":"Zoë 🙂"}}}';
const KNOWN_SIGNATURE = '6fbacf27a7e7797cfaee1a2256deb06ef4e7f3376bdaab2c1ab01ca1923eb3cf';
const KNOWN_ASCII_BODY = '{"event":"chat_ended","chat":{"id":"kat-2"}}';
const KNOWN_ASCII_SIGNATURE = '0966336f75b64e0118e5d4ad294d301ce1663facacd8fb29d8f2816c7435f3da';

describe('signatureHeaders', () => {
    test('signs "timestamp.body" as UTF-8 to the known answers', () => {
        assert.deepEqual(signatureHeaders(KNOWN_SECRET, KNOWN_BODY, KNOWN_TIMESTAMP), {
            'X-Comm100-Timestamp': '1764063700',
            'X-Comm100-Signature': `sha256=${KNOWN_SIGNATURE}`
        });
        assert.equal(
            signatureHeaders(KNOWN_SECRET, KNOWN_ASCII_BODY, KNOWN_TIMESTAMP)['X-Comm100-Signature'],
            `sha256=${KNOWN_ASCII_SIGNATURE}`
        );
    });
});

describe('retries', () => {
    const connection = (): { endpoint: string } => ({ endpoint });
    const recorder = (): { waits: number[]; sleep: (ms: number) => Promise<void> } => {
        const waits: number[] = [];
        return {
            waits,
            sleep: (ms: number) => {
                waits.push(ms);
                return Promise.resolve();
            }
        };
    };
    const NOW = Date.parse('Sun, 06 Nov 1994 08:49:30 GMT');

    test('a 429 waits the seconds its Retry-After asks, then posts again, signed afresh', async () => {
        received.length = 0;
        scripted.push({ status: 429, headers: { 'Retry-After': '2' } });
        const { waits, sleep } = recorder();
        const answer = await postBody(connection(), { secret: SECRET, source: 'webhook' }, CHAT_ENDED, sleep);
        assert.deepEqual(waits, [2000], 'the server asked for 2 s: not the 500 ms back-off');
        assert.equal(answer.status, 202);
        assert.equal(answer.attempts, 2);
        assert.equal(received.length, 2);
        for (const request of received) {
            const timestamp = String(request.headers['x-comm100-timestamp']);
            const expected = createHmac('sha256', SECRET).update(`${timestamp}.${request.body}`).digest('hex');
            assert.equal(request.headers['x-comm100-signature'], `sha256=${expected}`);
        }
    });

    test('a 429 waits until the HTTP-date its Retry-After names', async () => {
        scripted.push({ status: 429, headers: { 'Retry-After': 'Sun, 06 Nov 1994 08:49:37 GMT' } });
        const { waits, sleep } = recorder();
        const answer = await postBody(connection(), { source: 'webhook' }, CHAT_ENDED, sleep, () => NOW);
        assert.deepEqual(waits, [7000]);
        assert.equal(answer.status, 202);
        assert.equal(answer.attempts, 2);
    });

    test('reads every Retry-After form and refuses what is neither', () => {
        assert.equal(retryAfterMs('0', NOW), 0);
        assert.equal(retryAfterMs(' 120 ', NOW), 120_000);
        assert.equal(retryAfterMs('Sun, 06 Nov 1994 08:49:37 GMT', NOW), 7000, 'IMF-fixdate');
        assert.equal(retryAfterMs('Sunday, 06-Nov-94 08:49:37 GMT', NOW), 7000, 'RFC 850 date');
        const zone = process.env.TZ;
        process.env.TZ = 'America/Vancouver'; // so a date read in local time would be eight hours off
        try {
            assert.equal(retryAfterMs('Sun Nov  6 08:49:37 1994', NOW), 7000, 'asctime date, read as GMT');
        } finally {
            if (zone === undefined) {
                delete process.env.TZ;
            } else {
                process.env.TZ = zone;
            }
        }
        assert.equal(retryAfterMs('Sun, 06 Nov 1994 08:49:00 GMT', NOW), 0, 'a date already past: at once');
        assert.equal(retryAfterMs('Wed Nov 16 08:49:37 1994', NOW), 864_007_000, 'asctime, a two-digit day');
        for (const unreadable of [null, '', 'soon', '-5', '1.5', '2 minutes', 'Sun, 06 Nov 1994 08:49:37']) {
            assert.equal(retryAfterMs(unreadable, NOW), undefined, String(unreadable));
        }
    });

    test('refuses a date with anything before or after it, such as a zone other than GMT', () => {
        // Date.parse reads each of these (the tail moves the time by the zone); none is an HTTP-date.
        for (const unreadable of [
            'x Sun, 06 Nov 1994 08:49:37 GMT',
            'Sun, 06 Nov 1994 08:49:37 GMT+0100',
            'x Sunday, 06-Nov-94 08:49:37 GMT',
            'Sunday, 06-Nov-94 08:49:37 GMT+0100',
            'x Sun Nov  6 08:49:37 1994',
            'Sun Nov  6 08:49:37 1994 +0100'
        ]) {
            assert.equal(retryAfterMs(unreadable, NOW), undefined, unreadable);
        }
    });

    test('a 429 with no readable Retry-After backs off 0.5 s then 1 s, and stops after three attempts', async () => {
        received.length = 0;
        scripted.push(
            { status: 429, headers: { 'Retry-After': 'soon' } },
            { status: 429 },
            { status: 429, headers: { 'Retry-After': '1' } }
        );
        const { waits, sleep } = recorder();
        const answer = await postBody(connection(), { source: 'webhook' }, CHAT_ENDED, sleep);
        assert.deepEqual(waits, [500, 1000]);
        assert.equal(answer.status, 429, 'the last answer is reported');
        assert.equal(answer.attempts, 3);
        assert.equal(received.length, 3, 'never a fourth request');
    });

    test('a 429 that asks for more than a minute is reported at once, not retried', async () => {
        received.length = 0;
        scripted.push({ status: 429, headers: { 'Retry-After': '3600' } });
        const { waits, sleep } = recorder();
        const answer = await postBody(connection(), { source: 'webhook' }, CHAT_ENDED, sleep);
        assert.deepEqual(waits, []);
        assert.equal(received.length, 1);
        assert.deepEqual(
            { status: answer.status, attempts: answer.attempts, retryAfterMs: answer.retryAfterMs },
            { status: 429, attempts: 1, retryAfterMs: 3_600_000 }
        );
        assert.equal(MAX_RETRY_AFTER_MS, 60_000);
        assert.equal(
            describeResult({ file: 'a.json', ...answer }),
            '✗ a.json → 429: HTTP_429: scripted (the server asked to retry in 3600 s, longer than the 60 s this command waits)'
        );
        scripted.push({ status: 429, headers: { 'Retry-After': '60' } });
        const atTheLimit = recorder();
        const waited = await postBody(connection(), { source: 'webhook' }, CHAT_ENDED, atTheLimit.sleep);
        assert.deepEqual(atTheLimit.waits, [60_000], 'exactly a minute is still waited for');
        assert.equal(waited.status, 202);
    });

    for (const status of [500, 502, 503, 504]) {
        test(`a ${status} backs off 0.5 s then 1 s as before, whatever its Retry-After`, async () => {
            received.length = 0;
            scripted.push({ status, headers: { 'Retry-After': '30' } }, { status });
            const { waits, sleep } = recorder();
            const answer = await postBody(connection(), { source: 'webhook' }, CHAT_ENDED, sleep);
            assert.deepEqual(waits, [500, 1000]);
            assert.equal(answer.status, 202);
            assert.equal(answer.attempts, 3);
        });
    }

    for (const status of [400, 401, 413, 501]) {
        test(`a ${status} is final: sent once, never retried`, async () => {
            received.length = 0;
            scripted.push({ status, headers: { 'Retry-After': '1' } });
            const { waits, sleep } = recorder();
            const answer = await postBody(connection(), { source: 'webhook' }, CHAT_ENDED, sleep);
            assert.deepEqual(waits, []);
            assert.equal(answer.status, status);
            assert.equal(answer.attempts, 1);
            assert.equal(received.length, 1);
        });
    }

    test('a network error is retried with the same back-off, then reported as status 0', async () => {
        const port = await closedPort();
        const { waits, sleep } = recorder();
        const answer = await postBody(
            { endpoint: `http://127.0.0.1:${port}${endpointPath()}` },
            { source: 'webhook' },
            CHAT_ENDED,
            sleep
        );
        assert.deepEqual(waits, [500, 1000]);
        assert.equal(answer.status, 0);
        assert.equal(answer.attempts, 3);
        assert.match(answer.body, /^network error: /);
    });

    test('the command retries a 429 and says how many attempts it took', async () => {
        received.length = 0;
        scripted.push({ status: 429, headers: { 'Retry-After': '0' } });
        const { lines, log } = logger();
        const code = await main([path.join(folder, 'a-chat-ended.json'), '--url', endpoint], undefined, log);
        assert.equal(code, 0, lines.join('\n'));
        assert.equal(received.length, 2);
        assert.ok(
            lines.some((line) => line.includes('→ 202 after 2 attempts')),
            lines.join('\n')
        );
    });
});

describe('describe', () => {
    const result = (status: number, body: string, attempts = 1): Parameters<typeof describeResult>[0] => ({
        file: 'a.json',
        status,
        body,
        attempts
    });

    test('lists what the endpoint accepted', () => {
        const body = JSON.stringify({
            accepted: [
                { comm100Id: 'c-1', eventType: 'chat_ended' },
                { comm100Id: 'o-1', eventType: 'offline_message_submitted' }
            ],
            failed: []
        });
        assert.equal(
            describeResult(result(202, body)),
            '✓ a.json → 202: accepted chat_ended c-1, offline_message_submitted o-1'
        );
    });

    test('names what a 202 kept in the org without publishing it, to be replayed', () => {
        // kills: a 202 whose failed list is never read (the items wait as Failed logs, not as events)
        const body = JSON.stringify({
            accepted: [{ comm100Id: 'c-1', eventType: 'chat_ended', eventUuids: ['u-1'] }],
            failed: [{ comm100Id: 'c-2', eventType: 'chat_started', message: 'limit', logId: 'a0B000000000001' }]
        });
        assert.equal(
            describeResult(result(202, body)),
            '✓ a.json → 202: accepted chat_ended c-1; not published but kept in the org to replay: chat_started c-2 (log a0B000000000001)'
        );
        const part = JSON.stringify({
            accepted: [],
            failed: [{ messageId: 'm1', part: 2, of: 3, eventUuids: [], message: 'limit', logId: 'a0B000000000002' }]
        });
        assert.equal(
            describeResult(result(202, part)),
            '✓ a.json → 202: accepted nothing; not published but kept in the org to replay: part 2/3 (log a0B000000000002)'
        );
    });

    test('marks a 2xx status accepted and any other refused', () => {
        assert.equal(describeResult(result(199, 'x')), '✗ a.json → 199: x');
        assert.equal(describeResult(result(200, 'x')), '✓ a.json → 200: x');
        assert.equal(describeResult(result(299, 'x')), '✓ a.json → 299: x');
        assert.equal(describeResult(result(300, 'x')), '✗ a.json → 300: x');
    });

    test('gives the error code and message, or the start of a body that is neither', () => {
        const error = JSON.stringify({ error: { code: 'INVALID_SIGNATURE', message: 'The signature does not match' } });
        assert.equal(
            describeResult(result(401, error, 3)),
            '✗ a.json → 401 after 3 attempts: INVALID_SIGNATURE: The signature does not match'
        );
        assert.equal(
            describeResult(result(500, `<html>${'x'.repeat(400)}`)),
            `✗ a.json → 500: <html>${'x'.repeat(294)}`
        );
        assert.equal(describeResult(result(202, '{"failed":[]}')), '✓ a.json → 202: {"failed":[]}');
    });
});

describe('as a program', () => {
    const SCRIPT = fileURLToPath(new URL('../comm100-post.mjs', import.meta.url));
    /** Runs the compiled command in a process of its own, as npm run comm100:post does. */
    const runScript = (
        args: string[],
        env: Record<string, string> = {}
    ): Promise<{ code: number | null; stdout: string; stderr: string }> =>
        new Promise((resolve, reject) => {
            const child = spawn(process.execPath, [SCRIPT, ...args], {
                env: { ...process.env, COMM100_WEBHOOK_SECRET: '', COMM100_POST_URL: '', ...env }
            });
            let stdout = '';
            let stderr = '';
            child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
            child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
            child.on('error', reject);
            child.on('close', (code) => {
                resolve({ code, stdout, stderr });
            });
        });

    test('posts and exits 0 when every payload is accepted', { timeout: 20_000 }, async () => {
        received.length = 0;
        const file = path.join(folder, 'a-chat-ended.json');
        const { code, stdout, stderr } = await runScript([file, '--url', endpoint]);
        assert.equal(stderr, '');
        assert.equal(
            stdout,
            `1 file(s) → ${endpoint}\n✓ ${file} → 202: accepted chat_ended c-1\n1 accepted, 0 refused\n`
        );
        assert.equal(code, 0);
        assert.deepEqual(
            received.map((r) => r.body),
            [readFileSync(file, 'utf8')]
        );
    });

    // kills: the program printing the Site address as given on its command line
    test('prints a Site webhook address with its key hidden', { timeout: 20_000 }, async () => {
        received.length = 0;
        const site = `${new URL(endpoint).origin}${HOOKS}`;
        const file = path.join(folder, 'a-chat-ended.json');
        const { code, stdout, stderr } = await runScript([file, '--url', `${site}${SITE_KEY}`]);
        assert.equal(stderr, '');
        assert.equal(
            stdout,
            `1 file(s) → ${site}<key hidden>\n✓ ${file} → 202: accepted chat_ended c-1\n1 accepted, 0 refused\n`
        );
        assert.equal(code, 0);
        assert.equal(received[0]!.url, `${HOOKS}${SITE_KEY}`);
    });

    // kills: the program reading the address only from its command line, where the process list shows its key
    test('posts to COMM100_POST_URL, the key on no command line and in no output', { timeout: 20_000 }, async () => {
        received.length = 0;
        const site = `${new URL(endpoint).origin}${HOOKS}`;
        const file = path.join(folder, 'a-chat-ended.json');
        const { code, stdout, stderr } = await runScript([file], { COMM100_POST_URL: `${site}${SITE_KEY}` });
        assert.equal(stderr, '');
        assert.equal(
            stdout,
            `1 file(s) → ${site}<key hidden>\n✓ ${file} → 202: accepted chat_ended c-1\n1 accepted, 0 refused\n`
        );
        assert.equal(code, 0);
        assert.equal(received[0]!.url, `${HOOKS}${SITE_KEY}`);
    });

    test('exits 2 with the usage for a command line it cannot act on', { timeout: 20_000 }, async () => {
        const { code, stdout } = await runScript(['--bogus']);
        assert.equal(code, 2);
        assert.match(stdout, /^✗ unknown option --bogus\nusage: npm run comm100:post -- /);
    });

    test('exits 1 with the reason on standard error when it cannot go on', { timeout: 20_000 }, async () => {
        const missing = path.join(folder, 'missing.json');
        const { code, stdout, stderr } = await runScript([missing, '--url', endpoint]);
        assert.equal(code, 1);
        assert.equal(stdout, '');
        assert.equal(stderr, `✗ ${missing} does not exist\n`);
    });

    test('program returns the exit code of the command, or 1 with the error reported', async () => {
        const errors: string[] = [];
        const logError = (line: string): void => {
            errors.push(line);
        };
        const { lines, log } = logger();
        const missing = path.join(folder, 'missing.json');
        assert.equal(await program([missing, '--url', endpoint], undefined, log, logError), 1);
        assert.deepEqual(errors, [`✗ ${missing} does not exist`]);
        assert.deepEqual(lines, []);

        errors.length = 0;
        const refusing: CommandRunner = () =>
            Promise.resolve(JSON.stringify({ status: 1, message: 'No authorization information found for nope.' }));
        const file = path.join(folder, 'a-chat-ended.json');
        assert.equal(await program([file, '--target-org', 'nope'], refusing, log, logError), 1);
        assert.deepEqual(errors, ['✗ cannot use org nope: No authorization information found for nope.']);

        errors.length = 0;
        const keyed = path.join(folder, 'hooks', SITE_KEY);
        assert.equal(await program([keyed, '--url', `${endpoint}${HOOKS}${SITE_KEY}`], undefined, log, logError), 1);
        assert.deepEqual(
            errors,
            [`✗ ${path.join(folder, 'hooks', HIDDEN_KEY)} does not exist`],
            'an error hides the key too'
        );

        errors.length = 0;
        assert.equal(await program(['--bogus'], undefined, log, logError), 2);
        assert.equal(await program([file, '--url', endpoint], undefined, log, logError), 0);
        assert.deepEqual(errors, []);
    });
});

describe('runCommand', () => {
    const node = process.execPath;

    test(
        'returns what the program prints; sf runs without telemetry, version check or self-update',
        { timeout: 20_000 },
        async () => {
            const names = ['SF_DISABLE_TELEMETRY', 'SF_SKIP_NEW_VERSION_CHECK', 'SF_DISABLE_AUTOUPDATE', 'PATH'];
            const output = await runCommand(node, [
                '-e',
                `process.stdout.write(JSON.stringify(${JSON.stringify(names)}.map((name) => process.env[name])))`
            ]);
            assert.deepEqual(JSON.parse(output), ['true', 'true', 'true', process.env.PATH]);
        }
    );

    test('keeps an output of several megabytes whole', { timeout: 20_000 }, async () => {
        const output = await runCommand(node, ['-e', "process.stdout.write('x'.repeat(3 * 1024 * 1024))"]);
        assert.equal(output.length, 3 * 1024 * 1024);
    });

    test(
        'returns the output of a program that fails after printing it, as sf does with its JSON errors',
        { timeout: 20_000 },
        async () => {
            const output = await runCommand(node, [
                '-e',
                'process.stdout.write(\'{"status":1}\'); process.exitCode = 1'
            ]);
            assert.equal(output, '{"status":1}');
        }
    );

    test(
        'rejects when the program fails without printing anything, or cannot be started',
        { timeout: 20_000 },
        async () => {
            await assert.rejects(runCommand(node, ['-e', 'process.exit(3)']), (error: Error) => {
                assert.ok(error.message.startsWith(`${node} failed: Command failed: `), error.message);
                return true;
            });
            await assert.rejects(runCommand('comm100-no-such-program', []), {
                message: 'comm100-no-such-program failed: spawn comm100-no-such-program ENOENT'
            });
        }
    );
});
