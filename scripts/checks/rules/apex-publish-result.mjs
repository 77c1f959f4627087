// EventBus.publish does not throw when an event is not published: it returns a Database.SaveResult per
// event, and success only means the event was queued. Code outside tests that drops those results loses
// events without a trace.
//   EventBus Class, publish(events): "This method doesn't throw an exception due to an unsuccessful publish
//   operation." — https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_class_System_eventbus.htm
//   Publish Event Messages with Apex ("Inspect publishing result for each event") —
//   https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_publish_apex.htm
// Test classes (@IsTest) may drop them: a test asserts on what was delivered.
import { Apex, apexIndex, dotCallOf, dottedNamesOf, lineOf, walk } from '../apex.mjs';

export default {
    name: 'apex-publish-result',
    group: 'apex',
    description:
        'outside test classes, the result of EventBus.publish is kept (to check each Database.SaveResult), never dropped as a bare statement',
    check(model, report) {
        const index = apexIndex(model);
        for (const source of index.files) {
            if (source.top?.isTest) {
                continue;
            }
            walk(source.tree, (node) => {
                if (!(node instanceof Apex.ExpressionStatementContext)) {
                    return;
                }
                const call = dotCallOf(node.expression());
                const receiver = call && dottedNamesOf(call.receiver)?.join('.');
                if (call?.name === 'publish' && (receiver === 'eventbus' || receiver === 'system.eventbus')) {
                    report(
                        source.file,
                        `line ${lineOf(node)}: drops the Database.SaveResult of EventBus.publish: a failed publish throws nothing, so check each result (and use a publish callback for failures after queuing)`
                    );
                }
            });
        }
    }
};
