// Stands in for `lightning/navigation`: navigations are shown on the preview page instead of performed.
import { getScene, reportEvent } from 'preview/mockContext';

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

function describe(pageReference) {
    const { type, attributes = {} } = pageReference ?? {};
    return `${type ?? 'unknown'} ${Object.values(attributes).join(' ')}`.trim();
}

export function NavigationMixin(Base) {
    return class extends Base {
        [Navigate](pageReference) {
            reportEvent('navigation', describe(pageReference));
        }

        [GenerateUrl](pageReference) {
            return Promise.resolve(`#navigate/${encodeURIComponent(describe(pageReference))}`);
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
