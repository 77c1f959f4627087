// @salesforce/i18n/locale in Jest: the running user's locale. A test that needs another one mocks the module:
// jest.mock('@salesforce/i18n/locale', () => ({ default: 'de-DE', __esModule: true })).
module.exports = { default: 'en-US', __esModule: true };
