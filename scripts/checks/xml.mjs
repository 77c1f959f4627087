// Reading Salesforce metadata XML: one parser configuration and three accessors shared by every rule.
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (_name, _jpath, isLeafNode, isAttribute) => !isAttribute && !isLeafNode,
    parseTagValue: false,
    trimValues: true
});

/** Parses an XML file into nested objects; repeated or nested elements are arrays. */
export function readXml(file) {
    return parser.parse(readFileSync(file, 'utf8'));
}

/** The text of the first child element called `name`, or undefined. */
export function textOf(node, name) {
    const value = node?.[name];
    const one = Array.isArray(value) ? value[0] : value;
    if (one === undefined || one === null) {
        return undefined;
    }
    return typeof one === 'object' ? (one['#text'] ?? '') : String(one);
}

/** The child elements called `name`, always as a list. */
export function listOf(node, name) {
    const value = node?.[name];
    if (value === undefined) {
        return [];
    }
    return Array.isArray(value) ? value : [value];
}

/** The root element of a parsed document. */
export function rootOf(doc, rootName) {
    return listOf(doc, rootName)[0];
}
