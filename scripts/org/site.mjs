// npm run org:site — the webhook Site of an org: the Salesforce Site that receives Comm100's webhooks at
// https://<site domain>/comm100/services/apexrest[/<namespace>]/comm100/v1/hooks/<key>, its guest user with the
// Comm100 Site Guest permission set, and a new site key. Writes build/org/<alias>/site.json
// {"baseUrl", "webhookUrl"} (a secret: the key is in the address; build/ is git-ignored) and prints the address
// with the key masked as …/comm100/v1/hooks/<key hidden>. org:data and org:smoke post through it.
//
//   npm run org:site [-- --target-org <alias>] [--namespace <ns>] [--key-stdin] [--probe-timeout <s>]
//
//   --target-org <alias>    the org (default: env COMM100_ORG, else comm100)
//   --namespace <ns>        the package's namespace: the managed package installed in the org. Default: the
//                           org's own namespace (Organization.NamespacePrefix), none for an org deployed with
//                           --no-namespace
//   --key-stdin             read the site key from standard input (the key, or the whole address the Comm100
//                           Setup tab shows) instead of making one: needed for a managed install, where
//                           SiteWebhookKeySetup.rotateSiteKey is not global and anonymous Apex cannot call it
//   --probe-timeout <s>     how long to wait for a new Site to answer (default 60 seconds)
//
// Steps, each printed before it runs; a rerun changes only what is missing and makes a new key (the previous key
// keeps working for the Site Key Grace Hours of the Comm100 Setting, 24 by default):
//   1. the Site "Comm100 Webhooks" (Comm100_Webhooks, path prefix /comm100, active, site admin and guest record
//      owner the running user, home page Comm100_Webhooks_Home): deployed as CustomSite and ApexPage metadata from
//      a temporary folder (`sf project deploy start --metadata-dir`) unless it exists and is active;
//   2. its address: SiteDetail.SecureUrl of the Site;
//   3. its guest user (Site.GuestUserId) gets Comm100 Site Guest (`sf org assign permset --on-behalf-of`) unless
//      a PermissionSetAssignment already gives it;
//   4. the Site must answer a request with a key that is not one as the package's endpoint does (401
//      UNAUTHORIZED in the package's JSON): proof that the Site is up and its guest user reaches the endpoint
//      class, without writing anything in the org;
//   5. a new key: `SiteWebhookKeySetup.rotateSiteKey()` in anonymous Apex (`sf apex run --file`), read from the
//      debug log the CLI returns. The key is never printed, logged or written anywhere but site.json.
//
// Needs: the Salesforce CLI (npm run puts node_modules/.bin on the PATH), a scratch org (npm run org:create)
// with Salesforce Sites (the scratch definition's "Sites" feature) and the package in it (npm run org:deploy,
// or an installed version with --namespace), and a user with Customize Application.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    DEFAULT_ORG_ALIAS,
    TARGET_ORG_OPTION,
    buildPath,
    detail,
    displayPath,
    done,
    fail,
    main,
    parseOptions,
    pollMs,
    readJson,
    readProject,
    requireOrg,
    sf,
    sfCall,
    sleep,
    soqlString,
    step,
    targetOrg,
    oneLine
} from './lib.mjs';

/** The Site's API name (CustomSite fullName, Site.Name). */
export const SITE_NAME = 'Comm100_Webhooks';
/** The Site's label. */
export const SITE_LABEL = 'Comm100 Webhooks';
/** The Site's URL path prefix: the Site is at https://<site domain>/comm100. */
export const SITE_PATH_PREFIX = 'comm100';
/** The Visualforce page deployed as the Site's home page (a Site needs one; the webhooks never use it). */
export const SITE_HOME_PAGE = 'Comm100_Webhooks_Home';
/** The permission set of the Site's guest user. */
export const GUEST_PERMISSION_SET = 'Comm100_Site_Guest';
/** What the key is replaced with wherever an address is printed. */
export const HIDDEN_KEY = '<key hidden>';
/** The marker before the key in the debug log of the anonymous Apex. */
export const KEY_MARKER = 'COMM100_SITE_KEY=';
/** A site key: 256 random bits as 43 base64url characters (SiteWebhookKey.newKey). */
export const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** The path segment of the Site webhook address before the key. */
export const HOOKS_PATH = '/comm100/v1/hooks/';
/** The last segment of the address checked by the probe: a text that is never a key (not 43 characters). */
export const PROBE_SEGMENT = 'org-site-check';

