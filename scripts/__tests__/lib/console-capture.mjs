// Captures what code under test prints, for the checkers' tests that read a command's output.

/**
 * Runs fn with console.log/console.error captured.
 * @template T
 * @param {() => T | Promise<T>} fn
 * @returns {Promise<{ result: T, out: string }>} its result and the captured lines, joined by newlines
 */
export async function captured(fn) {
    const lines = [];
    const { log, error } = console;
    console.log = (...args) => lines.push(args.join(' '));
    console.error = (...args) => lines.push(args.join(' '));
    try {
        return { result: await fn(), out: lines.join('\n') };
    } finally {
        Object.assign(console, { log, error });
    }
}
