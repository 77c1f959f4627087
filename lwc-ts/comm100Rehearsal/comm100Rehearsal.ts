import { LightningElement, api, wire } from 'lwc';
import type { WireResult } from '@salesforce/apex';
import getSamples from '@salesforce/apex/RehearsalController.getSamples';
import type { Sample } from '@salesforce/apex/RehearsalController.getSamples';
import rehearse from '@salesforce/apex/RehearsalController.rehearse';
import type { Rehearsal, RehearsalSource } from '@salesforce/apex/RehearsalController.rehearse';
import {
    BANNER,
    MODES,
    errorPlace,
    fieldOf,
    inputProblem,
    recordNames,
    rehearsalTitle,
    rehearseParams,
    resultSummary,
    sourceLabel
} from 'c/rehearsalModel';
import type { InputField, RehearsalInput } from 'c/rehearsalModel';

const NO_ERRORS: Record<InputField, string> = { payload: '', sampleName: '', chatId: '' };
const FIELD_SELECTORS: Record<InputField, string> = {
    payload: '[data-id="payload"]',
    sampleName: '[data-id="sample"]',
    chatId: 'c-rehearsal-chat-picker'
};

/**
 * The Rehearse section of the Comm100 Setup page: the admin gives a chat (a pasted payload, a shipped sample or a
 * stored chat) and sees what the sync would do with it (the chat as stored, each identification rule, every mapped
 * value, the policy and the records it would create, update or attach) without any record being written. With
 * `draftJson` (a ConfigDraft of the Configure section) it rehearses under those unsaved rules. What was typed is
 * kept across errors and choice switches; a refused input is answered next to its field (a draft's at the top).
 */
export default class Comm100Rehearsal extends LightningElement {
    /** The unsaved configuration to rehearse under, as JSON; blank: the deployed rules. */
    @api draftJson: string | undefined;

    mode: RehearsalSource = 'sample';
    input: RehearsalInput = { payload: '', sampleName: '', chatId: '' };
    chosenChatLabel = '';
    errors: Record<InputField, string> = NO_ERRORS;
    topError = '';

    samples: Sample[] = [];
    samplesLoaded = false;
    samplesError: unknown;

    running = false;
    result: Rehearsal | undefined;
    rehearsed = '';
    callError: unknown;
    private focusAfterRender = '';

    @wire(getSamples)
    wiredSamples({ data, error }: WireResult<Sample[]>): void {
        if (data) {
            this.samples = data;
            this.samplesLoaded = true;
            this.samplesError = undefined;
        } else if (error) {
            this.samplesError = error;
            this.samplesLoaded = true;
        }
    }

    get withDraft(): boolean {
        return (this.draftJson ?? '').trim() !== '';
    }

    get heading(): string {
        return this.withDraft ? 'Rehearse under your unsaved changes' : 'Rehearse a chat';
    }

    get modeOptions(): { value: string; label: string; id: string; checked: boolean }[] {
        return MODES.map((option) => ({ ...option, id: `mode-${option.value}`, checked: option.value === this.mode }));
    }

    /** The inputs of the other ways stay in the page, hidden, so that nothing typed or chosen is lost. */
    get inputClass(): Record<RehearsalSource, string> {
        const shownIf = (mode: RehearsalSource): string => `rehearsal__input${this.mode === mode ? '' : ' slds-hide'}`;
        return { payload: shownIf('payload'), sample: shownIf('sample'), storedChat: shownIf('storedChat') };
    }

    get chatActive(): boolean {
        return this.mode === 'storedChat';
    }

    get fieldClass(): Record<InputField, string> {
        const of = (field: InputField): string => `slds-form-element${this.errors[field] ? ' slds-has-error' : ''}`;
        return { payload: of('payload'), sampleName: of('sampleName'), chatId: of('chatId') };
    }

