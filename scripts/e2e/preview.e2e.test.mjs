// Browser tests of the local preview: Debian's Chromium against the real server and bundle.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../lib/lwc-bundles.mjs';
import { buildLwc } from '../build-lwc.mjs';
import { bundlePreview } from '../preview/bundle.mjs';
import { startPreviewServer, DEFAULT_FIXTURES } from '../preview/server.mjs';
import { launchBrowser, openPage, tabTo } from './browser.mjs';

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

async function openScene(id, url = server.url) {
    const { page, problems } = await openPage(browser);
    await page.goto(`${url}#/${id}`);
    await page.locator(`[data-scene="${id}"]`).waitFor();
    return { page, problems };
}

describe('local preview', () => {
    test('the page loads with SLDS styles and lists every scene of the fixture folder', async () => {
        const { page, problems } = await openPage(browser);
        await page.goto(server.url);
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
        assert.deepEqual(problems, []);
        await page.close();
    });

    test('the error panel renders a reduced Apex error as an alert', async () => {
        const { page, problems } = await openScene('errorPanel/apex-error');
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
        assert.deepEqual(problems, []);
        await page.close();
    });

    test('a write error is reduced to its record and field messages', async () => {
        const { page } = await openScene('errorPanel/record-write-error');
        await page.locator('c-error-panel li').first().waitFor();
        assert.deepEqual(await page.locator('c-error-panel li').allTextContents(), [
            "You're creating a duplicate record. We recommend you use an existing record instead.",
            'Email: invalid email address: anna.mueller@'
        ]);
        await page.close();
    });

    test('markup inside an error message is shown as text and never runs', async () => {
        const { page, problems } = await openScene('errorPanel/several-errors');
        await page.locator('c-error-panel li').first().waitFor();
        const items = await page.locator('c-error-panel li').allTextContents();
        assert.equal(items.length, 3, 'the repeated message is shown once');
        assert.ok(items[1].includes('<img src=x onerror="document.title=\'pwned\'">'), items[1]);
        assert.equal(await page.locator('c-error-panel img').count(), 0);
        assert.equal(await page.title(), 'Comm100 for Salesforce — component preview');
        await page.screenshot({ path: path.join(SCREENSHOTS, 'error-panel-several-errors.png'), fullPage: true });
        assert.deepEqual(problems, []);
        await page.close();
    });

    test('scenes can be chosen with the keyboard alone', async () => {
        const { page, problems } = await openScene('errorPanel/apex-error');
        await tabTo(page, 'Error panel — warning');
        await page.keyboard.press('Enter');
        const target = page.locator('preview-app nav a', { hasText: 'Error panel — warning' });
        await page.locator('[data-scene="errorPanel/warning"]').waitFor();
        assert.equal(await target.getAttribute('aria-current'), 'page');
        const panel = page.locator('c-error-panel [role="alert"]');
        assert.match((await panel.getAttribute('class')) ?? '', /slds-alert_warning/);
        assert.deepEqual(problems, []);
        await page.close();
    });

    test('PREVIEW_FIXTURES: another fixture folder is shown, and a broken scene explains itself', async () => {
        const folder = mkdtempSync(path.join(os.tmpdir(), 'preview-fixtures-'));
        writeFileSync(
            path.join(folder, 'mine.json'),
            JSON.stringify({
                title: 'My own error',
                component: 'c-error-panel',
                props: { friendlyMessage: 'From my folder.', errors: 'Custom reason' }
            })
        );
        writeFileSync(path.join(folder, 'broken.json'), '{ "title": "half');
        const other = await startPreviewServer({ appDir: APP_DIR, fixturesDir: folder });
        try {
            const { page } = await openScene('mine', other.url);
            assert.equal(await page.locator('c-error-panel li').textContent(), 'Custom reason');
            const links = await page.locator('preview-app nav a').allTextContents();
            assert.deepEqual(links.sort(), ['My own error', 'broken (invalid)']);
            await page.goto(`${other.url}#/broken`);
            await page.locator('.preview__scene-error').waitFor();
            assert.match(
                (await page.locator('.preview__scene-error').textContent()) ?? '',
                /broken\.json is not valid JSON/
            );
            await page.close();
        } finally {
            await other.close();
            rmSync(folder, { recursive: true, force: true });
        }
    });
});

