// The Comm100 Chat fields the visitor panel reads, and the section each is shown in. The panel asks the data
// service for all of them at once (CHAT_FIELDS); its parts read the ones they show.
import type { FieldId } from '@salesforce/schema';
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

/** How a value becomes a link: a safe web address, an email address (mailto:) or a phone number (tel:). */
export type LinkKind = 'web' | 'email' | 'phone';

/** A chat field shown in a section; a field with `link` becomes a link when its value is a safe one. */
export interface FieldSpec {
    field: FieldId;
    link?: LinkKind;
}

export const VISITOR_FIELDS: FieldSpec[] = [
    { field: VISITOR_NAME },
    { field: VISITOR_EMAIL, link: 'email' },
    { field: VISITOR_PHONE, link: 'phone' },
    { field: VISITOR_COMPANY },
    { field: VISITOR_ID },
    { field: CITY },
    { field: STATE },
    { field: COUNTRY },
    { field: LANGUAGE },
    { field: TIME_ZONE }
];

export const SESSION_FIELDS: FieldSpec[] = [
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
    { field: LANDING_PAGE, link: 'web' },
    { field: REFERRER, link: 'web' },
    { field: CURRENT_PAGE, link: 'web' },
    { field: SEARCH_ENGINE },
    { field: SEARCH_KEYWORDS },
    { field: VISIT_TIMES },
    { field: CHAT_TIMES },
    { field: PAGE_VIEWS },
    { field: FIRST_VISIT }
];

/** The fields of the identification result: what matched, and the contact's account. */
export const IDENTIFICATION_FIELDS = {
    status: IDENTIFICATION_STATUS,
    object: MATCHED_OBJECT,
    recordId: MATCHED_RECORD_ID,
    name: MATCHED_RECORD_NAME,
    account: ACCOUNT
} as const;

export { VISITOR_NAME, CUSTOM_VARIABLES, PRE_CHAT_FIELDS };

/** Every field the panel's parts read, asked of the data service as optional fields. */
export const CHAT_FIELDS: FieldId[] = [
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
