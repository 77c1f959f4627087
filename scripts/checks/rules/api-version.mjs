// One API version everywhere.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export default {
    name: 'api-version',
    group: 'metadata',
    description: 'each <apiVersion> equals sourceApiVersion of sfdx-project.json',
    check(model, report) {
        const expected = model.project.sourceApiVersion;
        if (!expected) {
            report(path.join(model.projectDir, 'sfdx-project.json'), 'sourceApiVersion is not set');
            return;
        }
        for (const file of model.files.filter((f) => f.endsWith('.xml') && model.isWellFormed(f))) {
            for (const match of readFileSync(file, 'utf8').matchAll(/<apiVersion>\s*([^<\s]+)\s*<\/apiVersion>/g)) {
                if (Number(match[1]).toFixed(1) !== Number(expected).toFixed(1)) {
                    report(file, `apiVersion ${match[1]} differs from sourceApiVersion ${expected}`);
                }
            }
        }
    }
};
