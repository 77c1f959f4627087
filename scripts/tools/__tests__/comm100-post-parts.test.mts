// comm100:post sends a body over the endpoint's limit as one message in parts, against the local
// recording server (recording-server.mts), which answers as the endpoint's contract says.
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
    main,
    parseOptions,
    splitText,
    safeEnd,
    splitDetails,
    partLabels,
    postMessage,
    describeMessage,
    newMessageId,
    UsageError,
    MAX_PARTS,
    type PartAnswer
} from '../comm100-post.mjs';
import { logger, startRecordingServer, type RecordingServer, type Received } from './recording-server.mjs';

const SECRET = 'a-long-enough-secret-for-signing-webhooks';
const PART_CHARACTERS = 120_000;

let server: RecordingServer;
let folder: string;

before(async () => {
    server = await startRecordingServer();
    folder = mkdtempSync(path.join(os.tmpdir(), 'comm100-post-parts-'));
});

after(async () => {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
});

beforeEach(() => {
    server.reset();
});

function write(name: string, text: string): string {
    const file = path.join(folder, name);
    writeFileSync(file, text, 'utf8');
    return file;
}

const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** The part requests the server received, with their number and count read from X-Comm100-Part. */
function partsOf(received: Received[]): { part: number; of: number; messageId: string; body: string }[] {
    return received
        .filter((r) => r.headers['x-comm100-part'] !== undefined)
        .map((r) => {
            const [part, of] = String(r.headers['x-comm100-part']).split('/').map(Number);
            return { part: part ?? 0, of: of ?? 0, messageId: String(r.headers['x-comm100-message-id']), body: r.body };
        });
}

/** A deterministic pseudo-random generator (mulberry32), so the generated chat is the same every run. */
function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const SENDERS = ['Walid Haddad', 'Maria Lopez', '田中 花子', 'Zoë Müller-Lüdenscheidt', 'Иван Петров'];
const PHRASES = [
    'Hi, my order arrived damaged. Can I get a refund?',
    'ご注文の商品が破損していたとのこと、大変申し訳ございません。',
    'Die Lieferung kam beschädigt an, bitte um Rückerstattung.',
    'Спасибо, жду возврата средств на карту.',
    'شكراً لتواصلك معنا، سنعالج طلبك فوراً.',
    'Thanks! 🙂 👍🏽 👨‍👩‍👧 🎉',
    'Order SO-99817 — 5–7 business days ✓ 𝄞 🇨🇦'
];

/**
 * A chat_ended webhook of 10,000 messages (mixed scripts, emoji, one message of 60,000 characters) whose
 * JSON text is about 1.8 million characters.
 */
function longChat(): string {
    const next = random(13);
    const lines: string[] = ['Agent Walid Haddad has joined the chat.'];
    for (let i = 0; i < 10_000; i++) {
        const seconds = 9 * 3600 + i * 3;
        const clock = [seconds / 3600, (seconds / 60) % 60, seconds % 60]
            .map((n) => String(Math.floor(n) % 24).padStart(2, '0'))
            .join(':');
        const sender = SENDERS[Math.floor(next() * SENDERS.length)] ?? '';
        let text = '';
        if (i === 5_000) {
            text = 'Lorem ipsum dolor sit amet 😀 '.repeat(2_000); // 30 units × 2,000: exactly 60,000
        } else {
            while (text.length < 125) {
                text += `${PHRASES[Math.floor(next() * PHRASES.length)] ?? ''} `;
            }
            text = text.trimEnd();
        }
        lines.push(`[${clock}] ${sender}: ${text}`);
    }
    return JSON.stringify({
        event: 'chat_ended',
        chat: {
            id: 'long-chat-1',
            name: 'Maria Lopez',
            start_time: 1764063612000,
            end_time: 1764093612000,
            chat_transcript: `${lines.join('⊙')}⊙`
        }
    });
}

