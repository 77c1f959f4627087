import type { RedactionRule } from '@salesforce/apex/ConfigurationController.getConfiguration';

/**
 * The "try it" of the redaction editor: the draft's active rules applied to a sample in the browser. It is an
 * approximation: a JavaScript RegExp is not an Apex (Java) Pattern, and the Apex Redactor also keeps dates, GUIDs and
 * JSON numbers that a rule matches. A pattern the browser cannot read the way Apex does is not previewed (Apex checks
 * it on Check and Deploy), and neither is one with a repeat inside a repeat, which can run for very long.
 */

/** Characters of the sample that are previewed. */
export const PREVIEW_LIMIT = 2000;

/** Escapes that Java reads and JavaScript reads otherwise (or as the bare letter). */
const JAVA_ONLY_ESCAPES = 'AZzGhHRQEpPXvVae';
/**
 * Java's inline flags a whole pattern may start with: i, m and s become the JavaScript flags of the same letter; u
 * (Unicode case) and d (Unix lines) change nothing the preview shows.
 */
const LEADING_FLAGS = /^\(\?([imsud]+)\)/;

export const CHECKED_BY_APEX = 'checked on Check/Deploy: this browser cannot preview this pattern.';
export const NESTED_REPEAT =
    'not previewed: a repeat inside a repeat, such as (a+)+, can run for very long; Apex checks it on Check/Deploy.';

/** A pattern as the preview can run it: a RegExp, or why it is not run. */
export interface PatternPreview {
    regex: RegExp | null;
    note: string;
}

/** Whether text from index starts a repeat without upper bound: *, + or {n,}. */
function unboundedAt(text: string, index: number): boolean {
    const ch = text.charAt(index);
    return ch === '*' || ch === '+' || /^\{\d+,\}/.test(text.slice(index));
}

/** What in a pattern's body the preview cannot run: Java-only syntax, or a repeat inside a repeat. */
function scan(body: string): 'java' | 'nested' | '' {
    const groups: boolean[] = [];
    let inClass = false;
    let nested = false;
    for (let i = 0; i < body.length; i++) {
        const ch = body.charAt(i);
        if (ch === '\\') {
            if (JAVA_ONLY_ESCAPES.includes(body.charAt(i + 1))) {
                return 'java';
            }
            i++;
        } else if (inClass) {
            // Java's class union [a[b]] and intersection [a&&b] are literal characters to JavaScript.
            if (ch === '[' || (ch === '&' && body.charAt(i + 1) === '&')) {
                return 'java';
            }
            inClass = ch !== ']';
        } else if (ch === '[') {
            inClass = true;
        } else if (ch === '(') {
            groups.push(false);
        } else if (ch === ')') {
            const repeatsInside = groups.pop() ?? false;
            const repeated = unboundedAt(body, i + 1);
            nested = nested || (repeatsInside && repeated);
            if (groups.length > 0 && repeatsInside) {
                groups[groups.length - 1] = true;
            }
        } else if (unboundedAt(body, i) && groups.length > 0) {
            groups[groups.length - 1] = true;
        }
    }
    return nested ? 'nested' : '';
}

/** The pattern as a global RegExp the preview runs, or the note saying why it is not run. */
export function previewPattern(pattern: string): PatternPreview {
    let body = pattern;
    let flags = 'g';
    const leading = LEADING_FLAGS.exec(body);
    if (leading) {
        const letters = leading[1] ?? '';
        flags += ['i', 'm', 's'].filter((flag) => letters.includes(flag)).join('');
        body = body.slice(leading[0].length);
    }
    const problem = scan(body);
    if (problem) {
        return { regex: null, note: problem === 'java' ? CHECKED_BY_APEX : NESTED_REPEAT };
    }
    try {
        return { regex: new RegExp(body, flags), note: '' };
    } catch {
        return { regex: null, note: CHECKED_BY_APEX };
    }
}

/** Whether the digits of a text pass the Luhn check, as the Apex Redactor.passesLuhn does (13 to 19 digits). */
export function passesLuhn(candidate: string): boolean {
    const digits = candidate.replace(/[^0-9]/g, '');
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
        let digit = Number(digits.charAt(digits.length - 1 - i));
        if (i % 2 === 1) {
            digit *= 2;
            if (digit > 9) {
                digit -= 9;
            }
        }
        sum += digit;
    }
    return digits.length >= 13 && digits.length <= 19 && sum % 10 === 0;
}

/** A rule the preview did not run, and why. */
export interface PreviewNote {
    key: string;
    label: string;
    message: string;
}

export interface RedactionPreview {
    /** The sample (its first PREVIEW_LIMIT characters) with the rules applied: text, never markup. */
    text: string;
    /** How many matches were replaced. */
    replaced: number;
    /** Whether the sample was longer than PREVIEW_LIMIT and only its start was previewed. */
    cut: boolean;
    notes: PreviewNote[];
}

/** One rule over the text: each match replaced by the replacement as literal text, unless it is kept. */
function applyRule(text: string, regex: RegExp, rule: RedactionRule): { text: string; replaced: number } {
    const replacement = rule.replacement ?? '';
    let replaced = 0;
    const result = text.replace(regex, (match: string) => {
        if (match === '' || (rule.luhnCheck && !passesLuhn(match))) {
            return match;
        }
        replaced++;
        return replacement;
    });
    return { text: result, replaced };
}

/**
 * Applies the active rules with a pattern, by order, to the sample, each replacing its matches with its replacement
 * as literal text (as Apex does: no $1), leaving empty matches and, for a rule with Luhn Check, matches whose digits
 * fail the Luhn check.
 */
export function previewRedaction(rules: readonly RedactionRule[], sample: string): RedactionPreview {
    const cut = sample.length > PREVIEW_LIMIT;
    let text = cut ? sample.slice(0, PREVIEW_LIMIT) : sample;
    let replaced = 0;
    const notes: PreviewNote[] = [];
    const active = rules
        .map((rule, index) => ({ rule, index }))
        .filter(({ rule }) => rule.active && rule.pattern !== '')
        .sort((a, b) => a.rule.order - b.rule.order || a.index - b.index)
        .map(({ rule }) => rule);
    for (const rule of active) {
        const { regex, note } = previewPattern(rule.pattern);
        if (regex) {
            const result = applyRule(text, regex, rule);
            text = result.text;
            replaced += result.replaced;
        } else {
            notes.push({ key: rule.key, label: rule.label || `Rule ${String(rule.order)}`, message: note });
        }
    }
    return { text, replaced, cut, notes };
}
