// French formatting of dates and names.

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });
const shortDateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

const FRENCH_MONTHS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
const FIRST_OF_MONTH = new RegExp(`(^|\\s)1(\\s)(${FRENCH_MONTHS})`, 'g');

/** « 1er novembre », as French writes the first day of a month, where Intl writes « 1 novembre ». */
export function withFirstOfMonth(text: string): string {
  return text.replace(FIRST_OF_MONTH, '$11er$2$3');
}

function parseInstant(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "12 mars 2025 à 14:05" (local time), or the raw text if it is not a date. */
export function formatDateTime(iso: string): string {
  const date = parseInstant(iso);
  return date ? withFirstOfMonth(dateTimeFormat.format(date)) : iso;
}

/** "12/03/2025 14:05" (local time), for tables. */
export function formatShortDateTime(iso: string): string {
  const date = parseInstant(iso);
  return date ? shortDateTimeFormat.format(date).replace(',', '') : iso;
}

// Acts between centres (transfers) are dated in Paris time, whatever the reader's own zone.
const PARIS = 'Europe/Paris';
const parisDateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: PARIS });
const parisShortDateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: PARIS });

const parisCalendarDay = new Intl.DateTimeFormat('en-CA', { timeZone: PARIS, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in Paris, "YYYY-MM-DD": how sessions and deadlines are dated. */
export function todayInParis(now: Date = new Date()): string {
  return parisCalendarDay.format(now);
}

/** "12 mars 2025 à 14:05", Paris time, or the raw text if it is not a date. */
export function formatParisDateTime(iso: string): string {
  const date = parseInstant(iso);
  return date ? withFirstOfMonth(parisDateTimeFormat.format(date)) : iso;
}

/** "12/03/2025 14:05", Paris time, for tables. */
export function formatParisShortDateTime(iso: string): string {
  const date = parseInstant(iso);
  return date ? parisShortDateTimeFormat.format(date).replace(',', '') : iso;
}

/** A calendar date "YYYY-MM-DD" as "12/03/1990", without any time-zone shift. */
export function formatCalendarDate(ymd: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : ymd;
}

/**
 * "Camille Rousseau": the name exactly as it was typed (and stored, in NFC), never put in capitals,
 * which would alter some names (« Größmann » would become GRÖSSMANN, Turkish « Işık » IŞIK): no page
 * alters a person's name (issue 17), as no document does.
 */
export function candidateName(candidate: { given_name: string; family_name: string }): string {
  return `${candidate.given_name} ${candidate.family_name}`.trim();
}

/** "de Lucas Martin", "d'Emma Lefèvre": the preposition elided before a vowel or a mute h. */
export function ofName(name: string): string {
  return /^[aeiouyhàâäéèêëîïôöùûüœæ]/i.test(name.trim()) ? `d'${name.trim()}` : `de ${name.trim()}`;
}
