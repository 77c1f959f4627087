// Browser tests of the Privacy section (c-comm100-privacy) in the preview, with the keyboard only: a bad email is
// answered next to its field, a search by email lists what is held, ERASE confirms the erasure and the result is
// reported; a search that finds nothing offers no erasure; a refused erasure says that nothing was erased.
import assert from 'node:assert/strict';
import path from 'node:path';
import { focusedAttribute, tabToAttribute } from '../browser.mjs';

const COMPONENT = '.preview__stage[data-component="c-comm100-privacy"]';
const ANA = 'ana.lima@example.com';

async function trimmed(page, selector) {
    return ((await page.locator(`${COMPONENT} ${selector}`).first().textContent()) ?? '').trim();
}

/** Types into the identifier field (reached with Tab) and presses Enter to search. */
async function search(page, text) {
    await tabToAttribute(page, 'data-id', 'identifier');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
}

export default function defineSection({ test, openScene, screenshots }) {
    test('privacy: search by email, preview and erase after typing ERASE, with the keyboard', async ({ open }) => {
        const { page } = await openScene(open, 'comm100Privacy/erased');
        await page.locator(`${COMPONENT} form.privacy__search`).waitFor();

        // A half email is answered next to the field, and what was typed stays.
        await search(page, 'ana.lima');
        await page.locator(`${COMPONENT} .slds-has-error .privacy__identifier-error`).waitFor();
        assert.equal(
            await trimmed(page, '.privacy__identifier-error'),
            'Enter an email address such as name@example.com.'
        );
        assert.equal(await focusedAttribute(page, 'aria-invalid'), 'true');
        assert.equal(await page.locator(`${COMPONENT} [data-id="identifier"]`).inputValue(), 'ana.lima');
        await page.screenshot({ path: path.join(screenshots, 'privacy-bad-email.png'), fullPage: true });

        // The whole email: the preview lists every kind, focus moves to its summary.
        await page.keyboard.type('@example.com');
        await page.keyboard.press('Enter');
        const summary = 'Found 3 chats, 4 transcript chunks, 4 sync logs, 1 case, 2 tasks and 1 related task or event.';
        await page.locator(`${COMPONENT} .privacy__summary`, { hasText: summary }).waitFor();
        assert.equal(await focusedAttribute(page, 'data-id'), 'result-heading');
        assert.deepEqual(
            (await page.locator(`${COMPONENT} .privacy__group h4`).allTextContents()).map((t) => t.trim()),
            [
                'Chats',
                'Transcript chunks',
                'Sync logs',
                "Cases with the visitor's data",
                "Tasks with the visitor's data",
                'Related tasks and events'
            ]
        );
        assert.equal(
            await trimmed(page, '[data-group="cases"] .privacy__also'),
            'Also cleared: Subject, Web Email, Web Name.'
        );
        assert.match(await trimmed(page, '[data-group="activities"] .privacy__note'), /deletes it with the chats/);
        assert.match(await trimmed(page, '.privacy__comm100'), /^Erase this visitor in Comm100 too/);
        assert.equal(await page.locator(`${COMPONENT} .privacy__group a`).count(), 10);
        assert.match(await trimmed(page, '[data-group="tasks"] .privacy__state_attention'), /review it by hand/);
        assert.equal(await trimmed(page, '.privacy__status'), summary);
        await page.screenshot({ path: path.join(screenshots, 'privacy-found.png'), fullPage: true });

        // Enter without ERASE is refused next to the confirmation field; then ERASE erases.
        await tabToAttribute(page, 'data-id', 'confirmation');
        await page.keyboard.type('erase');
        await page.keyboard.press('Enter');
        await page.locator(`${COMPONENT} .slds-has-error .privacy__confirmation-error`).waitFor();
        assert.equal(await trimmed(page, '.privacy__confirmation-error'), 'Type ERASE to confirm.');
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type('ERASE');
        await page.keyboard.press('Enter');
        await page.locator(`${COMPONENT} .privacy__status`, { hasText: 'Erasing…' }).waitFor();
        await page.locator(`${COMPONENT} .privacy__erased-heading`).waitFor();
        assert.equal(
            await trimmed(page, '.privacy__erased-heading'),
            'Erased, recorded as ER-00000001. Erase this visitor in Comm100 too: until then, a backfill or the poller imports their chats again.'
        );
        assert.equal(await focusedAttribute(page, 'data-id'), 'erased-heading');
        assert.equal(
            await trimmed(page, '.privacy__erased-summary'),
            "Removed 3 chats, 4 transcript chunks, 4 sync logs and 1 related task or event; cleared the visitor's data from 1 case and 1 task."
        );
        assert.equal(await trimmed(page, '.privacy__erasure-record a'), 'ER-00000001');
        assert.match(await trimmed(page, '.privacy__not-emptied'), /^2 deleted records could not be emptied/);
        assert.equal(await trimmed(page, '.privacy__review a'), 'Follow-up: refund 4471');
        assert.equal(await page.locator(`${COMPONENT} .privacy__result`).count(), 0);
        await page.screenshot({ path: path.join(screenshots, 'privacy-erased.png'), fullPage: true });
    });

    test('privacy: a search by visitor id that finds nothing offers no erasure', async ({ open }) => {
        const { page } = await openScene(open, 'comm100Privacy/nothing');
        await page.locator(`${COMPONENT} form.privacy__search`).waitFor();
        // The kinds are one radio group: Tab reaches the chosen one, an arrow key chooses the next.
        await tabToAttribute(page, 'value', 'email');
        await page.keyboard.press('ArrowRight');
        await page.locator(`${COMPONENT} label`, { hasText: 'Comm100 visitor id' }).waitFor();
        await search(page, 'V-77');
        await page
            .locator(`${COMPONENT} .privacy__summary`, { hasText: 'Nothing is held about this visitor.' })
            .waitFor();
        assert.equal(await page.locator(`${COMPONENT} form.privacy__erase`).count(), 0);
        await page.screenshot({ path: path.join(screenshots, 'privacy-nothing.png'), fullPage: true });
    });

    test('privacy: a refused erasure says that nothing was erased and keeps the list', async ({ open }) => {
        const { page } = await openScene(open, 'comm100Privacy/error');
        await page.locator(`${COMPONENT} form.privacy__search`).waitFor();
        await search(page, ANA);
        await page.locator(`${COMPONENT} form.privacy__erase`).waitFor();
        await tabToAttribute(page, 'data-id', 'confirmation');
        await page.keyboard.type('ERASE');
        await page.keyboard.press('Enter');
        const panel = page.locator(`${COMPONENT} c-error-panel [role="alert"]`);
        await panel.waitFor();
        assert.equal(await trimmed(page, 'c-error-panel .error-panel__headline'), 'Nothing was erased.');
        assert.deepEqual(await page.locator(`${COMPONENT} c-error-panel li`).allTextContents(), [
            'Nothing was erased: insufficient access rights on object id: a01000000000002AAA'
        ]);
        assert.equal(await page.locator(`${COMPONENT} .privacy__result`).count(), 1);
        await page.screenshot({ path: path.join(screenshots, 'privacy-error.png'), fullPage: true });
    });
}
