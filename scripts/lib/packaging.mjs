// The 2GP managed package as sfdx-project.json declares it, and the placeholders it is committed with.
//
// The namespace and the package id belong to the Dev Hub that owns the package, so the repository holds
// placeholders that `npm run package:configure` replaces (from PACKAGE_NAMESPACE and PACKAGE_ID) before
// `sf package version create`. While the placeholder is there the project is developed without a namespace:
// scratch orgs are created with --no-namespace and the project's checks treat the namespace as empty.

/** The namespace sfdx-project.json is committed with: a valid namespace prefix that no Dev Hub owns. */
export const PLACEHOLDER_NAMESPACE = 'c100placeholder';

/** The package id (0Ho) sfdx-project.json's packageAliases is committed with. */
export const PLACEHOLDER_PACKAGE_ID = '0Ho000000000000AAA';

/**
 * A namespace prefix: 1 to 15 characters, a letter first, letters, digits and single underscores, not ending in
 * an underscore (Second-Generation Managed Packaging Developer Guide, "Create and Register Your Namespace").
 */
export const NAMESPACE_PATTERN = /^(?=.{1,15}$)[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)$/;

/** A package id: 0Ho followed by 12 or 15 characters (15- or 18-character Salesforce id). */
export const PACKAGE_ID_PATTERN = /^0Ho[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;

/** True when the namespace is the committed placeholder (in any case). */
export function isPlaceholderNamespace(namespace) {
    return (namespace ?? '').toLowerCase() === PLACEHOLDER_NAMESPACE;
}

/** The namespace the project is developed with: the declared one, or '' while it is the placeholder. */
export function effectiveNamespace(project) {
    const declared = project?.namespace ?? '';
    return isPlaceholderNamespace(declared) ? '' : declared;
}

/** The package directories that declare a package (the ones `sf package version create` builds). */
export function packagedDirectories(project) {
    return (project?.packageDirectories ?? []).filter((dir) => typeof dir.package === 'string' && dir.package !== '');
}
