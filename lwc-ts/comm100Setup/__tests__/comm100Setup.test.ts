import { createElement } from 'lwc';
import Comm100Setup from 'c/comm100Setup';

// The sections call their Apex when they are first rendered; here every call stays pending, so each section shows
// its loading state and this test is about which sections the page renders, not what they show.
jest.mock(
    '@salesforce/apex/ConnectSetupController.getPollerStatus',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ConnectSetupController.getStatus',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ConnectSetupController.registerWebhooks',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ConnectSetupController.rotateSiteKey',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ConnectSetupController.startBackfill',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ConnectSetupController.startPoller',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ConnectSetupController.stopPoller',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ConnectSetupController.testConnection',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ConfigurationController.check',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ConfigurationController.deploy',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ConfigurationController.getConfiguration',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ConfigurationController.getDeployment',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ConfigurationController.getObjectFields',
    () => {
        const { createApexTestWireAdapter } = jest.requireActual<{
            createApexTestWireAdapter: (fn: jest.Mock) => unknown;
        }>('@salesforce/sfdx-lwc-jest');
        return { __esModule: true, default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/RehearsalController.findChats',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/RehearsalController.rehearse',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/RehearsalController.getSamples',
    () => {
        const { createApexTestWireAdapter } = jest.requireActual<{
            createApexTestWireAdapter: (fn: jest.Mock) => unknown;
        }>('@salesforce/sfdx-lwc-jest');
        return { __esModule: true, default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/ConnectionHealthController.getHealth',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/SyncLogConsoleController.getLogDetail',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/SyncLogConsoleController.getLogs',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/SyncLogConsoleController.replayLogs',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/VisitorPrivacyController.erase',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/VisitorPrivacyController.preview',
    () => ({ __esModule: true, default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true }
);
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const navigate = jest.fn();
    const NavigationMixin = Object.assign(
        (Base: new () => object) =>
            class extends Base {
                [Navigate](pageReference: unknown): void {
                    navigate(pageReference);
                }
            },
        { Navigate, GenerateUrl }
    );
    return { __esModule: true, NavigationMixin, navigate };
});

const navigation = jest.requireMock<{ navigate: jest.Mock }>('lightning/navigation');

type SetupElement = HTMLElement & { initialSection: string };

function render(initialSection?: string): SetupElement {
    const element = createElement('c-comm100-setup', { is: Comm100Setup }) as unknown as SetupElement;
    if (initialSection !== undefined) {
        element.initialSection = initialSection;
    }
    document.body.appendChild(element);
    return element;
}

function flush(): Promise<void> {
    return new Promise((resolve) => {
        setTimeout(resolve, 0);
    });
}

function sections(element: HTMLElement): string[] {
    return [
        'c-comm100-connect-panel',
        'c-comm100-configure',
        'c-comm100-rehearsal',
        'c-comm100-sync-log',
        'c-comm100-privacy'
    ].filter((tag) => element.shadowRoot!.querySelector(tag) !== null);
}

function tab(element: HTMLElement, value: string): HTMLElement {
    const tabs = Array.from(element.shadowRoot!.querySelectorAll<HTMLElement & { value: string }>('lightning-tab'));
    const found = tabs.find((candidate) => candidate.value === value);
    if (!found) {
        throw new Error(`no tab ${value}`);
    }
    return found;
}

async function open(element: HTMLElement, value: string): Promise<void> {
    tab(element, value).dispatchEvent(new CustomEvent('active'));
    await flush();
}

describe('c-comm100-setup', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        navigation.navigate.mockReset();
    });

    it('shows its title and the six tabs, and renders only the Connect section at first', async () => {
        const element = render();
        await flush();
        expect(element.shadowRoot!.querySelector('h1')!.textContent).toBe('Comm100 Setup');
        const tabs = Array.from(
            element.shadowRoot!.querySelectorAll<HTMLElement & { label: string; value: string }>('lightning-tab')
        );
        expect(tabs.map((candidate) => [candidate.label, candidate.value])).toEqual([
            ['Connect', 'connect'],
            ['Configure', 'configure'],
            ['Rehearse', 'rehearse'],
            ['Sync log', 'syncLog'],
            ['Privacy', 'privacy'],
            ['Record pages', 'recordPages']
        ]);
        expect(
            element.shadowRoot!.querySelector<HTMLElement & { activeTabValue: string }>('lightning-tabset')!
                .activeTabValue
        ).toBe('connect');
        expect(sections(element)).toEqual(['c-comm100-connect-panel']);
        await expect(element).toBeAccessible();
    });

    it('renders a section when its tab is first opened and keeps the ones already opened', async () => {
        const element = render();
        await open(element, 'syncLog');
        expect(sections(element)).toEqual(['c-comm100-connect-panel', 'c-comm100-sync-log']);
        await open(element, 'connect');
        await open(element, 'privacy');
        expect(sections(element)).toEqual(['c-comm100-connect-panel', 'c-comm100-sync-log', 'c-comm100-privacy']);
        await expect(element).toBeAccessible();
    });

    it('opens the section it is asked for first, and Connect for an unknown one', async () => {
        const privacy = render('privacy');
        await flush();
        expect(privacy.initialSection).toBe('privacy');
        expect(sections(privacy)).toEqual(['c-comm100-connect-panel', 'c-comm100-privacy']);
        const unknown = render('billing');
        await flush();
        expect(unknown.initialSection).toBe('connect');
        expect(sections(unknown)).toEqual(['c-comm100-connect-panel']);
        await expect(privacy).toBeAccessible();
        await expect(unknown).toBeAccessible();
    });

    it('ignores an active event from something that is not one of its tabs', async () => {
        const element = render();
        const stray = element.shadowRoot!.querySelector('lightning-tabset')!;
        stray.dispatchEvent(new CustomEvent('active'));
        await flush();
        expect(sections(element)).toEqual(['c-comm100-connect-panel']);
        await expect(element).toBeAccessible();
    });

    it('opens Rehearse under the unsaved changes Configure asks to rehearse, and goes back to the deployed rules', async () => {
        const element = render('configure');
        await flush();
        expect(sections(element)).toEqual(['c-comm100-connect-panel', 'c-comm100-configure']);
        const draftJson =
            '{"identificationRules":[],"fieldMappings":[],"policies":[],"redactionRules":[],"allowList":[]}';
        element
            .shadowRoot!.querySelector('c-comm100-configure')!
            .dispatchEvent(new CustomEvent('rehearse', { detail: { draftJson }, bubbles: true, composed: true }));
        await flush();
        expect(
            element.shadowRoot!.querySelector<HTMLElement & { activeTabValue: string }>('lightning-tabset')!
                .activeTabValue
        ).toBe('rehearse');
        const rehearsal = element.shadowRoot!.querySelector<HTMLElement & { draftJson: string | null }>(
            'c-comm100-rehearsal'
        )!;
        expect(rehearsal.draftJson).toBe(draftJson);
        const note = element.shadowRoot!.querySelector('.comm100-setup__draft-note')!;
        expect(note.querySelector('span')!.textContent).toBe('Rehearsing under the unsaved changes of Configure.');
        await expect(element).toBeAccessible();

        note.querySelector<HTMLElement>('lightning-button')!.click();
        await flush();
        expect(rehearsal.draftJson).toBeNull();
        expect(element.shadowRoot!.querySelector('.comm100-setup__draft-note')).toBeNull();
        expect(sections(element)).toEqual(['c-comm100-connect-panel', 'c-comm100-configure', 'c-comm100-rehearsal']);
    });

    it('rehearses under the deployed rules when Configure sends a blank draft', async () => {
        const element = render('configure');
        await flush();
        element
            .shadowRoot!.querySelector('c-comm100-configure')!
            .dispatchEvent(new CustomEvent('rehearse', { detail: { draftJson: '  ' }, bubbles: true, composed: true }));
        await flush();
        expect(
            element.shadowRoot!.querySelector<HTMLElement & { draftJson: string | null }>('c-comm100-rehearsal')!
                .draftJson
        ).toBeNull();
        expect(element.shadowRoot!.querySelector('.comm100-setup__draft-note')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('links the four record pages that carry the transcript viewer to their objects', async () => {
        const element = render('recordPages');
        await flush();
        const links = Array.from(
            element.shadowRoot!.querySelectorAll<HTMLElement & { label: string }>(
                '.comm100-setup__record-pages lightning-button'
            )
        );
        expect(links.map((link) => link.label)).toEqual(['Contacts', 'Leads', 'Accounts', 'Cases']);
        const pages = Array.from(element.shadowRoot!.querySelectorAll('.comm100-setup__record-pages li span')).map(
            (span) => span.textContent.trim()
        );
        expect(pages).toEqual([
            '— Comm100 Contact Record Page',
            '— Comm100 Lead Record Page',
            '— Comm100 Account Record Page',
            '— Comm100 Case Record Page'
        ]);
        links[3]!.click();
        expect(navigation.navigate).toHaveBeenCalledWith({
            type: 'standard__objectPage',
            attributes: { objectApiName: 'Case', actionName: 'home' }
        });
        await expect(element).toBeAccessible();
    });
});
