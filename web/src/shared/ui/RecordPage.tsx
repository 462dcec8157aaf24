import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { ErrorDescription } from '../errors/errors';
import { ErrorAlert } from './ErrorAlert';

/** The breadcrumb back to a list: « Comptes › Camille Durand », or the list alone. */
export function Breadcrumb({ to, list, current }: { to: string; list: string; current?: string }) {
  return (
    <p className="breadcrumb">
      <Link to={to}>{list}</Link>
      {current && ` › ${current}`}
    </p>
  );
}

/** A record's page that could not be loaded: the breadcrumb, the title and why. */
export function RecordLoadFailed({
  breadcrumb,
  title,
  error,
  testId,
}: {
  breadcrumb: ReactNode;
  title: string;
  error: ErrorDescription;
  testId: string;
}) {
  return (
    <section>
      {breadcrumb}
      <h1>{title}</h1>
      <ErrorAlert error={error} testId={testId} />
    </section>
  );
}

/**
 * A page whose record could not be loaded (« Dossier introuvable », « Session
 * indisponible »…): its title, why (the server's English message as the
 * sentence's title, for support), and the way back to its list.
 */
export function PageUnavailable({
  breadcrumb,
  title,
  text,
  technical,
  back,
}: {
  breadcrumb?: ReactNode;
  title: string;
  text: string;
  technical?: string | null;
  back: { to: string; label: string };
}) {
  return (
    <section>
      {breadcrumb}
      <h1>{title}</h1>
      <p role="alert" className="alert alert--error" data-technical={technical ?? undefined}>
        {text}
      </p>
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
    </section>
  );
}

/** The outcome of the last action on a record: a notice (role="status") or an error. */
export function ActionOutcome({
  notice,
  kind = 'success',
  error,
  testIdPrefix,
}: {
  notice: string | null;
  kind?: 'success' | 'info';
  error: ErrorDescription | null;
  testIdPrefix: string;
}) {
  return (
    <>
      {notice && (
        <p role="status" className={`alert alert--${kind}`} data-testid={`${testIdPrefix}-notice`}>
          {notice}
        </p>
      )}
      <ErrorAlert error={error} testId={`${testIdPrefix}-action-error`} />
    </>
  );
}