describe('a chat of 10,000 messages (about 1.8 million characters)', () => {
    const body = longChat();
    let file: string;
    let received: Received[] = [];
    let lines: string[] = [];
    let code: number | undefined;

    before(async () => {
        server.reset();
        file = write('long-chat.json', body);
        const output = logger();
        code = await main([file, '--url', server.endpoint, '--secret', SECRET], undefined, output.log);
        received = [...server.received];
        lines = output.lines;
    });

    test('is the chat the issue describes: 1.7–1.9 million characters, emoji and a 60,000-character message', () => {
        // kills: a generator that shrinks and so no longer needs 15 or more parts
        assert.ok(body.length > 1_700_000 && body.length < 1_900_000, String(body.length));
        const transcript = (JSON.parse(body) as { chat: { chat_transcript: string } }).chat.chat_transcript;
        const lines = transcript.split('⊙');
        assert.equal(lines.length, 10_002, 'the join line, 10,000 messages and the empty tail');
        const long = lines[5_001] ?? '';
        assert.equal(long.slice(long.indexOf(': ') + 2).length, 60_000, 'message 5,001 holds 60,000 characters');
    });

    test('it_should_send_it_as_parts_only_whose_joined_bodies_give_back_the_exact_text', () => {
        // kills: a part lost, sent twice or out of order; a cut surrogate pair (sent as U+FFFD); a whole
        // body sent first (the endpoint would refuse it with 413 and nothing else is needed)
        assert.equal(code, 0, lines.join('\n'));
        assert.equal(received.length, partsOf(received).length, 'every request is a part');
        assert.equal(
            partsOf(received)
                .map((p) => p.body)
                .join(''),
            body
        );
    });

    test('it_should_fill_every_part_to_120,000 characters except where a surrogate pair would be cut', () => {
        // kills: parts over the part size; parts cut short for no reason; a part ending on a high surrogate
        // or starting on a low one
        let offset = 0;
        const parts = partsOf(received);
        for (const [index, part] of parts.entries()) {
            assert.ok(!isLow(part.body.charCodeAt(0)), `part ${index + 1} starts inside a surrogate pair`);
            assert.ok(!isHigh(part.body.charCodeAt(part.body.length - 1)), `part ${index + 1} ends inside one`);
            const expected =
                index === parts.length - 1
                    ? body.length - offset
                    : isHigh(body.charCodeAt(offset + PART_CHARACTERS - 1))
                      ? PART_CHARACTERS - 1
                      : PART_CHARACTERS;
            assert.equal(part.body.length, expected, `part ${index + 1}`);
            offset += part.body.length;
        }
        assert.equal(parts.length, Math.ceil(body.length / PART_CHARACTERS), 'no extra part was needed');
    });

    test('it_should_number_every_part_n/count_under_one_random_32-hex_message_id', () => {
        // kills: a message id per part, a fixed id, parts numbered from 0 or with a wrong count
        const parts = partsOf(received);
        const ids = new Set(parts.map((p) => p.messageId));
        assert.equal(ids.size, 1);
        assert.match([...ids][0] ?? '', /^[0-9a-f]{32}$/);
        assert.deepEqual(
            parts.map((p) => `${p.part}/${p.of}`),
            parts.map((_, i) => `${i + 1}/${parts.length}`)
        );
    });

    test('it_should_sign_each_part_on_its_own_body', () => {
        // kills: signing the whole body, or the first part's body, for every part
        for (const request of received) {
            const timestamp = String(request.headers['x-comm100-timestamp']);
            const expected = createHmac('sha256', SECRET).update(`${timestamp}.${request.body}`).digest('hex');
            assert.equal(request.headers['x-comm100-signature'], `sha256=${expected}`);
        }
    });

    test('it_should_label_every_part_with_the_event_type_and_chat_id', () => {
        // kills: labels missing, or taken from the wrong member
        for (const request of received) {
            assert.equal(request.headers['x-comm100-event-type'], 'chat_ended');
            assert.equal(request.headers['x-comm100-chat-id'], 'long-chat-1');
            assert.match(String(request.headers['content-type']), /^application\/json/);
        }
    });

    test('it_should_report_why_it_split_each_part_and_the_message', () => {
        // kills: a report without the parts, or a verdict that does not name the message
        const parts = partsOf(received);
        const id = parts[0]?.messageId ?? '';
        assert.deepEqual(lines, [
            `1 file(s) → ${server.endpoint} (signed)`,
            `  ${file}: ${body.length} characters, over the limit of 393216: sending ${parts.length} part(s) of at most 120000 characters as message ${id}`,
            ...parts.map(
                (p) =>
                    `    ✓ part ${p.part}/${p.of} (${p.body.length} characters) → 202: accepted part ${p.part}/${p.of}`
            ),
            `✓ ${file} → 202: message ${id} accepted in ${parts.length} parts`,
            '1 accepted, 0 refused'
        ]);
    });
});

