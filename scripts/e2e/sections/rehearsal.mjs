// Browser tests of the Rehearse section (c-comm100-rehearsal) in the preview, with the keyboard only: a sample is
// chosen and rehearsed and the whole result is shown with focus on its heading, the chat always planned last; text
// that is not JSON is refused next to the payload and kept, a sample no longer shipped next to the list; a stored
// chat is searched, chosen and rehearsed; a pasted offline message plans a Lead; markup in values stays text; a
// draft's rules are named and used, and a draft with errors is refused at the top of the section.
import assert from 'node:assert/strict';
import path from 'node:path';
import { focusedAttribute, tabToAttribute } from '../browser.mjs';

const COMPONENT = '.preview__stage[data-component="c-comm100-rehearsal"]';

function inComponent(page, selector) {
    return page.locator(`${COMPONENT} ${selector}`);
}

async function trimmed(page, selector) {
    return ((await inComponent(page, selector).first().textContent()) ?? '').trim();
}

async function trimmedAll(page, selector) {
    return (await inComponent(page, selector).allTextContents()).map((text) => text.trim());
}

/** Opens a scene and waits for the section's form. */
async function openRehearsal(openScene, open, id) {
    const opened = await openScene(open, `comm100Rehearsal/${id}`);
    await inComponent(opened.page, 'form.rehearsal__form').waitFor();
    return opened;
}

/** Chooses a way to give the chat: Tab to the chosen radio button, then the arrow keys. */
async function chooseMode(page, from, presses) {
    await tabToAttribute(page, 'value', from);
    for (let i = 0; i < Math.abs(presses); i++) {
        await page.keyboard.press(presses > 0 ? 'ArrowDown' : 'ArrowUp');
    }
}

/** Chooses the nth sample of the list (1 is the first after "Choose a sample…") with the arrow keys. */
async function chooseSample(page, n) {
    await tabToAttribute(page, 'data-id', 'sample');
    for (let i = 0; i < n; i++) {
        await page.keyboard.press('ArrowDown');
    }
}

/** Tabs forward to the Rehearse button and presses Enter. */
async function rehearse(page) {
    await tabToAttribute(page, 'type', 'submit');
    await page.keyboard.press('Enter');
}

