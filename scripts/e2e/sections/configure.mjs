// Browser tests of the Configure section (c-comm100-configure) in the preview, with the keyboard only: a mapping is
// added and its field picked, a condition is added to a rule, a check shows each error next to its input and counts
// it on its tab, a deployment is followed to its success (the configuration read again) or its failure (the errors
// listed, the draft kept), and a refusal to load says why.
import assert from 'node:assert/strict';
import path from 'node:path';
import { focusedAttribute, tabToAttribute } from '../browser.mjs';

// The stage that holds the component (the preview renders it as a dynamic component).
const COMPONENT = '.preview__stage[data-component="c-comm100-configure"]';

function locate(page, selector, options) {
    return page.locator(`${COMPONENT} ${selector}`, options);
}

async function trimmed(page, selector) {
    return ((await locate(page, selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function tabLabels(page) {
    return (await locate(page, 'lightning-tabset [role="tab"]').allTextContents()).map((t) => t.trim());
}

/** Opens a tab of the section's tabset with the keyboard: Tab to the chosen tab, then the arrow keys. */
async function openTab(page, tabTo, label) {
    await tabTo(page, 'Identification rules', { contains: true });
    const labels = await tabLabels(page);
    const index = labels.findIndex((text) => text.startsWith(label));
    for (let i = 0; i < index; i++) {
        await page.keyboard.press('ArrowDown');
    }
    await locate(page, `lightning-tabset [role="tab"][aria-selected="true"]`, { hasText: label }).waitFor();
}

export default function defineSection({ test, openScene, tabTo, screenshots }) {
    test('configure: a Lead mapping added and its fields picked with the keyboard', async ({ open }) => {
        const { page } = await openScene(open, 'comm100Configure/deployed');
        await locate(page, '.configure__toolbar').waitFor();
        assert.equal(await trimmed(page, '[data-id="changes"]'), 'No unsaved changes');
        assert.match(await trimmed(page, '.configure__deployment-headline'), /^Deployed on .*: the sync uses this/);

        await openTab(page, tabTo, 'Field mappings');
        assert.equal(
            await trimmed(page, 'section[data-object="Lead"] .mapping-editor__count'),
            '4 of 27 fields mapped'
        );
        await tabTo(page, 'Add a Lead mapping');
        await page.keyboard.press('Enter');
        const added = locate(page, 'section[data-object="Lead"] li[data-key^="new-"]');
        await added.waitFor();
        assert.equal(await trimmed(page, '[data-id="changes"]'), '1 unsaved change');

        // The Comm100 field: a native list, chosen by typing the start of its name.
        await tabToAttribute(page, 'aria-label', 'Remove the new mapping', { back: true });
        for (let i = 0; i < 5; i++) {
            await page.keyboard.press('Shift+Tab');
            if ((await focusedAttribute(page, 'data-id')) === 'source') {
                break;
            }
        }
        assert.equal(await focusedAttribute(page, 'data-id'), 'source');
        await page.keyboard.type('Landing');
        assert.equal(await added.locator('select').inputValue(), 'session.landingPageUrl');

        // The Salesforce field: the combobox, opened with Enter; End goes to the last field by label, Website.
        await page.keyboard.press('Tab');
        assert.equal(await focusedAttribute(page, 'role'), 'combobox');
        await page.keyboard.press('Enter');
        await added.locator('[role="listbox"]').waitFor();
        await page.keyboard.press('End');
        // Enter picks the highlighted option: wait until End has moved the highlight (a busy machine is slow to).
        await added.locator('lightning-base-combobox-item.slds-has-focus', { hasText: 'Website' }).waitFor();
        await page.keyboard.press('Enter');
        await locate(page, 'section[data-object="Lead"] .mapping-editor__count', {
            hasText: '4 of 27 fields mapped (5 in this draft)'
        }).waitFor();
        assert.equal(await added.locator('[data-field="label"]').inputValue(), 'Lead Website');
        assert.equal(await trimmed(page, '[data-id="changes"]'), '1 unsaved change');
        await page.screenshot({ path: path.join(screenshots, 'configure-mapping-added.png'), fullPage: true });
    });

    test('configure: a condition added to a rule with the keyboard', async ({ open }) => {
        const { page } = await openScene(open, 'comm100Configure/deployed');
        await locate(page, '.configure__toolbar').waitFor();
        await tabTo(page, 'Add a condition');
        await page.keyboard.press('Enter');
        const rule = locate(page, 'li[data-key="Contact_Email"]');
        await rule.locator('.rule-editor__condition').nth(1).waitFor();
        assert.deepEqual(
            (await rule.locator('c-comm100-catalogue-picker label').allTextContents()).map((t) => t.trim()),
            ['Comm100 field (condition 1)', 'Comm100 field (condition 2)']
        );
        assert.equal(await trimmed(page, '[data-id="changes"]'), '1 unsaved change');
        // The first condition can be removed now that there are two.
        assert.equal(await rule.locator('.rule-editor__remove-condition').first().isDisabled(), false);
        await page.screenshot({ path: path.join(screenshots, 'configure-condition-added.png'), fullPage: true });
    });

    test('configure: a check shows each error next to its input and counts errors on the tabs', async ({ open }) => {
        const { page } = await openScene(open, 'comm100Configure/check-errors');
        await locate(page, '.configure__toolbar').waitFor();
        await tabTo(page, 'Check');
        await page.keyboard.press('Enter');
        await locate(page, '[data-id="summary"]', { hasText: '4 errors, 4 warnings' }).waitFor();
        assert.deepEqual(await tabLabels(page), [
            'Identification rules (1 error)',
            'Field mappings (1 error)',
            'Sync policy',
            'Redaction (1 error)',
            'Chatbot allow-list (1 error)'
        ]);
        const rule = locate(page, 'li[data-key="Contact_Phone"]');
        const pickers = rule.locator('c-comm100-field-picker .field-picker__message');
        assert.equal(
            ((await pickers.nth(0).textContent()) ?? '').replace(/\s+/g, ' ').trim(),
            'Warning: Contact.Phone is not indexed: on a large table the query of this rule is not selective and may fail. Compare an indexed field first (an email, an external id).'
        );
        assert.equal(
            ((await pickers.nth(1).textContent()) ?? '').replace(/\s+/g, ' ').trim(),
            'Error: Contact.Description (TEXTAREA) cannot be compared with a Comm100 value: choose a text, email, phone, picklist or number field.'
        );
        await page.screenshot({ path: path.join(screenshots, 'configure-check-errors.png'), fullPage: true });

        await openTab(page, tabTo, 'Field mappings');
        const mapping = locate(page, 'li[data-key="Contact_Opted_Out"] c-comm100-field-picker .field-picker__message');
        assert.equal(
            ((await mapping.textContent()) ?? '').replace(/\s+/g, ' ').trim(),
            'Error: Contact.HasOptedOutOfEmail (BOOLEAN): chat.startTime (DATETIME) can never be yes or no (true, false, 1, 0).'
        );
        await page.screenshot({ path: path.join(screenshots, 'configure-check-errors-mappings.png'), fullPage: true });
    });

    test('configure: a deployment followed to its success reads the configuration again', async ({ open }) => {
        const { page } = await openScene(open, 'comm100Configure/deploy-success');
        await locate(page, '.configure__toolbar').waitFor();
        await tabTo(page, 'Deploy');
        await page.keyboard.press('Enter');
        await locate(page, '.configure__deployment-headline', { hasText: 'Deploying: started by Ada Admin' }).waitFor();
        assert.equal(await locate(page, '.configure__progress').getAttribute('role'), 'status');
        await page.screenshot({ path: path.join(screenshots, 'configure-deploying.png'), fullPage: true });
        await locate(page, '.configure__deployment-headline', {
            hasText: 'the sync uses this configuration now'
        }).waitFor({
            timeout: 15000
        });
        await openTab(page, tabTo, 'Field mappings');
        await locate(page, 'li[data-key="Lead_Website"]').waitFor();
        assert.equal(
            await trimmed(page, 'section[data-object="Lead"] .mapping-editor__count'),
            '5 of 27 fields mapped'
        );
        assert.equal(await trimmed(page, '[data-id="changes"]'), 'No unsaved changes');
        await page.screenshot({ path: path.join(screenshots, 'configure-deploy-success.png'), fullPage: true });
    });

    test('configure: a failed deployment lists its errors and keeps the draft', async ({ open }) => {
        const { page } = await openScene(open, 'comm100Configure/deploy-failed');
        await locate(page, '.configure__toolbar').waitFor();
        await tabTo(page, 'Add a condition');
        await page.keyboard.press('Enter');
        await locate(page, '[data-id="changes"]', { hasText: '1 unsaved change' }).waitFor();
        await tabTo(page, 'Deploy', { back: true });
        await page.keyboard.press('Enter');
        await locate(page, '.configure__deployment-headline', { hasText: 'The deployment failed' }).waitFor({
            timeout: 15000
        });
        assert.deepEqual(
            (await locate(page, '.configure__deployment-errors li').allTextContents()).map((t) => t.trim()),
            [
                'Comm100_Identification_Rule.Contact_Email: You do not have permission to edit Comm100 Identification Rule records in this package version.'
            ]
        );
        assert.equal(await trimmed(page, '[data-id="changes"]'), '1 unsaved change');
        assert.equal(await locate(page, 'li[data-key="Contact_Email"] .rule-editor__condition').count(), 2);
        await page.screenshot({ path: path.join(screenshots, 'configure-deploy-failed.png'), fullPage: true });
    });

    test('configure: a user who may not read the configuration is told why', async ({ open }) => {
        const { page } = await openScene(open, 'comm100Configure/load-error');
        await locate(page, 'c-error-panel [role="alert"]').waitFor();
        assert.match(await trimmed(page, 'c-error-panel'), /You do not have access to the Comm100 Setup/);
        assert.equal(await locate(page, 'lightning-tabset').count(), 0);
        await page.screenshot({ path: path.join(screenshots, 'configure-load-error.png'), fullPage: true });
    });
}
