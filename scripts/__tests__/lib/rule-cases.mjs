// The broken cases of the rules of scripts/checks/rules/, shared by the tests that run them.
//
// A broken case is a folder scripts/__tests__/fixtures/rules/<rule>/<case>/ holding
//   expect.txt   one expected text a line (each must appear in a message of that rule)
//   remove.txt   optional: paths of the valid project to delete, one a line
//   files        any other file, at its path in the project (force-app/…, lwc-ts/…), laid over a copy of the
//                valid project (scripts/__tests__/fixtures/metadata/valid)
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { copyOut, fixture } from './harness.mjs';

export const VALID = fixture('metadata', 'valid');
export const LEGACY_BROKEN = fixture('metadata', 'broken');
export const CASES = fixture('rules');

export function linesOf(file) {
    return existsSync(file)
        ? readFileSync(file, 'utf8')
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean)
        : [];
}

/** Every broken case: { rule, name, dir }. */
export function brokenCases() {
    if (!existsSync(CASES)) {
        return [];
    }
    return readdirSync(CASES, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .flatMap((ruleDir) =>
            readdirSync(path.join(CASES, ruleDir.name), { withFileTypes: true })
                .filter((d) => d.isDirectory())
                .map((d) => ({ rule: ruleDir.name, name: d.name, dir: path.join(CASES, ruleDir.name, d.name) }))
        );
}

/** A copy of the valid project with the case laid over it. */
export function projectFor(caseDir) {
    const dir = copyOut(VALID);
    for (const relative of linesOf(path.join(caseDir, 'remove.txt'))) {
        rmSync(path.join(dir, relative), { recursive: true, force: true });
    }
    cpSync(caseDir, dir, {
        recursive: true,
        filter: (source) => !['expect.txt', 'remove.txt'].includes(path.relative(caseDir, source))
    });
    return dir;
}

export const format = (problems) => problems.map((p) => `[${p.rule}] ${p.file}: ${p.message}`).join('\n');
