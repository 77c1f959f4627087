// Debian's Chromium driven by playwright-core: never a downloaded browser.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser() {
    if (!existsSync(CHROMIUM)) {
        throw new Error(
            `Chromium is not at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`
        );
    }
    return chromium.launch({
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
}

/**
 * Opens a page that records console errors and uncaught exceptions (`problems`) and the message of every
 * dialog a script opened (`dialogs`, each dismissed).
 */
export async function openPage(browser) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
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
 * Presses Tab until the focused element's text is `text` (or, with `{ contains: true }`, includes it);
 * fails after `max` presses.
 */
export async function tabTo(page, text, { contains = false, max = 40 } = {}) {
    for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        const focused = await focusedText(page);
        if (contains ? focused.includes(text) : focused === text) {
            return;
        }
    }
    throw new Error(`"${text}" could not be reached with the Tab key`);
}
