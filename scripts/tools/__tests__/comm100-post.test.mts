// The comm100:post command against a local HTTP server on 127.0.0.1 that records what it receives.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
    main,
    parseOptions,
    resolveConnection,
    collectFiles,
    endpointPath,
    signatureHeaders,
    postBody,
    retryAfterMs,
    describe as describeResult,
    MAX_RETRY_AFTER_MS,
    type CommandRunner
} from '../comm100-post.mjs';

interface Received {
    method: string;
    url: string;
    headers: IncomingMessage['headers'];
    body: string;
}

const SECRET = 'a-long-enough-secret-for-signing-webhooks';
const CHAT_ENDED = JSON.stringify({ event: 'chat_ended', chat: { id: 'c-1', chat_transcript: '[10:00:01] Ana: Hi⊙' } });
const OFFLINE = JSON.stringify({
    event: 'offline_message_submitted',
    offline_message: { id: 'o-1', content: 'Call me' }
});

let server: Server;
let endpoint: string;
const received: Received[] = [];
/** Answers the server gives before it handles requests normally, first in first out. */
const scripted: { status: number; headers?: Record<string, string> }[] = [];
let folder: string;

before(async () => {
    server = createServer((request, response) => {
        let body = '';
        request.setEncoding('utf8');
        request.on('data', (chunk: string) => (body += chunk));
        request.on('end', () => {
            received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
            const answer = scripted.shift();
            if (answer) {
                response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
                response.end(JSON.stringify({ error: { code: `HTTP_${answer.status}`, message: 'scripted' } }));
                return;
            }
            let parsed: { event?: string; chat?: { id?: string }; offline_message?: { id?: string } } | undefined;
            try {
                parsed = JSON.parse(body) as typeof parsed;
            } catch {
                parsed = undefined;
            }
            if (!parsed?.event) {
                response.writeHead(400, { 'content-type': 'application/json' });
                response.end(
                    JSON.stringify({ error: { code: 'MALFORMED_JSON', message: 'The body is not valid JSON' } })
                );
                return;
            }
            const id = parsed.chat?.id ?? parsed.offline_message?.id ?? '?';
            response.writeHead(202, { 'content-type': 'application/json' });
            response.end(
                JSON.stringify({
                    accepted: [{ comm100Id: id, eventType: parsed.event, eventUuids: ['uuid-1'] }],
                    failed: []
                })
            );
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    assert.ok(address && typeof address === 'object');
    endpoint = `http://127.0.0.1:${address.port}${endpointPath()}`;
    folder = mkdtempSync(path.join(os.tmpdir(), 'comm100-post-'));
    mkdirSync(path.join(folder, 'nested'));
    writeFileSync(path.join(folder, 'a-chat-ended.json'), CHAT_ENDED);
    writeFileSync(path.join(folder, 'nested', 'b-offline.json'), OFFLINE);
    writeFileSync(path.join(folder, 'notes.txt'), 'not a payload');
});

after(async () => {
    await new Promise<void>((resolve) => {
        server.close(() => {
            resolve();
        });
    });
    rmSync(folder, { recursive: true, force: true });
});

function logger(): { lines: string[]; log: (line: string) => void } {
    const lines: string[] = [];
    return {
        lines,
        log: (line: string) => {
            lines.push(line);
        }
    };
}

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
            const timestamp = String(request.headers['x-comm100-timestamp']);
            assert.ok(Math.abs(Number(timestamp) - Date.now() / 1000) < 60, 'a current timestamp');
            const expected = createHmac('sha256', SECRET).update(`${timestamp}.${request.body}`).digest('hex');
            assert.equal(
                request.headers['x-comm100-signature'],
                `sha256=${expected}`,
                'a signature the endpoint can verify'
            );
        }
        assert.ok(
            lines.some((line) => line.includes('accepted chat_ended c-1')),
            lines.join('\n')
        );
        assert.equal(lines.at(-1), '2 accepted, 0 refused');
    });

    test('sends the source hint and the bearer token, and no signature without a secret', async () => {
        received.length = 0;
        const { log } = logger();
        const file = path.join(folder, 'a-chat-ended.json');
        const code = await main(
            [file, '--url', endpoint, '--access-token', 'token-123', '--source', 'api_v3'],
            undefined,
            log
        );
        assert.equal(code, 0);
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
        assert.ok(
            lines.some((line) => line.includes('→ 202 after 2 attempts')),
            lines.join('\n')
        );
        assert.ok(
            lines.some((line) => line.includes('✗') && line.includes('MALFORMED_JSON')),
            lines.join('\n')
        );
        rmSync(broken);
    });

    test('a dry run sends nothing', async () => {
        received.length = 0;
        const { lines, log } = logger();
        const code = await main([folder, '--url', endpoint, '--dry-run'], undefined, log);
        assert.equal(code, 0);
        assert.equal(received.length, 0);
        assert.equal(lines.filter((line) => line.includes('would post')).length, 2);
    });

    test('finds the endpoint and token of an org through sf, with the namespace', async () => {
        const calls: string[][] = [];
        const run: CommandRunner = (command, args) => {
            calls.push([command, ...args]);
            return Promise.resolve(
                JSON.stringify({
                    status: 0,
                    result: { instanceUrl: 'https://acme.my.salesforce.com/', accessToken: '00Dxx!token' }
                })
            );
        };
        const connection = await resolveConnection(
            parseOptions(['x.json', '--target-org', 'acme', '--namespace', 'c100']),
            run
        );
        assert.deepEqual(calls[0], ['sf', 'org', 'display', '--target-org', 'acme', '--json']);
        assert.equal(connection.endpoint, 'https://acme.my.salesforce.com/services/apexrest/c100/comm100/v1/webhooks');
        assert.equal(connection.accessToken, '00Dxx!token');
    });

    test('explains an org that cannot be used', async () => {
        const run: CommandRunner = () =>
            Promise.resolve(JSON.stringify({ status: 1, message: 'No authorization information found for nope.' }));
        await assert.rejects(
            resolveConnection(parseOptions(['x.json', '--target-org', 'nope']), run),
            /No authorization information found/
        );
    });

    test('refuses a command line it cannot act on', async () => {
        assert.throws(() => parseOptions([]), /at least one file/);
        assert.throws(() => parseOptions(['x.json']), /--target-org/);
        assert.throws(
            () => parseOptions(['x.json', '--url', endpoint, '--source', 'api_v9']),
            /--source must be one of/
        );
        assert.throws(() => parseOptions(['x.json', '--url']), /needs a value/);
        assert.throws(() => collectFiles([path.join(folder, 'missing.json')]), /does not exist/);
        const { lines, log } = logger();
        assert.equal(await main(['--bogus'], undefined, log), 2);
        assert.ok(lines[0]?.includes('unknown option --bogus'));
    });

    test('takes the secret from COMM100_WEBHOOK_SECRET', () => {
        assert.equal(parseOptions(['x.json', '--url', endpoint], { COMM100_WEBHOOK_SECRET: SECRET }).secret, SECRET);
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
        for (const unreadable of [null, '', 'soon', '-5', '1.5', '2 minutes', 'Sun, 06 Nov 1994 08:49:37']) {
            assert.equal(retryAfterMs(unreadable, NOW), undefined, String(unreadable));
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
        const closed = createServer();
        await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
        const address = closed.address();
        assert.ok(address && typeof address === 'object');
        await new Promise<void>((resolve) =>
            closed.close(() => {
                resolve();
            })
        );
        const { waits, sleep } = recorder();
        const answer = await postBody(
            { endpoint: `http://127.0.0.1:${address.port}${endpointPath()}` },
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
