import {
    DEFAULT_WINDOW,
    added,
    MAX_WINDOW,
    MIN_WINDOW,
    earlier,
    endWindow,
    firstPart,
    firstRender,
    includes,
    later,
    resized,
    reveal,
    startWindow,
    stepOf,
    windowAround,
    windowSize
} from 'c/transcriptWindow';
import type { MessageWindow } from 'c/transcriptWindow';

const HUNDRED_THOUSAND = 100000;

/** Follows `move` from `from` until the window stops changing, and gives every window on the way. */
function walk(from: MessageWindow, move: (window: MessageWindow) => MessageWindow): MessageWindow[] {
    const seen = [from];
    let current = from;
    for (;;) {
        const next = move(current);
        if (next.start === current.start && next.end === current.end) {
            return seen;
        }
        seen.push(next);
        current = next;
    }
}

describe('c-transcript-window', () => {
    it('bounds the configured size to 10..200 and reads a size given as text', () => {
        expect([MIN_WINDOW, DEFAULT_WINDOW, MAX_WINDOW]).toEqual([10, 30, 200]);
        expect(windowSize(30)).toBe(30);
        expect(windowSize(200)).toBe(200);
        expect(windowSize(201)).toBe(200);
        expect(windowSize(100000)).toBe(200);
        expect(windowSize(9)).toBe(10);
        expect(windowSize(-5)).toBe(10);
        expect(windowSize(45.9)).toBe(45);
        expect(windowSize('60')).toBe(60);
        expect(windowSize(' 500 ')).toBe(200);
        expect(windowSize('')).toBe(30);
        expect(windowSize('many')).toBe(30);
        expect(windowSize(undefined)).toBe(30);
        expect(windowSize(null)).toBe(30);
        expect(windowSize(Number.NaN)).toBe(30);
        expect(windowSize(Number.POSITIVE_INFINITY)).toBe(30);
    });

    it('steps half a window, at least one message', () => {
        expect(stepOf(30)).toBe(15);
        expect(stepOf(31)).toBe(15);
        expect(stepOf(200)).toBe(100);
        expect(stepOf(1)).toBe(1);
        expect(stepOf(0)).toBe(1);
    });

    it('starts and ends a chat with a full window, or the whole of a short chat', () => {
        expect(startWindow(HUNDRED_THOUSAND, 30)).toEqual({ start: 0, end: 30 });
        expect(endWindow(HUNDRED_THOUSAND, 30)).toEqual({ start: 99970, end: 100000 });
        expect(startWindow(12, 30)).toEqual({ start: 0, end: 12 });
        expect(endWindow(12, 30)).toEqual({ start: 0, end: 12 });
        expect(startWindow(0, 30)).toEqual({ start: 0, end: 0 });
        expect(endWindow(0, 30)).toEqual({ start: 0, end: 0 });
        expect(endWindow(-3, 30)).toEqual({ start: 0, end: 0 });
    });

    it('centres a window on a position, kept within the chat', () => {
        expect(windowAround(0, 10000, 60)).toEqual({ start: 0, end: 60 });
        expect(windowAround(5000, 10000, 60)).toEqual({ start: 4970, end: 5030 });
        expect(windowAround(5000, 10000, 61)).toEqual({ start: 4970, end: 5031 });
        expect(windowAround(9999, 10000, 60)).toEqual({ start: 9940, end: 10000 });
        expect(windowAround(3, 20, 60)).toEqual({ start: 0, end: 20 });
        // a position outside the chat shows its nearest edge
        expect(windowAround(-4, 100, 10)).toEqual({ start: 0, end: 10 });
        expect(windowAround(250, 100, 10)).toEqual({ start: 90, end: 100 });
        expect(windowAround(Number.NaN, 100, 10)).toEqual({ start: 0, end: 10 });
    });

    it('slides later without growing past the size, and stops at the last message', () => {
        expect(later({ start: 0, end: 30 }, 100, 30)).toEqual({ start: 15, end: 45 });
        expect(walk({ start: 0, end: 30 }, (w) => later(w, 100, 30))).toEqual([
            { start: 0, end: 30 },
            { start: 15, end: 45 },
            { start: 30, end: 60 },
            { start: 45, end: 75 },
            { start: 60, end: 90 },
            { start: 70, end: 100 }
        ]);
        // a window smaller than the size (a short chat that grew, or the start) grows first
        expect(later({ start: 0, end: 5 }, 100, 30)).toEqual({ start: 0, end: 20 });
        expect(later({ start: 0, end: 12 }, 12, 30)).toEqual({ start: 0, end: 12 });
    });

    it('slides earlier without growing past the size, and stops at the first message', () => {
        expect(walk({ start: 70, end: 100 }, (w) => earlier(w, 100, 30))).toEqual([
            { start: 70, end: 100 },
            { start: 55, end: 85 },
            { start: 40, end: 70 },
            { start: 25, end: 55 },
            { start: 10, end: 40 },
            { start: 0, end: 30 }
        ]);
        expect(earlier({ start: 0, end: 12 }, 12, 30)).toEqual({ start: 0, end: 12 });
    });

    it('never holds more than 200 messages over a 100,000-message chat, whichever way it moves', () => {
        const size = windowSize(100000);
        let largest = 0;
        let window = startWindow(HUNDRED_THOUSAND, size);
        const moves: ((w: MessageWindow) => MessageWindow)[] = [
            (w) => later(w, HUNDRED_THOUSAND, size),
            (w) => earlier(w, HUNDRED_THOUSAND, size),
            () => endWindow(HUNDRED_THOUSAND, size),
            () => startWindow(HUNDRED_THOUSAND, size),
            (w) => reveal(w, 61234, HUNDRED_THOUSAND, size),
            (w) => reveal(w, 99999, HUNDRED_THOUSAND, size)
        ];
        // a deterministic walk: later a thousand times, then every kind of move in turn
        for (let i = 0; i < 1000; i++) {
            window = later(window, HUNDRED_THOUSAND, size);
            largest = Math.max(largest, window.end - window.start);
        }
        expect(window).toEqual({ start: 99800, end: 100000 });
        for (let i = 0; i < 600; i++) {
            window = moves[i % moves.length]!(window);
            largest = Math.max(largest, window.end - window.start);
            expect(window.start).toBeGreaterThanOrEqual(0);
            expect(window.end).toBeLessThanOrEqual(HUNDRED_THOUSAND);
        }
        expect(largest).toBe(200);
        // reaching the end takes one jump, not a thousand steps
        expect(endWindow(HUNDRED_THOUSAND, size)).toEqual({ start: 99800, end: 100000 });
    });

    it('says whether a window renders a position', () => {
        const window = { start: 10, end: 20 };
        expect([9, 10, 19, 20].map((p) => includes(window, p))).toEqual([false, true, true, false]);
    });

    it('keeps the window that already shows a position, and moves it only for one outside', () => {
        const window = { start: 10, end: 40 };
        expect(reveal(window, 10, 100, 30)).toBe(window);
        expect(reveal(window, 39, 100, 30)).toBe(window);
        expect(reveal(window, 40, 100, 30)).toEqual({ start: 25, end: 55 });
        expect(reveal(window, 9, 100, 30)).toEqual({ start: 0, end: 30 });
        // a window larger than the size (the size was lowered) is replaced even when it shows the position
        expect(reveal({ start: 0, end: 60 }, 5, 100, 30)).toEqual({ start: 0, end: 30 });
    });

    it('resizes a window from its first message, ending at the last message when the chat is shorter', () => {
        expect(resized({ start: 5, end: 15 }, 100, 40)).toEqual({ start: 5, end: 45 });
        expect(resized({ start: 5, end: 45 }, 100, 20)).toEqual({ start: 5, end: 25 });
        expect(resized({ start: 90, end: 100 }, 100, 30)).toEqual({ start: 70, end: 100 });
        expect(resized({ start: 5, end: 15 }, 100, 200)).toEqual({ start: 0, end: 100 });
        expect(resized({ start: 0, end: 0 }, 0, 30)).toEqual({ start: 0, end: 0 });
    });

    it("renders first the part of a jump's window around its target, within the window", () => {
        const around = windowAround(5000, 10000, 30);
        expect(around).toEqual({ start: 4985, end: 5015 });
        expect(firstPart(around, 5000, 10)).toEqual({ start: 4995, end: 5005 });
        // The end of the chat, its start: the part touches the same edge as the window, so the bookend shows.
        expect(firstPart(endWindow(10000, 30), 9999, 10)).toEqual({ start: 9990, end: 10000 });
        expect(firstPart(startWindow(10000, 30), 0, 10)).toEqual({ start: 0, end: 10 });
        // A target near an edge of the window: the part stays inside it.
        expect(firstPart(around, 4986, 10)).toEqual({ start: 4985, end: 4995 });
        expect(firstPart(around, 5014, 10)).toEqual({ start: 5005, end: 5015 });
        // Outside the window or not a number: the nearest edge of the window.
        expect(firstPart(around, 20, 10)).toEqual({ start: 4985, end: 4995 });
        expect(firstPart(around, Number.NaN, 10)).toEqual({ start: 4985, end: 4995 });
        // A window no larger than the part is rendered whole.
        expect(firstPart({ start: 3, end: 11 }, 5, 10)).toEqual({ start: 3, end: 11 });
        expect(firstPart({ start: 0, end: 10 }, 5, 10)).toEqual({ start: 0, end: 10 });
    });

    it('counts the messages a move creates: those of the new window the old one does not hold', () => {
        expect(added({ start: 0, end: 30 }, { start: 16, end: 46 })).toBe(16);
        expect(added({ start: 0, end: 30 }, { start: 0, end: 30 })).toBe(0);
        expect(added({ start: 0, end: 30 }, { start: 100, end: 130 })).toBe(30);
        expect(added({ start: 4995, end: 5005 }, { start: 4985, end: 5015 })).toBe(20);
        expect(added({ start: 4985, end: 5015 }, { start: 4995, end: 5005 })).toBe(0);
    });

    it('renders at once what a jump can create in one go: all of it, what it keeps and its target, or its target', () => {
        // Few new messages: the whole window at once.
        expect(firstRender({ start: 0, end: 30 }, { start: 5, end: 35 }, 34, 10)).toEqual({ start: 5, end: 35 });
        expect(firstRender({ start: 0, end: 30 }, { start: 0, end: 30 }, 3, 10)).toEqual({ start: 0, end: 30 });
        // Next door: the kept messages and the part around the target, six new ones (not ten, dropping four).
        expect(firstRender({ start: 0, end: 30 }, { start: 16, end: 46 }, 31, 10)).toEqual({ start: 16, end: 36 });
        // The target already rendered while its window is still to come: nothing dropped, three new.
        expect(firstRender({ start: 4995, end: 5005 }, { start: 4985, end: 5015 }, 5003, 10)).toEqual({
            start: 4995,
            end: 5008
        });
        // Far away, or kept messages too far from the target: only the part around the target.
        expect(firstRender({ start: 0, end: 30 }, { start: 9970, end: 10000 }, 9999, 10)).toEqual({
            start: 9990,
            end: 10000
        });
        expect(firstRender({ start: 0, end: 30 }, { start: 16, end: 46 }, 45, 10)).toEqual({ start: 36, end: 46 });
        // Exactly ten new: still at once.
        expect(firstRender({ start: 0, end: 30 }, { start: 10, end: 40 }, 35, 10)).toEqual({ start: 10, end: 40 });
        expect(firstRender({ start: 0, end: 30 }, { start: 20, end: 50 }, 35, 10)).toEqual({ start: 20, end: 40 });
        // The target a few messages past the kept ones: from their edge up to it, keeping them all.
        expect(firstRender({ start: 0, end: 30 }, { start: 21, end: 51 }, 36, 10)).toEqual({ start: 21, end: 40 });
        expect(firstRender({ start: 100, end: 130 }, { start: 78, end: 108 }, 93, 10)).toEqual({
            start: 90,
            end: 108
        });
        // Nothing rendered yet (another chat): only the part around the target.
        expect(firstRender({ start: 0, end: 0 }, { start: 20, end: 50 }, 35, 10)).toEqual({ start: 30, end: 40 });
    });

    it('never renders at once more than ten new messages, a window outside the next one, or one without its target', () => {
        const size = 10;
        for (const width of [30, 60]) {
            for (let from = 0; from < 120; from += 7) {
                const current = { start: from, end: from + width };
                for (let position = 0; position < 200; position++) {
                    const next = windowAround(position, 200, width);
                    const first = firstRender(current, next, position, size);
                    const inside = first.start >= next.start && first.end <= next.end;
                    expect([inside, includes(first, position), added(current, first) <= size]).toEqual([
                        true,
                        true,
                        true
                    ]);
                }
            }
        }
    });
});
