// Where the conversation's scrolling box goes once a moved window is rendered, and how to get it there.

/**
 * Back to the message that was in view (at the same distance from the top, so nothing seems to move), to the first
 * or last message, or to a given one.
 */
export type ScrollTarget =
    | { kind: 'anchor'; index: number; offset: number }
    | { kind: 'start' }
    | { kind: 'end' }
    | { kind: 'message'; index: number };

/**
 * The first message of `box` at least partly in view (`[data-index]`), and how far its top is below the top of the
 * box: after the window moves, the box scrolls so that this message is exactly there again.
 */
export function anchorIn(box: HTMLElement | null): ScrollTarget {
    const top = box?.getBoundingClientRect().top ?? 0;
    const items = box ? Array.from(box.querySelectorAll<HTMLElement>('[data-index]')) : [];
    const visible = items.find((item) => item.getBoundingClientRect().bottom > top) ?? items[0];
    if (!visible) {
        return { kind: 'start' };
    }
    return {
        kind: 'anchor',
        index: Number(visible.dataset.index),
        offset: visible.getBoundingClientRect().top - top
    };
}

/** Scrolls `box` to `target`; a message not rendered in it leaves the box where it is. */
export function scrollBoxTo(box: HTMLElement | null, target: ScrollTarget): void {
    if (!box) {
        return;
    }
    if (target.kind === 'start') {
        box.scrollTop = 0;
        return;
    }
    if (target.kind === 'end') {
        box.scrollTop = box.scrollHeight;
        return;
    }
    const item = box.querySelector<HTMLElement>(`[data-index="${target.index}"]`);
    if (item && target.kind === 'anchor') {
        box.scrollTop += item.getBoundingClientRect().top - box.getBoundingClientRect().top - target.offset;
    } else if (item && typeof item.scrollIntoView === 'function') {
        item.scrollIntoView({ block: 'nearest' });
    }
}
