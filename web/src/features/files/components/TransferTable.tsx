import { Link } from 'react-router-dom';
import { Table } from '../../../shared/ui/Table';
import { titleOf } from '../../referentials/cqpmCatalog';
import { filePagePath } from '../fileLink';
import { formatParisShortDateTime } from '../../../shared/format/format';
import { otherCentre, transferStateLabel, type FileTransfer, type TransferDirection } from '../transfers';
import type { CqpmSummary } from '../../referentials/referentialTypes';
import { ScrollBox } from '../../../shared/ui/ScrollBox';

const HEADINGS: Record<TransferDirection, string> = {
  incoming: 'Centre d’origine',
  outgoing: 'Centre destinataire',
  all: 'Centres',
};

const EMPTY_TEXT: Record<TransferDirection, string> = {
  incoming: "Aucun dossier proposé à votre centre par un autre centre.",
  outgoing: "Votre centre n'a proposé aucun dossier à un autre centre.",
  all: 'Aucun transfert de dossier sur la plateforme.',
};

/** One table of transfers, with the actions the reader may take on each proposal. */
export function TransferTable({
  title,
  direction,
  items,
  cqpms,
  loaded,
  busy,
  answers,
  onAccept,
  onRefuse,
  onCancel,
}: {
  title: string;
  direction: TransferDirection;
  items: FileTransfer[] | null;
  cqpms: CqpmSummary[] | null;
  loaded: boolean;
  busy: string | null;
  answers: boolean;
  onAccept: (t: FileTransfer) => void;
  onRefuse: (t: FileTransfer) => void;
  onCancel: (t: FileTransfer) => void;
}) {
  const id = `transfers-${direction}`;
  const columns = ['Candidat', 'CQPM', HEADINGS[direction], 'Motif', 'Proposé le', 'État', ...(answers ? ['Actions'] : [])];
  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      <ScrollBox aria-busy={items === null && loaded}>
        <Table caption={`Transferts : ${title.toLowerCase()}`} columns={columns}>
          {items?.map((t) => (
            <tr key={t.id} data-testid="transfer-row" data-transfer-id={t.id} data-state={t.state} data-file-id={t.file.id}>
              <th scope="row">
                {/* The file is this centre's once it accepted it; before, or once sent away, it is not. */}
                {direction !== 'outgoing' && t.state === 'accepted' ? (
                  <Link to={filePagePath(t.file.id)} data-testid="transfer-file-link">
                    {t.file.candidate_name}
                  </Link>
                ) : (
                  t.file.candidate_name
                )}
              </th>
              <td>{titleOf(cqpms, t.file.cqpm)}</td>
              <td>
                {direction === 'all'
                  ? `${t.from_centre.name} → ${t.to_centre.name}`
                  : otherCentre(t, direction).name}
              </td>
              <td className="transfer-reason">{t.reason}</td>
              <td>
                <time dateTime={t.proposed_at}>{formatParisShortDateTime(t.proposed_at)}</time>
              </td>
              <td className="transfer-reason">
                <span className={`badge badge--transfer-${t.state}`} data-testid="transfer-state">
                  {transferStateLabel(t.state)}
                </span>
                {t.answered_at && (
                  <span className="muted">
                    {' '}
                    le {formatParisShortDateTime(t.answered_at)}
                    {t.answered_by ? ` par ${t.answered_by.display_name}` : ''}
                  </span>
                )}
                {t.answer && <span className="transfer-answer"> {t.state === 'refused' ? 'Motif du refus' : 'Réponse'} : {t.answer}</span>}
              </td>
              {answers && (
              <td>
                {t.state === 'proposed' && direction === 'incoming' && (
                  <div className="actions actions--inline">
                    <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => onAccept(t)} data-testid="transfer-accept">
                      Accepter
                    </button>
                    <button type="button" className="button button--danger" disabled={busy !== null} onClick={() => onRefuse(t)} data-testid="transfer-refuse">
                      Refuser
                    </button>
                  </div>
                )}
                {t.state === 'proposed' && direction === 'outgoing' && (
                  <button type="button" className="button" disabled={busy !== null} onClick={() => onCancel(t)} data-testid="transfer-withdraw">
                    {busy === `cancel-${t.id}` ? 'Retrait…' : 'Retirer'}
                  </button>
                )}
              </td>
              )}
            </tr>
          ))}
        </Table>
        {items && items.length === 0 && <p className="empty">{EMPTY_TEXT[direction]}</p>}
        {items === null && loaded && <p className="empty">Chargement des transferts…</p>}
      </ScrollBox>
    </section>
  );
}