describe('an emoji exactly at a part boundary', () => {
    test('it_should_end_the_part_before_the_emoji_and_start_the_next_with_it_whole', async () => {
        // kills: a cut at a fixed position (part 1 would end on the high surrogate, part 2 start on the low)
        const prefix = '{"event":"chat_ended","chat":{"id":"emoji-1","chat_transcript":"';
        const body = `${prefix}${'a'.repeat(PART_CHARACTERS - 1 - prefix.length)}😀${'b'.repeat(300_000)}"}}`;
        assert.equal(body.charCodeAt(PART_CHARACTERS - 1), 0xd83d, 'the high surrogate is the 120,000th unit');
        const file = write('emoji-boundary.json', body);
        const { lines, log } = logger();
        const code = await main([file, '--url', server.endpoint], undefined, log);
        assert.equal(code, 0, lines.join('\n'));
        const parts = partsOf(server.received);
        assert.deepEqual(
            parts.map((p) => p.body.length),
            [PART_CHARACTERS - 1, PART_CHARACTERS, PART_CHARACTERS, body.length - 3 * PART_CHARACTERS + 1]
        );
        assert.ok(parts[1]?.body.startsWith('😀'), 'the emoji opens part 2 whole');
        assert.equal(parts.map((p) => p.body).join(''), body);
    });
});

describe('a 413 with split details', () => {
    test('it_should_split_and_resend_a_body_the_endpoint_refuses_as_too_large', async () => {
        // kills: a 413 taken as final although it says how to split; parts sized by the command's default
        // instead of the endpoint's partCharacters
        server.limits = { maxBody: 5_000, partCharacters: 2_000 };
        const body = JSON.stringify({ event: 'chat_ended', chat: { id: 'c-413', chat_transcript: 'x'.repeat(9_000) } });
        const file = write('over-the-org-limit.json', body);
        const { lines, log } = logger();
        const code = await main([file, '--url', server.endpoint], undefined, log);
        assert.equal(code, 0, lines.join('\n'));
        const [whole, ...rest] = server.received;
        assert.equal(whole?.body, body, 'first the whole body, as the command knows no lower limit');
        assert.equal(whole.headers['x-comm100-part'], undefined);
        const parts = partsOf(rest);
        assert.deepEqual(
            parts.map((p) => p.body.length),
            [2_000, 2_000, 2_000, 2_000, body.length - 8_000]
        );
        assert.equal(parts.map((p) => p.body).join(''), body);
        assert.equal(
            lines[1],
            `  ${file}: the endpoint answered 413: ${body.length} characters, over its limit of 5000: sending 5 part(s) of at most 2000 characters as message ${parts[0]?.messageId}`
        );
    });

    test('it_should_keep_the_limits_a_413_gave_for_the_next_files_of_the_run', async () => {
        // kills: every file sent whole first and refused again
        server.limits = { maxBody: 5_000, partCharacters: 2_000 };
        const first = write(
            'first.json',
            JSON.stringify({ event: 'chat_ended', chat: { id: 'c-1', x: 'y'.repeat(6_000) } })
        );
        const second = write(
            'second.json',
            JSON.stringify({ event: 'chat_ended', chat: { id: 'c-2', x: 'z'.repeat(6_000) } })
        );
        const { lines, log } = logger();
        const code = await main([first, second, '--url', server.endpoint], undefined, log);
        assert.equal(code, 0, lines.join('\n'));
        assert.deepEqual(
            server.received.map((r) => r.headers['x-comm100-part'] ?? 'whole'),
            ['whole', '1/4', '2/4', '3/4', '4/4', '1/4', '2/4', '3/4', '4/4']
        );
    });

    test('it_should_resend_in_smaller_parts_when_the_first_part_is_refused_with_a_smaller_part_size', async () => {
        // kills: a message failed although nothing of it was accepted and the endpoint said how to split
        server.limits = { maxBody: 3_000, partCharacters: 1_000 };
        const body = JSON.stringify({ event: 'chat_ended', chat: { id: 'c-small', x: 'q'.repeat(5_900) } });
        const file = write('smaller-parts.json', body);
        const { lines, log } = logger();
        const code = await main(
            [file, '--url', server.endpoint, '--max-body', '3000', '--part-characters', '2500'],
            undefined,
            log
        );
        assert.equal(code, 0, lines.join('\n'));
        const parts = partsOf(server.received);
        assert.deepEqual(
            parts.map((p) => `${p.part}/${p.of} ${p.body.length}`),
            ['1/3 2500', '1/6 1000', '2/6 1000', '3/6 1000', '4/6 1000', '5/6 1000', `6/6 ${body.length - 5_000}`]
        );
        assert.notEqual(parts[0]?.messageId, parts[1]?.messageId, 'the resent message has an id of its own');
        assert.equal(
            parts
                .slice(1)
                .map((p) => p.body)
                .join(''),
            body
        );
    });

    test('it_should_take_a_413_without_split_details_as_final', async () => {
        // kills: splitting for an endpoint that never said it takes parts
        server.scripted.push({ status: 413 });
        const file = write('final-413.json', JSON.stringify({ event: 'chat_ended', chat: { id: 'c-final' } }));
        const { lines, log } = logger();
        const code = await main([file, '--url', server.endpoint], undefined, log);
        assert.equal(code, 1);
        assert.equal(server.received.length, 1);
        assert.deepEqual(lines.slice(1), [`✗ ${file} → 413: HTTP_413: scripted`, '0 accepted, 1 refused']);
    });
});

