import type { FieldState } from './FormParts';

/** The French sentence under a form field (its id is the input's aria-describedby); nothing when there is none. */
export function FieldError({
  id,
  message,
  technical,
  testId,
}: {
  id: string;
  message: string | undefined;
  /** The server's English message, for support: kept in data-technical, never a title (a tooltip, and read aloud). */
  technical?: string;
  testId: string;
}) {
  if (!message) return null;
  return (
    <p id={id} className="field__error" data-testid={testId} data-technical={technical}>
      {message}
    </p>
  );
}

/** FieldError for a field laid out by hand (a fieldset, a fixed value): its id is `${field.id}-error`. */
export function FieldStateError({ field }: { field: FieldState }) {
  const id = `${field.id}-error`;
  return <FieldError id={id} message={field.error} technical={field.technical} testId={field.errorTestId ?? id} />;
}
