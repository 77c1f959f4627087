/**
 * The contract of RehearsalController (Apex): the Rehearse section of the Comm100 Setup page. A rehearsal runs a
 * Comm100 payload (pasted, a shipped sample, or a stored chat) through normalisation, redaction, identification,
 * field mapping and the sync policy, and reports each step, without writing any record. With a draft
 * (`draftJson`, a ConfigDraft of ConfigurationController) it runs under the draft's rules instead of the deployed
 * ones. A field the Apex leaves null may reach the component as a missing key: such fields are optional.
 */
declare module '@salesforce/apex/RehearsalController.getSamples' {
    import type { ApexMethodNoParams } from '@salesforce/apex';

    /** A Comm100 payload shipped with the package to rehearse with. */
    export interface Sample {
        name: string;
        label: string;
        description: string;
        /** webhook, api_v2, api_v3 or api_v4. */
        source: string;
    }

    const getSamples: ApexMethodNoParams<Sample[]>;
    export default getSamples;
}

declare module '@salesforce/apex/RehearsalController.findChats' {
    import type { ApexMethod } from '@salesforce/apex';

    /** A stored Comm100 chat to rehearse with. */
    export interface StoredChatOption {
        id: string;
        comm100Id: string;
        visitorName?: string | null;
        visitorEmail?: string | null;
        startedAt?: string | null;
        kind?: string | null;
        status?: string | null;
    }

    /** The latest stored chats whose Comm100 id, visitor name or visitor email contains `term` (all when blank). */
    const findChats: ApexMethod<{ term: string }, StoredChatOption[]>;
    export default findChats;
}

declare module '@salesforce/apex/RehearsalController.rehearse' {
    import type { ApexMethod } from '@salesforce/apex';

    /** Where the rehearsed chat came from. */
    export type RehearsalSource = 'payload' | 'sample' | 'storedChat';

    /** One value of the normalised chat: a Comm100 Chat field and what the chat would hold in it. */
    export interface ChatValue {
        apiName: string;
        label: string;
        value?: string | null;
    }

    export interface NormalisedChat {
        comm100Id?: string | null;
        /** chat_started, chat_ended, chat_wrapped_up, offline_message_submitted or chat (API). */
        eventType?: string | null;
        /** webhook, api_v2, api_v3 or api_v4. */
        source?: string | null;
        kind?: string | null;
        values: ChatValue[];
        messageCount: number;
        /** The transcript as stored (after redaction), cut to the first few thousand characters. */
        transcriptPreview?: string | null;
        /** The redaction rules that changed something, with how many times: "Card number (2)". */
        redactions: string[];
    }

    /** The value one rule condition compares. */
    export interface ConditionTrace {
        comm100Field: string;
        salesforceField: string;
        value?: string | null;
    }

    /** What one identification rule did. */
    export interface RuleTrace {
        targetObject: string;
        label: string;
        developerName?: string | null;
        order: number;
        conditions: ConditionTrace[];
        /** Matched, No match, Ambiguous, Skipped (the rule cannot run: reason), Not run (an earlier rule decided). */
        outcome: 'Matched' | 'No match' | 'Ambiguous' | 'Skipped' | 'Not run';
        /** The records the rule found (at most a few), readable by the admin. */
        matches: RecordRef[];
        matchCount: number;
        reason?: string | null;
    }

    export interface RecordRef {
        id: string;
        name?: string | null;
        objectApiName: string;
    }

    export interface Identity {
        /** Identified, Not Found, Ambiguous or Undecided (VisitorIdentifier). */
        status: string;
        matchedObject?: string | null;
        record?: RecordRef | null;
        contact?: RecordRef | null;
        lead?: RecordRef | null;
        account?: RecordRef | null;
    }

    export interface PolicyTrace {
        developerName?: string | null;
        label?: string | null;
        action?: string | null;
        multipleMatches?: string | null;
        updateMode?: string | null;
        /** Whether the policy runs for this chat (it ended, it is not already attached …). */
        applies: boolean;
        reason?: string | null;
    }

    /** One mapped value: what the Comm100 field held and what the Salesforce field would get. */
    export interface MappingTrace {
        targetObject: string;
        comm100Field: string;
        salesforceField: string;
        rawValue?: string | null;
        value?: string | null;
        /** Written, Converted, Truncated or Skipped. */
        outcome: 'Written' | 'Converted' | 'Truncated' | 'Skipped';
        /** The conversion made, or why the value was cut or left out. */
        reason?: string | null;
    }

    /**
     * A record the sync would create or update. The chat itself is always the last: every sync updates it with its
     * identification and links (Attach when it also attaches a Case or Task, Update otherwise).
     */
    export interface PlannedRecord {
        /** Create, Update or Attach. */
        operation: 'Create' | 'Update' | 'Attach';
        objectApiName: string;
        /** The existing record updated or attached to. */
        recordId?: string | null;
        values: ChatValue[];
    }

    export interface Rehearsal {
        /** Why the input was refused, for the field it concerns; the rest is empty then. */
        inputError?: string | null;
        /** payload, sampleName, chatId or draftJson: the input the error concerns. */
        inputField?: string | null;
        source?: RehearsalSource | null;
        /** True when the draft's rules were used rather than the deployed ones. */
        usedDraft: boolean;
        chat?: NormalisedChat | null;
        rules: RuleTrace[];
        identity?: Identity | null;
        policy?: PolicyTrace | null;
        mappings: MappingTrace[];
        records: PlannedRecord[];
        /** What the sync log would say: notes, values left out, warnings. */
        notes: string[];
        /** Why the sync would fail for this chat, as its Failed log would say. */
        failure?: string | null;
    }

    /** Exactly one of payload, sampleName and chatId is set; draftJson is optional (blank: the deployed rules). */
    const rehearse: ApexMethod<
        { payload: string | null; sampleName: string | null; chatId: string | null; draftJson: string | null },
        Rehearsal
    >;
    export default rehearse;
}
