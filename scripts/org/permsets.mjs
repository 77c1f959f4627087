// npm run org:permsets — assigns the Comm100 Admin and Comm100 Agent permission sets to the org's running user
// (the user the CLI is logged in as), so that the Comm100 Setup tab, the chat pages and the components work.
// An assignment that already exists counts as done, so the script can run again.
//
// Options:
//   --target-org <alias>  the scratch org (default: env COMM100_ORG, else comm100)
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

await main(async () => {
    const options = parseOptions({
        usage: 'npm run org:permsets --',
        options: { 'target-org': TARGET_ORG_OPTION }
    });
    const alias = targetOrg(options);
    step(`Checking the org '${alias}'`);
    const org = await requireOrg(alias);

    step(`Assigning ${PERMISSION_SETS.join(' and ')} to ${org.username} in '${alias}'`);
    const args = [
        'org',
        'assign',
        'permset',
        ...PERMISSION_SETS.flatMap((name) => ['--name', name]),
        '--target-org',
        alias
    ];
    const call = await sfCall(args);
    const successes = call.result?.successes ?? [];
    const failures = call.result?.failures ?? [];
    if (!call.ok && !call.result) throw call.error;
    for (const success of successes) detail(`assigned ${success.value}`);
    const already = failures.filter((failure) => /duplicate/i.test(failure.message ?? ''));
    if (already.length > 0) detail(`already assigned: ${already.length} of ${PERMISSION_SETS.length}`);
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
    done(`${org.username} has ${PERMISSION_SETS.join(' and ')}`);
});
