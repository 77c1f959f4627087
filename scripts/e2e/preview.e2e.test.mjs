// Browser tests of the local preview: Debian's Chromium against the real server and bundle.
import { describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../lib/lwc-bundles.mjs';
import { buildLwc } from '../build-lwc.mjs';
import { bundlePreview } from '../preview/bundle.mjs';
import { startPreviewServer, DEFAULT_FIXTURES } from '../preview/server.mjs';
import { definePageTest, launchBrowser, tabTo, tabToAttribute } from './browser.mjs';

const APP_DIR = path.join(ROOT, 'build', 'preview');
const SCREENSHOTS = path.join(ROOT, 'build', 'screenshots');

let browser;
let server;

before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await buildLwc();
    await bundlePreview(APP_DIR);
    server = await startPreviewServer({ appDir: APP_DIR, fixturesDir: DEFAULT_FIXTURES });
    browser = await launchBrowser();
});

after(async () => {
    await browser?.close();
    await server?.close();
});

// Every page is opened through pageTest's `open`, which checks its console when the test ends.
const test = definePageTest(() => browser);

/** Shows another scene in an open page, through its address, and waits for its component to be rendered. */
async function switchScene(page, id) {
    await page.evaluate(
        (hash) => {
            window.location.hash = hash;
        },
        `#/${encodeURI(id)}`
    );
    await page.locator(`[data-scene="${id}"] .preview__stage > *`).first().waitFor();
    return { page };
}

async function openScene(open, id, { url = server.url, expect } = {}) {
    const opened = await open(`${url}#/${id}`, { expect });
    await opened.page.locator(`[data-scene="${id}"]`).waitFor();
    return opened;
}

describe('local preview', () => {
    test('the page loads with SLDS styles and lists every scene of the fixture folder', async ({ open }) => {
        const { page } = await open(server.url);
        await page.locator('preview-app nav a').first().waitFor();
        assert.equal(await page.title(), 'Comm100 for Salesforce — component preview');
        const links = await page.locator('preview-app nav a').allTextContents();
        assert.ok(links.includes('Error panel — Apex refused (AuraHandledException)'), links.join(' | '));
        const sldsLoaded = await page.evaluate(() =>
            [...document.styleSheets].some((sheet) => (sheet.href ?? '').includes('salesforce-lightning-design-system'))
        );
        assert.ok(sldsLoaded, 'the SLDS stylesheet is loaded');
        // The first scene is opened by default.
        await page.locator('preview-app [data-scene]').waitFor();
    });

    test('the error panel renders a reduced Apex error as an alert', async ({ open }) => {
        const { page } = await openScene(open, 'errorPanel/apex-error');
        const panel = page.locator('c-error-panel [role="alert"]');
        await panel.waitFor();
        assert.equal(
            await page.locator('c-error-panel .error-panel__headline').textContent(),
            'The chats could not be loaded.'
        );
        assert.deepEqual(await page.locator('c-error-panel li').allTextContents(), [
            'You do not have access to the Comm100 chats of this record. Ask your admin for the Comm100 Agent permission set.'
        ]);
        assert.equal(await page.locator('c-error-panel lightning-icon .slds-assistive-text').textContent(), 'Error');
        await page.screenshot({ path: path.join(SCREENSHOTS, 'error-panel-apex-error.png'), fullPage: true });
    });

    test('a write error is reduced to its record and field messages', async ({ open }) => {
        const { page } = await openScene(open, 'errorPanel/record-write-error');
        await page.locator('c-error-panel li').first().waitFor();
        assert.deepEqual(await page.locator('c-error-panel li').allTextContents(), [
            "You're creating a duplicate record. We recommend you use an existing record instead.",
            'Email: invalid email address: anna.mueller@'
        ]);
    });

    test('markup inside an error message is shown as text and never runs', async ({ open }) => {
        const { page } = await openScene(open, 'errorPanel/several-errors');
        await page.locator('c-error-panel li').first().waitFor();
        const items = await page.locator('c-error-panel li').allTextContents();
        assert.equal(items.length, 3, 'the repeated message is shown once');
        assert.ok(items[1].includes('<img src=x onerror="document.title=\'pwned\'">'), items[1]);
        assert.equal(await page.locator('c-error-panel img').count(), 0);
        assert.equal(await page.title(), 'Comm100 for Salesforce — component preview');
        await page.screenshot({ path: path.join(SCREENSHOTS, 'error-panel-several-errors.png'), fullPage: true });
    });

    test('scenes can be chosen with the keyboard alone', async ({ open }) => {
        const { page } = await openScene(open, 'errorPanel/apex-error');
        await tabTo(page, 'Error panel — warning');
        await page.keyboard.press('Enter');
        const target = page.locator('preview-app nav a', { hasText: 'Error panel — warning' });
        await page.locator('[data-scene="errorPanel/warning"]').waitFor();
        assert.equal(await target.getAttribute('aria-current'), 'page');
        const panel = page.locator('c-error-panel [role="alert"]');
        assert.match((await panel.getAttribute('class')) ?? '', /slds-alert_warning/);
    });

    test('PREVIEW_FIXTURES: another fixture folder is shown, a broken scene explains itself, an unanswered Apex call fails loudly', async ({
        open
    }) => {
        const folder = mkdtempSync(path.join(os.tmpdir(), 'preview-fixtures-'));
        const write = (name, scene) => writeFileSync(path.join(folder, name), JSON.stringify(scene));
        write('mine.json', {
            title: 'My own error',
            component: 'c-error-panel',
            props: { friendlyMessage: 'From my folder.', errors: 'Custom reason' }
        });
        writeFileSync(path.join(folder, 'broken.json'), '{ "title": "half');
        // A misspelt "when" would make the answer answer every call: the scene is refused instead.
        write('misspelt.json', {
            title: 'Misspelt',
            component: 'c-chat-transcript',
            apex: {
                'ChatTranscriptController.getChats': { wehn: { recordId: 'x' }, data: { chats: [], nextCursor: null } }
            }
        });
        // The component asks for another record's chats than the only answer names.
        write('unmatched.json', {
            title: 'Unmatched',
            component: 'c-chat-transcript',
            props: { recordId: '003000000000009AAA' },
            apex: {
                'ChatTranscriptController.getChats': {
                    when: { recordId: '003000000000001AAA' },
                    data: { chats: [], nextCursor: null }
                }
            }
        });
        const other = await startPreviewServer({ appDir: APP_DIR, fixturesDir: folder });
        try {
            const { page } = await openScene(open, 'mine', {
                url: other.url,
                expect: [
                    /status of 422/,
                    /\[preview\] No answer of the preview scene "unmatched" for Apex method ChatTranscriptController\.getChats matches its parameters \{[^}]*"recordId":"003000000000009AAA"/
                ]
            });
            assert.equal(await page.locator('c-error-panel li').textContent(), 'Custom reason');
            const links = await page.locator('preview-app nav a').allTextContents();
            assert.deepEqual(links.sort(), ['My own error', 'Unmatched', 'broken (invalid)', 'misspelt (invalid)']);
            await page.goto(`${other.url}#/broken`);
            await page.locator('.preview__scene-error').waitFor();
            assert.match(
                (await page.locator('.preview__scene-error').textContent()) ?? '',
                /broken\.json is not valid JSON/
            );
            await page.goto(`${other.url}#/misspelt`);
            await page.locator('.preview__scene-error', { hasText: 'misspelt' }).waitFor();
            assert.match(
                (await page.locator('.preview__scene-error').textContent()) ?? '',
                /ChatTranscriptController\.getChats answer 1: unknown key "wehn"/
            );
            await page.goto(`${other.url}#/unmatched`);
            const error = page.locator('c-chat-transcript c-error-panel li');
            await error.waitFor();
            assert.match(
                (await error.textContent()) ?? '',
                /ChatTranscriptController\.getChats matches its parameters \{[^}]*"recordId":"003000000000009AAA"/
            );
        } finally {
            await other.close();
            rmSync(folder, { recursive: true, force: true });
        }
    });
});

