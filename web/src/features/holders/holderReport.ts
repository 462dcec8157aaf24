// The report of « Titulaires à déclarer (Accrochage) »: the certifications the
// juries awarded over a period, to declare to the Caisse des Dépôts (its
// Accrochage service) so that they reach the holders' training accounts. The
// period (Paris days, both included, three years at most), the address of the
// report and of its two downloads (the XML flux, the CSV of every line), and
// the French words of the counts and of each line's status. Pure: no React.

import { API_PREFIX, buildQuery } from '../../shared/api/client';
import { candidateName, formatCalendarDate, todayInParis } from '../../shared/format/format';
import type { ErrorContext } from '../../shared/errors/errors';
import type { Schema } from '../../shared/api/schemas';

export type HolderReport = Schema<'HolderReport'>;
export type ReportedCertification = Schema<'ReportedCertification'>;

/** A period of jury sessions: Paris calendar days "YYYY-MM-DD", both included. */
export interface Period {
  from: string;
  to: string;
}

/** From the first day of the current year to today, in Paris. */
export function defaultPeriod(now: Date = new Date()): Period {
  const to = todayInParis(now);
  return { from: `${to.slice(0, 4)}-01-01`, to };
}

/** The period of the address, each missing or empty date taken from the default one. */
export function periodFrom(params: URLSearchParams, now: Date = new Date()): Period {
  const fallback = defaultPeriod(now);
  return { from: params.get('from') || fallback.from, to: params.get('to') || fallback.to };
}

/** The server's longest period: three years of 366 days. */
export const MAX_PERIOD_DAYS = 3 * 366;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds of a real calendar day at 00:00 UTC, or null ("2026-02-30" is not one). */
function dayTime(ymd: string): number | null {
  const match = DAY.exec(ymd);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date.getTime() : null;
}

export const FROM_MESSAGE = 'Indiquez la date de début de la période (jj/mm/aaaa).';
export const TO_MESSAGE = 'Indiquez la date de fin de la période (jj/mm/aaaa).';
export const PERIOD_ORDER_MESSAGE = 'La date de fin ne peut pas précéder la date de début.';
export const PERIOD_LENGTH_MESSAGE = 'La période couvre trois ans au plus : raccourcissez-la.';

/** What the server would refuse in the period, in French (the same checks), or null. */
export function periodProblem(period: Period): string | null {
  const from = dayTime(period.from);
  const to = dayTime(period.to);
  if (from === null) return FROM_MESSAGE;
  if (to === null) return TO_MESSAGE;
  if (to < from) return PERIOD_ORDER_MESSAGE;
  if (to - from > MAX_PERIOD_DAYS * 86_400_000) return PERIOD_LENGTH_MESSAGE;
  return null;
}

/** "?from=2026-01-01&to=2026-06-30". */
export function periodQuery(period: Period): string {
  return buildQuery({ from: period.from, to: period.to });
}

/** Where the XML flux to deposit at the Caisse des Dépôts is downloaded, for a period. */
export function fluxUrl(period: Period): string {
  return `${API_PREFIX}/holders/accrochage.xml${periodQuery(period)}`;
}

/** Where the CSV of every line (ready or not) is downloaded, for a period. */
export function csvUrl(period: Period): string {
  return `${API_PREFIX}/holders/accrochage.csv${periodQuery(period)}`;
}

/** The French sentences of the server's refusals of the report (describeError's context). */
export const HOLDERS_ERROR_CONTEXT: ErrorContext = {
  operation: 'holders',
  fields: {
    from: "La date de début de la période n'est pas valide.",
    to: 'La date de fin doit être une date valide, pas avant la date de début, et la période couvrir trois ans au plus.',
  },
};

export const CERTIFIER_NOT_CONFIGURED_MESSAGE =
  'Les identifiants du certificateur auprès de la Caisse des Dépôts ne sont pas configurés (cqpm.accrochage.client_id, cqpm.accrochage.contract_id) : seul le CSV est disponible.';

/** « 3 certifications à déclarer, 1 à compléter » (French counts take the plural from 2 on). */
export function countsText(report: Pick<HolderReport, 'reportable' | 'incomplete'>): string {
  const n = report.reportable;
  return `${n} certification${n >= 2 ? 's' : ''} à déclarer, ${report.incomplete} à compléter`;
}

/** « Du 01/01/2026 au 30/06/2026 ». */
export function periodText(period: Period): string {
  return `Du ${formatCalendarDate(period.from)} au ${formatCalendarDate(period.to)}`;
}

/** Why the XML flux cannot be downloaded for this report, in French, or null when it can. */
export function fluxUnavailableReason(report: Pick<HolderReport, 'certifier_configured' | 'reportable'>): string | null {
  if (!report.certifier_configured) {
    return 'Flux XML indisponible : les identifiants du certificateur auprès de la Caisse des Dépôts ne sont pas configurés.';
  }
  if (report.reportable === 0) return 'Flux XML indisponible : aucune certification de la période n’est prête à être déclarée.';
  return null;
}

export const READY_TEXT = 'Prêt';

/** « Prêt », or what keeps the line out of the flux (the server's French sentences, joined). */
export function statusText(certification: Pick<ReportedCertification, 'reportable' | 'missing'>): string {
  if (certification.reportable) return READY_TEXT;
  const missing = certification.missing.map((m) => m.message_fr.trim()).filter(Boolean);
  return missing.length > 0 ? missing.join(' ; ') : 'À compléter';
}

/** « CQPM » for a certificate, « Bloc de compétences » for a bloc attestation. */
export function kindLabel(kind: ReportedCertification['kind']): string {
  return kind === 'certificate' ? 'CQPM' : 'Bloc de compétences';
}

/** The holder's name as typed (never put in capitals). */
export function holderName(certification: Pick<ReportedCertification, 'holder'>): string {
  return candidateName(certification.holder);
}
