// npm run org:create — creates a scratch org from config/project-scratch-def.json on the Dev Hub and gives it
// an alias. While sfdx-project.json's namespace is empty or the placeholder (c100placeholder), the org is
// created with --no-namespace, so source deploys without a namespace. An alias that already names a live org
// is refused (delete it first), so no org is lost track of. The org is created without the package's ancestor
// versions (sf's --no-ancestors) unless --ancestors: a developer's or CI's scratch org does not need them, and with the
// real namespace and no released version yet, the ancestorVersion HIGHEST of sfdx-project.json would fail the create
// (NoMatchingAncestorError: the CLI looks the ancestor up unless --no-namespace or --no-ancestors is given).
//
// Options:
//   --target-org <alias>      the alias of the new org (default: env COMM100_ORG, else comm100)
//   --target-dev-hub <alias>  the Dev Hub (default: the CLI's configured target-dev-hub)
//   --duration-days <n>       days before the org expires, 1 to 30 (default 7; --days is the same)
//   --wait <minutes>          how long to wait for the org (default 20)
//   --name <org name>         the org's name (sf org create scratch --name, in place of the definition's orgName
//                             "Comm100 for Salesforce"); the org workflows name theirs "Comm100 for Salesforce CI",
//                             the only name npm run org:cleanup deletes
//   --set-default             also make it the CLI's default target-org
//   --ancestors               include the package's ancestor versions (without it, sf's --no-ancestors is passed);
//                             needs a released version for sfdx-project.json's ancestorVersion
//   --no-ancestors            the default: do not include them (accepted for scripts that pass it)
//   --no-namespace            create the org without the namespace even when one is configured
//
// Needs: the Salesforce CLI on the PATH (npm run puts node_modules/.bin there) and a Dev Hub logged in
// (sf org login web --set-default-dev-hub --alias devhub).
import {
    DEFAULT_ORG_ALIAS,
    SCRATCH_DEFINITION,
    TARGET_DEV_HUB_OPTION,
    TARGET_ORG_OPTION,
    detail,
    done,
    fail,
    main,
    parseOptions,
    projectNamespace,
    requireDevHub,
    sf,
    sfCall,
    step,
    targetOrg
} from './lib.mjs';

await main(async () => {
    const options = parseOptions({
        usage: 'npm run org:create --',
        options: {
            'target-org': TARGET_ORG_OPTION,
            'target-dev-hub': TARGET_DEV_HUB_OPTION,
            'duration-days': { type: 'number', description: 'days before the org expires, 1 to 30', default: 7 },
            days: { type: 'number', description: 'the same as --duration-days' },
            wait: { type: 'number', description: 'minutes to wait for the org', default: 20 },
            name: {
                type: 'string',
                description:
                    'the org name, in place of the definition\'s orgName (the org workflows use "Comm100 for Salesforce CI", which org:cleanup deletes)'
            },
            'set-default': { type: 'boolean', description: "also make it the CLI's default target-org" },
            ancestors: {
                type: 'boolean',
                description: "include the package's ancestor versions (needs a released version of the package)"
            },
            'no-ancestors': { type: 'boolean', description: 'do not include the ancestor versions (the default)' },
            'no-namespace': { type: 'boolean', description: 'create the org without the namespace' }
        }
    });
    const alias = targetOrg(options);
    const days = options.days ?? options['duration-days'];
    if (!Number.isInteger(days) || days < 1 || days > 30) {
        fail(`--duration-days must be a whole number from 1 to 30; ${days} is not.`, 2);
    }
    if (!Number.isInteger(options.wait) || options.wait < 1) {
        fail(`--wait must be a whole number of minutes, at least 1; ${options.wait} is not.`, 2);
    }
    if (options.ancestors && options['no-ancestors']) {
        fail('--ancestors and --no-ancestors contradict each other: give one of them.', 2);
    }
    const withAncestors = Boolean(options.ancestors);
    const orgName = options.name?.trim();
    if (orgName === '') fail('--name needs an org name, such as "Comm100 for Salesforce CI".', 2);

    step('Checking the Dev Hub');
    const hub = await requireDevHub(options);
    detail(`Dev Hub: ${hub.alias}${hub.username && hub.username !== hub.alias ? ` (${hub.username})` : ''}`);

    step(`Checking that no live org is already called '${alias}'`);
    const existing = await sfCall(['org', 'display', '--target-org', alias]);
    if (existing.ok) {
        const status = existing.result?.status;
        if (typeof status === 'string' && /^(expired|deleted)$/i.test(status)) {
            detail(`'${alias}' names an ${status.toLowerCase()} org: the new one takes the alias`);
        } else {
            fail(
                `An org called '${alias}' already exists (${existing.result?.username ?? 'unknown user'}): use it, delete it first with \`npm run org:delete -- --target-org ${alias}\`, or pass another --target-org.`
            );
        }
    }

    const namespace = projectNamespace();
    const withoutNamespace = options['no-namespace'] || !namespace;
    const args = [
        'org',
        'create',
        'scratch',
        '--definition-file',
        SCRATCH_DEFINITION,
        '--alias',
        alias,
        '--target-dev-hub',
        hub.alias,
        '--duration-days',
        String(days),
        '--wait',
        String(options.wait)
    ];
    if (orgName) args.push('--name', orgName);
    if (options['set-default']) args.push('--set-default');
    if (withoutNamespace) args.push('--no-namespace');
    if (!withAncestors) args.push('--no-ancestors');
    step(
        `Creating scratch org '${alias}'${orgName ? ` named '${orgName}'` : ''} from ${SCRATCH_DEFINITION} on '${hub.alias}' (${days} day${days === 1 ? '' : 's'}, ${withoutNamespace ? 'no namespace' : `namespace ${namespace}, ${withAncestors ? "with the package's ancestors" : 'no ancestors'}`}; up to ${options.wait} minutes)`
    );
    const result = await sf(args);
    const username = result?.username ?? result?.authFields?.username ?? 'unknown user';
    const orgId = result?.orgId ?? result?.authFields?.orgId ?? '';
    for (const warning of result?.warnings ?? []) detail(`warning: ${warning}`);
    done(`Scratch org '${alias}' is ready: ${username}${orgId ? ` (${orgId})` : ''}`);
    detail(`next: npm run org:deploy${alias === DEFAULT_ORG_ALIAS ? '' : ` -- --target-org ${alias}`}`);
});