describe('transcript viewer in the preview', () => {
    test('shows the chats and the newest transcript, with notes marked and a screenshot', async () => {
        const { page, problems } = await openScene('chatTranscript/data');
        await page.locator('c-chat-transcript .message').first().waitFor();
        assert.equal(await page.locator('c-chat-transcript .chat-list__name').count(), 3);
        assert.equal(await page.locator('c-chat-transcript .message').count(), 8);
        assert.equal(
            await page.locator('c-chat-transcript .message__internal').textContent(),
            'Internal: not seen by the visitor'
        );
        await page.screenshot({ path: path.join(SCREENSHOTS, 'chat-transcript.png'), fullPage: true });
        assert.deepEqual(problems, []);
        await page.close();
    });

    test('searches a long chat and steps through matches with the keyboard', async () => {
        const { page, problems } = await openScene('chatTranscript/long');
        await page.locator('c-chat-transcript .message').first().waitFor();
        assert.equal(await page.locator('c-chat-transcript .message').count(), 30, 'a window, not all 1,000 messages');
        await page.locator('c-chat-transcript .transcript__search-input').focus();
        await page.keyboard.type('refund');
        await page.locator('c-chat-transcript .transcript__match-count').waitFor();
        assert.equal(await page.locator('c-chat-transcript .transcript__match-count').textContent(), '1 of 3');
        await page.keyboard.press('Enter');
        assert.equal(await page.locator('c-chat-transcript .transcript__match-count').textContent(), '2 of 3');
        assert.match((await page.locator('c-chat-transcript .message_current').textContent()) ?? '', /Message 641:/);
        await page.keyboard.press('Shift+Enter');
        assert.equal(await page.locator('c-chat-transcript .transcript__match-count').textContent(), '1 of 3');
        assert.deepEqual(problems, []);
        await page.close();
    });

    test('opens a chat from the list with Tab and Enter', async () => {
        const { page } = await openScene('chatTranscript/data');
        await page.locator('c-chat-transcript .message').first().waitFor();
        await tabTo(page, 'Offline message from Maria Lopez', { contains: true });
        await page.keyboard.press('Enter');
        await page.locator('c-chat-transcript .message >> text=charged twice').waitFor();
        assert.equal(await page.locator('c-chat-transcript .message').count(), 1);
        assert.equal(
            await page.locator('c-chat-transcript [aria-current="true"] .chat-list__name').textContent(),
            'Offline message from Maria Lopez'
        );
        await page.close();
    });

    test('renders the hostile fixture as text: no script runs, no element comes from chat content', async () => {
        const { page, problems } = await openScene('chatTranscript/hostile');
        const dialogs = [];
        page.on('dialog', (dialog) => {
            dialogs.push(dialog.message());
            void dialog.dismiss();
        });
        await page.locator('c-chat-transcript .message').first().waitFor();
        const transcript = page.locator('c-chat-transcript');
        assert.equal(await transcript.locator('img, svg:not(lightning-primitive-icon svg), b, script').count(), 0);
        assert.equal(await transcript.locator('.message a').count(), 0, 'the javascript: link is not a link');
        const visitorLine = await transcript.locator('.message').nth(2).textContent();
        assert.ok(visitorLine?.includes('<svg onload=alert(1)>hi</svg>'), visitorLine ?? '');
        assert.ok(
            (await transcript.locator('.chat-list__name').textContent())?.includes('<img src=x onerror=alert(1)>')
        );
        await page.waitForTimeout(300);
        assert.deepEqual(dialogs, [], 'no alert ran');
        await page.screenshot({ path: path.join(SCREENSHOTS, 'chat-transcript-hostile.png'), fullPage: true });
        assert.deepEqual(problems, []);
        await page.close();
    });
});
