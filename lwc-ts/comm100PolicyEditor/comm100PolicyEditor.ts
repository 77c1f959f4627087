import { LightningElement, api } from 'lwc';
import type { SyncPolicy } from '@salesforce/apex/ConfigurationController.getConfiguration';
import { fieldView, issuesWithoutRow, otherIssuesFor, sectionIssues, updateRow } from 'c/configRows';
import type { EditorIssue, FieldView, IssueView } from 'c/configRows';
import {
    ACTIONS,
    CONTACT_ACTIONS,
    KINDS,
    MULTIPLE_MATCHES,
    POLICY_FIELDS,
    UPDATE_MODES,
    SHARED_RECORD,
    UPDATE_MODE_UNUSED
} from './policyOptions';
import type { PolicyField, PolicyOption } from './policyOptions';

interface ChoiceView {
    id: string;
    helpId: string;
    value: string;
    label: string;
    help: string;
    checked: boolean;
}

interface GroupView extends FieldView {
    field: PolicyField;
    legend: string;
    name: string;
    choices: ChoiceView[];
    disabled: boolean;
    note: string;
    noteId: string;
}

interface CardView {
    key: string;
    appliesTo: string;
    title: string;
    headingId: string;
    missing: boolean;
    recordText: string;
    /** Set when both kinds name the same record: a choice then applies to both. */
    sharedText: string;
    groups: GroupView[];
    otherIssues: IssueView[];
}

const LEGENDS: Record<PolicyField, string> = {
    action: 'Action',
    multipleMatches: 'When several records match',
    updateMode: 'Update mode (existing contact)'
};

let instances = 0;

/**
 * The sync policy editor of the Configure section: one card per kind of event (a chat ended, an offline message),
 * each with its action, what to do when several records match the visitor, and how an existing contact is updated
 * (meaningful only for the Contact actions: disabled otherwise, the value kept). Shows the Comm100 Sync Policy record
 * the Comm100 Setting names for the kind, and the issues of the last check next to the field they name. It never
 * changes the rows it is given: every choice dispatches `draftchange` with the whole new array (section `policies`)
 * and shows it at once, so it works on its own as well as inside the Configure section.
 */
export default class Comm100PolicyEditor extends LightningElement {
    /** The issues of the last check or deploy, of every section: the editor shows those of `policies`. */
    @api issues: EditorIssue[] | undefined;

    /** The sync policies of the draft: one per kind. */
    @api
    get rows(): SyncPolicy[] {
        return this.current;
    }
    set rows(value: SyncPolicy[]) {
        this.current = Array.isArray(value) ? value : [];
    }

    private current: SyncPolicy[] = [];
    /** Radio groups of two editors on one page must not share a name. */
    private readonly instance = ++instances;

    get sectionIssues(): EditorIssue[] {
        return sectionIssues(this.issues, 'policies');
    }

    /**
     * The issues of no card: of a row the draft no longer holds, and of a row no card shows (a second policy of one
     * kind, or one whose `appliesTo` is no kind), whose `appliesTo` error would otherwise be lost.
     */
    get issuesWithoutRow(): IssueView[] {
        return issuesWithoutRow(this.sectionIssues, this.shownRows);
    }

    /** The row each kind's card shows: the first of that kind. */
    private get shownRows(): SyncPolicy[] {
        return KINDS.flatMap(({ appliesTo }) => this.current.find((row) => row.appliesTo === appliesTo) ?? []);
    }

    get hasIssuesWithoutRow(): boolean {
        return this.issuesWithoutRow.length > 0;
    }

    get cards(): CardView[] {
        const issues = this.sectionIssues;
        return KINDS.map(({ appliesTo, title }) => {
            const row = this.current.find((candidate) => candidate.appliesTo === appliesTo);
            const headingId = `policy-${appliesTo}-heading`;
            if (!row) {
                return {
                    key: appliesTo,
                    appliesTo,
                    title,
                    headingId,
                    missing: true,
                    recordText: '',
                    sharedText: '',
                    groups: [],
                    otherIssues: []
                };
            }
            const contactAction = CONTACT_ACTIONS.includes(row.action);
            return {
                key: row.key,
                appliesTo,
                title,
                headingId,
                missing: false,
                recordText: `${row.label} (${row.developerName})`,
                sharedText: this.sharing(row).length > 1 ? SHARED_RECORD : '',
                groups: [
                    this.group(issues, row, 'action', ACTIONS, false),
                    this.group(issues, row, 'multipleMatches', MULTIPLE_MATCHES, false),
                    this.group(issues, row, 'updateMode', UPDATE_MODES, !contactAction)
                ],
                otherIssues: otherIssuesFor(issues, row.key, POLICY_FIELDS)
            };
        });
    }

    private group(
        issues: EditorIssue[],
        row: SyncPolicy,
        field: PolicyField,
        options: readonly PolicyOption<string>[],
        disabled: boolean
    ): GroupView {
        const prefix = `${row.key}-${field}`;
        return {
            ...fieldView(issues, row.key, field, 'slds-form-element policy-editor__group'),
            field,
            legend: LEGENDS[field],
            name: `policy-${String(this.instance)}-${prefix}`,
            choices: options.map((option, index) => ({
                id: `${prefix}-${String(index)}`,
                helpId: `${prefix}-${String(index)}-help`,
                value: option.value,
                label: option.label,
                help: option.help,
                checked: option.value === row[field]
            })),
            disabled,
            note: disabled ? UPDATE_MODE_UNUSED : '',
            noteId: `${prefix}-note`
        };
    }

    /** The rows that name the same Comm100 Sync Policy record as this one (itself included). */
    private sharing(row: SyncPolicy): SyncPolicy[] {
        const name = row.developerName.toLowerCase();
        return this.current.filter((candidate) => candidate.developerName.toLowerCase() === name);
    }

    handleChoice(event: Event): void {
        const input = event.target as HTMLInputElement;
        const { key, field } = input.dataset;
        const row = this.current.find((candidate) => candidate.key === key);
        if (!row || !field || !(POLICY_FIELDS as readonly string[]).includes(field)) {
            return;
        }
        // One record holds one set of values: a choice for a record both kinds use applies to both.
        this.current = this.sharing(row).reduce(
            (rows, same) => updateRow<SyncPolicy>(rows, same.key, { [field]: input.value }),
            this.current
        );
        this.dispatchEvent(new CustomEvent('draftchange', { detail: { section: 'policies', rows: this.current } }));
    }
}
