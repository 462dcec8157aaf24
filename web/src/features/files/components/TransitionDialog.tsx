import { useEffect, useRef, useState, type FormEvent } from 'react';
import { BLOCS_MESSAGE, REASON_MESSAGE, type ErrorDescription } from '../../../shared/errors/errors';
import type { AvailableTransition } from '../fileTypes';
import { parseBlocs, transitionInputs } from '../workflow';

export interface TransitionAnswers {
  reason?: string;
  blocs?: string;
}

/**
 * Asks what a transition needs before it is fired: a reason (guard
 * reason_given) and/or the awarded blocs (guard blocs_listed).
 */
export function TransitionDialog({
  transition,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  transition: AvailableTransition;
  busy: boolean;
  /** The server's refusal, in French (errors.ts); its field marks the input at fault. */
  error: ErrorDescription | null;
  onConfirm: (answers: TransitionAnswers) => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const inputs = transitionInputs(transition);
  const [reason, setReason] = useState('');
  const [blocs, setBlocs] = useState('');
  const [localError, setLocalError] = useState<ErrorDescription | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (inputs.reason && !reason.trim()) {
      setLocalError({ text: REASON_MESSAGE, field: 'payload.reason', technical: null });
      return;
    }
    if (inputs.blocs && parseBlocs(blocs).length === 0) {
      setLocalError({ text: BLOCS_MESSAGE, field: 'payload.blocs', technical: null });
      return;
    }
    setLocalError(null);
    onConfirm({ reason, blocs });
  }

  const shown = localError ?? error;
  const reasonInvalid = shown?.field === 'payload.reason';
  const blocsInvalid = shown?.field === 'payload.blocs';
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="transition-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
      data-testid="transition-dialog"
    >
      <form onSubmit={submit} noValidate>
        <h2 id="transition-dialog-title">{transition.label}</h2>
        {shown && (
          <p
            id="transition-dialog-error"
            role="alert"
            className="alert alert--error"
            data-testid="transition-error"
            data-technical={shown.technical ?? undefined}
          >
            {shown.text}
          </p>
        )}
        {inputs.reason && (
          <div className="field">
            <label htmlFor="transition-reason">Motif</label>
            <textarea
              id="transition-reason"
              rows={4}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={reasonInvalid}
              aria-describedby={reasonInvalid ? 'transition-dialog-error' : undefined}
              required
              autoFocus
              data-testid="transition-reason"
            />
          </div>
        )}
        {inputs.blocs && (
          <div className="field">
            <label htmlFor="transition-blocs">Blocs de compétences attribués</label>
            <textarea
              id="transition-blocs"
              rows={4}
              value={blocs}
              onChange={(e) => setBlocs(e.target.value)}
              aria-invalid={blocsInvalid}
              aria-describedby={blocsInvalid ? 'transition-dialog-error transition-blocs-hint' : 'transition-blocs-hint'}
              required
              autoFocus={!inputs.reason}
              data-testid="transition-blocs"
            />
            <p id="transition-blocs-hint" className="muted field__note">
              Un code de bloc par ligne (par exemple BDC0170), ou séparés par des virgules.
            </p>
          </div>
        )}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="transition-confirm">
            {busy ? 'Envoi…' : 'Confirmer'}
          </button>
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Annuler
          </button>
        </div>
      </form>
    </dialog>
  );
}
