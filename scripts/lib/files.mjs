// Small file helpers shared by the checkers.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.sf', '.sfdx', 'build', 'coverage']);

/**
 * Lists files under the given folders whose names match `test`, skipping tool folders.
 * @param {string[]} dirs
 * @param {(name: string) => boolean} test
 * @returns {string[]} absolute paths, sorted
 */
export function findFiles(dirs, test) {
    const out = [];
    const walk = (dir) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (!SKIPPED_DIRS.has(entry.name)) {
                    walk(full);
                }
            } else if (test(entry.name)) {
                out.push(full);
            }
        }
    };
    for (const dir of dirs) {
        if (existsSync(dir)) {
            walk(path.resolve(dir));
        }
    }
    return out.sort();
}

/**
 * Reads every file under `dir` whose name matches `test` (all by default), skipping tool folders.
 * @param {string} dir
 * @param {(name: string) => boolean} [test]
 * @returns {Map<string, string>} path relative to `dir` (with `/`) → content, sorted by path
 */
export function readTree(dir, test = () => true) {
    const root = path.resolve(dir);
    return new Map(
        findFiles([root], test).map((file) => [
            path.relative(root, file).split(path.sep).join('/'),
            readFileSync(file, 'utf8')
        ])
    );
}

/**
 * Parses `--flag value` and positional arguments.
 * @param {string[]} argv
 * @returns {{ positional: string[], flags: Record<string, string | true> }}
 */
export function parseArgs(argv) {
    const positional = [];
    const flags = {};
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg.startsWith('--')) {
            const next = argv[i + 1];
            if (next !== undefined && !next.startsWith('--')) {
                flags[arg.slice(2)] = next;
                i++;
            } else {
                flags[arg.slice(2)] = true;
            }
        } else {
            positional.push(arg);
        }
    }
    return { positional, flags };
}

/**
 * Runs a checker's main function when its file is the program being run (not when a test imports
 * it) and exits with its code; a crash is a failure.
 * @param {string} moduleUrl the checker's `import.meta.url`
 * @param {() => Promise<number> | number} main
 */
export function runMain(moduleUrl, main) {
    if (moduleUrl !== pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
        return;
    }
    Promise.resolve()
        .then(main)
        .then(
            (code) => process.exit(code),
            (error) => {
                console.error(`✗ ${error?.stack ?? error}`);
                process.exit(1);
            }
        );
}
