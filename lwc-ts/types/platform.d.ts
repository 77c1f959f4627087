/**
 * Typed declarations for the Salesforce-only modules that no npm package types.
 *
 * Wire adapters are declared as `WireAdapterConstructor<Config, Value>` so that the
 * `@wire` decorator checks both the adapter configuration and the type of the decorated
 * property; Apex methods are declared one by one in `types/apex/`, so an import of a
 * method that is not declared, or a call with the wrong arguments, fails the type-check.
 */

declare module '@salesforce/schema' {
    /** A reference to an object, as `@salesforce/schema/Contact` imports it. */
    export interface ObjectId {
        objectApiName: string;
    }
    /** A reference to a field, as `@salesforce/schema/Contact.Email` imports it. */
    export interface FieldId {
        objectApiName: string;
        fieldApiName: string;
    }
}

declare module '@salesforce/schema/*' {
    import type { FieldId } from '@salesforce/schema';
    /** Objects import as `{ objectApiName }`, fields as `{ objectApiName, fieldApiName }`. */
    const reference: FieldId;
    export default reference;
}

declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}

declare module '@salesforce/resourceUrl/*' {
    const url: string;
    export default url;
}

declare module '@salesforce/customPermission/*' {
    const hasPermission: boolean | undefined;
    export default hasPermission;
}

declare module '@salesforce/userPermission/*' {
    const hasPermission: boolean | undefined;
    export default hasPermission;
}

declare module '@salesforce/apex' {
    import type { WireAdapterConstructor } from 'lwc';

    /** What a wire adapter hands to the decorated property or method. */
    export interface WireResult<T> {
        data?: T;
        error?: unknown;
    }

    /** The parameters of an `@AuraEnabled` method, keyed by parameter name. */
    export type ApexParams = Record<string, unknown>;

    /**
     * An `@AuraEnabled` method: callable imperatively with its parameters, and usable with
     * `@wire` when it is `cacheable=true`.
     */
    export type ApexMethod<Params extends ApexParams, Result> = ((params: Params) => Promise<Result>) &
        WireAdapterConstructor<Params, WireResult<Result>>;

    /** An `@AuraEnabled` method without parameters. */
    export type ApexMethodNoParams<Result> = (() => Promise<Result>) &
        WireAdapterConstructor<Record<string, never>, WireResult<Result>>;

    /** Refreshes the cached value of a wired Apex method; pass the object the wire provided. */
    export function refreshApex(wiredValue: unknown): Promise<void>;

    /** Reads a field from an SObject returned by Apex, namespace-safe. */
    export function getSObjectValue(
        sObject: Record<string, unknown>,
        field: string | { fieldApiName: string }
    ): unknown;
}

declare module 'lightning/uiRecordApi' {
    import type { WireAdapter, WireAdapterConstructor } from 'lwc';
    import type { ObjectInfo } from 'lightning/uiObjectInfoApi';
    import type { FieldId, ObjectId } from '@salesforce/schema';
    import type { WireResult } from '@salesforce/apex';

    export type FieldReference = FieldId | string;

    export interface FieldValueRepresentation {
        displayValue: string | null;
        value: string | number | boolean | RecordRepresentation | null;
    }

    export interface RecordRepresentation {
        apiName: string;
        id: string;
        childRelationships: Record<string, unknown>;
        eTag?: string;
        fields: Record<string, FieldValueRepresentation>;
        lastModifiedById: string | null;
        lastModifiedDate: string | null;
        recordTypeId: string | null;
        recordTypeInfo: {
            available: boolean;
            defaultRecordTypeMapping: boolean;
            master: boolean;
            name: string;
            recordTypeId: string;
        } | null;
        systemModstamp: string | null;
        weakEtag: number;
    }

    /** The error body the data service hands to a wire or rejects a promise with. */
    export interface FetchResponse {
        status?: number;
        statusText?: string;
        ok?: boolean;
        body?: unknown;
        headers?: Record<string, string>;
    }