describe('transcript viewer in the preview', () => {
    const messages = (page) => page.locator('c-chat-transcript c-transcript-message');
    const windowLabel = (page) => page.locator('c-chat-transcript .transcript__messages').getAttribute('aria-label');
    const matchCount = (page) => page.locator('c-chat-transcript .transcript__match-count').textContent();
    const current = (page) => page.locator('c-chat-transcript .transcript-message_current');

    /** Waits until the conversation shows the window `label` ("Messages 1 to 30 of 1000"). */
    async function waitForWindow(page, label) {
        await page.locator(`c-chat-transcript .transcript__messages[aria-label="${label}"]`).waitFor();
    }

    /** Where the conversation box is scrolled, and how far it can be. */
    function scrollState(page) {
        return page
            .locator('c-chat-transcript .transcript__scroller')
            .evaluate((box) => ({ top: box.scrollTop, max: box.scrollHeight - box.clientHeight }));
    }

    test('shows the chats and the newest transcript as a conversation, with notes marked and a screenshot', async ({
        open
    }) => {
        const { page } = await openScene(open, 'chatTranscript/data');
        await messages(page).first().waitFor();
        assert.equal(await page.locator('c-chat-transcript .chat-list__name').count(), 3);
        assert.equal(await messages(page).count(), 8);
        assert.match(
            (await page.locator('c-chat-transcript .transcript-message__note-label').textContent()) ?? '',
            /Internal note/
        );
        assert.match(
            (await page.locator('c-chat-transcript .transcript__start').textContent()) ?? '',
            /Chat started by Maria Lopez/
        );
        assert.equal(await page.locator('c-chat-transcript .transcript__end .slds-chat-bookend_stop').count(), 1);
        assert.equal(await page.locator('c-chat-transcript .slds-chat .slds-chat-list').count(), 1);
        await page.locator('c-chat-transcript').screenshot({ path: path.join(SCREENSHOTS, 'chat-transcript.png') });
    });

    test('searches a long chat and steps through matches with the keyboard', async ({ open }) => {
        const { page } = await openScene(open, 'chatTranscript/long');
        await messages(page).first().waitFor();
        assert.equal(await messages(page).count(), 30, 'a window, not all 1,000 messages');
        await page.locator('c-chat-transcript .transcript__search-input').focus();
        await page.keyboard.type('refund');
        await page.locator('c-chat-transcript .transcript__match-count', { hasText: 'of 3' }).waitFor();
        assert.equal(await matchCount(page), '1 of 3');
        await page.keyboard.press('Enter');
        assert.equal(await matchCount(page), '2 of 3');
        assert.match((await current(page).textContent()) ?? '', /Message 641:/);
        assert.equal(await current(page).locator('bdi > mark').textContent(), 'refund');
        assert.ok((await messages(page).count()) <= 30);
        await page.keyboard.press('Shift+Enter');
        assert.equal(await matchCount(page), '1 of 3');
    });

    test('jumps to the end and the start of a long chat with End and Home, and scrolls through it holding one window', async ({
        open
    }) => {
        const { page } = await openScene(open, 'chatTranscript/long');
        await messages(page).first().waitFor();
        await tabToAttribute(page, 'aria-label', 'Conversation');
        await page.keyboard.press('End');
        await waitForWindow(page, 'Messages 971 to 1000 of 1000');
        assert.equal(await messages(page).count(), 30);
        await page.locator('c-chat-transcript .transcript__end').waitFor();
        const atEnd = await scrollState(page);
        assert.ok(atEnd.top >= atEnd.max - 2, `scrolled to the bottom: ${JSON.stringify(atEnd)}`);
        await page
            .locator('c-chat-transcript')
            .screenshot({ path: path.join(SCREENSHOTS, 'chat-transcript-long-end.png') });

        await page.keyboard.press('Home');
        await waitForWindow(page, 'Messages 1 to 30 of 1000');
        assert.equal((await scrollState(page)).top, 0);

        // Page Down, again and again: the window slides forward and never holds more than 30 messages
        let most = 0;
        for (let i = 0; i < 40; i++) {
            await page.keyboard.press('PageDown');
            most = Math.max(most, await messages(page).count());
        }
        assert.ok(most <= 30, `at most 30 messages in the DOM, saw ${most}`);
        const label = (await windowLabel(page)) ?? '';
        const [, first] = /Messages (\d+) to/.exec(label) ?? [];
        assert.ok(Number(first) > 1, `the window moved on: ${label}`);
    });

    test('keeps the message in view where it was when scrolling moves the window', async ({ open }) => {
        const { page } = await openScene(open, 'chatTranscript/long');
        await messages(page).first().waitFor();
        const box = page.locator('c-chat-transcript .transcript__scroller');
        // near the bottom of the window: the first message in view, and its distance from the box's top
        const before = await box.evaluate((element) => {
            element.scrollTop = element.scrollHeight - element.clientHeight - 40;
            const top = element.getBoundingClientRect().top;
            const item = Array.from(element.querySelectorAll('[data-index]')).find(
                (candidate) => candidate.getBoundingClientRect().bottom > top
            );
            return { index: item.dataset.index, offset: item.getBoundingClientRect().top - top };
        });
        await waitForWindow(page, 'Messages 16 to 45 of 1000');
        const after = await box.evaluate(
            (element, index) =>
                element.querySelector(`[data-index="${index}"]`).getBoundingClientRect().top -
                element.getBoundingClientRect().top,
            before.index
        );
        assert.ok(
            Math.abs(after - before.offset) <= 1,
            `message ${before.index} moved from ${before.offset} to ${after}`
        );
    });

    test('a jump shows its target with a screenful around it in the next frame, then fills the window without moving it', async ({
        open
    }) => {
        const { page } = await openScene(open, 'chatTranscript/long');
        await messages(page).first().waitFor();
        // In the page: jump to message 641, then read the window and where the message is in the box in the next
        // frame, and again once the window holds 30 messages.
        const { first, filled } = await page.locator('c-chat-transcript').evaluate(
            (host) =>
                new Promise((resolve, reject) => {
                    const box = host.shadowRoot
                        .querySelector('c-transcript-conversation')
                        .shadowRoot.querySelector('.transcript__scroller');
                    const where = () => {
                        const item = box.querySelector('[data-index="640"]');
                        return {
                            label: box.querySelector('.transcript__messages').getAttribute('aria-label'),
                            top: item
                                ? Math.round(item.getBoundingClientRect().top - box.getBoundingClientRect().top)
                                : null,
                            height: box.clientHeight
                        };
                    };
                    host.showMessage(640);
                    requestAnimationFrame(() => {
                        const shown = where();
                        let frames = 0;
                        const wait = () => {
                            const now = where();
                            if (now.label === 'Messages 626 to 655 of 1000') {
                                resolve({ first: shown, filled: now });
                            } else if (++frames > 30) {
                                reject(new Error(`the window did not fill: ${JSON.stringify(now)}`));
                            } else {
                                requestAnimationFrame(wait);
                            }
                        };
                        requestAnimationFrame(wait);
                    });
                })
        );
        assert.equal(first.label, 'Messages 636 to 645 of 1000');
        assert.ok(first.top !== null && first.top >= 0 && first.top < first.height, JSON.stringify(first));
        assert.ok(Math.abs(filled.top - first.top) <= 1, `message 641 moved from ${first.top} to ${filled.top}`);
    });

    test('a right-to-left chat: messages keep their own direction, search finds a word across a zero-width space, End and Home jump', async ({
        open
    }) => {
        const { page } = await openScene(open, 'chatTranscript/rtl');
        await messages(page).first().waitFor();
        const text = page.locator('c-chat-transcript c-transcript-message .slds-chat-message__text').nth(1);
        assert.equal(await text.getAttribute('dir'), 'auto');
        assert.equal(await text.evaluate((element) => getComputedStyle(element).direction), 'rtl');
        assert.equal(await text.evaluate((element) => element.matches(':dir(rtl)')), true);
        await page.locator('c-chat-transcript').screenshot({ path: path.join(SCREENSHOTS, 'chat-transcript-rtl.png') });

        await page.locator('c-chat-transcript .transcript__search-input').focus();
        await page.keyboard.type('الاسترداد');
        await page.locator('c-chat-transcript .transcript__match-count', { hasText: 'of 2' }).waitFor();
        assert.equal(await matchCount(page), '1 of 2');
        // the first match is written with a zero-width space inside it; the highlight covers it whole
        assert.equal(await current(page).locator('bdi > mark').textContent(), 'ال\u200bاسترداد');
        await page.keyboard.press('Enter');
        assert.equal(await matchCount(page), '2 of 2');
        assert.match((await current(page).textContent()) ?? '', /تم الاسترداد بنجاح/);
        assert.ok((await messages(page).count()) <= 30);
        await page
            .locator('c-chat-transcript')
            .screenshot({ path: path.join(SCREENSHOTS, 'chat-transcript-rtl-search.png') });

        await tabToAttribute(page, 'aria-label', 'Conversation');
        await page.keyboard.press('Home');
        await waitForWindow(page, 'Messages 1 to 30 of 290');
        await page.keyboard.press('End');
        await waitForWindow(page, 'Messages 261 to 290 of 290');
        assert.match((await page.locator('c-chat-transcript .transcript__end').textContent()) ?? '', /Chat ended/);
    });

    test('keeps each search box on one line with its buttons from 320 px up', async ({ open }) => {
        const { page } = await openScene(open, 'chatTranscript/data');
        await messages(page).first().waitFor();
        for (const width of [320, 480, 900]) {
            await page.locator('c-chat-transcript').evaluate((element, w) => {
                element.style.display = 'block';
                element.style.width = `${w}px`;
            }, width);
            for (const row of await page.locator('c-chat-transcript .search-row').all()) {
                const boxes = [];
                for (const child of await row.locator(':scope > *').all()) {
                    const box = await child.boundingBox();
                    if (box && box.width > 0) {
                        boxes.push(box);
                    }
                }
                const rowBox = await row.boundingBox();
                const middles = boxes.map((box) => Math.round(box.y + box.height / 2));
                assert.ok(
                    Math.max(...middles) - Math.min(...middles) <= 4,
                    `${width} px: one line, centres ${middles.join(', ')}`
                );
                assert.ok(
                    Math.max(...boxes.map((box) => box.x + box.width)) <= rowBox.x + rowBox.width + 1,
                    `${width} px: nothing overflows the row`
                );
            }
            if (width === 320) {
                await page
                    .locator('c-chat-transcript')
                    .screenshot({ path: path.join(SCREENSHOTS, 'chat-transcript-320px.png') });
            }
        }
    });

    test('opens a chat from the list with Tab and Enter', async ({ open }) => {
        const { page } = await openScene(open, 'chatTranscript/data');
        await messages(page).first().waitFor();
        await tabTo(page, 'Offline message from Maria Lopez', { contains: true });
        await page.keyboard.press('Enter');
        await page.locator('c-chat-transcript c-transcript-message >> text=charged twice').waitFor();
        assert.equal(await messages(page).count(), 1);
        assert.equal(
            await page.locator('c-chat-transcript [aria-current="true"] .chat-list__name').textContent(),
            'Offline message from Maria Lopez'
        );
    });

    test('renders the hostile fixture as text: no script runs, no element comes from chat content', async ({
        open
    }) => {
        const { page, dialogs } = await openScene(open, 'chatTranscript/hostile');
        await messages(page).first().waitFor();
        const transcript = page.locator('c-chat-transcript');
        assert.equal(
            await transcript
                .locator('c-transcript-message')
                .locator('img, svg:not(lightning-primitive-icon svg), b, script')
                .count(),
            0
        );
        assert.equal(
            await transcript.locator('c-transcript-message a').count(),
            0,
            'the javascript: links are not links'
        );
        const visitorLine = await messages(page).nth(2).locator('.slds-chat-message__text').textContent();
        assert.ok(visitorLine?.includes('<svg onload=alert(1)>hi</svg>'), visitorLine ?? '');
        assert.ok(
            (await transcript.locator('.chat-list__name').textContent())?.includes('<img src=x onerror=alert(1)>')
        );
        await page.waitForTimeout(300);
        assert.deepEqual(dialogs, [], 'no alert ran');
        await page
            .locator('c-chat-transcript')
            .screenshot({ path: path.join(SCREENSHOTS, 'chat-transcript-hostile.png') });
    });

    test("shows the viewer's parts on their own: a filtered chat list, and a conversation that jumps with End", async ({
        open
    }) => {
        const { page } = await openScene(open, 'transcriptChatList/filtered');
        const list = page.locator('c-transcript-chat-list');
        await list.locator('.chat-list__summary').waitFor();
        assert.deepEqual(await list.locator('.chat-list__name').allTextContents(), [
            'Offline message from Maria Lopez'
        ]);
        assert.match((await list.locator('.chat-list__summary').textContent()) ?? '', /1 chat mentions it/);

        await switchScene(page, 'transcriptConversation/long');
        const conversation = page.locator('c-transcript-conversation');
        await conversation.locator('.transcript__messages[aria-label="Messages 1 to 20 of 60"]').waitFor();
        assert.equal(await conversation.locator('c-transcript-message').count(), 20);
        await tabToAttribute(page, 'aria-label', 'Conversation');
        await page.keyboard.press('End');
        await conversation.locator('.transcript__messages[aria-label="Messages 41 to 60 of 60"]').waitFor();
        await conversation.locator('.transcript__end').waitFor();
        await conversation.screenshot({ path: path.join(SCREENSHOTS, 'transcript-conversation-end.png') });
    });

    test('a long message opens folded, and the keyboard unfolds and folds it again', async ({ open }) => {
        const { page } = await openScene(open, 'transcriptMessage/long-folded');
        const item = page.locator('c-transcript-message');
        const fold = item.locator('.transcript-message__fold');
        await fold.waitFor();
        const folded = ((await item.locator('.transcript-message__shown').textContent()) ?? '').length;
        assert.ok(folded <= 1000 && folded > 800, `about 1,000 characters shown, saw ${folded}`);
        assert.equal(await fold.textContent(), 'Show the whole message (3,000 characters) · 4 more matches');
        await page
            .locator('c-transcript-message')
            .screenshot({ path: path.join(SCREENSHOTS, 'transcript-message-folded.png') });
        await tabToAttribute(page, 'aria-expanded', 'false');
        await page.keyboard.press('Enter');
        await item.locator('.transcript-message__fold[aria-expanded="true"]').waitFor();
        assert.equal(((await item.locator('.transcript-message__shown').textContent()) ?? '').length, 3000);
        assert.equal(await item.locator('mark').count(), 5, 'the four hidden matches are highlighted once unfolded');
        await page.keyboard.press('Space');
        await item.locator('.transcript-message__fold[aria-expanded="false"]').waitFor();
        assert.equal(((await item.locator('.transcript-message__shown').textContent()) ?? '').length, folded);
    });
});

