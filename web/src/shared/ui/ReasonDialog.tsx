import { useEffect, useRef, useState, type FormEvent } from 'react';
import { REASON_MESSAGE, type ErrorDescription } from '../errors/errors';

/**
 * A modal dialog that asks for a reason before an action (rejecting a
 * proposal), or with `optional`, confirms an action with an optional word
 * (accepting a transfer).
 */
export function ReasonDialog({
  title,
  intro,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onCancel,
  testId = 'reason-dialog',
  label = 'Motif',
  optional = false,
  variant = 'danger',
  maxLength = 4000,
}: {
  title: string;
  intro?: string;
  confirmLabel: string;
  busy: boolean;
  /** The server's refusal, in French. */
  error: ErrorDescription | null;
  /** Given the text typed, trimmed ("" when an optional one was left empty). */
  onConfirm: (reason: string) => void;
  onCancel: () => void;
  testId?: string;
  /** The text field's label. */
  label?: string;
  /** The text may be left empty: the dialog then only confirms. */
  optional?: boolean;
  /** The confirm button's look: danger for a refusal, primary for an acceptance. */
  variant?: 'danger' | 'primary';
  /** The longest text the server takes. */
  maxLength?: number;
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
    if (!optional && !reason.trim()) {
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
          <p id={`${testId}-error`} role="alert" className="alert alert--error" data-technical={error?.technical ?? undefined}>
            {shown}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${testId}-reason`}>
            {label}
            {optional && <span className="muted"> (facultatif)</span>}
          </label>
          <textarea
            id={`${testId}-reason`}
            rows={4}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={localError !== null || error?.field === 'reason'}
            aria-describedby={shown ? `${testId}-error` : undefined}
            required={!optional}
            autoFocus
            maxLength={maxLength}
            data-testid={`${testId}-reason`}
          />
        </div>
        <div className="actions">
          <button type="submit" className={`button button--${variant}`} disabled={busy} data-testid={`${testId}-confirm`}>
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
