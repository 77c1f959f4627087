// Browser tests of the Comm100 Setup page (c-comm100-setup) in the preview, with the keyboard only: the tabs render
// their section when first opened, and the record pages tab opens an object's home through the navigation service.
import assert from 'node:assert/strict';
import path from 'node:path';

// The stage that holds the page: the preview renders it as a dynamic component, whose element name is the preview's
// own (c-comm100setup), not the tag a page uses (c-comm100-setup).
const PAGE = '.preview__stage[data-component="c-comm100-setup"]';

export default function defineSection({ test, openScene, tabTo, screenshots }) {
    test('the Setup page opens on Connect and renders each section the first time its tab is chosen', async ({
        open
    }) => {
        const { page } = await openScene(open, 'comm100Setup/page');
        await page.locator(`${PAGE} c-comm100-connect-panel`).waitFor();
        assert.equal((await page.locator(`${PAGE} h1`).first().textContent()).trim(), 'Comm100 Setup');
        assert.equal(await page.locator(`${PAGE} c-comm100-sync-log`).count(), 0, 'the sync log is not rendered yet');
        await page.screenshot({ path: path.join(screenshots, 'setup-page-connect.png'), fullPage: true });

        // A tab set is one stop of the Tab key (its chosen tab); the arrow keys move between its tabs.
        await tabTo(page, 'Connect');
        for (let i = 0; i < 3; i++) {
            await page.keyboard.press('ArrowRight');
        }
        await page.keyboard.press('Enter');
        await page.locator(`${PAGE} c-comm100-sync-log`).waitFor();
        assert.equal(await page.locator(`${PAGE} c-comm100-connect-panel`).count(), 1, 'Connect is kept');
        await page.screenshot({ path: path.join(screenshots, 'setup-page-sync-log.png'), fullPage: true });
    });

    test('the record pages tab lists the four pages and opens an object home with the keyboard', async ({ open }) => {
        const { page } = await openScene(open, 'comm100Setup/page');
        await page.locator(`${PAGE} c-comm100-connect-panel`).waitFor();
        await tabTo(page, 'Connect');
        for (let i = 0; i < 5; i++) {
            await page.keyboard.press('ArrowRight');
        }
        await page.keyboard.press('Enter');
        const list = page.locator(`${PAGE} .comm100-setup__record-pages`);
        await list.waitFor();
        assert.deepEqual(
            (await list.locator('lightning-button button').allTextContents()).map((text) => text.trim()),
            ['Contacts', 'Leads', 'Accounts', 'Cases']
        );
        await tabTo(page, 'Cases');
        await page.keyboard.press('Enter');
        await page.locator('preview-app .preview__events li', { hasText: 'standard__objectPage Case home' }).waitFor();
        await page.screenshot({ path: path.join(screenshots, 'setup-page-record-pages.png'), fullPage: true });
    });

    test('Rehearse these changes in Configure opens Rehearse under the draft, and the deployed rules come back', async ({
        open
    }) => {
        const { page } = await openScene(open, 'comm100Setup/page');
        await page.locator(`${PAGE} c-comm100-connect-panel`).waitFor();
        await tabTo(page, 'Connect');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Enter');
        await page.locator(`${PAGE} c-comm100-configure`).waitFor();
        await tabTo(page, 'Rehearse these changes');
        await page.keyboard.press('Enter');
        const note = page.locator(`${PAGE} .comm100-setup__draft-note`);
        await note.waitFor();
        assert.equal(
            (await note.locator('span').first().textContent()).trim(),
            'Rehearsing under the unsaved changes of Configure.'
        );
        await page.locator(`${PAGE} c-comm100-rehearsal`).waitFor();
        await page.screenshot({ path: path.join(screenshots, 'setup-page-rehearse-draft.png'), fullPage: true });

        await tabTo(page, 'Use the deployed rules instead');
        await page.keyboard.press('Enter');
        await note.waitFor({ state: 'detached' });
        await page.screenshot({ path: path.join(screenshots, 'setup-page-rehearse.png'), fullPage: true });
    });
}
