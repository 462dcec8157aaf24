import type { CursorPaging } from '../hooks/useCursorPaging';

/** "Précédents / Page n / Suivants" under a cursor-paginated table. */
export function Pager({
  paging,
  nextCursor,
  loading,
  nextTestId,
}: {
  paging: CursorPaging;
  nextCursor: string | null | undefined;
  loading: boolean;
  /** The test id of « Suivants ». */
  nextTestId: string;
}) {
  return (
    <nav className="pager" aria-label="Pagination">
      <button type="button" className="button" disabled={paging.pageNumber <= 1 || loading} onClick={paging.previous}>
        Précédents
      </button>
      <span className="muted">Page {paging.pageNumber}</span>
      <button
        type="button"
        className="button"
        disabled={!nextCursor || loading}
        onClick={() => nextCursor && paging.next(nextCursor)}
        data-testid={nextTestId}
      >
        Suivants
      </button>
    </nav>
  );
}
