import { createElement } from 'lwc';
import VisitorCustomData from 'c/visitorCustomData';
import type { RecordRepresentation } from 'lightning/uiRecordApi';
import type { ObjectInfo } from 'lightning/uiObjectInfoApi';
import {
    fieldsOf,
    flush,
    guardConsole,
    sectionLinks,
    sectionText,
    sectionsOf
} from '../../visitorModel/__tests__/data/helpers';
import { CHAT_INFO, IDENTIFIED_CONTACT, NOT_FOUND, chatRecord } from '../../visitorModel/__tests__/data/visitorData';

interface CustomDataElement extends HTMLElement {
    chat: RecordRepresentation | undefined;
    chatInfo: ObjectInfo | undefined;
}

async function render(chat: RecordRepresentation | undefined, chatInfo?: ObjectInfo): Promise<CustomDataElement> {
    const element = createElement('c-visitor-custom-data', { is: VisitorCustomData }) as unknown as CustomDataElement;
    element.chat = chat;
    element.chatInfo = chatInfo;
    document.body.appendChild(element);
    await flush();
    return element;
}

describe('c-visitor-custom-data', () => {
    guardConsole();

    it('shows the custom variables and the pre-chat answers as text, in that order', async () => {
        const element = await render(IDENTIFIED_CONTACT);
        expect(sectionsOf(element).map((section) => section.dataset.section)).toEqual(['custom-variables', 'pre-chat']);
        expect(sectionsOf(element).map((section) => section.querySelector('h3')!.textContent)).toEqual([
            'Custom variables',
            'Pre-chat form'
        ]);
        expect(fieldsOf(element, 'custom-variables')).toEqual({ plan: 'Enterprise', cartValue: '1299.00' });
        expect(fieldsOf(element, 'pre-chat')).toEqual({
            Department: 'Sales',
            Question: '<b>Do you ship to Canada?</b>'
        });
        expect(sectionsOf(element).some((section) => section.querySelector('b') !== null)).toBe(false);
        expect(sectionLinks(element)).toEqual([]);
        expect(sectionText(element, 'pre-chat', '.visitor-panel__note')).toBe('');
        await expect(element).toBeAccessible();
    });

    it('does not repeat the pre-chat answers the visitor section shows, and names them', async () => {
        const element = await render(
            chatRecord({
                Visitor_Name__c: 'Maria Lopez',
                Visitor_Email__c: 'maria.lopez@example.com',
                Pre_Chat_Fields__c:
                    '{"Name":"Maria Lopez","Email":"Maria.Lopez@example.com","Question":"Can we add 20 seats?"}'
            }),
            CHAT_INFO
        );
        expect(fieldsOf(element, 'pre-chat')).toEqual({ Question: 'Can we add 20 seats?' });
        expect(sectionText(element, 'pre-chat', '.visitor-panel__note')).toBe('Shown under Visitor: Name, Email.');
        await expect(element).toBeAccessible();
    });

    it('says so when every pre-chat answer is shown under Visitor', async () => {
        const element = await render(
            chatRecord({ Visitor_Phone__c: '+1 415 555 0100', Pre_Chat_Fields__c: '{"Phone":"+1 (415) 555-0100"}' })
        );
        expect(fieldsOf(element, 'pre-chat')).toEqual({});
        expect(sectionText(element, 'pre-chat', '.visitor-panel__empty')).toBe(
            'Every answer is shown under Visitor: Phone.'
        );
        expect(sectionText(element, 'pre-chat', '.visitor-panel__note')).toBe('');
        await expect(element).toBeAccessible();
    });

    it('shows named values of any kind, and a value it cannot read whole', async () => {
        const element = await render(
            chatRecord({
                Custom_Variables__c: '{"items":3,"vip":true,"tags":["a","b"],"coupon":null}',
                Pre_Chat_Fields__c: '["not","named"]'
            })
        );
        expect(fieldsOf(element, 'custom-variables')).toEqual({
            items: '3',
            vip: 'true',
            tags: '["a","b"]',
            coupon: ''
        });
        expect(fieldsOf(element, 'pre-chat')).toEqual({ 'Value as received': '["not","named"]' });

        element.chat = NOT_FOUND;
        await flush();
        expect(fieldsOf(element, 'custom-variables')).toEqual({ 'Value as received': 'not json' });
        expect(sectionText(element, 'pre-chat', 'p')).toBe('No pre-chat form was filled in.');
        await expect(element).toBeAccessible();
    });

    it('shows JSON that is not an object whole, and takes an empty or missing field for none', async () => {
        const element = await render(
            chatRecord({ Custom_Variables__c: 'null', Pre_Chat_Fields__c: '"Just a question"' })
        );
        expect(fieldsOf(element, 'custom-variables')).toEqual({ 'Value as received': 'null' });
        expect(fieldsOf(element, 'pre-chat')).toEqual({ 'Value as received': '"Just a question"' });

        // Pre_Chat_Fields__c is missing altogether, as a field the agent may not read is.
        element.chat = chatRecord({ Custom_Variables__c: '' });
        await flush();
        expect(sectionText(element, 'custom-variables', 'p')).toBe('No custom variables were sent.');
        expect(sectionText(element, 'pre-chat', 'p')).toBe('No pre-chat form was filled in.');
        await expect(element).toBeAccessible();
    });

    it('shows nothing without a chat', async () => {
        const element = await render(undefined);
        expect(sectionsOf(element)).toEqual([]);
        await expect(element).toBeAccessible();
    });
});
