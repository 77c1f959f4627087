// npm run org:install — installs a version of the managed package into the scratch org
// (sf package install --package <04t...> --wait --no-prompt), waiting up to --publish-wait for a version just
// built to become installable, then deploys the post-install step: the platform event trigger's
// PlatformEventSubscriberConfig (post-install/subscriber-config) with the trigger's namespaced name
// (<namespace>__Comm100EventTrigger), from a temporary copy (the repository's files are not edited).
//
// No documentation confirms that a subscriber org may configure a managed package's trigger this way, so the
// configuration is tried, and an org that refuses it does not fail the install: org:install then prints a warning
// naming what was refused, that the trigger runs as Automated Process with the platform's default batch size, and
// the README step that covers it (Connect Comm100, step 3), and exits 0. Any other failure (no org, a deploy still
// running after its wait) still fails.
//
// Options:
//   --target-org <alias>     the scratch org (default: env COMM100_ORG, else comm100)
//   --package <04t...>       the subscriber package version id (default: build/package/version.json, written by
//                            npm run package:version)
//   --namespace <ns>         the package's namespace (default: version.json's, else sfdx-project.json's)
//   --wait <minutes>         how long to wait for the install (default 30)
//   --publish-wait <minutes> how long to wait for the version to become installable (default 10)
//
// Needs: the Salesforce CLI on the PATH (npm run puts node_modules/.bin there), the org (npm run org:create),
// and a package version (npm run package:version, or --package).
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
    SfError,
    TARGET_ORG_OPTION,
    buildPath,
    deploy,
    detail,
    displayPath,
    done,
    fail,
    isOrgNotFound,
    main,
    noOrgSentence,
    parseOptions,
    projectNamespace,
    projectRoot,
    readJson,
    requireOrg,
    sfCall,
    step,
    targetOrg
} from './lib.mjs';

/** The post-install configuration, in Metadata API format. */
const SUBSCRIBER_CONFIG = 'post-install/subscriber-config';

/** The platform event trigger the configuration names. */
const TRIGGER = 'Comm100EventTrigger';

/** The README step that deploys the trigger configuration by hand. */
const README_STEP = 'README.md, Connect Comm100, step 3 (Deploy the trigger configuration)';

await main(async () => {
    const options = parseOptions({
        usage: 'npm run org:install --',
        options: {
            'target-org': TARGET_ORG_OPTION,
            package: { type: 'string', description: 'the subscriber package version id (04t...)' },
            namespace: { type: 'string', description: "the package's namespace" },
            wait: { type: 'number', description: 'minutes to wait for the install', default: 30 },
            'publish-wait': {
                type: 'number',
                description: 'minutes to wait for the version to become installable',
                default: 10
            }
        }
    });
    const alias = targetOrg(options);
    for (const name of ['wait', 'publish-wait']) {
        if (!Number.isInteger(options[name]) || options[name] < 0) {
            fail(`--${name} must be a whole number of minutes; ${options[name]} is not.`, 2);
        }
    }
    const versionFile = buildPath('package', 'version.json');
    const version = options.package ? undefined : readJson(versionFile);
    const packageId = options.package ?? version?.subscriberPackageVersionId;
    if (!packageId) {
        fail(
            `No package version to install: build one with \`npm run package:version\` (it writes ${displayPath(versionFile)}) or pass --package <04t...>.`
        );
    }
    if (!/^04t[0-9A-Za-z]{12}([0-9A-Za-z]{3})?$/.test(packageId)) {
        fail(`'${packageId}' is not a subscriber package version id (04t followed by 12 or 15 characters).`, 2);
    }
    const namespace = options.namespace ?? version?.namespace ?? projectNamespace();

    step(`Checking the org '${alias}'`);
    await requireOrg(alias);

    step(`Installing ${packageId} into '${alias}' (up to ${options['publish-wait']} + ${options.wait} minutes)`);
    const call = await sfCall([
        'package',
        'install',
        '--package',
        packageId,
        '--target-org',
        alias,
        '--wait',
        String(options.wait),
        '--publish-wait',
        String(options['publish-wait']),
        '--no-prompt'
    ]);
    if (!call.ok) {
        if (isOrgNotFound(call.error)) fail(noOrgSentence(alias));
        throw call.error;
    }
    const status = call.result?.Status;
    if (status !== 'SUCCESS') {
        fail(
            `The install of ${packageId} into '${alias}' is not finished (status ${status ?? 'unknown'}): follow it with \`sf package install report --request-id ${call.result?.Id} --target-org ${alias}\`.`
        );
    }
    detail(`installed (request ${call.result?.Id})`);

    /** The components of the trigger configuration the org refused: none when it took it, or it was not tried. */
    let refused = [];
    if (!namespace) {
        detail(
            `no namespace known: the trigger configuration (${SUBSCRIBER_CONFIG}) is not deployed; pass --namespace <ns> to deploy it`
        );
    } else {
        step(`Deploying the platform event trigger's configuration for ${namespace}__${TRIGGER} to '${alias}'`);
        const copy = mkdtempSync(path.join(os.tmpdir(), 'comm100-subscriber-config-'));
        try {
            cpSync(path.join(projectRoot(), SUBSCRIBER_CONFIG), copy, { recursive: true });
            const configDir = path.join(copy, 'PlatformEventSubscriberConfigs');
            for (const file of readdirSync(configDir)) {
                const full = path.join(configDir, file);
                const text = readFileSync(full, 'utf8');
                writeFileSync(
                    full,
                    text.replace(
                        `<platformEventConsumer>${TRIGGER}</platformEventConsumer>`,
                        `<platformEventConsumer>${namespace}__${TRIGGER}</platformEventConsumer>`
                    )
                );
            }
            refused = await deployRefusals({
                alias,
                metadataDir: copy,
                wait: 10,
                what: `${SUBSCRIBER_CONFIG} (namespaced)`
            });
        } finally {
            rmSync(copy, { recursive: true, force: true });
        }
    }
    if (refused.length > 0) {
        console.error(
            `⚠ Warning: '${alias}' refused the platform event trigger's configuration for ${namespace}__${TRIGGER} (${SUBSCRIBER_CONFIG}, PlatformEventSubscriberConfig):`
        );
        for (const line of refused.slice(0, 10)) console.error(`    ${line}`);
        if (refused.length > 10) console.error(`    ... and ${refused.length - 10} more`);
        console.error(
            "  The package is installed, but its trigger runs as Automated Process with the platform's default batch size until the configuration is deployed: see " +
                `${README_STEP}.`
        );
    }
    done(
        `'${alias}' has ${packageId} installed${namespace ? ` (namespace ${namespace})` : ''}${refused.length > 0 ? `, without the trigger configuration (see the warning above)` : ''}`
    );
});

/**
 * Deploys and returns what the org refused, one line each: its failed components, or the deploy's own error when it
 * failed without naming a component. Empty when the deploy succeeded. No org, a deploy still running after its wait
 * and any other failed call still fail (deploy()).
 * @param {{ alias: string, metadataDir: string, wait: number, what: string }} options
 * @returns {Promise<string[]>}
 */
async function deployRefusals(options) {
    try {
        return (await deploy(options)).failures;
    } catch (error) {
        const result = error instanceof SfError ? error.json?.result : undefined;
        if (result?.status !== 'Failed') throw error;
        return [String(result.errorMessage || error.message).split('\n')[0]];
    }
}
