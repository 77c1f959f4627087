// npm run org:permsets — assigns the Comm100 Admin and Comm100 Agent permission sets to the org's running user
// (the user the CLI is logged in as), so that the Comm100 Setup tab, the chat pages and the components work.
// With --integration also Comm100 Integration: its custom permission Post Comm100 Events (Comm100_Ingest) and its
// access to Comm100WebhookResource are what an OAuth caller of the package's Apex REST endpoint needs
// (`npm run org:smoke -- --via rest` posts as the running user). An assignment that already exists counts as done,
// so the script can run again.
//
// Options:
//   --target-org <alias>  the scratch org (default: env COMM100_ORG, else comm100)
//   --integration         also assign Comm100_Integration
//
// Needs: the Salesforce CLI on the PATH (npm run puts node_modules/.bin there), the org logged in
// (npm run org:create), and the package deployed or installed in it (npm run org:deploy or org:install).
import {
    TARGET_ORG_OPTION,
    detail,
    done,
    fail,
    main,
    parseOptions,
    requireOrg,
    sfCall,
    step,
    targetOrg
} from './lib.mjs';

/** The permission sets the running user gets. */
const PERMISSION_SETS = ['Comm100_Admin', 'Comm100_Agent'];

/** The permission set of an OAuth caller of the Apex REST endpoint, with --integration. */
const INTEGRATION_PERMISSION_SET = 'Comm100_Integration';

/**
 * Names in a sentence: "A and B", "A, B and C".
 * @param {string[]} names
 * @returns {string}
 */
function listed(names) {
    return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
}

await main(async () => {
    const options = parseOptions({
        usage: 'npm run org:permsets --',
        options: {
            'target-org': TARGET_ORG_OPTION,
            integration: {
                type: 'boolean',
                description: `also assign ${INTEGRATION_PERMISSION_SET}, which an OAuth caller of the Apex REST endpoint needs (org:smoke --via rest)`
            }
        }
    });
    const alias = targetOrg(options);
    const names = options.integration ? [...PERMISSION_SETS, INTEGRATION_PERMISSION_SET] : PERMISSION_SETS;
    step(`Checking the org '${alias}'`);
    const org = await requireOrg(alias);

    step(`Assigning ${listed(names)} to ${org.username} in '${alias}'`);
    const args = ['org', 'assign', 'permset', ...names.flatMap((name) => ['--name', name]), '--target-org', alias];
    const call = await sfCall(args);
    const successes = call.result?.successes ?? [];
    const failures = call.result?.failures ?? [];
    if (!call.ok && !call.result) throw call.error;
    for (const success of successes) detail(`assigned ${success.value}`);
    const already = failures.filter((failure) => /duplicate/i.test(failure.message ?? ''));
    if (already.length > 0) detail(`already assigned: ${already.length} of ${names.length}`);
    const real = failures.filter((failure) => !already.includes(failure));
    if (real.length > 0) {
        const notFound = real.find((failure) => /not found/i.test(failure.message ?? ''));
        if (notFound) {
            fail(
                `A Comm100 permission set is not in '${alias}' (${notFound.message}): deploy the package with \`npm run org:deploy\` (or install it with \`npm run org:install\`) first.`
            );
        }
        fail(
            `Assigning the permission sets in '${alias}' failed: ${real.map((failure) => failure.message).join('; ')}`
        );
    }
    done(`${org.username} has ${listed(names)}`);
});
