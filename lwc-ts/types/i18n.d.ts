/**
 * The internationalization properties of the running user (`@salesforce/i18n/*`), as Salesforce returns them:
 * the user's own locale and time zone from their personal settings, or the organization's defaults.
 */

declare module '@salesforce/i18n/locale' {
    /** The user's locale as a BCP 47 tag, such as "en-CA". */
    const locale: string;
    export default locale;
}

declare module '@salesforce/i18n/timeZone' {
    /** The user's time zone as an IANA name, such as "America/Los_Angeles". */
    const timeZone: string;
    export default timeZone;
}