describe('retries and failures of parts', () => {
    const body = JSON.stringify({ event: 'chat_ended', chat: { id: 'c-retry', x: 'r'.repeat(3_900) } });

    test('it_should_retry_a_part_refused_with_429_or_5xx_like_any_request', async () => {
        // kills: parts posted without postBody's retries
        const seen = new Map<string, number>();
        server.intercept = (request) => {
            const part = String(request.headers['x-comm100-part']);
            seen.set(part, (seen.get(part) ?? 0) + 1);
            if (seen.get(part) === 1 && part === '2/4') {
                return { status: 429, headers: { 'Retry-After': '0' } };
            }
            return seen.get(part) === 1 && part === '3/4' ? { status: 502 } : undefined;
        };
        const file = write('retried.json', body);
        const { lines, log } = logger();
        const code = await main(
            [file, '--url', server.endpoint, '--max-body', '1000', '--part-characters', '1000'],
            undefined,
            log
        );
        assert.equal(code, 0, lines.join('\n'));
        assert.deepEqual(
            server.received.map((r) => r.headers['x-comm100-part']),
            ['1/4', '2/4', '2/4', '3/4', '3/4', '4/4']
        );
        assert.equal(
            partsOf(server.received.filter((_, i) => i !== 1 && i !== 3))
                .map((p) => p.body)
                .join(''),
            body
        );
        assert.equal(lines[3], '    ✓ part 2/4 (1000 characters) → 202 after 2 attempts: accepted part 2/4');
    });

    test('it_should_fail_the_whole_message_naming_the_part_refused_after_its_retries_and_send_no_later_part', async () => {
        // kills: later parts sent after a refused one; a message reported accepted; a report without the part
        server.intercept = (request) =>
            request.headers['x-comm100-part'] === '2/4' ? { status: 429, headers: { 'Retry-After': '0' } } : undefined;
        const file = write('refused-part.json', body);
        const { lines, log } = logger();
        const code = await main(
            [file, '--url', server.endpoint, '--max-body', '1000', '--part-characters', '1000'],
            undefined,
            log
        );
        assert.equal(code, 1);
        assert.deepEqual(
            server.received.map((r) => r.headers['x-comm100-part']),
            ['1/4', '2/4', '2/4', '2/4']
        );
        const id = String(server.received[0]?.headers['x-comm100-message-id']);
        assert.deepEqual(lines.slice(2), [
            '    ✓ part 1/4 (1000 characters) → 202: accepted part 1/4',
            '    ✗ part 2/4 (1000 characters) → 429 after 3 attempts: HTTP_429: scripted',
            `✗ ${file} → 429: part 2/4 of message ${id} was refused; parts 3–4 were not sent; the part already accepted waits in the org until its parts timeout dead-letters it; send the file again`,
            '0 accepted, 1 refused'
        ]);
    });

    test('it_should_refuse_a_file_that_needs_more_than_100_parts_without_sending_anything', async () => {
        // kills: a message the endpoint can never take sent part by part
        const file = write('too-many-parts.json', 'p'.repeat(201));
        const { lines, log } = logger();
        const code = await main(
            [file, '--url', server.endpoint, '--max-body', '10', '--part-characters', '2'],
            undefined,
            log
        );
        assert.equal(code, 1);
        assert.equal(server.received.length, 0);
        assert.equal(MAX_PARTS, 100);
        assert.equal(
            lines[1],
            `✗ ${file} → not sent: 201 characters, over the limit of 10; it needs 101 parts of at most 2 characters, more than the 100 a message may have`
        );
    });

    test('it_should_say_in_a_dry_run_how_many_parts_a_long_file_takes', async () => {
        // kills: a dry run that hides the split
        const file = write('dry.json', 'd'.repeat(2_500));
        const { lines, log } = logger();
        const code = await main(
            [file, '--url', server.endpoint, '--dry-run', '--max-body', '1000', '--part-characters', '1000'],
            undefined,
            log
        );
        assert.equal(code, 0);
        assert.equal(server.received.length, 0);
        assert.equal(
            lines[1],
            `  would post ${file} (2500 characters, source webhook) in 3 parts of at most 1000 characters`
        );
        const tooLong = write('dry-too-long.json', 'd'.repeat(1_010));
        const refused = logger();
        await main(
            [tooLong, '--url', server.endpoint, '--dry-run', '--max-body', '1000', '--part-characters', '10'],
            undefined,
            refused.log
        );
        assert.equal(
            refused.lines[1],
            `  would post ${tooLong} (1010 characters, source webhook) in 101 parts of at most 10 characters, more than the 100 a message may have: it would be refused`
        );
    });
});

