/**
 * Dates, times and durations of the transcript, as the user reads them: dates and times in the user's Salesforce
 * locale and time zone (`@salesforce/i18n/locale`, `@salesforce/i18n/timeZone`), never the browser's, and never
 * with seconds; durations as "2 h 47 min", "47 min" or "35 s". Pure: the same input always gives the same text,
 * and every function takes the settings to use, the user's by default.
 */
import USER_LOCALE from '@salesforce/i18n/locale';
import USER_TIME_ZONE from '@salesforce/i18n/timeZone';

/** The locale (a BCP 47 tag such as "en-CA") and IANA time zone (such as "Europe/Paris") to format with. */
export interface FormatSettings {
    readonly locale: string;
    readonly timeZone: string;
}

/** The running user's settings, from their Salesforce personal settings. */
export const USER_SETTINGS: FormatSettings = Object.freeze({ locale: USER_LOCALE, timeZone: USER_TIME_ZONE });

/** Used only when the user's locale is malformed or unknown to the browser, so that the browser's never is. */
const FALLBACK_LOCALE = 'en-US';

type Style = 'dateTime' | 'date' | 'time';

const STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
    dateTime: { dateStyle: 'medium', timeStyle: 'short' },
    date: { dateStyle: 'medium' },
    time: { timeStyle: 'short' }
};

// dateStyle and timeStyle cannot be combined with timeZoneName: the same parts, spelt out, for the UTC fallback.
const UTC_STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
    dateTime: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
    date: { year: 'numeric', month: 'short', day: 'numeric' },
    time: { hour: 'numeric', minute: '2-digit' }
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The locale to format with: the given one when the browser knows it (or a less specific form of it), its language
 * alone otherwise, and en-US when neither is known. Salesforce's underscore form (en_US) is read as en-US.
 */
export function resolveLocale(locale: string): string {
    const tag = locale.trim().replace(/_/g, '-');
    for (const candidate of [tag, tag.split('-')[0] ?? '']) {
        try {
            if (candidate && Intl.DateTimeFormat.supportedLocalesOf(candidate).length > 0) {
                return candidate;
            }
        } catch {
            // A malformed tag (RangeError): try the next candidate.
        }
    }
    return FALLBACK_LOCALE;
}

function formatter(style: Style, settings: FormatSettings): Intl.DateTimeFormat {
    const key = `${style}|${settings.locale}|${settings.timeZone}`;
    let cached = formatters.get(key);
    if (!cached) {
        const locale = resolveLocale(settings.locale);
        try {
            cached = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone: settings.timeZone });
        } catch {
            // An unknown time zone: the time is shown in UTC, and says so, rather than in the browser's zone.
            cached = new Intl.DateTimeFormat(locale, { ...UTC_STYLES[style], timeZone: 'UTC', timeZoneName: 'short' });
        }
        formatters.set(key, cached);
    }
    return cached;
}

function parse(value: string | null | undefined): Date | null {
    if (value === null || value === undefined || value.trim() === '') {
        return null;
    }
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
}

function format(style: Style, value: string | null | undefined, settings: FormatSettings): string {
    const date = parse(value);
    if (date) {
        return formatter(style, settings).format(date);
    }
    // Nothing to show for no value; a value that is not a date is shown as the server sent it (as text).
    return value?.trim() ?? '';
}

/** A date and time without seconds ("Nov 25, 2025, 2:00 AM" in en-US); '' for none, the value itself if unreadable. */
export function formatDateTime(value: string | null | undefined, settings: FormatSettings = USER_SETTINGS): string {
    return format('dateTime', value, settings);
}

/** A date ("Nov 25, 2025" in en-US); '' for none, the value itself if unreadable. */
export function formatDate(value: string | null | undefined, settings: FormatSettings = USER_SETTINGS): string {
    return format('date', value, settings);
}

/** A time of day without seconds ("2:00 AM" in en-US, "02:00" in de-DE); '' for none, the value itself if unreadable. */
export function formatTime(value: string | null | undefined, settings: FormatSettings = USER_SETTINGS): string {
    return format('time', value, settings);
}

/** The instant in the machine-readable form of a `<time datetime>` attribute (UTC, ISO 8601); '' if unreadable. */
export function isoDateTime(value: string | null | undefined): string {
    return parse(value)?.toISOString() ?? '';
}

/**
 * A duration in its largest units: "35 s" under a minute, whole minutes under an hour ("47 min"), hours and minutes
 * from an hour on ("2 h 47 min", "3 h"). Rounded to the nearest second, then minute; '' for none, a negative or a
 * non-finite number.
 */
export function formatDuration(seconds: number | null | undefined): string {
    if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) {
        return '';
    }
    const wholeSeconds = Math.round(seconds);
    if (wholeSeconds < 60) {
        return `${wholeSeconds} s`;
    }
    const minutes = Math.round(wholeSeconds / 60);
    if (minutes < 60) {
        return `${minutes} min`;
    }
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
