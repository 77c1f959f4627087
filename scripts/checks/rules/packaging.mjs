// The managed package (2GP) as sfdx-project.json declares it: what `sf package version create` needs, and a
// package directory that holds only what can be packaged, with the test-only metadata kept out of it.
//
// - "Project Configuration File for a Second-Generation Managed Package" (Second-Generation Managed Packaging
//   Developer Guide): a packaged directory names its package, versionName and versionNumber
//   (major.minor.patch.build, build a number or NEXT); definitionFile is the scratch org definition of the build
//   org; ancestorVersion or ancestorId is required once a version was promoted, and HIGHEST follows it ("Specify a
//   Package Ancestor in the Project File"); the package's alias in packageAliases maps to its 0Ho id.
// - "Specify Unpackaged Metadata ... for Package Version Creation Tests": "The unpackaged metadata isn't included
//   in the package and isn't installed in subscriber orgs ... You can't include the same metadata in both an
//   unpackaged directory and a packaged directory."
// - postInstallScript and uninstallScript name an Apex class of the package implementing InstallHandler or
//   UninstallHandler ("Run Apex on Package Install/Upgrade", "Run Apex on Package Uninstall", Apex Developer Guide).
// - The metadata types a managed 2GP package may hold are those the Metadata Coverage Report marks for 2GP managed
//   packages (https://developer.salesforce.com/docs/metadata-coverage). PACKAGEABLE lists the types this package
//   uses, each checked there; a type outside the list is reported until it is checked and added. Named and
//   external credentials: "Include these components in the package ... Named Credential, External Credential ...
//   Permission set that grants access to the external credential's principal" (Named Credentials Packaging Guide,
//   "Package Named Credentials").
//
// Test-only metadata is everything in a package directory that declares no package (the unpackagedMetadata
// directory and org-tests/). Code and metadata of the package other than Apex tests must not name it: an
// installed package would refer to something its subscribers never get.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadRegistry, sourceComponents } from '../../lib/source-components.mjs';
import {
    NAMESPACE_PATTERN,
    PACKAGE_ID_PATTERN,
    PLACEHOLDER_NAMESPACE,
    packagedDirectories
} from '../../lib/packaging.mjs';

/** Metadata types checked against the Metadata Coverage Report as packageable in a managed 2GP package. */
export const PACKAGEABLE = new Set([
    'ApexClass',
    'ApexTrigger',
    'CustomApplication',
    'CustomField',
    'CustomLabel',
    'CustomLabels',
    'CustomMetadata',
    'CustomObject',
    'CustomPermission',
    'CustomTab',
    'ExternalCredential',
    'FlexiPage',
    'Layout',
    'LightningComponentBundle',
    'ListView',
    'NamedCredential',
    'PermissionSet',
    'StaticResource',
    'ValidationRule'
]);

/** Types that must stay out of the package, with the reason. */
export const NOT_PACKAGEABLE = new Map([
    [
        'PlatformEventSubscriberConfig',
        'it names a user of the subscriber org: deploy it after install (post-install/subscriber-config)'
    ],
    ['Profile', 'a package installs no profile: grant access with permission sets'],
    ['CustomSite', 'a Site, its domain and guest user are the subscriber org’s own: the admin creates it'],
    ['Settings', 'org settings belong to the scratch org definition, not to the package']
]);

const VERSION_NUMBER = /^\d+\.\d+\.\d+\.(NEXT|\d+)$/;
const ANCESTOR_VERSION = /^(HIGHEST|NONE|\d+\.\d+\.\d+(\.\d+)?)$/;
/** Names too short or too common to look for as words in other files. */
const MIN_REFERENCE_LENGTH = 8;

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const memberOf = (fullName) => fullName.split('.').pop();

