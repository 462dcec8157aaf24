import { useCallback, useEffect, useState } from 'react';
import { ApiError, isAbort } from '../../../shared/api/client';
import { isFileCoordinator } from '../correction';
import { reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { useSession } from '../../../app/session';
import { transferApi } from '../transferApi';
import {
  canProposeTransfer,
  pastTransfers,
  pendingBanner,
  pendingTransfer,
  readsFileTransfers,
  replaceTransfer,
  transferHistoryLine,
  type FileTransfer,
} from '../transfers';
import type { CandidateFile } from '../fileTypes';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { ProposeTransferForm } from './ProposeTransferForm';

/**
 * The file's transfers to another centre, for its centre's coordinator (who
 * proposes one, and withdraws it while unanswered) and the platform
 * administrator (who reads them): the proposal waiting for an answer as a
 * banner, else « Transférer à un autre centre »; then the past ones.
 */
export function TransferSection({ file, revision }: { file: CandidateFile; revision: number }) {
  const { user } = useSession();
  const reads = readsFileTransfers(user, file);
  const coordinator = isFileCoordinator(user, file);
  const mayPropose = canProposeTransfer(user, file);
  const [transfers, setTransfers] = useState<FileTransfer[] | null>(null);
  const [hidden, setHidden] = useState(false);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [proposing, setProposing] = useState(false);
  const [cancelling, setCancelling] = useState(false);

  // The transfers are set only once they arrive (then-callbacks, never synchronously).
  const load = useCallback(
    (signal?: AbortSignal): Promise<void> =>
      transferApi.ofFile(file.id, signal).then(
        (r) => setTransfers(r.items),
        (err: unknown) => {
          if (isAbort(err)) return;
          // Not this reader's to read (the file left the centre, a role changed): the section stays away, silently.
          if (err instanceof ApiError && (err.status === 403 || err.status === 404)) setHidden(true);
          else setError(reportError(err, { operation: 'list' }));
        },
      ),
    [file.id],
  );

  useEffect(() => {
    if (!reads) return;
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [reads, load, revision]);

  async function cancel(transfer: FileTransfer) {
    setCancelling(true);
    setError(null);
    try {
      const updated = await transferApi.cancel(transfer.id);
      setTransfers((list) => replaceTransfer(list ?? [], updated));
    } catch (err) {
      setError(reportError(err, { operation: 'transfer_answer' }));
      if (err instanceof ApiError && err.code === 'invalid_state') await load(); // answered meanwhile
    } finally {
      setCancelling(false);
    }
  }

  if (!reads || hidden) return null;
  const pending = transfers ? pendingTransfer(transfers) : null;
  const past = transfers ? pastTransfers(transfers) : [];
  // A closed file without any transfer: nothing to say.
  if (transfers && !pending && past.length === 0 && !mayPropose && !error) return null;

  return (
    <section className="panel" aria-labelledby="transfer-title" data-testid="transfer-section">
      <h2 id="transfer-title">Transfert du dossier</h2>
      <ErrorAlert error={error} testId="transfer-error" />
      {transfers === null && !error && <p className="muted">Chargement…</p>}
      <div aria-live="polite">
        {pending && (
          <div className="alert alert--info" data-testid="transfer-pending" data-transfer-id={pending.id}>
            <p>
              <strong>{pendingBanner(pending)}</strong>
            </p>
            <p>Motif : {pending.reason}</p>
            {coordinator && (
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  onClick={() => void cancel(pending)}
                  disabled={cancelling}
                  data-testid="transfer-cancel"
                >
                  {cancelling ? 'Retrait…' : 'Retirer la proposition'}
                </button>
              </div>
            )}
          </div>
        )}
      </div>
      {transfers && !pending && mayPropose && !proposing && (
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setError(null);
              setProposing(true);
            }}
            data-testid="transfer-open"
          >
            Transférer à un autre centre
          </button>
        </div>
      )}
      {transfers && !pending && mayPropose && proposing && (
        <ProposeTransferForm
          file={file}
          onProposed={(created) => {
            setTransfers((list) => [...(list ?? []), created]);
            setProposing(false);
          }}
          onPendingElsewhere={(described) => {
            setProposing(false);
            setError(described);
            void load();
          }}
          onCancel={() => setProposing(false)}
        />
      )}
      {past.length > 0 && (
        <>
          <h3 className="section-title">Transferts précédents</h3>
          <ul className="timeline" data-testid="transfer-history">
            {past.map((t) => (
              <li key={t.id} className="timeline__entry" data-testid="transfer-history-entry" data-state={t.state}>
                {transferHistoryLine(t)}
                <span className="timeline__reason"> Motif : {t.reason}</span>
                {t.answer && (
                  <span className="timeline__reason">
                    {' '}
                    {t.state === 'refused' ? 'Motif du refus' : 'Réponse'} : {t.answer}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

