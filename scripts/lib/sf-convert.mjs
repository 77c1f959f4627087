// `sf project convert source --root-dir DIR --output-dir OUT` and `sf project generate manifest --source-dir DIR
// --output-dir OUT --name package.xml`, run in this process with the library those commands call
// (@salesforce/source-deploy-retrieve, the copy the project's CLI uses), the way the CLI's plugin
// (@salesforce/plugin-deploy-retrieve) calls it: the same ComponentSetBuilder options, the project's registry
// presets and source API version, and the same outcome — a conversion that writes no package.xml fails. Each
// sf process costs seconds of start-up; the checks convert several projects in one run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lwc-bundles.mjs';

/** The plugin that provides both commands; the library is resolved from it, so it is the copy sf runs. */
export const CLI_PLUGIN = path.join(ROOT, 'node_modules', '@salesforce', 'plugin-deploy-retrieve');

// The CLI's library logs to a file under the home folder unless told not to; a check writes only its output.
process.env.SF_DISABLE_LOG_FILE ??= 'true';
const sdr = await import(
    pathToFileURL(createRequire(path.join(CLI_PLUGIN, 'package.json')).resolve('@salesforce/source-deploy-retrieve'))
        .href
);
const { ComponentSetBuilder, MetadataConverter, RegistryAccess } = sdr.default ?? sdr;

/** sourceApiVersion of the project's sfdx-project.json, as the CLI reads it. */
function sourceApiVersion(projectDir) {
    return JSON.parse(readFileSync(path.join(projectDir, 'sfdx-project.json'), 'utf8')).sourceApiVersion;
}

/** The answer of a command: ok, or the message sf would print. */
async function outcome(work) {
    try {
        await work();
        return { ok: true, message: '' };
    } catch (error) {
        return { ok: false, message: String(error?.message ?? error).trim() };
    }
}

/**
 * The component set both commands build from a source path. They differ in one option: convert passes the
 * project's source API version as `sourceapiversion`, generate manifest as `apiversion`.
 * @param {'sourceapiversion' | 'apiversion'} versionOption
 */
function componentsOf(projectDir, dirPath, versionOption) {
    return ComponentSetBuilder.build({
        [versionOption]: sourceApiVersion(projectDir),
        sourcepath: [path.resolve(projectDir, dirPath)],
        projectDir
    });
}

/**
 * `sf project convert source --root-dir <dirPath> --output-dir <outputDir>`, run in projectDir.
 * @returns {Promise<{ ok: boolean, message: string }>}
 */
export function convertSource(projectDir, dirPath, outputDir) {
    return outcome(async () => {
        const components = await componentsOf(projectDir, dirPath, 'sourceapiversion');
        const converter = new MetadataConverter(new RegistryAccess(undefined, projectDir));
        const result = await converter.convert(components, 'metadata', {
            type: 'directory',
            outputDirectory: path.resolve(projectDir, outputDir),
            genUniqueDir: false
        });
        if (!result.packagePath) {
            throw new Error(`nothing was converted from ${dirPath}: no package.xml written`);
        }
    });
}

/**
 * `sf project generate manifest --source-dir <dirPath> --output-dir <outputDir> --name package.xml`, run in projectDir.
 * @returns {Promise<{ ok: boolean, message: string }>}
 */
export function generateManifest(projectDir, dirPath, outputDir) {
    return outcome(async () => {
        const components = await componentsOf(projectDir, dirPath, 'apiversion');
        const target = path.resolve(projectDir, outputDir);
        mkdirSync(target, { recursive: true });
        writeFileSync(path.join(target, 'package.xml'), await components.getPackageXml());
    });
}
