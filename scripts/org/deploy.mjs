// npm run org:deploy — deploys the package source (force-app) with its test-only metadata (unpackaged) to the
// scratch org, then the post-install step: the platform event trigger's PlatformEventSubscriberConfig
// (post-install/subscriber-config, Metadata API format). A failed component is printed with its file and line.
//
// Options:
//   --target-org <alias>  the scratch org (default: env COMM100_ORG, else comm100)
//   --wait <minutes>      how long to wait for each deploy (default 30)
//
// Needs: the Salesforce CLI on the PATH (npm run puts node_modules/.bin there) and the org (npm run org:create).
import {
    TARGET_ORG_OPTION,
    deployOrFail,
    detail,
    done,
    fail,
    main,
    parseOptions,
    requireOrg,
    step,
    targetOrg
} from './lib.mjs';

/** The source folders deployed together: the package and the metadata only its Apex tests need. */
const SOURCE_DIRS = ['force-app', 'unpackaged'];

/** The post-install configuration, in Metadata API format. */
const SUBSCRIBER_CONFIG = 'post-install/subscriber-config';

await main(async () => {
    const options = parseOptions({
        usage: 'npm run org:deploy --',
        options: {
            'target-org': TARGET_ORG_OPTION,
            wait: { type: 'number', description: 'minutes to wait for each deploy', default: 30 }
        }
    });
    const alias = targetOrg(options);
    if (!Number.isInteger(options.wait) || options.wait < 1) {
        fail(`--wait must be a whole number of minutes, at least 1; ${options.wait} is not.`, 2);
    }
    step(`Checking the org '${alias}'`);
    const org = await requireOrg(alias);
    detail(`${org.username} at ${org.instanceUrl}`);

    step(`Deploying ${SOURCE_DIRS.join(' and ')} to '${alias}'`);
    const source = await deployOrFail({
        alias,
        sourceDirs: SOURCE_DIRS,
        wait: options.wait,
        what: SOURCE_DIRS.join(' and ')
    });
    detail(describe(source));

    step(`Deploying the platform event trigger's configuration (${SUBSCRIBER_CONFIG}) to '${alias}'`);
    const config = await deployOrFail({
        alias,
        metadataDir: SUBSCRIBER_CONFIG,
        wait: Math.min(options.wait, 10),
        what: SUBSCRIBER_CONFIG
    });
    detail(describe(config));
    done(`'${alias}' has the package source, its test-only metadata and the trigger configuration`);
});

function describe(result) {
    const deployed = result?.numberComponentsDeployed;
    const total = result?.numberComponentsTotal;
    const status = result?.status ?? 'done';
    return typeof deployed === 'number' ? `${status}: ${deployed} of ${total ?? deployed} components` : String(status);
}
