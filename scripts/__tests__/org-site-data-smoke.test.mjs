// Tests of npm run org:site, org:data and org:smoke, run as child processes against a fake `sf` (argument lists
// recorded and checked against the pinned CLI), the real comm100:post (transpiled once from
// scripts/tools/comm100-post.mts, run through a wrapper named by COMM100_POST_SCRIPT that records its command line
// and whether COMM100_POST_URL was set; one test compiles it as the scripts do), a fake `npm` that fails if anything
// runs it, and a local HTTP server standing in for the Salesforce Site: it answers the package's 401 to a wrong key
// and 202 to the right one, or refuses everything, or is not the endpoint at all.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { REDACTED_ACCESS_TOKEN, createFakeSf, failure, ok, sequence } from './lib/fake-sf.mjs';
import { ROOT } from './lib/harness.mjs';
import { assertValidSfCalls, loadSfCommands } from './lib/sf-flags.mjs';
import {
    GUEST_PERMISSION_SET,
    SITE_NAME,
    keyApex,
    keyOf,
    maskWebhookUrl,
    siteMetadata,
    webhookPath
} from '../org/site.mjs';
import { RECORD_KEYS, chatFiles, missingRecords, sampleEmails, samplePlan } from '../org/data.mjs';
import { apiNames, expectedChats } from '../org/smoke.mjs';

const KEY = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE';
/** The access token `sf org auth show-access-token` gives the running user: comm100:post sends it to the Apex REST endpoint. */
const TOKEN = '00D000000000001!oauth-token';
const ALIAS = 'scratch1';
const ADMIN = 'admin@comm100.test';
const GUEST = 'comm100_webhooks@comm100.test';
const SITE_ID = '0DM000000000001AAA';
const GUEST_ID = '005000000000009AAA';
const CHAT_A = '3f6d1c1e-8b2a-4d1f-9c57-2b8e6a9d0c41';
const CHAT_B = '58f738e3-6e51-4d1b-b2c4-0a9d8e7f6a51';
const CHAT_C = '7c2e9b14-5d3a-4f6e-9a81-0b4c6d2e8f13';
const CHAT_FILE_NAMES = chatFiles().map((file) => path.relative(ROOT, file));

let postModule;

before(() => {
    loadSfCommands();
    // The real comm100:post, its TypeScript types stripped, for the wrapper to run.
    const ts = createRequire(import.meta.url)('typescript');
    const source = readFileSync(path.join(ROOT, 'scripts', 'tools', 'comm100-post.mts'), 'utf8');
    postModule = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
    }).outputText;
});

/** The compiled comm100:post the scripts run (COMM100_POST_SCRIPT): records how it was started, then runs it. */
const FAKE_POST = `import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const dir = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
appendFileSync(
    path.join(dir, 'post-calls.jsonl'),
    JSON.stringify({ argv, url: process.env.COMM100_POST_URL ?? null, cwd: process.cwd() }) + '\\n'
);
const post = await import('./comm100-post.mjs');
process.exit(await post.program(argv));
`;

/** An npm that nothing may run: the scripts run comm100:post with Node, never `npm run comm100:post`. */
const FAKE_NPM = String.raw`
'use strict';
const fs = require('fs');
const path = require('path');
fs.appendFileSync(path.join(__dirname, 'npm-calls.jsonl'), JSON.stringify({ argv: process.argv.slice(2) }) + '\n');
console.error('fake npm: npm must not be run');
process.exit(1);
`;

/** A fake sf (with the fake npm and the comm100:post wrapper beside it) and a stand-in Site; both cleaned up after the test. */
async function setup(t, options = {}) {
    const fake = createFakeSf(options);
    writeFileSync(path.join(fake.dir, 'npm'), `#!${process.execPath}\n${FAKE_NPM}`);
    chmodSync(path.join(fake.dir, 'npm'), 0o755);
    writeFileSync(path.join(fake.dir, 'comm100-post.mjs'), postModule);
    const postScript = path.join(fake.dir, 'post.mjs');
    writeFileSync(postScript, FAKE_POST);
    if (options.compile !== true) {
        const env = fake.env.bind(fake);
        fake.env = (extra = {}) => env({ COMM100_POST_SCRIPT: postScript, ...extra });
    }
    const site = await startSite();
    t.after(async () => {
        await site.close();
        fake.cleanup();
    });
    const lines = (file) =>
        existsSync(path.join(fake.dir, file))
            ? readFileSync(path.join(fake.dir, file), 'utf8')
                  .split('\n')
                  .filter(Boolean)
                  .map((line) => JSON.parse(line))
            : [];
    fake.npmCalls = () => lines('npm-calls.jsonl').map((call) => call.argv);
    /** How comm100:post was started: its arguments and its COMM100_POST_URL (null when unset). */
    fake.postCalls = () => lines('post-calls.jsonl').map(({ argv, url }) => ({ argv, url }));
    return { fake, site };
}

/**
 * The stand-in org: its Site (mode 'endpoint': the package; 'refuse': 401 to everything; 'not-endpoint': HTML 404)
 * and its Apex REST webhook endpoint, /services/apexrest[/<ns>]/comm100/v1/webhooks, which takes the bearer TOKEN
 * of a user with Comm100 Integration (mode 'refuse': the user has no Comm100 Integration, 401).
 */