    type LayoutType = 'Compact' | 'Full';
    type LayoutMode = 'Create' | 'Edit' | 'View';

    interface GetRecordByFields {
        recordId: string | undefined;
        fields: FieldReference[];
        optionalFields?: FieldReference[];
    }
    interface GetRecordByOptionalFields {
        recordId: string | undefined;
        optionalFields: FieldReference[];
        fields?: FieldReference[];
    }
    interface GetRecordByLayout {
        recordId: string | undefined;
        layoutTypes: LayoutType[];
        modes?: LayoutMode[];
        optionalFields?: FieldReference[];
    }
    export type GetRecordConfig = GetRecordByFields | GetRecordByOptionalFields | GetRecordByLayout;

    export interface RecordInput {
        apiName?: string;
        fields: Record<string, unknown>;
        allowSaveOnDuplicate?: boolean;
    }

    /** A field (or other component) in a layout item; `apiName` is null for blank spaces and canvases. */
    export interface RecordLayoutComponent {
        apiName: string | null;
        componentType: 'Field' | 'EmptySpace' | 'CustomLink' | 'Canvas' | 'ReportChart' | 'VisualforcePage';
        label: string | null;
    }
    export interface RecordLayoutItem {
        editableForNew: boolean;
        editableForUpdate: boolean;
        label: string;
        required: boolean;
        layoutComponents: RecordLayoutComponent[];
    }
    export interface RecordLayoutSection {
        id: string;
        heading: string;
        useHeading: boolean;
        columns: number;
        layoutRows: { layoutItems: RecordLayoutItem[] }[];
    }
    /** The page layout of an object for one mode, as the UI API returns it. */
    export interface RecordLayout {
        id: string;
        layoutType: LayoutType;
        mode: LayoutMode;
        sections: RecordLayoutSection[];
    }

    export interface RecordDefaultsRepresentation {
        layout: RecordLayout | null;
        objectInfos: Record<string, ObjectInfo>;
        record: RecordRepresentation;
    }

    /**
     * Declared without `configSchema`, so a config of any one of the three shapes above is accepted
     * (the LWC typing compares `configSchema` keys, which a union of shapes cannot satisfy).
     */
    export const getRecord: new (
        callback: (value: WireResult<RecordRepresentation>) => void,
        sourceContext?: { tagName: string }
    ) => WireAdapter<GetRecordConfig>;
    export const getRecords: WireAdapterConstructor<
        { records: { recordIds: string[]; fields?: FieldReference[]; optionalFields?: FieldReference[] }[] },
        WireResult<{ results: { statusCode: number; result: RecordRepresentation }[] }>
    >;
    export const getRecordCreateDefaults: WireAdapterConstructor<
        {
            objectApiName: string | ObjectId | undefined;
            formFactor?: 'Large' | 'Medium' | 'Small';
            recordTypeId?: string;
            optionalFields?: FieldReference[];
        },
        WireResult<RecordDefaultsRepresentation>
    >;

    export function getFieldValue(record: RecordRepresentation | undefined, field: FieldReference): unknown;
    export function getFieldDisplayValue(
        record: RecordRepresentation | undefined,
        field: FieldReference
    ): string | null | undefined;
    export function createRecord(recordInput: RecordInput & { apiName: string }): Promise<RecordRepresentation>;
    export function updateRecord(
        recordInput: RecordInput,
        clientOptions?: { ifUnmodifiedSince?: string }
    ): Promise<RecordRepresentation>;
    export function deleteRecord(recordId: string): Promise<void>;
    export function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void>;
    export function generateRecordInputForCreate(record: RecordRepresentation, objectInfo?: unknown): RecordInput;
    export function generateRecordInputForUpdate(record: RecordRepresentation, objectInfo?: unknown): RecordInput;
}

declare module 'lightning/uiObjectInfoApi' {
    import type { WireAdapterConstructor } from 'lwc';
    import type { FieldId, ObjectId } from '@salesforce/schema';
    import type { WireResult } from '@salesforce/apex';

