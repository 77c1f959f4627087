/**
 * The contract of ConfigurationController (Apex): the Configure section of the Comm100 Setup page. It reads the
 * configuration held in custom metadata (identification rules, field mappings, sync policies, redaction rules, the
 * chatbot allow-list), lists real fields from the describe, checks a draft and deploys it as custom metadata records
 * through the Apex Metadata API. A draft travels as JSON (`draftJson`, a ConfigDraft), so the rehearsal can run the
 * same draft. A field the Apex leaves null may reach the component as a missing key: such fields are optional.
 */
declare module '@salesforce/apex/ConfigurationController.getConfiguration' {
    import type { ApexMethodNoParams } from '@salesforce/apex';

    /** The objects identification rules look up. */
    export type RuleObject = 'Contact' | 'Lead' | 'Account';
    /** The objects field mappings write. */
    export type MappedObject = 'Contact' | 'Lead' | 'Account' | 'Case' | 'Task' | 'Comm100_Chat__c';
    export type PolicyAction =
        | 'Create/Update Contact & Attach Case'
        | 'Create/Update Contact & Attach Task'
        | 'Create Case'
        | 'Create Lead & Attach Task'
        | 'Do Nothing';
    export type MultipleMatches = 'Oldest' | 'Newest' | 'Ambiguous';
    export type UpdateMode = 'Do Not Update' | 'Overwrite' | 'Only Fill Blanks';

    /** One condition of an identification rule: a Comm100 field compared with a Salesforce field. */
    export interface RuleCondition {
        comm100Field: string;
        salesforceField: string;
    }

    /**
     * Every row has a `key`: the record's DeveloperName for a stored record, or a key the page makes for a new row
     * (`new-…`). Issues name the row by it. `developerName` is null for a row not yet deployed.
     */
    export interface IdentificationRule {
        key: string;
        developerName?: string | null;
        label: string;
        targetObject: RuleObject;
        order: number;
        active: boolean;
        /** One to three, in order. */
        conditions: RuleCondition[];
    }

    export interface FieldMapping {
        key: string;
        developerName?: string | null;
        label: string;
        targetObject: MappedObject;
        comm100Field: string;
        salesforceField: string;
        active: boolean;
    }

    /**
     * The policy applied when a chat ends (`appliesTo` Chat_Ended) or an offline message arrives (Offline_Message):
     * the Comm100 Sync Policy record the Comm100 Setting names for that kind (by default the record of that name).
     */
    export interface SyncPolicy {
        key: string;
        appliesTo: 'Chat_Ended' | 'Offline_Message';
        developerName: string;
        label: string;
        action: PolicyAction;
        multipleMatches: MultipleMatches;
        updateMode: UpdateMode;
    }

    export interface RedactionRule {
        key: string;
        developerName?: string | null;
        label: string;
        /** An Apex regular expression. */
        pattern: string;
        replacement?: string | null;
        luhnCheck: boolean;
        order: number;
        active: boolean;
    }

    export interface AllowListEntry {
        key: string;
        developerName?: string | null;
        label: string;
        targetObject: string;
        salesforceField: string;
        canRead: boolean;
        canWrite: boolean;
        active: boolean;
    }

    /** The whole configuration the editors change; serialised as `draftJson` for check, deploy and rehearse. */
    export interface ConfigDraft {
        identificationRules: IdentificationRule[];
        fieldMappings: FieldMapping[];
        policies: SyncPolicy[];
        redactionRules: RedactionRule[];
        allowList: AllowListEntry[];
    }

    /** A Comm100 field rules and mappings can name (Comm100FieldCatalogue), with the kind of value it holds. */
    export interface CatalogueField {
        key: string;
        label: string;
        category: string;
        /** TEXT, NUMBER, DATETIME, BOOLEAN, TEXTAREA …: the Schema.DisplayType name of the value. */
        valueType: string;
    }

    /** Per mapped object: how many fields it has in this org and how many of them the stored mappings write. */
    export interface ObjectCount {
        objectApiName: MappedObject;
        label: string;
        totalFields: number;
        mappedFields: number;
    }

