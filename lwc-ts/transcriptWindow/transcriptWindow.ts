/**
 * The window of a transcript that is in the DOM: the messages from `start` to `end` (exclusive) of a chat of
 * `total` messages. Every function here returns a window of at most `size` messages, and `size` is never more
 * than MAX_WINDOW, so however long the chat and whatever the reader does (scroll either way, jump to the start,
 * the end, a match or a given message), the page holds a bounded number of message elements. Pure: no DOM.
 */

/** The first and last-plus-one index of the messages to render. */
export interface MessageWindow {
    readonly start: number;
    readonly end: number;
}

/** The most messages ever rendered at once. */
export const MAX_WINDOW = 200;
/** The fewest messages a window holds (when the chat has that many): fewer would not fill the view. */
export const MIN_WINDOW = 10;
/** The window when none (or nonsense) is configured. */
export const DEFAULT_WINDOW = 30;

/** A finite number rounded down into [low, high]. */
function clampInteger(value: number, low: number, high: number): number {
    return Math.min(high, Math.max(low, Math.floor(value)));
}

/** A whole number of messages within the chat: negatives and NaN count as none. */
function count(value: number): number {
    return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/**
 * The size actually used for a requested one: within [MIN_WINDOW, MAX_WINDOW], DEFAULT_WINDOW for a value
 * that is not a number (an App Builder property may come as text).
 */
export function windowSize(requested: unknown): number {
    const value = typeof requested === 'string' && requested.trim() !== '' ? Number(requested) : requested;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
        return DEFAULT_WINDOW;
    }
    return clampInteger(value, MIN_WINDOW, MAX_WINDOW);
}

/** How far one step ("later", "earlier", or scrolling to an edge) moves: half a window, at least one. */
export function stepOf(size: number): number {
    return Math.max(1, Math.floor(count(size) / 2));
}

/** The first messages of the chat. */
export function startWindow(total: number, size: number): MessageWindow {
    return { start: 0, end: Math.min(count(size), count(total)) };
}

/** The last messages of the chat. */
export function endWindow(total: number, size: number): MessageWindow {
    const end = count(total);
    return { start: Math.max(0, end - count(size)), end };
}

/** A window of at most `size` messages that contains `position` near its middle, kept within the chat. */
export function windowAround(position: number, total: number, size: number): MessageWindow {
    const all = count(total);
    const width = count(size);
    if (all <= width) {
        return { start: 0, end: all };
    }
    const at = Number.isFinite(position) ? clampInteger(position, 0, all - 1) : 0;
    const start = Math.max(0, Math.min(at - Math.floor(width / 2), all - width));
    return { start, end: start + width };
}

/**
 * One step later: the end moves by a step (not past the chat), and the start follows as far as needed to keep
 * at most `size` messages, so the window slides instead of growing.
 */
export function later(window: MessageWindow, total: number, size: number): MessageWindow {
    const all = count(total);
    const width = count(size);
    const end = Math.min(all, Math.max(window.end, 0) + stepOf(width));
    const start = Math.min(end, Math.max(window.start, 0, end - width));
    return { start, end };
}

/** One step earlier: the start moves back by a step (not before the first message), the end follows. */
export function earlier(window: MessageWindow, total: number, size: number): MessageWindow {
    const all = count(total);
    const width = count(size);
    const start = Math.max(0, Math.min(window.start, all) - stepOf(width));
    const end = Math.max(start, Math.min(window.end, all, start + width));
    return { start, end };
}

/** Whether the window renders the message at `position`. */
export function includes(window: MessageWindow, position: number): boolean {
    return position >= window.start && position < window.end;
}

/** The window that shows `position`: the same one when it already does, else one around it. */
export function reveal(window: MessageWindow, position: number, total: number, size: number): MessageWindow {
    return includes(window, position) && window.end - window.start <= count(size)
        ? window
        : windowAround(position, total, size);
}

/** The window at another size: from the same first message where the chat allows, else ending at its last. */
export function resized(window: MessageWindow, total: number, size: number): MessageWindow {
    const all = count(total);
    const width = count(size);
    const start = Math.max(0, Math.min(window.start, all - width));
    return { start, end: Math.min(all, start + width) };
}

/**
 * The part of `window` a jump renders first, before the rest: at most `size` messages around `position` (the
 * target), within the window. Few enough to render and lay out at once, enough to fill the view; the whole window
 * when it holds no more than that.
 */
export function firstPart(window: MessageWindow, position: number, size: number): MessageWindow {
    const width = count(size);
    if (window.end - window.start <= width) {
        return window;
    }
    const at = Number.isFinite(position) ? clampInteger(position, window.start, window.end - 1) : window.start;
    const start = Math.max(window.start, Math.min(at - Math.floor(width / 2), window.end - width));
    return { start, end: start + width };
}

/** How many messages of `next` are not in `current`: what moving from one to the other creates. */
export function added(current: MessageWindow, next: MessageWindow): number {
    const kept = Math.max(0, Math.min(current.end, next.end) - Math.max(current.start, next.start));
    return Math.max(0, next.end - next.start - kept);
}

/**
 * What a jump from `current` (the rendered window) to `next` (a window that shows `position`) renders at once,
 * creating at most `size` messages: `next` itself when it brings no more than that; else the messages of `current`
 * that `next` keeps, with the part of `next` around `position` or, when that brings too many, with the messages
 * from their edge up to `position`; else (nothing kept, or `position` too far from it) only the part around
 * `position`.
 */
export function firstRender(
    current: MessageWindow,
    next: MessageWindow,
    position: number,
    size: number
): MessageWindow {
    const width = count(size);
    if (added(current, next) <= width) {
        return next;
    }
    const part = firstPart(next, position, width);
    const keptStart = Math.max(current.start, next.start);
    const keptEnd = Math.min(current.end, next.end);
    if (keptEnd > keptStart) {
        const candidates: MessageWindow[] = [
            { start: Math.min(keptStart, part.start), end: Math.max(keptEnd, part.end) },
            { start: keptStart, end: Math.min(next.end, keptEnd + width) },
            { start: Math.max(next.start, keptStart - width), end: keptEnd }
        ];
        const usable = candidates.find(
            (candidate) => includes(candidate, position) && added(current, candidate) <= width
        );
        if (usable) {
            return usable;
        }
    }
    return part;
}