    export interface FieldInfo {
        apiName: string;
        label: string;
        dataType: string;
        required: boolean;
        createable: boolean;
        updateable: boolean;
        length: number;
        nillable: boolean;
        reference: boolean;
        referenceToInfos: { apiName: string; nameFields: string[] }[];
        relationshipName: string | null;
        /** True for a compound field (a name, an address, a geolocation). */
        compound: boolean;
        /** The compound field this field is part of, or null. */
        compoundFieldName: string | null;
    }

    export interface ObjectInfo {
        apiName: string;
        label: string;
        labelPlural: string;
        keyPrefix: string | null;
        createable: boolean;
        updateable: boolean;
        deletable: boolean;
        queryable: boolean;
        defaultRecordTypeId: string;
        fields: Record<string, FieldInfo>;
        nameFields: string[];
        recordTypeInfos: Record<
            string,
            {
                available: boolean;
                defaultRecordTypeMapping: boolean;
                master: boolean;
                name: string;
                recordTypeId: string;
            }
        >;
        themeInfo: { color: string; iconUrl: string } | null;
    }

    export interface PicklistValue {
        label: string;
        value: string;
        validFor: number[];
        attributes: Record<string, unknown> | null;
    }

    export const getObjectInfo: WireAdapterConstructor<
        { objectApiName: string | ObjectId | undefined },
        WireResult<ObjectInfo>
    >;
    export const getObjectInfos: WireAdapterConstructor<
        { objectApiNames: (string | ObjectId)[] | undefined },
        WireResult<{ results: { statusCode: number; result: ObjectInfo }[] }>
    >;
    export const getPicklistValues: WireAdapterConstructor<
        { recordTypeId: string | undefined; fieldApiName: string | FieldId | undefined },
        WireResult<{ defaultValue: PicklistValue | null; values: PicklistValue[] }>
    >;
}

declare module 'lightning/platformShowToastEvent' {
    export type ToastVariant = 'info' | 'success' | 'warning' | 'error';
    export type ToastMode = 'dismissible' | 'pester' | 'sticky';
    export interface ShowToastEventDetail {
        title: string;
        message?: string;
        messageData?: (string | { url: string; label: string })[];
        variant?: ToastVariant;
        mode?: ToastMode;
    }
    export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
        constructor(detail: ShowToastEventDetail);
    }
}

declare module 'lightning/navigation' {
    import type { WireAdapterConstructor, LightningElement } from 'lwc';

    export type PageReference =
        | {
              type: 'standard__recordPage';
              attributes: { recordId: string; actionName: 'view' | 'edit' | 'clone'; objectApiName?: string };
              state?: Record<string, string>;
          }
        | {
              type: 'standard__objectPage';
              attributes: { objectApiName: string; actionName: 'home' | 'list' | 'new' };
              state?: Record<string, string>;
          }
        | {
              type: 'standard__recordRelationshipPage';
              attributes: { recordId: string; relationshipApiName: string; actionName: 'view'; objectApiName?: string };
              state?: Record<string, string>;
          }
        | {
              type: 'standard__navItemPage';
              attributes: { apiName: string };
              state?: Record<string, string>;
          }
        | {
              type: 'standard__webPage';
              attributes: { url: string };
          };

    type Constructor<T = object> = new (...args: any[]) => T;

    export interface NavigationMixinMethods {
        [NavigationMixin.Navigate](pageReference: PageReference, replace?: boolean): void;
        [NavigationMixin.GenerateUrl](pageReference: PageReference): Promise<string>;
    }

    export const NavigationMixin: {
        <Base extends Constructor<LightningElement>>(base: Base): Base & Constructor<NavigationMixinMethods>;
        readonly Navigate: unique symbol;
        readonly GenerateUrl: unique symbol;
    };

    /** Wire with `@wire(CurrentPageReference) pageRef?: PageReference;` */
    export const CurrentPageReference: WireAdapterConstructor<Record<string, never>, PageReference>;
}