function checkProjectFile(model, report) {
    const project = model.declaredProject ?? model.project;
    const file = path.join(model.projectDir, 'sfdx-project.json');
    const packaged = packagedDirectories(project);
    if (packaged.length === 0) {
        return;
    }
    const namespace = project.namespace ?? '';
    if (!NAMESPACE_PATTERN.test(namespace)) {
        report(
            file,
            namespace === ''
                ? `"namespace" is empty: a managed package needs one (commit the placeholder "${PLACEHOLDER_NAMESPACE}", which npm run package:configure replaces)`
                : `"namespace" "${namespace}" is not a namespace prefix (1-15 letters, digits and single underscores, a letter first, no trailing underscore)`
        );
    }
    const dirs = project.packageDirectories ?? [];
    for (const dir of packaged) {
        const label = `package directory ${dir.path} (package "${dir.package}")`;
        if (!dir.versionName) {
            report(file, `${label} has no versionName`);
        }
        if (!VERSION_NUMBER.test(dir.versionNumber ?? '')) {
            report(
                file,
                `${label} has versionNumber "${dir.versionNumber ?? ''}": write major.minor.patch.NEXT or .<build>`
            );
        }
        if (!dir.definitionFile) {
            report(
                file,
                `${label} has no definitionFile: sf package version create builds in an org of that definition`
            );
        } else if (!existsSync(path.join(model.projectDir, dir.definitionFile))) {
            report(file, `${label} has definitionFile ${dir.definitionFile}, which does not exist`);
        }
        const ancestor = dir.ancestorVersion ?? dir.ancestorId;
        if (ancestor === undefined) {
            report(file, `${label} has neither ancestorVersion nor ancestorId: write "ancestorVersion": "HIGHEST"`);
        } else if (dir.ancestorVersion !== undefined && !ANCESTOR_VERSION.test(dir.ancestorVersion)) {
            report(
                file,
                `${label} has ancestorVersion "${dir.ancestorVersion}": write HIGHEST, NONE or major.minor.patch`
            );
        }
        const alias = project.packageAliases?.[dir.package];
        if (!alias) {
            report(file, `packageAliases has no entry for "${dir.package}": map it to the package's 0Ho id`);
        } else if (!PACKAGE_ID_PATTERN.test(alias)) {
            report(file, `packageAliases["${dir.package}"] is "${alias}", not a package id (0Ho…)`);
        }
        for (const [key, iface] of [
            ['postInstallScript', 'InstallHandler'],
            ['uninstallScript', 'UninstallHandler']
        ]) {
            const name = dir[key];
            if (name === undefined) {
                continue;
            }
            const apexClass = model.classes.get(name);
            if (!apexClass || !apexClass.file.startsWith(path.join(model.projectDir, dir.path) + path.sep)) {
                report(file, `${label}: ${key} ${name} is not an Apex class of that directory`);
            } else if (!new RegExp(`\\bimplements\\b[^{]*\\b${iface}\\b`, 'i').test(apexClass.text)) {
                report(apexClass.file, `${key} ${name} does not implement ${iface}`);
            }
        }
        const unpackaged = dir.unpackagedMetadata?.path;
        if (unpackaged !== undefined) {
            const listed = dirs.find((d) => path.normalize(d.path) === path.normalize(unpackaged));
            if (!existsSync(path.join(model.projectDir, unpackaged))) {
                report(file, `${label}: unpackagedMetadata ${unpackaged} does not exist`);
            } else if (!listed) {
                report(
                    file,
                    `${label}: unpackagedMetadata ${unpackaged} is not a package directory, so no deploy takes it`
                );
            } else if (listed.package) {
                report(
                    file,
                    `${label}: unpackagedMetadata ${unpackaged} declares package "${listed.package}": it would be packaged`
                );
            }
        }
    }
}

function isApexTest(model, file) {
    const text = model.classes.get(path.basename(file, '.cls'))?.text ?? '';
    return file.endsWith('.cls') && /@IsTest\b/i.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''));
}

