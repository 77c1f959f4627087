/**
 * Types for the base components (lightning/button, lightning/card, ...) and for
 * `@salesforce/user`, `@salesforce/client`, `@salesforce/site`, `@salesforce/community`.
 */
import '@salesforce/lightning-types';
