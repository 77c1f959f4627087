import type { ConfigDraft } from '@salesforce/apex/ConfigurationController.getConfiguration';
import { SECTIONS, canonical, copyDraft, countChanges, isNewRow, rowsOf, withRows } from 'c/configModel';
import type { DraftRow } from 'c/configModel';
import type { DraftSection } from '@salesforce/apex/ConfigurationController.check';

/** A DeveloperName without its namespace (`ns__Name`: a DeveloperName itself never holds a double underscore). */
function bareName(name: string): string {
    const at = name.lastIndexOf('__');
    return (at >= 0 ? name.slice(at + 2) : name).toLowerCase();
}

/**
 * The draft with each new row that `names` names (by its key) given that DeveloperName, as the deployment that
 * succeeded gave it: deploying the draft again, even before the configuration is read again, updates the row's record
 * instead of creating another. Every other row, and every section without such a row, stays the same object.
 */
export function withNames(draft: ConfigDraft, names: Readonly<Record<string, string>>): ConfigDraft {
    let named = draft;
    for (const { name: section } of SECTIONS) {
        const rows = rowsOf(draft, section);
        if (rows.some((row) => isNewRow(row) && names[row.key])) {
            named = withRows(
                named,
                section,
                rows.map((row) => (isNewRow(row) && names[row.key] ? { ...row, developerName: names[row.key] } : row))
            );
        }
    }
    return named;
}

/**
 * A draft kept through a deployment (edited while it ran) set against `stored`, the configuration read after it
 * succeeded; `names` holds the DeveloperName the deployment gave each new row, by the row's key. A row so named whose
 * record `stored` holds in the same section becomes that record (its key and DeveloperName), so only the edits made
 * since count as changes; one whose record is not there (a partly successful deployment failed on it) is new again.
 * A stored record the draft has no row for (a new row removed while the deployment created it, a record deployed
 * from elsewhere) is added as stored: the draft never hides a record the sync reads. Every other row, and every
 * section where nothing changes, stays the same object.
 */
export function adoptNames(
    draft: ConfigDraft,
    stored: ConfigDraft,
    names: Readonly<Record<string, string>>
): ConfigDraft {
    let adopted = draft;
    for (const { name: section } of SECTIONS) {
        const records = rowsOf(stored, section);
        const byName = new Map(records.map((record) => [bareName(record.developerName ?? ''), record]));
        const before = rowsOf(draft, section);
        const rows = before.map((row) => {
            const given = names[row.key];
            if (!given || (row.developerName && row.developerName !== given)) {
                return row;
            }
            const record = byName.get(bareName(given));
            return record
                ? { ...row, key: record.key, developerName: record.developerName }
                : { ...row, developerName: null };
        });
        const keys = new Set(rows.map((row) => row.key));
        const missing = records.filter((record) => !keys.has(record.key));
        if (missing.length > 0 || rows.some((row, i) => row !== before[i])) {
            adopted = withRows(adopted, section, [...rows, ...(JSON.parse(JSON.stringify(missing)) as DraftRow[])]);
        }
    }
    return adopted;
}

/**
 * A row's values as a deployment stores them, as text: strings trimmed, blank values and blank conditions left out;
 * without its label when `withoutLabel`.
 */
function asStored(row: unknown, withoutLabel: boolean): string {
    const text = JSON.stringify(row);
    return canonical(
        JSON.parse(text, (key, value: unknown) => {
            if ((withoutLabel && key === 'label') || value === null) {
                return undefined;
            }
            if (typeof value === 'string') {
                return value.trim() === '' ? undefined : value.trim();
            }
            if (Array.isArray(value)) {
                return (value as unknown[]).filter((item) => item !== undefined && canonical(item) !== '{}');
            }
            return value;
        })
    );
}

/**
 * Whether the deployment stored a row as its record: the same values once stored (trimmed, blanks left out), or, for
 * a record installed with the package (its name holds the namespace, `ns__Name`), all but the label, which a
 * deployment keeps as installed (ConfigDeployer.isPackaged). A sync policy's row may name a packaged record that does
 * not exist and is left out of the deployment, so its label counts.
 */
function storedAs(row: DraftRow, record: string | undefined, section: DraftSection): boolean {
    if (record === undefined) {
        return false;
    }
    const stored = JSON.parse(record) as DraftRow;
    const packaged = section !== 'policies' && (row.developerName ?? '').includes('__');
    return (
        asStored(row, false) === asStored(stored, false) || (packaged && asStored(row, true) === asStored(stored, true))
    );
}

/**
 * The draft set against `stored`, the configuration read now, after a deployment. `previous` is the configuration
 * read before; `sent` the draft the page's own deployment sent (its new rows named), when that deployment succeeded,
 * wholly or partly, since then; `names` the DeveloperNames the deployments gave new rows (see adoptNames, which
 * places them and adds the records the draft has no row for). A row becomes its stored record where it equals it, or
 * where the admin left it as the deployment sent it (as read before, when the page sent none) and the record is what
 * the deployment, or one from elsewhere, made of it. Any other row is an unsaved edit and stays: one made while the
 * deployment ran, or a change sent that the deployment did not save (its record is as read before: a partly
 * successful deployment failed on it, or the deployment left it out), unless the deployment stored it so (trimmed,
 * blanks left out, a packaged record's label kept as installed). A row read before, left as it was and gone now (its
 * record deleted elsewhere) is dropped. A draft left with no unsaved edit is the stored configuration, in its order.
 */
export function rebaseDraft(
    draft: ConfigDraft,
    stored: ConfigDraft,
    previous: ConfigDraft,
    sent: ConfigDraft | undefined,
    names: Readonly<Record<string, string>>
): ConfigDraft {
    const mine = adoptNames(draft, stored, names);
    const ours = sent ? adoptNames(sent, stored, names) : previous;
    let rebased = mine;
    for (const { name: section } of SECTIONS) {
        const byKey = (config: ConfigDraft) => new Map(rowsOf(config, section).map((row) => [row.key, canonical(row)]));
        const [records, before, base] = [byKey(stored), byKey(previous), byKey(ours)];
        const rows: DraftRow[] = [];
        for (const row of rowsOf(mine, section)) {
            const [mineNow, record, read] = [canonical(row), records.get(row.key), before.get(row.key)];
            // Left as sent (or as read): what is stored is what the deployment, or one from elsewhere, made of it;
            // but a change sent to a record that is as read before was not saved, unless the deployment stored it so.
            const saved = mineNow === read || record !== read || storedAs(row, record, section);
            const leftAsSent = mineNow === base.get(row.key) && saved;
            if (record !== undefined && (mineNow === record || leftAsSent)) {
                rows.push(JSON.parse(record) as DraftRow);
            } else if (record === undefined && read !== undefined && leftAsSent) {
                // A record read before and left as it was, gone now (deleted in Setup): not created again.
                continue;
            } else {
                rows.push(row);
            }
        }
        rebased = withRows(rebased, section, rows);
    }
    const sameRows = SECTIONS.every(({ name }) => rowsOf(rebased, name).length === rowsOf(stored, name).length);
    return sameRows && countChanges(stored, rebased) === 0 ? copyDraft(stored) : rebased;
}
