// npm run org:data — sample data in an org: the Accounts, Contacts and Leads of data/sample/, then every chat of
// data/sample/chats/ posted through the org's Site webhook address, as Comm100 would send them.
//
//   npm run org:data [-- --target-org <alias>] [--url <webhook address>]
//
//   --target-org <alias>   the org (default: env COMM100_ORG, else comm100)
//   --url <address>        the Site webhook address to post to (default: webhookUrl of build/org/<alias>/site.json,
//                          which `npm run org:site` writes)
//
// Rerunnable. A sample record already in the org is left as it is and never created twice: an Account is known
// by its Name, a Contact or Lead by its Email; only the missing ones are imported (`sf data import tree --plan`
// on a temporary copy of data/sample/plan.json), a new Contact of an Account already there is linked to it. The
// chats have fixed Comm100 ids, so posting them again updates the same Comm100 Chat records (stage 1 upserts by
// Comm100 id) and adds one sync log per event.
//
// Which record each chat finds (the shipped identification rules: Contact by email, then Lead by email):
//   01–03 Maria Lopez (maria.lopez@northwind.example) → the Contact Maria Lopez of Northwind Traders;
//   04    Jun Chen's offline message (j.chen@contoso.example) → the Lead Jun Chen;
//   05    Priya Natarajan (priya.natarajan@tailspin.example) → no record: Not Found. The shipped sync policies
//         are Do Nothing, so no record is created for her; with another policy the sync creates what it says.
// `npm run org:smoke` checks all of it.
//
// The chats are posted with comm100:post, compiled first as `npm run comm100:post` compiles it and run with this
// Node (not through npm), the Site's address given in the environment variable COMM100_POST_URL: on a command
// line its key would show in the process list and in npm's log (~/.npm/_logs).
//
// Needs: the Salesforce CLI on the PATH (npm run puts node_modules/.bin there), the org with the package
// (npm run org:deploy), and its Site (npm run org:site).
//
// Environment (besides lib.mjs's):
//   COMM100_POST_SCRIPT   a compiled comm100:post to run as it is, instead of compiling it into build/tools/
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    ROOT,
    TARGET_ORG_OPTION,
    UserFailure,
    buildPath,
    detail,
    done,
    fail,
    main,
    parseOptions,
    requireOrg,
    sfCall,
    soqlString,
    spawnCollect,
    step,
    targetOrg
} from './lib.mjs';
import { HIDDEN_KEY, keyOf, maskWebhookUrl, npmCommand, query, readSite } from './site.mjs';

/** The sample data folder: plan.json and its files, and chats/. */
export const SAMPLE_DIR = path.join(ROOT, 'data', 'sample');
/** The chats posted through the Site, in file name order. */
export const CHATS_DIR = path.join(SAMPLE_DIR, 'chats');

/** The field that tells whether a sample record is already in the org, per object. */
export const RECORD_KEYS = Object.freeze({ Account: 'Name', Contact: 'Email', Lead: 'Email' });

/**
 * The sample plan and its records: [{ sobject, file, records }], in plan order.
 * @returns {Array<{ sobject: string, file: string, records: Array<Record<string, any>> }>}
 */
export function samplePlan() {
    const plan = JSON.parse(readFileSync(path.join(SAMPLE_DIR, 'plan.json'), 'utf8'));
    return plan.flatMap((part) =>
        part.files.map((file) => ({
            sobject: part.sobject,
            file,
            records: JSON.parse(readFileSync(path.join(SAMPLE_DIR, file), 'utf8')).records
        }))
    );
}

/**
 * The emails of the sample Contacts and Leads, lower-cased.
 * @returns {{ Contact: Set<string>, Lead: Set<string> }}
 */
export function sampleEmails() {
    const emails = { Contact: new Set(), Lead: new Set() };
    for (const part of samplePlan()) {
        if (part.sobject in emails) {
            for (const record of part.records) emails[part.sobject].add(String(record.Email).toLowerCase());
        }
    }
    return emails;
}

/**
 * The chat files to post, in name order (the order Comm100 sends them in).
 * @returns {string[]} absolute paths
 */
export function chatFiles() {
    return readdirSync(CHATS_DIR)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => path.join(CHATS_DIR, name));
}

/**
 * The sample records that are not in the org: per plan part, the records whose key (RECORD_KEYS) no record of
 * the org has (case-insensitive), with every reference to a sample record already in the org ("@AccountRef1")
 * replaced by that record's Id. Parts with nothing missing are left out.
 * @param {ReturnType<typeof samplePlan>} plan
 * @param {Record<string, Map<string, string>>} existing per object: lower-cased key value → Id of the org's record
 * @returns {{ missing: ReturnType<typeof samplePlan>, present: number }}
 */
