// Browser tests of the Sync log section (c-comm100-sync-log) in the preview, with the keyboard only: filter,
// select, open a log, replay two; a hostile payload stays text; bad filter input is answered next to its field.
import assert from 'node:assert/strict';
import path from 'node:path';
import { focusedAttribute, tabToAttribute } from '../browser.mjs';

// The stage that holds the component: the preview renders it as a dynamic component, whose element name is the
// preview's own (c-comm100sync-log), not the tag a page uses (c-comm100-sync-log).
const COMPONENT = '.preview__stage[data-component="c-comm100-sync-log"]';

function texts(page, selector) {
    return page.locator(`${COMPONENT} ${selector}`).allTextContents();
}

async function trimmed(page, selector) {
    return ((await page.locator(`${COMPONENT} ${selector}`).first().textContent()) ?? '').trim();
}

export default function defineSection({ test, openScene, switchScene, tabTo, screenshots }) {
    test('the sync log: filter, select two, open one and replay both with the keyboard', async ({ open }) => {
        const { page } = await openScene(open, 'comm100SyncLog/mixed');
        const rows = page.locator(`${COMPONENT} tbody tr`);
        await rows.first().waitFor();
        assert.equal(await rows.count(), 8);
        assert.deepEqual(await texts(page, '.sync-log__flag'), ['Dead letter', 'Stuck: waiting over 60 min']);
        assert.match((await page.locator(`${COMPONENT} tbody tr`).nth(2).getAttribute('class')) ?? '', /dead-letter/);
        assert.match((await page.locator(`${COMPONENT} tbody tr`).nth(3).getAttribute('class')) ?? '', /stuck/);
        await page.screenshot({ path: path.join(screenshots, 'sync-log-mixed.png'), fullPage: true });

        // Filter: type the event type and press Enter.
        await tabToAttribute(page, 'data-field', 'eventType');
        await page.keyboard.type('chat_ended');
        await page.keyboard.press('Enter');
        await page.locator(`${COMPONENT} tbody tr`).nth(3).waitFor();
        await page.locator(`${COMPONENT} .sync-log__summary`, { hasText: '4 logs' }).waitFor();
        assert.deepEqual(
            (await texts(page, 'button.sync-log__open')).map((name) => name.trim()),
            ['SL-00000047', 'SL-00000046', 'SL-00000045', 'SL-00000044']
        );

        // Select two with the space bar.
        await tabToAttribute(page, 'aria-label', 'Select SL-00000047 for replay');
        await page.keyboard.press('Space');
        await tabToAttribute(page, 'aria-label', 'Select SL-00000046 for replay');
        await page.keyboard.press('Space');
        assert.equal(await trimmed(page, '.sync-log__replay-selected'), 'Replay selected (2)');

        // Open one: focus moves to its heading.
        await tabTo(page, 'SL-00000047', { back: true });
        await page.keyboard.press('Enter');
        await page.locator(`${COMPONENT} pre.sync-log__payload`).waitFor();
        assert.equal(await focusedAttribute(page, 'id').then((id) => id?.startsWith('sync-log-detail-heading')), true);
        assert.equal(await trimmed(page, '.sync-log__detail-heading'), 'Sync log SL-00000047');
        const payload = (await page.locator(`${COMPONENT} pre.sync-log__payload`).textContent()) ?? '';
        assert.ok(payload.startsWith('{\n  "event": "chat_ended",\n  "siteId": 10100000,'), payload.slice(0, 80));
        assert.deepEqual(
            (await texts(page, '.sync-log__record-link')).map((link) => link.trim()),
            [
                'Chat: Chat with Anna Müller',
                'Contact: 003000000000101AAA',
                'Account: 001000000000101AAA',
                'Case: 500000000000101AAA',
                'Task: 00T000000000101AAA'
            ]
        );
        await page.screenshot({ path: path.join(screenshots, 'sync-log-detail.png'), fullPage: true });

        // Back to the replay button and replay both.
        await tabTo(page, 'Replay selected (2)', { back: true });
        await page.keyboard.press('Enter');
        await page.locator(`${COMPONENT} .sync-log__replay-live`, { hasText: 'Replay finished' }).waitFor();
        assert.equal(await trimmed(page, '.sync-log__replay-live'), 'Replay finished: 1 replayed, 1 not replayed.');
        assert.deepEqual(await texts(page, '.sync-log__result .slds-badge'), ['Replayed', 'Not replayed']);
        const messages = await texts(page, '.sync-log__result-message');
        assert.equal(messages[0], 'SL-00000047: replayed.');
        assert.match(messages[1], /^SL-00000046: not replayed: the event could not be published \(LIMIT_EXCEEDED/);
        assert.equal(await page.locator(`${COMPONENT} .sync-log__progress`).getAttribute('aria-valuenow'), '2');
        assert.equal(await focusedAttribute(page, 'id').then((id) => id?.startsWith('sync-log-replay-heading')), true);
        // The page and the open log are read again: the replay wrote SL-00000049, and SL-00000047 is Replayed.
        await page.locator(`${COMPONENT} button.sync-log__open`, { hasText: 'SL-00000049' }).waitFor();
        await page.locator(`${COMPONENT} .sync-log__replay-link`, { hasText: 'SL-00000049' }).waitFor();
        assert.equal(await trimmed(page, 'tbody tr:nth-child(2) .sync-log__status'), 'Replayed');
        await page.screenshot({ path: path.join(screenshots, 'sync-log-replayed.png'), fullPage: true });
    });

    test('the sync log answers bad filter input next to the field and keeps what was typed', async ({ open }) => {
        const { page } = await openScene(open, 'comm100SyncLog/mixed');
        await page.locator(`${COMPONENT} tbody tr`).first().waitFor();
        await tabToAttribute(page, 'data-field', 'fromDate');
        await page.keyboard.type('2025-02-30');
        await page.keyboard.press('Tab');
        await page.keyboard.type('2025-01-01');
        await page.keyboard.press('Enter');
        const help = page.locator(`${COMPONENT} .slds-has-error .slds-form-element__help`);
        await help.first().waitFor();
        assert.deepEqual(await help.allTextContents(), [
            'Enter a date from 2000 to 3999 as YYYY-MM-DD, for example 2025-01-31.'
        ]);
        assert.deepEqual(await page.locator(`${COMPONENT} .sync-log__hint`).allTextContents(), [
            'The whole event type, ignoring case.',
            'The whole id, ignoring case.'
        ]);
        assert.equal(await focusedAttribute(page, 'data-field'), 'fromDate');
        assert.equal(await page.locator(`${COMPONENT} [data-field="fromDate"]`).inputValue(), '2025-02-30');
        assert.equal(await page.locator(`${COMPONENT} [data-field="fromDate"]`).getAttribute('aria-invalid'), 'true');
        assert.equal(await page.locator(`${COMPONENT} tbody tr`).count(), 8, 'the list is kept');
        await page.screenshot({ path: path.join(screenshots, 'sync-log-bad-filter.png'), fullPage: true });
    });

    test('the sync log shows a hostile payload as text and runs none of it', async ({ open }) => {
        const { page, dialogs } = await openScene(open, 'comm100SyncLog/hostile');
        await page.locator(`${COMPONENT} tbody tr`).first().waitFor();
        await tabTo(page, 'SL-00000066', { max: 120 });
        await page.keyboard.press('Enter');
        const payload = page.locator(`${COMPONENT} pre.sync-log__payload`);
        await payload.waitFor();
        const text = (await payload.textContent()) ?? '';
        assert.ok(text.includes('"name": "<img src=x onerror=\\"document.title=\'pwned\'\\">"'), text);
        assert.ok(text.includes('"id": 12345678901234567890'), 'a large number is kept as stored');
        assert.ok(
            (await trimmed(page, '.sync-log__reason-text')).startsWith('<img src=x onerror='),
            'the reason is text'
        );
        assert.equal(await page.locator(`${COMPONENT} img, ${COMPONENT} script, ${COMPONENT} svg[onload]`).count(), 0);
        await page.waitForTimeout(300);
        assert.equal(await page.title(), 'Comm100 for Salesforce — component preview');
        assert.deepEqual(dialogs, [], 'no alert ran');
        await page.screenshot({ path: path.join(screenshots, 'sync-log-hostile.png'), fullPage: true });
    });

    test('the sync log says when there are no logs, and shows a refusal', async ({ open }) => {
        const { page } = await openScene(open, 'comm100SyncLog/empty');
        await page.locator(`${COMPONENT} .sync-log__empty`).waitFor();
        assert.equal(await trimmed(page, '.sync-log__empty'), 'No Comm100 sync logs yet.');
        await page.screenshot({ path: path.join(screenshots, 'sync-log-empty.png'), fullPage: true });

        const refused = await switchScene(page, 'comm100SyncLog/refused');
        const panel = refused.page.locator(`${COMPONENT} c-error-panel [role="alert"]`);
        await panel.waitFor();
        assert.deepEqual(await refused.page.locator(`${COMPONENT} c-error-panel li`).allTextContents(), [
            'You do not have access to the Comm100 Setup. Ask your admin for the Comm100 Admin permission set.'
        ]);
        assert.equal(await refused.page.locator(`${COMPONENT} form`).count(), 0, 'no filters for a refused user');
        await refused.page.screenshot({ path: path.join(screenshots, 'sync-log-refused.png'), fullPage: true });
    });
}
