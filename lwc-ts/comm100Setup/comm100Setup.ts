import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';

/** The sections of the Comm100 Setup page, in the order of its tabs. */
export type SetupSection = 'connect' | 'syncLog' | 'privacy' | 'recordPages';

const SECTIONS: readonly SetupSection[] = ['connect', 'syncLog', 'privacy', 'recordPages'];

/** A record page the package ships with the transcript viewer, as the Setup page lists it. */
export interface RecordPageLink {
    objectApiName: string;
    linkLabel: string;
    pageLabel: string;
}

/** The four record pages of the Comm100 app that carry the transcript viewer (see docs/RECORD-PAGES.md). */
export const RECORD_PAGES: readonly RecordPageLink[] = ['Contact', 'Lead', 'Account', 'Case'].map((objectApiName) => ({
    objectApiName,
    linkLabel: `${objectApiName}s`,
    pageLabel: `Comm100 ${objectApiName} Record Page`
}));

/**
 * The Comm100 Setup page: one tab per section (Connect, Sync log, Privacy) and a tab that links to the record pages
 * where agents read transcripts. A section is rendered the first time its tab is opened and then kept, so its Apex
 * is called only when an admin looks at it, and what the admin typed in a section is not lost by switching tabs.
 * Each section checks the admin's access itself: its Apex refuses anyone without the Comm100 Admin permission set.
 */
export default class Comm100Setup extends NavigationMixin(LightningElement) {
    /** The section opened first: connect (default), syncLog, privacy or recordPages. */
    @api
    get initialSection(): SetupSection {
        return this.activeTab;
    }
    set initialSection(value: SetupSection) {
        const section = SECTIONS.includes(value) ? value : 'connect';
        this.activeTab = section;
        this.opened = new Set([...this.opened, section]);
    }

    activeTab: SetupSection = 'connect';

    /** The sections opened at least once. */
    opened: Set<SetupSection> = new Set<SetupSection>(['connect']);

    readonly recordPages = RECORD_PAGES;

    get showConnect(): boolean {
        return this.opened.has('connect');
    }

    get showSyncLog(): boolean {
        return this.opened.has('syncLog');
    }

    get showPrivacy(): boolean {
        return this.opened.has('privacy');
    }

    handleActive(event: Event): void {
        const value = (event.target as HTMLElement & { value: string }).value as SetupSection;
        if (!SECTIONS.includes(value)) {
            return;
        }
        this.activeTab = value;
        if (!this.opened.has(value)) {
            this.opened = new Set([...this.opened, value]);
        }
    }

    /** Opens the home of the object whose record page a link names, in this app. */
    openObject(event: Event): void {
        const objectApiName = (event.currentTarget as HTMLElement).dataset.object;
        if (!objectApiName) {
            return;
        }
        this[NavigationMixin.Navigate]({
            type: 'standard__objectPage',
            attributes: { objectApiName, actionName: 'home' }
        });
    }
}
