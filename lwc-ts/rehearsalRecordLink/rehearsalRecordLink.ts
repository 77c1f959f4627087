import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import type { RecordLink } from 'c/rehearsalModel';

/**
 * A record a rehearsal names (a rule's match, the identity, a record the sync would update): a link to its record
 * page through the navigation service, or plain text when it has no id. Its name is shown as text, never as markup.
 */
export default class RehearsalRecordLink extends NavigationMixin(LightningElement) {
    private current: RecordLink | undefined;
    /** The URL of the record page; '#' until the navigation service gives it (a click navigates anyway). */
    url = '#';

    @api
    get record(): RecordLink | undefined {
        return this.current;
    }
    set record(value: RecordLink | undefined) {
        const previousId = this.current?.id;
        this.current = value;
        if (value?.linked && value.id !== previousId) {
            this.url = '#';
            this.generateUrl(value.id);
        }
    }

    get linked(): boolean {
        return this.current?.linked === true;
    }

    get text(): string {
        return this.current?.text ?? '';
    }

    get recordId(): string {
        return this.current?.id ?? '';
    }

    private generateUrl(recordId: string): void {
        this[NavigationMixin.GenerateUrl]({
            type: 'standard__recordPage',
            attributes: { recordId, actionName: 'view' }
        }).then(
            (url) => {
                if (this.current?.id === recordId) {
                    this.url = url;
                }
            },
            () => {
                // Without a URL the link still opens the record: the click navigates.
            }
        );
    }

    openRecord(event: Event): void {
        const recordId = this.current?.id;
        if (!recordId) {
            return;
        }
        event.preventDefault();
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: { recordId, actionName: 'view' }
        });
    }
}
