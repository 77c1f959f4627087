import { LightningElement, api } from 'lwc';
import { getFieldValue } from 'lightning/uiRecordApi';
import type { RecordRepresentation } from 'lightning/uiRecordApi';
import { NavigationMixin } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import type { PanelFields } from '@salesforce/apex/VisitorPanelController.getPanelFields';
import { IDENTIFICATION_FIELDS, recordPage, recordUrls, text } from 'c/visitorModel';

const ICONS: Record<string, string> = {
    Contact: 'standard:contact',
    Lead: 'standard:lead',
    Account: 'standard:account'
};

const STATUS_TEXT: Record<string, string> = {
    'Not Found': 'No Contact or Lead matches this visitor.',
    Ambiguous:
        'Several records match this visitor, so none was chosen. Search for the right one, or create a record below.',
    Undecided:
        'The identification rules could not decide who this visitor is, so no record was chosen. Search for the right one before you create a record.'
};

/**
 * Who the visitor of a Comm100 chat is: the identification result; for an identified visitor, the record's icon
 * and name linking to its page, and the record (and a contact's or lead's account) with its mapped fields in a
 * `lightning-record-form`, editable in place unless the page shows it read-only.
 */
export default class VisitorIdentification extends NavigationMixin(LightningElement) {
    private current: RecordRepresentation | undefined;
    private building = new Set<string>();

    /** The Comm100 Chat record, as the data service gives it. */
    @api
    get chat(): RecordRepresentation | undefined {
        return this.current;
    }
    set chat(value: RecordRepresentation | undefined) {
        this.current = value;
        if (this.isIdentified) {
            this.buildUrl(this.matchedRecordId);
        }
    }

    /** The fields shown of each object (VisitorPanelController.getPanelFields); only the name while unknown. */
    @api panelFields: PanelFields[] = [];

    /** Why the fields shown could not be read; the name alone is shown then. */
    @api panelFieldsError: unknown;

    /** Show the identified record read-only instead of editable in place. */
    @api readOnly = false;

    /** Record page URLs by record id, as the navigation service builds them. */
    urls: Record<string, string> = {};

    private status(): string {
        return text(getFieldValue(this.current, IDENTIFICATION_FIELDS.status));
    }

    get matchedObject(): string {
        return text(getFieldValue(this.current, IDENTIFICATION_FIELDS.object));
    }

    get matchedRecordId(): string {
        return text(getFieldValue(this.current, IDENTIFICATION_FIELDS.recordId));
    }

    get isIdentified(): boolean {
        return this.status() === 'Identified' && this.matchedRecordId !== '';
    }

    get identificationText(): string {
        const status = this.status();
        if (status === 'Identified') {
            return `Identified as ${this.matchedObject}`;
        }
        return STATUS_TEXT[status] ?? 'The visitor has not been identified yet.';
    }

    get matchedName(): string {
        const name = text(getFieldValue(this.current, IDENTIFICATION_FIELDS.name));
        return name ? name : this.matchedRecordId;
    }

    get matchedIcon(): string {
        return ICONS[this.matchedObject] ?? 'standard:record';
    }

    get matchedUrl(): string {
        return this.urls[this.matchedRecordId] ?? '#';
    }

    get matchedFields(): string[] {
        return this.fieldsOf(this.matchedObject);
    }

    get accountId(): string {
        return this.matchedObject === 'Account' ? '' : text(getFieldValue(this.current, IDENTIFICATION_FIELDS.account));
    }

    get showAccount(): boolean {
        return this.accountId !== '';
    }

    get accountFields(): string[] {
        return this.fieldsOf('Account');
    }

    get recordFormMode(): string {
        return this.readOnly ? 'readonly' : 'view';
    }

    private fieldsOf(objectApiName: string): string[] {
        return this.panelFields.find((entry) => entry.objectApiName === objectApiName)?.fields ?? ['Name'];
    }

    /** Builds a record page URL once per record, however often the chat is read again. */
    private buildUrl(recordId: string): void {
        if (this.building.has(recordId)) {
            return;
        }
        this.building.add(recordId);
        recordUrls([recordId], this.urls, (pageReference) => this[NavigationMixin.GenerateUrl](pageReference)).then(
            (urls) => {
                this.urls = { ...this.urls, ...urls };
            },
            // recordUrls answers '#' for a URL it cannot build; nothing else can fail.
            () => undefined
        );
    }

    openRecord(event: Event): void {
        const recordId = (event.currentTarget as HTMLElement).dataset.recordId;
        if (!recordId) {
            return;
        }
        event.preventDefault();
        this[NavigationMixin.Navigate](recordPage(recordId));
    }

    handleRecordSaved(): void {
        this.dispatchEvent(
            new ShowToastEvent({ title: 'Saved', message: 'The record was updated.', variant: 'success' })
        );
    }
}