export default function defineSection({ test, openScene, screenshots }) {
    test('rehearse: a sample identifies a Contact; the whole dry run is shown, with the keyboard', async ({ open }) => {
        const { page } = await openRehearsal(openScene, open, 'sample-identified');
        assert.equal(await trimmed(page, '.rehearsal__heading'), 'Rehearse a chat');
        await chooseSample(page, 1);
        await inComponent(page, '.rehearsal__sample-description').filter({ hasText: 'Maria Lopez' }).waitFor();
        await rehearse(page);
        await inComponent(page, '.rehearsal__status').filter({ hasText: 'Rehearsing…' }).waitFor();
        await inComponent(page, '.rehearsal__result-heading').waitFor();
        assert.equal(
            await trimmed(page, '.rehearsal__result-heading'),
            'Rehearsal of the sample “Chat ended (webhook)”'
        );
        assert.equal(await focusedAttribute(page, 'data-id'), 'result-heading');
        assert.equal(await trimmed(page, '.rehearsal__banner-text'), 'Nothing was written: this is a rehearsal');
        assert.equal(await trimmed(page, '.rehearsal__rules'), 'Rules: the deployed configuration.');
        assert.equal(await trimmed(page, '.rehearsal-chat__count'), '8 messages');
        assert.deepEqual(await trimmedAll(page, '.rehearsal-rule .rehearsal-badge'), ['Matched', 'Not run']);
        assert.equal(await trimmed(page, '.rehearsal-rule__match a'), 'Maria Lopez');
        assert.equal(await trimmed(page, '.rehearsal-identity__text'), 'Identified (Contact)');
        // The shipped policy does nothing: no value is mapped, and the sync only updates the chat.
        assert.equal(await inComponent(page, '.rehearsal-mappings__caption').count(), 0);
        assert.equal(
            await trimmed(page, '.rehearsal-policy__applies'),
            "Applies: The policy's action is Do Nothing: nothing is created or attached."
        );
        assert.deepEqual(await trimmedAll(page, '.rehearsal-record__heading'), ['Update the chat']);
        // A sample's chat is not stored: it is named in words, as text, not as a link.
        assert.equal(
            await trimmed(page, '.rehearsal-record__title .rehearsal-record-link_plain'),
            '(not stored yet: ingest stores it before the sync runs)'
        );
        assert.equal(await inComponent(page, '.rehearsal-record__title a').count(), 0);
        assert.deepEqual(await trimmedAll(page, '.rehearsal-record dd'), [
            'Identified',
            'Contact',
            '003000000000311AAA',
            'Maria Lopez',
            '003000000000311AAA',
            '001000000000077AAA'
        ]);
        assert.match(
            await trimmed(page, '.rehearsal__status'),
            /^Nothing was written: this is a rehearsal\. Identity:/
        );
        await page.screenshot({ path: path.join(screenshots, 'rehearse-sample.png'), fullPage: true });

        // The matched Contact opens with the keyboard (the preview shows the navigation instead of performing it).
        await tabToAttribute(page, 'href', '/lightning/r/003000000000311AAA/view');
        await page.keyboard.press('Enter');
        await page
            .locator('preview-app .preview__events li', { hasText: 'standard__recordPage 003000000000311AAA view' })
            .waitFor();
        assert.equal(new URL(page.url()).pathname, '/');
    });

    test('rehearse: text that is not JSON is refused next to the payload and kept; an unknown sample next to the list', async ({
        open
    }) => {
        const { page } = await openRehearsal(openScene, open, 'input-errors');
        await chooseMode(page, 'sample', -1);
        await inComponent(page, '[data-mode="payload"]:not(.slds-hide)').waitFor();
        await tabToAttribute(page, 'data-id', 'payload');
        await page.keyboard.type('event=chat_ended&id=3f6d1c1e');
        await rehearse(page);
        await inComponent(page, '.slds-has-error .rehearsal__payload-error').waitFor();
        assert.match(
            await trimmed(page, '.rehearsal__payload-error'),
            /^The payload is not valid JSON \(.*\): paste the body exactly as Comm100 sent it\.$/
        );
        assert.equal(await focusedAttribute(page, 'data-id'), 'payload');
        assert.equal(await focusedAttribute(page, 'aria-invalid'), 'true');
        assert.equal(await inComponent(page, '[data-id="payload"]').inputValue(), 'event=chat_ended&id=3f6d1c1e');
        assert.equal(await inComponent(page, '.rehearsal__result').count(), 0);
        await page.screenshot({ path: path.join(screenshots, 'rehearse-bad-json.png'), fullPage: true });

        // Back to the samples and again to the payload: what was typed is still there.
        await chooseMode(page, 'payload', 1);
        await inComponent(page, '[data-mode="sample"]:not(.slds-hide)').waitFor();
        await chooseSample(page, 3);
        await rehearse(page);
        await inComponent(page, '.slds-has-error .rehearsal__sample-error').waitFor();
        assert.equal(
            await trimmed(page, '.rehearsal__sample-error'),
            'There is no sample named "chat_transferred": choose one of the samples listed.'
        );
        assert.equal(await focusedAttribute(page, 'data-id'), 'sample');
        await page.screenshot({ path: path.join(screenshots, 'rehearse-unknown-sample.png'), fullPage: true });
        await chooseMode(page, 'sample', -1);
        assert.equal(await inComponent(page, '[data-id="payload"]').inputValue(), 'event=chat_ended&id=3f6d1c1e');
    });

    test('rehearse: a stored chat is searched, chosen and rehearsed, with the keyboard', async ({ open }) => {
        const { page } = await openRehearsal(openScene, open, 'stored-chat');
        await chooseMode(page, 'sample', 1);
        await inComponent(page, '.rehearsal-picker__label').first().waitFor();
        assert.equal(await inComponent(page, '.rehearsal-picker__label').count(), 4);

        await tabToAttribute(page, 'data-id', 'chat-search');
        await page.keyboard.type('nobody');
        await inComponent(page, '.rehearsal-picker__empty')
            .filter({ hasText: 'No stored chat matches “nobody”.' })
            .waitFor();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type('maria');
        await inComponent(page, '.rehearsal-picker__label').first().waitFor();
        assert.deepEqual(await trimmedAll(page, '.rehearsal-picker__label'), [
            '3f6d1c1e-8b2a-4d1f-9c57-2b8e6a9d0c41 · Maria Lopez · maria.lopez@northwind.example'
        ]);
        // Tab reaches the list (a radio group); Space chooses the chat.
        await tabToAttribute(page, 'name', 'stored-chat');
        await page.keyboard.press('Space');
        await rehearse(page);
        await inComponent(page, '.rehearsal__result-heading').waitFor();
        assert.equal(
            await trimmed(page, '.rehearsal__result-heading'),
            'Rehearsal of the stored chat 3f6d1c1e-8b2a-4d1f-9c57-2b8e6a9d0c41 · Maria Lopez · maria.lopez@northwind.example'
        );
        assert.equal(await focusedAttribute(page, 'data-id'), 'result-heading');
        assert.equal(
            await trimmed(page, '.rehearsal-note'),
            'The stored chat received chat_started, chat_ended: the sync runs on it as a replay of its sync log would, with these events.'
        );
        // The stored chat the sync updates is linked to its record page, by its Comm100 id.
        assert.deepEqual(await trimmedAll(page, '.rehearsal-record__heading'), [
            'Update Contact',
            'Create Case',
            'Attach the chat to the new Case'
        ]);
        assert.equal(
            await inComponent(page, '.rehearsal-record__title a').last().getAttribute('href'),
            '/lightning/r/a01000000000041AAA/view'
        );
        assert.equal(
            ((await inComponent(page, '.rehearsal-record__title a').last().textContent()) ?? '').trim(),
            'Comm100 chat 3f6d1c1e-8b2a-4d1f-9c57-2b8e6a9d0c41'
        );
        await page.screenshot({ path: path.join(screenshots, 'rehearse-stored-chat.png'), fullPage: true });
    });

    test('rehearse: a pasted offline message creates a Lead and a Task', async ({ open }) => {
        const { page } = await openRehearsal(openScene, open, 'payload-new-lead');
        await chooseMode(page, 'sample', -1);
        await tabToAttribute(page, 'data-id', 'payload');
        await page.keyboard.type('{"event":"offline_message_submitted","offline_message":{"name":"Jun Chen"}}');
        await rehearse(page);
        await inComponent(page, '.rehearsal__result-heading').waitFor();
        assert.equal(await trimmed(page, '.rehearsal__result-heading'), 'Rehearsal of the pasted payload');
        assert.deepEqual(await trimmedAll(page, '.rehearsal-rule .rehearsal-badge'), ['No match', 'No match']);
        assert.equal(await trimmed(page, '.rehearsal-identity__text'), 'Not Found');
        assert.deepEqual(await trimmedAll(page, '.rehearsal-record__heading'), [
            'Create Lead',
            'Create Task',
            'Attach the chat to the new Task'
        ]);
        assert.equal(
            await trimmed(page, '.rehearsal-note'),
            'If a duplicate rule that blocks matches the new Lead, the sync creates none and attaches the chat to the Lead the rule matched instead.'
        );
        await page.screenshot({ path: path.join(screenshots, 'rehearse-new-lead.png'), fullPage: true });
    });

    test('rehearse: markup in the values is shown as text and runs nothing', async ({ open }) => {
        const { page, dialogs } = await openRehearsal(openScene, open, 'hostile');
        await chooseSample(page, 1);
        await rehearse(page);
        await inComponent(page, '.rehearsal__result-heading').waitFor();
        assert.equal(
            await trimmed(page, '.rehearsal-chat .rehearsal-values__value'),
            "<img src=x onerror=alert(1)> Robert'); DROP TABLE Contact;--"
        );
        assert.equal(
            await trimmed(page, '.rehearsal-failure__text'),
            `The Comm100 Setting Chat Ended Policy names the Comm100 Sync Policy "<a href="javascript:alert(3)">Click to fix</a> <script>alert('x')</script>", which does not exist: Do Nothing applies. Nothing was synced: replay this log once the setting names an existing Comm100 Sync Policy.`
        );
        assert.equal(await inComponent(page, '.rehearsal__result img, .rehearsal__result script').count(), 0);
        assert.equal(await inComponent(page, '.rehearsal__result svg, .rehearsal__result b').count(), 0);
        await page.waitForTimeout(300);
        assert.deepEqual(dialogs, [], 'no alert ran');
        await page.screenshot({ path: path.join(screenshots, 'rehearse-hostile.png'), fullPage: true });
    });

    test('rehearse: under unsaved changes, the heading and the result say so', async ({ open }) => {
        const { page } = await openRehearsal(openScene, open, 'with-draft');
        assert.equal(await trimmed(page, '.rehearsal__heading'), 'Rehearse under your unsaved changes');
        await chooseSample(page, 1);
        await rehearse(page);
        await inComponent(page, '.rehearsal__result-heading').waitFor();
        assert.equal(await trimmed(page, '.rehearsal__rules'), 'Rules: your unsaved changes.');
        // The draft's action creates a Case the deployed rules would not; its warnings are notes.
        assert.deepEqual(await trimmedAll(page, '.rehearsal-mappings__caption'), [
            'Contact: 4 values, 2 skipped',
            'Case: 5 values'
        ]);
        assert.deepEqual(await trimmedAll(page, '.rehearsal-record__heading'), [
            'Update Contact',
            'Create Case',
            'Attach the chat to the new Case'
        ]);
        // The Contact it would update is named, and linked to its record page.
        assert.equal(await trimmed(page, '.rehearsal-record__title a'), 'Maria Lopez');
        assert.deepEqual(await trimmedAll(page, '.rehearsal-note'), [
            'Draft warning, fieldMappings Contact_Phone, salesforceField: Contact.Phone (PHONE): a value of preChat.Phone (STRING) can be longer than the 40 characters the field holds; a longer value is skipped, not cut, and the sync log says why.',
            'Draft warning, fieldMappings Lead_Phone, salesforceField: Lead.Phone (PHONE): a value of preChat.Phone (STRING) can be longer than the 40 characters the field holds; a longer value is skipped, not cut, and the sync log says why.'
        ]);
        await page.screenshot({ path: path.join(screenshots, 'rehearse-with-draft.png'), fullPage: true });
    });

    test('rehearse: a draft with errors is refused at the top, naming the first three', async ({ open }) => {
        const { page } = await openRehearsal(openScene, open, 'draft-refused');
        assert.equal(await trimmed(page, '.rehearsal__heading'), 'Rehearse under your unsaved changes');
        await chooseSample(page, 1);
        await rehearse(page);
        await inComponent(page, '.rehearsal__top-error').waitFor();
        const refusal = await trimmed(page, '.rehearsal__top-error');
        assert.match(
            refusal,
            /^The draft has 4 errors, which Check in the Configure section shows next to their inputs: fix them, then rehearse again\. identificationRules Contact_Phone, conditions\.1\.salesforceField: /
        );
        assert.match(refusal, / \(1 more\.\)$/);
        assert.equal(await focusedAttribute(page, 'data-id'), 'top-error');
        assert.equal(await inComponent(page, '.rehearsal__top-error').getAttribute('role'), 'alert');
        assert.equal(await inComponent(page, '.rehearsal__result').count(), 0);
        assert.equal(await inComponent(page, '[data-id="sample"]').inputValue(), 'chat_ended');
        await page.screenshot({ path: path.join(screenshots, 'rehearse-draft-refused.png'), fullPage: true });
    });
}
