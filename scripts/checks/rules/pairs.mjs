// Source files and their -meta.xml come in pairs; LWC bundles and static resources are complete.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SOURCE_SUFFIXES = ['.cls', '.trigger', '.page', '.component'];

export default {
    name: 'pairs',
    group: 'metadata',
    description:
        'every class, trigger, page and component has its -meta.xml and every -meta.xml its source; every LWC bundle has <name>.js and <name>.js-meta.xml; every static resource has its content and its -meta.xml, and one declared application/json parses',
    check(model, report) {
        for (const file of model.files) {
            const suffix = SOURCE_SUFFIXES.find((s) => file.endsWith(s));
            if (suffix && !existsSync(`${file}-meta.xml`)) {
                report(file, `has no ${path.basename(file)}-meta.xml: sf would silently leave it out of the deploy`);
            }
            const metaSuffix = SOURCE_SUFFIXES.find((s) => file.endsWith(`${s}-meta.xml`));
            if (metaSuffix && !existsSync(file.slice(0, -'-meta.xml'.length))) {
                report(file, `has no ${path.basename(file).slice(0, -'-meta.xml'.length)} source file`);
            }
        }
        for (const bundle of model.bundles.values()) {
            if (!existsSync(bundle.metaFile)) {
                report(bundle.dir, `LWC bundle ${bundle.name} has no ${bundle.name}.js-meta.xml`);
            } else if (!existsSync(path.join(bundle.dir, `${bundle.name}.js`))) {
                report(bundle.metaFile, `LWC bundle ${bundle.name} has no ${bundle.name}.js`);
            }
        }
        const resourceDirs = new Set(
            model.files.filter((f) => /[\\/]staticresources[\\/]/.test(f)).map((f) => path.dirname(f))
        );
        for (const dir of resourceDirs) {
            const inDir = model.files.filter((f) => path.dirname(f) === dir);
            const metas = inDir.filter((f) => f.endsWith('.resource-meta.xml'));
            const bases = new Set(metas.map((f) => path.basename(f, '.resource-meta.xml')));
            for (const meta of metas) {
                const base = path.basename(meta, '.resource-meta.xml');
                const content = inDir.find((f) => f !== meta && path.basename(f).replace(/\.[^.]+$/, '') === base);
                if (!content) {
                    report(meta, `static resource ${base} has no content file`);
                } else if (/<contentType>\s*application\/json\s*<\/contentType>/.test(readFileSync(meta, 'utf8'))) {
                    try {
                        JSON.parse(readFileSync(content, 'utf8'));
                    } catch (error) {
                        report(content, `declared application/json but is not valid JSON: ${error.message}`);
                    }
                }
            }
            for (const file of inDir.filter((f) => !f.endsWith('.resource-meta.xml'))) {
                if (!bases.has(path.basename(file).replace(/\.[^.]+$/, ''))) {
                    report(file, 'static resource file has no .resource-meta.xml');
                }
            }
        }
    }
};
