import { LightningElement, api, wire } from 'lwc';
import type { WireResult } from '@salesforce/apex';
import { getRecord, getFieldValue, getFieldDisplayValue, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import type { RecordRepresentation, RecordDefaultsRepresentation } from 'lightning/uiRecordApi';
import { getRecordCreateDefaults } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import type { ObjectInfo } from 'lightning/uiObjectInfoApi';
import { NavigationMixin } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import type { FieldId } from '@salesforce/schema';
import getPanelFields from '@salesforce/apex/VisitorPanelController.getPanelFields';
import type { PanelFields } from '@salesforce/apex/VisitorPanelController.getPanelFields';
import getActionState from '@salesforce/apex/ChatActionsController.getActionState';
import type { ActionOption, ActionState, ChatAction } from '@salesforce/apex/ChatActionsController.getActionState';
import getCreateDefaults from '@salesforce/apex/ChatActionsController.getCreateDefaults';
import type { CreateDefaults } from '@salesforce/apex/ChatActionsController.getCreateDefaults';
import requestAction from '@salesforce/apex/ChatActionsController.requestAction';
import { safeUrl } from 'c/transcriptSearch';
import { buildSections, parseNamedValues, layoutFields } from './panelModel';
import type { FieldSpec, LayoutField, Section } from './panelModel';
import CHAT_OBJECT from '@salesforce/schema/Comm100_Chat__c';
import VISITOR_NAME from '@salesforce/schema/Comm100_Chat__c.Visitor_Name__c';
import VISITOR_EMAIL from '@salesforce/schema/Comm100_Chat__c.Visitor_Email__c';
import VISITOR_PHONE from '@salesforce/schema/Comm100_Chat__c.Visitor_Phone__c';
import VISITOR_COMPANY from '@salesforce/schema/Comm100_Chat__c.Visitor_Company__c';
import VISITOR_ID from '@salesforce/schema/Comm100_Chat__c.Visitor_Id__c';
import CITY from '@salesforce/schema/Comm100_Chat__c.City__c';
import STATE from '@salesforce/schema/Comm100_Chat__c.State__c';
import COUNTRY from '@salesforce/schema/Comm100_Chat__c.Country__c';
import LANGUAGE from '@salesforce/schema/Comm100_Chat__c.Language__c';
import TIME_ZONE from '@salesforce/schema/Comm100_Chat__c.Time_Zone__c';
import KIND from '@salesforce/schema/Comm100_Chat__c.Kind__c';
import STATUS from '@salesforce/schema/Comm100_Chat__c.Status__c';
import SOURCE from '@salesforce/schema/Comm100_Chat__c.Source__c';
import START_TIME from '@salesforce/schema/Comm100_Chat__c.Start_Time__c';
import END_TIME from '@salesforce/schema/Comm100_Chat__c.End_Time__c';
import DEPARTMENT from '@salesforce/schema/Comm100_Chat__c.Department__c';
import PRODUCT_SERVICE from '@salesforce/schema/Comm100_Chat__c.Product_Service__c';
import IP_ADDRESS from '@salesforce/schema/Comm100_Chat__c.IP_Address__c';
import BROWSER from '@salesforce/schema/Comm100_Chat__c.Browser__c';
import OPERATING_SYSTEM from '@salesforce/schema/Comm100_Chat__c.Operating_System__c';
import SCREEN_RESOLUTION from '@salesforce/schema/Comm100_Chat__c.Screen_Resolution__c';
import LANDING_PAGE from '@salesforce/schema/Comm100_Chat__c.Landing_Page_URL__c';
import REFERRER from '@salesforce/schema/Comm100_Chat__c.Referrer_URL__c';
import CURRENT_PAGE from '@salesforce/schema/Comm100_Chat__c.Current_Page_URL__c';
import SEARCH_ENGINE from '@salesforce/schema/Comm100_Chat__c.Search_Engine__c';
import SEARCH_KEYWORDS from '@salesforce/schema/Comm100_Chat__c.Search_Keywords__c';
import VISIT_TIMES from '@salesforce/schema/Comm100_Chat__c.Visit_Times__c';
import CHAT_TIMES from '@salesforce/schema/Comm100_Chat__c.Chat_Times__c';
import PAGE_VIEWS from '@salesforce/schema/Comm100_Chat__c.Page_Views__c';
import FIRST_VISIT from '@salesforce/schema/Comm100_Chat__c.First_Visit_Time__c';
import CUSTOM_VARIABLES from '@salesforce/schema/Comm100_Chat__c.Custom_Variables__c';
import PRE_CHAT_FIELDS from '@salesforce/schema/Comm100_Chat__c.Pre_Chat_Fields__c';
import IDENTIFICATION_STATUS from '@salesforce/schema/Comm100_Chat__c.Identification_Status__c';
import MATCHED_OBJECT from '@salesforce/schema/Comm100_Chat__c.Matched_Object__c';
import MATCHED_RECORD_ID from '@salesforce/schema/Comm100_Chat__c.Matched_Record_Id__c';
import MATCHED_RECORD_NAME from '@salesforce/schema/Comm100_Chat__c.Matched_Record_Name__c';
import ACCOUNT from '@salesforce/schema/Comm100_Chat__c.Account__c';

const VISITOR_FIELDS: FieldSpec[] = [
    { field: VISITOR_NAME },
    { field: VISITOR_EMAIL },
    { field: VISITOR_PHONE },
    { field: VISITOR_COMPANY },
    { field: VISITOR_ID },
    { field: CITY },
    { field: STATE },
    { field: COUNTRY },
    { field: LANGUAGE },
    { field: TIME_ZONE }
];
const SESSION_FIELDS: FieldSpec[] = [
    { field: KIND },
    { field: STATUS },
    { field: SOURCE },
    { field: START_TIME },
    { field: END_TIME },
    { field: DEPARTMENT },
    { field: PRODUCT_SERVICE },
    { field: IP_ADDRESS },
    { field: BROWSER },
    { field: OPERATING_SYSTEM },
    { field: SCREEN_RESOLUTION },
    { field: LANDING_PAGE, isUrl: true },
    { field: REFERRER, isUrl: true },
    { field: CURRENT_PAGE, isUrl: true },
    { field: SEARCH_ENGINE },
    { field: SEARCH_KEYWORDS },
    { field: VISIT_TIMES },
    { field: CHAT_TIMES },
    { field: PAGE_VIEWS },
    { field: FIRST_VISIT }
];
const CHAT_FIELDS: FieldId[] = [
    ...VISITOR_FIELDS.map((spec) => spec.field),
    ...SESSION_FIELDS.map((spec) => spec.field),
    CUSTOM_VARIABLES,
    PRE_CHAT_FIELDS,
    IDENTIFICATION_STATUS,
    MATCHED_OBJECT,
    MATCHED_RECORD_ID,
    MATCHED_RECORD_NAME,
    ACCOUNT
];

const ICONS: Record<string, string> = {
    Contact: 'standard:contact',
    Lead: 'standard:lead',
    Account: 'standard:account'
};

const PENDING_MESSAGES: Record<string, string> = {
    'Attach Case': 'A case will be created for this chat when it ends.',
    'Attach Task': 'The chat will be attached as a task when it ends.',
    'Link Case': 'The chat will be linked to the new case when it ends.'
};

function text(value: unknown): string {
    if (value === null || value === undefined) {
        return '';
    }
    return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The visitor of a Comm100 chat, for the agent on the chat record page: visitor, session, custom
 * variables and pre-chat data; the identification result with a link to the record; the identified
 * Contact, Lead or Account with its mapped fields, editable in place (Lightning Data Service); and the
 * manual actions: create a Lead, Contact or Case from the object's own layout, pre-filled from the field
 * mappings, and attach the chat to it, or attach the chat to the identified record. An attachment
 * requested before the chat ends is carried out when it ends; the panel tells the agent when it is done.
 * Everything from the chat is shown as text.
 */
export default class VisitorPanel extends NavigationMixin(LightningElement) {
    /** The Comm100 Chat record. */
    @api recordId: string | undefined;

    /** Hide the session section (browser, pages, visits). */
    @api hideSession = false;

    /** Hide the custom variables and pre-chat sections. */
    @api hideCustomData = false;

    /** Show the identified record read-only instead of editable in place. */
    @api readOnly = false;

    /** How often, in seconds, the panel checks whether a pending attachment is done (5 to 300). */
    @api refreshSeconds = 15;

    chat: RecordRepresentation | undefined;
    chatError: unknown;
    chatInfo: ObjectInfo | undefined;
    panelFields: PanelFields[] = [];
    panelFieldsError: unknown;

    actionState: ActionState | undefined;
    actionError: unknown;
    actionMessage = '';
    working = false;
    recordUrls: Record<string, string> = {};

    creating: ActionOption | undefined;
    createDefaults: CreateDefaults | undefined;
    createLayout: RecordDefaultsRepresentation | undefined;
    createError: unknown;

    private pollTimer: ReturnType<typeof setTimeout> | undefined;
    private connected = false;

    // Optional fields: a field the agent may not read is left out instead of failing the whole panel.
    @wire(getRecord, { recordId: '$recordId', optionalFields: CHAT_FIELDS })
    wiredChat(result: WireResult<RecordRepresentation>): void {
        if (result.data) {
            this.chat = result.data;
            this.chatError = undefined;
            this.generateUrls().catch((error: unknown) => {
                this.chatError = error;
            });
        } else if (result.error) {
            this.chatError = result.error;
            this.chat = undefined;
        }
    }

    @wire(getObjectInfo, { objectApiName: CHAT_OBJECT })
    wiredChatInfo(result: WireResult<ObjectInfo>): void {
        // Field labels only; without them the API names are shown, so an error here is not fatal.
        this.chatInfo = result.data;
    }

    @wire(getPanelFields)
    wiredPanelFields(result: WireResult<PanelFields[]>): void {
        if (result.data) {
            this.panelFields = result.data;
            this.panelFieldsError = undefined;
        } else if (result.error) {
            this.panelFieldsError = result.error;
        }
    }

    @wire(getRecordCreateDefaults, { objectApiName: '$createObjectApiName' })
    wiredCreateDefaults(result: WireResult<RecordDefaultsRepresentation>): void {
        if (result.data) {
            this.createLayout = result.data;
        } else if (result.error) {
            this.createError = result.error;
        }
    }

    override connectedCallback(): void {
        this.connected = true;
        this.loadActionState().catch((error: unknown) => {
            this.actionError = error;
        });
    }

    override disconnectedCallback(): void {
        this.connected = false;
        this.stopPolling();
    }

    // ----- chat data -----

    get isLoading(): boolean {
        return !this.chat && !this.chatError;
    }

    get hasChat(): boolean {
        return this.chat !== undefined;
    }

    get visitorHeading(): string {
        const name = text(getFieldValue(this.chat, VISITOR_NAME));
        return name ? name : 'Visitor';
    }

    get sections(): Section[] {
        if (!this.chat) {
            return [];
        }
        const label = (field: FieldId): string =>
            this.chatInfo?.fields[field.fieldApiName]?.label ??
            field.fieldApiName.replace(/__c$/, '').replace(/_/g, ' ');
        const value = (field: FieldId): string => {
            const display = getFieldDisplayValue(this.chat, field);
            return display ? display : text(getFieldValue(this.chat, field));
        };
        const customData = !this.hideCustomData
            ? [
                  {
                      id: 'custom-variables',
                      title: 'Custom variables',
                      empty: 'No custom variables were sent.',
                      fields: parseNamedValues(getFieldValue(this.chat, CUSTOM_VARIABLES))
                  },
                  {
                      id: 'pre-chat',
                      title: 'Pre-chat form',
                      empty: 'No pre-chat form was filled in.',
                      fields: parseNamedValues(getFieldValue(this.chat, PRE_CHAT_FIELDS))
                  }
              ]
            : [];
        return buildSections(
            [
                {
                    id: 'visitor',
                    title: 'Visitor',
                    empty: 'Nothing is known about the visitor yet.',
                    specs: VISITOR_FIELDS
                },
                ...(!this.hideSession
                    ? [{ id: 'session', title: 'Session', empty: 'No session details.', specs: SESSION_FIELDS }]
                    : [])
            ],
            customData,
            label,
            value,
            safeUrl
        );
    }

    // ----- identification -----

    get identificationStatus(): string {
        return text(getFieldValue(this.chat, IDENTIFICATION_STATUS));
    }

    get matchedObject(): string {
        return text(getFieldValue(this.chat, MATCHED_OBJECT));
    }

    get matchedRecordId(): string {
        return text(getFieldValue(this.chat, MATCHED_RECORD_ID));
    }

    get isIdentified(): boolean {
        return this.identificationStatus === 'Identified' && this.matchedRecordId !== '';
    }

    get identificationText(): string {
        switch (this.identificationStatus) {
            case 'Identified':
                return `Identified as ${this.matchedObject}`;
            case 'Not Found':
                return 'No Contact or Lead matches this visitor.';
            case 'Ambiguous':
                return 'Several records match this visitor, so none was chosen. Search for the right one, or create a record below.';
            case 'Undecided':
                return 'The identification rules could not decide who this visitor is, so no record was chosen. Search for the right one before you create a record.';
            default:
                return 'The visitor has not been identified yet.';
        }
    }

    get matchedName(): string {
        const name = text(getFieldValue(this.chat, MATCHED_RECORD_NAME));
        return name ? name : this.matchedRecordId;
    }

    get matchedIcon(): string {
        return ICONS[this.matchedObject] ?? 'standard:record';
    }

    get matchedUrl(): string {
        return this.recordUrls[this.matchedRecordId] ?? '#';
    }

    get matchedFields(): string[] {
        return this.fieldsOf(this.matchedObject);
    }

    get accountId(): string {
        return this.matchedObject === 'Account' ? '' : text(getFieldValue(this.chat, ACCOUNT));
    }

    get showAccount(): boolean {
        return this.isIdentified && this.accountId !== '';
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

    private async generateUrls(): Promise<void> {
        const ids = [this.matchedRecordId, this.actionState?.caseId ?? '', this.actionState?.taskId ?? ''].filter(
            (id) => id !== '' && !(id in this.recordUrls)
        );
        const generated = await Promise.all(
            ids.map((id) =>
                this[NavigationMixin.GenerateUrl]({
                    type: 'standard__recordPage',
                    attributes: { recordId: id, actionName: 'view' }
                }).then(
                    (url) => [id, url] as const,
                    // Without a URL the link still opens the record: the click navigates.
                    () => [id, '#'] as const
                )
            )
        );
        if (generated.length > 0) {
            this.recordUrls = { ...this.recordUrls, ...Object.fromEntries(generated) };
        }
    }

    openRecord(event: Event): void {
        const recordId = (event.currentTarget as HTMLElement).dataset.recordId;
        if (!recordId) {
            return;
        }
        event.preventDefault();
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: { recordId, actionName: 'view' }
        });
    }

    handleRecordSaved(): void {
        this.dispatchEvent(
            new ShowToastEvent({ title: 'Saved', message: 'The record was updated.', variant: 'success' })
        );
    }

    // ----- manual actions -----

    get actionsLoading(): boolean {
        return this.actionState === undefined && this.actionError === undefined;
    }

    get attachedCaseId(): string {
        return this.actionState?.caseId ?? '';
    }

    get attachedTaskId(): string {
        return this.actionState?.taskId ?? '';
    }

    get isAttached(): boolean {
        return this.attachedCaseId !== '' || this.attachedTaskId !== '';
    }

    get attachedText(): string {
        return this.attachedCaseId ? 'This chat is attached to a case.' : 'This chat is attached to a task.';
    }

    get attachedRecordId(): string {
        return this.attachedCaseId || this.attachedTaskId;
    }

    get attachedUrl(): string {
        return this.recordUrls[this.attachedRecordId] ?? '#';
    }

    get attachedLinkLabel(): string {
        return this.attachedCaseId ? 'Open the case' : 'Open the task';
    }

    get attachedIcon(): string {
        return this.attachedCaseId ? 'standard:case' : 'standard:task';
    }

    get isPending(): boolean {
        return !this.isAttached && Boolean(this.actionState?.pendingAction);
    }

    get pendingText(): string {
        const pending = this.actionState?.pendingAction ?? '';
        return PENDING_MESSAGES[pending] ?? `Requested: ${pending}.`;
    }

    get options(): (ActionOption & { key: string; icon: string })[] {
        if (!this.actionState || this.isAttached || this.isPending || this.creating) {
            return [];
        }
        return this.actionState.options.map((option) => ({
            ...option,
            key: option.action,
            icon: option.createObject ? 'utility:new' : 'utility:attach'
        }));
    }

    get hasOptions(): boolean {
        return this.options.length > 0;
    }

    get noActionText(): string {
        return this.actionState && !this.isAttached && !this.isPending && this.actionState.options.length === 0
            ? 'No manual action is available for this chat.'
            : '';
    }

    async loadActionState(): Promise<void> {
        if (!this.recordId) {
            return;
        }
        const wasPending = this.isPending;
        try {
            this.actionState = await getActionState({ chatId: this.recordId });
            this.actionError = undefined;
        } catch (error) {
            this.actionError = error;
            return;
        }
        await this.generateUrls();
        if (wasPending && this.isAttached) {
            this.actionMessage = `Done: ${this.attachedText}`;
            this.dispatchEvent(
                new ShowToastEvent({ title: 'Chat attached', message: this.attachedText, variant: 'success' })
            );
            await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
        }
        this.schedulePoll();
    }

    private schedulePoll(): void {
        this.stopPolling();
        if (!this.connected || !this.isPending) {
            return;
        }
        const seconds = Math.min(Math.max(this.refreshSeconds || 15, 5), 300);
        // A pending attachment is carried out by the chat-end event, on the server; polling is the only way to hear of it.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.pollTimer = setTimeout(() => {
            this.pollTimer = undefined;
            this.loadActionState().catch((error: unknown) => {
                this.actionError = error;
            });
        }, seconds * 1000);
    }

    private stopPolling(): void {
        if (this.pollTimer !== undefined) {
            clearTimeout(this.pollTimer);
            this.pollTimer = undefined;
        }
    }

    async chooseAction(event: Event): Promise<void> {
        const action = (event.currentTarget as HTMLElement).dataset.action as ChatAction | undefined;
        const option = this.actionState?.options.find((candidate) => candidate.action === action);
        if (!option || !this.recordId) {
            return;
        }
        this.actionMessage = '';
        this.actionError = undefined;
        if (option.createObject) {
            await this.openCreateForm(option);
        } else if (option.targetRecordId) {
            await this.request(option.action, option.targetRecordId);
        }
    }

    private async openCreateForm(option: ActionOption): Promise<void> {
        this.creating = option;
        this.createDefaults = undefined;
        this.createLayout = undefined;
        this.createError = undefined;
        try {
            this.createDefaults = await getCreateDefaults({ chatId: this.recordId ?? '', action: option.action });
        } catch (error) {
            this.createError = error;
        }
    }

    private async request(action: ChatAction, recordId: string): Promise<void> {
        this.working = true;
        let refusal: unknown;
        try {
            const message = await requestAction({ chatId: this.recordId ?? '', action, recordId });
            this.actionMessage = message;
            this.dispatchEvent(new ShowToastEvent({ title: 'Comm100 chat', message, variant: 'success' }));
            await notifyRecordUpdateAvailable([{ recordId: this.recordId ?? '' }]);
        } catch (error) {
            refusal = error;
        } finally {
            this.working = false;
        }
        // The state is read again either way: another agent may have asked first.
        await this.loadActionState();
        if (refusal !== undefined) {
            this.actionError = refusal;
        }
    }

    // ----- create form -----

    get createObjectApiName(): string | undefined {
        return this.creating?.createObject ?? undefined;
    }

    get createTitle(): string {
        return this.creating ? this.creating.label : '';
    }

    get createLoading(): boolean {
        return this.creating !== undefined && !this.createError && (!this.createDefaults || !this.createLayout);
    }

    get createFields(): LayoutField[] {
        if (!this.createDefaults || !this.createLayout) {
            return [];
        }
        const objectInfo = this.createLayout.objectInfos[this.createDefaults.objectApiName];
        return layoutFields(this.createLayout.layout, objectInfo, this.createDefaults.defaults);
    }

    get skippedText(): string {
        const skipped = this.createDefaults?.skipped ?? [];
        return skipped.length ? `Not pre-filled: ${skipped.join('; ')}.` : '';
    }

    cancelCreate(): void {
        this.creating = undefined;
        this.createDefaults = undefined;
        this.createLayout = undefined;
        this.createError = undefined;
    }

    handleCreateError(): void {
        // lightning-messages inside the form shows the reasons; nothing is attached.
        this.working = false;
    }

    handleCreateSubmit(): void {
        this.working = true;
    }

    async handleCreateSuccess(event: CustomEvent<{ id: string }>): Promise<void> {
        const option = this.creating;
        const createdId = event.detail.id;
        this.cancelCreate();
        if (option) {
            await this.request(option.action, createdId);
        }
    }
}
