// A local stand-in for the package's webhook endpoint, on 127.0.0.1: it records every request and answers
// as the endpoint's contract says, so the comm100:post tests can read exactly what the command sent.
//
// - A request with X-Comm100-Part is one part of a split message: a bad X-Comm100-Message-Id or
//   X-Comm100-Part gets 400 INVALID_PART_HEADER, a body over partCharacters gets 413 with the split details,
//   anything else 202 {"accepted": [{"messageId", "part", "of", "eventUuids"}], "failed": []} (parts are
//   not parsed, as the endpoint does not parse them).
// - Any other body over maxBody gets 413 PAYLOAD_TOO_LARGE with the split details
//   {"maxBodyCharacters", "partCharacters", "partHeaders"}; a body that is not a JSON object with an
//   "event" gets 400 MALFORMED_JSON; a webhook gets 202 {"accepted": [{"comm100Id", "eventType",
//   "eventUuids"}], "failed": []}.
// - Before that, an answer from intercept (when set) or the first scripted answer wins.
import { createServer, type IncomingMessage, type Server } from 'node:http';

/** One request as the server received it. */
export interface Received {
    method: string;
    url: string;
    headers: IncomingMessage['headers'];
    /** The body decoded as UTF-8. */
    body: string;
}

/** An answer given instead of the normal one: that status, with {"error": {"code": "HTTP_<status>"}}. */
export interface Scripted {
    status: number;
    headers?: Record<string, string>;
}

/** The endpoint's limits the server enforces. */
export interface Limits {
    maxBody: number;
    partCharacters: number;
}

/** The endpoint's defaults: Max Body Characters and the part size of the contract. */
export const DEFAULT_LIMITS: Readonly<Limits> = { maxBody: 393_216, partCharacters: 120_000 };

export interface RecordingServer {
    /** The endpoint URL (path /services/apexrest/comm100/v1/webhooks). */
    endpoint: string;
    /** Every request, in the order it arrived. */
    received: Received[];
    /** Answers given to the next requests, first in first out, before they are handled normally. */
    scripted: Scripted[];
    /** The limits in force (change them in a test; reset() restores the defaults). */
    limits: Limits;
    /** Asked first about every request: an answer to give instead of the normal one, or undefined. */
    intercept?: (request: Received) => Scripted | undefined;
    /** Forgets the requests, the scripted answers and the intercept, and restores the default limits. */
    reset(): void;
    close(): Promise<void>;
}

const MESSAGE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const PART = /^([1-9]\d{0,2})\/([1-9]\d{0,2})$/;

function answer(
    response: import('node:http').ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {}
): void {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
}

/** Starts a recording server on a free port of 127.0.0.1. */
export async function startRecordingServer(): Promise<RecordingServer> {
    const state: RecordingServer = {
        endpoint: '',
        received: [],
        scripted: [],
        limits: { ...DEFAULT_LIMITS },
        reset() {
            state.received.length = 0;
            state.scripted.length = 0;
            state.intercept = undefined;
            state.limits = { ...DEFAULT_LIMITS };
        },
        close: () => Promise.resolve()
    };
    const splitDetails = (): Record<string, unknown> => ({
        maxBodyCharacters: state.limits.maxBody,
        partCharacters: state.limits.partCharacters,
        partHeaders: ['X-Comm100-Message-Id', 'X-Comm100-Part']
    });
    const server: Server = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
            const received: Received = {
                method: request.method ?? '',
                url: request.url ?? '',
                headers: request.headers,
                body: Buffer.concat(chunks).toString('utf8')
            };
            state.received.push(received);
            const body = received.body;
            const scripted = state.intercept?.(received) ?? state.scripted.shift();
            if (scripted) {
                answer(
                    response,
                    scripted.status,
                    { error: { code: `HTTP_${scripted.status}`, message: 'scripted' } },
                    scripted.headers
                );
                return;
            }
            const partHeader = request.headers['x-comm100-part'];
            if (partHeader !== undefined) {
                const messageId = String(request.headers['x-comm100-message-id'] ?? '');
                const match = PART.exec(String(partHeader));
                const part = Number(match?.[1]);
                const of = Number(match?.[2]);
                if (!MESSAGE_ID.test(messageId) || !match || part > of || of > 100) {
                    answer(response, 400, { error: { code: 'INVALID_PART_HEADER', message: 'Bad part headers' } });
                } else if (body.length > state.limits.partCharacters) {
                    answer(response, 413, {
                        error: {
                            code: 'PAYLOAD_TOO_LARGE',
                            message: `The part has ${body.length} characters; a part holds at most ${state.limits.partCharacters}.`,
                            details: splitDetails()
                        }
                    });
                } else {
                    answer(response, 202, {
                        accepted: [{ messageId, part, of, eventUuids: [`uuid-${part}`] }],
                        failed: []
                    });
                }
                return;
            }
            if (body.length > state.limits.maxBody) {
                answer(response, 413, {
                    error: {
                        code: 'PAYLOAD_TOO_LARGE',
                        message: `The body has ${body.length} characters; the limit is ${state.limits.maxBody}.`,
                        details: splitDetails()
                    }
                });
                return;
            }
            let parsed: { event?: string; chat?: { id?: string }; offline_message?: { id?: string } } | undefined;
            try {
                parsed = JSON.parse(body) as typeof parsed;
            } catch {
                parsed = undefined;
            }
            if (!parsed?.event) {
                answer(response, 400, { error: { code: 'MALFORMED_JSON', message: 'The body is not valid JSON' } });
                return;
            }
            const id = parsed.chat?.id ?? parsed.offline_message?.id ?? '?';
            answer(response, 202, {
                accepted: [{ comm100Id: id, eventType: parsed.event, eventUuids: ['uuid-1'] }],
                failed: []
            });
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address !== 'object') {
        throw new Error('the recording server has no port');
    }
    state.endpoint = `http://127.0.0.1:${address.port}/services/apexrest/comm100/v1/webhooks`;
    state.close = () =>
        new Promise<void>((resolve) => {
            server.close(() => {
                resolve();
            });
        });
    return state;
}

/** A log function for the command under test that keeps the lines it prints, for exact comparisons. */
export function logger(): { lines: string[]; log: (line: string) => void } {
    const lines: string[] = [];
    return {
        lines,
        log: (line: string) => {
            lines.push(line);
        }
    };
}

/** A port on 127.0.0.1 that nothing listens on any more (a server was opened there and closed). */
export async function closedPort(): Promise<number> {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    if (!address || typeof address !== 'object') {
        throw new Error('the server has no port');
    }
    await new Promise<void>((resolve) =>
        closed.close(() => {
            resolve();
        })
    );
    return address.port;
}
