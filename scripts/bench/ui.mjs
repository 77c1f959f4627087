#!/usr/bin/env node
// `npm run bench:ui`: the transcript viewer on a generated 10,000-message chat (every sender type, internal notes,
// attachments, right-to-left and CJK text, emoji ZWJ sequences, zero-width characters, multi-line messages and one
// 60,000-character message; the same chat on every run), in headless Chromium on the local preview, against a naive
// full render of the same chat (a page that puts one c-transcript-message per message into one list), both built
// with LWC in production mode. A long message opens folded, so "jump to the longest message" ends when it is in
// view folded, and "unfold" measures showing all of it. Prints the median of 5 runs of each step and whether it is
// within its budget; it never fails on a missed budget.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../lib/lwc-bundles.mjs';
import { buildLwc } from '../build-lwc.mjs';
import { bundlePreview } from '../preview/bundle.mjs';
import { startPreviewServer } from '../preview/server.mjs';
import { launchBrowser, openPage } from '../e2e/browser.mjs';
import { bundleNaivePage } from './naive-page.mjs';

const MESSAGES = 10000;
const RUNS = 5;
const LONGEST_AT = 4321;
const LONGEST_LENGTH = 60000;
const FREQUENT_TERM = 'refund';
const RARE_TERM = 'kumquat';
const RARE_AT = [5, 7777];
const BUDGET = { jumpMs: 50, searchMs: 20, domElements: 200, heapGrowthMb: 20 };
/** The viewer's window when none is configured (as on the bench's page): a jump fills it after showing its target. */
const WINDOW = 30;
const APP_DIR = path.join(ROOT, 'build', 'bench-windowed');
const NAIVE_DIR = path.join(ROOT, 'build', 'bench-naive');
const CHAT_ID = 'a01000000000002AAA';
// What users get: orgs run LWC in production mode unless the user has Debug Mode on.
const MODE = 'production';

