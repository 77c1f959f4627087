// Text a person reads in Setup or App Builder is shown as written: XML needs no backslash before a quote, so
// `user\'s` in a description or label shows the backslash. (Formulas are left alone: their string literals
// do escape quotes with a backslash.)
import { readFileSync } from 'node:fs';

const READABLE = [
    'description',
    'label',
    'masterLabel',
    'pluralLabel',
    'inlineHelpText',
    'shortDescription',
    'errorMessage'
];
const ELEMENT = new RegExp(`<(${READABLE.join('|')})>([^<]*)</\\1>`, 'g');

export default {
    name: 'text-escapes',
    group: 'metadata',
    description: `descriptions, labels, help texts and error messages (${READABLE.join(', ')}) hold no backslash-escaped quote (\\' or \\"), which Setup and App Builder would show as written`,
    check(model, report) {
        for (const file of model.files.filter((f) => f.endsWith('.xml') && model.isWellFormed(f))) {
            for (const [, element, text] of readFileSync(file, 'utf8').matchAll(ELEMENT)) {
                const escaped = text.match(/\\['"]/);
                if (escaped) {
                    report(
                        file,
                        `<${element}> shows a backslash before a quote as written: "${text.trim()}" (write ${escaped[0].slice(1)} alone)`
                    );
                }
            }
        }
    }
};
