// npm run package:version — builds a new version of the managed package "Comm100 for Salesforce" on the Dev Hub
// (sf package version create --package "Comm100 for Salesforce" --code-coverage --installation-key-bypass),
// waits for it, prints its subscriber package version id (04t...) and the install command, and writes
// build/package/version.json ({"subscriberPackageVersionId", "package2VersionId", "versionNumber", ...}) for
// npm run org:install. Refuses while sfdx-project.json still has the namespace or package id placeholder.
//
// Options:
//   --target-dev-hub <alias>  the Dev Hub that owns the package (default: the CLI's configured target-dev-hub)
//   --wait <minutes>          how long to wait for the version (default 60)
//   --tag <text>              a tag for the version, such as the commit id
//   --branch <name>           the branch the version is built from
//
// Needs: the Salesforce CLI on the PATH (npm run puts node_modules/.bin there), the Dev Hub logged in, and the
// project configured with the namespace and package id (PACKAGE_NAMESPACE, PACKAGE_ID, npm run package:configure).
import {
    PACKAGE_NAME,
    TARGET_DEV_HUB_OPTION,
    buildPath,
    detail,
    displayPath,
    done,
    fail,
    main,
    packagingPlaceholders,
    parseOptions,
    readProject,
    requireDevHub,
    sf,
    step,
    writeJson
} from './lib.mjs';

await main(async () => {
    const options = parseOptions({
        usage: 'npm run package:version --',
        options: {
            'target-dev-hub': TARGET_DEV_HUB_OPTION,
            wait: { type: 'number', description: 'minutes to wait for the version', default: 60 },
            tag: { type: 'string', description: 'a tag for the version, such as the commit id' },
            branch: { type: 'string', description: 'the branch the version is built from' }
        }
    });
    if (!Number.isInteger(options.wait) || options.wait < 1) {
        fail(`--wait must be a whole number of minutes, at least 1; ${options.wait} is not.`, 2);
    }
    step('Checking that sfdx-project.json names the package and its namespace');
    const project = readProject();
    const placeholders = packagingPlaceholders(project);
    if (placeholders.length > 0) {
        fail(
            `The package is not configured (${placeholders.join('; ')}): set PACKAGE_NAMESPACE and PACKAGE_ID and run \`npm run package:configure\` first.`
        );
    }
    detail(`namespace ${project.namespace}, package ${project.packageAliases[PACKAGE_NAME]}`);

    step('Checking the Dev Hub');
    const hub = await requireDevHub(options);

    const args = [
        'package',
        'version',
        'create',
        '--package',
        PACKAGE_NAME,
        '--code-coverage',
        '--installation-key-bypass',
        '--target-dev-hub',
        hub.alias,
        '--wait',
        String(options.wait)
    ];
    if (options.tag) args.push('--tag', options.tag);
    if (options.branch) args.push('--branch', options.branch);
    step(
        `Creating a version of '${PACKAGE_NAME}' on '${hub.alias}' with code coverage (up to ${options.wait} minutes)`
    );
    const result = await sf(args);
    if (result?.Status !== 'Success' || !result?.SubscriberPackageVersionId) {
        fail(
            `The package version is not ready after ${options.wait} minutes (status ${result?.Status ?? 'unknown'}): follow it with \`sf package version create report --package-create-request-id ${result?.Id} --target-dev-hub ${hub.alias}\`.`
        );
    }
    const version = {
        package: PACKAGE_NAME,
        namespace: project.namespace,
        subscriberPackageVersionId: result.SubscriberPackageVersionId,
        package2VersionId: result.Package2VersionId,
        versionNumber: result.VersionNumber,
        createRequestId: result.Id,
        codeCoverage: result.CodeCoverage,
        hasPassedCodeCoverageCheck: result.HasPassedCodeCoverageCheck,
        createdDate: result.CreatedDate,
        tag: result.Tag ?? options.tag ?? null
    };
    const file = writeJson(buildPath('package', 'version.json'), version);
    detail(`version ${version.versionNumber ?? '(number not reported)'}: ${version.subscriberPackageVersionId}`);
    if (version.codeCoverage !== null && version.codeCoverage !== undefined) {
        detail(
            `code coverage ${version.codeCoverage} %${version.hasPassedCodeCoverageCheck === false ? ' (under the 75 % a release needs)' : ''}`
        );
    }
    detail(`written to ${displayPath(file)}`);
    detail(
        `install: sf package install --package ${version.subscriberPackageVersionId} --target-org <org> --wait 30 --no-prompt`
    );
    done(`${PACKAGE_NAME} ${version.subscriberPackageVersionId}`);
});
