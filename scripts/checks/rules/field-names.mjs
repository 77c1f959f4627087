// A field file's <fullName> is its file name.
export default {
    name: 'field-names',
    group: 'metadata',
    description: "each field file's <fullName> matches its file name",
    check(model, report) {
        for (const object of model.objects.values()) {
            for (const field of object.fields.values()) {
                if (field.fullName !== undefined && field.fullName !== field.name) {
                    report(field.file, `fullName ${field.fullName} does not match the file name ${field.name}`);
                }
            }
        }
    }
};
