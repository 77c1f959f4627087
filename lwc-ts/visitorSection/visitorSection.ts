import { LightningElement, api } from 'lwc';
import type { Section } from 'c/visitorModel';

/**
 * One section of the visitor panel, collapsible (the SLDS expandable section): its heading is a button that
 * shows or hides the labelled values, which are text, or links when the value is a safe web address (opened in a
 * new tab), email address or phone number. A section without values says so; `note` says what was left out.
 */
export default class VisitorSection extends LightningElement {
    /** The section to show. */
    @api section: Section | undefined;

    expanded = true;

    get sectionId(): string {
        return this.section?.id ?? '';
    }

    get sectionClass(): string {
        return `slds-section visitor-panel__section${this.expanded ? ' slds-is-open' : ''}`;
    }

    get ariaExpanded(): string {
        return String(this.expanded);
    }

    get collapsed(): boolean {
        return !this.expanded;
    }

    toggle(): void {
        this.expanded = !this.expanded;
    }
}