describe('postMessage', () => {
    test('it_should_send_the_parts_it_is_given_in_order_with_the_label_headers_and_the_given_id', async () => {
        // kills: parts sent in parallel or out of order, labels dropped, the id ignored
        const answers: PartAnswer[] = [];
        const message = await postMessage(
            { endpoint: server.endpoint },
            { source: 'api_v3', headers: { 'X-Comm100-Chat-Id': '42' } },
            ['{"id":', '42}'],
            { messageId: 'msg_1-A', onPart: (answer) => answers.push(answer) }
        );
        assert.deepEqual(
            { messageId: message.messageId, count: message.count, complete: message.complete },
            { messageId: 'msg_1-A', count: 2, complete: true }
        );
        assert.deepEqual(
            answers.map((a) => `${a.part}/${a.count} ${a.characters} ${a.status}`),
            ['1/2 6 202', '2/2 3 202']
        );
        assert.deepEqual(
            server.received.map((r) => [
                r.url,
                r.body,
                r.headers['x-comm100-message-id'],
                r.headers['x-comm100-chat-id']
            ]),
            [
                ['/services/apexrest/comm100/v1/webhooks?source=api_v3', '{"id":', 'msg_1-A', '42'],
                ['/services/apexrest/comm100/v1/webhooks?source=api_v3', '42}', 'msg_1-A', '42']
            ]
        );
    });

    test('new message ids are 32 hex digits and differ', () => {
        // kills: a constant or short id
        const ids = new Set(Array.from({ length: 50 }, () => newMessageId()));
        assert.equal(ids.size, 50);
        for (const id of ids) {
            assert.match(id, /^[0-9a-f]{32}$/);
        }
    });
});

