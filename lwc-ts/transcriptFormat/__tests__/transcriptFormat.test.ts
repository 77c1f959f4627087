import {
    USER_SETTINGS,
    formatDate,
    formatDateTime,
    formatDuration,
    formatTime,
    isoDateTime,
    resolveLocale
} from 'c/transcriptFormat';

// Expected texts are the ICU formats of the Node.js that runs Jest; the point of each test is which locale and
// which zone are used, not the ICU version's spelling.
const AT = '2025-11-25T10:00:01.000Z';
const LA = { locale: 'en-US', timeZone: 'America/Los_Angeles' };
const BERLIN = { locale: 'de-DE', timeZone: 'Europe/Berlin' };

describe('c/transcriptFormat durations', () => {
    it('shows hours and minutes from an hour on, never "167 min 0 s"', () => {
        expect(formatDuration(10020)).toBe('2 h 47 min');
        expect(formatDuration(3600)).toBe('1 h');
        expect(formatDuration(7200 + 59)).toBe('2 h 1 min');
        expect(formatDuration(100000)).toBe('27 h 47 min');
    });

    it('shows whole minutes under an hour and seconds under a minute', () => {
        expect(formatDuration(2820)).toBe('47 min');
        expect(formatDuration(2835)).toBe('47 min');
        expect(formatDuration(60)).toBe('1 min');
        expect(formatDuration(35)).toBe('35 s');
        expect(formatDuration(0)).toBe('0 s');
    });

    it('rounds to the nearest second, then minute, carrying into the next unit', () => {
        expect(formatDuration(34.4)).toBe('34 s');
        expect(formatDuration(59.5)).toBe('1 min');
        expect(formatDuration(89)).toBe('1 min');
        expect(formatDuration(90)).toBe('2 min');
        expect(formatDuration(3569)).toBe('59 min');
        expect(formatDuration(3570)).toBe('1 h');
        expect(formatDuration(3599)).toBe('1 h');
    });

    it('shows nothing for no duration, a negative or a non-finite one', () => {
        expect(formatDuration(null)).toBe('');
        expect(formatDuration(undefined)).toBe('');
        expect(formatDuration(-1)).toBe('');
        expect(formatDuration(Number.NaN)).toBe('');
        expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('');
    });
});