    /**
     * Where a deployment of configuration stands (see getDeployment): Queued until the platform reports the result
     * through the DeployCallback (Apex cannot read a deployment's progress without a callout), then the
     * Metadata.DeployStatus it reported.
     */
    export type DeploymentStatus = 'Queued' | 'Succeeded' | 'SucceededPartial' | 'Failed' | 'Canceled';

    export interface Deployment {
        jobId: string;
        status: DeploymentStatus;
        /** True once the platform reported the result (the DeployCallback ran). */
        done: boolean;
        /** What happened, for a person: the error of each component that failed, or what was saved. */
        message?: string | null;
        errors: string[];
        startedAt?: string | null;
        completedAt?: string | null;
        startedBy?: string | null;
    }

    export interface Configuration {
        draft: ConfigDraft;
        catalogue: CatalogueField[];
        objects: ObjectCount[];
        /** The latest deployment of configuration from this page, or null. */
        lastDeployment?: Deployment | null;
    }

    const getConfiguration: ApexMethodNoParams<Configuration>;
    export default getConfiguration;
}

declare module '@salesforce/apex/ConfigurationController.getObjectFields' {
    import type { ApexMethod } from '@salesforce/apex';

    /** A field of the object, from the describe. */
    export interface FieldOption {
        apiName: string;
        label: string;
        /** The Schema.DisplayType name: STRING, EMAIL, PHONE, PICKLIST, DOUBLE, DATETIME, BOOLEAN, REFERENCE … */
        type: string;
        createable: boolean;
        updateable: boolean;
        /** From FieldDefinition.IsIndexed: a first rule condition on it is selective. */
        indexed: boolean;
        /** Text length, 0 for other types. */
        length: number;
    }

    const getObjectFields: ApexMethod<{ objectApiName: string }, FieldOption[]>;
    export default getObjectFields;
}

declare module '@salesforce/apex/ConfigurationController.check' {
    import type { ApexMethod } from '@salesforce/apex';

    export type DraftSection = 'identificationRules' | 'fieldMappings' | 'policies' | 'redactionRules' | 'allowList';

    /**
     * A problem with one input of one row: `field` names the input (`label`, `order`, `targetObject`, `comm100Field`,
     * `salesforceField`, `conditions.0.salesforceField`, `pattern`, `action` …), so the page shows it next to it.
     */
    export interface DraftIssue {
        section: DraftSection;
        key: string;
        field: string;
        message: string;
    }

    export interface CheckResult {
        /** Refused: the draft cannot be deployed while any is left. */
        errors: DraftIssue[];
        /** Allowed, but worth knowing (a first condition on a field that is not indexed …). */
        warnings: DraftIssue[];
        /** Whole-draft problems not tied to a row (malformed JSON …). */
        draftError?: string | null;
    }

    const check: ApexMethod<{ draftJson: string }, CheckResult>;
    export default check;
}

declare module '@salesforce/apex/ConfigurationController.deploy' {
    import type { ApexMethod } from '@salesforce/apex';
    import type { DraftIssue } from '@salesforce/apex/ConfigurationController.check';
    import type { Deployment } from '@salesforce/apex/ConfigurationController.getConfiguration';

    export interface DeployStart {
        /** The started deployment; null when the draft was refused (errors) or nothing changed. */
        deployment?: Deployment | null;
        errors: DraftIssue[];
        warnings: DraftIssue[];
        draftError?: string | null;
        /** How many records the deployment creates or updates (0: nothing changed, nothing deployed). */
        changedRecords: number;
        /** The DeveloperName the deployment gives each new row, by the row's key. */
        newNames?: Record<string, string> | null;
    }

    const deploy: ApexMethod<{ draftJson: string }, DeployStart>;
    export default deploy;
}

declare module '@salesforce/apex/ConfigurationController.getDeployment' {
    import type { ApexMethod } from '@salesforce/apex';
    import type { Deployment } from '@salesforce/apex/ConfigurationController.getConfiguration';

    const getDeployment: ApexMethod<{ jobId: string }, Deployment>;
    export default getDeployment;
}