function startSite() {
    const state = { mode: 'endpoint', requests: [] };
    const server = createServer((request, response) => {
        const chunks = [];
        request.on('data', (chunk) => chunks.push(chunk));
        request.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            state.requests.push({
                method: request.method,
                url: request.url,
                authorization: request.headers.authorization,
                body
            });
            const send = (status, data, type = 'application/json') => {
                response.writeHead(status, { 'content-type': type });
                response.end(typeof data === 'string' ? data : JSON.stringify(data));
            };
            if (state.mode === 'not-endpoint') {
                send(404, '<html><body><h1>Page Not Found</h1></body></html>', 'text/html');
                return;
            }
            const rest = /^\/services\/apexrest\/(?:[A-Za-z]\w*\/)?comm100\/v1\/webhooks$/.test(request.url);
            if (rest && (request.headers.authorization !== `Bearer ${TOKEN}` || state.mode === 'refuse')) {
                const message =
                    'The user has no Comm100 Integration permission set (custom permission Comm100_Ingest).';
                send(401, { error: { code: 'UNAUTHORIZED', message, details: null } });
                return;
            }
            const key = request.url.match(/\/comm100\/v1\/hooks\/([^/?]+)$/)?.[1];
            if (!rest && (key !== KEY || state.mode === 'refuse')) {
                send(401, { error: { code: 'UNAUTHORIZED', message: 'The site key is not valid.', details: null } });
                return;
            }
            const payload = JSON.parse(body);
            const comm100Id =
                payload.chat?.id ?? payload.offline_message?.id ?? payload.chat_id ?? payload.visitor?.chat_id;
            send(202, { accepted: [{ comm100Id, eventType: payload.event, eventUuids: ['e-1'] }], failed: [] });
        });
    });
    return new Promise((resolve) =>
        server.listen(0, '127.0.0.1', () => {
            state.base = `http://127.0.0.1:${server.address().port}`;
            state.close = () => new Promise((done) => server.close(() => done()));
            resolve(state);
        })
    );
}

function records(list) {
    return ok({ records: list, totalSize: list.length, done: true });
}

function answerOrg(fake, namespacePrefix = null, instanceUrl = 'https://x.test') {
    fake.answer(
        'org display',
        ok({ username: ADMIN, id: '00D000000000001EAA', instanceUrl, accessToken: REDACTED_ACCESS_TOKEN })
    );
    fake.answer('org auth show-access-token', ok({ accessToken: TOKEN }));
    fake.answer('data query', records([{ NamespacePrefix: namespacePrefix }]), { contains: 'FROM Organization' });
}

const siteRecord = { Id: SITE_ID, Name: SITE_NAME, Status: 'Active', UrlPathPrefix: 'comm100', GuestUserId: GUEST_ID };

function answerSite(fake, base, { exists = false, assigned = false, namespace = '' } = {}) {
    answerOrg(fake);
    fake.answer('data query', exists ? records([siteRecord]) : sequence(records([]), records([siteRecord])), {
        contains: 'FROM Site WHERE'
    });
    fake.answer('project deploy start', ok({ status: 'Succeeded', success: true }));
    fake.answer('data query', records([{ SecureUrl: `${base}/comm100` }]), { contains: 'FROM SiteDetail' });
    fake.answer('data query', records([{ Id: GUEST_ID, Username: GUEST }]), { contains: 'FROM User WHERE' });
    fake.answer('data query', records(assigned ? [{ Id: '0Pa000000000001AAA' }] : []), {
        contains: 'FROM PermissionSetAssignment'
    });
    const name = namespace ? `${namespace}__${GUEST_PERMISSION_SET}` : GUEST_PERMISSION_SET;
    fake.answer('org assign permset', ok({ successes: [{ name: GUEST, value: name }], failures: [] }));
    fake.answer(
        'apex run',
        ok({
            success: true,
            compiled: true,
            compileProblem: '',
            exceptionMessage: '',
            exceptionStackTrace: '',
            line: -1,
            column: -1,
            logs: `65.0 APEX_CODE,DEBUG\n12:00:00.1 (1)|USER_DEBUG|[2]|ERROR|COMM100_SITE_KEY=${KEY}\n12:00:00.2 (2)|CODE_UNIT_FINISHED`
        })
    );
}

/** The argument lists with the temporary paths (--metadata-dir, --file, --plan) replaced by <tmp>. */
function argvsOf(fake) {
    return fake
        .argvs()
        .map((argv) =>
            argv.map((arg, i) => (['--metadata-dir', '--file', '--plan'].includes(argv[i - 1]) ? '<tmp>' : arg))
        );
}

function steps(out) {
    return out
        .split('\n')
        .filter((line) => line.startsWith('▶'))
        .map((line) => line.slice(2).split(/[:(]/)[0].trim());
}

function writeSiteJson(fake, base, alias = ALIAS) {
    const file = path.join(fake.buildDir, 'org', alias, 'site.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ baseUrl: `${base}/comm100`, webhookUrl: webhookUrl(base) }));
}

function webhookUrl(base, namespace = '') {
    return `${base}/comm100${webhookPath(namespace)}${KEY}`;
}

async function runWithInput(fake, script, args, input) {
    await fake.ready?.();
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'org', `${script}.mjs`), ...args], {
            cwd: ROOT,
            env: fake.env(),
            stdio: ['pipe', 'pipe', 'pipe']
        });
        const out = [];
        const err = [];
        child.stdout.on('data', (chunk) => out.push(chunk));
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('close', (code) => {
            const stdout = Buffer.concat(out).toString('utf8');
            const stderr = Buffer.concat(err).toString('utf8');
            resolve({ code, stdout, stderr, out: `${stdout}\n${stderr}` });
        });
        child.stdin.end(input);
    });
}

const q = (soql) => ['data', 'query', '--query', soql, '--target-org', ALIAS, '--json'];
const SITE_QUERY = q(`SELECT Id, Name, Status, UrlPathPrefix, GuestUserId FROM Site WHERE Name = '${SITE_NAME}'`);

