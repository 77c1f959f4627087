// Browser tests of the Connect section of the Comm100 Setup page (c-comm100-connect-panel), with the keyboard.
import assert from 'node:assert/strict';
import path from 'node:path';

const BASE = 'https://litware.my.salesforce-sites.com';
const KEY = 'Vq3mA1c9-kN_2xYbT7pR4sLw8eHfJ0uZ6dGiCoKtQyM';
const ADDRESS = `${BASE}/services/apexrest/comm100/v1/hooks/${KEY}`;

export default function defineSection({ test, openScene, tabTo, screenshots }) {
    // The preview renders the scene's component dynamically (lwc:is), whose tag keeps no hyphen after the digits
    // (c-comm100connect-panel), so the panel is found as the scene's component, not by its tag.
    const panel = (page) => page.locator('[data-scene] .preview__stage > *').first();

    /** Replaces the clipboard with one that records what is written, as headless Chromium may refuse it. */
    async function recordClipboard(page) {
        await page.evaluate(() => {
            window.copiedText = [];
            Object.defineProperty(navigator, 'clipboard', {
                configurable: true,
                value: {
                    writeText: (text) => {
                        window.copiedText.push(text);
                        return Promise.resolve();
                    }
                }
            });
        });
    }

    test('connected: rotate the key, copy the address, register the webhooks, test and restart the poller with the keyboard', async ({
        open
    }) => {
        const { page } = await openScene(open, 'comm100ConnectPanel/connected');
        await panel(page).locator('.connect__health tbody tr').first().waitFor();
        assert.equal(
            await panel(page).locator('.connect__poller-state').textContent(),
            'Started: polls every 15 minutes.'
        );
        assert.equal(await panel(page).locator('.connect__health tbody tr').count(), 5);
        assert.equal(
            await panel(page).locator('.connect__health-last-error').textContent(),
            'Nothing went wrong in this period.'
        );
        await page.screenshot({ path: path.join(screenshots, 'connect-connected.png'), fullPage: true });
        await recordClipboard(page);

        await tabTo(page, 'Rotate the key');
        await page.keyboard.press('Enter');
        const secret = panel(page).locator('.connect__secret');
        await secret.waitFor();
        assert.equal(await secret.inputValue(), KEY, 'the key alone until the base URL is typed');
        await panel(page).locator('.connect__site-base-url').focus();
        await page.keyboard.type(`${BASE}/`);
        assert.equal(await secret.inputValue(), ADDRESS);
        assert.equal(await panel(page).locator('label[for^="shown-secret"]').textContent(), 'Address to give Comm100');
        await tabTo(page, 'Copy');
        await page.keyboard.press('Enter');
        await panel(page).locator('.connect__copy-message', { hasText: 'Copied.' }).waitFor();
        assert.deepEqual(await page.evaluate(() => window.copiedText), [ADDRESS]);
        await page.screenshot({ path: path.join(screenshots, 'connect-new-key.png'), fullPage: true });

        // The base URL is typed with its trailing slash; the registration is sent as typed and the Apex trims it.
        await panel(page).locator('.connect__site-base-url').fill(BASE);
        await tabTo(page, 'Register the webhooks');
        await page.keyboard.press('Enter');
        await panel(page).locator('.connect__events tbody tr').first().waitFor();
        assert.deepEqual(await panel(page).locator('.connect__events tbody .connect__outcome').allTextContents(), [
            'Updated',
            'Updated',
            'Updated',
            'Created'
        ]);
        assert.match(
            (await panel(page).locator('.connect__key-sentence').textContent()) ?? '',
            /^A new Site key is stored\. A webhook with the previous address keeps working until /
        );
        assert.match(
            (await panel(page).locator('.connect__events tbody tr').nth(1).textContent()) ?? '',
            /On another Salesforce Site, left alone: 71E0AA90/
        );

        await tabTo(page, 'Test connection');
        await page.keyboard.press('Enter');
        await panel(page).locator('.connect__test-ok').waitFor();

        await panel(page).locator('lightning-radio-group input[value="30"]').focus();
        await page.keyboard.press('Space');
        await tabTo(page, 'Restart polling');
        await page.keyboard.press('Enter');
        await panel(page).locator('.connect__poller-report').waitFor();
        assert.equal(
            await panel(page).locator('.connect__poller-state').textContent(),
            'Started: polls every 30 minutes.'
        );
        assert.match(
            (await panel(page).locator('.connect__poller-report').textContent()) ?? '',
            /^Comm100 chat polling started: every 30 minutes/
        );
        await page.screenshot({ path: path.join(screenshots, 'connect-registered.png'), fullPage: true });
    });

    test('a bad Site base URL is refused next to its field, keeping what was typed', async ({ open }) => {
        const { page } = await openScene(open, 'comm100ConnectPanel/connected');
        await panel(page).locator('.connect__health').waitFor();
        await tabTo(page, 'Register the webhooks');
        await page.keyboard.press('Enter');
        const error = panel(page).locator('.connect__site-base-url-error');
        assert.match((await error.textContent()) ?? '', /^Type the base address of your public Salesforce Site\./);
        const input = panel(page).locator('.connect__site-base-url');
        assert.equal(await input.evaluate((node) => node.matches(':focus')), true, 'the field has the focus');
        await page.keyboard.type('https://litware.my.site.com/support/s');
        await tabTo(page, 'Register the webhooks');
        await page.keyboard.press('Enter');
        assert.equal(
            await error.textContent(),
            'The Site address ends in /s, where the pages of an Experience Cloud site start: use https://litware.my.site.com/support.'
        );
        assert.equal(await input.inputValue(), 'https://litware.my.site.com/support/s');
        assert.equal(await input.getAttribute('aria-invalid'), 'true');
        await page.screenshot({ path: path.join(screenshots, 'connect-bad-site-url.png'), fullPage: true });
    });

    test('not configured: the missing site id is named, and a backfill before the poller starts is refused', async ({
        open
    }) => {
        const { page } = await openScene(open, 'comm100ConnectPanel/not-configured');
        await panel(page).locator('.connect__no-events').waitFor();
        assert.equal(
            await panel(page).locator('.connect__key-summary').textContent(),
            'No key yet: rotate the key, or register the webhooks, to make one.'
        );
        assert.match(
            (await panel(page).locator('.connect__site-id').textContent()) ?? '',
            /Comm100 Site Id is not set/
        );
        assert.equal(await panel(page).locator('.connect__poller-state').textContent(), 'Not started.');
        await tabTo(page, 'Test connection');
        await page.keyboard.press('Enter');
        await panel(page).locator('.connect__test-headline').waitFor();
        assert.equal(
            await panel(page).locator('.connect__test-headline').textContent(),
            'The Comm100 API is not set up yet.'
        );
        await panel(page).locator('.connect__backfill-from').fill('2025-01-01');
        await panel(page).locator('.connect__backfill-to').fill('2025-01-07');
        await tabTo(page, 'Backfill these days');
        await page.keyboard.press('Enter');
        await panel(page).locator('.connect__poller-error li').waitFor();
        assert.equal(
            await panel(page).locator('.connect__poller-error li').textContent(),
            'Start the poller first: its schedule is what resumes a backfill that has to pause.'
        );
        assert.equal(await panel(page).locator('.connect__backfill-from').inputValue(), '2025-01-01');
        await page.screenshot({ path: path.join(screenshots, 'connect-not-configured.png'), fullPage: true });
    });

    test("a last day after the user's today (from Salesforce, not the browser) is refused next to its field", async ({
        open
    }) => {
        const { page } = await openScene(open, 'comm100ConnectPanel/connected');
        await panel(page).locator('.connect__health').waitFor();
        const from = panel(page).locator('.connect__backfill-from');
        const to = panel(page).locator('.connect__backfill-to');
        assert.equal(await from.getAttribute('max'), '2026-11-22', "the scene's today");
        assert.equal(await to.getAttribute('max'), '2026-11-22', "the scene's today");
        await from.fill('2026-11-20');
        await to.fill('2026-11-23');
        await tabTo(page, 'Backfill these days');
        await page.keyboard.press('Enter');
        const error = panel(page).locator('.connect__backfill-to-error');
        await error.filter({ hasText: 'must not be in the future' }).waitFor();
        assert.equal(
            await error.textContent(),
            'The last day of the range must not be in the future: the poller reads new chats by itself.'
        );
        assert.equal(await panel(page).locator('.connect__backfill-from-error').textContent(), '');
        assert.equal(await to.evaluate((node) => node.matches(':focus')), true, 'the last day has the focus');
        assert.equal(await to.inputValue(), '2026-11-23', 'what was typed is kept');
        assert.equal(await to.getAttribute('aria-invalid'), 'true');
        assert.equal(await panel(page).locator('.connect__poller-report').count(), 0, 'nothing was sent');
        await page.screenshot({ path: path.join(screenshots, 'connect-backfill-future.png'), fullPage: true });
    });

    test('poller stopped by a credential error: the reason shows, and the poller starts again with the keyboard', async ({
        open
    }) => {
        const { page } = await openScene(open, 'comm100ConnectPanel/poller-stopped');
        await panel(page).locator('.connect__health-stop-reason').waitFor();
        assert.equal(await panel(page).locator('.connect__poller-state').textContent(), 'Stopped by an error.');
        assert.match(
            (await panel(page).locator('.connect__stop-reason').textContent()) ?? '',
            /^Comm100 refused the API credential \(401\)/
        );
        assert.match(
            (await panel(page).locator('.connect__health-last-error').textContent()) ?? '',
            /^SL-00000318 \(Failed, poll\)/
        );
        await page.screenshot({ path: path.join(screenshots, 'connect-poller-stopped.png'), fullPage: true });
        await tabTo(page, 'Test connection');
        await page.keyboard.press('Enter');
        await panel(page)
            .locator('.connect__test-headline', { hasText: 'Comm100 refused the API credential.' })
            .waitFor();
        await tabTo(page, 'Start polling');
        await page.keyboard.press('Enter');
        await panel(page).locator('.connect__poller-report').waitFor();
        assert.equal(
            await panel(page).locator('.connect__poller-state').textContent(),
            'Started: polls every 15 minutes.'
        );
        assert.equal(await panel(page).locator('.connect__stop-reason').count(), 0);
    });

    test('backfill in progress: the progress bar moves as the progress is read again', async ({ open }) => {
        const { page } = await openScene(open, 'comm100ConnectPanel/backfill-in-progress');
        const bar = panel(page).locator('lightning-progress-bar [role="progressbar"]');
        await bar.waitFor();
        assert.equal(await bar.getAttribute('aria-valuenow'), '40');
        assert.equal(
            await panel(page).locator('.connect__backfill-progress').textContent(),
            '40%: 192 of 480 chats read.'
        );
        await page.screenshot({ path: path.join(screenshots, 'connect-backfill.png'), fullPage: true });
        await panel(page).locator('.connect__backfill-progress', { hasText: '65%: 312 of 480 chats read.' }).waitFor({
            timeout: 15000
        });
        assert.equal(await bar.getAttribute('aria-valuenow'), '65');
    });

    test('an agent is refused: the section and the health say why', async ({ open }) => {
        const { page } = await openScene(open, 'comm100ConnectPanel/apex-refusal');
        await panel(page).locator('.connect__health-error li').waitFor();
        assert.equal(
            await panel(page).locator('.connect__status-error .error-panel__headline').textContent(),
            'The Connect section could not be loaded.'
        );
        assert.equal(
            await panel(page).locator('.connect__status-error li').textContent(),
            'You do not have access to the Comm100 Setup. Ask your admin for the Comm100 Admin permission set.'
        );
        assert.equal(await panel(page).locator('[data-section="address"]').count(), 0);
        await page.screenshot({ path: path.join(screenshots, 'connect-refused.png'), fullPage: true });
    });
}
