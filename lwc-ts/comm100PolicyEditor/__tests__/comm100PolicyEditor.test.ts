import { createElement } from 'lwc';
import Comm100PolicyEditor from 'c/comm100PolicyEditor';
import type { SyncPolicy } from '@salesforce/apex/ConfigurationController.getConfiguration';
import type { EditorIssue } from 'c/configRows';

/** The package's shipped policies (customMetadata/Comm100_Sync_Policy.*), the first changed to a Contact action. */
const CHAT_ENDED: SyncPolicy = Object.freeze({
    key: 'Chat_Ended',
    appliesTo: 'Chat_Ended',
    developerName: 'Chat_Ended',
    label: 'When a chat ends',
    action: 'Create/Update Contact & Attach Case',
    multipleMatches: 'Oldest',
    updateMode: 'Only Fill Blanks'
});
const OFFLINE: SyncPolicy = Object.freeze({
    key: 'Offline_Message',
    appliesTo: 'Offline_Message',
    developerName: 'Support_Offline',
    label: 'Offline messages to support',
    action: 'Do Nothing',
    multipleMatches: 'Newest',
    updateMode: 'Overwrite'
});

interface DraftChange {
    section: string;
    rows: SyncPolicy[];
}

function render(
    rows: SyncPolicy[] = [OFFLINE, CHAT_ENDED],
    issues?: EditorIssue[]
): HTMLElement & { rows: SyncPolicy[] } {
    const element = createElement('c-comm100-policy-editor', { is: Comm100PolicyEditor }) as HTMLElement & {
        rows: SyncPolicy[];
        issues?: EditorIssue[];
    };
    element.rows = Object.freeze(rows) as SyncPolicy[];
    element.issues = issues;
    document.body.appendChild(element);
    return element;
}

function root(element: HTMLElement): ShadowRoot {
    return element.shadowRoot!;
}

function card(element: HTMLElement, kind: string): HTMLElement {
    return root(element).querySelector<HTMLElement>(`[data-kind="${kind}"]`)!;
}

function group(element: HTMLElement, kind: string, field: string): HTMLFieldSetElement {
    return card(element, kind).querySelector<HTMLFieldSetElement>(`fieldset[data-field="${field}"]`)!;
}

function radio(element: HTMLElement, kind: string, field: string, value: string): HTMLInputElement {
    return group(element, kind, field).querySelector<HTMLInputElement>(`input[value="${value}"]`)!;
}

function checkedValue(element: HTMLElement, kind: string, field: string): string | undefined {
    return [...group(element, kind, field).querySelectorAll<HTMLInputElement>('input')].find((input) => input.checked)
        ?.value;
}

function choose(element: HTMLElement, kind: string, field: string, value: string): void {
    const input = radio(element, kind, field, value);
    input.checked = true;
    input.dispatchEvent(new CustomEvent('change'));
}

function listen(element: HTMLElement): DraftChange[] {
    const changes: DraftChange[] = [];
    element.addEventListener('draftchange', (event) => changes.push((event as CustomEvent<DraftChange>).detail));
    return changes;
}

function flush(): Promise<void> {
    return Promise.resolve();
}