describe('splitText', () => {
    test('it_should_cut_any_text_with_emoji_anywhere_into_greedy_code-point-safe_parts_that_join_back', () => {
        // kills: a cut inside a surrogate pair at any offset; a part over the size; a part cut short
        const next = random(7);
        const units = ['a', 'é', '中', '😀', '👍🏽', '𝄞'];
        for (let round = 0; round < 300; round++) {
            let text = '';
            const length = Math.floor(next() * 40);
            for (let i = 0; i < length; i++) {
                text += units[Math.floor(next() * units.length)] ?? '';
            }
            const max = 2 + Math.floor(next() * 6);
            const parts = splitText(text, max);
            assert.equal(parts.join(''), text, text);
            let offset = 0;
            for (const [index, part] of parts.entries()) {
                const last = index === parts.length - 1;
                const full = isHigh(text.charCodeAt(offset + max - 1)) ? max - 1 : max;
                assert.equal(part.length, last ? text.length - offset : full, `${text} / ${max} / part ${index}`);
                assert.ok(part.length <= max && part.length > 0);
                assert.ok(!isHigh(part.charCodeAt(part.length - 1)) || last);
                assert.ok(!isLow(part.charCodeAt(0)));
                offset += part.length;
            }
        }
    });

    test('it_should_give_no_part_for_empty_text_and_refuse_a_size_under_2', () => {
        // kills: an endless loop or an empty part for empty text; a size of 1 that must cut every emoji
        assert.deepEqual(splitText('', 5), []);
        assert.throws(() => splitText('abc', 1), RangeError);
        assert.throws(() => safeEnd('abc', 0, 1.5), RangeError);
        assert.equal(safeEnd('ab😀', 0, 3), 2, 'the pair moves whole to the next part');
        assert.equal(safeEnd('ab😀', 0, 4), 4);
    });
});

describe('splitDetails', () => {
    const details = (value: unknown): string =>
        JSON.stringify({ error: { code: 'PAYLOAD_TOO_LARGE', details: value } });
    const HEADERS = ['X-Comm100-Message-Id', 'X-Comm100-Part'];

    test('it_should_read_the_limits_of_a_413_that_says_how_to_split', () => {
        // kills: details ignored or the two numbers swapped
        assert.deepEqual(
            splitDetails(details({ maxBodyCharacters: 393216, partCharacters: 120000, partHeaders: HEADERS })),
            {
                maxBodyCharacters: 393216,
                partCharacters: 120000
            }
        );
    });

    test('it_should_find_no_split_details_in_anything_else', () => {
        // kills: splitting on a 413 of an endpoint that does not take parts, or on limits that cannot work
        for (const body of [
            'not json',
            'null',
            JSON.stringify({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'too large' } }),
            details({ maxBodyCharacters: 393216, partCharacters: 120000 }),
            details({ maxBodyCharacters: 393216, partCharacters: 120000, partHeaders: ['X-Comm100-Part'] }),
            details({ maxBodyCharacters: 393216, partCharacters: 1, partHeaders: HEADERS }),
            details({ maxBodyCharacters: 0, partCharacters: 120000, partHeaders: HEADERS }),
            details({ maxBodyCharacters: '393216', partCharacters: 120000, partHeaders: HEADERS }),
            details({ maxBodyCharacters: 393216, partCharacters: 1.5, partHeaders: HEADERS })
        ]) {
            assert.equal(splitDetails(body), undefined, body);
        }
    });
});

describe('partLabels', () => {
    test('it_should_label_a_webhook_with_its_event_and_the_id_where_the_endpoint_looks_for_it', () => {
        // kills: labels from the wrong member, or the wrong order of the places an id can be
        assert.deepEqual(
            partLabels('{"event":"chat_ended","chat":{"id":"c-1"},"visitor":{"chat_id":"v-1"}}', 'webhook'),
            {
                'X-Comm100-Event-Type': 'chat_ended',
                'X-Comm100-Chat-Id': 'c-1'
            }
        );
        assert.deepEqual(partLabels('{"event":"offline_message_submitted","offline_message":{"id":77}}', 'webhook'), {
            'X-Comm100-Event-Type': 'offline_message_submitted',
            'X-Comm100-Chat-Id': '77'
        });
        assert.deepEqual(partLabels('{"event":"chat_started","visitor":{"chat_id":"v-1"}}', 'webhook'), {
            'X-Comm100-Event-Type': 'chat_started',
            'X-Comm100-Chat-Id': 'v-1'
        });
        assert.deepEqual(partLabels('{"id":"api-9","messages":[]}', 'api_v3'), {
            'X-Comm100-Event-Type': 'chat',
            'X-Comm100-Chat-Id': 'api-9'
        });
    });

    test('it_should_give_no_label_that_cannot_travel_as_a_header_nor_any_for_an_array_or_broken_JSON', () => {
        // kills: a header fetch would refuse (non-ASCII, spaces, line breaks) or the endpoint would refuse (an
        // event type over 40 or a chat id over 80 characters), failing the whole message
        assert.deepEqual(partLabels('{"event":"chat ended","chat":{"id":"Zoë-1"}}', 'webhook'), {});
        assert.deepEqual(partLabels(`{"event":"chat_ended","chat":{"id":"${'x'.repeat(81)}"}}`, 'webhook'), {
            'X-Comm100-Event-Type': 'chat_ended'
        });
        const event40 = `e${'v'.repeat(39)}`;
        assert.deepEqual(partLabels(`{"event":"${event40}","chat":{"id":"c-1"}}`, 'webhook'), {
            'X-Comm100-Event-Type': event40,
            'X-Comm100-Chat-Id': 'c-1'
        });
        assert.deepEqual(partLabels(`{"event":"${event40}v","chat":{"id":"c-1"}}`, 'webhook'), {
            'X-Comm100-Chat-Id': 'c-1'
        });
        assert.deepEqual(partLabels('[{"event":"chat_ended","chat":{"id":"c-1"}}]', 'webhook'), {});
        assert.deepEqual(partLabels('{"event":"chat_ended","chat":{"id":"c-1"', 'webhook'), {});
        assert.deepEqual(partLabels('{"event":"chat_ended","chat":null}', 'webhook'), {
            'X-Comm100-Event-Type': 'chat_ended'
        });
    });
});

