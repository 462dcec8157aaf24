import type { ReactNode } from 'react';
import type { PagedList } from '../hooks/usePagedList';
import { ErrorAlert } from './ErrorAlert';
import { Pager } from './Pager';
import { Table } from './Table';
import { ScrollBox } from './ScrollBox';

/**
 * A page of a cursor-paginated list as a table: its error (with « Revenir à la
 * première page » when a cursor expired), the table with a row per item, what
 * to say while loading or when nothing matches, then the pager.
 */
export function PagedTable<T>({
  list,
  columns,
  header,
  row,
  caption,
  empty,
  loadingText,
  testIdPrefix,
  nextTestId = `${testIdPrefix}-next`,
  className = 'files-table',
}: {
  list: PagedList<T>;
  /** The column headings. */
  columns: readonly string[];
  /** A row of headings of the caller's own instead of `columns` (see Table). */
  header?: ReactNode;
  row: (item: T) => ReactNode;
  /** Read by screen readers, followed by « , page n ». */
  caption: string;
  empty: string;
  loadingText: string;
  /** The table is `${prefix}-table`, its error `${prefix}-error`, « Suivants » `${prefix}-next`. */
  testIdPrefix: string;
  nextTestId?: string;
  className?: string;
}) {
  const { page, loading, error, paging } = list;
  return (
    <>
      <ErrorAlert error={error} testId={`${testIdPrefix}-error`}>
        {error?.field === 'cursor' && paging.pageNumber > 1 && (
          <>
            {' '}
            <button type="button" className="button button--link" onClick={paging.first}>
              Revenir à la première page
            </button>
          </>
        )}
      </ErrorAlert>
      <ScrollBox aria-busy={loading}>
        <Table caption={`${caption}, page ${paging.pageNumber}`} columns={columns} header={header} testId={`${testIdPrefix}-table`} className={className}>
          {page?.items.map(row)}
        </Table>
        {!loading && page && page.items.length === 0 && <p className="empty">{empty}</p>}
        {loading && !page && <p className="empty">{loadingText}</p>}
      </ScrollBox>
      <Pager paging={paging} nextCursor={page?.next_cursor} loading={loading} nextTestId={nextTestId} />
    </>
  );
}
