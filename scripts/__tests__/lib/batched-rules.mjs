// Runs the rules over many projects at once: each run is a project and the rules to run over it, as runRules
// does, but the apex-ls questions of every run whose projects have the same objects go into one apex-ls run,
// not one run a project. Each problem keeps the stack of its report, so a test can tell which line of a rule
// wrote it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProject } from '../../checks/model.mjs';
import { ApexProbe } from '../../checks/probe.mjs';

/** What the probe copies of a project: its objects without list views and validation rules, and the API version. */
function probeFingerprint(model) {
    const hash = createHash('sha256').update(model.apiVersion);
    const files = model.files
        .filter((f) => /[\\/]objects[\\/]/.test(f) && !/[\\/](listViews|validationRules)[\\/]/.test(f))
        .map((f) => [path.relative(model.projectDir, f).split(path.sep).join('/'), f])
        .sort(([a], [b]) => a.localeCompare(b));
    for (const [relative, file] of files) {
        hash.update(`\0${relative}\0`).update(readFileSync(file));
    }
    return hash.digest('hex');
}

/** The frames of a stack: [{ file, line }]. */
function framesOf(stack) {
    const frames = [];
    for (const [, url, line] of stack.matchAll(/(file:\/\/[^\s)]+?):(\d+):\d+/g)) {
        frames.push({ file: fileURLToPath(url), line: Number(line) });
    }
    return frames;
}

/**
 * Runs runs = [{ id, project, rules }] (a project folder and the rules to run over it). The apex-ls questions of
 * runs whose projects have the same objects are asked in one apex-ls run.
 * @returns {Promise<Map<string, { rule: string, file: string, message: string, frames: object[] }[]>>} by run id
 */
export async function runBatched(runs) {
    const groups = new Map();
    const results = new Map();
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 64;
    try {
        for (const { id, project, rules } of runs) {
            const model = loadProject(project);
            const key = probeFingerprint(model);
            if (!groups.has(key)) {
                groups.set(key, new ApexProbe(model));
            }
            const shared = groups.get(key);
            const problems = [];
            results.set(id, problems);
            // One probe object a run, as runRules has: helpers that ask once per probe (askOnce) keep to the run.
            const probe = {
                ask: (...args) => shared.ask(...args),
                askField: (...args) => shared.askField(...args),
                get size() {
                    return shared.size;
                }
            };
            for (const rule of rules) {
                const report = (file, message) =>
                    problems.push({ rule: rule.name, file, message, frames: framesOf(new Error().stack) });
                await rule.check(model, report, probe);
            }
        }
        for (const probe of groups.values()) {
            probe.run();
        }
    } finally {
        Error.stackTraceLimit = limit;
    }
    return results;
}
