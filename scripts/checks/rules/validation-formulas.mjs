// Validation rule formulas name only fields their object has. A formula naming a field that doesn't exist
// fails the deploy ("Field … does not exist. Check spelling.").
//
// The formula is tokenized: string literals and comments are dropped; a name followed by "(" is a function
// (ISPICKVAL, TEXT, REGEX …); names starting with "$" are global variables ($User, $Setup, $Permission …);
// TRUE, FALSE and NULL are literals. What remains are field references, resolved through the project model:
// - a custom field (…__c) must be a field of the object;
// - a relationship path Parent__r.Field walks the lookup or master-detail Parent__c to the object it refers
//   to, and goes on there; on an object the project doesn't define (Account, Case …) apex-ls answers;
// - a standard field is one every custom object has (Id, Name, OwnerId …), one every custom metadata type
//   has (DeveloperName, MasterLabel, Label, NamespacePrefix, QualifiedApiName …), or is proven by apex-ls.
// Formula syntax: Salesforce Help, "Formula Operators and Functions" and "Build Cross-Object Formulas"
// (https://help.salesforce.com/s/articleView?id=platform.customize_functions.htm&type=5); standard fields of
// custom metadata types: Metadata API Developer Guide, Custom Metadata Types (CustomObject).
import { STANDARD_FIELDS_OF_CUSTOM_METADATA, STANDARD_FIELDS_OF_CUSTOM_OBJECTS, isCustomName } from '../model.mjs';

const LITERALS = new Set(['true', 'false', 'null']);

/** The field references of a formula: [{ path: 'Parent__r.Name', index }]. */
export function fieldReferences(formula) {
    const text = (formula ?? '')
        .replace(/\/\*[\s\S]*?\*\//g, ' ')
        .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, (literal) => ' '.repeat(literal.length));
    const references = [];
    for (const match of text.matchAll(/(?<![\w.$])\$?[A-Za-z_]\w*(?:\s*\.\s*\$?[A-Za-z_]\w*)*/g)) {
        const token = match[0].replace(/\s+/g, '');
        const after = text.slice(match.index + match[0].length);
        if (token.startsWith('$') || /^\s*\(/.test(after) || LITERALS.has(token.toLowerCase())) {
            continue;
        }
        references.push({ path: token, index: match.index });
    }
    return references;
}

function fieldOf(object, name) {
    const lower = name.toLowerCase();
    return [...object.fields.values()].find((f) => f.name.toLowerCase() === lower);
}

export default {
    name: 'validation-formulas',
    group: 'metadata',
    description:
        'validation rule formulas name only fields of their object: custom fields of the project, relationship paths (Parent__r.Field) walked through the model, and standard fields of custom objects and custom metadata types or proven by apex-ls; functions, $-globals and string literals are skipped',
    check(model, report, probe) {
        /** Resolves `segments` on `objectName`; `say(message)` reports a missing step. */
        const resolve = (objectName, segments, say) => {
            const object = model.object(objectName);
            if (!object?.defined) {
                probe.askField(objectName, segments.join('.'), (message) =>
                    say(`${objectName}.${segments.join('.')} does not exist (${message})`)
                );
                return;
            }
            const [first, ...rest] = segments;
            if (rest.length === 0) {
                if (isCustomName(first)) {
                    if (!fieldOf(object, first)) {
                        say(`${objectName} has no field ${first}`);
                    }
                    return;
                }
                const standard = /__mdt$/i.test(objectName)
                    ? STANDARD_FIELDS_OF_CUSTOM_METADATA
                    : STANDARD_FIELDS_OF_CUSTOM_OBJECTS;
                if (![...standard].some((s) => s.toLowerCase() === first.toLowerCase())) {
                    probe.askField(objectName, first, (message) =>
                        say(`${objectName} has no field ${first} (${message})`)
                    );
                }
                return;
            }
            if (/__r$/i.test(first)) {
                const lookup = fieldOf(object, first.replace(/__r$/i, '__c'));
                if (!lookup || !['Lookup', 'MasterDetail', 'MetadataRelationship'].includes(lookup.type)) {
                    say(
                        `${objectName} has no relationship ${first} (no lookup or master-detail ${first.replace(/__r$/i, '__c')})`
                    );
                    return;
                }
                if (lookup.type === 'MetadataRelationship' || !lookup.referenceTo) {
                    return; // EntityDefinition / FieldDefinition paths: not modelled
                }
                resolve(lookup.referenceTo, rest, say);
                return;
            }
            probe.askField(objectName, segments.join('.'), (message) =>
                say(`${objectName}.${segments.join('.')} does not exist (${message})`)
            );
        };

        for (const object of model.objects.values()) {
            for (const rule of object.validationRules) {
                if (!rule.formula) {
                    continue;
                }
                const paths = new Set(fieldReferences(rule.formula).map((r) => r.path));
                for (const path of paths) {
                    resolve(object.name, path.split('.'), (message) =>
                        report(rule.file, `${object.name}.${rule.name}: ${path}: ${message}`)
                    );
                }
            }
        }
    }
};
