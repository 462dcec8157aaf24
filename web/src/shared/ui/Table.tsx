import type { ReactNode } from 'react';

/**
 * A table of records: a caption for screen readers, the column headings (or `header`, a row of headings of the
 * caller's own, e.g. sort buttons), then the rows given as children.
 */
export function Table({
  caption,
  columns,
  header,
  testId,
  className = 'files-table',
  children,
}: {
  caption: string;
  columns: readonly string[];
  header?: ReactNode;
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <table className={className} data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        {header ?? (
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        )}
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
