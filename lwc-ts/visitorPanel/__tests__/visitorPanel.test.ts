import { createElement } from 'lwc';
import VisitorPanel from 'c/visitorPanel';
import { getRecord } from 'lightning/uiRecordApi';
import type { RecordRepresentation } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import getPanelFields from '@salesforce/apex/VisitorPanelController.getPanelFields';
import getActionState from '@salesforce/apex/ChatActionsController.getActionState';
import type { Helpers } from '../../visitorModel/__tests__/data/types';
import {
    errorPanels,
    flush,
    guardConsole,
    navigation,
    reasonsShown,
    root,
    sectionsOf,
    textOf
} from '../../visitorModel/__tests__/data/helpers';
import type { WireMock } from '../../visitorModel/__tests__/data/helpers';
import {
    CHAT_ID,
    CHAT_INFO,
    CONTACT_ACTIONS,
    IDENTIFIED_CONTACT,
    JUST_STARTED,
    PANEL_FIELDS
} from '../../visitorModel/__tests__/data/visitorData';

jest.mock(
    '@salesforce/apex/VisitorPanelController.getPanelFields',
    () => {
        const { createApexTestWireAdapter } = jest.requireActual<{
            createApexTestWireAdapter: (fn: jest.Mock) => unknown;
        }>('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()), __esModule: true };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/ChatActionsController.getActionState', () => ({ default: jest.fn(), __esModule: true }), {
    virtual: true
});
jest.mock('lightning/navigation', () =>
    jest.requireActual<Helpers>('../../visitorModel/__tests__/data/helpers').navigationModule()
);

interface PanelElement extends HTMLElement {
    recordId: string | undefined;
    readOnly: boolean;
    hideSession: boolean;
    hideCustomData: boolean;
    refreshSeconds: number;
}

/** The properties a part of the panel was given. */
type Part = HTMLElement & Record<string, unknown>;

const recordWire = getRecord as unknown as WireMock;
const objectInfoWire = getObjectInfo as unknown as WireMock;
const panelFieldsWire = getPanelFields as unknown as WireMock;
const stateCall = getActionState as unknown as jest.Mock;

/** Every field the panel reads from the chat, in the panel's order, as the schema imports name them. */
const CHAT_FIELD_NAMES = [
    'Visitor_Name__c',
    'Visitor_Email__c',
    'Visitor_Phone__c',
    'Visitor_Company__c',
    'Visitor_Id__c',
    'City__c',
    'State__c',
    'Country__c',
    'Language__c',
    'Time_Zone__c',
    'Kind__c',
    'Status__c',
    'Source__c',
    'Start_Time__c',
    'End_Time__c',
    'Department__c',
    'Product_Service__c',
    'IP_Address__c',
    'Browser__c',
    'Operating_System__c',
    'Screen_Resolution__c',
    'Landing_Page_URL__c',
    'Referrer_URL__c',
    'Current_Page_URL__c',
    'Search_Engine__c',
    'Search_Keywords__c',
    'Visit_Times__c',
    'Chat_Times__c',
    'Page_Views__c',
    'First_Visit_Time__c',
    'Custom_Variables__c',
    'Pre_Chat_Fields__c',
    'Identification_Status__c',
    'Matched_Object__c',
    'Matched_Record_Id__c',
    'Matched_Record_Name__c',
    'Account__c'
];

const PARTS = ['c-visitor-identification', 'c-visitor-actions', 'c-visitor-details', 'c-visitor-custom-data'];

function render(setup?: (element: PanelElement) => void): PanelElement {
    const element = createElement('c-visitor-panel', { is: VisitorPanel }) as unknown as PanelElement;
    element.recordId = CHAT_ID;
    setup?.(element);
    document.body.appendChild(element);
    return element;
}

async function loaded(
    chat: RecordRepresentation = IDENTIFIED_CONTACT,
    setup?: (element: PanelElement) => void
): Promise<PanelElement> {
    const element = render(setup);
    recordWire.emit(chat);
    objectInfoWire.emit(CHAT_INFO);
    panelFieldsWire.emit(PANEL_FIELDS);
    await flush();
    return element;
}

function part(element: HTMLElement, tag: string): Part | null {
    return root(element).querySelector<Part>(tag);
}

function partsShown(element: HTMLElement): string[] {
    return Array.from(root(element).querySelectorAll('.slds-card__body > *')).map((child) =>
        child.tagName.toLowerCase()
    );
}

describe('c-visitor-panel', () => {
    guardConsole();

    beforeEach(() => {
        navigation();
        stateCall.mockReset();
        stateCall.mockResolvedValue(CONTACT_ACTIONS);
    });

    it('shows a spinner while the chat loads, and only then', async () => {
        const element = render();
        expect(
            root(element).querySelector<HTMLElement & { alternativeText: string }>(
                '.visitor-panel__loading lightning-spinner'
            )?.alternativeText
        ).toBe('Loading the visitor');
        expect(root(element).querySelector('.visitor-panel__loading')!.getAttribute('role')).toBe('status');
        expect(textOf(element, 'h2')).toBe('Visitor');
        expect(partsShown(element)).toEqual(['div']);
        await expect(element).toBeAccessible();

        recordWire.emit(IDENTIFIED_CONTACT);
        await flush();
        expect(root(element).querySelector('.visitor-panel__loading')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('asks the data service for exactly the chat fields its parts show, the Account among them, as optional fields', async () => {
        const element = await loaded();
        expect(recordWire.getLastConfig()).toEqual({
            recordId: CHAT_ID,
            optionalFields: CHAT_FIELD_NAMES.map((fieldApiName) => ({
                objectApiName: 'Comm100_Chat__c',
                fieldApiName
            }))
        });
        expect(recordWire.getLastConfig()).not.toHaveProperty('fields');
        expect(objectInfoWire.getLastConfig()).toEqual({ objectApiName: { objectApiName: 'Comm100_Chat__c' } });
        await expect(element).toBeAccessible();
    });

    it('hands the chat and what it loaded to its parts, in the order the agent reads them', async () => {
        const element = await loaded(IDENTIFIED_CONTACT, (panel) => {
            panel.readOnly = true;
            panel.refreshSeconds = 30;
        });

        expect(textOf(element, 'h2')).toBe('Maria Lopez');
        expect(partsShown(element)).toEqual(PARTS);
        const identification = part(element, 'c-visitor-identification')!;
        expect([
            identification.chat,
            identification.panelFields,
            identification.panelFieldsError,
            identification.readOnly
        ]).toEqual([IDENTIFIED_CONTACT, PANEL_FIELDS, undefined, true]);
        const actions = part(element, 'c-visitor-actions')!;
        expect([actions.recordId, actions.refreshSeconds]).toEqual([CHAT_ID, 30]);
        const details = part(element, 'c-visitor-details')!;
        expect([details.chat, details.chatInfo, details.hideSession]).toEqual([IDENTIFIED_CONTACT, CHAT_INFO, false]);
        const customData = part(element, 'c-visitor-custom-data')!;
        expect([customData.chat, customData.chatInfo]).toEqual([IDENTIFIED_CONTACT, CHAT_INFO]);
        // The parts render the sections, in the panel's order.
        expect(sectionsOf(part(element, 'c-visitor-details')!).map((section) => section.dataset.section)).toEqual([
            'visitor',
            'session'
        ]);
        expect(stateCall.mock.calls).toEqual([[{ chatId: CHAT_ID }]]);
        await expect(element).toBeAccessible();
    });

    it('hands down why the fields shown could not be read, and the fields once they can', async () => {
        const element = render();
        recordWire.emit(IDENTIFIED_CONTACT);
        panelFieldsWire.error({ message: 'The field mappings could not be read.' }, 500, 'Server Error');
        await flush();
        const identification = part(element, 'c-visitor-identification')!;
        expect([identification.panelFields, identification.panelFieldsError]).toEqual([
            [],
            {
                body: { message: 'The field mappings could not be read.' },
                ok: false,
                status: 500,
                statusText: 'Server Error'
            }
        ]);

        panelFieldsWire.emit(PANEL_FIELDS);
        await flush();
        expect([identification.panelFields, identification.panelFieldsError]).toEqual([PANEL_FIELDS, undefined]);
        await expect(element).toBeAccessible();
    });

    it('hides the session and the custom data when the page says so', async () => {
        const element = await loaded(IDENTIFIED_CONTACT, (panel) => {
            panel.hideSession = true;
            panel.hideCustomData = true;
        });
        expect(partsShown(element)).toEqual(PARTS.slice(0, 3));
        expect(part(element, 'c-visitor-details')!.hideSession).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('calls the visitor by name, or Visitor while the chat has no name', async () => {
        const element = await loaded(JUST_STARTED);
        expect(textOf(element, 'h2')).toBe('Visitor');
        await expect(element).toBeAccessible();
    });

    it('hands the chat error to the error panel, and shows none of its parts', async () => {
        const element = render();
        recordWire.error({ message: 'You do not have access to this record.' }, 403, 'Forbidden');
        await flush();

        const panels = errorPanels(element);
        expect(panels.map((panel) => [panel.friendlyMessage, panel.errors])).toEqual([
            [
                'The chat could not be loaded.',
                {
                    body: { message: 'You do not have access to this record.' },
                    ok: false,
                    status: 403,
                    statusText: 'Forbidden'
                }
            ]
        ]);
        expect(reasonsShown(panels[0]!)).toEqual(['You do not have access to this record.']);
        expect(partsShown(element)).toEqual(['c-error-panel']);
        expect(stateCall).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('clears the error when the chat arrives, and drops the chat when an error follows', async () => {
        const element = render();
        recordWire.error({ message: 'Timed out' }, 500, 'Server Error');
        await flush();
        expect(errorPanels(element)).toHaveLength(1);

        recordWire.emit(IDENTIFIED_CONTACT);
        await flush();
        expect(errorPanels(element)).toHaveLength(0);
        expect(textOf(element, 'h2')).toBe('Maria Lopez');
        expect(partsShown(element)).toEqual(PARTS);

        recordWire.error({ message: 'The record was deleted.' }, 404, 'Not Found');
        await flush();
        expect(errorPanels(element).map((panel) => reasonsShown(panel))).toEqual([['The record was deleted.']]);
        expect(partsShown(element)).toEqual(['c-error-panel']);
        expect(textOf(element, 'h2')).toBe('Visitor');
        await expect(element).toBeAccessible();
    });

    it('asks for nothing without a chat', async () => {
        const element = createElement('c-visitor-panel', { is: VisitorPanel }) as unknown as PanelElement;
        document.body.appendChild(element);
        await flush();
        expect(stateCall).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });
});
