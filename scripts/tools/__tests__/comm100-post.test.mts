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
let failNext = 0;
let folder: string;

before(async () => {
    server = createServer((request, response) => {
        let body = '';
        request.setEncoding('utf8');
        request.on('data', (chunk: string) => (body += chunk));
        request.on('end', () => {
            received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
            if (failNext > 0) {
                failNext--;
                response.writeHead(503, { 'content-type': 'application/json' });
                response.end(JSON.stringify({ error: { code: 'PUBLISH_FAILED', message: 'try later' } }));
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
        failNext = 1;
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