export function missingRecords(plan, existing) {
    /** @type {Map<string, string>} referenceId → the Id of the record already in the org */
    const existingIds = new Map();
    let present = 0;
    const parts = [];
    for (const part of plan) {
        const key = RECORD_KEYS[part.sobject];
        const keep = [];
        for (const record of part.records) {
            const id = existing[part.sobject]?.get(String(record[key]).toLowerCase());
            if (id) {
                existingIds.set(record.attributes.referenceId, id);
                present++;
            } else {
                keep.push(record);
            }
        }
        parts.push({ ...part, records: keep });
    }
    const missing = parts
        .filter((part) => part.records.length > 0)
        .map((part) => ({
            ...part,
            records: part.records.map((record) =>
                Object.fromEntries(
                    Object.entries(record).map(([field, value]) => {
                        const ref = typeof value === 'string' && value.startsWith('@') ? value.slice(1) : undefined;
                        return [field, ref && existingIds.has(ref) ? existingIds.get(ref) : value];
                    })
                )
            )
        }));
    return { missing, present };
}

/**
 * Imports the sample records that are not in the org yet (missingRecords); prints what it found and did.
 * @param {string} alias
 * @returns {Promise<{ imported: number, present: number }>}
 */
export async function ensureSampleRecords(alias) {
    const plan = samplePlan();
    /** @type {Record<string, Map<string, string>>} */
    const existing = {};
    for (const part of plan) {
        const key = RECORD_KEYS[part.sobject];
        if (!key) throw new UserFailure(`data/sample/plan.json names ${part.sobject}, which org:data cannot check.`);
        const values = part.records.map((record) => record[key]);
        const found = await query(
            alias,
            `SELECT Id, ${key} FROM ${part.sobject} WHERE ${key} IN (${values.map(soqlString).join(', ')}) ORDER BY CreatedDate`
        );
        existing[part.sobject] ??= new Map();
        for (const record of found) {
            const value = String(record[key]).toLowerCase();
            if (!existing[part.sobject].has(value)) existing[part.sobject].set(value, record.Id);
        }
    }
    const { missing, present } = missingRecords(plan, existing);
    if (missing.length === 0) {
        done(`All ${present} sample records are already in '${alias}': nothing to import.`);
        return { imported: 0, present };
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'comm100-sample-'));
    try {
        const planParts = [];
        for (const part of missing) {
            writeFileSync(path.join(dir, part.file), `${JSON.stringify({ records: part.records }, null, 2)}\n`);
            planParts.push({ sobject: part.sobject, files: [part.file] });
        }
        const planFile = path.join(dir, 'plan.json');
        writeFileSync(planFile, `${JSON.stringify(planParts, null, 2)}\n`);
        const count = missing.reduce((sum, part) => sum + part.records.length, 0);
        detail(
            `${present} already there; importing ${count}: ${missing.map((part) => `${part.records.length} ${part.sobject}`).join(', ')}`
        );
        const call = await sfCall(['data', 'import', 'tree', '--plan', planFile, '--target-org', alias]);
        if (!call.ok) {
            const rows = Array.isArray(call.json?.data) ? call.json.data : [];
            const reasons = rows.map((row) => `${row.referenceId}: ${row.Message ?? row.message}`).join('; ');
            fail(
                `The sample records could not be imported into '${alias}' (${reasons || call.error.sfMessage}): a validation or duplicate rule of the org may refuse them.`
            );
        }
        const imported = Array.isArray(call.result) ? call.result.length : count;
        done(`Imported ${imported} sample records into '${alias}' (${present} were already there).`);
        return { imported, present };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** comm100:post compiled, as `npm run comm100:post` compiles it (tsc -p tsconfig.tools.json), in the build folder. */
export function postScriptPath() {
    return process.env.COMM100_POST_SCRIPT
        ? path.resolve(process.env.COMM100_POST_SCRIPT)
        : buildPath('tools', 'comm100-post.mjs');
}

/**
 * Compiles comm100:post as `npm run comm100:post` does (`tsc -p tsconfig.tools.json`, into the build folder's
 * tools/), with this Node, and returns the compiled file. Env COMM100_POST_SCRIPT names a compiled file to run as it
 * is instead (the tests give theirs). A compile error is a UserFailure quoting tsc.
 * @returns {Promise<string>}
 */
export async function compilePostScript() {
    if (process.env.COMM100_POST_SCRIPT) return postScriptPath();
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const { exitCode, stdout, stderr } = await spawnCollect(
        process.execPath,
        [tsc, '-p', 'tsconfig.tools.json', '--outDir', buildPath('tools')],
        { cwd: ROOT }
    );
    if (exitCode !== 0) {
        const first = `${stdout}\n${stderr}`
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
            .slice(0, 3)
            .join(' ');
        throw new UserFailure(
            `comm100:post did not compile (\`tsc -p tsconfig.tools.json\` exited ${exitCode}: ${first || 'no output'}): fix scripts/tools/comm100-post.mts, then run it again.`
        );
    }
    return postScriptPath();
}

/**
 * Posts files with comm100:post (compilePostScript(), run with this Node, not through npm), its output passed
 * through with any site key masked: through the Site, or to the package's Apex REST endpoint as the org's running
 * user with OAuth (`--target-org <alias> [--namespace <ns>] <files>`: comm100:post reads the instance URL from
 * `sf org display` and the access token from `sf org auth show-access-token`). The Site's address goes to
 * comm100:post in the environment variable COMM100_POST_URL, never on a command line: the process list shows
 * every argument, and `npm run` writes its whole command line to its log, so the address's key would leak there.
 * Resolves the exit code and the counts of the command's last line.
 * @param {string | { url: string } | { targetOrg: string, namespace?: string }} target the Site webhook address,
 *   or the org to post to as its running user
 * @param {string[]} files absolute paths
 * @returns {Promise<{ code: number, accepted?: number, refused?: number }>}
 */
export async function postChats(target, files) {
    const via = typeof target === 'string' ? { url: target } : target;
    const key = 'url' in via ? (keyOf(via.url) ?? '') : '';
    const hide = (text) => maskWebhookUrl(key ? text.split(key).join(HIDDEN_KEY) : text);
    const destination =
        'url' in via ? [] : ['--target-org', via.targetOrg, ...(via.namespace ? ['--namespace', via.namespace] : [])];
    const env = { ...process.env };
    delete env.COMM100_POST_URL;
    if ('url' in via) env.COMM100_POST_URL = via.url;
    const script = await compilePostScript();
    const args = [script, ...destination, ...files.map((file) => path.relative(ROOT, file))];
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
        let seen = '';
        const pass = (stream, target) => {
            let pending = '';
            stream.setEncoding('utf8');
            stream.on('data', (chunk) => {
                pending += chunk;
                const lines = pending.split('\n');
                pending = lines.pop() ?? '';
                for (const line of lines) {
                    const shown = hide(line);
                    seen += `${shown}\n`;
                    target.write(`  ${shown}\n`);
                }
            });
            stream.on('end', () => {
                if (pending) {
                    const shown = hide(pending);
                    seen += `${shown}\n`;
                    target.write(`  ${shown}\n`);
                }
            });
        };
        pass(child.stdout, process.stdout);
        pass(child.stderr, process.stderr);
        child.on('error', reject);
        child.on('close', (code) => {
            const counts = [...seen.matchAll(/(\d+) accepted, (\d+) refused/g)].at(-1);
            resolve({
                code: code ?? 1,
                ...(counts ? { accepted: Number(counts[1]), refused: Number(counts[2]) } : {})
            });
        });
    });
}

