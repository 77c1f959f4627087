// The visitor panel's pure logic, apart from its components so that it reads (and tests) on its own: the chat
// fields each part shows, readable sections with safe links, the named values of custom variables and pre-chat
// forms, the fields of a create form in the object's layout order, and record page URLs.
import type { PageReference } from 'lightning/navigation';

export * from './fields';
export * from './sections';
export * from './layout';
export * from './actions';

/** The page of a record, as the navigation service takes it. */
export function recordPage(recordId: string): PageReference {
    return { type: 'standard__recordPage', attributes: { recordId, actionName: 'view' } };
}

/**
 * The URLs of the record pages not known yet (`known`), built by the navigation service. Where it builds none,
 * the link points at the page itself ('#') and a click still opens the record through the navigation service.
 */
export async function recordUrls(
    ids: string[],
    known: Record<string, string>,
    generate: (pageReference: PageReference) => Promise<string>
): Promise<Record<string, string>> {
    const missing = [...new Set(ids)].filter((id) => id !== '' && !(id in known));
    const generated = await Promise.all(
        missing.map(async (id) => {
            try {
                return [id, await generate(recordPage(id))] as const;
            } catch {
                return [id, '#'] as const;
            }
        })
    );
    return generated.length > 0 ? { ...known, ...Object.fromEntries(generated) } : known;
}
