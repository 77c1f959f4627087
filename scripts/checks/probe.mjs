// Questions only a compiler can answer, asked of apex-ls in one run: rules queue Apex statements
// ("does Contact.Account.Owner.Name exist?" becomes `Object v = ((Contact) null).Account.Owner.Name;`),
// the probe writes them into one class of a scratch workspace that also holds the project's own
// objects, runs apex-ls once and hands each rule the findings on its statement's line.
//
// With APEX_PROBE_CACHE set to a folder, the findings are kept there under a hash of the whole workspace, and
// a workspace seen before is answered without apex-ls (apex-ls is a pure function of the workspace). Mutation
// testing runs the rules thousands of times over the same few projects; nothing else sets it.
import { createHash } from 'node:crypto';
import {
    cpSync,
    existsSync,
    mkdirSync,
    mkdtempSync,
    readFileSync,
    readdirSync,
    renameSync,
    rmSync,
    writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { semanticIssues } from '../check-apex-semantics.mjs';

export class ApexProbe {
    #model;
    #questions = [];

    constructor(model) {
        this.#model = model;
    }

    /**
     * Queues one Apex statement (a single line, inside a static method body; wrap declarations in
     * `{ … }` to keep their names apart). `onIssue(message)` is called for each apex-ls finding on it;
     * `onClean()`, when given, once apex-ls has found nothing on it (the statement compiles).
     * @param {string} statement
     * @param {(message: string) => void} onIssue
     * @param {() => void} [onClean]
     */
    ask(statement, onIssue, onClean) {
        if (/[\r\n]/.test(statement)) {
            throw new Error(`a probe statement must be one line: ${statement}`);
        }
        this.#questions.push({ statement, onIssue, onClean });
    }

    /**
     * Asks whether `Object.field` (a field, or a path of relationships ending in a field) exists.
     * @param {string} objectName
     * @param {string} fieldPath for example `Email` or `Account.Owner.Name`
     * @param {(message: string) => void} onMissing
     */
    askField(objectName, fieldPath, onMissing) {
        this.ask(`{ ${objectName} probeRecord = null; Object probeValue = probeRecord.${fieldPath}; }`, onMissing);
    }

    /** The number of queued questions. */
    get size() {
        return this.#questions.length;
    }

    /** Runs apex-ls once over every queued statement and dispatches its findings. */
    run() {
        if (this.#questions.length === 0) {
            return;
        }
        const model = this.#model;
        const workspace = mkdtempSync(path.join(os.tmpdir(), 'apex-probe-'));
        try {
            const base = path.join(workspace, 'force-app', 'main', 'default');
            const classes = path.join(base, 'classes');
            mkdirSync(classes, { recursive: true });
            for (const object of model.objects.values()) {
                const firstField = object.fields.values().next().value;
                const dir = object.file
                    ? path.dirname(object.file)
                    : firstField && path.dirname(path.dirname(firstField.file));
                if (dir) {
                    cpSync(dir, path.join(base, 'objects', object.name), {
                        recursive: true,
                        filter: (source) => !/[\\/](listViews|validationRules)([\\/]|$)/.test(source)
                    });
                }
            }
            writeFileSync(
                path.join(workspace, 'sfdx-project.json'),
                JSON.stringify({
                    packageDirectories: [{ path: 'force-app', default: true }],
                    sourceApiVersion: model.apiVersion
                })
            );
            const header = ['public with sharing class ProjectProbe {', '    public static void probe() {'];
            const lines = this.#questions.map((q) => `        ${q.statement}`);
            writeFileSync(path.join(classes, 'ProjectProbe.cls'), [...header, ...lines, '    }', '}', ''].join('\n'));
            writeFileSync(
                path.join(classes, 'ProjectProbe.cls-meta.xml'),
                `<?xml version="1.0" encoding="UTF-8" ?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>${model.apiVersion}</apiVersion><status>Active</status></ApexClass>\n`
            );
            const answered = new Set();
            for (const issue of cachedIssues(workspace)) {
                const question = this.#questions[issue.line - header.length - 1];
                if (question && issue.file.endsWith('ProjectProbe.cls')) {
                    answered.add(question);
                    question.onIssue(issue.message);
                } else {
                    throw new Error(
                        `apex-ls reported on the probe workspace itself: ${issue.file}:${issue.line} ${issue.message}`
                    );
                }
            }
            for (const question of this.#questions) {
                if (question.onClean && !answered.has(question)) {
                    question.onClean();
                }
            }
        } finally {
            rmSync(workspace, { recursive: true, force: true });
        }
    }
}

/** Every file under dir, relative, sorted. */
function filesUnder(dir, prefix = '') {
    return readdirSync(path.join(dir, prefix), { withFileTypes: true })
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((entry) => {
            const relative = path.join(prefix, entry.name);
            return entry.isDirectory() ? filesUnder(dir, relative) : [relative];
        });
}

/** apex-ls's findings on the workspace, from APEX_PROBE_CACHE when that workspace was seen before. */
function cachedIssues(workspace) {
    const cacheDir = process.env.APEX_PROBE_CACHE;
    if (!cacheDir) {
        return semanticIssues(workspace);
    }
    const hash = createHash('sha256');
    for (const relative of filesUnder(workspace)) {
        hash.update(`${relative.split(path.sep).join('/')}\0`);
        hash.update(readFileSync(path.join(workspace, relative)));
        hash.update('\0');
    }
    const entry = path.join(cacheDir, `${hash.digest('hex')}.json`);
    if (existsSync(entry)) {
        return JSON.parse(readFileSync(entry, 'utf8')).map((issue) => ({
            ...issue,
            file: path.join(workspace, issue.file)
        }));
    }
    const issues = semanticIssues(workspace);
    mkdirSync(cacheDir, { recursive: true });
    const kept = issues.map((issue) => ({ ...issue, file: path.relative(workspace, issue.file) }));
    writeFileSync(`${entry}.${process.pid}`, JSON.stringify(kept));
    renameSync(`${entry}.${process.pid}`, entry);
    return issues;
}
