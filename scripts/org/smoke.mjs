// npm run org:smoke — the package end to end in an org: every chat of data/sample/chats/ posted with
// comm100:post (as org:data posts them: compiled, run with this Node, the Site's address in COMM100_POST_URL, never on
// a command line) through the live Site webhook address (--via site, the default) or to the package's Apex
// REST endpoint as the org's running user with OAuth (--via rest), then `sf data query` every 5 seconds until each
// chat has its Comm100 Chat record, its transcript and, for each event posted, a new Processed sync log, and is
// linked to the sample Contact or Lead its visitor's email names. Prints a table; exits 1 naming what is missing.
//
//   npm run org:smoke [-- --target-org <alias>] [--via site|rest] [--url <webhook address>] [--namespace <ns>]
//                     [--timeout <s>] [--no-records]
//
//   --target-org <alias>   the org (default: env COMM100_ORG, else comm100)
//   --via <site|rest>      site (default): through the Site's address, with its key, as Comm100's own webhooks
//                          post (needs `npm run org:site`); rest: comm100:post --target-org <alias>
//                          [--namespace <ns>], to /services/apexrest[/<ns>]/comm100/v1/webhooks with the access
//                          token of `sf org auth show-access-token`, needing no Site and no site.json. The running
//                          user then needs Comm100 Integration (`npm run org:permsets -- --integration`). The
//                          package workflow uses rest: in a managed install, anonymous Apex cannot make a site key
//                          (see org:site)
//   --url <address>        with --via site, the Site webhook address (default: webhookUrl of
//                          build/org/<alias>/site.json, which `npm run org:site` writes)
//   --namespace <ns>       the installed managed package's namespace: object and field names carry it (default:
//                          the org's own namespace, none when deployed with --no-namespace)
//   --timeout <s>          how long to wait for the org to store and identify the chats (default 120 seconds)
//   --no-records           do not load the sample Accounts, Contacts and Leads first (links are then checked only
//                          for the sample records the org already has)
//
// What counts, per chat (by its Comm100 id):
//   - a Comm100 Chat record;
//   - at least one Comm100 Transcript Chunk of it when a posted event carries a transcript (a chat_ended
//     transcript, an offline message's content);
//   - for each event posted, a sync log of that event type with Status Processed (or Retried: stored after a
//     retry) that was not there before the post, so an earlier run's logs never count;
//   - when the visitor's email is that of a sample Contact or Lead present in the org, the chat's Contact (or,
//     with no Contact of that email, Lead) has that email: the shipped rules identify by email, Contact first.
//     A visitor no sample record names is not checked: the org's own records and policies decide.
// A new Failed or Dead-Lettered log for one of the chats stops the wait at once, with its reason.
//
// Needs: the Salesforce CLI (npm run puts node_modules/.bin on the PATH), the org with the package (npm run
// org:deploy, or an installed version and --namespace) and, with --via site, its Site (npm run org:site).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    ROOT,
    TARGET_ORG_OPTION,
    detail,
    done,
    fail,
    formatTable,
    main,
    parseOptions,
    pollMs,
    requireOrg,
    sfCall,
    sleep,
    soqlString,
    step,
    targetOrg,
    oneLine
} from './lib.mjs';
import { checkNamespace, maskWebhookUrl, npmCommand, query, readSite, resolveNamespace } from './site.mjs';
import { chatFiles, ensureSampleRecords, postChats, refusedSentence, sampleEmails } from './data.mjs';

/** The log statuses that mean "stored". */
export const STORED_STATUSES = Object.freeze(['Processed', 'Retried']);
/** The log statuses that mean the event was not stored. */
export const FAILED_STATUSES = Object.freeze(['Failed', 'Dead-Lettered']);

const MISSPELLED_WRAP_UP = 'chat_wraped_up';

/**
 * What a chat file sends: one entry per event, with the chat's Comm100 id, the event type as the package names
 * it, the visitor's email (lower-cased, '' when none) and whether it carries a transcript.
 * @param {string} file
 * @returns {Array<{ comm100Id: string, eventType: string, email: string, transcript: boolean }>}
 */
