import { useCallback, useEffect, useState } from 'react';
import { NoticeLine, type Notice as NoticeValue } from '../../../shared/ui/NoticeLine';
import { Link } from 'react-router-dom';
import { ApiError, isAbort } from '../../../shared/api/client';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { ReasonDialog } from '../../../shared/ui/ReasonDialog';
import { useCqpms } from '../../referentials/cqpmCatalog';
import { reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { filePagePath } from '../fileLink';
import { ofName } from '../../../shared/format/format';
import { useSession } from '../../../app/session';
import { transferApi } from '../transferApi';
import {
  acceptedNotice,
  answersTransfers,
  canSeeTransfers,
  refusedNotice,
  replaceTransfer,
  sortForTable,
  type FileTransfer,
  withdrawnNotice,
  type TransferDirection,
} from '../transfers';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { TransferTable } from '../components/TransferTable';

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

  // The lists are set only once they arrive (then-callbacks, never synchronously).
  const load = useCallback(
    (signal?: AbortSignal): Promise<void> => {
      const lists: Promise<Lists> = platform
        ? transferApi
            .list({ direction: 'all', limit: 200 }, signal)
            .then((all) => ({ incoming: null, outgoing: null, all: sortForTable(all.items) }))
        : Promise.all([
            transferApi.list({ direction: 'incoming' }, signal),
            transferApi.list({ direction: 'outgoing' }, signal),
          ]).then(([incoming, outgoing]) => ({
            incoming: sortForTable(incoming.items),
            outgoing: sortForTable(outgoing.items),
            all: null,
          }));
      return lists.then(
        (loaded) => {
          setLists(loaded);
          setLoadError(null);
        },
        (err: unknown) => {
          if (!isAbort(err)) setLoadError(reportError(err, { operation: 'list' }));
        },
      );
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

