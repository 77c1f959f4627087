// Browser tests of the Configure section's policy, redaction and allow-list editors, each in a scene of its own in the
// preview, with the keyboard only: a policy action chosen with the arrow keys enables the update mode; a redaction rule
// added, typed and tried on a sample (markup in the sample stays text); allow-list entries added to an object and to
// another object, an object name that is not one refused next to its field.
import assert from 'node:assert/strict';
import path from 'node:path';
import { focusedAttribute, tabToAttribute } from '../browser.mjs';

const POLICY = '.preview__stage[data-component="c-comm100-policy-editor"]';
const REDACTION = '.preview__stage[data-component="c-comm100-redaction-editor"]';
const ALLOW_LIST = '.preview__stage[data-component="c-comm100-allow-list-editor"]';

async function trimmed(page, selector) {
    return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The value of the checked radio of a policy card's group. */
function checkedValue(page, kind, field) {
    return page
        .locator(`${POLICY} [data-kind="${kind}"] fieldset[data-field="${field}"] input:checked`)
        .getAttribute('value');
}

export default function defineSection({ test, openScene, tabTo, screenshots }) {
    test('policy editor: an action chosen with the arrow keys enables the update mode, its value kept', async ({
        open
    }) => {
        const { page } = await openScene(open, 'comm100PolicyEditor/shipped');
        await page.locator(`${POLICY} [data-kind="Chat_Ended"]`).waitFor();
        assert.deepEqual(
            (await page.locator(`${POLICY} .policy-editor__title`).allTextContents()).map((t) => t.trim()),
            ['When a chat ends', 'When an offline message arrives']
        );
        assert.equal(
            await trimmed(page, `${POLICY} [data-kind="Chat_Ended"] .policy-editor__record`),
            'Record named by the Comm100 Setting: When a chat ends (Chat_Ended)'
        );
        const updateMode = page.locator(`${POLICY} [data-kind="Chat_Ended"] fieldset[data-field="updateMode"]`);
        assert.equal(await updateMode.evaluate((fieldset) => fieldset.disabled), true, 'Do Nothing updates no contact');
        assert.equal(await updateMode.locator('input[value="Overwrite"]').isDisabled(), true);
        assert.equal(await checkedValue(page, 'Chat_Ended', 'updateMode'), 'Only Fill Blanks');

        // A radio group is one stop of the Tab key (its chosen radio); the arrow keys choose another.
        await tabToAttribute(page, 'value', 'Do Nothing');
        assert.equal(await focusedAttribute(page, 'data-field'), 'action');
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('ArrowUp');
        assert.equal(await checkedValue(page, 'Chat_Ended', 'action'), 'Create/Update Contact & Attach Case');
        assert.equal(await focusedAttribute(page, 'value'), 'Create/Update Contact & Attach Case');
        await page.waitForFunction(
            (selector) => !document.querySelector(selector)?.disabled,
            `${POLICY} [data-kind="Chat_Ended"] fieldset[data-field="updateMode"]`
        );
        assert.equal(await checkedValue(page, 'Chat_Ended', 'updateMode'), 'Only Fill Blanks');
        assert.equal(await updateMode.locator('.policy-editor__note').count(), 0);
        // The offline message policy is another group: unchanged.
        assert.equal(await checkedValue(page, 'Offline_Message', 'action'), 'Do Nothing');

        // The update mode is reached with Tab now, and chosen with an arrow key.
        await tabToAttribute(page, 'value', 'Oldest');
        await tabToAttribute(page, 'value', 'Only Fill Blanks');
        await page.keyboard.press('ArrowUp');
        assert.equal(await checkedValue(page, 'Chat_Ended', 'updateMode'), 'Overwrite');
        await page.screenshot({ path: path.join(screenshots, 'configure-policy.png'), fullPage: true });
    });

    test('redaction editor: a rule added with the keyboard is tried on a sample, markup staying text', async ({
        open
    }) => {
        const { page } = await openScene(open, 'comm100RedactionEditor/shipped');
        await page.locator(`${REDACTION} .redaction-editor__rule`).first().waitFor();
        assert.equal(
            await trimmed(page, `${REDACTION} .redaction-editor__result`),
            'My card is [card number removed] and my SSN is [SSN removed]. Order 20250131 ships today.'
        );

        await tabTo(page, 'Add a rule');
        await page.keyboard.press('Enter');
        await page.locator(`${REDACTION} .redaction-editor__rule`).nth(2).waitFor();
        assert.equal(await focusedAttribute(page, 'data-field'), 'label');
        await page.keyboard.type('Passport number');
        await page.keyboard.press('Tab');
        assert.equal(await focusedAttribute(page, 'data-field'), 'pattern');
        await page.keyboard.type('(?<![A-Z0-9])[A-Z][0-9]{8}(?![A-Z0-9])');
        await page.keyboard.press('Tab');
        assert.equal(await focusedAttribute(page, 'data-field'), 'replacement');
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type('[passport removed]');
        assert.deepEqual(
            (await page.locator(`${REDACTION} .redaction-editor__title`).allTextContents()).map((t) => t.trim()),
            ['Card number', 'US Social Security number', 'Passport number']
        );
        assert.equal(
            await trimmed(page, `${REDACTION} .redaction-editor__rule:nth-child(3) .redaction-editor__state`),
            'New: not deployed yet'
        );

        await tabToAttribute(page, 'class', 'slds-textarea redaction-editor__sample');
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type('<img src=x onerror="alert(1)"> Passport X12345678, card 4111-1111-1111-1111.');
        await page.locator(`${REDACTION} .redaction-editor__summary`, { hasText: '2 matches replaced.' }).waitFor();
        assert.equal(
            await trimmed(page, `${REDACTION} .redaction-editor__result`),
            '<img src=x onerror="alert(1)"> Passport [passport removed], card [card number removed].'
        );
        assert.equal(await page.locator(`${REDACTION} img`).count(), 0, 'the sample is text, never markup');
        assert.match(await trimmed(page, `${REDACTION} .redaction-editor__approximate`), /^Approximate: /);
        await page.screenshot({ path: path.join(screenshots, 'configure-redaction.png'), fullPage: true });
    });

    test('allow-list editor: entries added to an object and to another object with the keyboard', async ({ open }) => {
        const { page } = await openScene(open, 'comm100AllowListEditor/shipped');
        await page.locator(`${ALLOW_LIST} .allow-list-editor__group`).first().waitFor();
        assert.deepEqual(
            (await page.locator(`${ALLOW_LIST} .allow-list-editor__object`).allTextContents()).map((t) => t.trim()),
            ['Contact', 'Lead', 'Account', 'Case']
        );

        // An entry for Lead: its field is focused; Tab reaches Can read, then Can write, which Space ticks.
        await tabTo(page, 'Add a field to Lead');
        await page.keyboard.press('Enter');
        const lead = page.locator(`${ALLOW_LIST} .allow-list-editor__group[data-object="Lead"]`);
        await lead.locator('.allow-list-editor__entry').nth(5).waitFor();
        assert.equal(await focusedAttribute(page, 'data-field'), 'salesforceField');
        await page.keyboard.type('Phone');
        await page.keyboard.press('Tab');
        assert.equal(await focusedAttribute(page, 'data-field'), 'canRead');
        await page.keyboard.press('Tab');
        assert.equal(await focusedAttribute(page, 'data-field'), 'canWrite');
        await page.keyboard.press('Space');
        const added = lead.locator('.allow-list-editor__entry').nth(5);
        assert.equal(await added.locator('input[data-field="salesforceField"]').inputValue(), 'Phone');
        assert.equal(await added.locator('input[data-field="canWrite"]').isChecked(), true);
        assert.equal(
            await trimmed(page, `${ALLOW_LIST} .allow-list-editor__entry:nth-child(6) .allow-list-editor__state`),
            'New: not deployed yet'
        );

        // Another object: a name that is not an API name is refused next to its field, and kept.
        await tabToAttribute(page, 'data-id', 'new-object');
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type('Order Line');
        await page.keyboard.press('Enter');
        await page.locator(`${ALLOW_LIST} .slds-has-error .allow-list-editor__object-error`).waitFor();
        assert.equal(
            await trimmed(page, `${ALLOW_LIST} .allow-list-editor__object-error`),
            'Enter an object API name, such as Contact or Invoice__c.'
        );
        assert.equal(await focusedAttribute(page, 'aria-invalid'), 'true');
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type('Order');
        await page.keyboard.press('Enter');
        const order = page.locator(`${ALLOW_LIST} .allow-list-editor__group[data-object="Order"]`);
        await order.waitFor();
        assert.equal(await focusedAttribute(page, 'data-field'), 'salesforceField');
        await page.keyboard.type('Status');
        assert.equal(await order.locator('input[data-field="salesforceField"]').inputValue(), 'Status');
        await page.screenshot({ path: path.join(screenshots, 'configure-allow-list.png'), fullPage: true });
    });
}