/**
 * The one sentence for a post that failed.
 * @param {{ code: number, accepted?: number, refused?: number }} posted
 * @param {number} total
 * @param {string} alias
 * @param {'site' | 'rest'} [via] through the Site (default) or to the Apex REST endpoint with OAuth
 * @returns {string}
 */
export function refusedSentence(posted, total, alias, via = 'site') {
    const what =
        posted.refused === undefined
            ? `comm100:post exited ${posted.code}`
            : `${posted.refused} of ${total} chat files were refused`;
    if (via === 'rest') {
        const permsets = npmCommand('org:permsets', alias);
        const assign = `${permsets}${permsets.includes(' -- ') ? '' : ' --'} --integration`;
        return `The Apex REST endpoint did not take every sample chat (${what}; the lines above name each file and the endpoint's answer): the running user needs Comm100 Integration, which \`${assign}\` assigns.`;
    }
    return `The Site did not take every sample chat (${what}; the lines above name each file and the Site's answer): check the Site with \`${npmCommand('org:site', alias)}\`.`;
}

async function run() {
    const options = parseOptions({
        usage: 'npm run org:data --',
        options: {
            'target-org': TARGET_ORG_OPTION,
            url: { type: 'string', description: 'the Site webhook address (default: build/org/<alias>/site.json)' }
        }
    });
    const alias = targetOrg(options);
    const site = readSite(alias, options.url);
    const files = chatFiles();

    step(`Checking the org '${alias}'`);
    await requireOrg(alias);

    step(`Loading the sample Accounts, Contacts and Leads of data/sample into '${alias}' (only those not there yet)`);
    await ensureSampleRecords(alias);

    step(
        `Posting the ${files.length} sample chats of data/sample/chats through the Site: ${maskWebhookUrl(site.webhookUrl)}`
    );
    const posted = await postChats(site.webhookUrl, files);
    if (posted.code !== 0) fail(refusedSentence(posted, files.length, alias));
    done(
        `The Site took all ${files.length} sample chats; the org stores them in the background. Check them with \`${npmCommand('org:smoke', alias)}\`.`
    );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
    await main(run);
}