describe('describeMessage', () => {
    const part = (n: number, count: number, status: number): PartAnswer => ({
        part: n,
        count,
        characters: 10,
        status,
        body: '',
        attempts: 1
    });
    const failedAt = (n: number, count: number): Parameters<typeof describeMessage>[1] => ({
        messageId: 'm1',
        count,
        complete: false,
        parts: [...Array.from({ length: n - 1 }, (_, i) => part(i + 1, count, 202)), part(n, count, 503)]
    });

    test('it_should_say_which_part_was_refused_what_was_not_sent_and_what_waits_in_the_org', () => {
        // kills: a wrong part named, a wrong range of unsent parts, singular and plural mixed up
        assert.equal(
            describeMessage('a.json', failedAt(1, 1)),
            '✗ a.json → 503: part 1/1 of message m1 was refused; send the file again'
        );
        assert.equal(
            describeMessage('a.json', failedAt(1, 3)),
            '✗ a.json → 503: part 1/3 of message m1 was refused; parts 2–3 were not sent; send the file again'
        );
        assert.equal(
            describeMessage('a.json', failedAt(2, 3)),
            '✗ a.json → 503: part 2/3 of message m1 was refused; part 3 was not sent; the part already accepted waits in the org until its parts timeout dead-letters it; send the file again'
        );
        assert.equal(
            describeMessage('a.json', failedAt(3, 3)),
            '✗ a.json → 503: part 3/3 of message m1 was refused; the 2 parts already accepted wait in the org until its parts timeout dead-letters them; send the file again'
        );
    });

    test('it_should_name_the_message_and_its_part_count_when_every_part_was_accepted', () => {
        // kills: a verdict without the message id
        assert.equal(
            describeMessage('a.json', {
                messageId: 'm1',
                count: 2,
                complete: true,
                parts: [part(1, 2, 202), part(2, 2, 202)]
            }),
            '✓ a.json → 202: message m1 accepted in 2 parts'
        );
    });
});

describe('options of the split', () => {
    test('it_should_read_the_limits_and_refuse_any_that_is_not_a_whole_number_in_range', () => {
        // kills: a part size of 1 (every emoji cut) or a limit of 0 (every file split) accepted
        const base = ['x.json', '--url', 'https://x.test/e'];
        const options = parseOptions([...base, '--max-body', '1000', '--part-characters', '2'], {});
        assert.deepEqual([options.maxBody, options.partCharacters], [1000, 2]);
        for (const [option, value, least] of [
            ['--max-body', '0', 1],
            ['--max-body', '1.5', 1],
            ['--max-body', '1e6', 1],
            ['--part-characters', '1', 2],
            ['--part-characters', 'many', 2]
        ] as const) {
            assert.throws(
                () => parseOptions([...base, option, value], {}),
                (error: Error) =>
                    error instanceof UsageError &&
                    error.message === `${option} must be a whole number of at least ${least}`
            );
        }
    });
});