/** A small deterministic generator (mulberry32), so every run measures the same chat. */
function random(seed) {
    let state = seed;
    return () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const TEXTS = [
    'Checking order SO-99817 against the refund policy once more.',
    'مرحبا، أريد استرداد المبلغ للطلب 4471 من فضلك.',
    'שלום, ההזמנה 2231 הגיעה פגומה, אפשר החזר?',
    '您好，我的订单 8812 还没有发货，请帮我查一下。',
    'こんにちは、返金の手続きについて教えてください。',
    'Our team 👩‍💻👨‍👩‍👧‍👦 is on it 🏳️‍🌈 — thanks for waiting!',
    'The code is zero\u200Bwidth\u200Djoiner\u2060protected, see line 3.',
    'Line one of the address\nLine two: 12 Rue de la Paix\nLine three: 75002 Paris',
    'Mixed: the order رقم 5567 ships to תל אביב tomorrow.',
    'Can you resend the invoice? The refund was not applied.'
];
const SENDERS = [
    ['visitor', 'Maria Lopez'],
    ['agent', 'Walid Haddad'],
    ['bot', 'Comm100 Bot'],
    ['note', 'Walid Haddad'],
    ['system', '']
];

/** The generated chat: the same 10,000 messages on every call. */
function generateMessages() {
    const next = random(17);
    const start = Date.UTC(2025, 10, 25, 9, 40, 12);
    const messages = [];
    for (let i = 0; i < MESSAGES; i++) {
        const roll = next();
        const [senderType, senderName] =
            roll < 0.4
                ? SENDERS[0]
                : roll < 0.75
                  ? SENDERS[1]
                  : roll < 0.87
                    ? SENDERS[2]
                    : roll < 0.95
                      ? SENDERS[3]
                      : SENDERS[4];
        let content = `${TEXTS[Math.floor(next() * TEXTS.length)]} (#${i + 1})`;
        if (i === 1) {
            content = `The ${FREQUENT_TERM} is on its way (#2)`;
        } else if (RARE_AT.includes(i)) {
            content = `A ${RARE_TERM} crate, number ${i + 1}`;
        } else if (i === LONGEST_AT) {
            const unit = 'Pasted log: حساب 42 ✓ 日本語 👩‍💻 ok; ';
            content = unit.repeat(Math.ceil(LONGEST_LENGTH / unit.length)).slice(0, LONGEST_LENGTH);
        } else if (senderType === 'system') {
            content = `Chat transferred to Walid Haddad (#${i + 1})`;
        }
        const attachment = senderType === 'visitor' && next() < 0.02;
        messages.push({
            sentAt: new Date(start + i * 7000).toISOString(),
            senderName,
            senderType,
            content,
            attachmentUrl: attachment ? `https://files.example.com/chat/${i}/receipt.pdf` : null,
            translation: senderType === 'visitor' && next() < 0.03 ? 'Hello, I would like a refund.' : null
        });
    }
    return messages;
}

function chat(id, name, count) {
    return {
        id,
        name,
        kind: 'Chat',
        status: 'Ended',
        startTime: '2025-11-25T09:40:12.000Z',
        endTime: '2025-11-26T05:07:05.000Z',
        durationSeconds: 70013,
        agents: 'Walid Haddad',
        rating: 5,
        messageCount: count,
        visitorName: 'Maria Lopez'
    };
}

function writeScene(folder, messages) {
    const shortChat = {
        chatId: 'a01000000000001AAA',
        messages: [
            {
                sentAt: null,
                senderName: '',
                senderType: 'system',
                content: 'Short chat.',
                attachmentUrl: null,
                translation: null
            }
        ]
    };
    const apex = {
        'ChatTranscriptController.getChats': {
            data: {
                chats: [
                    chat('a01000000000001AAA', 'A short chat', 1),
                    chat(CHAT_ID, 'The 10,000-message chat', MESSAGES)
                ],
                nextCursor: null
            }
        },
        'ChatTranscriptController.getTranscript': [
            { when: { chatId: 'a01000000000001AAA' }, data: shortChat },
            { when: { chatId: CHAT_ID }, data: { chatId: CHAT_ID, messages } }
        ]
    };
    writeFileSync(
        path.join(folder, 'windowed.json'),
        JSON.stringify({
            title: 'windowed',
            component: 'c-chat-transcript',
            props: { recordId: '003000000000001AAA' },
            apex
        })
    );
}

/**
 * Which of the chat's scripts the machine has a font for. Without one, Chromium looks for the missing glyphs in
 * every font on each layout: laying out the same messages took about three times as long, which is not what an
 * agent's computer (with fonts for these scripts) does.
 */
function fontsLine() {
    const scripts = [
        ['Arabic', '645'],
        ['Hebrew', '5e9'],
        ['CJK', '6211'],
        ['emoji', '1f469']
    ];
    const has = (codePoint) =>
        execFileSync('fc-list', [`:charset=${codePoint}`, 'family'], { encoding: 'utf8' }).trim() !== '';
    let missing;
    try {
        missing = scripts.filter(([, codePoint]) => !has(codePoint)).map(([name]) => name);
    } catch (error) {
        return `Fonts not checked (fc-list: ${error.code ?? error.message}): install fonts for Arabic, Hebrew, CJK and emoji`;
    }
    return missing.length === 0
        ? 'Fonts: Arabic, Hebrew, CJK and emoji all present'
        : `Fonts missing for ${missing.join(', ')}: layout is slower than on an agent's computer (see CONTRIBUTING.md)`;
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Runs one step of the shipped viewer in the page: starts the clock, acts, and stops once the first frame after
 * the result is in the DOM is painted (checked on every DOM change and every task): `ms`. A jump shows its target
 * with the messages around it first and fills the rest of its window in a later frame: for a jump, `filledMs` is
 * when the frame with the whole window (`full` messages) is painted. Also counts the c-transcript-message elements
 * on every DOM change (`window.benchMostMessages`). The viewer is made of components, each with its own shadow
 * root: the step looks through all of them (not into the messages).
 */
function windowedStep(page, host, step) {
    return page.evaluate(
        ({ element, full, step: { kind, arg } }) =>
            new Promise((resolve, reject) => {
                const scan = () => {
                    const found = [element.shadowRoot];
                    for (let i = 0; i < found.length; i++) {
                        for (const child of found[i].querySelectorAll('*')) {
                            if (
                                child.shadowRoot &&
                                /^C-/.test(child.tagName) &&
                                child.tagName !== 'C-TRANSCRIPT-MESSAGE'
                            ) {
                                found.push(child.shadowRoot);
                            }
                        }
                    }
                    return found;
                };
                // The shadow roots, found again on every task (a component may appear), not on every DOM change.
                let roots = scan();
                const find = (selector) => {
                    for (const root of roots) {
                        const found = root.querySelector(selector);
                        if (found) {
                            return found;
                        }
                    }
                    return null;
                };
                const findAll = (selector) => roots.flatMap((root) => [...root.querySelectorAll(selector)]);
                const count = () => findAll('c-transcript-message').length;
                const observeAll = (observer, options) => {
                    for (const root of roots) {
                        observer.observe(root, options);
                    }
                };
                if (!window.benchFrame) {
                    // Whether the page is in a frame: from the frame's first callback until a task after its paint.
                    window.benchFrame = { running: false };
                    const request = window.requestAnimationFrame.bind(window);
                    window.requestAnimationFrame = (callback) =>
                        request((time) => {
                            if (!window.benchFrame.running) {
                                window.benchFrame.running = true;
                                const channel = new MessageChannel();
                                channel.port1.onmessage = () => {
                                    window.benchFrame.running = false;
                                };
                                channel.port2.postMessage(null);
                            }
                            callback(time);
                        });
                }
                if (!window.benchObserver) {
                    window.benchMostMessages = count();
                    window.benchObserver = new MutationObserver(() => {
                        window.benchMostMessages = Math.max(window.benchMostMessages, count());
                    });
                    observeAll(window.benchObserver, { childList: true, subtree: true });
                }
                const message = (index) => {
                    const item = find(`c-transcript-message[data-index="${index}"]`);
                    return item?.shadowRoot?.querySelector('.transcript-message') ? item : null;
                };
                const currentMark = () =>
                    findAll('c-transcript-message').some(
                        (item) => item.current && item.shadowRoot?.querySelector('.transcript-message__mark_current')
                    );
                const status = () => find('.transcript__match-count')?.textContent ?? '';
                const search = find('.transcript__search-input');
                const type = (value) => {
                    search.value = value;
                    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
                };
                const fold = (index) => message(index)?.shadowRoot.querySelector('.transcript-message__fold');
                const steps = {
                    open: [() => findAll('.chat-list__item')[1].click(), () => message(0) !== null],
                    search: [() => type(arg), () => /^1 of \d+$/.test(status()) && currentMark()],
                    next: [
                        () =>
                            search.dispatchEvent(
                                new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true })
                            ),
                        () => status() === arg.status && message(arg.index)?.current === true && currentMark()
                    ],
                    clear: [() => type(''), () => status() === '' && !currentMark()],
                    end: [
                        () => find('.transcript__to-end').click(),
                        () => message(arg) !== null && find('.transcript__end') !== null
                    ],
                    // A long message opens folded: the jump is done when the message and its fold button are there.
                    show: [() => element.showMessage(arg), () => Boolean(fold(arg))],
                    unfold: [
                        () => fold(arg.index).click(),
                        () => (message(arg.index)?.shadowRoot.textContent.length ?? 0) >= arg.length
                    ]
                };
                const [act, done] = steps[kind];
                const jumps = ['next', 'show', 'end'].includes(kind);
                const filled = () => count() >= full;
                // A frame's callbacks run before its style, layout and paint; a task posted from them runs after
                // the frame is painted. What is rendered while a frame's callbacks run (a jump fills its window
                // in one) is painted with that frame; else with the next one.
                const whenPainted = (then) => {
                    const afterPaint = () => {
                        const channel = new MessageChannel();
                        channel.port1.onmessage = () => {
                            window.benchMostMessages = Math.max(window.benchMostMessages, count());
                            then(performance.now() - started);
                        };
                        channel.port2.postMessage(null);
                    };
                    if (window.benchFrame.running) {
                        afterPaint();
                    } else {
                        requestAnimationFrame(afterPaint);
                    }
                };
                let finished = false;
                let waiting = false;
                let shownMs;
                const finish = (filledMs) => {
                    finished = true;
                    observer.disconnect();
                    resolve({ ms: shownMs, filledMs });
                };
                const check = () => {
                    if (finished || waiting) {
                        return;
                    }
                    if (shownMs === undefined && done()) {
                        waiting = true;
                        whenPainted((ms) => {
                            shownMs = ms;
                            waiting = false;
                            if (jumps) {
                                check();
                            } else {
                                finish(null);
                            }
                        });
                    } else if (shownMs !== undefined && filled()) {
                        waiting = true;
                        whenPainted(finish);
                    }
                };
                const changes = { childList: true, subtree: true, characterData: true, attributes: true };
                const observer = new MutationObserver(check);
                observeAll(observer, changes);
                const poll = () => {
                    roots = scan();
                    observeAll(observer, changes);
                    observeAll(window.benchObserver, { childList: true, subtree: true });
                    check();
                    if (!finished) {
                        if (performance.now() - started > 120000) {
                            reject(new Error(`step ${kind} did not finish`));
                        } else {
                            setTimeout(poll, 0);
                        }
                    }
                };
                const started = performance.now();
                act();
                setTimeout(poll, 0);
            }),
        { element: host, full: WINDOW, step }
    );
}

