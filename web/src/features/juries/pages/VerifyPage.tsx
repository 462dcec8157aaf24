import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, isAbort } from '../../../shared/api/client';
import { describeError, type ErrorDescription } from '../../../shared/errors/errors';
import { blocLabel, formatSessionDate, verifyPagePath } from '../jury';
import { verificationApi } from '../juryApi';
import type { Verification } from '../juryTypes';
import { useOnChange } from '../../../shared/hooks/useOnChange';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { CODE_FORMAT_MESSAGE, normaliseVerificationCode, verdictOf } from '../verification';

type Lookup =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'found'; result: Verification }
  | { status: 'unknown' }
  | { status: 'error'; error: ErrorDescription };

/** The public page where anyone checks a certificate's verification code (no account needed). */
export function VerifyPage() {
  usePageTitle('Vérifier un certificat');
  const { code: routeCode = '' } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(routeCode);
  const [formError, setFormError] = useState<string | null>(null);
  const code = routeCode ? normaliseVerificationCode(routeCode) : null;
  /** The answer for a code; another code shows « loading » until its own arrives. */
  const [answer, setAnswer] = useState<{ code: string; lookup: Lookup } | null>(null);
  const lookup: Lookup = !routeCode
    ? { status: 'idle' }
    : !code
      ? { status: 'unknown' }
      : answer?.code === code
        ? answer.lookup
        : { status: 'loading' };

  // The box shows the code of the address (after a navigation too).
  useOnChange(routeCode, setTyped);

  useEffect(() => {
    if (!code) return;
    const controller = new AbortController();
    verificationApi.verify(code, controller.signal).then(
      (result) => setAnswer({ code, lookup: { status: 'found', result } }),
      (err: unknown) => {
        if (isAbort(err)) return;
        if (err instanceof ApiError && err.status === 404) setAnswer({ code, lookup: { status: 'unknown' } });
        else setAnswer({ code, lookup: { status: 'error', error: describeError(err, { fields: {} }) } });
      },
    );
    return () => controller.abort();
  }, [code]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const normalised = normaliseVerificationCode(typed);
    if (!normalised) {
      setFormError(CODE_FORMAT_MESSAGE);
      return;
    }
    setFormError(null);
    navigate(verifyPagePath(normalised));
  }

  const verdict =
    lookup.status === 'found' ? verdictOf(lookup.result) : lookup.status === 'unknown' ? verdictOf(null) : null;

  return (
    <main className="page verify" id="contenu">
      <p className="verify__brand">
        <Link to="/">CQPM Hub</Link> · Certificats de qualification paritaire de la métallurgie
      </p>
      <h1>Vérifier un certificat</h1>
      <form className="panel verify__form" onSubmit={submit} noValidate role="search" aria-label="Vérifier un certificat">
        <div className="filters">
          <div className="field field--grow">
            <label htmlFor="verify-code">Code de vérification</label>
            <input
              id="verify-code"
              type="text"
              autoComplete="off"
              spellCheck={false}
              placeholder="K7QM-4XPA-9RTE"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              aria-invalid={formError ? true : undefined}
              aria-describedby={formError ? 'verify-code-error' : 'verify-code-note'}
              data-testid="verify-code"
            />
            {formError ? (
              <p id="verify-code-error" className="field__error" role="alert">
                {formError}
              </p>
            ) : (
              <p id="verify-code-note" className="field__note">
                Le code est imprimé sur le certificat ou l'attestation, sous le QR code.
              </p>
            )}
          </div>
          <button type="submit" className="button button--primary" data-testid="verify-submit">
            Vérifier
          </button>
        </div>
      </form>

      <div aria-live="polite">
        {lookup.status === 'loading' && <p>Vérification en cours…</p>}
        {lookup.status === 'error' && (
          <p role="alert" className="alert alert--error" data-technical={lookup.error.technical ?? undefined}>
            {lookup.error.text}
          </p>
        )}
        {verdict && (
          <section
            className={`panel verify__result verify__result--${verdict.kind}`}
            aria-labelledby="verify-verdict"
            data-testid="verify-result"
            data-status={verdict.kind}
          >
            <h2 id="verify-verdict" data-testid="verify-verdict">
              {verdict.title}
            </h2>
            <p>{verdict.text}</p>
            {code && <p className="muted">Code vérifié : <span className="code">{code}</span></p>}
            {lookup.status === 'found' && <VerifiedFacts result={lookup.result} />}
          </section>
        )}
      </div>
    </main>
  );
}

function VerifiedFacts({ result }: { result: Verification }) {
  return (
    <dl className="facts">
      <div>
        <dt>Titulaire</dt>
        <dd data-testid="verify-holder">{result.holder_name}</dd>
      </div>
      <div>
        <dt>CQPM</dt>
        <dd data-testid="verify-cqpm">
          {result.cqpm.title}
          {result.cqpm.number ? ` — CQPM n° ${result.cqpm.number}` : ''}
        </dd>
      </div>
      <div>
        <dt>Blocs de compétences</dt>
        <dd>
          {result.blocs.length === 0 ? (
            '—'
          ) : (
            <ul className="texts" data-testid="verify-blocs">
              {result.blocs.map((b, i) => (
                <li key={`${b.code ?? ''}-${i}`}>{blocLabel(b)}</li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div>
        <dt>Date de la décision</dt>
        <dd data-testid="verify-date">{formatSessionDate(result.decision_date)}</dd>
      </div>
      <div>
        <dt>Version du référentiel</dt>
        <dd data-testid="verify-referential">
          Version {result.referential_version}
          {result.referential_commit && (
            <>
              {' '}
              (commit <span className="code">{result.referential_commit.slice(0, 12)}</span>)
            </>
          )}
        </dd>
      </div>
      {result.decision_sha256 && (
        <div>
          <dt>Sceau de la décision (SHA-256)</dt>
          <dd className="code verify__seal" data-testid="verify-seal">
            {result.decision_sha256}
          </dd>
        </div>
      )}
    </dl>
  );
}
