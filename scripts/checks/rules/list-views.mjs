// List views name only custom fields their object has.
import { readFileSync } from 'node:fs';
import { isCustomName } from '../model.mjs';

export default {
    name: 'list-views',
    group: 'metadata',
    description: 'list views name only custom fields their object has',
    check(model, report) {
        for (const object of model.objects.values()) {
            for (const { file } of object.listViews) {
                const text = readFileSync(file, 'utf8');
                for (const [, raw] of text.matchAll(/<(?:field|columns)>([^<]+)<\/(?:field|columns)>/g)) {
                    const name = raw.trim();
                    if (isCustomName(name) && !name.includes('.') && !object.fields.has(name)) {
                        report(file, `${object.name} has no field ${name}`);
                    }
                }
            }
        }
    }
};
