// The preview's stand-ins for the data service and Apex, run in Node: they must not answer for the
// component. getRecord gives the fields asked for and no others and fails for an unreadable required
// field; record wires re-emit only when the data service is told of a change; an Apex call that no scene
// entry matches fails loudly.
import { test, describe, before, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../lib/lwc-bundles.mjs';

const MODULES = pathToFileURL(path.join(ROOT, 'scripts', 'preview', 'modules') + path.sep).href;

// `preview/x` and `lightning/uiRecordApi` resolve as the preview's Rollup plugin resolves them; the
// stand-ins are ES modules in a folder without "type": "module".
const hooks = `
const modules = ${JSON.stringify(MODULES)};
const named = { 'lightning/uiRecordApi': 'uiRecordApi', 'lightning/uiObjectInfoApi': 'uiObjectInfoApi' };
export async function resolve(specifier, context, next) {
    const name = specifier.startsWith('preview/') ? specifier.slice('preview/'.length) : named[specifier];
    if (name) {
        return { url: new URL('preview/' + name + '/' + name + '.js', modules).href, format: 'module', shortCircuit: true };
    }
    return next(specifier, context);
}
export async function load(url, context, next) {
    return next(url, url.startsWith(modules) ? { ...context, format: 'module' } : context);
}
`;

let context;
let records;
let objectInfo;

before(async () => {
    register(`data:text/javascript,${encodeURIComponent(hooks)}`);
    globalThis.window ??= new EventTarget();
    context = await import(new URL('preview/mockContext/mockContext.js', MODULES).href);
    records = await import(new URL('preview/uiRecordApi/uiRecordApi.js', MODULES).href);
    objectInfo = await import(new URL('preview/uiObjectInfoApi/uiObjectInfoApi.js', MODULES).href);
});

const entry = (value, displayValue = null) => ({ value, displayValue });

function scene(extra = {}) {
    return {
        id: 'unit',
        records: {
            '003000000000001AAA': {
                apiName: 'Contact',
                id: '003000000000001AAA',
                fields: {
                    Name: entry('Maria Lopez'),
                    Email: entry('maria@example.com'),
                    Department: entry('Procurement'),
                    AccountId: entry('001000000000001AAA'),
                    OwnerId: entry('005000000000001AAA', 'Walid Haddad')
                }
            },
            '001000000000001AAA': {
                apiName: 'Account',
                id: '001000000000001AAA',
                fields: { Name: entry('Northwind Traders'), Industry: entry('Retail'), Rating: entry('Hot') }
            }
        },
        objectInfos: {
            Contact: {
                apiName: 'Contact',
                fields: {
                    Name: { apiName: 'Name', label: 'Name', updateable: false },
                    Email: { apiName: 'Email', label: 'Email', updateable: true },
                    Department: { apiName: 'Department', label: 'Department', updateable: true },
                    Title: { apiName: 'Title', label: 'Title', updateable: true }
                }
            }
        },
        ...extra
    };
}

/** A wire adapter driven as the engine drives it; `next()` waits for the next value it emits. */
function wire(Adapter, config) {
    const values = [];
    const waiting = [];
    const adapter = new Adapter((value) => {
        const resolve = waiting.shift();
        if (resolve) {
            resolve(value);
        } else {
            values.push(value);
        }
    });
    adapter.connect();
    if (config) {
        adapter.update(config);
    }
    return {
        adapter,
        next: (ms = 500) =>
            values.length > 0
                ? Promise.resolve(values.shift())
                : new Promise((resolve, reject) => {
                      const timer = setTimeout(() => reject(new Error(`no value within ${ms} ms`)), ms);
                      waiting.push((value) => {
                          clearTimeout(timer);
                          resolve(value);
                      });
                  }),
        /** True when nothing is emitted within `ms`. */
        quiet: async (ms = 50) => {
            await new Promise((resolve) => setTimeout(resolve, ms));
            return values.length === 0;
        }
    };
}

let consoleErrors;
let originalError;
beforeEach(() => {
    consoleErrors = [];
    originalError = console.error;
    console.error = (...args) => consoleErrors.push(args.join(' '));
});
afterEach(() => {
    console.error = originalError;
});

describe('getRecord in the preview', () => {
    test('answers with the fields asked for and no others, related records nested as the UI API nests them', async () => {
        context.setScene(scene());
        const w = wire(records.getRecord, {
            recordId: '003000000000001AAA',
            fields: [{ objectApiName: 'Contact', fieldApiName: 'Email' }, 'Contact.Account.Name'],
            optionalFields: ['Contact.Account.Industry', 'Contact.Title']
        });
        assert.deepEqual(await w.next(), { data: undefined, error: undefined }, 'nothing yet, as the platform');
        const { data, error } = await w.next();
        assert.equal(error, undefined);
        assert.equal(data.apiName, 'Contact');
        assert.equal(data.id, '003000000000001AAA');
        assert.deepEqual(data.fields, {
            Email: entry('maria@example.com'),
            Account: {
                displayValue: 'Northwind Traders',
                value: {
                    apiName: 'Account',
                    id: '001000000000001AAA',
                    fields: { Name: entry('Northwind Traders'), Industry: entry('Retail') }
                }
            },
            // Described by the object but empty on this record: null, as the UI API gives it.
            Title: entry(null)
        });
        assert.equal(records.getFieldValue(data, 'Contact.Account.Name'), 'Northwind Traders');
        assert.equal(records.getFieldValue(data, 'Contact.Department'), undefined, 'not asked for, not there');
    });

    test('fails for an unreadable or unknown required field, and leaves such optional fields out', async () => {
        context.setScene(scene({ unreadableFields: ['Contact.Department', 'Account.Rating'] }));
        const failing = wire(records.getRecord, {
            recordId: '003000000000001AAA',
            fields: ['Contact.Email', 'Contact.Department', 'Contact.Account.Rating', 'Contact.Nickname__c']
        });
        await failing.next();
        const { data, error } = await failing.next();
        assert.equal(data, undefined);
        assert.equal(error.ok, false);
        assert.equal(error.status, 400);
        assert.deepEqual(
            error.body.map((e) => e.errorCode),
            ['INVALID_FIELD', 'INVALID_FIELD', 'INVALID_FIELD']
        );
        assert.match(error.body[0].message, /No such column 'Department' on entity 'Contact'/);

        const optional = wire(records.getRecord, {
            recordId: '003000000000001AAA',
            optionalFields: [
                'Contact.Email',
                'Contact.Department',
                'Contact.Account.Rating',
                'Contact.Nickname__c',
                'Account.Name'
            ]
        });
        await optional.next();
        const read = await optional.next();
        assert.equal(read.error, undefined);
        assert.deepEqual(Object.keys(read.data.fields), ['Email'], 'unreadable, unknown and other objects left out');
    });

    test('a field of another object than the record is an error when required', async () => {
        context.setScene(scene());
        const w = wire(records.getRecord, { recordId: '003000000000001AAA', fields: ['Account.Name'] });
        await w.next();
        const { error } = await w.next();
        assert.equal(error.status, 400);
    });

    test('a record the scene lacks is NOT_FOUND; no recordId yet means no request', async () => {
        context.setScene(scene());
        const missing = wire(records.getRecord, { recordId: '003000000000009AAA', fields: ['Contact.Email'] });
        await missing.next();
        const { error } = await missing.next();
        assert.equal(error.status, 404);
        assert.equal(error.body[0].errorCode, 'NOT_FOUND');

        const waiting = wire(records.getRecord, { recordId: undefined, fields: ['Contact.Email'] });
        await waiting.next();
        assert.ok(await waiting.quiet(), 'nothing is emitted until the record id is known');
    });

    test('the object description leaves out what the user cannot read', async () => {
        context.setScene(scene({ unreadableFields: ['Contact.Department'] }));
        const w = wire(objectInfo.getObjectInfo, { objectApiName: { objectApiName: 'Contact' } });
        await w.next();
        const { data } = await w.next();
        assert.deepEqual(Object.keys(data.fields), ['Name', 'Email', 'Title']);
    });
});

describe('record wires in the preview hear of changes only as on the platform', () => {
    const ACCOUNT_NAME = ['Contact.Account.Name'];

    test('a server change shows after notifyRecordUpdateAvailable, not before, and only for the records named', async () => {
        context.setScene(
            scene({
                apex: {
                    'Chats.rename': {
                        data: 'ok',
                        changes: { '003000000000001AAA': { Email: entry('new@example.com') } }
                    }
                }
            })
        );
        const w = wire(records.getRecord, { recordId: '003000000000001AAA', fields: ['Contact.Email'] });
        await w.next();
        assert.equal((await w.next()).data.fields.Email.value, 'maria@example.com');
        await context.apexMethod('Chats.rename')({});
        assert.ok(await w.quiet(), 'the data service has not been told');
        await records.notifyRecordUpdateAvailable([{ recordId: '001000000000001AAA' }]);
        assert.ok(await w.quiet(), 'another record was named');
        await records.notifyRecordUpdateAvailable([{ recordId: '003000000000001AAA' }]);
        assert.equal((await w.next()).data.fields.Email.value, 'new@example.com');
        await records.notifyRecordUpdateAvailable([{ recordId: '003000000000001AAA' }]);
        assert.ok(await w.quiet(), 'an unchanged record is not emitted again');
    });

    test('a wire that read a related record hears of its change too', async () => {
        context.setScene(scene());
        const w = wire(records.getRecord, { recordId: '003000000000001AAA', fields: ACCOUNT_NAME });
        await w.next();
        await w.next();
        context.getScene().records['001000000000001AAA'].fields.Name = entry('Northwind Ltd');
        await records.notifyRecordUpdateAvailable([{ recordId: '001000000000001AAA' }]);
        assert.equal(records.getFieldValue((await w.next()).data, ACCOUNT_NAME[0]), 'Northwind Ltd');
    });

    test('a save through the data service re-emits the wires of the record', async () => {
        context.setScene(scene());
        const w = wire(records.getRecord, { recordId: '003000000000001AAA', fields: ['Contact.Department'] });
        await w.next();
        await w.next();
        await records.updateRecord({ fields: { Id: '003000000000001AAA', Department: 'Finance' } });
        assert.equal((await w.next()).data.fields.Department.value, 'Finance');
    });

    test('a disconnected wire is not refreshed', async () => {
        context.setScene(scene());
        const w = wire(records.getRecord, { recordId: '003000000000001AAA', fields: ['Contact.Department'] });
        await w.next();
        await w.next();
        w.adapter.disconnect();
        await records.updateRecord({ fields: { Id: '003000000000001AAA', Department: 'Finance' } });
        assert.ok(await w.quiet());
    });

    test('a write to a field the user may not update is refused in the UI API write shape', async () => {
        context.setScene(scene());
        await assert.rejects(records.updateRecord({ fields: { Id: '003000000000001AAA', Name: 'X' } }), (error) => {
            assert.equal(error.body.output.fieldErrors.Name[0].errorCode, 'INVALID_FIELD_FOR_INSERT_UPDATE');
            return true;
        });
        assert.equal(context.getScene().records['003000000000001AAA'].fields.Name.value, 'Maria Lopez');
    });

    test('notifyRecordUpdateAvailable takes a list of { recordId } and says so loudly otherwise', async () => {
        context.setScene(scene());
        await assert.rejects(records.notifyRecordUpdateAvailable(['003000000000001AAA']), TypeError);
        assert.equal(consoleErrors.length, 1);
    });
});

describe('scripted Apex answers in the preview', () => {
    const answers = {
        'Chats.get': [
            { when: { recordId: 'A' }, once: true, data: 'A first' },
            { when: { recordId: 'A' }, data: 'A again' },
            { when: { recordId: 'B', page: 2 }, data: 'B page 2' }
        ]
    };

    test('the first unused entry whose "when" matches the parameters answers', async () => {
        context.setScene(scene({ apex: answers }));
        const get = context.apexMethod('Chats.get');
        assert.equal(await get({ recordId: 'A' }), 'A first');
        assert.equal(await get({ recordId: 'A' }), 'A again');
        assert.equal(await get({ recordId: 'B', page: 2, size: 10 }), 'B page 2', '"when" is a part of the parameters');
        assert.deepEqual(consoleErrors, []);
    });

    test('a call no entry matches rejects, naming the method and its parameters, and logs a console error', async () => {
        context.setScene(scene({ apex: answers }));
        const get = context.apexMethod('Chats.get');
        await assert.rejects(get({ recordId: 'B', page: 1 }), (error) => {
            assert.match(error.body.message, /Chats\.get matches its parameters \{"recordId":"B","page":1\}/);
            return true;
        });
        await assert.rejects(context.apexMethod('Chats.other')({ id: 1 }), (error) => {
            assert.match(error.body.message, /no answer for Apex method Chats\.other, called with \{"id":1\}/);
            return true;
        });
        assert.equal(consoleErrors.length, 2);
        assert.match(consoleErrors[0], /^\[preview\] .*Chats\.get/);
    });

    test('a wired Apex method is answered with its config, and an unmatched one gets the error', async () => {
        context.setScene(scene({ apex: answers }));
        const Adapter = context.apexMethod('Chats.get');
        const w = wire(Adapter, { recordId: 'C' });
        await w.next();
        const { error } = await w.next();
        assert.match(error.body.message, /\{"recordId":"C"\}/);
        assert.equal(consoleErrors.length, 1);
    });
});