describe('visitor panel in the preview', () => {
    const panel = (page) => page.locator('c-visitor-panel');

    /** The value shown beside a label in a section of the panel. */
    async function fieldValue(section, label) {
        const field = section
            .locator('.visitor-panel__field')
            .filter({ has: section.page().locator('dt', { hasText: new RegExp(`^${label}$`) }) });
        return ((await field.locator('dd').textContent()) ?? '').trim();
    }

    test('shows the visitor, and edits the identified contact in place with the keyboard', async ({ open }) => {
        const { page } = await openScene(open, 'visitorPanel/identified-contact');
        await panel(page).locator('.visitor-panel__matched-record dl').waitFor();
        assert.equal(await panel(page).locator('h2').textContent(), 'Maria Lopez');
        assert.equal(
            (await panel(page).locator('.visitor-panel__identification-text').textContent()).trim(),
            'Identified as Contact'
        );
        assert.equal(await panel(page).locator('.visitor-panel__matched-link > span').textContent(), 'Maria Lopez');
        // The link is the one the navigation service generated for the matched contact, nothing else.
        assert.equal(
            await panel(page).locator('.visitor-panel__matched-link').getAttribute('href'),
            '/lightning/r/003000000000001AAA/view'
        );
        // A click navigates through the navigation service and does not follow the link.
        await panel(page).locator('.visitor-panel__matched-link').click();
        await page
            .locator('preview-app .preview__events li', { hasText: 'standard__recordPage 003000000000001AAA view' })
            .waitFor();
        assert.equal(new URL(page.url()).pathname, '/');
        const sections = await panel(page).locator('.visitor-panel__section h3').allTextContents();
        assert.deepEqual(sections, ['Visitor', 'Session', 'Custom variables', 'Pre-chat form']);
        assert.ok(
            (await panel(page).locator('[data-section="custom-variables"]').textContent()).includes('NW-0042'),
            'custom variables are listed'
        );
        // The agent cannot read the IP address (unreadableFields): the chat is read with optional fields,
        // so the panel shows everything else and leaves the IP address out.
        const session = (await panel(page).locator('[data-section="session"]').textContent()) ?? '';
        assert.ok(session.includes('Chrome 131') && !session.includes('203.0.113.24'), session);
        const contactValues = await panel(page)
            .locator('.visitor-panel__matched-record .preview-record-form__value')
            .allTextContents();
        assert.deepEqual(contactValues, [
            'Maria Lopez',
            'maria.lopez@example.com',
            '+1 415 555 0100',
            'Procurement',
            'Walid Haddad'
        ]);
        assert.deepEqual(
            await panel(page).locator('.visitor-panel__account-record .preview-record-form__value').allTextContents(),
            ['Northwind Traders', 'Priya Nair']
        );
        await page.screenshot({ path: path.join(SCREENSHOTS, 'visitor-panel-identified-contact.png'), fullPage: true });

        await tabTo(page, 'Edit Department');
        await page.keyboard.press('Enter');
        const department = panel(page).locator(
            '.visitor-panel__matched-record lightning-input[data-field="Department"] input'
        );
        await department.waitFor();
        await department.fill('Finance');
        await tabTo(page, 'Save');
        await page.keyboard.press('Enter');
        await panel(page).locator('.visitor-panel__matched-record dl').waitFor();
        assert.ok(
            (
                await panel(page)
                    .locator('.visitor-panel__matched-record .preview-record-form__value')
                    .allTextContents()
            ).includes('Finance')
        );
        await page
            .locator('preview-app .preview__events li', { hasText: 'Updated Contact 003000000000001AAA' })
            .waitFor();

        await tabTo(page, 'Attach Case');
        await page.keyboard.press('Enter');
        await panel(page).locator('.visitor-panel__pending').waitFor();
        assert.equal(
            await panel(page).locator('.visitor-panel__message').textContent(),
            'The chat will be attached when it ends.'
        );
        assert.equal(
            await panel(page).locator('.visitor-panel__pending').textContent(),
            'A case will be created for this chat when it ends.'
        );
        assert.equal(await panel(page).locator('.visitor-panel__options').count(), 0, 'one request per chat');
        // The scene answers requestAction only for ATTACH_CASE on this chat and the identified contact.
        await page
            .locator('preview-app .preview__events li', { hasText: 'Refresh asked for a01000000000001AAA' })
            .waitFor();
    });

    test('creates a contact from its layout, pre-filled and with required fields enforced, and attaches the chat', async ({
        open
    }) => {
        const { page } = await openScene(open, 'visitorPanel/not-found');
        await panel(page).locator('.visitor-panel__options').waitFor();
        assert.deepEqual(
            (await panel(page).locator('.visitor-panel__options lightning-button button').allTextContents()).map((t) =>
                t.trim()
            ),
            ['Create Lead & Attach Task', 'Create Case', 'Create Contact & Attach Case', 'Create Contact & Attach Task']
        );
        const form = panel(page).locator('lightning-record-edit-form');

        // A duplicate rule refuses every new Lead in this scene: the refusal shows in the form's
        // lightning-messages (the preview's edit form shows none itself), and nothing is attached.
        await tabTo(page, 'Create Lead & Attach Task');
        await page.keyboard.press('Enter');
        await form.locator('lightning-input-field').first().waitFor();
        await tabTo(page, 'Save and attach');
        await page.keyboard.press('Enter');
        const refusal = form.locator('lightning-messages [role="alert"]');
        await refusal.waitFor();
        assert.equal(
            (await refusal.textContent()).trim(),
            "You're creating a duplicate record. We recommend you use an existing record instead."
        );
        assert.equal(await panel(page).locator('.visitor-panel__attached').count(), 0, 'nothing was attached');
        await form.locator('lightning-button', { hasText: 'Cancel' }).click();
        await panel(page).locator('.visitor-panel__options').waitFor();

        await tabTo(page, 'Create Contact & Attach Case');
        await page.keyboard.press('Enter');
        await form.locator('lightning-input-field').first().waitFor();
        const labels = await form.locator('lightning-input-field label').allTextContents();
        assert.deepEqual(
            labels.map((label) => label.replace(/\s+/g, ' ').trim()),
            ['Salutation', 'First Name', '*Last Name', 'Account ID', 'Title', 'Phone', 'Email', 'Department'],
            'layout order, compound name split, the required field marked (by the component: the preview marks none)'
        );
        const lastName = form.locator(
            'lightning-input-field[data-field="LastName"] input, [data-field="LastName"] input'
        );
        assert.equal(await lastName.first().inputValue(), 'Maria Lopez');
        assert.equal(await form.locator('[data-field="Email"] input').inputValue(), 'maria.lopez@example.com');
        assert.equal(
            (await panel(page).locator('.visitor-panel__skipped').textContent()).trim(),
            'Not pre-filled: Department: you do not have access to write this field.'
        );
        await page.screenshot({ path: path.join(SCREENSHOTS, 'visitor-panel-create-form.png'), fullPage: true });

        await lastName.first().fill('');
        await tabTo(page, 'Save and attach');
        await page.keyboard.press('Enter');
        await page.waitForTimeout(200);
        assert.equal(await form.count(), 1, 'a required field left empty keeps the form open');
        assert.equal(
            await page.locator('preview-app .preview__events li', { hasText: 'Created Contact' }).count(),
            0,
            'nothing was created'
        );

        await lastName.first().fill('Lopez');
        await tabTo(page, 'Save and attach');
        await page.keyboard.press('Enter');
        await panel(page).locator('.visitor-panel__attached').waitFor();
        assert.equal(await panel(page).locator('.visitor-panel__message').textContent(), 'The chat is attached.');
        assert.match(
            await panel(page).locator('.visitor-panel__attached').textContent(),
            /This chat is attached to a case\./
        );
        // The scene answers requestAction only for the contact just created (003PV0000000001AAA).
        await page
            .locator('preview-app .preview__events li', { hasText: 'Created Contact 003PV0000000001AAA' })
            .waitFor();
    });

    test('tells the agent when a pending attachment is done', async ({ open }) => {
        const { page } = await openScene(open, 'visitorPanel/pending');
        const status = () => fieldValue(panel(page).locator('[data-section="session"]'), 'Status');
        await panel(page).locator('.visitor-panel__pending').waitFor();
        assert.equal(await status(), 'Started');
        await panel(page).locator('.visitor-panel__attached').waitFor({ timeout: 15_000 });
        assert.equal(
            await panel(page).locator('.visitor-panel__message').textContent(),
            'Done: This chat is attached to a case.'
        );
        // The chat ended on the server; the panel shows it because it told the data service to refresh
        // the chat (notifyRecordUpdateAvailable): the preview's record wires re-read only then.
        await panel(page)
            .locator('[data-section="session"] .visitor-panel__field dd', { hasText: /^Ended$/ })
            .waitFor({ timeout: 5_000 });
        assert.equal(await status(), 'Ended');
        await page.locator('preview-app .preview__events li', { hasText: 'Chat attached' }).waitFor();
        await page.screenshot({ path: path.join(SCREENSHOTS, 'visitor-panel-attached.png'), fullPage: true });
    });

    // One page, switching scenes from the address as a person using the preview does: each state is a fresh
    // component over its own scene (a page load costs seconds of the run; the switch is proven here too).
    test('shows loading, error, ambiguous, lead and refused-edit states', async ({ open }) => {
        const { page } = await openScene(open, 'visitorPanel/loading');
        await panel(page).locator('[role="status"] lightning-spinner').first().waitFor();
        await page.screenshot({ path: path.join(SCREENSHOTS, 'visitor-panel-loading.png'), fullPage: true });

        const error = await switchScene(page, 'visitorPanel/error');
        await panel(error.page).locator('c-error-panel').first().waitFor();
        assert.equal(
            await panel(error.page).locator('c-error-panel .error-panel__headline').first().textContent(),
            'The chat could not be loaded.'
        );
        await error.page.screenshot({ path: path.join(SCREENSHOTS, 'visitor-panel-error.png'), fullPage: true });

        const empty = await switchScene(page, 'visitorPanel/empty');
        await panel(empty.page).locator('[data-section="visitor"]').waitFor();
        assert.equal(await panel(empty.page).locator('h2').textContent(), 'Visitor');
        assert.equal(
            (await panel(empty.page).locator('[data-section="visitor"] p').textContent()).trim(),
            'Nothing is known about the visitor yet.'
        );
        assert.equal(
            (await panel(empty.page).locator('.visitor-panel__identification-text').textContent()).trim(),
            'The visitor has not been identified yet.'
        );
        await empty.page.screenshot({ path: path.join(SCREENSHOTS, 'visitor-panel-empty.png'), fullPage: true });

        const ambiguous = await switchScene(page, 'visitorPanel/ambiguous');
        await panel(ambiguous.page).locator('.visitor-panel__options').waitFor();
        assert.match(
            await panel(ambiguous.page).locator('.visitor-panel__identification-text').textContent(),
            /^Several records match this visitor/
        );

        const lead = await switchScene(page, 'visitorPanel/identified-lead');
        await panel(lead.page).locator('.visitor-panel__options').waitFor();
        assert.deepEqual(
            (await panel(lead.page).locator('.visitor-panel__options lightning-button button').allTextContents()).map(
                (t) => t.trim()
            ),
            ['Attach Task']
        );
        await tabTo(lead.page, 'Attach Task');
        await lead.page.keyboard.press('Enter');
        await panel(lead.page).locator('.visitor-panel__attached').waitFor();
        assert.match(await panel(lead.page).locator('.visitor-panel__attached').textContent(), /attached to a task/);

        const refused = await switchScene(page, 'visitorPanel/save-error');
        await panel(refused.page).locator('.visitor-panel__matched-record dl').waitFor();
        await tabTo(refused.page, 'Edit Email');
        await refused.page.keyboard.press('Enter');
        await tabTo(refused.page, 'Save');
        await refused.page.keyboard.press('Enter');
        const alert = panel(refused.page).locator('.visitor-panel__matched-record [role="alert"]');
        await alert.waitFor();
        assert.equal((await alert.textContent()).trim(), "Email: Use the visitor's work address.");
        await refused.page.screenshot({ path: path.join(SCREENSHOTS, 'visitor-panel-save-error.png'), fullPage: true });
    });

    test('renders hostile visitor data as text: no script runs, no element comes from chat content', async ({
        open
    }) => {
        const { page, dialogs } = await openScene(open, 'visitorPanel/hostile');
        await panel(page).locator('[data-section="pre-chat"] dd').first().waitFor();
        assert.equal(await panel(page).locator('img, script, b, svg:not(lightning-primitive-icon svg)').count(), 0);
        // The visitor's email address is a mailto: link; no other value is a link (no javascript: link).
        assert.deepEqual(
            await panel(page)
                .locator('.visitor-panel__section a')
                .evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
            ['mailto:bobby@example.net']
        );
        assert.equal(
            await panel(page).locator('h2').textContent(),
            "<img src=x onerror=alert(1)> Robert'); DROP TABLE Contact;--"
        );
        const text = await panel(page).textContent();
        for (const expected of [
            "<script>alert('x')</script>",
            '<b>Question</b>',
            '<svg onload=alert(2)>hi</svg>',
            'javascript:alert(document.cookie)'
        ]) {
            assert.ok(text.includes(expected), `shows ${expected} as text`);
        }
        await page.waitForTimeout(300);
        assert.deepEqual(dialogs, [], 'no alert ran');
        await page.screenshot({ path: path.join(SCREENSHOTS, 'visitor-panel-hostile.png'), fullPage: true });
    });

    test('closes and opens a section with the keyboard; links the email and phone; lists no pre-chat answer twice', async ({
        open
    }) => {
        const { page } = await openScene(open, 'visitorPanel/identified-contact');
        const visitor = panel(page).locator('[data-section="visitor"]');
        await visitor.locator('dd').first().waitFor();
        assert.deepEqual(
            await visitor.locator('dd a').evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
            ['mailto:maria.lopez@example.com', 'tel:+14155550100']
        );
        const preChat = panel(page).locator('[data-section="pre-chat"]');
        assert.deepEqual(await preChat.locator('dt').allTextContents(), ['Question']);
        assert.equal(
            (await preChat.locator('.visitor-panel__note').textContent()).trim(),
            'Shown under Visitor: Name, Email.'
        );

        await tabTo(page, 'Visitor');
        const toggle = visitor.locator('h3 button');
        assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
        await page.keyboard.press('Enter');
        await visitor.locator('dl').waitFor({ state: 'hidden' });
        assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
        await page.screenshot({ path: path.join(SCREENSHOTS, 'visitor-panel-section-closed.png'), fullPage: true });
        await page.keyboard.press('Space');
        await visitor.locator('dl').waitFor();
        assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
        await page.screenshot({ path: path.join(SCREENSHOTS, 'visitor-panel-sections.png'), fullPage: true });
    });
});

// The browser tests of the Comm100 Setup sections live beside this file, one module per section in sections/, so
// that each shares this file's server and browser. A module's default export defines its tests with what it is
// given; node --test does not run those modules by themselves (their names do not end in .test.mjs).
const SECTIONS = path.join(path.dirname(new URL(import.meta.url).pathname), 'sections');
const sectionFiles = readdirSync(SECTIONS)
    .filter((file) => file.endsWith('.mjs'))
    .sort();
for (const file of sectionFiles) {
    const { default: defineSection } = await import(pathToFileURL(path.join(SECTIONS, file)).href);
    describe(file.replace(/\.mjs$/, ''), () =>
        defineSection({ test, openScene, switchScene, tabTo, screenshots: SCREENSHOTS })
    );
}
