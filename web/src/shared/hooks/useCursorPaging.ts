import { useState } from 'react';

/**
 * The pages of a cursor-paginated list, for one set of filters: a new filter
 * starts again at page 1 (the stack of cursors belongs to the filters' key).
 */
export function useCursorPaging(filterKey: string) {
  const [paging, setPaging] = useState<{ key: string; cursors: (string | null)[] }>({ key: filterKey, cursors: [null] });
  const cursors = paging.key === filterKey ? paging.cursors : [null];
  return {
    cursor: cursors[cursors.length - 1] ?? null,
    pageNumber: cursors.length,
    next: (cursor: string) => setPaging({ key: filterKey, cursors: [...cursors, cursor] }),
    previous: () => setPaging({ key: filterKey, cursors: cursors.slice(0, -1) }),
    first: () => setPaging({ key: filterKey, cursors: [null] }),
  };
}

export type CursorPaging = ReturnType<typeof useCursorPaging>;
