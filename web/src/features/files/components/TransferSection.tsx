import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError, isAbort } from '../../../shared/api/client';
import { isFileCoordinator } from '../correction';
import { reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { candidateName, ofName } from '../../../shared/format/format';
import { useSession } from '../../../app/session';
import { transferApi } from '../transferApi';
import {
  canProposeTransfer,
  centreOptionLabel,
  pastTransfers,
  pendingBanner,
  pendingTransfer,
  readsFileTransfers,
  replaceTransfer,
  sortCentres,
  transferHistoryLine,
  validateTransferProposal,
  type FileTransfer,
  type ReceivingCentre,
} from '../transfers';
import type { CandidateFile } from '../fileTypes';
import { ConfirmDialog } from '../../../shared/ui/ConfirmDialog';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { FormField } from '../../../shared/ui/FormParts';
import { Options } from '../../../shared/ui/Options';
import { useApiResource } from '../../../shared/hooks/useApiResource';

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

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setTransfers((await transferApi.ofFile(file.id, signal)).items);
      } catch (err) {
        if (isAbort(err)) return;
        // Not this reader's to read (the file left the centre, a role changed): the section stays away, silently.
        if (err instanceof ApiError && (err.status === 403 || err.status === 404)) setHidden(true);
        else setError(reportError(err, { operation: 'list' }));
      }
    },
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

/** The centre and the reason, checked, then confirmed in a dialog before the proposal is sent. */
function ProposeTransferForm({
  file,
  onProposed,
  onPendingElsewhere,
  onCancel,
}: {
  file: CandidateFile;
  onProposed: (transfer: FileTransfer) => void;
  /** Another proposal already waits (409 conflict): the section shows it. */
  onPendingElsewhere: (error: ErrorDescription) => void;
  onCancel: () => void;
}) {
  const { data: centres, error: centresError } = useApiResource<ReceivingCentre[]>(
    (signal) => transferApi.centres(signal).then((r) => sortCentres(r.items)),
    [],
    { context: { operation: 'list' } },
  );
  const [centreId, setCentreId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'centre_id' | 'reason', string>>>({});
  const [confirming, setConfirming] = useState(false);
  const [dialogError, setDialogError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);

  const centre = centres?.find((c) => c.id === centreId) ?? null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateTransferProposal(centreId, reason);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = found.centre_id ? 'transfer-centre' : 'transfer-reason';
      requestAnimationFrame(() => document.getElementById(first)?.focus());
      return;
    }
    setDialogError(null);
    setConfirming(true);
  }

  async function propose() {
    setBusy(true);
    setDialogError(null);
    try {
      onProposed(await transferApi.propose(file.id, centreId, reason.trim()));
    } catch (err) {
      const described = reportError(err, { operation: 'transfer', values: { centre_id: centreId, reason: reason.trim() } });
      if (err instanceof ApiError && err.code === 'conflict') {
        onPendingElsewhere(described);
      } else if (described.field === 'centre_id' || described.field === 'reason') {
        setConfirming(false);
        setErrors({ [described.field]: described.text });
      } else {
        setDialogError(described);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="transfer-form" aria-labelledby="transfer-form-title">
      <h3 id="transfer-form-title">Transférer à un autre centre</h3>
      <p className="muted">
        Le centre choisi reçoit la proposition et l'accepte ou la refuse ; le dossier reste suivi par votre centre
        jusqu'à son acceptation.
      </p>
      <div className="form-grid">
        <FormField
          id="transfer-centre"
          label="Centre qui suivra le dossier"
          className="field field--wide"
          error={errors.centre_id}
          errorTestId="transfer-error-centre"
          note={centres?.length === 0 ? 'Aucun autre centre actif sur la plateforme.' : undefined}
          after={centresError && <ErrorAlert error={centresError} />}
        >
          <select
            value={centreId}
            onChange={(e) => setCentreId(e.target.value)}
            disabled={centres === null}
            required
            data-testid="transfer-centre"
          >
            <Options
              prompt={centres === null && !centresError ? 'Chargement…' : '— Choisir un centre —'}
              choices={(centres ?? []).map((c) => ({ value: c.id, label: centreOptionLabel(c) }))}
            />
          </select>
        </FormField>
        <FormField
          id="transfer-reason"
          label="Motif"
          className="field field--wide"
          error={errors.reason}
          errorTestId="transfer-error-reason"
        >
          <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} required data-testid="transfer-reason" />
        </FormField>
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" data-testid="transfer-submit">
          Proposer le transfert…
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Annuler
        </button>
      </div>
      {confirming && centre && (
        <ConfirmDialog
          title="Proposer le transfert du dossier"
          confirmLabel="Confirmer la proposition"
          busy={busy}
          error={dialogError}
          onConfirm={() => void propose()}
          onCancel={() => setConfirming(false)}
          testId="transfer-confirm"
        >
          <p>
            Le dossier {ofName(candidateName(file.candidate))} sera proposé à <strong>{centreOptionLabel(centre)}</strong>.
          </p>
          <p className="muted">
            Il reste suivi par votre centre tant que le centre destinataire n'a pas accepté ; vous pourrez retirer la
            proposition d'ici là.
          </p>
        </ConfirmDialog>
      )}
    </form>
  );
}
