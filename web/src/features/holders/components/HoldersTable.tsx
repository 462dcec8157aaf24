import { Link } from 'react-router-dom';
import { filePagePath } from '../../files/fileLink';
import { MISSING_RNCP_BLOC_CODE } from '../../referentials/certificationIdentity';
import { formatCalendarDate } from '../../../shared/format/format';
import { ScrollBox } from '../../../shared/ui/ScrollBox';
import { Table } from '../../../shared/ui/Table';
import { holderName, kindLabel, statusText, type ReportedCertification } from '../holderReport';

const COLUMNS = ['Titulaire', 'Date de naissance', 'Certification', 'Date du jury', 'Centre', 'État'];

/**
 * One line per certification of the period: the holder (a link to their file,
 * where the centre completes what is missing), the CQPM or bloc with its RNCP
 * code, the jury's date, the centre, and « Prêt » or what is missing.
 */
export function HoldersTable({ certifications }: { certifications: readonly ReportedCertification[] }) {
  if (certifications.length === 0) {
    return (
      <p className="muted" data-testid="holders-empty">
        Aucune certification délivrée par un jury sur cette période.
      </p>
    );
  }
  return (
    <ScrollBox>
      <Table caption="Certifications à déclarer à la Caisse des Dépôts" columns={COLUMNS} testId="holders-table">
        {certifications.map((c) => (
          <tr key={c.technical_id} data-testid="holders-row" data-reportable={c.reportable} data-file-id={c.file_id}>
            <th scope="row">
              <Link to={filePagePath(c.file_id)}>{holderName(c)}</Link>
            </th>
            <td>{formatCalendarDate(c.holder.birth_date)}</td>
            <td>
              <span className="muted">{kindLabel(c.kind)} · </span>
              {c.title}
              <br />
              {c.certification_code ?? <span className="muted">{MISSING_RNCP_BLOC_CODE}</span>}
            </td>
            <td>{formatCalendarDate(c.decision_date)}</td>
            <td>{c.centre_name}</td>
            <td data-testid="holders-status">
              {c.reportable ? <span className="badge badge--certified">{statusText(c)}</span> : statusText(c)}
            </td>
          </tr>
        ))}
      </Table>
    </ScrollBox>
  );
}
