// What the visitor panel's component tests share: a navigation stand-in that answers per record, waiting for the
// engine, error panels and toasts as the tests read them, and a guard that fails a test which logs to the console.

/** The URL the navigation stand-in gives a record's page. */
export function urlOf(recordId: string): string {
    return `/lightning/r/${recordId}/view`;
}

export interface PageReference {
    type: string;
    attributes: { recordId: string; actionName: string };
}

export function recordPage(recordId: string): PageReference {
    return { type: 'standard__recordPage', attributes: { recordId, actionName: 'view' } };
}

/**
 * lightning/navigation that answers for the record it is asked about, so a link built for the wrong record shows
 * (the stub of sfdx-lwc-jest gives every record the same URL and records no navigation). Use it as
 * `jest.mock('lightning/navigation', () => jest.requireActual<Helpers>('…/helpers').navigationModule())`.
 */
export function navigationModule(): object {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const navigate = jest.fn();
    const generateUrl = jest.fn();
    const NavigationMixin = Object.assign(
        (Base: new () => object) =>
            class extends Base {
                [Navigate](pageReference: unknown): void {
                    navigate(pageReference);
                }
                [GenerateUrl](pageReference: unknown): unknown {
                    return generateUrl(pageReference);
                }
            },
        { Navigate, GenerateUrl }
    );
    return { __esModule: true, NavigationMixin, navigate, generateUrl };
}

export interface Navigation {
    navigate: jest.Mock;
    generateUrl: jest.Mock;
}

/** The stand-in's mocks, answering every record with its own URL. */
export function navigation(): Navigation {
    const mocks = jest.requireMock<Navigation>('lightning/navigation');
    mocks.generateUrl.mockReset();
    mocks.generateUrl.mockImplementation((pageReference: PageReference) =>
        Promise.resolve(urlOf(pageReference.attributes.recordId))
    );
    mocks.navigate.mockReset();
    return mocks;
}

export interface WireMock {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}

export interface ErrorPanelElement extends HTMLElement {
    errors: unknown;
    friendlyMessage: string;
    variant: string | undefined;
}

export interface Toast {
    title: string;
    message: string;
    variant: string;
}

/** Lets wires, promises and re-renders settle. */
export function flush(): Promise<void> {
    return new Promise((resolve) => {
        setTimeout(resolve, 0);
    });
}

export function deferred<T>(): {
    promise: Promise<T>;
    resolve: (value: T) => void;
    reject: (error: unknown) => void;
} {
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<T>((onResolve, onReject) => {
        resolve = onResolve;
        reject = onReject;
    });
    return { promise, resolve, reject };
}

export function root(element: Element): ShadowRoot {
    return element.shadowRoot!;
}

export function textOf(element: Element, selector: string): string {
    return root(element).querySelector(selector)?.textContent.trim() ?? '';
}

export function errorPanels(element: Element, selector = 'c-error-panel'): ErrorPanelElement[] {
    return Array.from(root(element).querySelectorAll<ErrorPanelElement>(selector));
}

/** The reasons the error panel itself renders from the errors it was given. */
export function reasonsShown(panel: ErrorPanelElement): string[] {
    return Array.from(panel.shadowRoot!.querySelectorAll('li')).map((item) => item.textContent);
}

export function collectToasts(element: HTMLElement): Toast[] {
    const toasts: Toast[] = [];
    element.addEventListener('lightning__showtoast', (event) => {
        toasts.push({ ...(event as CustomEvent<Toast>).detail });
    });
    return toasts;
}

/**
 * Fails a test that makes the engine report a mistake it survives (a repeated key, an unknown property) on the
 * console, and empties the page after each test.
 */
export function guardConsole(): void {
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
        jest.clearAllMocks();
        jest.useRealTimers();
        if (logged.length > 0) {
            throw new Error(`The test logged to the console: ${logged.map((args) => String(args[0])).join('; ')}`);
        }
    });
}

/** The sections rendered by a part of the panel, each inside its c-visitor-section. */
export function sectionsOf(element: Element): HTMLElement[] {
    return Array.from(root(element).querySelectorAll('c-visitor-section')).flatMap((child) =>
        Array.from(root(child).querySelectorAll<HTMLElement>('.visitor-panel__section'))
    );
}

/** The labels and values of one section, as text. */
export function fieldsOf(element: Element, sectionId: string): Record<string, string> {
    const section = sectionsOf(element).find((candidate) => candidate.dataset.section === sectionId);
    const terms = Array.from(section?.querySelectorAll('dt') ?? []);
    return Object.fromEntries(
        terms.map((term) => [term.textContent.trim(), term.nextElementSibling!.textContent.trim()])
    );
}

/** The text of the first element matching `selector` inside one section. */
export function sectionText(element: Element, sectionId: string, selector: string): string {
    const section = sectionsOf(element).find((candidate) => candidate.dataset.section === sectionId);
    return section?.querySelector(selector)?.textContent.trim() ?? '';
}

/** The links of the sections, as [text, href, target]. */
export function sectionLinks(element: Element): [string, string | null, string][] {
    return sectionsOf(element).flatMap((section) =>
        Array.from(section.querySelectorAll<HTMLAnchorElement>('a')).map((link): [string, string | null, string] => [
            link.textContent,
            link.getAttribute('href'),
            link.target
        ])
    );
}
