import { useId, type ReactNode } from 'react';

/** A column of a chart's data table: its French header and each row's cell. */
export interface DataColumn<T> {
  header: string;
  cell: (row: T) => string | number;
}

/**
 * One chart of the statistics page: its French title, the CSV of its series,
 * the chart with a caption saying what it shows, and the same figures as a
 * table (the chart's text alternative: the drawing itself is hidden from
 * screen readers, whose library labels are in English). A series
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
  /** One French sentence saying what the chart shows: its caption. */
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
          <figure className="statistics-chart__plot">
            {/* Drawn for the eye only: the caption and the table below say the same to everyone. */}
            <div aria-hidden="true">{children}</div>
            <figcaption className="muted">{summary}</figcaption>
          </figure>
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