function text(node: Element | null | undefined): string {
    return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('c-comm100-policy-editor', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows one card per kind, chat ended first, with the record the Comm100 Setting names and its values', async () => {
        const element = render();
        await flush();
        expect([...root(element).querySelectorAll('.policy-editor__title')].map(text)).toEqual([
            'When a chat ends',
            'When an offline message arrives'
        ]);
        expect(text(card(element, 'Offline_Message').querySelector('.policy-editor__record'))).toBe(
            'Record named by the Comm100 Setting: Offline messages to support (Support_Offline)'
        );
        expect(
            ['action', 'multipleMatches', 'updateMode'].map((field) => checkedValue(element, 'Chat_Ended', field))
        ).toEqual(['Create/Update Contact & Attach Case', 'Oldest', 'Only Fill Blanks']);
        expect(
            [...group(element, 'Chat_Ended', 'action').querySelectorAll('.policy-editor__help')].map(text)
        ).toHaveLength(5);
        expect(text(group(element, 'Chat_Ended', 'multipleMatches'))).toContain(
            'Creates nothing when several records match'
        );
        await expect(element).toBeAccessible();
    });

    it('disables the update mode, keeping its value, for an action that updates no contact', async () => {
        const element = render();
        await flush();
        expect(group(element, 'Chat_Ended', 'updateMode').disabled).toBe(false);
        const offline = group(element, 'Offline_Message', 'updateMode');
        expect(offline.disabled).toBe(true);
        expect(checkedValue(element, 'Offline_Message', 'updateMode')).toBe('Overwrite');
        expect(text(offline.querySelector('.policy-editor__note'))).toMatch(
            /^Only the two Contact actions update an existing contact/
        );
        await expect(element).toBeAccessible();
    });

    it('dispatches the whole new rows on a choice, leaving the rows it was given unchanged', async () => {
        const element = render();
        const changes = listen(element);
        await flush();
        choose(element, 'Offline_Message', 'action', 'Create/Update Contact & Attach Task');
        expect(changes).toEqual([
            {
                section: 'policies',
                rows: [{ ...OFFLINE, action: 'Create/Update Contact & Attach Task' }, CHAT_ENDED]
            }
        ]);
        expect(OFFLINE.action).toBe('Do Nothing');
        await flush();
        // The update mode applies now, with the value that was kept.
        expect(group(element, 'Offline_Message', 'updateMode').disabled).toBe(false);
        choose(element, 'Offline_Message', 'updateMode', 'Do Not Update');
        choose(element, 'Chat_Ended', 'multipleMatches', 'Ambiguous');
        expect(changes[2]).toEqual({
            section: 'policies',
            rows: [
                { ...OFFLINE, action: 'Create/Update Contact & Attach Task', updateMode: 'Do Not Update' },
                { ...CHAT_ENDED, multipleMatches: 'Ambiguous' }
            ]
        });
        await expect(element).toBeAccessible();
    });

    it('applies a choice to both kinds when the Comm100 Setting names one record for both, and says so', async () => {
        const shared = { ...OFFLINE, developerName: 'chat_ended', label: CHAT_ENDED.label, action: CHAT_ENDED.action };
        const element = render([CHAT_ENDED, shared]);
        const changes = listen(element);
        await flush();
        expect([...root(element).querySelectorAll('.policy-editor__shared')].map(text)).toEqual([
            expect.stringMatching(/^The Comm100 Setting names this record for both kinds/),
            expect.stringMatching(/^The Comm100 Setting names this record for both kinds/)
        ]);
        choose(element, 'Offline_Message', 'updateMode', 'Overwrite');
        expect(changes[0]!.rows).toEqual([
            { ...CHAT_ENDED, updateMode: 'Overwrite' },
            { ...shared, updateMode: 'Overwrite' }
        ]);
        await flush();
        expect(checkedValue(element, 'Chat_Ended', 'updateMode')).toBe('Overwrite');
        await expect(element).toBeAccessible();
    });

    it('shows the rows a parent sets again', async () => {
        const element = render();
        await flush();
        element.rows = [{ ...CHAT_ENDED, action: 'Create Case' }, OFFLINE];
        await flush();
        expect(checkedValue(element, 'Chat_Ended', 'action')).toBe('Create Case');
        expect(group(element, 'Chat_Ended', 'updateMode').disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('shows each issue of its section next to the input it names, a warning as a warning', async () => {
        const element = render(undefined, [
            {
                section: 'policies',
                key: 'Chat_Ended',
                field: 'action',
                message: 'Choose an action.',
                severity: 'error'
            },
            {
                section: 'policies',
                key: 'Offline_Message',
                field: 'multipleMatches',
                message: 'Oldest may pick a stale contact.',
                severity: 'warning'
            },
            { section: 'policies', key: 'Offline_Message', field: 'developerName', message: 'No such record.' },
            { section: 'policies', key: 'Gone', field: 'action', message: 'A policy the draft lost.' },
            { section: 'redactionRules', key: 'Chat_Ended', field: 'action', message: 'Not mine.' }
        ]);
        await flush();
        const action = group(element, 'Chat_Ended', 'action');
        expect(action.classList.contains('slds-has-error')).toBe(true);
        expect(text(action.querySelector('.config-issue_error'))).toBe('Error: Choose an action.');
        expect(radio(element, 'Chat_Ended', 'action', 'Create Case').getAttribute('aria-invalid')).toBe('true');
        const matches = group(element, 'Offline_Message', 'multipleMatches');
        expect(matches.classList.contains('slds-has-error')).toBe(false);
        expect(matches.classList.contains('config-has-warning')).toBe(true);
        expect(text(matches.querySelector('.config-issue_warning'))).toBe('Warning: Oldest may pick a stale contact.');
        expect(radio(element, 'Offline_Message', 'multipleMatches', 'Oldest').getAttribute('aria-invalid')).toBe(
            'false'
        );
        expect(text(card(element, 'Offline_Message').querySelector(':scope .slds-card__body > p.config-issue'))).toBe(
            'Error: No such record.'
        );
        expect([...root(element).querySelectorAll('.policy-editor__orphans li')].map(text)).toEqual([
            'Error: A policy the draft lost.'
        ]);
        expect(root(element).textContent).not.toContain('Not mine.');
        expect(root(element).querySelectorAll('.config-issue')).toHaveLength(4);
        await expect(element).toBeAccessible();
    });

    it('says so when a kind has no policy record', async () => {
        const element = render([CHAT_ENDED]);
        await flush();
        expect(text(card(element, 'Offline_Message').querySelector('.policy-editor__missing'))).toMatch(
            /^No sync policy record was loaded for this kind/
        );
        expect(card(element, 'Offline_Message').querySelectorAll('input')).toHaveLength(0);
        await expect(element).toBeAccessible();
    });

    it('keeps the radio groups of two editors apart', async () => {
        const first = render();
        const second = render();
        await flush();
        expect(radio(first, 'Chat_Ended', 'action', 'Create Case').name).not.toBe(
            radio(second, 'Chat_Ended', 'action', 'Create Case').name
        );
        await expect(first).toBeAccessible();
        await expect(second).toBeAccessible();
    });

    it('shows an issue on the kind or the record name, which have no input, on its card or above the cards', async () => {
        // ConfigPolicyCheck's sentences: a second policy of one kind, and a Comm100 Setting naming an impossible record.
        const secondOfKind = 'Another policy applies to Chat_Ended: keep one per kind.';
        const impossibleName =
            'The Comm100 Setting Offline Message Policy names "Support Offline", which is no Comm100 Sync Policy ' +
            'record and cannot be the name of a new one (letters, digits and single underscores, starting with a ' +
            'letter, at most 40 characters). This policy is left out of the deployment: correct the setting in ' +
            'Setup > Custom Metadata Types > Comm100 Setting.';
        const second: SyncPolicy = { ...CHAT_ENDED, key: 'Chat_Ended_Copy', developerName: 'Chat_Ended_Copy' };
        const element = render(
            [OFFLINE, CHAT_ENDED, second],
            [
                { section: 'policies', key: 'Chat_Ended_Copy', field: 'appliesTo', message: secondOfKind },
                {
                    section: 'policies',
                    key: 'Offline_Message',
                    field: 'developerName',
                    message: impossibleName,
                    severity: 'warning'
                }
            ]
        );
        await flush();
        // The card of a kind shows its first policy; the second one's issue is not lost.
        expect([...root(element).querySelectorAll('.policy-editor__orphans li')].map(text)).toEqual([
            `Error: ${secondOfKind}`
        ]);
        expect(text(card(element, 'Offline_Message').querySelector(':scope .slds-card__body > p.config-issue'))).toBe(
            `Warning: ${impossibleName}`
        );
        expect(card(element, 'Chat_Ended').querySelector('p.config-issue')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
