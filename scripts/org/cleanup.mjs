// npm run org:cleanup — on the Dev Hub, deletes the scratch orgs the org workflows left behind that are older
// than --hours: the ActiveScratchOrg records whose OrgName is "Comm100 for Salesforce CI" (the name the workflows
// give their orgs with `npm run org:create -- --name`) and whose CreatedDate is before now minus --hours.
// Deleting an ActiveScratchOrg record deletes the scratch org and frees its place in the Dev Hub's allocation.
// A developer's scratch org carries the scratch definition's orgName ("Comm100 for Salesforce"), which
// --org-name refuses, so a shared Dev Hub's developer orgs are never touched; nor is any other org.
//
// Options:
//   --target-dev-hub <alias>  the Dev Hub (default: the CLI's configured target-dev-hub)
//   --hours <n>               the age, in hours, past which an org is stale (default 4: above the longest org
//                             workflow job's timeout, 180 minutes, so no running job's org is deleted, and well
//                             under the 1 day the workflows' orgs live)
//   --org-name <name>         the OrgName to match (default: Comm100 for Salesforce CI); never the scratch
//                             definition's orgName
//   --dry-run                 list the stale orgs without deleting them
//
// Needs: the Salesforce CLI on the PATH (npm run puts node_modules/.bin there) and the Dev Hub logged in
// (sf org login web --set-default-dev-hub --alias devhub).
import {
    SCRATCH_DEFINITION,
    TARGET_DEV_HUB_OPTION,
    detail,
    done,
    fail,
    formatTable,
    main,
    parseOptions,
    readScratchDefinition,
    requireDevHub,
    sf,
    sfQuery,
    soqlString,
    step
} from './lib.mjs';

/**
 * The age past which a CI org is stale: longer than the longest org workflow job may run (package.yml's
 * timeout-minutes, 180), so an org still in use is never deleted, and shorter than the 1 day they are created for.
 */
const DEFAULT_HOURS = 4;

/** The name the org workflows give their scratch orgs (npm run org:create -- --name), and the only one deleted here. */
const CI_ORG_NAME = 'Comm100 for Salesforce CI';

await main(async () => {
    const options = parseOptions({
        usage: 'npm run org:cleanup --',
        options: {
            'target-dev-hub': TARGET_DEV_HUB_OPTION,
            hours: {
                type: 'number',
                description: 'the age, in hours, past which an org is stale',
                default: DEFAULT_HOURS
            },
            'org-name': {
                type: 'string',
                description: "the OrgName to match, never the scratch definition's orgName",
                default: CI_ORG_NAME
            },
            'dry-run': { type: 'boolean', description: 'list the stale orgs without deleting them' }
        }
    });
    if (!(options.hours >= 0)) fail(`--hours must be 0 or more; ${options.hours} is not.`, 2);
    const orgName = options['org-name'].trim();
    if (!orgName) fail(`--org-name needs an org name, such as '${CI_ORG_NAME}'.`, 2);
    const developersName = String(readScratchDefinition().orgName ?? '').trim();
    if (developersName && orgName.toLowerCase() === developersName.toLowerCase()) {
        fail(
            `--org-name '${orgName}' is the orgName of ${SCRATCH_DEFINITION}, which every developer's \`npm run org:create\` uses: org:cleanup deletes only orgs named for CI, such as '${CI_ORG_NAME}' (\`npm run org:create -- --name "${CI_ORG_NAME}"\`); delete your own org with \`npm run org:delete\`.`,
            2
        );
    }

    step('Checking the Dev Hub');
    const hub = await requireDevHub(options);

    const cutoff = new Date(Date.now() - options.hours * 3600 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    step(
        `Finding the active scratch orgs named '${orgName}' created before ${cutoff} (older than ${options.hours} h) on '${hub.alias}'`
    );
    const { records } = await sfQuery(
        hub.alias,
        `SELECT Id, SignupUsername, OrgName, CreatedDate, ExpirationDate FROM ActiveScratchOrg WHERE OrgName = ${soqlString(orgName)} AND CreatedDate < ${cutoff} ORDER BY CreatedDate`
    );
    if (records.length === 0) {
        done('no stale scratch org');
        return;
    }
    console.log(
        formatTable(
            ['Username', 'Created', 'Expires'],
            records.map((record) => [
                record.SignupUsername ?? '',
                record.CreatedDate ?? '',
                record.ExpirationDate ?? ''
            ])
        )
    );
    if (options['dry-run']) {
        done(`${records.length} stale scratch org${records.length === 1 ? '' : 's'} (dry run: none deleted)`);
        return;
    }
    const failures = [];
    for (const record of records) {
        step(`Deleting ${record.SignupUsername} (ActiveScratchOrg ${record.Id})`);
        try {
            await sf([
                'data',
                'delete',
                'record',
                '--sobject',
                'ActiveScratchOrg',
                '--record-id',
                record.Id,
                '--target-org',
                hub.alias
            ]);
        } catch (error) {
            detail(`not deleted: ${error.message}`);
            failures.push(record.SignupUsername);
        }
    }
    if (failures.length > 0) {
        fail(
            `${failures.length} of ${records.length} stale scratch orgs could not be deleted (${failures.join(', ')}): see the messages above.`
        );
    }
    done(`deleted ${records.length} stale scratch org${records.length === 1 ? '' : 's'}`);
});
