import { filesCount, impactTable } from '../referentialHistory';
import { useWorkflow } from '../../../app/session';
import type { PinnedFiles } from '../referentialTypes';
import { stateLabel } from '../../files/workflow';
import { ScrollBox } from '../../../shared/ui/ScrollBox';

/** Files pinned to a version of a referential, by centre (rows) and state (columns). */
export function PinnedFilesTable({ pinned, testId }: { pinned: PinnedFiles; testId?: string }) {
  const workflow = useWorkflow();
  const table = impactTable(
    pinned.by_centre_and_state,
    workflow?.states.map((s) => s.id),
  );
  if (pinned.total === 0 || table.rows.length === 0) {
    return (
      <p className="muted" data-testid={testId} data-total={0}>
        Aucun dossier n'est rattaché à la version {pinned.version}.
      </p>
    );
  }
  return (
    <ScrollBox data-testid={testId} data-total={pinned.total}>
      <table className="files-table impact-table">
        <caption className="visually-hidden">
          {filesCount(pinned.total)} rattaché{pinned.total > 1 ? 's' : ''} à la version {pinned.version}, par centre et par état
        </caption>
        <thead>
          <tr>
            <th scope="col">Centre</th>
            {table.states.map((s) => (
              <th scope="col" key={s} data-state={s}>
                {stateLabel(workflow, s)}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.centreId} data-testid="impact-row" data-centre={row.centre}>
              <th scope="row">{row.centre}</th>
              {table.states.map((s) => (
                <td key={s} data-state={s}>
                  {row.counts[s] ?? <span className="muted">0</span>}
                </td>
              ))}
              <td>
                <strong>{row.total}</strong>
              </td>
            </tr>
          ))}
        </tbody>
        {table.rows.length > 1 && (
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {table.states.map((s) => (
                <td key={s}>{table.totals[s] ?? 0}</td>
              ))}
              <td>
                <strong data-testid="impact-total">{table.total}</strong>
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </ScrollBox>
  );
}