/** The JS heap in MB after a full garbage collection. */
async function heapMb(cdp) {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1024 / 1024;
}

async function measureWindowed(browser, url) {
    const { page } = await openPage(browser);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${url}#/windowed`);
    const locator = page.locator('c-chat-transcript');
    await locator.locator('.chat-list__item').nth(1).waitFor();
    const host = await locator.elementHandle();
    const result = {};
    const step = (kind, arg) => windowedStep(page, host, { kind, arg });
    /** A jump's time to its target, and to its whole window under `filledKey`. */
    const jump = async (key, filledKey, kind, arg) => {
        const { ms, filledMs } = await step(kind, arg);
        result[key] = ms;
        result[filledKey] = filledMs;
    };
    result.firstScreen = (await step('open')).ms;
    result.heapFirstScreen = await heapMb(cdp);
    result.searchFrequent = (await step('search', FREQUENT_TERM)).ms;
    await step('clear');
    result.searchRare = (await step('search', RARE_TERM)).ms;
    await jump('farMatch', 'farMatchFilled', 'next', { status: '2 of 2', index: RARE_AT[1] });
    await step('clear');
    await jump('longest', 'longestFilled', 'show', LONGEST_AT);
    result.unfold = (await step('unfold', { index: LONGEST_AT, length: LONGEST_LENGTH })).ms;
    await jump('end', 'endFilled', 'end', MESSAGES - 1);
    result.heapEnd = await heapMb(cdp);
    result.mostMessages = await page.evaluate(() => window.benchMostMessages);
    await page.close();
    return result;
}

