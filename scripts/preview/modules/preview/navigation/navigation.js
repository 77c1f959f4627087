// Stands in for `lightning/navigation`: navigations are shown on the preview page instead of performed.
import { getScene, reportEvent } from 'preview/mockContext';

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

function describe(pageReference) {
    const { type, attributes = {} } = pageReference ?? {};
    return `${type ?? 'unknown'} ${Object.values(attributes).join(' ')}`.trim();
}

/**
 * The URL the platform generates for a page reference: a record page is /lightning/r/[Object/]Id/action.
 * Not a '#…' fragment, which LWC would rewrite as a reference to an id of the template. The preview's
 * server does not serve these, so a link the component forgets to handle leaves the preview.
 */
function urlOf(pageReference) {
    const { type, attributes = {} } = pageReference ?? {};
    if (type === 'standard__recordPage') {
        const object = attributes.objectApiName ? `${attributes.objectApiName}/` : '';
        return `/lightning/r/${object}${attributes.recordId}/${attributes.actionName ?? 'view'}`;
    }
    return `/lightning/preview-navigation/${encodeURIComponent(describe(pageReference))}`;
}

export function NavigationMixin(Base) {
    return class extends Base {
        [Navigate](pageReference) {
            reportEvent('navigation', describe(pageReference));
        }

        [GenerateUrl](pageReference) {
            return Promise.resolve(urlOf(pageReference));
        }
    };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** Provides the scene's `pageReference` itself (not `{ data, error }`), as the platform adapter does. */
export class CurrentPageReference {
    constructor(callback) {
        this.callback = callback;
    }

    update() {
        this.callback(getScene().pageReference ?? null);
    }

    connect() {}

    disconnect() {}
}
