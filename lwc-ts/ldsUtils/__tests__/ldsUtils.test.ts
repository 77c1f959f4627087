import { reduceErrors, NETWORK_ERROR, UNKNOWN_ERROR } from 'c/ldsUtils';

describe('c-lds-utils reduceErrors', () => {
    it('returns no message when there is no error', () => {
        expect(reduceErrors(undefined)).toEqual([]);
        expect(reduceErrors(null)).toEqual([]);
        expect(reduceErrors([])).toEqual([]);
    });

    it('returns no message for a blank string or a value that is neither text nor an object', () => {
        expect(reduceErrors(['   ', 42, false, ''])).toEqual([]);
    });

    it('keeps a plain string, trimmed', () => {
        expect(reduceErrors('  Chat not found.  ')).toEqual(['Chat not found.']);
    });

    it('reads the message of a JavaScript error', () => {
        expect(reduceErrors(new TypeError("Cannot read properties of undefined (reading 'id')"))).toEqual([
            "Cannot read properties of undefined (reading 'id')"
        ]);
    });

    it('reads every message of a UI API read error (array body)', () => {
        const error = {
            status: 404,
            body: [
                { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' },
                { errorCode: 'INVALID_FIELD', message: 'No such column Foo__c on Contact' }
            ]
        };
        expect(reduceErrors(error)).toEqual([
            'The requested resource does not exist',
            'No such column Foo__c on Contact'
        ]);
    });

    it('reads record and field errors of a UI API write error, field errors labelled', () => {
        const error = {
            status: 400,
            body: {
                message: 'An error occurred while trying to update the record. Please try again.',
                output: {
                    errors: [{ errorCode: 'DUPLICATES_DETECTED', message: 'Use one of these records?' }],
                    fieldErrors: {
                        Email: [{ fieldLabel: 'Email', message: 'Email: invalid email address: ann@' }],
                        LastName: [{ message: 'Required fields are missing: [LastName]' }]
                    }
                }
            }
        };
        expect(reduceErrors(error)).toEqual([
            'Use one of these records?',
            'Email: Email: invalid email address: ann@',
            'LastName: Required fields are missing: [LastName]'
        ]);
    });

    it('falls back to the body message of a write error without details', () => {
        expect(
            reduceErrors({ body: { message: 'Record is locked', output: { errors: [], fieldErrors: {} } } })
        ).toEqual(['Record is locked']);
    });

    it('reads the message of an AuraHandledException from Apex', () => {
        const error = {
            status: 500,
            body: {
                exceptionType: 'System.AuraHandledException',
                isUserDefinedException: false,
                message: 'You do not have access to this chat.',
                stackTrace: 'Class.ChatController.getChats: line 12, column 1'
            }
        };
        expect(reduceErrors(error)).toEqual(['You do not have access to this chat.']);
    });

    it('reads page and field errors of an Apex DML error', () => {
        const error = {
            body: {
                pageErrors: [{ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Close the case first' }],
                fieldErrors: {
                    Phone: [{ statusCode: 'INVALID_PHONE', message: 'bad phone', fieldLabel: 'Business Phone' }]
                }
            }
        };
        expect(reduceErrors(error)).toEqual(['Close the case first', 'Business Phone: bad phone']);
    });

    it('explains a network failure', () => {
        expect(reduceErrors({ status: 0, statusText: '', body: null })).toEqual([NETWORK_ERROR]);
    });

    it('uses the status text when nothing else is readable', () => {
        expect(reduceErrors({ status: 503, statusText: 'Service Unavailable' })).toEqual(['Service Unavailable']);
    });

    it('says so when an error has no readable text at all', () => {
        expect(reduceErrors({})).toEqual([UNKNOWN_ERROR]);
        expect(reduceErrors({ body: { message: '   ' } })).toEqual([UNKNOWN_ERROR]);
    });

    it('flattens nested lists, drops empty entries and repeats', () => {
        const denied = { body: { message: 'Insufficient access' } };
        expect(
            reduceErrors([denied, [denied, 'Insufficient access', null], undefined, new Error('Timed out')])
        ).toEqual(['Insufficient access', 'Timed out']);
    });

    it('says what went wrong in plain words when nothing else does', () => {
        expect(UNKNOWN_ERROR).toBe('Unknown error');
        expect(NETWORK_ERROR).toBe('The server could not be reached. Check the connection and try again.');
    });

    it('reads a body that is only text, trimmed', () => {
        expect(reduceErrors({ status: 502, body: '  Bad gateway  ' })).toEqual(['Bad gateway']);
    });

    it('reads plain strings in a body list and skips entries without a message', () => {
        expect(
            reduceErrors({ body: ['  Row 1 failed ', null, 7, { errorCode: 'X' }, { message: ' ' }, 'Row 2 failed'] })
        ).toEqual(['Row 1 failed', 'Row 2 failed']);
    });

    it('falls back past a body with nothing readable to the message, then the status', () => {
        expect(reduceErrors({ body: [{ errorCode: 'X' }], message: 'Request failed' })).toEqual(['Request failed']);
        expect(reduceErrors({ body: '   ', message: '  ', status: 0 })).toEqual([NETWORK_ERROR]);
        expect(reduceErrors({ body: 42, status: 0, statusText: 'Offline' })).toEqual([NETWORK_ERROR]);
        expect(reduceErrors({ body: {}, statusText: '  Gateway Timeout ' })).toEqual(['Gateway Timeout']);
        expect(reduceErrors({ status: 500, statusText: '  ' })).toEqual([UNKNOWN_ERROR]);
    });

    it('names a field error by its API name when its label is blank or missing, and skips unreadable ones', () => {
        const error = {
            body: {
                message: 'The record could not be saved.',
                fieldErrors: {
                    Email: [{ fieldLabel: '   ', message: 'invalid address' }],
                    Phone: [null, 'bad phone', { fieldLabel: 'Phone' }, { message: '  ' }],
                    Title: 'too long',
                    Fax: [{ message: ' no fax ' }]
                }
            }
        };
        expect(reduceErrors(error)).toEqual(['Email: invalid address', 'Fax: no fax']);
    });

    it('reads the body message when the details are not lists or objects', () => {
        expect(
            reduceErrors({
                body: { message: 'Record is locked', output: 'none', pageErrors: null, fieldErrors: null }
            })
        ).toEqual(['Record is locked']);
        expect(
            reduceErrors({ body: { message: 'Record is locked', output: { errors: null, fieldErrors: 3 } } })
        ).toEqual(['Record is locked']);
    });

    it('never lets a non-string message through as markup or object text', () => {
        expect(reduceErrors({ message: { html: '<b>x</b>' } })).toEqual([UNKNOWN_ERROR]);
        expect(reduceErrors({ body: [{ message: 42 }, { message: '<img src=x onerror=alert(1)>' }] })).toEqual([
            '<img src=x onerror=alert(1)>'
        ]);
    });
});
