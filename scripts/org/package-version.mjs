// npm run package:version — builds a new version of the managed package "Comm100 for Salesforce" on the Dev Hub
// (sf package version create --package "Comm100 for Salesforce" --code-coverage --installation-key-bypass),
// waits for it, prints its subscriber package version id (04t...) and the install command, and writes
// build/package/version.json ({"subscriberPackageVersionId", "package2VersionId", "versionNumber", ...}) for
// npm run org:install. Refuses while sfdx-project.json still has the namespace or package id placeholder.
//
// The first version. sfdx-project.json says "ancestorVersion": "HIGHEST" (the highest released version), and
// sf package version create refuses HIGHEST while no version is released ("No matching ancestor found"). So when
// the Dev Hub has no released version of the package, this version is built with "NONE" (no ancestor, allowed
// only then): sfdx-project.json says NONE for the length of the build and is put back as it was afterwards.
//
// Options:
//   --target-dev-hub <alias>  the Dev Hub that owns the package (default: the CLI's configured target-dev-hub)
//   --wait <minutes>          how long to wait for the version (default 60)
//   --tag <text>              a tag for the version, such as the commit id
//   --branch <name>           the branch the version is built from
//
// Needs: the Salesforce CLI on the PATH (npm run puts node_modules/.bin there), the Dev Hub logged in, and the
// project configured with the namespace and package id (PACKAGE_NAMESPACE, PACKAGE_ID, npm run package:configure).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packagedDirectories } from '../lib/packaging.mjs';
import {
    PACKAGE_NAME,
    SfError,
    TARGET_DEV_HUB_OPTION,
    buildPath,
    detail,
    displayPath,
    done,
    fail,
    main,
    packagingPlaceholders,
    parseOptions,
    projectRoot,
    readProject,
    requireDevHub,
    sf,
    sfQuery,
    soqlString,
    step,
    writeJson
} from './lib.mjs';

/**
 * With ancestorVersion (or ancestorId) HIGHEST and no released version on the Dev Hub, writes NONE into
 * sfdx-project.json for the first version. Returns what puts the file back.
 * @returns {Promise<() => void>}
 */
async function ancestorForFirstVersion(hub, project) {
    const [packaged] = packagedDirectories(project);
    const highest = [packaged?.ancestorVersion, packaged?.ancestorId].includes('HIGHEST');
    if (!highest) {
        return () => {};
    }
    // The same question sf asks to resolve HIGHEST (packaging's getAncestorIdHighestRelease): a released,
    // undeprecated major or minor version.
    step('Looking for a released version of the package (the ancestor HIGHEST names)');
    const packageId = project.packageAliases[PACKAGE_NAME];
    const released = await sfQuery(
        hub.alias,
        `SELECT Id FROM Package2Version WHERE Package2Id = ${soqlString(packageId)} AND IsReleased = true AND IsDeprecated = false AND PatchVersion = 0 LIMIT 1`,
        { tooling: true }
    );
    if (released.totalSize > 0) {
        detail('a released version exists: the new version descends from the highest one');
        return () => {};
    }
    const file = path.join(projectRoot(), 'sfdx-project.json');
    const original = readFileSync(file, 'utf8');
    const first = JSON.parse(original);
    const dir = packagedDirectories(first)[0];
    delete dir.ancestorId;
    dir.ancestorVersion = 'NONE';
    writeFileSync(file, `${JSON.stringify(first, null, 2)}\n`);
    detail('no version is released yet: this first version is built with ancestorVersion NONE');
    return () => writeFileSync(file, original);
}

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
    const restoreAncestor = await ancestorForFirstVersion(hub, project);
    step(
        `Creating a version of '${PACKAGE_NAME}' on '${hub.alias}' with code coverage (up to ${options.wait} minutes)`
    );
    // An interrupted wait must not leave NONE in sfdx-project.json either.
    const interrupted = (signal) => {
        restoreAncestor();
        process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    let result;
    try {
        // sf would add a "<package>@<version>" alias to sfdx-project.json; the version's id goes to version.json.
        result = await sf(args, { env: { SF_PROJECT_AUTOUPDATE_DISABLE_FOR_PACKAGE_VERSION_CREATE: 'true' } });
    } catch (error) {
        // Past --wait the CLI throws PollingClientTimeout, with the request's id in its data (packaging's
        // PackageVersion.create), instead of answering the request: the build goes on.
        if (error instanceof SfError && error.sfName === 'PollingClientTimeout') {
            const requestId = error.json?.data?.VersionCreateRequestId;
            const report = requestId
                ? `sf package version create report --package-create-request-id ${requestId} --target-dev-hub ${hub.alias}`
                : `sf package version create list --created-last-days 1 --target-dev-hub ${hub.alias}`;
            fail(
                `The package version is still being built after ${options.wait} minutes: follow it with \`${report}\`.`
            );
        }
        throw error;
    } finally {
        process.removeListener('SIGINT', interrupted);
        process.removeListener('SIGTERM', interrupted);
        restoreAncestor();
    }
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
