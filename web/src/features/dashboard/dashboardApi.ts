// Calls of the dashboard: the file list with its filters and sort, its counts, its CSV export, and the planned
// jury sessions its files can be added to.

import { API_PREFIX, buildQuery, request } from '../../shared/api/client';
import type { FileList, FileStats } from '../files/fileTypes';
import type { FileSort } from './dashboardSort';

/** The filters of the list, its counts and its export. */
export interface DashboardFilters {
  state?: string;
  cqpm?: string;
  pathway?: string;
  q?: string;
  /** Only the files whose report deadline has passed without a report. */
  overdue?: boolean;
}

function filterQuery(filters: DashboardFilters, sort?: FileSort) {
  return {
    state: filters.state,
    cqpm: filters.cqpm,
    pathway: filters.pathway,
    q: filters.q,
    overdue: filters.overdue ? 'true' : undefined,
    sort: sort?.field,
    order: sort?.order,
  };
}

export const dashboardApi = {
  listFiles(
    filters: DashboardFilters,
    sort: FileSort,
    page: { limit: number; cursor: string | null },
    signal?: AbortSignal,
  ): Promise<FileList> {
    return request('GET', `/files${buildQuery({ ...filterQuery(filters, sort), ...page })}`, { signal });
  },
  /** Counts per state (the state filter is not applied to them). */
  fileStats(filters: Omit<DashboardFilters, 'state'>, signal?: AbortSignal): Promise<FileStats> {
    return request('GET', `/files/stats${buildQuery(filterQuery(filters))}`, { signal });
  },
};

/** The CSV of the files the list shows (same filters and sort), as a link downloads it with the session cookie. */
export function filesCsvHref(filters: DashboardFilters, sort: FileSort): string {
  return `${API_PREFIX}/files.csv${buildQuery(filterQuery(filters, sort))}`;
}
