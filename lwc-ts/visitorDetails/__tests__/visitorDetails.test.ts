import { createElement } from 'lwc';
import VisitorDetails from 'c/visitorDetails';
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
import { CHAT_INFO, IDENTIFIED_CONTACT, JUST_STARTED, chatRecord } from '../../visitorModel/__tests__/data/visitorData';

interface DetailsElement extends HTMLElement {
    chat: RecordRepresentation | undefined;
    chatInfo: ObjectInfo | undefined;
    hideSession: boolean;
}

async function render(
    chat: RecordRepresentation | undefined,
    options: { chatInfo?: ObjectInfo; hideSession?: boolean } = {}
): Promise<DetailsElement> {
    const element = createElement('c-visitor-details', { is: VisitorDetails }) as unknown as DetailsElement;
    element.chat = chat;
    element.chatInfo = options.chatInfo;
    element.hideSession = options.hideSession ?? false;
    document.body.appendChild(element);
    await flush();
    return element;
}

describe('c-visitor-details', () => {
    guardConsole();

    it('shows the visitor and the session as text, with the email, phone and safe web addresses as links', async () => {
        const element = await render(IDENTIFIED_CONTACT);

        expect(sectionsOf(element).map((section) => section.dataset.section)).toEqual(['visitor', 'session']);
        expect(sectionsOf(element).map((section) => section.querySelector('h3')!.textContent)).toEqual([
            'Visitor',
            'Session'
        ]);
        expect(fieldsOf(element, 'visitor')).toEqual({
            'Visitor Name': 'Maria Lopez',
            'Visitor Email': 'maria.lopez@example.com',
            'Visitor Phone': '+1 415 555 0100',
            'Visitor Company': 'Northwind Traders',
            City: 'San Francisco'
        });
        expect(fieldsOf(element, 'session')).toEqual({
            Kind: 'Chat',
            Status: 'Started',
            'Start Time': 'shown 2025-11-25T09:40:12.000Z',
            Browser: 'Chrome 131',
            'Landing Page URL': 'https://www.example.com/pricing',
            // eslint-disable-next-line no-script-url -- the hostile value, shown as text
            'Referrer URL': 'javascript:alert(1)'
        });
        expect(sectionLinks(element)).toEqual([
            ['maria.lopez@example.com', 'mailto:maria.lopez@example.com', ''],
            ['+1 415 555 0100', 'tel:+14155550100', ''],
            ['https://www.example.com/pricing', 'https://www.example.com/pricing', '_blank']
        ]);
        await expect(element).toBeAccessible();
    });

    it('labels the fields as the object describes them, and shows numbers as text', async () => {
        const element = await render(
            chatRecord({ Visitor_Name__c: 'Maria Lopez', Browser__c: 'Firefox 133', Page_Views__c: 7 }),
            { chatInfo: CHAT_INFO }
        );
        expect(fieldsOf(element, 'visitor')).toEqual({ Name: 'Maria Lopez' });
        expect(fieldsOf(element, 'session')).toEqual({ 'Web browser': 'Firefox 133', 'Page Views': '7' });
        await expect(element).toBeAccessible();
    });

    it('keeps as text an email address or phone number that is not one, and a web address that is not http', async () => {
        const element = await render(
            chatRecord({
                Visitor_Email__c: '<script>@example',
                Visitor_Phone__c: 'ask for Maria',
                Search_Engine__c: 'https://www.google.com/',
                Current_Page_URL__c: 'http://www.example.com/cart',
                Landing_Page_URL__c: 'ftp://example.com/file'
            })
        );
        expect(fieldsOf(element, 'visitor')).toEqual({
            'Visitor Email': '<script>@example',
            'Visitor Phone': 'ask for Maria'
        });
        expect(sectionLinks(element)).toEqual([
            ['http://www.example.com/cart', 'http://www.example.com/cart', '_blank']
        ]);
        await expect(element).toBeAccessible();
    });

    it('says what is not known yet when a chat has only just started, and when there are no session details', async () => {
        const element = await render(JUST_STARTED);
        expect(sectionText(element, 'visitor', 'p')).toBe('Nothing is known about the visitor yet.');
        expect(sectionText(element, 'visitor', 'dl')).toBe('');
        expect(fieldsOf(element, 'session')).toEqual({ Kind: 'Chat', Status: 'Started' });

        element.chat = chatRecord({ Identification_Status__c: 'Pending' });
        await flush();
        expect(sectionText(element, 'session', 'p')).toBe('No session details.');
        await expect(element).toBeAccessible();
    });

    it('can hide the session', async () => {
        const element = await render(IDENTIFIED_CONTACT, { hideSession: true });
        expect(sectionsOf(element).map((section) => section.dataset.section)).toEqual(['visitor']);
        await expect(element).toBeAccessible();
    });

    it('shows nothing without a chat', async () => {
        const element = await render(undefined);
        expect(sectionsOf(element)).toEqual([]);
        await expect(element).toBeAccessible();
    });
});
