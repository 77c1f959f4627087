// Layouts name only custom fields their object has.
import { readFileSync } from 'node:fs';
import { isCustomName } from '../model.mjs';

export default {
    name: 'layouts',
    group: 'metadata',
    description: 'page layouts name only custom fields their object has',
    check(model, report) {
        for (const [layoutName, file] of model.layouts) {
            const objectName = layoutName.split('-')[0];
            const text = readFileSync(file, 'utf8');
            for (const [, raw] of text.matchAll(/<field>([^<]+)<\/field>/g)) {
                const name = raw.trim();
                if (isCustomName(name) && !name.includes('.') && !model.field(objectName, name)) {
                    report(file, `${objectName} has no field ${name}`);
                }
            }
        }
    }
};
