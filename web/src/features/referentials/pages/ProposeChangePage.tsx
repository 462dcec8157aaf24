import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, isAbort } from '../../../shared/api/client';
import { referentialApi } from '../referentialApi';
import { loadCqpm } from '../cqpmCatalog';
import { GTP_ONLY_MESSAGE, REASON_MESSAGE, normaliseField, reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { blocRncpCodeLabel, identityValues } from '../certificationIdentity';
import {
  blocRncpCodeField,
  finaliseIdentity,
  setBlocRncpCode,
} from '../identityEdit';
import { CRITERIA_GROUPS, blocCodeLabel } from '../referential';
import {
  cloneReferential,
  competencyField,
  blocField,
  draftActionLabel,
  draftChanges,
  setBlocCode,
  setBlocTitle,
  setCompetencyTitle,
  validateDraft,
} from '../referentialEdit';
import { historyLinks, isGtpAuditor } from '../referentialHistory';
import { useSession } from '../../../app/session';
import type { CqpmDetail, Referential } from '../referentialTypes';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { FieldError, ListEditor } from '../components/ProposalFormParts';
import { inputId, rowsFor, shownField, type Errors } from '../proposalFields';
import { IdentityEditor } from '../components/IdentityEditor';
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

  useEffect(() => {
    let live = true;
    setCqpm(null);
    setDraft(null);
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
        <p role="alert" className="alert alert--error" title={loadError.technical ?? undefined}>
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
  const reasonInvalid = Boolean(errors.reason);
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
          <p role="alert" className="alert alert--error" data-testid="propose-error" title={formError.technical ?? undefined}>
            {formError.text}
          </p>
        )}
        <div className="propose-layout">
          <div className="propose-main">
            <IdentityEditor draft={draft} original={cqpm.referential} errors={errors} onChange={update} />
            {draft.blocs.map((bloc, b) => {
              const original = cqpm.referential.blocs[b];
              const codeField = `${blocField(b)}.code`;
              const rncpField = blocRncpCodeField(b);
              const titleField = `${blocField(b)}.title`;
              const fiche = identityValues(draft.identity).number;
              return (
                <section key={b} className="panel" aria-labelledby={`edit-bloc-${b}`} data-testid="edit-bloc" data-bloc={b + 1}>
                  <h2 id={`edit-bloc-${b}`}>
                    Bloc {b + 1} · {blocCodeLabel(original?.code ?? null)}{' '}
                    <span className="muted">· {blocRncpCodeLabel(original?.rncp_code)}</span>
                  </h2>
                  <div className="form-grid">
                    <div className="field">
                      <label htmlFor={inputId(codeField)}>Code du bloc {b + 1}</label>
                      <input
                        id={inputId(codeField)}
                        value={bloc.code ?? ''}
                        placeholder="BDC0000 (vide : code non attribué)"
                        onChange={(e) => update(setBlocCode(draft, b, e.target.value))}
                        aria-invalid={errors[codeField] ? true : undefined}
                        aria-describedby={errors[codeField] ? `${inputId(codeField)}-error` : `${inputId(codeField)}-hint`}
                        autoComplete="off"
                        spellCheck={false}
                        maxLength={7}
                        data-testid="edit-bloc-code"
                      />
                      <p id={`${inputId(codeField)}-hint`} className="muted field__note">
                        BDC suivi de quatre chiffres ; laissez vide si le document officiel n’en imprime pas.
                      </p>
                      <FieldError field={codeField} errors={errors} />
                    </div>
                    <div className="field">
                      <label htmlFor={inputId(rncpField)}>Code RNCP du bloc {b + 1}</label>
                      <input
                        id={inputId(rncpField)}
                        value={bloc.rncp_code ?? ''}
                        placeholder={`${fiche ?? 'RNCP00000'}BC${String(b + 1).padStart(2, '0')} (vide : non renseigné)`}
                        onChange={(e) => update(setBlocRncpCode(draft, b, e.target.value))}
                        aria-invalid={errors[rncpField] ? true : undefined}
                        aria-describedby={errors[rncpField] ? `${inputId(rncpField)}-error` : `${inputId(rncpField)}-hint`}
                        autoComplete="off"
                        spellCheck={false}
                        maxLength={16}
                        data-testid="edit-bloc-rncp-code"
                      />
                      <p id={`${inputId(rncpField)}-hint`} className="muted field__note">
                        Le code du bloc dans la fiche RNCP : le numéro de la fiche, BC et deux chiffres
                        (par exemple RNCP37854BC01).
                      </p>
                      <FieldError field={rncpField} errors={errors} />
                    </div>
                    <div className="field field--wide">
                      <label htmlFor={inputId(titleField)}>Intitulé du bloc {b + 1}</label>
                      <textarea
                        id={inputId(titleField)}
                        rows={rowsFor(bloc.title)}
                        value={bloc.title}
                        onChange={(e) => update(setBlocTitle(draft, b, e.target.value))}
                        aria-invalid={errors[titleField] ? true : undefined}
                      />
                      <FieldError field={titleField} errors={errors} />
                    </div>
                  </div>
                  <details className="propose-details">
                    <summary>Connaissances associées ({bloc.knowledge.length})</summary>
                    <ListEditor
                      label="Connaissances associées"
                      itemLabel="Connaissance"
                      listRef={{ bloc: b, competency: null, list: 'knowledge' }}
                      draft={draft}
                      original={cqpm.referential}
                      errors={errors}
                      onChange={update}
                    />
                  </details>
                  {bloc.competencies.map((competency, c) => {
                    const field = `${competencyField(b, c)}.title`;
                    return (
                      <details
                        key={competency.number}
                        className="propose-details propose-competency"
                        data-testid="edit-competency"
                        data-number={competency.number}
                      >
                        <summary>
                          Compétence {competency.number} — {competency.title}
                        </summary>
                        <div className="field">
                          <label htmlFor={inputId(field)}>Intitulé de la compétence {competency.number}</label>
                          <textarea
                            id={inputId(field)}
                            rows={rowsFor(competency.title)}
                            value={competency.title}
                            onChange={(e) => update(setCompetencyTitle(draft, b, c, e.target.value))}
                            aria-invalid={errors[field] ? true : undefined}
                          />
                          <FieldError field={field} errors={errors} />
                        </div>
                        <ListEditor
                          label="Conditions de réalisation"
                          itemLabel="Condition"
                          listRef={{ bloc: b, competency: c, list: 'conditions' }}
                          draft={draft}
                          original={cqpm.referential}
                          errors={errors}
                          onChange={update}
                        />
                        {CRITERIA_GROUPS.map((group) => (
                          <ListEditor
                            key={group.key}
                            label={`Critères : ${group.heading}`}
                            itemLabel="Critère"
                            listRef={{ bloc: b, competency: c, list: group.key }}
                            draft={draft}
                            original={cqpm.referential}
                            errors={errors}
                            onChange={update}
                          />
                        ))}
                        <ListEditor
                          label="Résultats attendus"
                          itemLabel="Résultat attendu"
                          listRef={{ bloc: b, competency: c, list: 'expected_results' }}
                          draft={draft}
                          original={cqpm.referential}
                          errors={errors}
                          onChange={update}
                        />
                      </details>
                    );
                  })}
                </section>
              );
            })}
          </div>

          <aside className="propose-side">
            <section className="panel propose-submit" aria-labelledby="propose-summary-title">
              <h2 id="propose-summary-title">Votre proposition</h2>
              {changes.length === 0 ? (
                <p className="muted" data-testid="draft-changes" data-count={0}>
                  Aucune modification pour l’instant.
                </p>
              ) : (
                <ul className="draft-changes" data-testid="draft-changes" data-count={changes.length}>
                  {changes.map((change) => (
                    <li key={change.field}>
                      <button type="button" className="button--link" onClick={() => focusField(change.field)}>
                        {change.where}
                      </button>
                      {' : '}
                      {draftActionLabel(change)}
                    </li>
                  ))}
                </ul>
              )}
              <div className="field">
                <label htmlFor="f-reason">Motif de la modification</label>
                <textarea
                  id="f-reason"
                  rows={4}
                  value={reason}
                  onChange={(e) => {
                    setReason(e.target.value);
                    if (errors.reason) setErrors((e) => without(e, 'reason'));
                  }}
                  maxLength={4000}
                  required
                  aria-invalid={reasonInvalid ? true : undefined}
                  aria-describedby={reasonInvalid ? 'f-reason-error' : undefined}
                  data-testid="propose-reason"
                />
                <FieldError field="reason" errors={errors} />
              </div>
              <div className="actions">
                <button
                  type="submit"
                  className="button button--primary"
                  disabled={busy || changes.length === 0}
                  data-testid="propose-submit"
                >
                  {busy ? 'Envoi…' : 'Envoyer la proposition'}
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={busy || changes.length === 0}
                  onClick={() => {
                    setDraft(cloneReferential(cqpm.referential));
                    setErrors({});
                    setFormError(null);
                  }}
                >
                  Tout annuler
                </button>
              </div>
              <p className="muted field__note">
                Le document entier est envoyé ; le GTP voit ensuite les changements élément par élément.
              </p>
            </section>
          </aside>
        </div>
      </form>
    </>
  );
}

