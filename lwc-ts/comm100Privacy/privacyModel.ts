import type {
    FoundRecord,
    IdentifierKind,
    LinkedState,
    Preview
} from '@salesforce/apex/VisitorPrivacyController.preview';
import type { Erasure } from '@salesforce/apex/VisitorPrivacyController.erase';

/** What the admin may search by, with the label of the field for each. */
export interface KindOption {
    value: IdentifierKind;
    label: string;
    fieldLabel: string;
    placeholder: string;
}

export const KINDS: KindOption[] = [
    { value: 'email', label: 'Email', fieldLabel: 'Visitor email', placeholder: 'name@example.com' },
    { value: 'visitorId', label: 'Visitor id', fieldLabel: 'Comm100 visitor id', placeholder: '' },
    { value: 'chatId', label: 'Chat id', fieldLabel: 'Comm100 chat id', placeholder: '' }
];

/** What the admin types to confirm an erasure (VisitorDataEraser.CONFIRMATION). */
export const CONFIRMATION = 'ERASE';

// The same sentences as VisitorDataEraser, so a refusal reads the same whether the page or Apex finds it.
export const BLANK_REFUSED = 'Enter the identifier to search for.';
export const LENGTH_REFUSED = 'Enter at most 80 characters.';
export const EMAIL_REFUSED = 'Enter an email address such as name@example.com.';
export const ID_REFUSED = 'Enter an id of at least two letters or digits, without spaces.';
export const CONFIRMATION_REFUSED = 'Type ERASE to confirm.';
const MAX_LENGTH = 80;

/** Why an identifier cannot be searched for, or '' when it can (VisitorDataEraser.identifierProblem). */
export function identifierProblem(kind: IdentifierKind, value: string): string {
    const trimmed = value.trim();
    if (trimmed.length === 0) {
        return BLANK_REFUSED;
    }
    if (trimmed.length > MAX_LENGTH) {
        return LENGTH_REFUSED;
    }
    if (kind === 'email') {
        return /^[^@\s]+@[^@\s]+\.[^@\s]+$/u.test(trimmed) ? '' : EMAIL_REFUSED;
    }
    const lettersAndDigits = trimmed.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
    return /\s/u.test(trimmed) || lettersAndDigits < 2 ? ID_REFUSED : '';
}

/** Why a confirmation is refused, or '' when it is ERASE. */
export function confirmationProblem(value: string): string {
    return value.trim() === CONFIRMATION ? '' : CONFIRMATION_REFUSED;
}

function count(n: number, one: string, many: string): string {
    return `${String(n)} ${n === 1 ? one : many}`;
}

function joinAll(parts: string[]): string {
    if (parts.length <= 1) {
        return parts.join('');
    }
    return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}

/** One sentence for what a search found, announced to screen readers. */
export function previewSummary(preview: Preview): string {
    if (preview.nothingFound) {
        return 'Nothing is held about this visitor.';
    }
    return `Found ${joinAll([
        count(preview.chats.length, 'chat', 'chats'),
        count(preview.transcriptChunks, 'transcript chunk', 'transcript chunks'),
        count(preview.syncLogs.length, 'sync log', 'sync logs'),
        count(preview.cases.length, 'case', 'cases'),
        count(preview.tasks.length, 'task', 'tasks'),
        ...activitiesPart(preview.activities)
    ])}.`;
}

/** The related Tasks and Events, named only when there are some. */
function activitiesPart(activities: number | null | undefined): string[] {
    const n = activities ?? 0;
    return n > 0 ? [count(n, 'related task or event', 'related tasks and events')] : [];
}

/** Said before and after every erasure: Comm100 keeps its own copy of the chats. */
export const ERASE_IN_COMM100 =
    'Erase this visitor in Comm100 too: until then, a backfill or the poller imports their chats again.';

/** One sentence for what an erasure removed. */
export function erasureSummary(erasure: Erasure): string {
    if (!erasure.erasureId) {
        return erasure.message ?? 'Nothing was erased.';
    }
    return `Removed ${joinAll([
        count(erasure.chats, 'chat', 'chats'),
        count(erasure.transcriptChunks, 'transcript chunk', 'transcript chunks'),
        count(erasure.syncLogs, 'sync log', 'sync logs'),
        ...activitiesPart(erasure.activities)
    ])}; cleared the visitor's data from ${joinAll([
        count(erasure.casesCleared, 'case', 'cases'),
        count(erasure.tasksCleared, 'task', 'tasks')
    ])}.`;
}

export const STATE_LABELS: Record<LinkedState, string> = {
    CLEAR: 'What the sync wrote about the visitor is removed from it; the rest is kept.',
    REVIEW: 'Its description does not hold the transcript as it was written (it was edited, or the task is archived): review it by hand.',
    UNREADABLE: 'You cannot read this record: erasing is refused until someone who can read it erases.'
};

/** Whether anything found blocks an erasure. */
export function hasUnreadable(preview: Preview): boolean {
    return [...preview.cases, ...preview.tasks].some((record) => record.state === 'UNREADABLE');
}

/** A found record as a row of a list. */
export interface Row {
    key: string;
    id: string;
    name: string;
    detail: string;
    whenAt: string | null;
    stateText: string;
    stateClass: string;
    /** The fields besides the description that are cleared, as a sentence; '' when none. */
    alsoText: string;
    /** The record page's address, once generated; '#' until then (a click navigates either way). */
    url: string;
}

export function rowsOf(records: FoundRecord[]): Row[] {
    return records.map((record) => ({
        key: record.id,
        id: record.id,
        name: record.name ?? record.id,
        detail: record.detail ?? '',
        whenAt: record.whenAt ?? null,
        stateText: record.state == null ? '' : STATE_LABELS[record.state],
        stateClass: record.state === 'CLEAR' ? 'privacy__state' : 'privacy__state privacy__state_attention',
        alsoText:
            (record.alsoCleared ?? []).length > 0 ? `Also cleared: ${(record.alsoCleared ?? []).join(', ')}.` : '',
        url: '#'
    }));
}