/**
 * Runs one step of the naive full render: every message is in the DOM, so a search scans the data, highlights
 * every match and scrolls to the first; a jump scrolls. Stops once the next frame is painted.
 */
function naiveStep(page, kind, arg) {
    return page.evaluate(
        ({ kind: step, arg: value }) =>
            new Promise((resolve) => {
                const started = performance.now();
                const items = window.benchMessages();
                if (step === 'open') {
                    window.benchScroller = window.benchRenderAll(window.benchData);
                } else if (step === 'search' || step === 'clear') {
                    const term = value.normalize('NFC').toLowerCase();
                    let first = -1;
                    window.benchData.forEach((message, index) => {
                        const text = (message.content ?? '').normalize('NFC').toLowerCase();
                        const ranges = [];
                        for (
                            let at = term ? text.indexOf(term) : -1;
                            at >= 0;
                            at = text.indexOf(term, at + term.length)
                        ) {
                            ranges.push({ start: at, end: at + term.length });
                        }
                        const item = items[index];
                        if (ranges.length > 0 || item.highlights?.length) {
                            item.highlights = ranges;
                        }
                        item.current = ranges.length > 0 && first < 0;
                        if (ranges.length > 0 && first < 0) {
                            first = index;
                        }
                    });
                    if (first >= 0) {
                        items[first].scrollIntoView({ block: 'nearest' });
                    }
                } else if (step === 'next') {
                    for (const item of items) {
                        item.current = false;
                    }
                    items[value].current = true;
                    items[value].scrollIntoView({ block: 'nearest' });
                } else if (step === 'show') {
                    items[value].scrollIntoView({ block: 'nearest' });
                } else if (step === 'unfold') {
                    items[value].shadowRoot.querySelector('.transcript-message__fold').click();
                } else if (step === 'end') {
                    window.benchScroller.scrollTop = window.benchScroller.scrollHeight;
                }
                // LWC renders the changed messages in a microtask; the frame after it shows them, and a task posted
                // from its callbacks runs once it is painted.
                Promise.resolve().then(() =>
                    requestAnimationFrame(() => {
                        const channel = new MessageChannel();
                        channel.port1.onmessage = () => resolve(performance.now() - started);
                        channel.port2.postMessage(null);
                    })
                );
            }),
        { kind, arg }
    );
}

async function measureNaive(browser, url, messages) {
    const { page } = await openPage(browser);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url);
    await page.waitForFunction(() => typeof window.benchRenderAll === 'function');
    await page.evaluate((data) => {
        window.benchData = data;
    }, messages);
    const result = {};
    result.firstScreen = await naiveStep(page, 'open');
    result.heapFirstScreen = await heapMb(cdp);
    result.searchFrequent = await naiveStep(page, 'search', FREQUENT_TERM);
    await naiveStep(page, 'clear', '');
    result.searchRare = await naiveStep(page, 'search', RARE_TERM);
    result.farMatch = await naiveStep(page, 'next', RARE_AT[1]);
    await naiveStep(page, 'clear', '');
    result.longest = await naiveStep(page, 'show', LONGEST_AT);
    result.unfold = await naiveStep(page, 'unfold', LONGEST_AT);
    result.end = await naiveStep(page, 'end');
    result.heapEnd = await heapMb(cdp);
    result.mostMessages = await page.evaluate(() => window.benchMessages().length);
    await page.close();
    return result;
}

