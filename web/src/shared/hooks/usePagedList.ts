import { useEffect, useState } from 'react';
import { isAbort, type ListPage } from '../api/client';
import { reportError, type ErrorContext, type ErrorDescription } from '../errors/errors';
import { useCursorPaging } from './useCursorPaging';

/**
 * One page of a cursor-paginated list for one set of filters (`filterKey`,
 * e.g. JSON of the filters' values): loaded again when the filters, the page
 * or reload() change it; a new filter starts again at page 1. `load` is the
 * render's own, so it sees the current filters.
 */
export function usePagedList<T>(
  filterKey: string,
  load: (cursor: string | null, signal: AbortSignal) => Promise<ListPage<T>>,
  errorContext: ErrorContext,
) {
  const paging = useCursorPaging(filterKey);
  const [page, setPage] = useState<ListPage<T> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    load(paging.cursor, controller.signal).then(
      (result) => {
        setPage(result);
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        setError(reportError(err, errorContext));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [filterKey, paging.cursor, reloads]);

  return { page, loading, error, paging, reload: () => setReloads((n) => n + 1) };
}

export type PagedList<T> = ReturnType<typeof usePagedList<T>>;
