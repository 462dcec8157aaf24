import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, isAbort } from '../../../shared/api/client';
import { referentialApi } from '../referentialApi';
import { loadCqpm } from '../cqpmCatalog';
import { GTP_ONLY_MESSAGE, REASON_MESSAGE, normaliseField, reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { finaliseIdentity } from '../identityEdit';
import { cloneReferential, draftChanges, validateDraft } from '../referentialEdit';
import { historyLinks, isGtpAuditor } from '../referentialHistory';
import { useSession } from '../../../app/session';
import type { CqpmDetail, Referential } from '../referentialTypes';
import { useOnChange } from '../../../shared/hooks/useOnChange';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { inputId, shownField, type Errors } from '../proposalFields';
import { BlocEditor } from '../components/BlocEditor';
import { IdentityEditor } from '../components/IdentityEditor';
import { ProposalSummary } from '../components/ProposalSummary';
import { without } from '../../../shared/records';

/** A GTP auditor edits the referential in force and proposes the change, with a reason, to the GTP. */
export function ProposeChangePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { user } = useSession();
  const [cqpm, setCqpm] = useState<CqpmDetail | null>(null);
  const [draft, setDraft] = useState<Referential | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<ErrorDescription | null>(null);
  const [loadError, setLoadError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  usePageTitle(cqpm ? `Proposer une modification · ${cqpm.title}` : 'Proposer une modification');

  // Another CQPM: the previous one's draft is not shown meanwhile.
  useOnChange(id, () => {
    setCqpm(null);
    setDraft(null);
  });
  useEffect(() => {
    let live = true;
    loadCqpm(id, { fresh: true }).then(
      (c) => {
        if (!live) return;
        setCqpm(c);
        setDraft(cloneReferential(c.referential));
      },
      (err: unknown) => {
        if (live && !isAbort(err)) setLoadError(reportError(err, { operation: 'cqpm' }));
      },
    );
    return () => {
      live = false;
    };
  }, [id]);

  const changes = useMemo(() => (cqpm && draft ? draftChanges(cqpm.referential, draft) : []), [cqpm, draft]);

  function focusField(field: string) {
    const element = document.getElementById(inputId(field));
    if (element) {
      element.closest('details')?.setAttribute('open', '');
      element.focus();
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!cqpm || !draft) return;
    setFormError(null);
    // Empty inputs as null members, and the version's own form where nothing changed.
    const proposed = finaliseIdentity(cqpm.referential, draft);
    const found = validateDraft(proposed);
    if (!reason.trim()) found.reason = REASON_MESSAGE;
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      setFormError({ text: 'Corrigez les éléments signalés avant d’envoyer la proposition.', field: null, technical: null });
      focusField(first);
      return;
    }
    setBusy(true);
    try {
      // The whole document is sent: it must start from the version still in force.
      const current = await referentialApi.getCqpm(id);
      if (current.referential_version !== cqpm.referential_version) {
        setFormError({
          text: `La version ${current.referential_version ?? ''} du référentiel a été publiée pendant votre saisie : rechargez la page pour partir de la version en vigueur.`,
          field: null,
          technical: null,
        });
        return;
      }
      const proposal = await referentialApi.proposeReferential(id, proposed, reason.trim(), cqpm.referential_version ?? undefined);
      navigate(historyLinks.proposal(proposal.id), { state: { created: true } });
    } catch (err) {
      const described = reportError(err, { operation: 'propose' });
      const sent = err instanceof ApiError ? normaliseField(err.field) : null;
      // Under its input, or the nearest part of the form that holds it (the identity, the fiche).
      const field = sent === 'reason' ? sent : sent ? shownField(sent) : null;
      if (field) {
        setErrors({ [field]: described.text });
        setFormError(described);
        focusField(field);
      } else {
        setFormError(described);
      }
    } finally {
      setBusy(false);
    }
  }

  const breadcrumb = (
    <nav aria-label="Fil d'Ariane" className="breadcrumb">
      <Link to="/cqpm">Référentiels CQPM</Link> <span aria-hidden="true">›</span>{' '}
      <Link to={`/cqpm/${encodeURIComponent(id)}`}>{cqpm?.title ?? id}</Link> <span aria-hidden="true">›</span>{' '}
      <span aria-current="page">Proposer une modification</span>
    </nav>
  );
  if (loadError) {
    return (
      <section>
        {breadcrumb}
        <h1>Référentiel indisponible</h1>
        <p role="alert" className="alert alert--error" data-technical={loadError.technical ?? undefined}>
          {loadError.text}
        </p>
      </section>
    );
  }
  if (!isGtpAuditor(user)) {
    return (
      <section>
        {breadcrumb}
        <h1>Proposer une modification</h1>
        <p role="alert" className="alert alert--error">
          {GTP_ONLY_MESSAGE}
        </p>
      </section>
    );
  }
  if (!cqpm || !draft) return <p aria-live="polite">Chargement du référentiel…</p>;

  const update = (next: Referential) => {
    setDraft(next);
    if (Object.keys(errors).length > 0) setErrors({});
  };
  return (
    <>
      {breadcrumb}
      <div className="page-title">
        <div>
          <h1>Proposer une modification du référentiel</h1>
          <p className="subtitle">
            {cqpm.title} · à partir de la{' '}
            <Link to={historyLinks.version(id, cqpm.referential_version ?? 1)}>
              version {cqpm.referential_version ?? 1}
            </Link>{' '}
            en vigueur
          </p>
        </div>
      </div>
      <p className="muted">
        Modifiez les éléments du référentiel, indiquez le motif, puis envoyez la proposition : elle compte comme
        l’approbation de votre collège ; l’autre collège du GTP l’examine, l’approuve ou la rejette, puis elle est publiée
        comme nouvelle version.
      </p>

      <form ref={formRef} onSubmit={submit} noValidate data-testid="propose-form">
        {formError && (
          <p role="alert" className="alert alert--error" data-testid="propose-error" data-technical={formError.technical ?? undefined}>
            {formError.text}
          </p>
        )}
        <div className="propose-layout">
          <div className="propose-main">
            <IdentityEditor draft={draft} original={cqpm.referential} errors={errors} onChange={update} />
            {draft.blocs.map((_, b) => (
              <BlocEditor key={b} index={b} draft={draft} original={cqpm.referential} errors={errors} onChange={update} />
            ))}
          </div>

          <aside className="propose-side">
            <ProposalSummary
              changes={changes}
              reason={reason}
              errors={errors}
              busy={busy}
              onReason={(text) => {
                setReason(text);
                if (errors.reason) setErrors((e) => without(e, 'reason'));
              }}
              onShow={focusField}
              onReset={() => {
                setDraft(cloneReferential(cqpm.referential));
                setErrors({});
                setFormError(null);
              }}
            />
          </aside>
        </div>
      </form>
    </>
  );
}

