// Runs rules over a project, the way ESLint runs its rules: each rule is one file in rules/ that exports
// { name, group, description, check(model, report, probe) }. The project model is read once; questions
// for apex-ls are queued by the rules and answered in one run at the end.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadProject } from './model.mjs';
import { ApexProbe } from './probe.mjs';

export const RULES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rules');

/**
 * Every rule, optionally only those of one group ('metadata', 'apex', 'soql').
 * @param {string} [group]
 */
export async function loadRules(group) {
    const rules = [];
    for (const file of readdirSync(RULES_DIR)
        .filter((f) => f.endsWith('.mjs'))
        .sort()) {
        const rule = (await import(pathToFileURL(path.join(RULES_DIR, file)).href)).default;
        if (!rule?.name || !rule.group || typeof rule.check !== 'function') {
            throw new Error(`rules/${file} does not export a rule ({ name, group, description, check })`);
        }
        if (`${rule.name}.mjs` !== file) {
            throw new Error(`rules/${file} exports the rule "${rule.name}": a rule lives in a file of its own name`);
        }
        if (!group || rule.group === group) {
            rules.push(rule);
        }
    }
    return rules;
}

/**
 * Runs rules over a project.
 * @param {string} projectDir
 * @param {{ name: string, check: Function }[]} rules
 * @returns {Promise<{ problems: { rule: string, file: string, message: string }[], model: object }>}
 */
export async function runRules(projectDir, rules) {
    const model = loadProject(projectDir);
    const probe = new ApexProbe(model);
    const problems = [];
    for (const rule of rules) {
        const report = (file, message) => problems.push({ rule: rule.name, file, message });
        await rule.check(model, report, probe);
    }
    probe.run();
    return { problems, model };
}

/** The line each group prints when nothing is wrong. */
export const GROUP_SUMMARIES = {
    metadata: (model, rules) => `${model.files.length} metadata file(s) pass ${rules.length} metadata rules`,
    apex: (model, rules) => `${model.classes.size + model.triggers.size} Apex file(s) pass ${rules.length} rules`,
    soql: (model, rules) =>
        `${model.queries?.length ?? 0} SOQL/SOSL quer(ies) in ${model.classes.size + model.triggers.size} Apex file(s) pass ${rules.length} rules`
};

/**
 * The command line of a checker that runs one group of rules, or several over one project model (read once,
 * with one apex-ls run for the questions of all of them).
 * @param {string | string[]} group
 * @param {string[]} argv
 * @param {string} defaultDir
 * @param {(model: object, rules: object[], group: string) => string} success the line printed for each group
 *     when nothing is wrong
 */
export async function runGroup(group, argv, defaultDir, success) {
    const groups = [group].flat();
    const positional = argv.filter((a) => !a.startsWith('--'));
    const only = argv.find((a) => a.startsWith('--rule='))?.slice('--rule='.length);
    const projectDir = path.resolve(positional[0] ?? defaultDir);
    const rules = (await loadRules())
        .filter((r) => groups.includes(r.group))
        .filter((r) => !only || only.split(',').includes(r.name));
    if (rules.length === 0) {
        console.error(`✗ no ${groups.join(', ')} rule${only ? ` called ${only}` : 's'}`);
        return 1;
    }
    const { problems, model } = await runRules(projectDir, rules);
    for (const p of problems) {
        console.error(`✗ [${p.rule}] ${path.relative(process.cwd(), p.file)}: ${p.message}`);
    }
    if (problems.length > 0) {
        console.error(`${problems.length} ${groups.join(', ')} problem(s)`);
        return 1;
    }
    for (const name of groups) {
        const ofGroup = rules.filter((r) => r.group === name);
        if (ofGroup.length > 0) {
            console.log(`✓ ${success(model, ofGroup, name)}`);
        }
    }
    return 0;
}
