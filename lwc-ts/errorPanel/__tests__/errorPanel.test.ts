import { createElement } from 'lwc';
import ErrorPanel from 'c/errorPanel';

interface ErrorPanelElement extends HTMLElement {
    errors: unknown;
    friendlyMessage: string | undefined;
    variant: 'error' | 'warning' | undefined;
}

function render(props: Partial<Pick<ErrorPanelElement, 'errors' | 'friendlyMessage' | 'variant'>>): ErrorPanelElement {
    const element = createElement('c-error-panel', { is: ErrorPanel }) as unknown as ErrorPanelElement;
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

interface IconElement extends HTMLElement {
    iconName: string;
    alternativeText: string;
    variant: string;
}

function shadow(element: HTMLElement): ShadowRoot {
    return element.shadowRoot!;
}

describe('c-error-panel', () => {
    // The engine reports mistakes it survives (a repeated key, an unknown property) on the console:
    // a test that causes one fails.
    let consoleError: jest.SpyInstance;
    let consoleWarn: jest.SpyInstance;

    beforeEach(() => {
        consoleError = jest.spyOn(console, 'error');
        consoleWarn = jest.spyOn(console, 'warn');
    });

    afterEach(() => {
        const logged = [...consoleError.mock.calls, ...consoleWarn.mock.calls];
        consoleError.mockRestore();
        consoleWarn.mockRestore();
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        if (logged.length > 0) {
            throw new Error(`The test logged to the console: ${logged.map((args) => String(args[0])).join('; ')}`);
        }
    });

    it('announces the friendly message and each reduced reason in an alert', async () => {
        const element = render({
            friendlyMessage: 'The chats could not be loaded.',
            errors: { status: 500, body: { message: 'You do not have access to this chat.' } }
        });
        const alert = shadow(element).querySelector('[role="alert"]');
        expect(alert).not.toBeNull();
        expect(shadow(element).querySelector('.error-panel__headline')?.textContent).toBe(
            'The chats could not be loaded.'
        );
        const reasons = Array.from(shadow(element).querySelectorAll('li')).map((li) => li.textContent);
        expect(reasons).toEqual(['You do not have access to this chat.']);
        await expect(element).toBeAccessible();
    });

    it('uses the default label when no friendly message is given', async () => {
        const element = render({ errors: 'boom' });
        // sfdx-lwc-jest resolves a custom label import to its reference
        expect(shadow(element).querySelector('.error-panel__headline')?.textContent).toBe(
            'c.Comm100_Error_Default_Message'
        );
        await expect(element).toBeAccessible();
    });

    it('shows no reasons list when the error has none', async () => {
        const element = render({ friendlyMessage: 'Saved with warnings.', errors: undefined });
        expect(shadow(element).querySelector('ul')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('renders error content as text, never as markup', async () => {
        const element = render({ errors: { body: { message: '<img src=x onerror="window.__pwned=1">' } } });
        const item = shadow(element).querySelector('li');
        expect(item?.textContent).toBe('<img src=x onerror="window.__pwned=1">');
        expect(shadow(element).querySelector('img')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('trims the friendly message, and takes a blank one for none', async () => {
        const element = render({ friendlyMessage: '  The chats could not be loaded.\n ', errors: 'boom' });
        expect(shadow(element).querySelector('.error-panel__headline')?.textContent).toBe(
            'The chats could not be loaded.'
        );
        element.friendlyMessage = ' \t ';
        await Promise.resolve();
        expect(shadow(element).querySelector('.error-panel__headline')?.textContent).toBe(
            'c.Comm100_Error_Default_Message'
        );
        await expect(element).toBeAccessible();
    });

    it('labels the list of reasons', async () => {
        const element = render({ errors: ['first', 'second'] });
        // sfdx-lwc-jest resolves a custom label import to its reference
        expect(shadow(element).querySelector('ul')?.getAttribute('aria-label')).toBe('c.Comm100_Error_Details');
        await expect(element).toBeAccessible();
    });

    it.each([
        ['no variant', undefined],
        ['the error variant', 'error' as const]
    ])('shows the error look and icon for %s', async (_name, variant) => {
        const element = render({ variant, errors: 'Save failed.' });
        const container = shadow(element).querySelector('[role="alert"]');
        expect(container?.className).toBe(
            'slds-notify slds-notify_alert slds-theme_alert-texture slds-alert_error error-panel'
        );
        const icon = shadow(element).querySelector<IconElement>('lightning-icon');
        expect([icon?.iconName, icon?.alternativeText, icon?.variant]).toEqual(['utility:error', 'Error', 'inverse']);
        await expect(element).toBeAccessible();
    });

    it('switches to the warning look and icon', async () => {
        const element = render({ variant: 'warning', errors: 'Some fields were skipped.' });
        const container = shadow(element).querySelector('[role="alert"]');
        expect(container?.className).toBe(
            'slds-notify slds-notify_alert slds-theme_alert-texture slds-alert_warning error-panel'
        );
        const icon = shadow(element).querySelector<IconElement>('lightning-icon');
        expect([icon?.iconName, icon?.alternativeText, icon?.variant]).toEqual([
            'utility:warning',
            'Warning',
            'warning'
        ]);
        await expect(element).toBeAccessible();
    });

    it('updates the reasons when the errors change', async () => {
        const element = render({ errors: 'first' });
        element.errors = ['second', { body: [{ message: 'third' }] }];
        await Promise.resolve();
        const reasons = Array.from(shadow(element).querySelectorAll('li')).map((li) => li.textContent);
        expect(reasons).toEqual(['second', 'third']);
        await expect(element).toBeAccessible();
    });
});
