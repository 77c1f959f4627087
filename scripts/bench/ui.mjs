#!/usr/bin/env node
// `npm run bench:ui`: how fast the transcript viewer shows and searches a 10,000-message chat in
// headless Chromium on the local preview, against a naive full render of the same data (the same
// component with a window larger than the chat). Prints the median of 5 runs of each; budgets: first
// screen within 150 ms, a search within 50 ms.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../lib/lwc-bundles.mjs';
import { buildLwc } from '../build-lwc.mjs';
import { bundlePreview } from '../preview/bundle.mjs';
import { startPreviewServer } from '../preview/server.mjs';
import { launchBrowser, openPage } from '../e2e/browser.mjs';

const MESSAGES = 10000;
const RUNS = 5;
const BUDGET_FIRST_SCREEN_MS = 150;
const BUDGET_SEARCH_MS = 50;
const APP_DIR = path.join(ROOT, 'build', 'preview');

function chat(id, name, count) {
    return {
        id,
        name,
        kind: 'Chat',
        status: 'Ended',
        startTime: '2025-11-25T09:40:12.000Z',
        endTime: '2025-11-25T11:40:12.000Z',
        durationSeconds: 7200,
        agents: 'Walid Haddad',
        rating: 5,
        messageCount: count,
        visitorName: 'Maria Lopez'
    };
}

function longTranscript() {
    const messages = [];
    for (let i = 0; i < MESSAGES; i++) {
        messages.push({
            sentAt: new Date(Date.UTC(2025, 10, 25, 9, 40, 12) + i * 1000).toISOString(),
            senderName: i % 2 === 0 ? 'Maria Lopez' : 'Walid Haddad',
            senderType: i % 2 === 0 ? 'visitor' : 'agent',
            content: `Message ${i + 1}: ${i === MESSAGES - 10 ? 'the needle is here' : 'checking the order SO-99817 and the refund policy once more'}`,
            attachmentUrl: null,
            translation: null
        });
    }
    return { chatId: 'a01000000000002AAA', messages };
}

function writeScenes(folder) {
    const apex = {
        'ChatTranscriptController.getChats': {
            data: {
                chats: [
                    chat('a01000000000001AAA', 'A short chat', 2),
                    chat('a01000000000002AAA', 'The 10,000-message chat', MESSAGES)
                ],
                nextCursor: null
            }
        },
        'ChatTranscriptController.getTranscript': [
            {
                when: { chatId: 'a01000000000001AAA' },
                data: {
                    chatId: 'a01000000000001AAA',
                    messages: [
                        {
                            sentAt: null,
                            senderName: '',
                            senderType: 'system',
                            content: 'Short chat.',
                            attachmentUrl: null,
                            translation: null
                        },
                        {
                            sentAt: null,
                            senderName: 'Ana',
                            senderType: 'agent',
                            content: 'Hello.',
                            attachmentUrl: null,
                            translation: null
                        }
                    ]
                }
            },
            { when: { chatId: 'a01000000000002AAA' }, data: longTranscript() }
        ]
    };
    for (const [id, windowSize] of [
        ['windowed', undefined],
        ['naive', MESSAGES * 10]
    ]) {
        const props = { recordId: '003000000000001AAA', ...(windowSize ? { windowSize } : {}) };
        writeFileSync(
            path.join(folder, `${id}.json`),
            JSON.stringify({ title: id, component: 'c-chat-transcript', props, apex })
        );
    }
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Milliseconds from an action to the first frame painted after its result is in the component's DOM:
 * 'open' clicks the long chat and waits for its first message; 'search' types "needle" and waits for the
 * match count and the current match.
 */
function timeUntilPainted(page, hostElement, target, action) {
    return page.evaluate(
        ({ host, element, kind }) =>
            new Promise((resolve) => {
                const root = host.shadowRoot;
                const done =
                    kind === 'open'
                        ? () => root.querySelector('.message__content')?.textContent.startsWith('Message 1:') === true
                        : () =>
                              root.querySelector('.transcript__match-count')?.textContent === '1 of 1' &&
                              root.querySelector('.message_current') !== null;
                const started = performance.now();
                const observer = new MutationObserver(() => {
                    if (done()) {
                        observer.disconnect();
                        requestAnimationFrame(() => resolve(performance.now() - started));
                    }
                });
                observer.observe(root, { childList: true, subtree: true, characterData: true });
                if (kind === 'open') {
                    element.click();
                } else {
                    element.value = 'needle';
                    element.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
                }
            }),
        { host: hostElement, element: target, kind: action }
    );
}

async function measure(browser, url, scene) {
    const { page } = await openPage(browser);
    await page.goto(`${url}#/${scene}`);
    const host = page.locator('c-chat-transcript');
    await host.locator('.message').first().waitFor();
    const longChat = host.locator('.chat-list__item').nth(1);
    const hostElement = await host.elementHandle();
    const firstScreen = await timeUntilPainted(page, hostElement, await longChat.elementHandle(), 'open');
    const searchField = await host.locator('.transcript__search-input').elementHandle();
    const search = await timeUntilPainted(page, hostElement, searchField, 'search');
    const rendered = await host.locator('.message').count();
    await page.close();
    return { firstScreen, search, rendered };
}

async function main() {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'bench-ui-'));
    let server;
    let browser;
    try {
        writeScenes(folder);
        await buildLwc();
        await bundlePreview(APP_DIR);
        server = await startPreviewServer({ appDir: APP_DIR, fixturesDir: folder });
        browser = await launchBrowser();
        const results = {};
        for (const scene of ['windowed', 'naive']) {
            const runs = [];
            for (let i = 0; i < RUNS; i++) {
                runs.push(await measure(browser, server.url, scene));
            }
            results[scene] = {
                firstScreenMs: median(runs.map((r) => r.firstScreen)),
                searchMs: median(runs.map((r) => r.search)),
                renderedMessages: runs[0].rendered
            };
        }
        const w = results.windowed;
        const n = results.naive;
        console.log(
            `Transcript viewer, ${MESSAGES.toLocaleString('en-US')} messages, median of ${RUNS} runs, headless Chromium`
        );
        console.log('                      windowed (shipped)   naive full render');
        console.log(
            `first screen (ms)     ${w.firstScreenMs.toFixed(1).padStart(18)}   ${n.firstScreenMs.toFixed(1).padStart(17)}   budget ${BUDGET_FIRST_SCREEN_MS}`
        );
        console.log(
            `search (ms)           ${w.searchMs.toFixed(1).padStart(18)}   ${n.searchMs.toFixed(1).padStart(17)}   budget ${BUDGET_SEARCH_MS}`
        );
        console.log(
            `messages in the DOM   ${String(w.renderedMessages).padStart(18)}   ${String(n.renderedMessages).padStart(17)}`
        );
        console.log(
            `within budget: first screen ${w.firstScreenMs <= BUDGET_FIRST_SCREEN_MS ? 'yes' : 'NO'}, search ${w.searchMs <= BUDGET_SEARCH_MS ? 'yes' : 'NO'}`
        );
        mkdirSync(path.join(ROOT, 'build'), { recursive: true });
        writeFileSync(
            path.join(ROOT, 'build', 'bench-ui.json'),
            `${JSON.stringify({ messages: MESSAGES, runs: RUNS, results }, null, 2)}\n`
        );
    } finally {
        await browser?.close();
        await server?.close();
        rmSync(folder, { recursive: true, force: true });
    }
}

main().catch((error) => {
    console.error(`✗ ${error.stack ?? error.message}`);
    process.exit(1);
});
