import { LightningElement, api } from 'lwc';
import type { PlannedRecord, PolicyTrace } from '@salesforce/apex/RehearsalController.rehearse';
import { plannedRows, shown } from 'c/rehearsalModel';
import type { PlannedRow } from 'c/rehearsalModel';

/**
 * What the sync would do with a rehearsed chat: the policy it read and whether it applies (or why not), the records
 * it would create, update or attach the chat to, with their values, the notes its log would hold, and, in error
 * styling, why it would fail.
 */
export default class RehearsalPlan extends LightningElement {
    @api policy: PolicyTrace | null | undefined;
    @api records: PlannedRecord[] | undefined;
    @api notes: string[] | undefined;
    @api failure: string | null | undefined;
    /** The names of the records the rehearsal found, by id, to name a record it would update. */
    @api names: Record<string, string> | undefined;

    get policyRows(): { key: string; label: string; value: string }[] {
        const policy = this.policy;
        if (!policy) {
            return [];
        }
        const rows: [string, string | null | undefined][] = [
            ['Policy', policy.label ?? policy.developerName],
            ['Action', policy.action],
            ['Multiple matches', policy.multipleMatches],
            ['Update mode', policy.updateMode]
        ];
        return rows.map(([label, value], i) => ({ key: `policy-${String(i)}`, label, value: shown(value) }));
    }

    get appliesText(): string {
        const policy = this.policy;
        if (!policy) {
            return '';
        }
        if (policy.applies) {
            return policy.reason ? `Applies: ${policy.reason}` : 'Applies to this chat.';
        }
        return policy.reason ? `Does not apply: ${policy.reason}` : 'Does not apply to this chat.';
    }

    get appliesClass(): string {
        return this.policy?.applies
            ? 'rehearsal-policy__applies'
            : 'rehearsal-policy__applies rehearsal-policy__applies_not';
    }

    get recordRows(): PlannedRow[] {
        return plannedRows(this.records, this.names);
    }

    get hasRecords(): boolean {
        return this.recordRows.length > 0;
    }

    get noteRows(): { key: string; text: string }[] {
        return (this.notes ?? []).map((text, i) => ({ key: `note-${String(i)}`, text }));
    }

    get hasNotes(): boolean {
        return this.noteRows.length > 0;
    }
}
