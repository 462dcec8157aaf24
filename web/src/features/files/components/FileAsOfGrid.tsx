import { ScrollBox } from '../../../shared/ui/ScrollBox';
import { Table } from '../../../shared/ui/Table';
import { gridRows } from '../fileAsOf';
import type { FileAsOf } from '../fileTypes';

const COLUMNS = ['N°', 'Compétence', 'Résultat', 'Version', 'Signatures'] as const;

/** The evaluation grid as it stood then, one row per competency; the table scrolls in its box on a phone. */
export function FileAsOfGrid({ grid }: { grid: NonNullable<FileAsOf['grid']> }) {
  const rows = gridRows(grid);
  if (rows.length === 0) return <p className="muted">La grille ne comptait aucune compétence.</p>;
  return (
    <ScrollBox>
      <Table caption="Grille d'évaluation à cette date" columns={COLUMNS} className="files-table file-as-of__grid">
        {rows.map((r) => (
          <tr key={r.number} data-testid="file-as-of-competency" data-number={r.number}>
            <th scope="row">{r.number}</th>
            <td className="file-as-of__title">{r.title}</td>
            <td>{r.result}</td>
            <td>{r.version}</td>
            <td>{r.signatures}</td>
          </tr>
        ))}
      </Table>
    </ScrollBox>
  );
}