    get invalid(): Record<InputField, string> {
        const of = (field: InputField): string => (this.errors[field] ? 'true' : 'false');
        return { payload: of('payload'), sampleName: of('sampleName'), chatId: of('chatId') };
    }

    get sampleOptions(): { value: string; label: string; selected: boolean }[] {
        return this.samples.map((s) => ({ value: s.name, label: s.label, selected: s.name === this.input.sampleName }));
    }

    get sampleDescription(): string {
        const sample = this.samples.find((s) => s.name === this.input.sampleName);
        return sample ? `${sourceLabel(sample.source)}: ${sample.description}` : '';
    }

    get noSamples(): boolean {
        return this.samplesLoaded && !this.samplesError && this.samples.length === 0;
    }

    get busyText(): string {
        return this.running ? 'true' : 'false';
    }

    get statusText(): string {
        if (this.running) {
            return 'Rehearsing…';
        }
        const refused = this.topError || this.errors[fieldOf(this.mode)];
        if (refused) {
            return `Not rehearsed: ${refused}`;
        }
        return this.result ? resultSummary(this.result) : '';
    }

    get names(): Record<string, string> {
        return recordNames(this.result);
    }

    get banner(): string {
        return BANNER;
    }

    get rulesText(): string {
        return this.result?.usedDraft ? 'Rules: your unsaved changes.' : 'Rules: the deployed configuration.';
    }

    override renderedCallback(): void {
        if (this.focusAfterRender) {
            const target = this.template?.querySelector<HTMLElement & { focusSearch?: () => void }>(
                this.focusAfterRender
            );
            this.focusAfterRender = '';
            if (target?.focusSearch) {
                target.focusSearch();
            } else {
                target?.focus();
            }
        }
    }

    handleModeChange(event: Event): void {
        this.mode = (event.target as HTMLInputElement).value as RehearsalSource;
        this.topError = '';
    }

    handlePayloadInput(event: Event): void {
        this.setInput('payload', (event.target as HTMLTextAreaElement).value);
    }

    handleSampleChange(event: Event): void {
        this.setInput('sampleName', (event.target as HTMLSelectElement).value);
    }

    handleChatChange(event: CustomEvent<{ chatId: string; label: string }>): void {
        this.chosenChatLabel = event.detail.label;
        this.setInput('chatId', event.detail.chatId);
    }

    private setInput(field: InputField, value: string): void {
        this.input = { ...this.input, [field]: value };
        this.errors = { ...this.errors, [field]: '' };
    }

    async handleRehearse(event: Event): Promise<void> {
        event.preventDefault();
        if (this.running) {
            return;
        }
        const field = fieldOf(this.mode);
        this.errors = { ...NO_ERRORS, [field]: inputProblem(this.mode, this.input) };
        this.topError = '';
        if (this.errors[field]) {
            this.focusAfterRender = FIELD_SELECTORS[field];
            return;
        }
        this.running = true;
        this.callError = undefined;
        this.result = undefined;
        const sample = this.samples.find((s) => s.name === this.input.sampleName);
        const rehearsed = rehearsalTitle(
            this.mode,
            this.mode === 'sample' ? (sample?.label ?? this.input.sampleName) : this.chosenChatLabel
        );
        try {
            const answer = await rehearse(rehearseParams(this.mode, this.input, this.draftJson));
            if (answer.inputError) {
                const place = errorPlace(answer.inputField, this.mode);
                if (place === 'top') {
                    this.topError = answer.inputError;
                    this.focusAfterRender = '[data-id="top-error"]';
                } else {
                    this.errors = { ...NO_ERRORS, [place]: answer.inputError };
                    this.focusAfterRender = FIELD_SELECTORS[place];
                }
                return;
            }
            this.result = answer;
            this.rehearsed = rehearsed;
            this.focusAfterRender = '[data-id="result-heading"]';
        } catch (error) {
            this.callError = error;
        } finally {
            this.running = false;
        }
    }
}
