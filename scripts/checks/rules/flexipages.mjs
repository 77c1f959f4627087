// Lightning pages place only exposed components of the project, with the design properties they declare.
import { bundleDeclarations } from '../lwc.mjs';
import { listOf, textOf } from '../xml.mjs';

const PAGE_TARGETS = {
    RecordPage: 'lightning__RecordPage',
    AppPage: 'lightning__AppPage',
    HomePage: 'lightning__HomePage'
};

export default {
    name: 'flexipages',
    group: 'metadata',
    description:
        'Lightning pages place only exposed components of the project that target the page type and object, setting only the design properties those components declare; design properties are @api properties; a View override names a Lightning page that exists',
    check(model, report) {
        const bundles = bundleDeclarations(model);
        for (const bundle of bundles.values()) {
            for (const [target, config] of bundle.targets) {
                for (const property of config.properties.keys()) {
                    if (!bundle.publicProperties.has(property)) {
                        report(
                            bundle.file,
                            `design property ${property} (${target}) is not an @api property of ${bundle.name}`
                        );
                    }
                }
            }
        }
        for (const file of model.flexipages.values()) {
            const page = model.root(file, 'FlexiPage');
            const type = textOf(page, 'type');
            const objectName = textOf(page, 'sobjectType');
            const target = PAGE_TARGETS[type];
            for (const region of listOf(page, 'flexiPageRegions')) {
                for (const item of listOf(region, 'itemInstances')) {
                    for (const instance of listOf(item, 'componentInstance')) {
                        let component = textOf(instance, 'componentName') ?? '';
                        if (component.startsWith('c:')) {
                            component = component.slice(2);
                        } else if (component.includes(':')) {
                            continue; // a standard component, which only an org knows
                        }
                        const bundle = bundles.get(component);
                        const where = `component ${component}`;
                        if (!bundle) {
                            report(file, `${where} is not an LWC bundle of the project`);
                            continue;
                        }
                        const targetConfig = bundle.targets.get(target);
                        if (!bundle.exposed || !targetConfig) {
                            report(file, `${where} is not exposed for ${target ?? type}`);
                            continue;
                        }
                        if (objectName && targetConfig.objects && !targetConfig.objects.has(objectName)) {
                            report(file, `${where} does not list ${objectName} among its objects`);
                        }
                        for (const property of listOf(instance, 'componentInstanceProperties')) {
                            const name = textOf(property, 'name');
                            if (!targetConfig.properties.has(name)) {
                                report(file, `${where} has no design property ${name}`);
                            }
                        }
                    }
                }
            }
        }
        const pageNames = new Set(model.flexipages.keys());
        for (const object of model.objects.values()) {
            for (const override of listOf(object.doc, 'actionOverrides')) {
                const content = textOf(override, 'content');
                if (textOf(override, 'type') === 'Flexipage' && !pageNames.has(content)) {
                    report(
                        object.file,
                        `the ${textOf(override, 'actionName')} override names a Lightning page ${content} that does not exist`
                    );
                }
            }
        }
    }
};
