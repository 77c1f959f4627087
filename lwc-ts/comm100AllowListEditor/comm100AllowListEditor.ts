import { LightningElement, api } from 'lwc';
import type { AllowListEntry } from '@salesforce/apex/ConfigurationController.getConfiguration';
import {
    allowListLabel,
    fieldView,
    groupRows,
    isApiName,
    isNew,
    issuesWithoutRow,
    newAllowListEntry,
    otherIssuesFor,
    removeRow,
    sectionIssues,
    updateRow
} from 'c/configRows';
import type { EditorIssue, FieldView, IssueView } from 'c/configRows';

/** The inputs of an entry, as issues name them (its object is its group; other issues show on the entry). */
const FIELDS = ['salesforceField', 'canRead', 'canWrite', 'active'] as const;
type EntryField = (typeof FIELDS)[number];

/** The objects the shipped allow-list names, shown first in this order. */
const USUAL_OBJECTS = ['Contact', 'Lead', 'Account', 'Case'];

export const OBJECT_REFUSED = 'Enter an object API name, such as Contact or Invoice__c.';

type InputView = FieldView & { id: string; value: string; checked: boolean };

interface EntryView {
    key: string;
    name: string;
    state: string;
    inputs: Record<EntryField, InputView>;
    otherIssues: IssueView[];
    canRemove: boolean;
}

interface GroupView {
    name: string;
    headingId: string;
    entries: EntryView[];
}

/**
 * The chatbot allow-list editor of the Configure section: entries grouped by object, each naming a field (or a
 * relationship path such as Account.Name) the chatbot may read and/or write, and whether the entry is active; add an
 * entry to an object or to another object, remove (a deployed entry is made inactive, a new one removed). Issues of
 * the last check are shown next to the input they name. Every edit dispatches `draftchange` (section `allowList`)
 * with the whole new array; the rows given are never changed.
 */
export default class Comm100AllowListEditor extends LightningElement {
    /** The issues of the last check or deploy, of every section: the editor shows those of `allowList`. */
    @api issues: EditorIssue[] | undefined;

    @api
    get rows(): AllowListEntry[] {
        return this.current;
    }
    set rows(value: AllowListEntry[]) {
        this.current = Array.isArray(value) ? value : [];
    }

    /** The object typed for a new entry, kept as typed. */
    newObject = 'Contact';
    newObjectError = '';
    /** What the last remove did, announced through a live region. */
    notice = '';

    private current: AllowListEntry[] = [];
    private focusAfterRender = '';

    get groups(): GroupView[] {
        const issues = sectionIssues(this.issues, 'allowList');
        return groupRows(this.current, (entry) => entry.targetObject, USUAL_OBJECTS)
            .filter((group) => group.rows.length > 0)
            .map((group) => ({
                name: group.name,
                headingId: `allow-${group.name}-heading`,
                entries: group.rows.map((entry) => this.entryView(issues, entry))
            }));
    }

    private entryView(issues: EditorIssue[], entry: AllowListEntry): EntryView {
        const input = (field: EntryField, value: string, checked = false): InputView => ({
            ...fieldView(issues, entry.key, field),
            id: `${entry.key}-${field}`,
            value,
            checked
        });
        let state = '';
        if (isNew(entry)) {
            state = 'New: not deployed yet';
        } else if (!entry.active) {
            state = 'Inactive: a deployed entry is kept, inactive, rather than deleted';
        }
        return {
            key: entry.key,
            name: entry.salesforceField
                ? `${entry.targetObject} ${entry.salesforceField}`
                : `new ${entry.targetObject} entry`,
            state,
            inputs: {
                salesforceField: input('salesforceField', entry.salesforceField),
                canRead: input('canRead', '', entry.canRead),
                canWrite: input('canWrite', '', entry.canWrite),
                active: input('active', '', entry.active)
            },
            otherIssues: otherIssuesFor(issues, entry.key, FIELDS),
            canRemove: isNew(entry) || entry.active
        };
    }

    get hasEntries(): boolean {
        return this.current.length > 0;
    }

    get issuesWithoutRow(): IssueView[] {
        return issuesWithoutRow(sectionIssues(this.issues, 'allowList'), this.current);
    }

    get newObjectClass(): string {
        return this.newObjectError ? 'slds-form-element slds-has-error' : 'slds-form-element';
    }

    get newObjectInvalid(): string {
        return this.newObjectError ? 'true' : 'false';
    }

    override renderedCallback(): void {
        if (this.focusAfterRender) {
            const target = this.template?.querySelector<HTMLElement>(this.focusAfterRender);
            this.focusAfterRender = '';
            target?.focus();
        }
    }

    private change(rows: AllowListEntry[]): void {
        this.current = rows;
        this.dispatchEvent(new CustomEvent('draftchange', { detail: { section: 'allowList', rows } }));
    }

    handleInput(event: Event): void {
        const input = event.target as HTMLInputElement;
        const key = input.dataset.key ?? '';
        const field = input.dataset.field ?? '';
        const entry = this.current.find((candidate) => candidate.key === key);
        if (!entry) {
            return;
        }
        if (field === 'salesforceField') {
            const changes: Partial<AllowListEntry> = { salesforceField: input.value };
            if (isNew(entry) || entry.label === allowListLabel(entry.targetObject, entry.salesforceField)) {
                // A label that reads "Object Field" (as the shipped ones and those the page made) follows its field.
                changes.label = allowListLabel(entry.targetObject, input.value.trim());
            }
            this.change(updateRow(this.current, key, changes));
        } else if (field === 'canRead' || field === 'canWrite' || field === 'active') {
            this.change(updateRow<AllowListEntry>(this.current, key, { [field]: input.checked }));
        }
    }

    handleAddToObject(event: Event): void {
        this.add((event.currentTarget as HTMLElement).dataset.object ?? '');
    }

    handleNewObject(event: Event): void {
        this.newObject = (event.target as HTMLInputElement).value;
        this.newObjectError = '';
    }

    handleAddEntry(event: Event): void {
        event.preventDefault();
        const objectName = this.newObject.trim();
        if (!isApiName(objectName)) {
            this.newObjectError = OBJECT_REFUSED;
            this.focusAfterRender = '[data-id="new-object"]';
            return;
        }
        this.add(objectName);
    }

    private add(objectName: string): void {
        const entry = newAllowListEntry(this.current, objectName);
        this.notice = '';
        this.focusAfterRender = `input[data-key="${entry.key}"][data-field="salesforceField"]`;
        this.change([...this.current, entry]);
    }

    handleRemove(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.key ?? '';
        const entry = this.current.find((candidate) => candidate.key === key);
        const { rows, deactivated } = removeRow(this.current, key);
        const name = entry?.salesforceField ? `${entry.targetObject} ${entry.salesforceField}` : 'The new entry';
        this.notice = deactivated
            ? `${name} is now inactive: a deployed entry cannot be deleted, so it is kept, inactive. Deploy to apply.`
            : `${name} was removed.`;
        this.focusAfterRender = deactivated
            ? `input[data-key="${key}"][data-field="active"]`
            : '[data-id="new-object"]';
        this.change(rows);
    }
}
