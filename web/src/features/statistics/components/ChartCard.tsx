import { useId, type ReactNode } from 'react';

/** A column of a chart's data table: its French header and each row's cell. */
export interface DataColumn<T> {
  header: string;
  cell: (row: T) => string | number;
}

/**
 * One chart of the statistics page: its French title, the CSV of its series,
 * the chart, and the same figures as a table (the chart's text alternative,
 * which screen readers and keyboards use; sighted readers unfold it). A series
 * without rows says so instead of drawing empty axes.
 */
export function ChartCard<T>({
  series,
  title,
  summary,
  csvHref,
  rows,
  columns,
  children,
}: {
  series: string;
  title: string;
  /** One French sentence saying what the chart shows: the chart's accessible name. */
  summary: string;
  csvHref: string;
  rows: readonly T[];
  columns: ReadonlyArray<DataColumn<T>>;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <section className="panel statistics-chart" aria-labelledby={titleId} data-testid={`chart-${series}`}>
      <div className="statistics-chart__head">
        <h2 id={titleId}>{title}</h2>
        <a className="button button--ghost" href={csvHref} download data-testid={`csv-${series}`}>
          Télécharger le CSV<span className="visually-hidden"> : {title}</span>
        </a>
      </div>
      {rows.length === 0 ? (
        <p className="muted">Aucune donnée sur cette période.</p>
      ) : (
        <>
          <div className="statistics-chart__plot" role="img" aria-label={summary}>
            {children}
          </div>
          <details className="statistics-chart__data">
            <summary>Voir les données en tableau</summary>
            <div className="table-scroll">
              <table className="table">
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    {columns.map((column) => (
                      <th key={column.header} scope="col">
                        {column.header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, index) => (
                    <tr key={index}>
                      {columns.map((column) => (
                        <td key={column.header}>{column.cell(row)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