describe('c/transcriptFormat dates and times', () => {
    it("uses the user's Salesforce locale and time zone by default, not the machine's", () => {
        expect(USER_SETTINGS).toEqual({ locale: 'en-US', timeZone: 'America/Los_Angeles' });
        expect(formatDateTime(AT)).toBe('Nov 25, 2025, 2:00 AM');
        expect(formatTime(AT)).toBe('2:00 AM');
        expect(formatDate(AT)).toBe('Nov 25, 2025');
    });

    it('formats in each locale and zone, without seconds', () => {
        expect(formatDateTime(AT, BERLIN)).toBe('25.11.2025, 11:00');
        expect(formatTime(AT, BERLIN)).toBe('11:00');
        expect(formatDateTime(AT, { locale: 'ja-JP', timeZone: 'Asia/Tokyo' })).toBe('2025/11/25 19:00');
        expect(formatDateTime(AT, { locale: 'en-GB', timeZone: 'Europe/London' })).toBe('25 Nov 2025, 10:00');
        expect(formatDateTime(AT, { locale: 'fr-CA', timeZone: 'America/Toronto' })).toBe('25 nov. 2025, 05 h 00');
        expect(formatTime(AT, { locale: 'he-IL', timeZone: 'Asia/Jerusalem' })).toBe('12:00');
        // Arabic (Egypt): Arabic-Indic digits and the Arabic PM marker.
        expect(formatTime(AT, { locale: 'ar-EG', timeZone: 'Africa/Cairo' })).toBe('\u0661\u0662:\u0660\u0660 \u0645');
    });

    it('follows zones with half-hour offsets', () => {
        expect(formatDateTime(AT, { locale: 'en-IN', timeZone: 'Asia/Kolkata' })).toBe('25 Nov 2025, 3:30 pm');
        expect(formatTime(AT, { locale: 'en-CA', timeZone: 'America/St_Johns' })).toBe('6:30 a.m.');
    });

    it('gives the date of the user, which may be another day than in UTC', () => {
        expect(formatDate('2025-11-25T07:30:00Z', LA)).toBe('Nov 24, 2025');
        expect(formatDate('2025-11-25T23:30:00Z', { locale: 'en-US', timeZone: 'Asia/Tokyo' })).toBe('Nov 26, 2025');
    });

    it('skips the hour lost when daylight saving time starts', () => {
        expect(formatDateTime('2025-03-09T09:59:00Z', LA)).toBe('Mar 9, 2025, 1:59 AM');
        expect(formatDateTime('2025-03-09T10:00:00Z', LA)).toBe('Mar 9, 2025, 3:00 AM');
        expect(formatTime('2025-03-30T00:59:00Z', BERLIN)).toBe('01:59');
        expect(formatTime('2025-03-30T01:00:00Z', BERLIN)).toBe('03:00');
    });

    it('shows the repeated hour twice when daylight saving time ends', () => {
        expect(formatTime('2025-11-02T08:30:00Z', LA)).toBe('1:30 AM');
        expect(formatTime('2025-11-02T09:30:00Z', LA)).toBe('1:30 AM');
        expect(formatTime('2025-11-02T10:30:00Z', LA)).toBe('2:30 AM');
        expect(formatTime('2025-10-26T00:30:00Z', BERLIN)).toBe('02:30');
        expect(formatTime('2025-10-26T01:30:00Z', BERLIN)).toBe('02:30');
    });

    it('reads the forms Apex sends and offsets other than Z', () => {
        expect(formatTime('2025-11-25T10:00:01Z', LA)).toBe('2:00 AM');
        expect(formatTime('2025-11-25T11:00:00+01:00', LA)).toBe('2:00 AM');
        expect(formatDate('2025-11-25', LA)).toBe('Nov 24, 2025');
    });

    it('shows nothing for no value, and an unreadable value as it came', () => {
        expect(formatDateTime(null)).toBe('');
        expect(formatDateTime(undefined)).toBe('');
        expect(formatTime('')).toBe('');
        expect(formatTime('   ')).toBe('');
        expect(formatDateTime('yesterday')).toBe('yesterday');
        expect(formatTime(' <b>soon</b> ')).toBe('<b>soon</b>');
    });

    it('falls back to a less specific locale, then en-US, never the browser default', () => {
        expect(resolveLocale('en-CA')).toBe('en-CA');
        expect(resolveLocale('en_US')).toBe('en-US');
        expect(resolveLocale('de_DE_EURO')).toBe('de');
        expect(resolveLocale('xx-YY')).toBe('en-US');
        expect(resolveLocale('!!')).toBe('en-US');
        expect(resolveLocale('')).toBe('en-US');
        expect(formatTime(AT, { locale: 'de_DE', timeZone: 'Europe/Berlin' })).toBe('11:00');
        expect(formatTime(AT, { locale: 'not a locale', timeZone: 'Europe/Berlin' })).toBe('11:00 AM');
    });

    it('shows the time in UTC, saying so, when the time zone is unknown', () => {
        expect(formatDateTime(AT, { locale: 'en-US', timeZone: 'Mars/Olympus' })).toBe('Nov 25, 2025, 10:00 AM UTC');
        expect(formatTime(AT, { locale: 'en-GB', timeZone: '' })).toBe('10:00 UTC');
        expect(formatDate(AT, { locale: 'en-US', timeZone: 'Nowhere' })).toBe('Nov 25, 2025, UTC');
    });

    it('gives the machine-readable instant for <time datetime>', () => {
        expect(isoDateTime('2025-11-25T10:00:01Z')).toBe('2025-11-25T10:00:01.000Z');
        expect(isoDateTime('2025-11-25T11:00:00+01:00')).toBe('2025-11-25T10:00:00.000Z');
        expect(isoDateTime('yesterday')).toBe('');
        expect(isoDateTime(null)).toBe('');
    });
});
