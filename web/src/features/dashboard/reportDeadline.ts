// The report deadline as the dashboard shows it: the Paris calendar day it ends with.

import { formatCalendarDate, todayInParis } from '../../shared/format/format';

/**
 * The deadline's day, "YYYY-MM-DD": `report_due_at` is the midnight (Paris) that ends that day, so the day is
 * the one just before that instant. Null when there is no deadline or the instant is unreadable.
 */
export function reportDueDay(reportDueAt: string | null | undefined): string | null {
  if (!reportDueAt) return null;
  const end = new Date(reportDueAt);
  if (Number.isNaN(end.getTime())) return null;
  return todayInParis(new Date(end.getTime() - 1));
}

/** "15/06/2026", or null without a deadline. */
export function reportDueLabel(reportDueAt: string | null | undefined): string | null {
  const day = reportDueDay(reportDueAt);
  return day ? formatCalendarDate(day) : null;
}

/** « 1 dossier en retard », « 3 dossiers en retard », « Aucun dossier en retard ». */
export function overdueCountLabel(count: number): string {
  if (count === 0) return 'Aucun dossier en retard';
  return count === 1 ? '1 dossier en retard' : `${count} dossiers en retard`;
}