export function eventsOf(file) {
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    return (Array.isArray(parsed) ? parsed : [parsed]).map((payload) => {
        const text = (value) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');
        const comm100Id = [payload.chat?.id, payload.offline_message?.id, payload.chat_id, payload.visitor?.chat_id]
            .map(text)
            .find(Boolean);
        const event = text(payload.event).toLowerCase();
        const eventType = event === MISSPELLED_WRAP_UP ? 'chat_wrapped_up' : event;
        if (!comm100Id || !eventType) {
            fail(
                `${path.relative(ROOT, file)} is not a Comm100 webhook event with a chat id: remove it from data/sample/chats.`
            );
        }
        const email = [payload.visitor?.email, payload.offline_message?.email, payload.chat?.email]
            .map(text)
            .find(Boolean);
        const transcript =
            (eventType === 'chat_ended' && text(payload.chat?.chat_transcript) !== '') ||
            (eventType === 'offline_message_submitted' && text(payload.offline_message?.content) !== '');
        return { comm100Id, eventType, email: (email ?? '').toLowerCase(), transcript };
    });
}

/**
 * The expectations per chat, in the order the chats are first posted.
 * @param {string[]} files
 * @returns {Array<{ comm100Id: string, events: string[], email: string, transcript: boolean }>}
 */
export function expectedChats(files) {
    /** @type {Map<string, { comm100Id: string, events: string[], email: string, transcript: boolean }>} */
    const chats = new Map();
    for (const file of files) {
        for (const event of eventsOf(file)) {
            const chat = chats.get(event.comm100Id) ?? {
                comm100Id: event.comm100Id,
                events: [],
                email: '',
                transcript: false
            };
            chat.events.push(event.eventType);
            chat.email ||= event.email;
            chat.transcript ||= event.transcript;
            chats.set(event.comm100Id, chat);
        }
    }
    return [...chats.values()];
}

/** The API names of the package's objects and fields, with the namespace when there is one. */
export function apiNames(namespace) {
    const n = namespace ? `${namespace}__` : '';
    return {
        chat: `${n}Comm100_Chat__c`,
        chunks: `${n}Transcript_Chunks__r`,
        log: `${n}Comm100_Sync_Log__c`,
        comm100Id: `${n}Comm100_Id__c`,
        identification: `${n}Identification_Status__c`,
        contact: `${n}Contact__r`,
        lead: `${n}Lead__r`,
        eventType: `${n}Event_Type__c`,
        status: `${n}Status__c`,
        reason: `${n}Reason__c`
    };
}

function inList(values) {
    return `(${values.map(soqlString).join(', ')})`;
}

async function queryPackage(alias, soql, namespace) {
    const call = await sfCall(['data', 'query', '--query', soql, '--target-org', alias]);
    if (!call.ok) {
        if (/INVALID_TYPE|is not supported|No such column/i.test(`${call.error.sfName} ${call.error.sfMessage}`)) {
            fail(
                `The org '${alias}' has no ${apiNames(namespace).chat} to check (${oneLine(call.error.sfMessage, 300)}): deploy the package with \`${npmCommand('org:deploy', alias)}\`, or for an installed version pass --namespace <its namespace>.`
            );
        }
        throw call.error;
    }
    return Array.isArray(call.result?.records) ? call.result.records : [];
}

async function linkExpectations(alias, chats) {
    const samples = sampleEmails();
    const emails = [
        ...new Set(
            chats.map((chat) => chat.email).filter((email) => samples.Contact.has(email) || samples.Lead.has(email))
        )
    ];
    /** @type {Map<string, 'Contact' | 'Lead'>} */
    const expected = new Map();
    if (emails.length === 0) return expected;
    const contacts = await query(alias, `SELECT Email FROM Contact WHERE Email IN ${inList(emails)}`);
    const leads = await query(alias, `SELECT Email FROM Lead WHERE Email IN ${inList(emails)} AND IsConverted = false`);
    const has = (records) => new Set(records.map((record) => String(record.Email).toLowerCase()));
    const contactEmails = has(contacts);
    const leadEmails = has(leads);
    for (const email of emails) {
        if (contactEmails.has(email)) expected.set(email, 'Contact');
        else if (leadEmails.has(email)) expected.set(email, 'Lead');
    }
    return expected;
}

async function logIds(alias, names, ids, namespace) {
    const logs = await queryPackage(
        alias,
        `SELECT Id FROM ${names.log} WHERE ${names.comm100Id} IN ${inList(ids)}`,
        namespace
    );
    return new Set(logs.map((log) => log.Id));
}

/**
 * One look at the org: per chat, what is there and what is missing.
 */
