import { createElement } from 'lwc';
import Comm100Configure from 'c/comm100Configure';
import getConfiguration from '@salesforce/apex/ConfigurationController.getConfiguration';
import check from '@salesforce/apex/ConfigurationController.check';
import deploy from '@salesforce/apex/ConfigurationController.deploy';
import getDeployment from '@salesforce/apex/ConfigurationController.getDeployment';
import type { ConfigDraft, IdentificationRule } from '@salesforce/apex/ConfigurationController.getConfiguration';
import { FAILED, QUEUED, SUCCEEDED, configuration, draft } from './data/configData';
import type * as Stubs from './editorStubs';

jest.mock(
    '@salesforce/apex/ConfigurationController.getConfiguration',
    () => ({ default: jest.fn(), __esModule: true }),
    {
        virtual: true
    }
);
jest.mock('@salesforce/apex/ConfigurationController.check', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock('@salesforce/apex/ConfigurationController.deploy', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock('@salesforce/apex/ConfigurationController.getDeployment', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock(
    '@salesforce/apex/ConfigurationController.getObjectFields',
    () => {
        const { createApexTestWireAdapter } = jest.requireActual<{
            createApexTestWireAdapter: (fn: jest.Mock) => unknown;
        }>('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()), __esModule: true };
    },
    { virtual: true }
);
// The editors of the other three sections are stood in (see editorStubs).
jest.mock(
    'c/comm100PolicyEditor',
    () => ({ __esModule: true, default: jest.requireActual<typeof Stubs>('./editorStubs').PolicyEditorStub }),
    { virtual: true }
);
jest.mock(
    'c/comm100RedactionEditor',
    () => ({ __esModule: true, default: jest.requireActual<typeof Stubs>('./editorStubs').RedactionEditorStub }),
    { virtual: true }
);
jest.mock(
    'c/comm100AllowListEditor',
    () => ({ __esModule: true, default: jest.requireActual<typeof Stubs>('./editorStubs').AllowListEditorStub }),
    { virtual: true }
);

type Editor = HTMLElement & { rows: unknown[]; issues: { key: string; severity: string }[] };

const loadCall = getConfiguration as unknown as jest.Mock;
const checkCall = check as unknown as jest.Mock;
const deployCall = deploy as unknown as jest.Mock;
const deploymentCall = getDeployment as unknown as jest.Mock;

/** Lets the answers of mocked Apex calls and the renders they cause happen (it works with fake timers too). */
async function flush(): Promise<void> {
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
}

async function render(): Promise<HTMLElement> {
    const element = createElement('c-comm100-configure', { is: Comm100Configure });
    document.body.appendChild(element);
    await flush();
    return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot!.querySelector<HTMLElement>(selector);
}

function text(element: HTMLElement, selector: string): string {
    return ($(element, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function errorText(element: HTMLElement): string {
    return ($(element, 'c-error-panel')?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function editor(element: HTMLElement, tag: string): Editor {
    return $(element, tag) as Editor;
}

/** An edit of the rule editor: the first rule renamed. */
function renameFirstRule(element: HTMLElement, label: string): IdentificationRule[] {
    const rows = draft().identificationRules;
    rows[0] = { ...rows[0]!, label };
    editor(element, 'c-comm100-rule-editor').dispatchEvent(
        new CustomEvent('draftchange', { detail: { section: 'identificationRules', rows } })
    );
    return rows;
}

function draftSent(call: jest.Mock, index = 0): ConfigDraft {
    return JSON.parse((call.mock.calls[index]![0] as { draftJson: string }).draftJson) as ConfigDraft;
}

/** Clicks "Read the deployment again", shown when the deployment's progress could not be read. */
function readAgain(element: HTMLElement): void {
    [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')]
        .find((button) => button.textContent.trim() === 'Read the deployment again')!
        .click();
}

/** The answer of a deploy that started a deployment of one record, naming the new rows `newNames` names. */
function started(newNames: Record<string, string> = {}): object {
    return { deployment: QUEUED, errors: [], warnings: [], draftError: null, changedRecords: 1, newNames };
}

const TAB_LABELS = () =>
    [...document.body.querySelector('c-comm100-configure')!.shadowRoot!.querySelectorAll('lightning-tab')].map(
        (tab) => (tab as HTMLElement & { label: string }).label
    );

describe('c-comm100-configure', () => {
    beforeEach(() => {
        loadCall.mockReset();
        checkCall.mockReset();
        deployCall.mockReset();
        deploymentCall.mockReset();
    });

    afterEach(() => {
        jest.useRealTimers();
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('loads the configuration and passes each section to its editor, with no unsaved changes', async () => {
        loadCall.mockResolvedValue(configuration());
        const element = await render();
        expect(loadCall).toHaveBeenCalledTimes(1);
        expect(text(element, '[data-id="changes"]')).toBe('No unsaved changes');
        expect(editor(element, 'c-comm100-rule-editor').rows).toEqual(draft().identificationRules);
        expect(editor(element, 'c-comm100-mapping-editor').rows).toEqual(draft().fieldMappings);
        expect((editor(element, 'c-comm100-mapping-editor') as unknown as { objects: unknown }).objects).toEqual(
            configuration().objects
        );
        expect(editor(element, 'c-comm100-policy-editor').rows).toEqual(draft().policies);
        expect(editor(element, 'c-comm100-redaction-editor').rows).toEqual([]);
        expect(editor(element, 'c-comm100-allow-list-editor').rows).toEqual([]);
        expect(TAB_LABELS()).toEqual([
            'Identification rules',
            'Field mappings',
            'Sync policy',
            'Redaction',
            'Chatbot allow-list'
        ]);
        expect(($(element, '.configure__discard') as HTMLButtonElement).disabled).toBe(true);
        expect($(element, '.configure__deployment')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the load error with a retry that loads again', async () => {
        loadCall.mockRejectedValueOnce({ body: { message: 'You do not have access to the Comm100 Setup.' } });
        const element = await render();
        expect(errorText(element)).toContain('You do not have access to the Comm100 Setup.');
        expect($(element, 'lightning-tabset')).toBeNull();
        loadCall.mockResolvedValueOnce(configuration());
        $(element, '.configure__retry')!.click();
        await flush();
        expect(loadCall).toHaveBeenCalledTimes(2);
        expect($(element, 'lightning-tabset')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('holds each edit of an editor and counts the changed rows', async () => {
        loadCall.mockResolvedValue(configuration());
        const element = await render();
        const rows = renameFirstRule(element, 'Contact by work email');
        await flush();
        expect(editor(element, 'c-comm100-rule-editor').rows).toEqual(rows);
        expect(text(element, '[data-id="changes"]')).toBe('1 unsaved change');
        const policies = [{ ...draft().policies[0]!, action: 'Create Case' }];
        editor(element, 'c-comm100-policy-editor').dispatchEvent(
            new CustomEvent('draftchange', { detail: { section: 'policies', rows: policies } })
        );
        await flush();
        expect(editor(element, 'c-comm100-policy-editor').rows).toEqual(policies);
        expect(text(element, '[data-id="changes"]')).toBe('2 unsaved changes');
        await expect(element).toBeAccessible();
    });

    it('checks the draft, passes the issues to every editor and counts errors on the tabs', async () => {
        loadCall.mockResolvedValue(configuration());
        const element = await render();
        renameFirstRule(element, '');
        await flush();
        const labelError = {
            section: 'identificationRules',
            key: 'Contact_Email',
            field: 'label',
            message: 'Enter a label.'
        };
        const slow = {
            section: 'identificationRules',
            key: 'Contact_Phone',
            field: 'conditions.0.salesforceField',
            message:
                'Contact.Phone is not indexed: on a large table the query of this rule is not selective and may fail. Compare an indexed field first (an email, an external id).'
        };
        const pattern = {
            section: 'redactionRules',
            key: 'gone',
            field: 'pattern',
            message: 'This is not a valid regular expression: Unclosed group near index 3'
        };
        checkCall.mockResolvedValue({ errors: [labelError, pattern], warnings: [slow], draftError: null });
        $(element, '.configure__check')!.click();
        await flush();
        expect(draftSent(checkCall).identificationRules[0]!.label).toBe('');
        expect(text(element, '[data-id="summary"]')).toBe('2 errors, 1 warning');
        expect($(element, '[data-id="summary"]')!.closest('[aria-live="polite"]')).not.toBeNull();
        const shown = [
            { ...labelError, severity: 'error' },
            { ...pattern, severity: 'error' },
            { ...slow, severity: 'warning' }
        ];
        for (const tag of [
            'c-comm100-rule-editor',
            'c-comm100-mapping-editor',
            'c-comm100-policy-editor',
            'c-comm100-redaction-editor',
            'c-comm100-allow-list-editor'
        ]) {
            expect(editor(element, tag).issues).toEqual(shown);
        }
        expect(TAB_LABELS()).toEqual([
            'Identification rules (1 error)',
            'Field mappings',
            'Sync policy',
            'Redaction (1 error)',
            'Chatbot allow-list'
        ]);
        // An issue of a row the draft does not hold is shown at the top, so it is not lost.
        expect(text(element, '.configure__orphans')).toBe(
            'Error (redactionRules, gone): This is not a valid regular expression: Unclosed group near index 3'
        );
        expect(editor(element, 'c-comm100-rule-editor').rows).toEqual(draftSent(checkCall).identificationRules);
        await expect(element).toBeAccessible();
    });

    it('shows a draft error at the top and an Apex failure of check without losing the draft', async () => {
        loadCall.mockResolvedValue(configuration());
        const element = await render();
        const rows = renameFirstRule(element, 'Kept');
        await flush();
        checkCall.mockResolvedValueOnce({ errors: [], warnings: [], draftError: 'The draft is not valid JSON.' });
        $(element, '.configure__check')!.click();
        await flush();
        expect(text(element, '.configure__draft-error')).toBe('The draft is not valid JSON.');
        expect($(element, '.configure__draft-error')!.getAttribute('role')).toBe('alert');
        checkCall.mockRejectedValueOnce({ body: { message: 'Apex CPU time limit exceeded' } });
        $(element, '.configure__check')!.click();
        await flush();
        expect(errorText(element)).toContain('Apex CPU time limit exceeded');
        expect(editor(element, 'c-comm100-rule-editor').rows).toEqual(rows);
        expect(text(element, '[data-id="changes"]')).toBe('1 unsaved change');
        await expect(element).toBeAccessible();
    });

    it('keeps the draft and shows the issues when a deploy is refused', async () => {
        loadCall.mockResolvedValue(configuration());
        const element = await render();
        const rows = renameFirstRule(element, '');
        await flush();
        const issue = {
            section: 'identificationRules',
            key: 'Contact_Email',
            field: 'label',
            message: 'Enter a label.'
        };
        deployCall.mockResolvedValue({
            deployment: null,
            errors: [issue],
            warnings: [],
            draftError: null,
            changedRecords: 0
        });
        $(element, '.configure__deploy')!.click();
        await flush();
        expect(text(element, '[data-id="summary"]')).toBe('Not deployed: 1 error, 0 warnings. Your draft is kept.');
        expect(editor(element, 'c-comm100-rule-editor').issues).toEqual([{ ...issue, severity: 'error' }]);
        expect(editor(element, 'c-comm100-rule-editor').rows).toEqual(rows);
        expect($(element, '.configure__deployment')).toBeNull();
        expect(deploymentCall).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('says there is nothing to deploy when no record changed', async () => {
        loadCall.mockResolvedValue(configuration());
        const element = await render();
        deployCall.mockResolvedValue({
            deployment: null,
            errors: [],
            warnings: [],
            draftError: null,
            changedRecords: 0
        });
        $(element, '.configure__deploy')!.click();
        await flush();
        expect(text(element, '.configure__notice')).toBe(
            'Nothing to deploy: the draft is the same as the deployed configuration.'
        );
        expect($(element, '.configure__deployment')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('follows a started deployment every 3 seconds and reloads the configuration when it succeeded', async () => {
        jest.useFakeTimers();
        loadCall.mockResolvedValue(configuration());
        const element = await render();
        renameFirstRule(element, 'Contact by work email');
        await flush();
        deployCall.mockResolvedValue(started());
        deploymentCall.mockResolvedValueOnce(QUEUED).mockResolvedValueOnce(SUCCEEDED);
        $(element, '.configure__deploy')!.click();
        await flush();
        expect(draftSent(deployCall).identificationRules[0]!.label).toBe('Contact by work email');
        expect(text(element, '.configure__deployment-headline')).toMatch(/^Deploying: started by Ada Admin on /);
        expect($(element, '.configure__progress')!.getAttribute('role')).toBe('status');
        expect(($(element, '.configure__deploy') as HTMLButtonElement).disabled).toBe(true);
        jest.advanceTimersByTime(2999);
        await flush();
        expect(deploymentCall).not.toHaveBeenCalled();
        jest.advanceTimersByTime(1);
        await flush();
        expect(deploymentCall).toHaveBeenCalledWith({ jobId: QUEUED.jobId });
        const deployed = configuration();
        deployed.draft.identificationRules[0]!.label = 'Contact by work email';
        loadCall.mockResolvedValue(deployed);
        jest.advanceTimersByTime(3000);
        await flush();
        await flush();
        expect(deploymentCall).toHaveBeenCalledTimes(2);
        expect(loadCall).toHaveBeenCalledTimes(2);
        expect(text(element, '.configure__deployment-headline')).toMatch(
            /^Deployed on .*: the sync uses this configuration now\.$/
        );
        expect(text(element, '[data-id="changes"]')).toBe('No unsaved changes');
        jest.advanceTimersByTime(30000);
        await flush();
        expect(deploymentCall).toHaveBeenCalledTimes(2);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    const ADDED: IdentificationRule = {
        ...draft().identificationRules[0]!,
        key: 'new-1',
        developerName: null,
        label: 'By phone'
    };

    /** The configuration once the deployment created ADDED as By_phone. */
    function storedAfter(): ConfigDraft {
        const stored = draft();
        stored.identificationRules.push({ ...ADDED, key: 'By_phone', developerName: 'By_phone' });
        return stored;
    }

    function rules(element: HTMLElement): IdentificationRule[] {
        return editor(element, 'c-comm100-rule-editor').rows as IdentificationRule[];
    }

    /** The rules are the stored ones, the added rule last as By_phone labelled `label`, and nothing else. */
    function expectAddedAs(element: HTMLElement, label: string): void {
        expect(rules(element).map((row) => [row.key, row.label])).toEqual([
            ...draft().identificationRules.map((row) => [row.key, row.label]),
            ['By_phone', label]
        ]);
    }

    /** The draft's rules are `stored`'s, with no unsaved change. */
    function expectDeployed(element: HTMLElement, stored: ConfigDraft): void {
        expect(rules(element)).toEqual(stored.identificationRules);
        expect(text(element, '[data-id="changes"]')).toBe('No unsaved changes');
    }

    function editRules(element: HTMLElement, rows: IdentificationRule[]): void {
        editor(element, 'c-comm100-rule-editor').dispatchEvent(
            new CustomEvent('draftchange', { detail: { section: 'identificationRules', rows } })
        );
    }

    /** The edit of the rule editor: ADDED, as the editor has it now, relabelled. */
    function renameAdded(element: HTMLElement, label: string): void {
        editRules(
            element,
            rules(element).map((row) => (row.key === 'new-1' ? { ...row, label } : row))
        );
    }

    /** Renders the page, adds ADDED and deploys (the deployment names it By_phone); `read` answers its first read. */
    async function addAndDeploy(read: () => Promise<unknown>): Promise<HTMLElement> {
        jest.useFakeTimers();
        loadCall.mockResolvedValue(configuration());
        const element = await render();
        editRules(element, [...draft().identificationRules, ADDED]);
        await flush();
        deployCall.mockResolvedValue(started({ 'new-1': 'By_phone' }));
        deploymentCall.mockImplementationOnce(read);
        $(element, '.configure__deploy')!.click();
        await flush();
        return element;
    }

    /** Lets the watch read the deployment, and the page read the configuration `reload` answers. */
    async function readDeployment(reload: () => Promise<unknown>): Promise<void> {
        loadCall.mockImplementation(reload);
        jest.advanceTimersByTime(3000);
        await flush();
        await flush();
    }

    async function deployAgain(element: HTMLElement): Promise<IdentificationRule | undefined> {
        deployCall.mockResolvedValue({ deployment: null, errors: [], warnings: [], changedRecords: 0 });
        $(element, '.configure__deploy')!.click();
        await flush();
        return draftSent(deployCall, deployCall.mock.calls.length - 1).identificationRules.at(-1);
    }

    it('takes the new rows of a draft edited while the deployment ran as the records it created', async () => {
        const element = await addAndDeploy(() => Promise.resolve(SUCCEEDED));
        editRules(element, [...draft().identificationRules, { ...ADDED, label: 'By mobile phone' }]);
        await readDeployment(() => Promise.resolve({ ...configuration(), draft: storedAfter() }));

        expect(loadCall).toHaveBeenCalledTimes(2);
        const kept = rules(element).at(-1);
        expect([kept?.key, kept?.developerName, kept?.label]).toEqual(['By_phone', 'By_phone', 'By mobile phone']);
        // Only the rename made while it ran is a change: the rule itself is deployed.
        expect(text(element, '[data-id="changes"]')).toBe('1 unsaved change');
        const sent = await deployAgain(element);
        expect([sent?.key, sent?.developerName]).toEqual(['By_phone', 'By_phone']);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('keeps a row new when the partly successful deployment did not create its record', async () => {
        const partial = { ...SUCCEEDED, status: 'SucceededPartial' as const, errors: ['By_phone: Order: required'] };
        const element = await addAndDeploy(() => Promise.resolve(partial));
        editRules(element, [...draft().identificationRules, { ...ADDED, label: 'By mobile phone' }]);
        await readDeployment(() => Promise.resolve(configuration()));

        const kept = rules(element).at(-1);
        expect([kept?.key, kept?.developerName, kept?.label]).toEqual(['new-1', null, 'By mobile phone']);
        expect(text(element, '[data-id="changes"]')).toBe('1 unsaved change');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('names the new rows as soon as the deployment succeeded, even when the configuration cannot be read again', async () => {
        const element = await addAndDeploy(() => Promise.resolve(SUCCEEDED));
        editRules(element, [...draft().identificationRules, { ...ADDED, label: 'By mobile phone' }]);
        await readDeployment(() => Promise.reject(new Error('Unable to read the configuration.')));

        expect(loadCall).toHaveBeenCalledTimes(2);
        const sent = await deployAgain(element);
        expect([sent?.key, sent?.developerName, sent?.label]).toEqual(['new-1', 'By_phone', 'By mobile phone']);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('takes the rows named by a deployment as its records after the next one, when reading between them failed', async () => {
        const element = await addAndDeploy(() => Promise.resolve(SUCCEEDED));
        await readDeployment(() => Promise.reject(new Error('Unable to read the configuration.')));
        // Deployed again (the rule is named now, so nothing new) and edited while that deployment runs.
        deployCall.mockResolvedValue(started({}));
        deploymentCall.mockResolvedValueOnce(SUCCEEDED);
        $(element, '.configure__deploy')!.click();
        await flush();
        expect(draftSent(deployCall, 1).identificationRules.at(-1)?.developerName).toBe('By_phone');
        renameAdded(element, 'By mobile phone');
        await readDeployment(() => Promise.resolve({ ...configuration(), draft: storedAfter() }));

        expectAddedAs(element, 'By mobile phone');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('shows the record of a new row removed while the deployment created it', async () => {
        const element = await addAndDeploy(() => Promise.resolve(SUCCEEDED));
        editRules(element, draft().identificationRules);
        await readDeployment(() => Promise.resolve({ ...configuration(), draft: storedAfter() }));

        expect(rules(element).map((row) => row.key)).toEqual(storedAfter().identificationRules.map((row) => row.key));
        expect(text(element, '[data-id="changes"]')).toBe('No unsaved changes');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('does not act while it reads the configuration again after a deployment', async () => {
        const element = await addAndDeploy(() => Promise.resolve(SUCCEEDED));
        let answer: (value: unknown) => void = () => undefined;
        await readDeployment(() => new Promise((resolve) => (answer = resolve)));
        const disabled = () =>
            ['.configure__deploy', '.configure__check'].map(
                (selector) => ($(element, selector) as HTMLButtonElement).disabled
            );
        expect(disabled()).toEqual([true, true]);
        answer({ ...configuration(), draft: storedAfter() });
        await flush();
        expect(disabled()).toEqual([false, false]);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('discards only once it has read what a deployment it started deployed', async () => {
        const element = await addAndDeploy(() => Promise.reject(new Error('Read timed out.')));
        jest.advanceTimersByTime(3000);
        await flush();
        // Its progress could not be read: whether the rule exists is not known, so there is nothing to go back to.
        const discard = () => ($(element, '.configure__discard') as HTMLButtonElement).disabled;
        expect(text(element, '[data-id="changes"]')).toBe('1 unsaved change');
        expect(discard()).toBe(true);
        deploymentCall.mockResolvedValueOnce(SUCCEEDED);
        readAgain(element);
        renameAdded(element, 'By mobile phone');
        // It succeeded, but the configuration cannot be read again: still nothing to go back to.
        await readDeployment(() => Promise.reject(new Error('Unable to read the configuration.')));
        expect(discard()).toBe(true);
        loadCall.mockResolvedValue({ ...configuration(), draft: storedAfter() });
        $(element, '.configure__retry')!.click();
        await flush();
        expect(discard()).toBe(false);
        expect(rules(element).at(-1)?.key).toBe('By_phone');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('sends the names a deployment whose end it could not read gives its rows, so deploying again makes no copy', async () => {
        const element = await addAndDeploy(() => Promise.reject(new Error('Read timed out.')));
        jest.advanceTimersByTime(3000);
        await flush();
        renameAdded(element, 'By mobile phone');
        deployCall.mockResolvedValue(started({}));
        deploymentCall.mockResolvedValueOnce(SUCCEEDED);
        $(element, '.configure__deploy')!.click();
        await flush();
        const sent = draftSent(deployCall, 1).identificationRules.at(-1);
        expect([sent?.key, sent?.developerName, sent?.label]).toEqual(['new-1', 'By_phone', 'By mobile phone']);
        // Edited again while the second deployment runs: kept, and taken as the one record.
        renameAdded(element, 'By cell phone');
        await readDeployment(() => Promise.resolve({ ...configuration(), draft: storedAfter() }));
        expectAddedAs(element, 'By cell phone');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('keeps edits made while a deployment it found running when it opened ran', async () => {
        jest.useFakeTimers();
        loadCall.mockResolvedValue(configuration(QUEUED));
        deploymentCall.mockRejectedValueOnce(new Error('Read timed out.')).mockResolvedValueOnce(SUCCEEDED);
        const element = await render();
        renameFirstRule(element, 'Contact by work email');
        jest.advanceTimersByTime(3000);
        await flush();
        // Its progress could not be read: Discard has nothing certain to go back to until it is.
        expect($(element, 'c-error-panel')).not.toBeNull();
        expect(($(element, '.configure__discard') as HTMLButtonElement).disabled).toBe(true);
        readAgain(element);
        // That deployment renamed the second rule and created By_phone.
        const stored = storedAfter();
        stored.identificationRules[1] = { ...stored.identificationRules[1]!, label: 'Contact by mobile' };
        await readDeployment(() => Promise.resolve({ ...configuration(), draft: stored }));

        expect(loadCall).toHaveBeenCalledTimes(2);
        expect(rules(element).map((row) => row.label)).toEqual([
            'Contact by work email',
            ...stored.identificationRules.slice(1).map((row) => row.label)
        ]);
        expect(text(element, '[data-id="changes"]')).toBe('1 unsaved change');
        expect(($(element, '.configure__discard') as HTMLButtonElement).disabled).toBe(false);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('keeps a change a partly successful deployment did not save, and a change set back while it ran', async () => {
        jest.useFakeTimers();
        loadCall.mockResolvedValue(configuration());
        const element = await render();
        const rows = draft().identificationRules;
        editRules(element, [
            { ...rows[0]!, label: 'Contact by work email' },
            { ...rows[1]!, label: 'Contact by mobile' },
            ...rows.slice(2)
        ]);
        await flush();
        deployCall.mockResolvedValue(started());
        deploymentCall.mockResolvedValueOnce({
            ...SUCCEEDED,
            status: 'SucceededPartial',
            errors: ['Contact_Email: …']
        });
        $(element, '.configure__deploy')!.click();
        await flush();
        // Set back while it runs.
        editRules(element, [{ ...rows[0]!, label: 'Contact by work email' }, ...rows.slice(1)]);
        const stored = draft();
        stored.identificationRules[1] = { ...stored.identificationRules[1]!, label: 'Contact by mobile' };
        await readDeployment(() => Promise.resolve({ ...configuration(), draft: stored }));

        expect(
            rules(element)
                .slice(0, 2)
                .map((row) => row.label)
        ).toEqual(['Contact by work email', 'Contact by phone']);
        expect(text(element, '[data-id="changes"]')).toBe('2 unsaved changes');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('takes a row as the record a running deployment already created when it reads the configuration then', async () => {
        const element = await addAndDeploy(() => Promise.resolve(SUCCEEDED));
        await readDeployment(() => Promise.reject(new Error('Unable to read the configuration.')));
        const mobile = { ...ADDED, key: 'new-2', label: 'By mobile' };
        editRules(element, [...rules(element), mobile]);
        deployCall.mockResolvedValue(started({ 'new-2': 'By_mobile' }));
        deploymentCall.mockResolvedValueOnce(QUEUED).mockResolvedValueOnce(SUCCEEDED);
        $(element, '.configure__deploy')!.click();
        await flush();
        // Read again while it runs, once it created By_mobile.
        const stored = storedAfter();
        stored.identificationRules.push({ ...mobile, key: 'By_mobile', developerName: 'By_mobile' });
        loadCall.mockResolvedValue({ ...configuration(), draft: stored });
        $(element, '.configure__retry')!.click();
        await flush();
        const keys = () => rules(element).map((row) => row.key);
        expect(keys()).toEqual(stored.identificationRules.map((row) => row.key));
        await readDeployment(() => Promise.resolve({ ...configuration(), draft: stored }));
        await readDeployment(() => Promise.resolve({ ...configuration(), draft: stored }));
        expect(keys()).toEqual(stored.identificationRules.map((row) => row.key));
        expect(text(element, '[data-id="changes"]')).toBe('No unsaved changes');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    /** The rules as stored: the first two relabelled, By_phone created. */
    function storedWith(first: string, second: string): ConfigDraft {
        const stored = storedAfter();
        const [a, b] = stored.identificationRules;
        stored.identificationRules.splice(0, 2, { ...a!, label: first }, { ...b!, label: second });
        return stored;
    }

    it('after a failed deployment, sets the draft against what an earlier one it could not read again sent', async () => {
        jest.useFakeTimers();
        loadCall.mockResolvedValue(configuration());
        const element = await render();
        renameFirstRule(element, 'Contact by work email');
        await flush();
        deployCall.mockResolvedValue(started());
        deploymentCall.mockResolvedValueOnce(SUCCEEDED);
        $(element, '.configure__deploy')!.click();
        await flush();
        await readDeployment(() => Promise.reject(new Error('Unable to read the configuration.')));
        deployCall.mockResolvedValue(started());
        deploymentCall.mockResolvedValueOnce(FAILED);
        $(element, '.configure__deploy')!.click();
        await flush();
        // Meanwhile the first rule was relabelled elsewhere; the draft still has it as the first deployment sent it.
        const stored = draft();
        stored.identificationRules[0] = { ...stored.identificationRules[0]!, label: 'Contact by email at work' };
        await readDeployment(() => Promise.resolve({ ...configuration(), draft: stored }));

        expectDeployed(element, stored);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('sets what a running deployment sent against a read made while it runs, so its end sends nothing back', async () => {
        const element = await addAndDeploy(() => Promise.resolve(SUCCEEDED));
        await readDeployment(() => Promise.reject(new Error('Unable to read the configuration.')));
        const [first, ...others] = rules(element);
        editRules(element, [{ ...first!, label: 'Contact by work email' }, ...others]);
        deployCall.mockResolvedValue(started());
        deploymentCall.mockResolvedValueOnce(QUEUED).mockResolvedValueOnce(SUCCEEDED);
        $(element, '.configure__deploy')!.click();
        await flush();
        loadCall.mockResolvedValue({
            ...configuration(),
            draft: storedWith('Contact by work email', 'Contact by mobile')
        });
        $(element, '.configure__retry')!.click();
        await flush();
        jest.advanceTimersByTime(3000);
        await flush();
        expect(text(element, '.configure__deployment-headline')).toMatch(/^Deploying/);
        // It ends; the second rule was relabelled elsewhere again.
        const stored = storedWith('Contact by work email', 'Contact by cell');
        await readDeployment(() => Promise.resolve({ ...configuration(), draft: stored }));

        expectDeployed(element, stored);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('ignores a read started before a deployment ended that answers after the read its end started', async () => {
        const element = await addAndDeploy(() => Promise.resolve(SUCCEEDED));
        await readDeployment(() => Promise.reject(new Error('Unable to read the configuration.')));
        editRules(element, [...rules(element), { ...ADDED, key: 'new-2', label: 'By fax' }]);
        deployCall.mockResolvedValue(started({ 'new-2': 'By_fax' }));
        deploymentCall.mockResolvedValueOnce(SUCCEEDED);
        $(element, '.configure__deploy')!.click();
        await flush();
        const answers: ((value: unknown) => void)[] = [];
        loadCall.mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
        $(element, '.configure__retry')!.click();
        jest.advanceTimersByTime(3000);
        await flush();
        expect(answers).toHaveLength(2);
        const stored = storedAfter();
        stored.identificationRules.push({ ...ADDED, key: 'By_fax', developerName: 'By_fax', label: 'By fax' });
        // The first read answers last but one, from before By_fax was created.
        answers[0]!({ ...configuration(), draft: storedAfter() });
        await flush();
        answers[1]!({ ...configuration(), draft: stored });
        await flush();

        expectDeployed(element, stored);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('makes a row new again when the deployment that named it failed', async () => {
        const element = await addAndDeploy(() => Promise.reject(new Error('Read timed out.')));
        jest.advanceTimersByTime(3000);
        await flush();
        // Deployed again (so the row carries the first deployment's name), refused for an error.
        deployCall.mockResolvedValue({
            deployment: null,
            errors: [{ section: 'identificationRules', key: 'new-1', field: 'label', message: 'Too long.' }],
            warnings: [],
            changedRecords: 0
        });
        $(element, '.configure__deploy')!.click();
        await flush();
        expect(rules(element).at(-1)?.developerName).toBe('By_phone');
        deploymentCall.mockResolvedValueOnce(FAILED);
        readAgain(element);
        await readDeployment(() => Promise.resolve(configuration()));

        const kept = rules(element).at(-1);
        expect([kept?.key, kept?.developerName]).toEqual(['new-1', null]);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('keeps the draft when a deployment fails after one whose configuration it could not read', async () => {
        const element = await addAndDeploy(() => Promise.resolve(SUCCEEDED));
        await readDeployment(() => Promise.reject(new Error('Unable to read the configuration.')));
        renameAdded(element, 'By mobile phone');
        deployCall.mockResolvedValue(started({}));
        deploymentCall.mockResolvedValueOnce(FAILED);
        $(element, '.configure__deploy')!.click();
        await flush();
        await readDeployment(() => Promise.resolve({ ...configuration(), draft: storedAfter() }));

        const kept = rules(element).at(-1);
        expect([kept?.key, kept?.label]).toEqual(['By_phone', 'By mobile phone']);
        expect(text(element, '[data-id="changes"]')).toBe('1 unsaved change');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('lists the errors of a failed deployment and keeps the draft', async () => {
        jest.useFakeTimers();
        loadCall.mockResolvedValue(configuration());
        const element = await render();
        const rows = renameFirstRule(element, 'Contact by work email');
        await flush();
        deployCall.mockResolvedValue(started());
        deploymentCall.mockResolvedValue(FAILED);
        $(element, '.configure__deploy')!.click();
        await flush();
        jest.advanceTimersByTime(3000);
        await flush();
        expect(text(element, '.configure__deployment-headline')).toBe(
            'The deployment failed: the configuration did not change. Your draft is kept.'
        );
        expect(text(element, '.configure__deployment-errors')).toBe(FAILED.errors[0]);
        // The configuration is read again (an earlier deployment may have changed it); the draft is kept.
        expect(loadCall).toHaveBeenCalledTimes(2);
        expect(editor(element, 'c-comm100-rule-editor').rows).toEqual(rows);
        expect(text(element, '[data-id="changes"]')).toBe('1 unsaved change');
        expect(($(element, '.configure__deploy') as HTMLButtonElement).disabled).toBe(false);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('shows the last deployment when the page opens and follows it while it is queued; stops after 10 minutes', async () => {
        jest.useFakeTimers();
        loadCall.mockResolvedValue(configuration(QUEUED));
        deploymentCall.mockResolvedValue(QUEUED);
        const element = await render();
        expect(text(element, '.configure__deployment-headline')).toMatch(/^Deploying: started by Ada Admin/);
        for (let i = 0; i < 200; i++) {
            jest.advanceTimersByTime(3000);
            // One read after the other, as the section makes them.
            // eslint-disable-next-line no-await-in-loop
            await flush();
        }
        expect(deploymentCall).toHaveBeenCalledTimes(200);
        expect(text(element, '.configure__watch-message')).toBe(
            'No result after 10 minutes. The deployment may still finish: see Setup > Deployment Status, then open this page again.'
        );
        jest.advanceTimersByTime(60000);
        await flush();
        expect(deploymentCall).toHaveBeenCalledTimes(200);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('stops reading the deployment when it leaves the page', async () => {
        jest.useFakeTimers();
        loadCall.mockResolvedValue(configuration(QUEUED));
        deploymentCall.mockResolvedValue(QUEUED);
        const element = await render();
        jest.advanceTimersByTime(3000);
        await flush();
        expect(deploymentCall).toHaveBeenCalledTimes(1);
        document.body.removeChild(element);
        jest.advanceTimersByTime(30000);
        await flush();
        expect(deploymentCall).toHaveBeenCalledTimes(1);
        jest.useRealTimers();
        document.body.appendChild(element);
        await flush();
        await expect(element).toBeAccessible();
    });

    it('discards the changes only after confirmation', async () => {
        loadCall.mockResolvedValue(configuration());
        const element = await render();
        renameFirstRule(element, 'Contact by work email');
        await flush();
        $(element, '.configure__discard')!.click();
        await flush();
        expect(text(element, '#discard-question, .configure__confirm p')).toBe(
            'Discard 1 unsaved change? The draft goes back to the deployed configuration.'
        );
        expect(element.shadowRoot!.activeElement?.getAttribute('data-id')).toBe('confirm-discard');
        [...element.shadowRoot!.querySelectorAll<HTMLElement>('.configure__confirm button')]
            .find((b) => b.textContent.trim() === 'Keep editing')!
            .click();
        await flush();
        expect($(element, '.configure__confirm')).toBeNull();
        expect(text(element, '[data-id="changes"]')).toBe('1 unsaved change');
        $(element, '.configure__discard')!.click();
        await flush();
        $(element, '[data-id="confirm-discard"]')!.click();
        await flush();
        expect(text(element, '[data-id="changes"]')).toBe('No unsaved changes');
        expect(editor(element, 'c-comm100-rule-editor').rows).toEqual(draft().identificationRules);
        await expect(element).toBeAccessible();
    });

    it('asks the page to rehearse the draft', async () => {
        loadCall.mockResolvedValue(configuration());
        const element = await render();
        renameFirstRule(element, 'Contact by work email');
        await flush();
        const heard: unknown[] = [];
        document.body.addEventListener('rehearse', (event) => heard.push((event as CustomEvent).detail));
        $(element, '.configure__rehearse')!.click();
        expect(heard).toHaveLength(1);
        const sent = JSON.parse((heard[0] as { draftJson: string }).draftJson) as ConfigDraft;
        expect(sent.identificationRules[0]!.label).toBe('Contact by work email');
        expect(sent.fieldMappings).toEqual(draft().fieldMappings);
        await expect(element).toBeAccessible();
    });
});
