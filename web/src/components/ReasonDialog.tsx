import { useEffect, useRef, useState, type FormEvent } from 'react';
import { REASON_MESSAGE, type ErrorDescription } from '../errors';

/** A modal dialog that asks for a reason before an action (rejecting a proposal). */
export function ReasonDialog({
  title,
  intro,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onCancel,
  testId = 'reason-dialog',
}: {
  title: string;
  intro?: string;
  confirmLabel: string;
  busy: boolean;
  /** The server's refusal, in French. */
  error: ErrorDescription | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setLocalError(REASON_MESSAGE);
      return;
    }
    setLocalError(null);
    onConfirm(reason.trim());
  }

  const shown = localError ?? error?.text ?? null;
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${testId}-title`}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
      data-testid={testId}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={`${testId}-title`}>{title}</h2>
        {intro && <p className="muted">{intro}</p>}
        {shown && (
          <p id={`${testId}-error`} role="alert" className="alert alert--error" title={error?.technical ?? undefined}>
            {shown}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${testId}-reason`}>Motif</label>
          <textarea
            id={`${testId}-reason`}
            rows={4}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={localError !== null || error?.field === 'reason'}
            aria-describedby={shown ? `${testId}-error` : undefined}
            required
            autoFocus
            maxLength={4000}
            data-testid={`${testId}-reason`}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button--danger" disabled={busy} data-testid={`${testId}-confirm`}>
            {busy ? 'Envoi…' : confirmLabel}
          </button>
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Annuler
          </button>
        </div>
      </form>
    </dialog>
  );
}
