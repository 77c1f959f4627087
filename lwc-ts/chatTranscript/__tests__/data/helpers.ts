// Test helpers shared by the transcript viewer's suites (c-chat-transcript, c-transcript-chat-list,
// c-transcript-conversation). Each takes the component whose shadow root it reads: the root never reaches into a
// nested component, as in the platform.
import type { TranscriptMessage } from '@salesforce/apex/ChatTranscriptController.getTranscript';

/** A message as the conversation hands it to c-transcript-message. */
export interface MessageHost extends HTMLElement {
    message: TranscriptMessage;
    highlights: readonly { start: number; end: number }[];
    current: boolean;
}

export type IconStub = HTMLElement & { iconName: string; alternativeText: string };
export type ErrorPanel = HTMLElement & { errors: unknown; friendlyMessage: string };
export type ButtonStub = HTMLElement & { label: string; disabled: boolean };
export type SpinnerStub = HTMLElement & { alternativeText: string };

export function $(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot!.querySelector<HTMLElement>(selector);
}

export function $$(element: HTMLElement, selector: string): HTMLElement[] {
    return Array.from(element.shadowRoot!.querySelectorAll<HTMLElement>(selector));
}

export function button(element: HTMLElement, selector: string): ButtonStub | null {
    return $(element, selector) as ButtonStub | null;
}

export function errorPanel(element: HTMLElement, selector: string): ErrorPanel | null {
    return $(element, selector) as ErrorPanel | null;
}

export function spinner(element: HTMLElement, selector: string): SpinnerStub | null {
    return $(element, selector) as SpinnerStub | null;
}

export function texts(element: HTMLElement, selector: string): (string | null)[] {
    return $$(element, selector).map((node) => node.textContent);
}

/** Lets wires, promises and re-renders settle. */
export function flush(): Promise<void> {
    return new Promise((resolve) => {
        setTimeout(resolve, 0);
    });
}

/** Waits for one animation frame (jsdom runs them about every 16 ms). */
export function frame(): Promise<void> {
    return new Promise((resolve) => {
        requestAnimationFrame(() => {
            resolve();
        });
    });
}

/**
 * Lets a jump in a transcript finish: it renders a screenful around its target at once and the rest of its window
 * two animation frames later.
 */
export async function settle(): Promise<void> {
    await flush();
    await new Promise<void>((resolve) => {
        requestAnimationFrame(() => {
            requestAnimationFrame(() => {
                resolve();
            });
        });
    });
    await flush();
}

export function type(element: HTMLElement, selector: string, value: string): void {
    const input = $(element, selector) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new CustomEvent('input'));
}

/** Dispatches a cancelable keydown on an input and says whether the component prevented its default. */
export function press(
    element: HTMLElement,
    selector: string,
    key: string,
    shiftKey = false,
    isComposing = false
): boolean {
    const event = new KeyboardEvent('keydown', { key, shiftKey, isComposing, cancelable: true });
    $(element, selector)!.dispatchEvent(event);
    return !event.defaultPrevented;
}

export function click(element: HTMLElement, selector: string): void {
    $(element, selector)!.click();
}

export interface Deferred<T> {
    promise: Promise<T>;
    resolve(value: T): void;
    reject(reason: unknown): void;
}

export function deferred<T>(): Deferred<T> {
    let resolve!: (value: T) => void;
    let reject!: (reason: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
    });
    return { promise, resolve, reject };
}

/** A text with the narrow and no-break spaces some ICU versions put in times made plain. */
export function plain(text: string | null | undefined): string | undefined {
    return text?.replace(/[\u00A0\u202F]/g, ' ').trim();
}

export function range(from: number, to: number): number[] {
    return Array.from({ length: to - from }, (_, i) => from + i);
}

/** The panel's own rendered reasons: proves the panel received the error, not only a message of ours. */
export function panelReasons(panel: ErrorPanel | null): (string | null)[] {
    return Array.from(panel?.shadowRoot?.querySelectorAll('.error-panel__message') ?? []).map((n) => n.textContent);
}

/** The messages a conversation renders, each a c-transcript-message. */
export function hosts(conversation: HTMLElement): MessageHost[] {
    return $$(conversation, 'c-transcript-message') as MessageHost[];
}

/** The rendered messages' contents. */
export function contents(conversation: HTMLElement): (string | null)[] {
    return hosts(conversation).map((host) => host.message.content);
}

export function currentHost(conversation: HTMLElement): MessageHost | undefined {
    return hosts(conversation).find((host) => host.current);
}

export function currentMessage(conversation: HTMLElement): string | null | undefined {
    return currentHost(conversation)?.message.content;
}

export function matchCount(conversation: HTMLElement): string | null | undefined {
    return $(conversation, '.transcript__match-count')?.textContent;
}

export const NO_ACCESS = 'You do not have access to Comm100 chats.';
