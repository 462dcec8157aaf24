import type { ReactNode } from 'react';
import type { ErrorDescription } from '../errors/errors';

/**
 * An error said in French (role="alert"), with the server's English message in
 * its title for support; nothing when there is none. `children` follow the
 * sentence (a « Revenir à la première page » button...).
 */
export function ErrorAlert({
  error,
  testId,
  id,
  children,
}: {
  error: ErrorDescription | null | undefined;
  testId?: string;
  id?: string;
  children?: ReactNode;
}) {
  if (!error) return null;
  return (
    <p id={id} role="alert" className="alert alert--error" data-testid={testId} data-technical={error.technical ?? undefined}>
      {error.text}
      {children}
    </p>
  );
}
