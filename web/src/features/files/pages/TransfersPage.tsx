import { useCallback, useEffect, useState } from 'react';
import { NoticeLine, type Notice as NoticeValue } from '../../../shared/ui/NoticeLine';
import { Link } from 'react-router-dom';
import { ApiError, isAbort } from '../../../shared/api/client';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { ReasonDialog } from '../../../shared/ui/ReasonDialog';
import { Table } from '../../../shared/ui/Table';
import { titleOf, useCqpms } from '../../referentials/cqpmCatalog';
import { reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { filePagePath } from '../fileLink';
import { formatParisShortDateTime, ofName } from '../../../shared/format/format';
import { useSession } from '../../../app/session';
import { transferApi } from '../transferApi';
import {
  acceptedNotice,
  answersTransfers,
  canSeeTransfers,
  otherCentre,
  refusedNotice,
  replaceTransfer,
  sortForTable,
  transferStateLabel,
  type FileTransfer,
  withdrawnNotice,
  type TransferDirection,
} from '../transfers';
import type { CqpmSummary } from '../../referentials/referentialTypes';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';

type Notice = (NoticeValue & { fileId?: string }) | null;
type Dialog = { kind: 'accept' | 'refuse'; transfer: FileTransfer } | null;
type Lists = Record<TransferDirection, FileTransfer[] | null>;

const EMPTY: Lists = { incoming: null, outgoing: null, all: null };

/**
 * « Transferts »: the files a centre received from other centres and those it
 * sent, each with its state; the coordinator accepts or refuses the proposals
 * received and withdraws those sent while unanswered. The platform
 * administrator reads every centre's transfers.
 */
export function TransfersPage() {
  usePageTitle('Transferts');
  const { user } = useSession();
  const { cqpms } = useCqpms();
  const platform = user?.role === 'admin';
  const answers = answersTransfers(user);
  const [lists, setLists] = useState<Lists>(EMPTY);
  const [loadError, setLoadError] = useState<ErrorDescription | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dialogError, setDialogError] = useState<ErrorDescription | null>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        if (platform) {
          const all = await transferApi.list({ direction: 'all', limit: 200 }, signal);
          setLists({ incoming: null, outgoing: null, all: sortForTable(all.items) });
        } else {
          const [incoming, outgoing] = await Promise.all([
            transferApi.list({ direction: 'incoming' }, signal),
            transferApi.list({ direction: 'outgoing' }, signal),
          ]);
          setLists({ incoming: sortForTable(incoming.items), outgoing: sortForTable(outgoing.items), all: null });
        }
        setLoadError(null);
      } catch (err) {
        if (!isAbort(err)) setLoadError(reportError(err, { operation: 'list' }));
      }
    },
    [platform],
  );

  useEffect(() => {
    if (!canSeeTransfers(user)) return;
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [user, load]);

  function updated(transfer: FileTransfer) {
    setLists((l) => ({
      incoming: l.incoming && replaceTransfer(l.incoming, transfer),
      outgoing: l.outgoing && replaceTransfer(l.outgoing, transfer),
      all: l.all && replaceTransfer(l.all, transfer),
    }));
  }

  /** Runs an answer; a refusal by the server shows in the dialog when one is open, else above the tables. */
  async function act(
    key: string,
    action: () => Promise<FileTransfer>,
    success: (t: FileTransfer) => Notice,
    sent: Record<string, string> = {},
  ) {
    setBusy(key);
    setNotice(null);
    setDialogError(null);
    try {
      const transfer = await action();
      updated(transfer);
      setDialog(null);
      setNotice(success(transfer));
    } catch (err) {
      const described = reportError(err, { operation: 'transfer_answer', values: sent });
      const stale = err instanceof ApiError && (err.code === 'invalid_state' || err.code === 'version_conflict' || err.status === 404);
      if (dialog && !stale && described.field === 'reason') {
        setDialogError(described);
      } else {
        setDialog(null);
        setNotice({ kind: 'error', text: described.text, technical: described.technical });
      }
      if (stale) await load();
    } finally {
      setBusy(null);
    }
  }

  const accept = (transfer: FileTransfer, word: string) =>
    act(
      `accept-${transfer.id}`,
      () => transferApi.accept(transfer.id, word),
      (t) => ({ kind: 'success', text: acceptedNotice(t), fileId: t.file.id }),
      { reason: word },
    );
  const refuse = (transfer: FileTransfer, reason: string) =>
    act(`refuse-${transfer.id}`, () => transferApi.refuse(transfer.id, reason), (t) => ({ kind: 'success', text: refusedNotice(t) }), {
      reason,
    });
  const cancel = (transfer: FileTransfer) =>
    act(`cancel-${transfer.id}`, () => transferApi.cancel(transfer.id), (t) => ({
      kind: 'success',
      text: withdrawnNotice(t),
    }));

  if (!canSeeTransfers(user)) {
    return (
      <section>
        <h1>Transferts</h1>
        <p className="alert alert--error" role="alert">
          Les transferts de dossiers entre centres sont réservés aux coordinateurs des centres et à l'administrateur de la plateforme.
        </p>
      </section>
    );
  }

  const openDialog = (kind: 'accept' | 'refuse') => (transfer: FileTransfer) => {
    setDialogError(null);
    setDialog({ kind, transfer });
  };
  const actions = {
    busy,
    answers,
    onAccept: openDialog('accept'),
    onRefuse: openDialog('refuse'),
    onCancel: (t: FileTransfer) => void cancel(t),
  };

  return (
    <>
      <div className="page-title">
        <div>
          <h1>Transferts</h1>
          <p className="subtitle">
            {platform
              ? 'Les transferts de dossiers entre les centres de la plateforme.'
              : "Les dossiers que d'autres centres proposent de confier au vôtre, et ceux que votre centre a proposé de confier à d'autres."}
          </p>
        </div>
      </div>

      <div aria-live="polite">
        <NoticeLine notice={notice} testId="transfers-notice">
          {notice?.fileId && (
            <>
              {' '}
              <Link to={filePagePath(notice.fileId)} data-testid="transfer-open-file">
                Ouvrir le dossier
              </Link>
            </>
          )}
        </NoticeLine>
      </div>
      <ErrorAlert error={loadError} testId="transfers-error" />

      {platform ? (
        <TransferTable title="Tous les transferts" direction="all" items={lists.all} cqpms={cqpms} loaded={!loadError} {...actions} />
      ) : (
        <>
          <TransferTable title="Reçus" direction="incoming" items={lists.incoming} cqpms={cqpms} loaded={!loadError} {...actions} />
          <TransferTable title="Envoyés" direction="outgoing" items={lists.outgoing} cqpms={cqpms} loaded={!loadError} {...actions} />
        </>
      )}

      {dialog?.kind === 'accept' && (
        <ReasonDialog
          title={`Accepter le dossier ${ofName(dialog.transfer.file.candidate_name)}`}
          intro={`Proposé par ${dialog.transfer.from_centre.name}. Le dossier, son historique, ses documents, sa grille et ses échéances passent à votre centre ; la commission d'évaluation formée par le centre d'origine est libérée.`}
          label="Un mot pour le centre d'origine"
          optional
          variant="primary"
          maxLength={1000}
          confirmLabel="Accepter le transfert"
          busy={busy !== null}
          error={dialogError}
          onConfirm={(word) => void accept(dialog.transfer, word)}
          onCancel={() => setDialog(null)}
          testId="accept-dialog"
        />
      )}
      {dialog?.kind === 'refuse' && (
        <ReasonDialog
          title={`Refuser le dossier ${ofName(dialog.transfer.file.candidate_name)}`}
          intro={`Le dossier reste suivi par son centre, ${dialog.transfer.from_centre.name}, qui reçoit le motif du refus.`}
          maxLength={1000}
          confirmLabel="Refuser le transfert"
          busy={busy !== null}
          error={dialogError}
          onConfirm={(reason) => void refuse(dialog.transfer, reason)}
          onCancel={() => setDialog(null)}
          testId="refuse-dialog"
        />
      )}
    </>
  );
}

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
function TransferTable({
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
      <div className="table-wrap" aria-busy={items === null && loaded}>
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
      </div>
    </section>
  );
}