const ROWS = [
    ['first screen (ms)', 'firstScreen', null],
    [`search, frequent "${FREQUENT_TERM}" (ms)`, 'searchFrequent', BUDGET.searchMs],
    [`search, rare "${RARE_TERM}" (ms)`, 'searchRare', BUDGET.searchMs],
    [`jump to a far match, #${RARE_AT[1] + 1} (ms)`, 'farMatch', BUDGET.jumpMs],
    ['  … its whole window (ms)', 'farMatchFilled', null],
    [`jump to the longest message, #${LONGEST_AT + 1} (ms)`, 'longest', BUDGET.jumpMs],
    ['  … its whole window (ms)', 'longestFilled', null],
    ['unfold the longest message (ms)', 'unfold', null],
    ['jump to the end (ms)', 'end', BUDGET.jumpMs],
    ['  … its whole window (ms)', 'endFilled', null],
    ['most message elements in the DOM', 'mostMessages', BUDGET.domElements],
    ['JS heap after the end (MB)', 'heapEnd', null],
    ['heap growth over first screen (MB)', 'heapGrowth', BUDGET.heapGrowthMb]
];

function summarise(runs) {
    const keys = [
        'firstScreen',
        'searchFrequent',
        'searchRare',
        'farMatch',
        'farMatchFilled',
        'longest',
        'longestFilled',
        'unfold',
        'end',
        'endFilled',
        'heapFirstScreen',
        'heapEnd'
    ];
    const result = Object.fromEntries(keys.map((key) => [key, median(runs.map((r) => r[key]))]));
    result.heapGrowth = median(runs.map((r) => r.heapEnd - r.heapFirstScreen));
    result.mostMessages = Math.max(...runs.map((r) => r.mostMessages));
    return result;
}

function printTable(windowed, naive) {
    const format = (key, value) => {
        if (value === undefined || value === null) {
            return '—';
        }
        return key === 'mostMessages' ? String(value) : value.toFixed(1);
    };
    const lines = [
        `Transcript viewer, ${MESSAGES.toLocaleString('en-US')} generated messages, median of ${RUNS} runs, headless Chromium`,
        fontsLine(),
        `${'step'.padEnd(40)}${'windowed (shipped)'.padStart(20)}${'naive full render'.padStart(20)}   budget (windowed)`
    ];
    for (const [label, key, budget] of ROWS) {
        const verdict = budget === null ? '' : `≤ ${budget}: ${windowed[key] <= budget ? 'met' : 'over budget'}`;
        lines.push(
            `${label.padEnd(40)}${format(key, windowed[key]).padStart(20)}${format(key, naive[key]).padStart(20)}   ${verdict}`
        );
    }
    console.log(lines.join('\n'));
}

async function main() {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'bench-ui-'));
    const messages = generateMessages();
    let servers = [];
    let browser;
    try {
        writeScene(folder, messages);
        await buildLwc();
        await bundlePreview(APP_DIR, { mode: MODE });
        await bundleNaivePage(NAIVE_DIR, { mode: MODE });
        servers = [
            await startPreviewServer({ appDir: APP_DIR, fixturesDir: folder }),
            await startPreviewServer({ appDir: NAIVE_DIR, fixturesDir: folder })
        ];
        browser = await launchBrowser();
        const windowedRuns = [];
        const naiveRuns = [];
        for (let i = 0; i < RUNS; i++) {
            windowedRuns.push(await measureWindowed(browser, servers[0].url));
            naiveRuns.push(await measureNaive(browser, servers[1].url, messages));
        }
        const windowed = summarise(windowedRuns);
        const naive = summarise(naiveRuns);
        printTable(windowed, naive);
        mkdirSync(path.join(ROOT, 'build'), { recursive: true });
        writeFileSync(
            path.join(ROOT, 'build', 'bench-ui.json'),
            `${JSON.stringify({ messages: MESSAGES, runs: RUNS, budget: BUDGET, windowed, naive, windowedRuns, naiveRuns }, null, 2)}\n`
        );
    } finally {
        await browser?.close();
        for (const server of servers) {
            await server.close();
        }
        rmSync(folder, { recursive: true, force: true });
    }
}

main().catch((error) => {
    console.error(`✗ ${error.stack ?? error.message}`);
    process.exit(1);
});
