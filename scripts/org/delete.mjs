// npm run org:delete — deletes the scratch org, without a prompt. An org the CLI does not know (already
// deleted, or never created) is not an error: there is nothing to delete.
//
// Options:
//   --target-org <alias>  the scratch org (default: env COMM100_ORG, else comm100)
//
// Needs: the Salesforce CLI on the PATH (npm run puts node_modules/.bin there).
import { TARGET_ORG_OPTION, done, isOrgNotFound, main, parseOptions, sfCall, step, targetOrg } from './lib.mjs';

await main(async () => {
    const options = parseOptions({
        usage: 'npm run org:delete --',
        options: { 'target-org': TARGET_ORG_OPTION }
    });
    const alias = targetOrg(options);
    step(`Deleting the scratch org '${alias}'`);
    const call = await sfCall(['org', 'delete', 'scratch', '--target-org', alias, '--no-prompt']);
    if (!call.ok) {
        if (isOrgNotFound(call.error)) {
            done(`no org '${alias}' is known to the Salesforce CLI: nothing to delete`);
            return;
        }
        throw call.error;
    }
    done(`deleted '${alias}' (${call.result?.username ?? 'unknown user'})`);
});
