// Helpers shared by the checkers' own tests: run a checker script, find a fixture, copy it out of the
// repository, and assert that the output names each expected problem.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const FIXTURES = path.join(ROOT, 'scripts', '__tests__', 'fixtures');
export const BIN = path.join(ROOT, 'node_modules', '.bin');

/** Runs a command from the project root and returns its exit code and combined output. */
export function run(command, args, options = {}) {
    const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
    return { code: result.status, out: `${result.stdout}\n${result.stderr}` };
}

/** Runs one of the project's scripts (a path under scripts/) with Node. */
export function node(script, args, options) {
    return run(process.execPath, [path.join(ROOT, 'scripts', script), ...args], options);
}

/** The path of a fixture under scripts/__tests__/fixtures. */
export function fixture(...parts) {
    return path.join(FIXTURES, ...parts);
}

/** A copy outside the repository, so the project's own .forceignore and ignore files do not apply. */
export function copyOut(source) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'checker-fixture-'));
    cpSync(source, dir, { recursive: true });
    return dir;
}

/** Asserts that the output mentions every expected text. */
export function assertMentions(out, expected) {
    for (const text of expected) {
        assert.ok(out.includes(text), `expected the output to mention "${text}"; it was:\n${out}`);
    }
}
