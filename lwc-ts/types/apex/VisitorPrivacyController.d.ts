/**
 * The contract of VisitorPrivacyController (Apex): the Privacy section of the Comm100 Setup page. Components, Jest
 * mocks and preview fixtures use these types, so a change of the Apex contract fails the type-check. A field Apex
 * leaves null may arrive as a missing key: such fields are optional here, and the component treats undefined as null.
 */
declare module '@salesforce/apex/VisitorPrivacyController.preview' {
    import type { ApexMethod } from '@salesforce/apex';

    /** What the admin searches by. */
    export type IdentifierKind = 'email' | 'visitorId' | 'chatId';

    /**
     * A Case or Task linked to a chat: CLEAR (what the sync wrote about the visitor is there and is removed: the
     * transcript in its description, or its subject, web email, name or phone), REVIEW (the transcript is not there
     * as written, or the Task is archived: left for a person), UNREADABLE (the admin cannot read it: erasing is
     * refused).
     */
    export type LinkedState = 'CLEAR' | 'REVIEW' | 'UNREADABLE';

    export interface FoundRecord {
        id: string;
        name?: string | null;
        detail?: string | null;
        whenAt?: string | null;
        /** Cases and Tasks only. */
        state?: LinkedState | null;
        /** Cases and Tasks only: the fields besides Description that are cleared (Subject, Web Email, …). */
        alsoCleared?: string[] | null;
    }

    export interface Preview {
        /** Why the identifier was refused, for the field; null when it was searched. */
        identifierError?: string | null;
        kind?: IdentifierKind | null;
        chats: FoundRecord[];
        transcriptChunks: number;
        syncLogs: FoundRecord[];
        cases: FoundRecord[];
        tasks: FoundRecord[];
        /** Tasks and Events related to the chats: the platform deletes them with the chats. */
        activities?: number | null;
        /** More than one erasure removes: erase again afterwards. */
        more: boolean;
        nothingFound: boolean;
    }

    const preview: ApexMethod<{ kind: IdentifierKind; identifier: string }, Preview>;
    export default preview;
}

declare module '@salesforce/apex/VisitorPrivacyController.erase' {
    import type { ApexMethod } from '@salesforce/apex';
    import type { FoundRecord, IdentifierKind } from '@salesforce/apex/VisitorPrivacyController.preview';

    export interface Erasure {
        identifierError?: string | null;
        /** Why the confirmation was refused; null when it was ERASE. */
        confirmationError?: string | null;
        chats: number;
        transcriptChunks: number;
        syncLogs: number;
        casesCleared: number;
        tasksCleared: number;
        /** Tasks and Events related to the chats, deleted with them by the platform. */
        activities?: number | null;
        /** Linked Cases and Tasks whose description was left unchanged, for a person to review. */
        leftForReview: FoundRecord[];
        /** Deleted records the Recycle Bin did not empty. */
        notEmptied: number;
        /** The Comm100 Erasure record; null when nothing was found. */
        erasureId?: string | null;
        erasureName?: string | null;
        more: boolean;
        /** What the admin is told; after an erasure it ends by saying the visitor must be erased in Comm100 too. */
        message?: string | null;
    }

    const erase: ApexMethod<{ kind: IdentifierKind; identifier: string; confirmation: string }, Erasure>;
    export default erase;
}
