import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/client';
import { reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { candidateName, ofName } from '../../../shared/format/format';
import { transferApi } from '../transferApi';
import {
  centreOptionLabel,
  sortCentres,
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

/** The centre and the reason, checked, then confirmed in a dialog before the proposal is sent. */
export function ProposeTransferForm({
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
