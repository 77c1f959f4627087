// Platform event fields use only the field types platform events support.
//
// Platform Events Developer Guide, Platform Event Fields (API 67.0,
// https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_define_ui.htm):
// "Platform event custom fields support only these field types: Checkbox, Date, Date/Time, Number, Text,
// Text Area (Long)" — in metadata: Checkbox, Date, DateTime, Number, Text, LongTextArea.
// The same guide ("Considerations for Defining and Publishing Platform Events") enforces Required, Default,
// number precision and text length on published events, and forbids none of required, unique or external ID,
// so those attributes are left alone here; a formula is not a field type platform events support.
export const EVENT_FIELD_TYPES = ['Checkbox', 'Date', 'DateTime', 'Number', 'Text', 'LongTextArea'];

export default {
    name: 'event-fields',
    group: 'metadata',
    description:
        'fields of platform events (__e) are Checkbox, Date, DateTime, Number, Text or LongTextArea, and none is a formula',
    check(model, report) {
        for (const object of model.objects.values()) {
            if (!/__e$/.test(object.name)) {
                continue;
            }
            for (const field of object.fields.values()) {
                const where = `${object.name}.${field.name}`;
                if (field.type !== undefined && !EVENT_FIELD_TYPES.includes(field.type)) {
                    report(
                        field.file,
                        `${where}: platform event fields are ${EVENT_FIELD_TYPES.join(', ')}; ${field.type} is not supported`
                    );
                }
                if (field.formula !== undefined) {
                    report(field.file, `${where}: platform event fields can't be formulas`);
                }
            }
        }
    }
};
