import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';

/** The sections of the Comm100 Setup page, in the order of its tabs. */
export type SetupSection = 'connect' | 'configure' | 'rehearse' | 'syncLog' | 'privacy' | 'recordPages';

const SECTIONS: readonly SetupSection[] = ['connect', 'configure', 'rehearse', 'syncLog', 'privacy', 'recordPages'];

/** What c-comm100-configure sends when the admin asks to rehearse a chat under the unsaved changes. */
interface RehearseDetail {
    draftJson?: string | null;
}

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
 * The Comm100 Setup page: one tab per section (Connect, Configure, Rehearse, Sync log, Privacy) and a tab that links
 * to the record pages where agents read transcripts. "Rehearse these changes" in Configure opens Rehearse under the
 * unsaved configuration (its draft); the admin can go back to the deployed rules there. A section is rendered the first time its tab is opened and then kept, so its Apex
 * is called only when an admin looks at it, and what the admin typed in a section is not lost by switching tabs.
 * Each section checks the admin's access itself: its Apex refuses anyone without the Comm100 Admin permission set.
 */
export default class Comm100Setup extends NavigationMixin(LightningElement) {
    /** The section opened first: connect (default), configure, rehearse, syncLog, privacy or recordPages. */
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

    /** The unsaved configuration Rehearse runs under; null: the deployed rules. */
    rehearsalDraft: string | null = null;

    get showConnect(): boolean {
        return this.opened.has('connect');
    }

    get showConfigure(): boolean {
        return this.opened.has('configure');
    }

    get showRehearse(): boolean {
        return this.opened.has('rehearse');
    }

    get rehearsingDraft(): boolean {
        return this.rehearsalDraft !== null;
    }

    get showSyncLog(): boolean {
        return this.opened.has('syncLog');
    }

    get showPrivacy(): boolean {
        return this.opened.has('privacy');
    }

    handleActive(event: Event): void {
        const value = (event.target as HTMLElement & { value: string }).value as SetupSection;
        if (SECTIONS.includes(value)) {
            this.open(value);
        }
    }

    /** Configure asked to rehearse its unsaved changes: Rehearse opens under that draft. */
    handleRehearse(event: CustomEvent<RehearseDetail>): void {
        event.stopPropagation();
        const draftJson = event.detail.draftJson;
        this.rehearsalDraft = typeof draftJson === 'string' && draftJson.trim() !== '' ? draftJson : null;
        this.open('rehearse');
    }

    /** Rehearse under the deployed rules again. */
    useDeployedRules(): void {
        this.rehearsalDraft = null;
    }

    private open(section: SetupSection): void {
        this.activeTab = section;
        if (!this.opened.has(section)) {
            this.opened = new Set([...this.opened, section]);
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
