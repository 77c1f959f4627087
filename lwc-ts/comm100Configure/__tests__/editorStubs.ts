// The policy, redaction and allow-list editors are built beside this section: its tests stand them in with elements
// that take the same properties (rows, issues) and render nothing, so the tests are about what the section passes
// to them and does with their draftchange events.
import { LightningElement, api } from 'lwc';

export class PolicyEditorStub extends LightningElement {
    @api rows: unknown;
    @api issues: unknown;
}

export class RedactionEditorStub extends LightningElement {
    @api rows: unknown;
    @api issues: unknown;
}

export class AllowListEditorStub extends LightningElement {
    @api rows: unknown;
    @api issues: unknown;
}
