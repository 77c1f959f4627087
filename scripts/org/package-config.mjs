#!/usr/bin/env node
// Puts the package's real namespace and package id into sfdx-project.json, in place of the committed
// placeholders (scripts/lib/packaging.mjs), before `sf package version create`. The package job of the
// GitHub workflow runs it with the repository variables PACKAGE_NAMESPACE and PACKAGE_ID; never commit the result.
//
//   npm run package:configure [-- --namespace <ns>] [--package-id <0Ho…>] [--check] [--project-dir <dir>]
//
//   --namespace <ns>       the namespace registered and linked to the Dev Hub (default: env PACKAGE_NAMESPACE)
//   --package-id <0Ho…>    the id `sf package create` printed (default: env PACKAGE_ID)
//   --check                change nothing; exit 1 naming each placeholder still in sfdx-project.json
//   --project-dir <dir>    the project (default: the repository)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NAMESPACE_PATTERN, PACKAGE_ID_PATTERN, packagedDirectories } from '../lib/packaging.mjs';
import { ROOT, done, fail, main, packagingPlaceholders, parseOptions, step } from './lib.mjs';

await main(async () => {
    const options = parseOptions({
        usage: 'npm run package:configure --',
        options: {
            namespace: {
                type: 'string',
                description: 'the namespace linked to the Dev Hub (default: PACKAGE_NAMESPACE)'
            },
            'package-id': { type: 'string', description: 'the package id, 0Ho… (default: PACKAGE_ID)' },
            check: {
                type: 'boolean',
                description: 'change nothing; fail naming each placeholder left',
                default: false
            },
            'project-dir': { type: 'string', description: 'the project (default: the repository)' }
        }
    });
    const file = path.join(path.resolve(options['project-dir'] ?? ROOT), 'sfdx-project.json');
    const project = JSON.parse(readFileSync(file, 'utf8'));
    const packaged = packagedDirectories(project);
    if (packaged.length !== 1) {
        fail(`${file} declares ${packaged.length} packaged directories; this script configures exactly one.`);
    }
    const [{ package: packageName }] = packaged;

    if (options.check) {
        const left = packagingPlaceholders(project);
        if (left.length > 0) {
            fail(
                `sfdx-project.json is not configured for packaging: ${left.join('; ')}. ` +
                    'Run npm run package:configure with PACKAGE_NAMESPACE and PACKAGE_ID set.'
            );
        }
        done(
            `sfdx-project.json names namespace ${project.namespace} and package ${project.packageAliases[packageName]}`
        );
        return;
    }

    const namespace = options.namespace ?? process.env.PACKAGE_NAMESPACE ?? '';
    const packageId = options['package-id'] ?? process.env.PACKAGE_ID ?? '';
    if (namespace === '') {
        fail('No namespace: set PACKAGE_NAMESPACE (the namespace linked to the Dev Hub) or pass --namespace.');
    }
    if (!NAMESPACE_PATTERN.test(namespace)) {
        fail(`"${namespace}" is not a namespace prefix (1-15 letters, digits and single underscores, a letter first).`);
    }
    if (packageId === '') {
        fail(
            `No package id: set PACKAGE_ID (the 0Ho id of "${packageName}"; sf package list --target-dev-hub <alias> shows it) or pass --package-id.`
        );
    }
    if (!PACKAGE_ID_PATTERN.test(packageId)) {
        fail(`"${packageId}" is not a package id (0Ho followed by 12 or 15 letters and digits).`);
    }

    step(`Setting namespace ${namespace} and package "${packageName}" = ${packageId} in sfdx-project.json`);
    project.namespace = namespace;
    project.packageAliases = { ...project.packageAliases, [packageName]: packageId };
    writeFileSync(file, `${JSON.stringify(project, null, 2)}\n`);
    done('sfdx-project.json is configured for sf package version create (do not commit this change)');
});
