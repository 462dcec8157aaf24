// The statistics page's shapes and pure helpers: who may see it, the period in
// the address, the series pivoted for the charts, French numbers and months.

import { API_PREFIX } from '../../shared/api/client';
import type { Schema } from '../../shared/api/schemas';
import type { User } from '../../shared/api/types';

export type Statistics = Schema<'Statistics'>;

export const STATISTICS_PATH = '/statistiques';

/** The series, as GET /statistics answers them and /statistics/{series}.csv exports them. */
export type SeriesId = 'files_by_state' | 'files_by_cqpm' | 'success_rates' | 'stage_durations' | 'overdue' | 'juries';

/** A centre's coordinator (their centre), the platform administrator and GTP auditors (every centre). */
export function canSeeStatistics(user: Pick<User, 'role'> | null | undefined): boolean {
  return user?.role === 'centre_coordinator' || user?.role === 'admin' || user?.role === 'gtp_auditor';
}

/** The filter as the address holds it: empty values are the server's defaults. */
export interface StatisticsFilter {
  from: string;
  to: string;
  centre: string;
}

/** The query string of a filter ('' when every value is the default), in a fixed order. */
export function filterQuery(filter: StatisticsFilter): string {
  const params = new URLSearchParams();
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.centre) params.set('centre', filter.centre);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Where one series' CSV is downloaded from, for the filter shown. */
export function csvUrl(series: SeriesId, filter: StatisticsFilter): string {
  return `${API_PREFIX}/statistics/${series}.csv${filterQuery(filter)}`;
}

/** A French sentence when the period cannot be asked for as typed, else null. */
export function periodProblem(from: string, to: string): string | null {
  if (from && to && from > to) return 'La date de début doit précéder la date de fin.';
  return null;
}

const MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

/** "2026-03" → "mars 2026". */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-');
  const name = MONTHS[Number(number) - 1];
  return name ? `${name} ${year}` : month;
}

/** A number the French way, with at most `decimals` decimals: 12.5 → "12,5". */
export function frenchNumber(value: number, decimals = 1): string {
  return value.toLocaleString('fr-FR', { maximumFractionDigits: decimals });
}

/** A rate from 0 to 1 as a French percentage: 0.667 → "66,7 %". */
export function frenchPercent(rate: number): string {
  return `${frenchNumber(rate * 100, 1)} %`;
}

/** "1 dossier", "8 dossiers": French counts take the plural from 2 on (0 and 1 stay singular). */
export function filesCount(count: number): string {
  return `${frenchNumber(count, 0)} dossier${count >= 2 ? 's' : ''}`;
}

/** One row per month, one column per key: what a stacked bar chart draws. */
export interface Pivot {
  rows: Array<Record<string, string | number>>;
  /** The keys, in order of first appearance, with their label. */
  keys: Array<{ key: string; label: string }>;
}

/**
 * Rows of (month, key, count) pivoted into one row per month (in month order,
 * named by monthLabel) and one column per key, missing counts as 0.
 */
export function pivotByMonth<T extends { month: string }>(
  rows: readonly T[],
  keyOf: (row: T) => string,
  labelOf: (row: T) => string,
  countOf: (row: T) => number,
): Pivot {
  const keys: Pivot['keys'] = [];
  const byMonth = new Map<string, Record<string, string | number>>();
  for (const row of rows) {
    const key = keyOf(row);
    if (!keys.some((k) => k.key === key)) keys.push({ key, label: labelOf(row) });
    const line = byMonth.get(row.month) ?? { month: monthLabel(row.month) };
    line[key] = (Number(line[key]) || 0) + countOf(row);
    byMonth.set(row.month, line);
  }
  const months = [...byMonth.keys()].sort();
  const pivoted = months.map((month) => {
    const line = byMonth.get(month)!;
    for (const { key } of keys) line[key] ??= 0;
    return line;
  });
  return { rows: pivoted, keys };
}

/** Colours of the series, distinct enough side by side and on white (contrast ≥ 3:1). */
export const CHART_COLOURS = ['#1f4e79', '#c0504d', '#4f7d2a', '#8064a2', '#b36b00', '#2c7f8f', '#7f6000', '#a0306f'];

export function colourAt(index: number): string {
  return CHART_COLOURS[index % CHART_COLOURS.length] ?? CHART_COLOURS[0]!;
}