async function observe(alias, names, namespace, chats, links, baseline) {
    const ids = chats.map((chat) => chat.comm100Id);
    const records = await queryPackage(
        alias,
        `SELECT ${names.comm100Id}, ${names.identification}, ${names.contact}.Email, ${names.lead}.Email, (SELECT Id FROM ${names.chunks}) FROM ${names.chat} WHERE ${names.comm100Id} IN ${inList(ids)}`,
        namespace
    );
    const logs = (
        await queryPackage(
            alias,
            `SELECT Id, ${names.comm100Id}, ${names.eventType}, ${names.status}, ${names.reason} FROM ${names.log} WHERE ${names.comm100Id} IN ${inList(ids)} ORDER BY CreatedDate`,
            namespace
        )
    ).filter((log) => !baseline.has(log.Id));

    return chats.map((chat) => {
        const record = records.find((entry) => entry[names.comm100Id] === chat.comm100Id);
        const chunkCount = record?.[names.chunks]?.records?.length ?? 0;
        const ownLogs = logs.filter((log) => log[names.comm100Id] === chat.comm100Id);
        const stored = ownLogs.filter((log) => STORED_STATUSES.includes(log[names.status]));
        const failed = ownLogs.filter((log) => FAILED_STATUSES.includes(log[names.status]));
        const missing = [];
        if (!record) missing.push('its Comm100 Chat record');
        if (chat.transcript && chunkCount === 0) missing.push('its transcript');
        const wanted = new Map();
        for (const event of chat.events) wanted.set(event, (wanted.get(event) ?? 0) + 1);
        let logsFound = 0;
        for (const [event, count] of wanted) {
            const found = stored.filter((log) => log[names.eventType] === event).length;
            logsFound += Math.min(found, count);
            if (found < count)
                missing.push(`a Processed sync log for ${event}${count > 1 ? ` (${count - found} of ${count})` : ''}`);
        }
        const link = links.get(chat.email);
        const linkedEmail = record
            ? String((link === 'Lead' ? record[names.lead] : record[names.contact])?.Email ?? '').toLowerCase()
            : '';
        const linked = link !== undefined && linkedEmail === chat.email;
        if (link && !linked) missing.push(`the link to the ${link} ${chat.email}`);
        return {
            chat,
            record,
            chunkCount,
            logsFound,
            failed,
            link,
            linked,
            identification: record?.[names.identification] ?? '',
            missing
        };
    });
}

function shortId(id) {
    return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}

function table(observations) {
    const mark = (ok) => (ok ? '✔' : '✘');
    return formatTable(
        ['chat', 'visitor', 'record', 'transcript', 'logs', 'identification', 'link'],
        observations.map((seen) => [
            shortId(seen.chat.comm100Id),
            seen.chat.email || '(no email)',
            mark(Boolean(seen.record)),
            seen.chat.transcript ? `${mark(seen.chunkCount > 0)} ${seen.chunkCount}` : `  ${seen.chunkCount}`,
            `${mark(seen.logsFound === seen.chat.events.length)} ${seen.logsFound}/${seen.chat.events.length}`,
            seen.identification || '—',
            seen.link ? `${mark(seen.linked)} ${seen.link}` : 'not checked'
        ])
    );
}

/** The ways org:smoke posts the chats: through the Site, or to the Apex REST endpoint with OAuth. */
export const VIA = Object.freeze(['site', 'rest']);

/**
 * The path of the package's Apex REST webhook endpoint, which an OAuth caller posts to (comm100:post --target-org).
 * @param {string} namespace
 * @returns {string}
 */
export function restEndpointPath(namespace) {
    return `/services/apexrest${namespace ? `/${namespace}` : ''}/comm100/v1/webhooks`;
}