const ONE_SECOND = 1000;

/**
 * The path of the Site webhook address up to the key: /services/apexrest[/<ns>]/comm100/v1/hooks/.
 * @param {string} [namespace]
 * @returns {string}
 */
export function webhookPath(namespace = '') {
    return `/services/apexrest${namespace ? `/${namespace}` : ''}${HOOKS_PATH}`;
}

/**
 * An address with every site key replaced by <key hidden>.
 * @param {string} text
 * @returns {string}
 */
export function maskWebhookUrl(text) {
    return String(text).replace(/(\/comm100\/v1\/hooks\/)[^/?#\s"'<>]+/g, `$1${HIDDEN_KEY}`);
}

/**
 * The key at the end of a webhook address, or undefined.
 * @param {string} url
 * @returns {string | undefined}
 */
export function keyOf(url) {
    const at = String(url).indexOf(HOOKS_PATH);
    if (at < 0) return undefined;
    const key = String(url)
        .slice(at + HOOKS_PATH.length)
        .split(/[/?#]/)[0];
    return key || undefined;
}

/**
 * The site.json of an org: build/org/<alias>/site.json.
 * @param {string} alias
 * @returns {string}
 */
export function siteFile(alias) {
    return buildPath('org', alias, 'site.json');
}

/**
 * An npm command line for the org, with --target-org when it is not the default org.
 * @param {string} script such as 'org:site'
 * @param {string} alias
 * @returns {string}
 */
export function npmCommand(script, alias) {
    const isDefault = alias === (process.env.COMM100_ORG || DEFAULT_ORG_ALIAS);
    return `npm run ${script}${isDefault ? '' : ` -- --target-org ${alias}`}`;
}

/**
 * The webhook address to post to: --url, else webhookUrl of build/org/<alias>/site.json. Fails with the command
 * that makes it when there is none, or when it is not a Site webhook address.
 * @param {string} alias
 * @param {string} [url] --url
 * @returns {{ webhookUrl: string, baseUrl?: string, from: string }}
 */
export function readSite(alias, url) {
    if (url) {
        checkWebhookUrl(url, '--url', alias);
        return { webhookUrl: url, from: '--url' };
    }
    const file = siteFile(alias);
    let site;
    try {
        site = readJson(file);
    } catch {
        fail(`${displayPath(file)} is not JSON: make it again with \`${npmCommand('org:site', alias)}\`.`);
    }
    if (site === undefined) {
        fail(
            `No webhook address for org '${alias}': ${displayPath(file)} does not exist. Create the Site with \`${npmCommand('org:site', alias)}\` (or pass --url <webhook address>).`
        );
    }
    checkWebhookUrl(site?.webhookUrl, displayPath(file), alias);
    return { webhookUrl: site.webhookUrl, baseUrl: site.baseUrl, from: displayPath(file) };
}

function checkWebhookUrl(url, where, alias) {
    let parsed;
    try {
        parsed = new URL(String(url));
    } catch {
        parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || !keyOf(parsed.pathname)) {
        fail(
            `${where} has no Site webhook address (http(s)://…${HOOKS_PATH}<key>): make one with \`${npmCommand('org:site', alias)}\`.`
        );
    }
}

/**
 * Runs a SOQL query with `sf data query` and returns its records.
 * @param {string} alias
 * @param {string} soql
 * @returns {Promise<any[]>}
 */
export async function query(alias, soql) {
    const result = await sf(['data', 'query', '--query', soql, '--target-org', alias]);
    return Array.isArray(result?.records) ? result.records : [];
}

/**
 * The namespace the package's names carry in the org: --namespace when given, else the org's own namespace
 * (Organization.NamespacePrefix: a scratch org created with the project's namespace), else ''.
 * @param {string} alias
 * @param {string | undefined} option --namespace
 * @returns {Promise<{ namespace: string, orgNamespace: string }>}
 */
export async function resolveNamespace(alias, option) {
    const [organization] = await query(alias, 'SELECT NamespacePrefix FROM Organization');
    const orgNamespace = typeof organization?.NamespacePrefix === 'string' ? organization.NamespacePrefix : '';
    return { namespace: option === undefined ? orgNamespace : checkNamespace(option), orgNamespace };
}

/**
 * A --namespace value, trimmed; fails when it cannot be a namespace prefix.
 * @param {string} option
 * @returns {string}
 */
export function checkNamespace(option) {
    const namespace = option.trim();
    if (namespace && !/^[A-Za-z][A-Za-z0-9_]{0,14}$/.test(namespace)) {
        fail(`--namespace '${namespace}' is not a namespace prefix (letters, digits and _, at most 15).`);
    }
    return namespace;
}

/** The CustomSite, ApexPage and package.xml of the Site, in Metadata API format. */
export function siteMetadata(adminUsername, apiVersion) {
    const admin = xmlText(adminUsername);
    const ns = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
    return {
        'package.xml': `<?xml version="1.0" encoding="UTF-8"?>
<Package ${ns}>
    <types>
        <members>${SITE_HOME_PAGE}</members>
        <name>ApexPage</name>
    </types>
    <types>
        <members>${SITE_NAME}</members>
        <name>CustomSite</name>
    </types>
    <version>${apiVersion}</version>
</Package>
`,
        [`pages/${SITE_HOME_PAGE}.page`]: `<apex:page showHeader="false" sidebar="false" standardStylesheets="false">
    <p>This Salesforce Site receives Comm100 webhooks for the Comm100 for Salesforce package.</p>
</apex:page>
`,
        [`pages/${SITE_HOME_PAGE}.page-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>
<ApexPage ${ns}>
    <apiVersion>${apiVersion}</apiVersion>
    <availableInTouch>false</availableInTouch>
    <confirmationTokenRequired>false</confirmationTokenRequired>
    <description>Home page of the Comm100 Webhooks Site (a Site needs one); Comm100 posts to its Apex REST address.</description>
    <label>Comm100 Webhooks Home</label>
</ApexPage>
`,
        [`sites/${SITE_NAME}.site`]: `<?xml version="1.0" encoding="UTF-8"?>
<CustomSite ${ns}>
    <active>true</active>
    <allowHomePage>false</allowHomePage>
    <allowStandardIdeasPages>false</allowStandardIdeasPages>
    <allowStandardLookups>false</allowStandardLookups>
    <allowStandardPortalPages>false</allowStandardPortalPages>
    <allowStandardSearch>false</allowStandardSearch>
    <browserXssProtection>true</browserXssProtection>
    <clickjackProtectionLevel>SameOriginOnly</clickjackProtectionLevel>
    <contentSniffingProtection>true</contentSniffingProtection>
    <description>Receives Comm100 webhooks at /services/apexrest/comm100/v1/hooks/&lt;key&gt; (Comm100 for Salesforce).</description>
    <enableAuraRequests>false</enableAuraRequests>
    <indexPage>${SITE_HOME_PAGE}</indexPage>
    <masterLabel>${SITE_LABEL}</masterLabel>
    <referrerPolicyOriginWhenCrossOrigin>true</referrerPolicyOriginWhenCrossOrigin>
    <siteAdmin>${admin}</siteAdmin>
    <siteGuestRecordDefaultOwner>${admin}</siteGuestRecordDefaultOwner>
    <siteType>Visualforce</siteType>
    <urlPathPrefix>${SITE_PATH_PREFIX}</urlPathPrefix>
</CustomSite>
`
    };
}

function xmlText(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function findSite(alias) {
    const call = await sfCall([
        'data',
        'query',
        '--query',
        `SELECT Id, Name, Status, UrlPathPrefix, GuestUserId FROM Site WHERE Name = ${soqlString(SITE_NAME)}`,
        '--target-org',
        alias
    ]);
    if (!call.ok) {
        if (/INVALID_TYPE|sObject type 'Site' is not supported/i.test(`${call.error.sfName} ${call.error.sfMessage}`)) {
            fail(
                `Salesforce Sites is not enabled in org '${alias}': a scratch org needs the "Sites" feature in config/project-scratch-def.json (then \`npm run org:delete\` and \`npm run org:create\`); any other org, Setup → Sites.`
            );
        }
        throw call.error;
    }
    return call.result?.records?.[0];
}

async function deploySite(alias, username) {
    const apiVersion = readProject().sourceApiVersion ?? '65.0';
    const dir = mkdtempSync(path.join(os.tmpdir(), 'comm100-site-'));
    try {
        for (const [name, text] of Object.entries(siteMetadata(username, apiVersion))) {
            mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
            writeFileSync(path.join(dir, name), text);
        }
        const call = await sfCall([
            'project',
            'deploy',
            'start',
            '--metadata-dir',
            dir,
            '--target-org',
            alias,
            '--wait',
            '10'
        ]);
        if (!call.ok) {
            const failures = [
                call.json?.result?.details?.componentFailures,
                call.json?.data?.details?.componentFailures
            ]
                .flat()
                .filter((failure) => failure?.problem);
            const problem = failures.length
                ? failures.map((failure) => `${failure.fullName ?? failure.fileName}: ${failure.problem}`).join('; ')
                : call.error.sfMessage || call.error.message;
            fail(
                `The Site could not be deployed to '${alias}' (${oneLine(problem, 400)}): Salesforce Sites must be enabled (a scratch org: the "Sites" feature in config/project-scratch-def.json) and the user must have Customize Application.`
            );
        }
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

async function siteAddress(alias, site) {
    const [siteDetail] = await query(
        alias,
        // DurableId is the Site's id; asked both ways, as the documentation does not say 15 or 18 characters.
        `SELECT SecureUrl FROM SiteDetail WHERE DurableId IN (${soqlString(site.Id)}, ${soqlString(String(site.Id).slice(0, 15))})`
    );
    const secureUrl = typeof siteDetail?.SecureUrl === 'string' ? siteDetail.SecureUrl.trim() : '';
    if (!/^https?:\/\//.test(secureUrl)) {
        fail(
            `The Site '${SITE_LABEL}' of '${alias}' has no address yet (SiteDetail.SecureUrl is empty): check in Setup → Sites that it is active and that the org's Sites domain exists, then run \`${npmCommand('org:site', alias)}\` again.`
        );
    }
    let base = secureUrl.replace(/\/+$/, '');
    const prefix = (site.UrlPathPrefix ?? '').replace(/^\/+|\/+$/g, '');
    if (prefix && !base.endsWith(`/${prefix}`)) base = `${base}/${prefix}`;
    return base;
}

async function giveGuestPermissionSet(alias, site, namespace) {
    const [guest] = await query(alias, `SELECT Id, Username FROM User WHERE Id = ${soqlString(site.GuestUserId)}`);
    if (!guest?.Username) {
        fail(
            `The guest user of the Site '${SITE_LABEL}' was not found in '${alias}': open the Site in Setup → Sites → Public Access Settings once, then run \`${npmCommand('org:site', alias)}\` again.`
        );
    }
    const assignments = await query(
        alias,
        `SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = ${soqlString(guest.Id)} AND PermissionSet.Name = ${soqlString(GUEST_PERMISSION_SET)} AND PermissionSet.NamespacePrefix = ${namespace ? soqlString(namespace) : 'null'}`
    );
    const name = namespace ? `${namespace}__${GUEST_PERMISSION_SET}` : GUEST_PERMISSION_SET;
    if (assignments.length > 0) {
        done(`The guest user ${guest.Username} already has ${name}.`);
        return;
    }
    const call = await sfCall([
        'org',
        'assign',
        'permset',
        '--name',
        name,
        '--on-behalf-of',
        guest.Username,
        '--target-org',
        alias
    ]);
    const failures = call.result?.failures ?? call.json?.data?.failures ?? [];
    if (!call.ok || failures.length > 0) {
        const reason = failures.map((entry) => entry.message).join('; ') || call.error?.sfMessage || 'no answer';
        fail(
            `The Site's guest user ${guest.Username} could not get the permission set ${name} (${oneLine(reason, 400)}): deploy the package first with \`npm run org:deploy\` (or install it and pass --namespace <ns>).`
        );
    }
    done(`The guest user ${guest.Username} has ${name}.`);
}

/**
 * Posts an empty JSON object to the Site address with a segment that is never a key, until the package's own
 * 401 UNAUTHORIZED answer comes back or the time is up.
 * @param {string} baseUrl
 * @param {string} namespace
 * @param {number} timeoutSeconds
 * @param {string} alias
 */
async function probeSite(baseUrl, namespace, timeoutSeconds, alias) {
    const url = `${baseUrl}${webhookPath(namespace)}${PROBE_SEGMENT}`;
    const deadline = Date.now() + timeoutSeconds * ONE_SECOND;
    let last = 'no answer';
    for (;;) {
        try {
            const response = await fetch(url, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json; charset=utf-8' },
                body: '{}',
                redirect: 'manual',
                signal: AbortSignal.timeout(15 * ONE_SECOND)
            });
            const text = await response.text();
            let json;
            try {
                json = JSON.parse(text);
            } catch {
                json = undefined;
            }
            if (response.status === 401 && json?.error?.code === 'UNAUTHORIZED') return;
            last = `HTTP ${response.status}${text ? `: ${oneLine(text.replace(/<[^>]*>/g, ' '), 400).slice(0, 160)}` : ''}`;
        } catch (error) {
            last = error?.cause?.code ?? error?.name ?? String(error);
        }
        if (Date.now() >= deadline) break;
        detail(`not yet (${last}); trying again`);
        await sleep(pollMs(5 * ONE_SECOND));
    }
    fail(
        `The Site at ${baseUrl} does not answer as the Comm100 webhook endpoint (last answer: ${last}): check in Setup → Sites that '${SITE_LABEL}' is active and that its guest user has the Comm100 Site Guest permission set, then run \`${npmCommand('org:site', alias)}\` again.`
    );
}

/**
 * The anonymous Apex that makes a new site key and writes it, after KEY_MARKER, to the debug log `sf apex run`
 * returns (and nowhere else: the log is returned to the CLI, which the script reads and never prints).
 * @param {string} [namespace]
 * @returns {string}
 */
export function keyApex(namespace = '') {
    const setupClass = `${namespace ? `${namespace}.` : ''}SiteWebhookKeySetup`;
    return `String key = ${setupClass}.rotateSiteKey();\nSystem.debug(LoggingLevel.ERROR, '${KEY_MARKER}' + key);\n`;
}

/**
 * Makes a new site key with anonymous Apex and returns it; never prints it.
 * @param {string} alias
 * @param {string} namespace
 * @returns {Promise<string>}
 */
async function rotateKey(alias, namespace) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'comm100-key-'));
    const file = path.join(dir, 'rotate-site-key.apex');
    const setupClass = `${namespace ? `${namespace}.` : ''}SiteWebhookKeySetup`;
    writeFileSync(file, keyApex(namespace));
    let call;
    try {
        call = await sfCall(['apex', 'run', '--file', file, '--target-org', alias]);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
    if (!call.ok) {
        const compile = call.error.sfName === 'executeCompileFailure' || call.json?.data?.compiled === false;
        fail(
            compile
                ? `The org '${alias}' has no ${setupClass} to call (${oneLine(call.json?.data?.compileProblem || call.error.sfMessage, 400)}): deploy the package with \`npm run org:deploy\`.`
                : `${setupClass}.rotateSiteKey() failed in '${alias}' (${oneLine(call.error.sfMessage, 400)}): run it as a user with Customize Application.`
        );
    }
    const logs = String(call.result?.logs ?? '');
    const at = logs.indexOf(KEY_MARKER);
    const key = at < 0 ? '' : (logs.slice(at + KEY_MARKER.length).match(/^[A-Za-z0-9_-]+/)?.[0] ?? '');
    if (!KEY_PATTERN.test(key)) {
        fail(
            `A new site key was made in '${alias}' but the debug log \`sf apex run\` returned does not show it: run \`${npmCommand('org:site', alias)}\` again.`
        );
    }
    return key;
}

async function keyFromStdin() {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8').trim();
    const key = text.includes(HOOKS_PATH) ? (keyOf(text) ?? '') : text;
    if (!KEY_PATTERN.test(key)) {
        fail(
            'Standard input holds no site key (43 characters of A-Z, a-z, 0-9, - and _, or the whole address ending in /comm100/v1/hooks/<key>): rotate the key on the Comm100 Setup tab (Connect) and paste it.'
        );
    }
    return key;
}

function writeSecretJson(file, data) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
}

async function run() {
    const options = parseOptions({
        usage: 'npm run org:site --',
        options: {
            'target-org': TARGET_ORG_OPTION,
            namespace: {
                type: 'string',
                description:
                    "the installed managed package's namespace (default: the org's own namespace, none when deployed with --no-namespace)"
            },
            'key-stdin': {
                type: 'boolean',
                description: 'read the site key (or the whole address) from standard input instead of making one'
            },
            'probe-timeout': {
                type: 'number',
                default: 60,
                description: 'seconds to wait for the Site to answer'
            }
        }
    });
    const alias = targetOrg(options);

    step(`Checking the org '${alias}'`);
    const org = await requireOrg(alias);
    const { namespace, orgNamespace } = await resolveNamespace(alias, options.namespace);
    const managed = namespace !== '' && namespace !== orgNamespace;
    if (managed && !options['key-stdin']) {
        fail(
            `In a managed install ('${namespace}'), SiteWebhookKeySetup.rotateSiteKey is not global, so anonymous Apex cannot make a site key: rotate the key on the Comm100 Setup tab (Connect) and give it on standard input to \`${npmCommand('org:site', alias)} --namespace ${namespace} --key-stdin\`.`
        );
    }
    detail(namespace ? `the package's names carry the namespace '${namespace}'` : 'the package has no namespace here');

    step(`Looking for the Site '${SITE_LABEL}' (${SITE_NAME})`);
    let site = await findSite(alias);
    if (site && site.Status === 'Active' && (site.UrlPathPrefix ?? '') === SITE_PATH_PREFIX) {
        done(`The Site '${SITE_LABEL}' is there and active.`);
    } else {
        step(
            `Deploying the Site '${SITE_LABEL}' (path /${SITE_PATH_PREFIX}, active, site admin ${org.username}) and its home page ${SITE_HOME_PAGE}`
        );
        await deploySite(alias, org.username);
        site = await findSite(alias);
        if (!site || site.Status !== 'Active') {
            fail(
                `The Site '${SITE_LABEL}' was deployed to '${alias}' but is ${site ? `'${site.Status}'` : 'not there'}: activate it in Setup → Sites, then run \`${npmCommand('org:site', alias)}\` again.`
            );
        }
        done(`The Site '${SITE_LABEL}' is deployed and active.`);
    }

    step("Reading the Site's address (SiteDetail.SecureUrl)");
    const baseUrl = await siteAddress(alias, site);
    detail(baseUrl);

    step(`Giving the Site's guest user the permission set Comm100 Site Guest`);
    await giveGuestPermissionSet(alias, site, namespace);

    step(`Checking that the Site answers as the Comm100 endpoint at ${baseUrl}${webhookPath(namespace)}…`);
    await probeSite(baseUrl, namespace, options['probe-timeout'], alias);
    done('The Site answers: a request without a valid key is refused with 401, as it must be.');

    let key;
    if (options['key-stdin']) {
        step('Reading the site key from standard input');
        key = await keyFromStdin();
    } else {
        step(
            `Making a new site key (${namespace ? `${namespace}.` : ''}SiteWebhookKeySetup.rotateSiteKey(); the previous key keeps working for the Site Key Grace Hours)`
        );
        key = await rotateKey(alias, namespace);
    }

    const webhookUrl = `${baseUrl}${webhookPath(namespace)}${key}`;
    const file = siteFile(alias);
    writeSecretJson(file, { baseUrl, webhookUrl });
    done(`The webhook address (a secret, kept only in ${displayPath(file)}): ${maskWebhookUrl(webhookUrl)}`);
    detail(
        `Post the sample chats with \`${npmCommand('org:data', alias)}\`, or check end to end with \`${npmCommand('org:smoke', alias)}\`.`
    );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
    await main(run);
}
