import { useEffect, useRef, type ReactNode } from 'react';
import type { ErrorDescription } from '../errors/errors';
import { ErrorAlert } from './ErrorAlert';

/** A modal dialog that says what an action will do and asks to confirm it (proposing a transfer). */
export function ConfirmDialog({
  title,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onCancel,
  testId = 'confirm-dialog',
  children,
}: {
  title: string;
  confirmLabel: string;
  busy: boolean;
  /** The server's refusal, in French. */
  error: ErrorDescription | null;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
  /** What the action does, in a sentence or two. */
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${testId}-title`}
      aria-describedby={`${testId}-text`}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
      data-testid={testId}
    >
      <h2 id={`${testId}-title`}>{title}</h2>
      <div id={`${testId}-text`}>{children}</div>
      <ErrorAlert error={error} testId={`${testId}-error`} />
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          onClick={onConfirm}
          disabled={busy}
          autoFocus
          data-testid={`${testId}-confirm`}
        >
          {busy ? 'Envoi…' : confirmLabel}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Annuler
        </button>
      </div>
    </dialog>
  );
}
