// LWC templates place only components that exist: <c-…> tags name a bundle of the project, <lightning-…> tags a
// base component of the platform.
//
// Sources (Salesforce documentation):
// - "Component Namespaces" and "Component Folder", LWC Developer Guide: a component of the project is referenced
//   with the `c` namespace and a hyphen; a camel-case folder name maps to kebab case in markup (each capital
//   letter becomes a hyphen and its lower-case letter: visitorPanel → c-visitor-panel; digits and underscores are
//   kept as they are).
//   https://developer.salesforce.com/docs/platform/lwc/guide/create-components-namespace.html
//   https://developer.salesforce.com/docs/platform/lwc/guide/create-components-folder.html
// - "Components", Lightning Component Reference: the base components of the `lightning` namespace (below).
//   https://developer.salesforce.com/docs/platform/lightning-component-reference/guide/components.html
//   The npm package lightning-base-components is not the list: it lacks the record forms (record-form,
//   record-edit-form, input-field, output-field, messages) and ships private primitives that no org accepts.
import { readFileSync } from 'node:fs';
import { bundleSources } from '../lwc.mjs';

/** Lightning base components usable as <lightning-…> tags in LWC templates (Lightning Component Reference). */
export const BASE_COMPONENTS = new Set([
    'accordion',
    'accordion-section',
    'avatar',
    'badge',
    'breadcrumb',
    'breadcrumbs',
    'button',
    'button-group',
    'button-icon',
    'button-icon-stateful',
    'button-menu',
    'button-stateful',
    'card',
    'carousel',
    'carousel-image',
    'checkbox-group',
    'click-to-dial',
    'combobox',
    'datatable',
    'dual-listbox',
    'dynamic-icon',
    'empty-state',
    'file-upload',
    'flow',
    'formatted-address',
    'formatted-date-time',
    'formatted-email',
    'formatted-location',
    'formatted-name',
    'formatted-number',
    'formatted-phone',
    'formatted-rich-text',
    'formatted-text',
    'formatted-time',
    'formatted-url',
    'helptext',
    'icon',
    'illustration',
    'input',
    'input-address',
    'input-field',
    'input-location',
    'input-name',
    'input-rich-text',
    'layout',
    'layout-item',
    'map',
    'menu-divider',
    'menu-item',
    'menu-subheader',
    'messages',
    'modal-body',
    'modal-footer',
    'modal-header',
    'output-field',
    'pill',
    'pill-container',
    'progress-bar',
    'progress-indicator',
    'progress-ring',
    'progress-step',
    'quick-action-panel',
    'radio-group',
    'record-edit-form',
    'record-form',
    'record-picker',
    'record-view-form',
    'relative-date-time',
    'select',
    'service-cloud-voice-toolkit-api',
    'slider',
    'spinner',
    'tab',
    'tabset',
    'textarea',
    'tile',
    'tree',
    'tree-grid',
    'vertical-navigation',
    'vertical-navigation-item',
    'vertical-navigation-item-badge',
    'vertical-navigation-item-icon',
    'vertical-navigation-overflow',
    'vertical-navigation-section'
]);

/** The tag of a bundle of the `c` namespace: visitorPanel → c-visitor-panel. */
export function tagOf(bundleName) {
    return `c-${bundleName.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

export default {
    name: 'lwc-children',
    group: 'metadata',
    description:
        'LWC templates (lwc-ts/ sources, or the deployed bundle when there is no source) use only <c-…> tags that name a bundle of the project and <lightning-…> tags that name a documented base component',
    check(model, report) {
        const sources = bundleSources(model);
        const tags = new Map([...sources.keys()].map((name) => [tagOf(name), name]));
        for (const bundle of sources.values()) {
            for (const file of bundle.files.filter((f) => f.endsWith('.html'))) {
                const text = readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
                const seen = new Set();
                for (const [, tag] of text.matchAll(/<((?:c|lightning)-[^\s/>]*)/g)) {
                    if (seen.has(tag)) {
                        continue;
                    }
                    seen.add(tag);
                    if (tag.startsWith('c-')) {
                        if (!tags.has(tag)) {
                            report(file, `<${tag}> names no LWC bundle of the project`);
                        }
                    } else if (!BASE_COMPONENTS.has(tag.slice('lightning-'.length))) {
                        report(file, `<${tag}> is not a Lightning base component`);
                    }
                }
            }
        }
    }
};
