import { cloneElement, type ReactElement, type ReactNode } from 'react';
import type { ErrorDescription } from '../errors/errors';
import { ErrorAlert } from './ErrorAlert';
import { FieldStateError } from './FieldError';

/** What a field shows of its error (useDraftForm().field() gives it for a form's field). */
export interface FieldState {
  /** The control's id; its note is `${id}-note`, its error `${id}-error`. */
  id: string;
  /** The French sentence under the field; nothing when undefined. */
  error?: string;
  /** The server's English message, for support. */
  technical?: string;
  errorTestId?: string;
}

interface ControlProps {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * A form field: its label, the control (an input, select or textarea, given as
 * the only child, which receives the id, aria-invalid and aria-describedby),
 * an optional note under it and the field's error.
 */
export function FormField({
  id,
  error,
  technical,
  errorTestId,
  label,
  note,
  describedBy = [],
  after,
  className = 'field',
  children,
}: FieldState & {
  label: ReactNode;
  /** A sentence under the control, read with it. */
  note?: ReactNode;
  /** Other ids that describe the control, read after the note. */
  describedBy?: readonly (string | null | undefined)[];
  /** Shown between the note and the error (a checklist, a loading error). */
  after?: ReactNode;
  className?: string;
  children: ReactElement<ControlProps>;
}) {
  const noteId = note ? `${id}-note` : null;
  const errorId = `${id}-error`;
  const described = [noteId, ...describedBy, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described || undefined,
      })}
      {note && (
        <p id={noteId ?? undefined} className="field__note muted">
          {note}
        </p>
      )}
      {after}
      <FieldStateError field={{ id, error, technical, errorTestId }} />
    </div>
  );
}

/** The form's own error (not a field's) above it, or « Modifications enregistrées. » after a save. */
export function FormAlerts({ formError, saved, testIdPrefix }: { formError: ErrorDescription | null; saved: boolean; testIdPrefix: string }) {
  return (
    <>
      <ErrorAlert error={formError} testId={`${testIdPrefix}-form-error`} />
      {saved && !formError && (
        <p role="status" className="alert alert--success" data-testid={`${testIdPrefix}-saved`}>
          Modifications enregistrées.
        </p>
      )}
    </>
  );
}

/** The submit button (« Enregistrement… » while busy) and, when the form may be left, « Annuler ». */
export function FormActions({
  busy,
  label,
  testId,
  onCancel,
}: {
  busy: boolean;
  label: string;
  testId: string;
  onCancel?: () => void;
}) {
  return (
    <div className="actions">
      <button type="submit" className="button button--primary" disabled={busy} data-testid={testId}>
        {busy ? 'Enregistrement…' : label}
      </button>
      {onCancel && (
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Annuler
        </button>
      )}
    </div>
  );
}