function checkContents(model, report) {
    const project = model.declaredProject ?? model.project;
    const packaged = packagedDirectories(project);
    if (packaged.length === 0) {
        return;
    }
    const registry = loadRegistry();
    const unpackagedDirs = (project.packageDirectories ?? []).filter((d) => !d.package);
    const testOnly = new Map();
    for (const dir of unpackagedDirs) {
        const root = path.join(model.projectDir, dir.path);
        if (!existsSync(root)) {
            continue;
        }
        for (const [key, component] of sourceComponents(root, registry).components) {
            testOnly.set(key, { ...component, dir: dir.path });
        }
    }
    // Test-only names as they appear in other files: a member name (a field's, a rule's) counts only in a file
    // that also names its object.
    const referenceNames = new Map();
    for (const component of testOnly.values()) {
        const member = memberOf(component.fullName);
        const object = component.fullName.includes('.') ? component.fullName.split('.')[0] : undefined;
        if (member.length >= MIN_REFERENCE_LENGTH) {
            referenceNames.set(member, [...(referenceNames.get(member) ?? []), { ...component, object }]);
        }
    }
    const word = (name) => new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(name)}(?![A-Za-z0-9_])`);
    const pattern =
        referenceNames.size > 0
            ? new RegExp(
                  `(?<![A-Za-z0-9_])(${[...referenceNames.keys()].map(escapeRegExp).join('|')})(?![A-Za-z0-9_])`,
                  'g'
              )
            : undefined;

    for (const dir of packaged) {
        const root = path.join(model.projectDir, dir.path);
        const { components } = sourceComponents(root, registry);
        const typesReported = new Set();
        for (const [key, component] of components) {
            const where = path.join(root, component.files[0]);
            if (NOT_PACKAGEABLE.has(component.type)) {
                report(
                    where,
                    `${component.type} ${component.fullName} cannot be in the package: ${NOT_PACKAGEABLE.get(component.type)}`
                );
            } else if (!PACKAGEABLE.has(component.type) && !typesReported.has(component.type)) {
                typesReported.add(component.type);
                report(
                    where,
                    `${component.type} is not on the list of types checked against the Metadata Coverage Report for managed 2GP packages (scripts/checks/rules/packaging.mjs): check it there and add it, or move ${component.fullName} out of ${dir.path}`
                );
            }
            const twin = testOnly.get(key);
            if (twin) {
                report(
                    where,
                    `${component.type} ${component.fullName} is in both ${dir.path} and ${twin.dir}: metadata cannot be both packaged and unpackaged`
                );
            }
        }
        if (!pattern) {
            continue;
        }
        const files = model.files.filter(
            (f) => f.startsWith(root + path.sep) && /\.(cls|trigger|xml|js|html|page|component|json)$/.test(f)
        );
        for (const file of files) {
            const isTest = isApexTest(model, file);
            const text = readFileSync(file, 'utf8');
            const named = new Set([...text.matchAll(pattern)].map((m) => m[1]));
            for (const name of named) {
                for (const component of referenceNames.get(name)) {
                    if (component.object && !word(component.object).test(text)) {
                        continue;
                    }
                    // The unpackagedMetadata directory is deployed for the package's Apex tests, so they may use its
                    // metadata, but not its Apex: the whole package compiles in every subscriber org. Nothing in
                    // the package may use another unpackaged directory (org-tests/): no package build deploys it.
                    const forTests = component.dir === dir.unpackagedMetadata?.path;
                    const apex = component.type === 'ApexClass' || component.type === 'ApexTrigger';
                    if (isTest && forTests && !apex) {
                        continue;
                    }
                    report(
                        file,
                        !forTests
                            ? `names ${name}, ${component.type} of ${component.dir}, which no package build deploys and no subscriber org has: nothing in the package may use it`
                            : apex
                              ? `names ${name}, Apex of ${component.dir}: the package compiles in subscriber orgs, where it does not exist, so not even an Apex test may use it`
                              : `names ${name}, test-only metadata (${component.type} in ${component.dir}) that no subscriber org has: only Apex tests may use it`
                    );
                }
            }
        }
    }
}

export default {
    name: 'packaging',
    group: 'metadata',
    description:
        'sfdx-project.json is ready for sf package version create (a namespace prefix, versionName, versionNumber, definitionFile, an ancestor, the package id alias, install and uninstall classes implementing their interfaces, an unpackagedMetadata directory that is deployable and unpackaged); the package directory holds only types checked as packageable in managed 2GP, nothing that is also in a test-only directory, and names test-only metadata only in Apex tests and only from the unpackagedMetadata directory, never its Apex and never another unpackaged directory',
    check(model, report) {
        checkProjectFile(model, report);
        checkContents(model, report);
    }
};
