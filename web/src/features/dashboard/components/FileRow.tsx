import { Link } from 'react-router-dom';
import { OverdueBadge } from '../../files/components/OverdueBadge';
import { StateBadge } from '../../files/components/StateBadge';
import type { FileSummary } from '../../files/fileTypes';
import { candidateName, formatShortDateTime } from '../../../shared/format/format';
import { pathwayLabel } from '../../../shared/format/labels';
import { reportDueDay, reportDueLabel } from '../reportDeadline';

/** One file of the dashboard: its tick box (coordinators), name, CQPM, state, report deadline (late: red and said). */
export function FileRow({
  file,
  cqpmTitle,
  stateName,
  selectable,
  showCentre,
  picked,
  onPick,
}: {
  file: FileSummary;
  cqpmTitle: string;
  stateName: string;
  selectable: boolean;
  /** Not for a centre's coordinator, whose files are all their centre's. */
  showCentre: boolean;
  picked: boolean;
  onPick: (on: boolean) => void;
}) {
  const name = candidateName(file.candidate);
  const dueDay = reportDueDay(file.report_due_at);
  return (
    <tr data-testid="file-row" data-state={file.state} data-file-id={file.id}>
      {selectable && (
        <td className="select-cell">
          <input
            type="checkbox"
            id={`pick-${file.id}`}
            checked={picked}
            onChange={(e) => onPick(e.target.checked)}
            data-testid="pick-file"
          />
          <label htmlFor={`pick-${file.id}`} className="visually-hidden">
            Sélectionner le dossier {name}
          </label>
        </td>
      )}
      <th scope="row">
        <Link to={`/dossiers/${encodeURIComponent(file.id)}`} data-testid="file-link">
          {name}
        </Link>
      </th>
      <td>{cqpmTitle}</td>
      <td>{pathwayLabel(file.pathway)}</td>
      <td>
        <StateBadge state={file.state} label={stateName} />
      </td>
      <td data-testid="file-deadline">
        {dueDay ? (
          <span className={file.overdue ? 'deadline--overdue' : undefined}>
            <time dateTime={dueDay}>{reportDueLabel(file.report_due_at)}</time>
            {file.overdue && <OverdueBadge />}
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      {showCentre && <td>{file.centre.name}</td>}
      <td>{file.company?.name ?? <span className="muted">—</span>}</td>
      <td>
        <time dateTime={file.created_at}>{formatShortDateTime(file.created_at)}</time>
      </td>
      <td>
        <time dateTime={file.updated_at}>{formatShortDateTime(file.updated_at)}</time>
      </td>
    </tr>
  );
}