describe('org:site', { concurrency: 4 }, () => {
    test('deploys the Site, gives its guest user the permission set, makes a key and writes site.json', async (t) => {
        const { fake, site } = await setup(t, { captureDirs: true });
        answerSite(fake, site.base);
        const run = await fake.runScript('site', ['--target-org', ALIAS]);
        assert.equal(run.code, 0, run.out);

        assert.deepEqual(argvsOf(fake), [
            ['org', 'display', '--target-org', ALIAS, '--json'],
            q('SELECT NamespacePrefix FROM Organization'),
            SITE_QUERY,
            ['project', 'deploy', 'start', '--metadata-dir', '<tmp>', '--target-org', ALIAS, '--wait', '10', '--json'],
            SITE_QUERY,
            q(`SELECT SecureUrl FROM SiteDetail WHERE DurableId IN ('${SITE_ID}', '${SITE_ID.slice(0, 15)}')`),
            q(`SELECT Id, Username FROM User WHERE Id = '${GUEST_ID}'`),
            q(
                `SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '${GUEST_ID}' AND PermissionSet.Name = 'Comm100_Site_Guest' AND PermissionSet.NamespacePrefix = null`
            ),
            [
                'org',
                'assign',
                'permset',
                '--name',
                'Comm100_Site_Guest',
                '--on-behalf-of',
                GUEST,
                '--target-org',
                ALIAS,
                '--json'
            ],
            ['apex', 'run', '--file', '<tmp>', '--target-org', ALIAS, '--json']
        ]);
        assertValidSfCalls(fake.argvs());

        const deployed = fake.callsTo('project deploy start')[0].dirs;
        const files = Object.values(deployed)[0];
        assert.deepEqual(Object.keys(files).sort(), [
            'package.xml',
            'pages/Comm100_Webhooks_Home.page',
            'pages/Comm100_Webhooks_Home.page-meta.xml',
            'sites/Comm100_Webhooks.site'
        ]);
        assert.match(files['sites/Comm100_Webhooks.site'], /<siteAdmin>admin@comm100\.test<\/siteAdmin>/);
        assert.match(files['sites/Comm100_Webhooks.site'], /<urlPathPrefix>comm100<\/urlPathPrefix>/);
        assert.match(files['package.xml'], /<version>65\.0<\/version>/);

        assert.deepEqual(steps(run.stdout), [
            "Checking the org 'scratch1'",
            "Looking for the Site 'Comm100 Webhooks'",
            "Deploying the Site 'Comm100 Webhooks'",
            "Reading the Site's address",
            "Giving the Site's guest user the permission set Comm100 Site Guest",
            'Checking that the Site answers as the Comm100 endpoint at http',
            'Making a new site key'
        ]);

        const file = path.join(fake.buildDir, 'org', ALIAS, 'site.json');
        assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), {
            baseUrl: `${site.base}/comm100`,
            webhookUrl: webhookUrl(site.base)
        });
        assert.equal(statSync(file).mode & 0o777, 0o600);
        assert.ok(!run.out.includes(KEY), 'the key is never printed');
        assert.ok(
            run.stdout.includes(`${site.base}/comm100/services/apexrest/comm100/v1/hooks/<key hidden>`),
            run.stdout
        );
        assert.deepEqual(
            site.requests.map((request) => `${request.method} ${request.url} ${request.body}`),
            ['POST /comm100/services/apexrest/comm100/v1/hooks/org-site-check {}']
        );
    });

    test('a rerun keeps the Site and the assignment and only makes a new key', async (t) => {
        const { fake, site } = await setup(t);
        answerSite(fake, site.base, { exists: true, assigned: true });
        const run = await fake.runScript('site', ['--target-org', ALIAS]);
        assert.equal(run.code, 0, run.out);
        const commands = fake.argvs().map((argv) => argv.slice(0, 3).join(' '));
        assert.ok(!commands.includes('project deploy start'), commands.join('\n'));
        assert.ok(!commands.some((command) => command.startsWith('org assign')), commands.join('\n'));
        assert.equal(fake.callsTo('apex run').length, 1);
        assert.match(run.stdout, /The Site 'Comm100 Webhooks' is there and active/);
        assert.match(run.stdout, /already has Comm100_Site_Guest/);
        assertValidSfCalls(fake.argvs());
    });

    test('the anonymous Apex calls the setup class, with the namespace when there is one', () => {
        assert.equal(
            keyApex(),
            "String key = SiteWebhookKeySetup.rotateSiteKey();\nSystem.debug(LoggingLevel.ERROR, 'COMM100_SITE_KEY=' + key);\n"
        );
        assert.match(keyApex('c100'), /^String key = c100\.SiteWebhookKeySetup\.rotateSiteKey\(\);/);
    });

    test('addresses are masked and keys read from them', () => {
        const url = `https://x.my.salesforce-sites.com/comm100${webhookPath('c100')}${KEY}`;
        assert.equal(
            maskWebhookUrl(`posting to ${url} now`),
            'posting to https://x.my.salesforce-sites.com/comm100/services/apexrest/c100/comm100/v1/hooks/<key hidden> now'
        );
        assert.equal(keyOf(url), KEY);
        assert.equal(keyOf('https://x.test/services/apexrest/comm100/v1/webhooks'), undefined);
        const metadata = siteMetadata('a&b@x.test', '65.0');
        assert.match(metadata[`sites/${SITE_NAME}.site`], /<siteGuestRecordDefaultOwner>a&amp;b@x\.test</);
        assert.match(metadata[`sites/${SITE_NAME}.site`], /<active>true<\/active>/);
    });

    test('no org: one sentence naming npm run org:create', async (t) => {
        const { fake } = await setup(t);
        fake.answer('org display', failure('NamedOrgNotFoundError', 'No authorization information found for nope.'));
        const run = await fake.runScript('site', ['--target-org', 'nope']);
        assert.equal(run.code, 1);
        assert.match(run.stderr, /No org 'nope' is known to the Salesforce CLI: create it with `npm run org:create`/);
    });

    test('an org without Salesforce Sites: names the scratch feature', async (t) => {
        const { fake, site } = await setup(t);
        answerSite(fake, site.base);
        fake.answer('data query', failure('INVALID_TYPE', "sObject type 'Site' is not supported."), {
            contains: ['FROM Site WHERE', SITE_NAME]
        });
        const run = await fake.runScript('site', ['--target-org', ALIAS]);
        assert.equal(run.code, 1);
        assert.match(run.stderr, /Salesforce Sites is not enabled in org 'scratch1'.*"Sites" feature/);
    });

    test('a Site that is not the endpoint fails, writes no site.json and makes no key', async (t) => {
        const { fake, site } = await setup(t);
        answerSite(fake, site.base, { exists: true, assigned: true });
        site.mode = 'not-endpoint';
        const run = await fake.runScript('site', ['--target-org', ALIAS, '--probe-timeout', '0']);
        assert.equal(run.code, 1, run.out);
        assert.match(
            run.stderr,
            /does not answer as the Comm100 webhook endpoint \(last answer: HTTP 404: Page Not Found\): check in Setup → Sites/
        );
        assert.equal(fake.callsTo('apex run').length, 0);
        assert.equal(existsSync(path.join(fake.buildDir, 'org', ALIAS, 'site.json')), false);
    });

    test('the key cannot be made: the Apex error, and no site.json', async (t) => {
        const { fake, site } = await setup(t);
        answerSite(fake, site.base, { exists: true, assigned: true });
        fake.answer(
            'apex run',
            failure(
                'executeRuntimeFailure',
                'Only users with the Customize Application permission can rotate the Comm100 site webhook key.',
                1,
                { compiled: true, success: false }
            ),
            { when: { '--target-org': ALIAS } }
        );
        const run = await fake.runScript('site', ['--target-org', ALIAS]);
        assert.equal(run.code, 1);
        assert.match(run.stderr, /SiteWebhookKeySetup\.rotateSiteKey\(\) failed in 'scratch1' \(Only users with/);
        assert.equal(existsSync(path.join(fake.buildDir, 'org', ALIAS, 'site.json')), false);
    });

    test('a managed install needs --key-stdin, and then uses the namespace everywhere', async (t) => {
        const { fake, site } = await setup(t);
        answerSite(fake, site.base, { namespace: 'c100' });
        const refused = await fake.runScript('site', ['--target-org', ALIAS, '--namespace', 'c100']);
        assert.equal(refused.code, 1);
        assert.match(
            refused.stderr,
            /In a managed install \('c100'\), SiteWebhookKeySetup\.rotateSiteKey is not global/
        );
        assert.equal(fake.callsTo('data query').length, 1, 'nothing after the namespace check');

        fake.clearCalls();
        const run = await runWithInput(
            fake,
            'site',
            ['--target-org', ALIAS, '--namespace', 'c100', '--key-stdin'],
            `https://x.test/comm100/services/apexrest/c100/comm100/v1/hooks/${KEY}\n`
        );
        assert.equal(run.code, 0, run.out);
        assert.equal(fake.callsTo('apex run').length, 0);
        const assign = fake.callsTo('org assign permset')[0].argv;
        assert.equal(assign[assign.indexOf('--name') + 1], 'c100__Comm100_Site_Guest');
        assert.ok(
            fake.argvs().some((argv) => argv.some((arg) => arg.endsWith("PermissionSet.NamespacePrefix = 'c100'"))),
            'the assignment is looked up in the namespace'
        );
        assert.equal(site.requests[0].url, '/comm100/services/apexrest/c100/comm100/v1/hooks/org-site-check');
        const written = JSON.parse(readFileSync(path.join(fake.buildDir, 'org', ALIAS, 'site.json'), 'utf8'));
        assert.equal(written.webhookUrl, webhookUrl(site.base, 'c100'));
        assert.ok(!run.out.includes(KEY));
        assertValidSfCalls(fake.argvs());
    });
});