async function run() {
    const options = parseOptions({
        usage: 'npm run org:smoke --',
        options: {
            'target-org': TARGET_ORG_OPTION,
            via: {
                type: 'string',
                default: 'site',
                description:
                    'site: through the Site webhook address; rest: to the Apex REST endpoint as the running user with OAuth (no Site; the user needs Comm100 Integration)'
            },
            url: {
                type: 'string',
                description: 'with --via site, the Site webhook address (default: build/org/<alias>/site.json)'
            },
            namespace: {
                type: 'string',
                description:
                    "the installed managed package's namespace (default: the org's own, none when deployed with --no-namespace)"
            },
            timeout: { type: 'number', default: 120, description: 'seconds to wait for the records' },
            'no-records': { type: 'boolean', description: 'do not load the sample Accounts, Contacts and Leads first' }
        }
    });
    const alias = targetOrg(options);
    const via = options.via;
    if (!VIA.includes(via)) fail(`--via takes site or rest; '${via}' is neither.`, 2);
    if (via === 'rest' && options.url !== undefined) {
        fail(
            '--url is the Site webhook address, which --via rest does not use: drop --url, or post through the Site with --via site.',
            2
        );
    }
    const site = via === 'site' ? readSite(alias, options.url) : undefined;
    const files = chatFiles();
    const chats = expectedChats(files);
    const timeoutSeconds = options.timeout;
    if (!(timeoutSeconds >= 0)) fail('--timeout takes a number of seconds, 0 or more.');

    step(`Checking the org '${alias}'`);
    const org = await requireOrg(alias);
    const namespace =
        options.namespace === undefined
            ? (await resolveNamespace(alias, undefined)).namespace
            : checkNamespace(options.namespace);
    const names = apiNames(namespace);
    detail(namespace ? `the package's names carry the namespace '${namespace}'` : 'the package has no namespace here');

    if (options['no-records']) {
        detail('not loading the sample records (--no-records)');
    } else {
        step(
            `Loading the sample Accounts, Contacts and Leads of data/sample into '${alias}' (only those not there yet)`
        );
        await ensureSampleRecords(alias);
    }

    step('Noting the sync logs the org already has for the sample chats');
    const ids = chats.map((chat) => chat.comm100Id);
    const baseline = await logIds(alias, names, ids, namespace);
    const links = await linkExpectations(alias, chats);
    detail(
        `${baseline.size} earlier log(s) will not count; ${links.size} of ${chats.length} chats must be linked to a sample record`
    );

    if (site) {
        step(
            `Posting ${files.length} chat files (${chats.length} chats) through the Site: ${maskWebhookUrl(site.webhookUrl)}`
        );
    } else {
        step(
            `Posting ${files.length} chat files (${chats.length} chats) to the Apex REST endpoint ${restEndpointPath(namespace)} as ${org.username} (OAuth, the token of sf org auth show-access-token)`
        );
    }
    const posted = await postChats(site ? site.webhookUrl : { targetOrg: alias, namespace }, files);
    if (posted.code !== 0) fail(refusedSentence(posted, files.length, alias, via));

    step(`Waiting up to ${timeoutSeconds} s for the org to store and identify the chats (sf data query every 5 s)`);
    const started = Date.now();
    let observations;
    for (;;) {
        observations = await observe(alias, names, namespace, chats, links, baseline);
        const missing = observations.reduce((sum, seen) => sum + seen.missing.length, 0);
        const failed = observations.some((seen) => seen.failed.length > 0);
        if (missing === 0 || failed) break;
        const elapsed = (Date.now() - started) / 1000;
        if (elapsed >= timeoutSeconds) break;
        detail(`${missing} result(s) still missing after ${Math.round(elapsed)} s`);
        await sleep(pollMs(5000));
    }

    console.log('');
    console.log(table(observations));
    console.log('');

    const failedLogs = observations.flatMap((seen) =>
        seen.failed.map(
            (log) =>
                `${log[names.eventType] ?? 'an event'} of ${shortId(seen.chat.comm100Id)} is ${log[names.status]} (${oneLine(log[names.reason], 300) || 'no reason given'})`
        )
    );
    const missing = observations.flatMap((seen) =>
        seen.missing.map((what) => `${shortId(seen.chat.comm100Id)}: ${what}`)
    );
    if (failedLogs.length > 0) {
        fail(
            `The org did not store every sample chat: ${failedLogs.join('; ')}. See the Comm100 Sync Logs tab of '${alias}' (Failed and Dead-Lettered).`
        );
    }
    if (missing.length > 0) {
        fail(
            `After ${Math.round((Date.now() - started) / 1000)} s the org '${alias}' still lacks ${missing.length} result(s): ${missing.join('; ')}. Look at the Comm100 Sync Logs tab (Failed and Dead-Lettered) and Setup → Apex Jobs, or wait longer with --timeout.`
        );
    }
    done(
        `All ${chats.length} sample chats went through ${site ? 'the Site' : 'the Apex REST endpoint'} and are stored, with their transcripts, sync logs and ${links.size} link(s) to sample records.`
    );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
    await main(run);
}
