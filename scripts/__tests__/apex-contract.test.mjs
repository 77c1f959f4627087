// The Apex ↔ TypeScript contract check: a valid project passes, a drifted one fails naming each drift.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assertMentions, copyOut, fixture, node } from './lib/harness.mjs';

const DECLARATIONS = 'lwc-ts/types/apex/ChatHistoryController.d.ts';

describe('Apex ↔ TypeScript contract (lwc-ts/types/apex/ against the @AuraEnabled Apex)', () => {
    test('passes declarations that match the Apex: inherited, nested, listed, mapped and recursive DTOs', () => {
        const { code, out } = node('check-apex-contract.mjs', [fixture('apex-contract', 'valid')]);
        assert.equal(code, 0, out);
        assertMentions(out, ['✓ 4 Apex method declaration(s) and 3 DTO type(s) match the Apex']);
    });

    test('fails on renamed and missing parameters, renamed and hidden properties, wrong kinds and unknown methods', () => {
        const { code, out } = node('check-apex-contract.mjs', [fixture('apex-contract', 'broken')]);
        assert.notEqual(code, 0);
        assertMentions(out, [
            // renamed parameter
            `${DECLARATIONS}:32 @salesforce/apex/ChatHistoryController.getChats: declared parameter "contactId" is not a parameter of ChatHistoryController.getChats(recordId, pageSize, cursor)`,
            'Apex parameter "recordId" (Id) of ChatHistoryController.getChats is not declared',
            // missing parameter
            'Apex parameter "channel" (String) of ChatHistoryController.rateChat is not declared',
            // renamed DTO property, reported both ways
            `${DECLARATIONS}:11 @salesforce/apex/ChatHistoryController.getChats: ChatSummary.startTime (ChatPage.chats[]): ChatHistoryController.ChatSummary has no property "startTime"`,
            'ChatSummary (ChatPage.chats[]) lacks "startedAt", an @AuraEnabled property of ChatHistoryController.ChatSummary',
            'ChatHistoryController.ChatPage has no property "nextcursor" (it has "nextCursor": names are case-sensitive in JSON)',
            // property not @AuraEnabled
            'ChatHistoryController.ChatSummary.internalNote is not @AuraEnabled, so the page never receives it',
            // type-kind mismatches
            'parameter "pageSize" is declared string but the Apex type Integer is a number',
            'ChatSummary.id is declared number but the Apex type Id is a string',
            'ChatSummary.rating is declared string | null but the Apex type Decimal is a number',
            'ChatSummary.ended is declared "yes" | "no" but the Apex type Boolean is a boolean',
            'ChatAgent.skills is declared string but the Apex type List<String> is a List (force-app/main/default/classes/ChatAgent.cls:6)',
            'the result of ChatHistoryController.archive is declared string but the Apex type void is nothing',
            // undeclared methods
            'ChatHistoryController has no method deleteChat',
            'ChatHistoryController.purge is not a static @AuraEnabled method',
            'there is no Apex class ChatArchiveController',
            // what would switch tsc's own check off, and a wire the platform refuses
            '@salesforce/apex/*: a wildcard declaration',
            'lwc-ts/chatList/chatList.ts:12 @wire(getAgents) needs ChatHistoryController.getAgents to be @AuraEnabled(cacheable=true)',
            '19 problem(s)'
        ]);
        // A type reached from two methods is reported once.
        assert.equal(out.split('ChatAgent.skills is declared string').length - 1, 1, out);
    });

    test('reports an Apex class that does not parse instead of passing it', () => {
        const dir = copyOut(fixture('apex-contract', 'valid'));
        writeFileSync(
            path.join(dir, 'force-app', 'main', 'default', 'classes', 'ChatAgent.cls'),
            'public class ChatAgent { @AuraEnabled public String name }\n'
        );
        try {
            const { code, out } = node('check-apex-contract.mjs', [dir]);
            assert.notEqual(code, 0);
            assertMentions(out, ['ChatAgent.cls:1 does not parse (see check:apex-syntax)']);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
