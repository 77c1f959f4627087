// Every .xml file is well-formed.
export default {
    name: 'xml',
    group: 'metadata',
    description: 'every .xml file of the package directories is well-formed',
    check(model, report) {
        for (const file of model.files.filter((f) => f.endsWith('.xml'))) {
            const error = model.xmlError(file);
            if (error) {
                report(file, `not well-formed XML at line ${error.line}: ${error.msg}`);
            }
        }
    }
};
