import type { ReactNode } from 'react';

/** A table of records: a caption for screen readers, the column headings, then the rows given as children. */
export function Table({
  caption,
  columns,
  testId,
  className = 'files-table',
  children,
}: {
  caption: string;
  columns: readonly string[];
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <table className={className} data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
