import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, isAbort } from '../../../shared/api/client';
import { referentialApi } from '../referentialApi';
import { loadCqpm } from '../cqpmCatalog';
import { GTP_ONLY_MESSAGE, REASON_MESSAGE, normaliseField, reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { IDENTITY_LABELS, RNCP_LEVELS, blocRncpCodeLabel, identityValues, type IdentityKey } from '../certificationIdentity';
import {
  IDENTITY_FIELD,
  RNCP_FIELD,
  blocRncpCodeField,
  finaliseIdentity,
  identityField,
  identityInputs,
  setBlocRncpCode,
  setIdentityInput,
} from '../identityEdit';
import { CRITERIA_GROUPS, blocCodeLabel } from '../referential';
import {
  addListItem,
  cloneReferential,
  competencyField,
  blocField,
  draftActionLabel,
  draftChanges,
  getList,
  keepsOneItem,
  listField,
  removeListItem,
  setBlocCode,
  setBlocTitle,
  setCompetencyTitle,
  setListItem,
  validateDraft,
  type TextListRef,
} from '../referentialEdit';
import { historyLinks, isGtpAuditor } from '../referentialHistory';
import { useSession } from '../../../app/session';
import type { CqpmDetail, Referential } from '../referentialTypes';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';

type Errors = Record<string, string>;

/** The id of the input of a server field ("referential.blocs[1].code" → "f-referential-blocs-1-code"). */
function inputId(field: string): string {
  return `f-${field.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-+$/, '')}`;
}

function rowsFor(text: string): number {
  return Math.min(8, Math.max(2, Math.ceil(text.length / 90)));
}

function FieldError({ field, errors }: { field: string; errors: Errors }) {
  const text = errors[field];
  if (!text) return null;
  return (
    <p id={`${inputId(field)}-error`} className="field__error" data-testid={`error-${field}`}>
      {text}
    </p>
  );
}

/** The items of one list of texts, each editable and removable, and a button to add one. */
function ListEditor({
  label,
  itemLabel,
  listRef,
  draft,
  original,
  errors,
  onChange,
}: {
  label: string;
  itemLabel: string;
  listRef: TextListRef;
  draft: Referential;
  original: Referential;
  errors: Errors;
  onChange: (next: Referential) => void;
}) {
  const items = getList(draft, listRef);
  const before = getList(original, listRef);
  const listName = listField(listRef);
  return (
    <fieldset className="fieldset list-editor" data-testid="list-editor" data-field={listName}>
      <legend>{label}</legend>
      <FieldError field={listName} errors={errors} />
      {items.length === 0 && <p className="muted">Aucun élément.</p>}
      {items.map((text, i) => {
        const field = listField(listRef, i);
        const id = inputId(field);
        const changed = before[i] !== text;
        return (
          <div key={i} className={`field list-editor__item${changed ? ' list-editor__item--changed' : ''}`}>
            <label htmlFor={id} className="visually-hidden">
              {itemLabel} n° {i + 1}
            </label>
            <div className="list-editor__row">
              <span className="list-editor__number" aria-hidden="true">
                {i + 1}.
              </span>
              <textarea
                id={id}
                rows={rowsFor(text)}
                value={text}
                onChange={(e) => onChange(setListItem(draft, listRef, i, e.target.value))}
                aria-invalid={errors[field] ? true : undefined}
                aria-describedby={errors[field] ? `${id}-error` : undefined}
                data-field={field}
              />
              <button
                type="button"
                className="button"
                onClick={() => onChange(removeListItem(draft, listRef, i))}
                disabled={keepsOneItem(listRef) && items.length <= 1}
                aria-label={`Retirer : ${itemLabel} n° ${i + 1}`}
                title="Retirer cet élément"
              >
                Retirer
              </button>
            </div>
            <FieldError field={field} errors={errors} />
          </div>
        );
      })}
      <button type="button" className="button list-editor__add" onClick={() => onChange(addListItem(draft, listRef))}>
        + Ajouter : {itemLabel.toLowerCase()}
      </button>
    </fieldset>
  );
}

/** The server's field, or the nearest enclosing one the form shows ("referential.identity.rncp" for a fault inside the fiche). */
function shownField(field: string): string | null {
  for (let f: string | null = field; f; ) {
    if (document.getElementById(inputId(f))) return f;
    const cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
    f = cut > 0 && f.slice(0, cut).startsWith('referential.') ? f.slice(0, cut) : null;
  }
  return null;
}

/** « Identité de la certification »: the CQPM number, the RNCP fiche, whether the CQPM is registered at the RNCP. */
function IdentityEditor({
  draft,
  original,
  errors,
  onChange,
}: {
  draft: Referential;
  original: Referential;
  errors: Errors;
  onChange: (next: Referential) => void;
}) {
  const inputs = identityInputs(draft);
  const before = identityInputs(original);
  const props = (key: IdentityKey, hint?: boolean) => {
    const field = identityField(key);
    const id = inputId(field);
    const described = [errors[field] ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
    return {
      id,
      value: inputs[key],
      onChange: (e: { target: { value: string } }) => onChange(setIdentityInput(draft, key, e.target.value)),
      'aria-invalid': errors[field] ? true : undefined,
      'aria-describedby': described || undefined,
      'data-field': field,
      'data-changed': inputs[key] !== before[key] || undefined,
    };
  };
  return (
    <section
      id={inputId(IDENTITY_FIELD)}
      tabIndex={-1}
      className="panel"
      aria-labelledby="edit-identity"
      data-testid="edit-identity"
    >
      <h2 id="edit-identity">Identité de la certification</h2>
      <p className="muted field__note">
        Laissez vide ce qui n’est pas connu : la page du référentiel l’affiche « non renseigné ». Un jury n’attribue des
        blocs de compétences que si la version du référentiel du dossier indique « Inscrit au RNCP : oui ». Le code RNCP
        de chaque bloc se saisit avec le bloc, plus bas.
      </p>
      <FieldError field={IDENTITY_FIELD} errors={errors} />
      <div className="form-grid">
        <div className="field">
          <label htmlFor={inputId(identityField('cqpm_number'))}>{IDENTITY_LABELS.cqpm_number}</label>
          <input
            {...props('cqpm_number', true)}
            placeholder="MQ 2015 06 69 0334"
            autoComplete="off"
            spellCheck={false}
            maxLength={60}
            data-testid="edit-cqpm-number"
          />
          <p id={`${inputId(identityField('cqpm_number'))}-hint`} className="muted field__note">
            Tel qu’imprimé sur le document officiel (60 caractères au plus).
          </p>
          <FieldError field={identityField('cqpm_number')} errors={errors} />
        </div>
      </div>
      <fieldset id={inputId(RNCP_FIELD)} tabIndex={-1} className="fieldset" data-testid="edit-rncp">
        <legend>Fiche RNCP</legend>
        <FieldError field={RNCP_FIELD} errors={errors} />
        <div className="form-grid">
          <div className="field">
            <label htmlFor={inputId(identityField('number'))}>Numéro de la fiche</label>
            <input
              {...props('number', true)}
              placeholder="RNCP37854"
              autoComplete="off"
              spellCheck={false}
              maxLength={12}
              data-testid="edit-rncp-number"
            />
            <p id={`${inputId(identityField('number'))}-hint`} className="muted field__note">
              RNCP suivi de 4 à 6 chiffres.
            </p>
            <FieldError field={identityField('number')} errors={errors} />
          </div>
          <div className="field">
            <label htmlFor={inputId(identityField('level'))}>{IDENTITY_LABELS.level}</label>
            <select {...props('level')} data-testid="edit-rncp-level">
              <option value="">non renseigné</option>
              {RNCP_LEVELS.map((level) => (
                <option key={level} value={String(level)}>
                  Niveau {level}
                </option>
              ))}
            </select>
            <FieldError field={identityField('level')} errors={errors} />
          </div>
          <div className="field">
            <label htmlFor={inputId(identityField('registration_start'))}>{IDENTITY_LABELS.registration_start}</label>
            <input type="date" {...props('registration_start')} data-testid="edit-rncp-start" />
            <FieldError field={identityField('registration_start')} errors={errors} />
          </div>
          <div className="field">
            <label htmlFor={inputId(identityField('registration_end'))}>{IDENTITY_LABELS.registration_end}</label>
            <input type="date" {...props('registration_end')} data-testid="edit-rncp-end" />
            <FieldError field={identityField('registration_end')} errors={errors} />
          </div>
          <div className="field">
            <label htmlFor={inputId(identityField('registered'))}>{IDENTITY_LABELS.registered}</label>
            <select {...props('registered', true)} data-testid="edit-rncp-registered">
              <option value="">non renseigné</option>
              <option value="true">oui</option>
              <option value="false">non</option>
            </select>
            <p id={`${inputId(identityField('registered'))}-hint`} className="muted field__note">
              « oui » seulement : les jurys peuvent attribuer des blocs de compétences.
            </p>
            <FieldError field={identityField('registered')} errors={errors} />
          </div>
        </div>
      </fieldset>
    </section>
  );
}

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
                    if (errors.reason) setErrors(({ reason: _r, ...rest }) => rest);
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

