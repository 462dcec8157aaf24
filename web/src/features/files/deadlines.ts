// Report deadlines: their shapes, the French sentences about them, who may set
// them, and the checks of the forms before sending. A deadline is a calendar
// day in Europe/Paris: the report is due by the end of that day.

import type { User } from '../../shared/api/types';
import type { FieldMessages } from '../../shared/errors/errors';
import { todayInParis, withFirstOfMonth } from '../../shared/format/format';

export interface DeadlineExtension {
  number: number;
  from: string;
  until: string;
  reason: string;
  extended_by: { id: string; display_name: string };
  extended_at: string;
}

export interface Deadline {
  kind: 'report' | string;
  /** The day in force (extensions included), YYYY-MM-DD. */
  due: string;
  due_at: string;
  time_zone: string;
  passed: boolean;
  /** The day first set, before any extension. */
  set_due: string;
  set_by: { id: string; display_name: string };
  set_at: string;
  extensions: DeadlineExtension[];
}

export const FINAL_STATES: ReadonlyArray<string> = ['certified', 'blocs_awarded', 'not_certified', 'withdrawn'];

export const DUE_MESSAGE = "Indiquez la date d'échéance (JJ/MM/AAAA).";
export const DUE_PAST_MESSAGE = "Cette date est passée : l'échéance se fixe à aujourd'hui ou plus tard.";
export const UNTIL_MESSAGE = 'Indiquez la nouvelle date (JJ/MM/AAAA).';
export const UNTIL_AFTER_MESSAGE = (current: string) =>
  `La nouvelle échéance doit être postérieure à l'échéance en vigueur (${frenchDay(current)}).`;
export const EXTENSION_REASON_MESSAGE = 'Indiquez le motif de la prolongation.';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDay(text: string): boolean {
  const match = ISO_DAY.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1;
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** "15 juin 2026" for "2026-06-15", without any time-zone shift. */
export function frenchDay(ymd: string): string {
  const match = ISO_DAY.exec(ymd);
  if (!match) return ymd;
  return withFirstOfMonth(dayFormat.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))));
}

export function reportDeadline(items: ReadonlyArray<Deadline>): Deadline | null {
  return items.find((d) => d.kind === 'report') ?? null;
}

/** "Rapport attendu au plus tard le 15 juin 2026 (fin de journée, heure de Paris)." */
export function describeDeadline(deadline: Deadline): string {
  return `Rapport attendu au plus tard le ${frenchDay(deadline.due)} (fin de journée, heure de Paris).`;
}

/** The centre's coordinator sets and extends the report deadline of an open file. */
export function canManageDeadlines(user: Pick<User, 'role'> | null | undefined, fileState: string): boolean {
  return user?.role === 'centre_coordinator' && !FINAL_STATES.includes(fileState);
}

/** The deadline form's check: a calendar day, today or later in Paris (`today`, "YYYY-MM-DD"). */
export function validateDue(due: string, today: string = todayInParis()): string | null {
  if (!isCalendarDay(due.trim())) return DUE_MESSAGE;
  return due.trim() < today ? DUE_PAST_MESSAGE : null;
}

/** Field errors of the extension form: a later day than the one in force, and a reason. */
export function validateExtension(
  current: Pick<Deadline, 'due'>,
  until: string,
  reason: string,
): Partial<Record<'until' | 'reason', string>> {
  const errors: Partial<Record<'until' | 'reason', string>> = {};
  const day = until.trim();
  if (!isCalendarDay(day)) errors.until = UNTIL_MESSAGE;
  else if (day <= current.due) errors.until = UNTIL_AFTER_MESSAGE(current.due);
  if (!reason.trim()) errors.reason = EXTENSION_REASON_MESSAGE;
  return errors;
}

/** Sentences per field for the deadline calls. */
export const DEADLINE_FIELD_MESSAGES: FieldMessages = {
  due: "La date d'échéance doit être une date valide (JJ/MM/AAAA).",
  until: "La nouvelle échéance doit être une date valide, postérieure à l'échéance en vigueur.",
  reason: 'Indiquez le motif de la prolongation.',
};
