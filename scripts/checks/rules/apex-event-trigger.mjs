// Triggers on events fire only after insert: an event is published (inserted), never updated or deleted,
// so the org rejects a trigger on a platform event or change event with any other trigger event.
//   Considerations for Publishing and Subscribing to Platform Events with Apex and APIs, "Support Only for
//   after insert Triggers" — https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_api_considerations.htm
//   Change Event Triggers ("Is an after-insert trigger") — https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_trigger_intro.htm
//   Standard Platform Event Object List — https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_objects_list.htm
import { lineOf } from '../apex.mjs';

/** Standard platform events Apex triggers subscribe to (Standard Platform Event Object List). */
const STANDARD_EVENTS = new Set(
    [
        'AIPredictionEvent',
        'AIUpdateRecordEvent',
        'AssetTokenEvent',
        'BatchApexErrorEvent',
        'CommerceDiagnosticEvent',
        'FlowExecutionErrorEvent',
        'FOStatusChangedEvent',
        'OrderSummaryCreatedEvent',
        'OrderSumStatusChangedEvent',
        'PlatformStatusAlertEvent',
        'ProcessExceptionEvent',
        'RemoteKeyCalloutEvent'
    ].map((n) => n.toLowerCase())
);

/** True for a platform event (X__e, standard events) or a change event (AccountChangeEvent, X__ChangeEvent). */
function isEventObject(name) {
    const lower = name.toLowerCase();
    return lower.endsWith('__e') || lower.endsWith('changeevent') || STANDARD_EVENTS.has(lower);
}

export default {
    name: 'apex-event-trigger',
    group: 'apex',
    description:
        'a trigger on a platform event (X__e or a standard event) or a change event (…ChangeEvent) lists only after insert',
    check(model, report) {
        for (const { file } of model.triggers.values()) {
            const tree = model.apexTree(file);
            if (!tree) {
                continue; // the syntax check reports it
            }
            const object = tree.id(1).getText();
            if (!isEventObject(object)) {
                continue;
            }
            for (const triggerCase of tree.triggerCase_list()) {
                if (!(triggerCase.AFTER() && triggerCase.INSERT())) {
                    const written = `${triggerCase.BEFORE() ? 'before' : 'after'} ${triggerCase
                        .getText()
                        .replace(/^(before|after)/i, '')
                        .toLowerCase()}`;
                    report(
                        file,
                        `line ${lineOf(triggerCase)}: trigger on ${object} lists ${written}: event triggers support only after insert (events are published, never updated or deleted)`
                    );
                }
            }
        }
    }
};
