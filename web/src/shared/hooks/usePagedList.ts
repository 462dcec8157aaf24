import { type ListPage } from '../api/client';
import { type ErrorContext } from '../errors/errors';
import { useCursorPaging } from './useCursorPaging';
import { useApiResource } from './useApiResource';

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
  // The page shown stays until the next one arrives (no flicker between pages).
  const { data: page, loading, error, reload } = useApiResource<ListPage<T>>(
    (signal) => load(paging.cursor, signal),
    [filterKey, paging.cursor],
    { context: errorContext, clearOnChange: false },
  );

  return { page, loading, error, paging, reload };
}

export type PagedList<T> = ReturnType<typeof usePagedList<T>>;