const SAMPLE_RECORDS = {
    Account: [
        { Id: '001000000000001AAA', Name: 'Northwind Traders' },
        { Id: '001000000000002AAA', Name: 'Fabrikam Furniture' }
    ],
    Contact: [
        { Id: '003000000000001AAA', Email: 'maria.lopez@northwind.example' },
        { Id: '003000000000002AAA', Email: 'tom.becker@northwind.example' },
        { Id: '003000000000003AAA', Email: 'aiko.tanaka@fabrikam.example' }
    ],
    Lead: [
        { Id: '00Q000000000001AAA', Email: 'j.chen@contoso.example' },
        { Id: '00Q000000000002AAA', Email: 'lena.fischer@adatum.example' }
    ]
};

function answerSampleRecords(fake, present) {
    for (const [sobject, key] of Object.entries(RECORD_KEYS)) {
        fake.answer('data query', records(present ? SAMPLE_RECORDS[sobject] : []), {
            contains: `SELECT Id, ${key} FROM ${sobject} WHERE`
        });
    }
}

describe('org:data', { concurrency: 4 }, () => {
    test('the sample data is consistent: tree format, references, and the chats its visitors write', () => {
        const plan = samplePlan();
        assert.deepEqual(
            plan.map((part) => part.sobject),
            ['Account', 'Contact', 'Lead']
        );
        const refs = new Set();
        for (const part of plan) {
            for (const record of part.records) {
                assert.equal(record.attributes.type, part.sobject);
                assert.match(record.attributes.referenceId, /^\w+Ref\d+$/);
                for (const value of Object.values(record)) {
                    if (typeof value === 'string' && value.startsWith('@')) assert.ok(refs.has(value.slice(1)), value);
                }
                assert.ok(record[RECORD_KEYS[part.sobject]], 'every record has the field that finds it again');
            }
            for (const record of part.records) refs.add(record.attributes.referenceId);
        }
        const emails = sampleEmails();
        const chats = expectedChats(chatFiles());
        assert.deepEqual(
            chats.map((chat) => [chat.comm100Id, chat.events.join(' '), chat.email, chat.transcript]),
            [
                [CHAT_A, 'chat_started chat_ended chat_wrapped_up', 'maria.lopez@northwind.example', true],
                [CHAT_B, 'offline_message_submitted', 'j.chen@contoso.example', true],
                [CHAT_C, 'chat_ended', 'priya.natarajan@tailspin.example', true]
            ]
        );
        assert.ok(emails.Contact.has(chats[0].email) && !emails.Lead.has(chats[0].email));
        assert.ok(emails.Lead.has(chats[1].email) && !emails.Contact.has(chats[1].email));
        assert.ok(!emails.Contact.has(chats[2].email) && !emails.Lead.has(chats[2].email));
    });

    test('only the missing records are imported, linked to the records already there', () => {
        const { missing, present } = missingRecords(samplePlan(), {
            Account: new Map([['northwind traders', '001000000000001AAA']]),
            Contact: new Map([['maria.lopez@northwind.example', '003000000000001AAA']]),
            Lead: new Map()
        });
        assert.equal(present, 2);
        assert.deepEqual(
            missing.map((part) => [part.sobject, part.records.map((record) => record[RECORD_KEYS[part.sobject]])]),
            [
                ['Account', ['Fabrikam Furniture']],
                ['Contact', ['tom.becker@northwind.example', 'aiko.tanaka@fabrikam.example']],
                ['Lead', ['j.chen@contoso.example', 'lena.fischer@adatum.example']]
            ]
        );
        assert.deepEqual(
            missing[1].records.map((record) => record.AccountId),
            ['001000000000001AAA', '@AccountRef2']
        );
    });

    test('imports the records, then posts every chat through the Site with comm100:post, key masked', async (t) => {
        const { fake, site } = await setup(t);
        answerOrg(fake);
        answerSampleRecords(fake, false);
        fake.answer('data import tree', ok([{ refId: 'AccountRef1', type: 'Account', id: '001000000000001AAA' }]));
        writeSiteJson(fake, site.base);
        const run = await fake.runScript('data', ['--target-org', ALIAS]);
        assert.equal(run.code, 0, run.out);

        assert.deepEqual(argvsOf(fake), [
            ['org', 'display', '--target-org', ALIAS, '--json'],
            q(
                "SELECT Id, Name FROM Account WHERE Name IN ('Northwind Traders', 'Fabrikam Furniture') ORDER BY CreatedDate"
            ),
            q(
                "SELECT Id, Email FROM Contact WHERE Email IN ('maria.lopez@northwind.example', 'tom.becker@northwind.example', 'aiko.tanaka@fabrikam.example') ORDER BY CreatedDate"
            ),
            q(
                "SELECT Id, Email FROM Lead WHERE Email IN ('j.chen@contoso.example', 'lena.fischer@adatum.example') ORDER BY CreatedDate"
            ),
            ['data', 'import', 'tree', '--plan', '<tmp>', '--target-org', ALIAS, '--json']
        ]);
        assertValidSfCalls(fake.argvs());
        // The address goes in the environment: on a command line the process list and npm's log would show its key.
        assert.deepEqual(fake.postCalls(), [{ argv: CHAT_FILE_NAMES, url: webhookUrl(site.base) }]);
        assert.deepEqual(fake.npmCalls(), [], 'not through npm');
        assert.deepEqual(
            site.requests.map((request) => JSON.parse(request.body).event),
            ['chat_started', 'chat_ended', 'chat_wrapped_up', 'offline_message_submitted', 'chat_ended']
        );
        assert.ok(!run.out.includes(KEY), `the key is never printed:\n${run.out}`);
        assert.match(run.stdout, /<key hidden>/);
        assert.match(run.stdout, /5 accepted, 0 refused/);
        assert.deepEqual(steps(run.stdout), [
            "Checking the org 'scratch1'",
            "Loading the sample Accounts, Contacts and Leads of data/sample into 'scratch1'",
            'Posting the 5 sample chats of data/sample/chats through the Site'
        ]);
    });

    test('no site.json: names npm run org:site and calls nothing', async (t) => {
        const { fake } = await setup(t);
        const run = await fake.runScript('data', ['--target-org', ALIAS]);
        assert.equal(run.code, 1);
        assert.match(
            run.stderr,
            /No webhook address for org 'scratch1': .*site\.json does not exist\. Create the Site with `npm run org:site -- --target-org scratch1`/
        );
        assert.deepEqual(fake.argvs(), []);
        assert.deepEqual(fake.npmCalls(), []);
        assert.deepEqual(fake.postCalls(), []);
    });

    // kills: comm100:post run through npm (which logs its whole command line, the key with it), or not compiled
    test('compiles comm100:post as npm run comm100:post does, into the build folder, and runs it with Node', async (t) => {
        const { fake, site } = await setup(t, { compile: true });
        answerOrg(fake);
        answerSampleRecords(fake, true);
        writeSiteJson(fake, site.base);
        const run = await fake.runScript('data', ['--target-org', ALIAS], { timeoutMs: 60_000 });
        assert.equal(run.code, 0, run.out);
        assert.ok(existsSync(path.join(fake.buildDir, 'tools', 'comm100-post.mjs')), 'compiled into the build folder');
        assert.deepEqual(fake.npmCalls(), []);
        assert.equal(site.requests.length, 5);
        assert.ok(site.requests.every((request) => request.url.endsWith(`/hooks/${KEY}`)));
        assert.ok(!run.out.includes(KEY));
        assert.match(run.stdout, /5 accepted, 0 refused/);
    });

    test('a rerun imports nothing; the Site refusing the chats fails naming how many', async (t) => {
        const { fake, site } = await setup(t);
        answerOrg(fake);
        answerSampleRecords(fake, true);
        writeSiteJson(fake, site.base);
        site.mode = 'refuse';
        const run = await fake.runScript('data', ['--target-org', ALIAS]);
        assert.equal(run.code, 1, run.out);
        assert.equal(fake.callsTo('data import tree').length, 0);
        assert.match(run.stdout, /All 7 sample records are already in 'scratch1': nothing to import/);
        assert.match(run.stderr, /The Site did not take every sample chat \(5 of 5 chat files were refused;/);
        assert.ok(!run.out.includes(KEY));
    });
});

function chatRecords(names, { leadLinked = true, withC = true } = {}) {
    const row = (id, status, contact, lead) => ({
        [names.comm100Id]: id,
        [names.identification]: status,
        [names.contact]: contact ? { Email: contact } : null,
        [names.lead]: lead ? { Email: lead } : null,
        [names.chunks]: { totalSize: 1, done: true, records: [{ Id: 'a0T000000000001AAA' }] }
    });
    return [
        row(CHAT_A, 'Identified', 'maria.lopez@northwind.example', null),
        row(CHAT_B, leadLinked ? 'Identified' : 'Pending', null, leadLinked ? 'j.chen@contoso.example' : null),
        ...(withC ? [row(CHAT_C, 'Not Found', null, null)] : [])
    ];
}

function logRecords(names, events) {
    return events.map(([id, comm100Id, eventType, status = 'Processed', reason = null]) => ({
        Id: id,
        [names.comm100Id]: comm100Id,
        [names.eventType]: eventType,
        [names.status]: status,
        [names.reason]: reason
    }));
}

const OLD_LOG = ['a0L000000000000OLD', CHAT_A, 'chat_wrapped_up'];
const ALL_LOGS = [
    ['a0L000000000001AAA', CHAT_A, 'chat_started'],
    ['a0L000000000002AAA', CHAT_A, 'chat_ended'],
    ['a0L000000000003AAA', CHAT_A, 'chat_wrapped_up', 'Retried'],
    ['a0L000000000004AAA', CHAT_B, 'offline_message_submitted'],
    ['a0L000000000005AAA', CHAT_C, 'chat_ended']
];

function answerSmoke(fake, namespace = '', { chats, logs, instanceUrl } = {}) {
    const names = apiNames(namespace);
    answerOrg(fake, null, instanceUrl);
    answerSampleRecords(fake, true);
    fake.answer('data query', records([{ Email: 'maria.lopez@northwind.example' }]), {
        contains: 'SELECT Email FROM Contact WHERE'
    });
    fake.answer('data query', records([{ Email: 'j.chen@contoso.example' }]), {
        contains: 'SELECT Email FROM Lead WHERE'
    });
    fake.answer('data query', records([{ Id: OLD_LOG[0] }]), { contains: `SELECT Id FROM ${names.log} WHERE` });
    fake.answer('data query', chats ?? records(chatRecords(names)), { contains: `FROM ${names.chat} WHERE` });
    fake.answer('data query', logs ?? records(logRecords(names, [OLD_LOG, ...ALL_LOGS])), {
        contains: [`FROM ${names.log} WHERE`, names.status]
    });
    return names;
}

describe('org:smoke', { concurrency: 4 }, () => {
    test('posts every chat, waits for records, transcripts, new logs and links, and prints the table', async (t) => {
        const { fake, site } = await setup(t);
        const names = apiNames('');
        answerSmoke(fake, '', {
            chats: sequence(
                records(chatRecords(names, { leadLinked: false, withC: false })),
                records(chatRecords(names))
            ),
            logs: sequence(
                records(logRecords(names, [OLD_LOG, ALL_LOGS[0]])),
                records(logRecords(names, [OLD_LOG, ...ALL_LOGS]))
            )
        });
        writeSiteJson(fake, site.base);
        const run = await fake.runScript('smoke', ['--target-org', ALIAS]);
        assert.equal(run.code, 0, run.out);
        assertValidSfCalls(fake.argvs());

        assert.deepEqual(steps(run.stdout), [
            "Checking the org 'scratch1'",
            "Loading the sample Accounts, Contacts and Leads of data/sample into 'scratch1'",
            'Noting the sync logs the org already has for the sample chats',
            'Posting 5 chat files',
            'Waiting up to 120 s for the org to store and identify the chats'
        ]);
        const ids = `('${CHAT_A}', '${CHAT_B}', '${CHAT_C}')`;
        const queries = fake.argvs().map((argv) => argv[3]);
        assert.ok(
            queries.includes(`SELECT Id FROM Comm100_Sync_Log__c WHERE Comm100_Id__c IN ${ids}`),
            queries.join('\n')
        );
        assert.ok(
            queries.includes(
                `SELECT Comm100_Id__c, Identification_Status__c, Contact__r.Email, Lead__r.Email, (SELECT Id FROM Transcript_Chunks__r) FROM Comm100_Chat__c WHERE Comm100_Id__c IN ${ids}`
            )
        );
        assert.equal(
            fake.callsTo('data query').filter((call) => call.argv[3].includes('FROM Comm100_Chat__c')).length,
            2
        );
        assert.deepEqual(fake.postCalls(), [{ argv: CHAT_FILE_NAMES, url: webhookUrl(site.base) }]);
        assert.deepEqual(fake.npmCalls(), []);
        assert.equal(site.requests.length, 5);
        assert.ok(!run.out.includes(KEY));

        const table = run.stdout.split('\n').filter((line) => /^(chat|3f6d|58f7|7c2e)/.test(line));
        assert.deepEqual(table, [
            'chat       visitor                           record  transcript  logs   identification  link',
            '3f6d1c1e…  maria.lopez@northwind.example     ✔       ✔ 1         ✔ 3/3  Identified      ✔ Contact',
            '58f738e3…  j.chen@contoso.example            ✔       ✔ 1         ✔ 1/1  Identified      ✔ Lead',
            '7c2e9b14…  priya.natarajan@tailspin.example  ✔       ✔ 1         ✔ 1/1  Not Found       not checked'
        ]);
        assert.match(run.stdout, /All 3 sample chats went through the Site and are stored, .* 2 link\(s\)/);
    });

    test('what is missing at the timeout is named, and a log from before the post never counts', async (t) => {
        const { fake, site } = await setup(t);
        const names = apiNames('');
        answerSmoke(fake, '', {
            chats: records(chatRecords(names, { leadLinked: false })),
            logs: records(logRecords(names, [OLD_LOG, ...ALL_LOGS.filter((log) => log[2] !== 'chat_wrapped_up')]))
        });
        writeSiteJson(fake, site.base);
        const run = await fake.runScript('smoke', ['--target-org', ALIAS, '--timeout', '0', '--no-records']);
        assert.equal(run.code, 1, run.out);
        assert.match(
            run.stderr,
            /the org 'scratch1' still lacks 2 result\(s\): 3f6d1c1e…: a Processed sync log for chat_wrapped_up; 58f738e3…: the link to the Lead j\.chen@contoso\.example\. Look at the Comm100 Sync Logs tab/
        );
        assert.match(run.stdout, /3f6d1c1e… .* ✘ 2\/3 /);
    });

    test('a Failed log stops the wait at once with its reason', async (t) => {
        const { fake, site } = await setup(t);
        const names = apiNames('');
        answerSmoke(fake, '', {
            logs: records(
                logRecords(names, [
                    ...ALL_LOGS.slice(0, 4),
                    [
                        'a0L000000000009AAA',
                        CHAT_C,
                        'chat_ended',
                        'Failed',
                        'The transcript could not be saved: STORAGE_LIMIT_EXCEEDED'
                    ]
                ])
            )
        });
        writeSiteJson(fake, site.base);
        const run = await fake.runScript('smoke', ['--target-org', ALIAS, '--timeout', '600', '--no-records']);
        assert.equal(run.code, 1, run.out);
        assert.match(
            run.stderr,
            /The org did not store every sample chat: chat_ended of 7c2e9b14… is Failed \(The transcript could not be saved: STORAGE_LIMIT_EXCEEDED\)/
        );
        assert.equal(
            fake.callsTo('data query').filter((call) => call.argv[3].includes('FROM Comm100_Chat__c')).length,
            1
        );
    });

    test('--namespace: every package name carries it; --no-records loads nothing', async (t) => {
        const { fake, site } = await setup(t);
        answerSmoke(fake, 'c100');
        writeSiteJson(fake, site.base);
        const run = await fake.runScript('smoke', ['--target-org', ALIAS, '--namespace', 'c100', '--no-records']);
        assert.equal(run.code, 0, run.out);
        const queries = fake.argvs().map((argv) => argv[3] ?? '');
        assert.ok(
            queries.some((soql) =>
                soql.startsWith(
                    'SELECT c100__Comm100_Id__c, c100__Identification_Status__c, c100__Contact__r.Email, c100__Lead__r.Email, (SELECT Id FROM c100__Transcript_Chunks__r) FROM c100__Comm100_Chat__c WHERE'
                )
            )
        );
        assert.ok(!queries.some((soql) => soql.startsWith('SELECT Id, Name FROM Account')), 'no sample records loaded');
        assert.ok(!queries.some((soql) => / Comm100_/.test(soql)), queries.join('\n'));
        assertValidSfCalls(fake.argvs());
    });

    test('an org without the package: names org:deploy and --namespace', async (t) => {
        const { fake, site } = await setup(t);
        answerSmoke(fake);
        fake.answer('data query', failure('INVALID_TYPE', "sObject type 'Comm100_Sync_Log__c' is not supported."), {
            contains: ['SELECT Id FROM Comm100_Sync_Log__c WHERE', 'Comm100_Id__c IN']
        });
        writeSiteJson(fake, site.base);
        const run = await fake.runScript('smoke', ['--target-org', ALIAS, '--no-records']);
        assert.equal(run.code, 1, run.out);
        assert.match(
            run.stderr,
            /The org 'scratch1' has no Comm100_Chat__c to check .*`npm run org:deploy -- --target-org scratch1`, or for an installed version pass --namespace/
        );
        assert.deepEqual(fake.postCalls(), [], 'nothing is posted');
    });

    test('the Site refusing: fails before waiting', async (t) => {
        const { fake, site } = await setup(t);
        answerSmoke(fake);
        writeSiteJson(fake, site.base);
        site.mode = 'refuse';
        const run = await fake.runScript('smoke', ['--target-org', ALIAS, '--no-records']);
        assert.equal(run.code, 1, run.out);
        assert.match(run.stderr, /5 of 5 chat files were refused/);
        assert.equal(
            fake.callsTo('data query').filter((call) => call.argv[3].includes('FROM Comm100_Chat__c')).length,
            0
        );
        assert.ok(!run.out.includes(KEY));
    });

    // kills: --via rest still reading site.json or posting to the Site; the OAuth post without the org, its token
    // or the namespace
    test('--via rest posts as the running user to the Apex REST endpoint with OAuth, needing no Site', async (t) => {
        const { fake, site } = await setup(t);
        answerSmoke(fake, '', { instanceUrl: site.base });
        // An address in the environment is not passed on: --via rest posts to the org.
        const run = await fake.runScript('smoke', ['--target-org', ALIAS, '--via', 'rest', '--no-records'], {
            env: { COMM100_POST_URL: webhookUrl(site.base) }
        });
        assert.equal(run.code, 0, run.out);
        assert.equal(existsSync(path.join(fake.buildDir, 'org', ALIAS, 'site.json')), false, 'no site.json needed');
        assert.deepEqual(fake.postCalls(), [{ argv: ['--target-org', ALIAS, ...CHAT_FILE_NAMES], url: null }]);
        assert.deepEqual(fake.npmCalls(), []);
        assert.deepEqual(
            site.requests.map((request) => `${request.url} ${request.authorization}`),
            Array(5).fill(`/services/apexrest/comm100/v1/webhooks Bearer ${TOKEN}`)
        );
        assert.equal(fake.callsTo('org display').length, 2, 'requireOrg, then comm100:post for the instance URL');
        assert.deepEqual(
            fake.callsTo('org auth show-access-token').map((call) => call.argv),
            [['org', 'auth', 'show-access-token', '--target-org', ALIAS, '--json']],
            'the token comes from show-access-token: sf org display shows it redacted'
        );
        assertValidSfCalls(fake.argvs());
        assert.match(
            run.stdout,
            /▶ Posting 5 chat files \(3 chats\) to the Apex REST endpoint \/services\/apexrest\/comm100\/v1\/webhooks as admin@comm100\.test \(OAuth/
        );
        assert.ok(!run.out.includes(TOKEN), 'the access token is never printed');
        assert.match(run.stdout, /All 3 sample chats went through the Apex REST endpoint and are stored/);
    });

    // kills: --namespace not passed on to comm100:post in --via rest
    test('--via rest with --namespace posts to the namespaced endpoint', async (t) => {
        const { fake, site } = await setup(t);
        answerSmoke(fake, 'c100', { instanceUrl: site.base });
        const run = await fake.runScript('smoke', ['--via', 'rest', '--namespace', 'c100', '--no-records'], {
            env: { COMM100_ORG: ALIAS }
        });
        assert.equal(run.code, 0, run.out);
        assert.deepEqual(fake.postCalls(), [
            { argv: ['--target-org', ALIAS, '--namespace', 'c100', ...CHAT_FILE_NAMES], url: null }
        ]);
        assert.deepEqual(
            [...new Set(site.requests.map((request) => request.url))],
            ['/services/apexrest/c100/comm100/v1/webhooks']
        );
        assertValidSfCalls(fake.argvs());
    });

    // kills: the Site's sentence (org:site) given for a refused OAuth post
    test('--via rest refused: names org:permsets --integration, before waiting', async (t) => {
        const { fake, site } = await setup(t);
        answerSmoke(fake, '', { instanceUrl: site.base });
        site.mode = 'refuse';
        const run = await fake.runScript('smoke', ['--target-org', ALIAS, '--via', 'rest', '--no-records']);
        assert.equal(run.code, 1, run.out);
        assert.equal(
            run.stderr.trim().split('\n').at(-1),
            "✖ The Apex REST endpoint did not take every sample chat (5 of 5 chat files were refused; the lines above name each file and the endpoint's answer): the running user needs Comm100 Integration, which `npm run org:permsets -- --target-org scratch1 --integration` assigns."
        );
        assert.match(run.stdout, /→ 401: UNAUTHORIZED: The user has no Comm100 Integration permission set/);
        assert.equal(
            fake.callsTo('data query').filter((call) => call.argv[3].includes('FROM Comm100_Chat__c')).length,
            0
        );
    });

    // kills: an unknown --via taken as site, or --url silently ignored with --via rest
    test('--via takes site or rest, and --url only with site', async (t) => {
        const { fake, site } = await setup(t);
        const bogus = await fake.runScript('smoke', ['--via', 'soap']);
        assert.equal(bogus.code, 2);
        assert.match(bogus.stderr, /✖ --via takes site or rest; 'soap' is neither\./);
        const both = await fake.runScript('smoke', ['--via', 'rest', '--url', webhookUrl(site.base)]);
        assert.equal(both.code, 2);
        assert.match(both.stderr, /✖ --url is the Site webhook address, which --via rest does not use/);
        assert.deepEqual(fake.argvs(), []);
        assert.deepEqual(fake.npmCalls(), []);
    });

    test('no site.json and no --url: names npm run org:site', async (t) => {
        const { fake } = await setup(t);
        const run = await fake.runScript('smoke', []);
        assert.equal(run.code, 1);
        assert.match(run.stderr, /No webhook address for org 'comm100': .*Create the Site with `npm run org:site`/);
        assert.deepEqual(fake.argvs(), []);
    });
});
