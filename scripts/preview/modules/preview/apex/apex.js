// Stands in for `@salesforce/apex` in the preview.
export { refreshApex, getSObjectValue } from 'preview/mockContext';
