import type rehearse from '@salesforce/apex/RehearsalController.rehearse';
import type { RehearsalSource } from '@salesforce/apex/RehearsalController.rehearse';
import { isBlank } from './wording';

export * from './wording';
export * from './resultRows';

/** The three ways to give a chat, in the order the page offers them. */
export const MODES: { value: RehearsalSource; label: string }[] = [
    { value: 'payload', label: 'Paste a payload' },
    { value: 'sample', label: 'A shipped sample' },
    { value: 'storedChat', label: 'A stored chat' }
];

/** What the page says before it asks Apex, when the chosen input is empty. */
export const MESSAGES = {
    payload: 'Paste a Comm100 payload: a webhook body or a chat from the Comm100 API, as JSON.',
    sampleName: 'Choose a sample from the list.',
    chatId: 'Choose a stored chat from the list (search by Comm100 id, visitor name or email).'
} as const;

/** What the admin gave for each way, kept while another way is chosen. */
export interface RehearsalInput {
    payload: string;
    sampleName: string;
    chatId: string;
}

/** The parameters of `rehearse`, exactly as the contract wants them. */
export type RehearseParams = Parameters<typeof rehearse>[0];

/** The field of the input a mode reads; an error of Apex names it in `inputField`. */
export type InputField = keyof RehearsalInput;

export function fieldOf(mode: RehearsalSource): InputField {
    if (mode === 'sample') {
        return 'sampleName';
    }
    return mode === 'storedChat' ? 'chatId' : 'payload';
}

/** Why the chosen input cannot be rehearsed yet, or '' when it can. */
export function inputProblem(mode: RehearsalSource, input: RehearsalInput): string {
    const field = fieldOf(mode);
    return isBlank(input[field]) ? MESSAGES[field] : '';
}

/** The parameters of one rehearsal: the chosen input only (the others null), and the draft when there is one. */
export function rehearseParams(
    mode: RehearsalSource,
    input: RehearsalInput,
    draftJson: string | null | undefined
): RehearseParams {
    const field = fieldOf(mode);
    return {
        payload: field === 'payload' ? input.payload : null,
        sampleName: field === 'sampleName' ? input.sampleName : null,
        chatId: field === 'chatId' ? input.chatId : null,
        draftJson: isBlank(draftJson) ? null : (draftJson ?? null)
    };
}

/**
 * Where an error of the input is shown: next to the field it names when that field is on screen (the chosen way),
 * otherwise at the top of the section (a draft's error, or one that names no field).
 */
export function errorPlace(inputField: string | null | undefined, mode: RehearsalSource): InputField | 'top' {
    return inputField === fieldOf(mode) ? inputField : 'top';
}

/** The heading of a result: what was rehearsed (the sample's label, the chosen chat's label). */
export function rehearsalTitle(mode: RehearsalSource, chosen: string): string {
    if (mode === 'sample') {
        return `Rehearsal of the sample “${chosen}”`;
    }
    return mode === 'storedChat' ? `Rehearsal of the stored chat ${chosen}` : 'Rehearsal of the pasted payload';
}
