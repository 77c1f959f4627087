import { LightningElement, api } from 'lwc';
import type { Identity, RuleTrace } from '@salesforce/apex/RehearsalController.rehearse';
import { identityLines, identityText, ruleRows } from 'c/rehearsalModel';
import type { IdentityLine, RuleRow } from 'c/rehearsalModel';

/**
 * The identification of a rehearsal: every rule in the order it ran (Contact, Lead, then Account rules), its object,
 * label, the values its conditions compared, its outcome as a badge with text, why it was skipped or decided as it
 * was, and the records it found, each a link to its record page; then the visitor's identity.
 */
export default class RehearsalIdentification extends LightningElement {
    @api rules: RuleTrace[] | undefined;
    @api identity: Identity | null | undefined;

    get rows(): RuleRow[] {
        return ruleRows(this.rules);
    }

    get hasRules(): boolean {
        return this.rows.length > 0;
    }

    get identityText(): string {
        return identityText(this.identity);
    }

    get identityLines(): IdentityLine[] {
        return identityLines(this.identity);
    }

    get hasIdentityLines(): boolean {
        return this.identityLines.length > 0;
    }
}
