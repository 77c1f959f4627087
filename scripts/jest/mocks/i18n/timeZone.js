// @salesforce/i18n/timeZone in Jest: the running user's time zone, deliberately not the machine's (tests run in UTC
// or in any zone), so that a date formatted in the browser's zone fails. Another zone: jest.mock the module.
module.exports = { default: 'America/Los_Angeles', __esModule: true };
