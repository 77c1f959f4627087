// Debian's Chromium driven by playwright-core: never a downloaded browser. Every page a browser test
// opens goes through pageTest(), which fails the test on any console error of any of its pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The browser's own way to open pages, kept for openPage(): the browser a test gets refuses to open any.
const contextOpeners = new WeakMap();

/** Launches Chromium. Its newPage() and newContext() throw: pages are opened by pageTest's `open`. */
export async function launchBrowser() {
    if (!existsSync(CHROMIUM)) {
        throw new Error(
            `Chromium is not at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`
        );
    }
    const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run'
        ]
    });
    contextOpeners.set(browser, browser.newContext.bind(browser));
    const refuse = () => {
        throw new Error("Open pages with pageTest's `open` (scripts/e2e/browser.mjs), which checks their console");
    };
    browser.newPage = refuse;
    browser.newContext = refuse;
    return browser;
}

/**
 * Opens a page that records console errors and uncaught exceptions (`problems`) and the message of every
 * dialog a script opened (`dialogs`, each dismissed). Browser tests do not call it: they open pages with
 * pageTest's `open`, so that none goes unchecked (the benchmark, which checks nothing, uses it directly).
 */
export async function openPage(browser) {
    const context = await contextOpeners.get(browser)({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.once('close', () => void context.close().catch(() => undefined));
    const problems = [];
    const dialogs = [];
    page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
    });
    page.on('console', (message) => {
        if (message.type() === 'error') {
            problems.push(`console: ${message.text()}`);
        }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    return { page, problems, dialogs };
}

/** Lets what the page was doing report its errors before it is closed. */
async function settle(page) {
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50))).catch(() => undefined);
}

/**
 * What is wrong with the pages a test opened: every console error and uncaught exception no `expect`
 * pattern of its page accounts for, and every pattern that nothing matched. Closes the pages.
 */
async function closeAndReport(opened) {
    const report = [];
    for (const { page, problems, expected, url } of opened) {
        if (!page.isClosed()) {
            await settle(page);
            await page.close();
        }
        const where = url ? ` (${url})` : '';
        for (const problem of problems) {
            if (!expected.some((pattern) => pattern.test(problem))) {
                report.push(`${problem}${where}`);
            }
        }
        for (const pattern of expected) {
            if (!problems.some((problem) => pattern.test(problem))) {
                report.push(`expected console problem ${pattern} never came${where}`);
            }
        }
    }
    return report;
}

/**
 * Defines browser tests. `pageTest(name, body)` runs `body({ open })`, where
 * `open(url, { expect })` opens a page (at `url` when given) and returns `{ page, problems, dialogs, close }`;
 * when the body is done, every page it opened is closed and the test fails on any console error or
 * uncaught exception of any of them, except those matched by the page's `expect` patterns (each of
 * which must then occur). A test that opens several pages may `close()` each when done with it.
 * @param {() => import('playwright-core').Browser} getBrowser
 */
export function definePageTest(getBrowser) {
    return function pageTest(name, body, options = {}) {
        return test(name, options, async () => {
            const opened = [];
            const open = async (url, { expect = [] } = {}) => {
                const entry = { ...(await openPage(getBrowser())), expected: expect, url };
                // Closes the page early (its problems are still checked at the end), to spare memory.
                entry.close = async () => {
                    await settle(entry.page);
                    await entry.page.close();
                };
                opened.push(entry);
                if (url) {
                    await entry.page.goto(url);
                }
                return entry;
            };
            let failure;
            try {
                await body({ open });
            } catch (error) {
                failure = error;
            }
            const report = await closeAndReport(opened);
            if (failure) {
                if (report.length > 0 && failure instanceof Error) {
                    failure.message += `\nand on the pages:\n${report.join('\n')}`;
                }
                throw failure;
            }
            assert.deepEqual(report, [], 'no console error and no uncaught exception on any page the test opened');
        });
    };
}

/** The text of the element that has keyboard focus, looking through shadow roots. */
export function focusedText(page) {
    return page.evaluate(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) {
            active = active.shadowRoot.activeElement;
        }
        return (active?.textContent ?? '').trim();
    });
}

/**
 * Presses Tab (Shift+Tab with `{ back: true }`) until the focused element's text is `text` (or, with
 * `{ contains: true }`, includes it); fails after `max` presses. The default allows a walk that passes the preview's whole list of scene links, which
 * grows with every scene.
 */
export async function tabTo(page, text, { contains = false, back = false, max = 150 } = {}) {
    for (let i = 0; i < max; i++) {
        await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
        const focused = await focusedText(page);
        if (contains ? focused.includes(text) : focused === text) {
            return;
        }
    }
    throw new Error(`"${text}" could not be reached with the ${back ? 'Shift+' : ''}Tab key`);
}

/** An attribute of the element that has keyboard focus, looking through shadow roots; null when it has none. */
export function focusedAttribute(page, name) {
    return page.evaluate((attribute) => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) {
            active = active.shadowRoot.activeElement;
        }
        return active?.getAttribute(attribute) ?? null;
    }, name);
}

/**
 * Presses Tab (Shift+Tab with `{ back: true }`) until the focused element's attribute `name` has `value`; fails
 * after `max` presses.
 */
export async function tabToAttribute(page, name, value, { back = false, max = 150 } = {}) {
    for (let i = 0; i < max; i++) {
        await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
        if ((await focusedAttribute(page, name)) === value) {
            return;
        }
    }
    throw new Error(`no element with ${name}="${value}" could be reached with the ${back ? 'Shift+' : ''}Tab key`);
}
