import { useEffect, useState, type FormEvent } from 'react';
import { isAbort } from '../../../shared/api/client';
import { fileApi } from '../fileApi';
import {
  WHOLE_CQPM_DRAFT,
  describeScopeError,
  indexedBlocs,
  offersBlocChoice,
  scopeRequestBlocs,
  validateScope,
  type ScopeDraft,
} from '../blocScope';
import { loadCqpm, useCqpms } from '../../referentials/cqpmCatalog';
import {
  BIRTH_PLACE_LABEL,
  BIRTH_PLACE_NOTE,
  BIRTH_PLACE_PLACEHOLDER,
  newFileCandidate,
} from '../candidate';
import { describeError, reportError } from '../../../shared/errors/errors';
import { CQPMS, PATHWAYS } from '../../../shared/format/labels';
import {
  buildRegistration,
  firstRegistrationErrorKey,
  registrationDraftOf,
  registrationErrorInputId,
  registrationErrorKey,
  validateRegistration,
  type RegistrationDraft,
  type RegistrationDraftValue,
} from '../registration';
import type { JuryBloc } from '../../juries/juryTypes';
import type { OrganisationRef } from '../../../shared/api/types';
import type { CandidateFile } from '../fileTypes';
import type { RegistrationField } from '../../referentials/referentialTypes';
import { BlocScopeFields } from './BlocScopeFields';
import { RegistrationFields } from './RegistrationFields';
import { useApiResource } from '../../../shared/hooks/useApiResource';
import { EMPTY, FIELD_IDS, blocCheckboxId, FIELD_ORDER, apiValues, formFieldOf, validate, type FieldName, type Values } from '../newFileForm';

/** The CQPM's registration fields and blocs: null while they load; `error` when they could not be loaded. */
interface RegistrationState {
  cqpm: string;
  fields: RegistrationField[] | null;
  blocs: JuryBloc[];
  error: string | null;
  technical: string | null;
}

export function NewFileForm({ onCreated, onCancel }: { onCreated: (file: CandidateFile) => void; onCancel: () => void }) {
  const [values, setValues] = useState<Values>(EMPTY);
  const { cqpms } = useCqpms();
  const [registration, setRegistration] = useState<RegistrationState>({ cqpm: '', fields: [], blocs: [], error: null, technical: null });
  const [regDraft, setRegDraft] = useState<RegistrationDraft>({});
  const [regErrors, setRegErrors] = useState<Record<string, string>>({});
  const [regErrorDetails, setRegErrorDetails] = useState<Record<string, string>>({});
  const [scope, setScope] = useState<ScopeDraft>(WHOLE_CQPM_DRAFT);
  const [scopeError, setScopeError] = useState<{ text: string; technical?: string } | null>(null);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  /** The server's English message for the field errors it reported, for support (title attribute). */
  const [errorDetails, setErrorDetails] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<{ text: string; technical: string | null } | null>(null);
  const companiesLoad = useApiResource<OrganisationRef[]>(
    (signal) => fileApi.companies(signal).then((r) => [...r.items].sort((a, b) => a.name.localeCompare(b.name, 'fr'))),
    [],
    { describe: (err) => describeError(err, { operation: 'list' }) },
  );
  const companies = companiesLoad.data;
  const companiesError = companiesLoad.error?.text ?? null;
  const [busy, setBusy] = useState(false);
  const isVae = values.pathway === 'vae';

  // The registration fields of the chosen CQPM (its plugin's registration_fields).
  useEffect(() => {
    const cqpm = values.cqpm;
    setRegDraft({});
    setRegErrors({});
    setRegErrorDetails({});
    setScope(WHOLE_CQPM_DRAFT);
    setScopeError(null);
    if (!cqpm) {
      setRegistration({ cqpm, fields: [], blocs: [], error: null, technical: null });
      return;
    }
    let live = true;
    setRegistration({ cqpm, fields: null, blocs: [], error: null, technical: null });
    loadCqpm(cqpm).then(
      (detail) => {
        if (!live) return;
        const fields = detail.registration_fields ?? [];
        const blocs = indexedBlocs(detail.referential?.blocs ?? []);
        setRegistration({ cqpm, fields, blocs, error: null, technical: null });
        setRegDraft(registrationDraftOf(fields, null));
      },
      (err: unknown) => {
        if (!live || isAbort(err)) return;
        const described = reportError(err, { operation: 'cqpm' });
        setRegistration({ cqpm, fields: [], blocs: [], error: described.text, technical: described.technical });
      },
    );
    return () => {
      live = false;
    };
  }, [values.cqpm]);

  const regFields = registration.cqpm === values.cqpm ? (registration.fields ?? []) : [];
  const regLoading = !!values.cqpm && (registration.cqpm !== values.cqpm || registration.fields === null);
  const blocs = registration.cqpm === values.cqpm ? registration.blocs : [];
  const blocChoice = !regLoading && offersBlocChoice(blocs);

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => ({ ...v, [key]: value }));
  }

  function setReg(id: string, value: RegistrationDraftValue) {
    setRegDraft((d) => ({ ...d, [id]: value }));
  }

  /** The scope's blocs come right after the CQPM in the form: `blocsAtFault` gets the focus unless the CQPM is. */
  function focusFirstError(found: Partial<Record<FieldName, string>>, foundReg: Record<string, string> = {}, blocsAtFault = false) {
    const first = FIELD_ORDER.find((f) => found[f]);
    const firstReg = firstRegistrationErrorKey(regFields, foundReg);
    const target =
      blocsAtFault && !found.cqpm
        ? blocCheckboxId(blocs[0]?.index ?? 1)
        : first
          ? FIELD_IDS[first]
          : firstReg
            ? registrationErrorInputId(firstReg, regFields)
            : null;
    if (target) requestAnimationFrame(() => document.getElementById(target)?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    setErrorDetails({});
    setRegErrorDetails({});
    if (regLoading) return;
    const found = validate(values);
    const foundReg = validateRegistration(regFields, regDraft);
    const foundScope = blocChoice ? validateScope(scope) : null;
    setErrors(found);
    setRegErrors(foundReg);
    setScopeError(foundScope ? { text: foundScope } : null);
    if (Object.keys(found).length > 0 || Object.keys(foundReg).length > 0 || foundScope) {
      focusFirstError(found, foundReg, !!foundScope);
      return;
    }
    const chosenBlocs = blocChoice ? scopeRequestBlocs(scope, blocs.length) : undefined;
    setBusy(true);
    try {
      const file = await fileApi.createFile({
        cqpm: values.cqpm,
        pathway: values.pathway,
        candidate: newFileCandidate(values),
        company_id: isVae || !values.company_id ? null : values.company_id,
        registration: buildRegistration(regFields, regDraft),
        ...(chosenBlocs ? { blocs: chosenBlocs } : {}),
      });
      onCreated(file);
    } catch (err) {
      const described = reportError(err, { operation: 'create', values: apiValues(values), pathway: values.pathway });
      const blocsRefused = describeScopeError(err);
      const field = formFieldOf(described.field);
      const regKey = registrationErrorKey(described.field, regFields, regDraft);
      // A field the form shows (company_id is hidden for a VAE pathway): the sentence goes next to it.
      if (blocsRefused && blocChoice) {
        setScopeError({ text: blocsRefused.text, technical: blocsRefused.technical ?? undefined });
        focusFirstError({}, {}, true);
      } else if (regKey) {
        const fieldErrors = { [regKey]: described.text };
        setRegErrors(fieldErrors);
        setRegErrorDetails(described.technical ? { [regKey]: described.technical } : {});
        focusFirstError({}, fieldErrors);
      } else if (field && !(field === 'company_id' && isVae)) {
        const fieldErrors = { [field]: described.text };
        setErrors(fieldErrors);
        setErrorDetails(described.technical ? { [field]: described.technical } : {});
        focusFirstError(fieldErrors);
      } else {
        setFormError({ text: described.text, technical: described.technical });
      }
    } finally {
      setBusy(false);
    }
  }

  function describedBy(field: FieldName): string | undefined {
    return errors[field] ? `${FIELD_IDS[field]}-error` : undefined;
  }

  function fieldError(field: FieldName) {
    return errors[field] ? (
      <p
        id={`${FIELD_IDS[field]}-error`}
        className="field__error"
        data-testid={`error-${field}`}
        title={errorDetails[field]}
      >
        {errors[field]}
      </p>
    ) : null;
  }

  return (
    <section className="panel" aria-labelledby="new-file-title">
      <h2 id="new-file-title">Nouveau dossier</h2>
      <form onSubmit={submit} noValidate data-testid="new-file-form">
        {formError && (
          <p role="alert" className="alert alert--error" data-testid="new-file-error" title={formError.technical ?? undefined}>
            {formError.text}
          </p>
        )}
        <div className="form-grid">
          <div className="field field--wide">
            <label htmlFor={FIELD_IDS.cqpm}>CQPM</label>
            <select
              id={FIELD_IDS.cqpm}
              value={values.cqpm}
              onChange={(e) => set('cqpm', e.target.value)}
              aria-invalid={!!errors.cqpm}
              aria-describedby={describedBy('cqpm')}
              required
            >
              <option value="">— Choisir un CQPM —</option>
              {(cqpms ?? CQPMS).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
            {fieldError('cqpm')}
          </div>
          {blocChoice && (
            <BlocScopeFields
              blocs={blocs}
              draft={scope}
              onChange={(next) => {
                setScope(next);
                setScopeError(null);
              }}
              error={scopeError?.text}
              technical={scopeError?.technical}
            />
          )}
          <div className="field">
            <label htmlFor={FIELD_IDS.pathway}>Parcours</label>
            <select
              id={FIELD_IDS.pathway}
              value={values.pathway}
              onChange={(e) => set('pathway', e.target.value)}
              aria-invalid={!!errors.pathway}
              aria-describedby={describedBy('pathway')}
              required
            >
              {PATHWAYS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
            {fieldError('pathway')}
          </div>
          <div className="field">
            {isVae ? <span className="field__label">Entreprise</span> : <label htmlFor={FIELD_IDS.company_id}>Entreprise</label>}
            {isVae ? (
              <p className="muted field__note" id={FIELD_IDS.company_id}>
                Sans objet : un candidat en VAE n'a pas d'entreprise.
              </p>
            ) : (
              <select
                id={FIELD_IDS.company_id}
                value={values.company_id}
                onChange={(e) => set('company_id', e.target.value)}
                aria-invalid={!!errors.company_id}
                aria-describedby={describedBy('company_id') ?? (companiesError ? 'nf-company-load' : undefined)}
                disabled={companies === null && !companiesError}
              >
                <option value="">{companies === null && !companiesError ? 'Chargement…' : '— Aucune entreprise —'}</option>
                {(companies ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
            {companiesError && !isVae && (
              <p className="field__error" id="nf-company-load">
                Liste des entreprises indisponible. {companiesError}
              </p>
            )}
            {fieldError('company_id')}
          </div>
          <fieldset className="field--wide fieldset">
            <legend>Candidat</legend>
            <div className="form-grid">
              <div className="field">
                <label htmlFor={FIELD_IDS['candidate.given_name']}>Prénom</label>
                <input
                  id={FIELD_IDS['candidate.given_name']}
                  value={values.given_name}
                  onChange={(e) => set('given_name', e.target.value)}
                  autoComplete="off"
                  aria-invalid={!!errors['candidate.given_name']}
                  aria-describedby={describedBy('candidate.given_name')}
                  required
                />
                {fieldError('candidate.given_name')}
              </div>
              <div className="field">
                <label htmlFor={FIELD_IDS['candidate.family_name']}>Nom</label>
                <input
                  id={FIELD_IDS['candidate.family_name']}
                  value={values.family_name}
                  onChange={(e) => set('family_name', e.target.value)}
                  autoComplete="off"
                  aria-invalid={!!errors['candidate.family_name']}
                  aria-describedby={describedBy('candidate.family_name')}
                  required
                />
                {fieldError('candidate.family_name')}
              </div>
              <div className="field">
                <label htmlFor={FIELD_IDS['candidate.email']}>Adresse e-mail</label>
                <input
                  id={FIELD_IDS['candidate.email']}
                  type="email"
                  value={values.email}
                  onChange={(e) => set('email', e.target.value)}
                  autoComplete="off"
                  aria-invalid={!!errors['candidate.email']}
                  aria-describedby={describedBy('candidate.email')}
                  required
                />
                {fieldError('candidate.email')}
              </div>
              <div className="field">
                <label htmlFor={FIELD_IDS['candidate.birth_date']}>Date de naissance</label>
                <input
                  id={FIELD_IDS['candidate.birth_date']}
                  type="date"
                  value={values.birth_date}
                  onChange={(e) => set('birth_date', e.target.value)}
                  max={new Date().toISOString().slice(0, 10)}
                  aria-invalid={!!errors['candidate.birth_date']}
                  aria-describedby={describedBy('candidate.birth_date')}
                  required
                />
                {fieldError('candidate.birth_date')}
              </div>
              <div className="field">
                <label htmlFor={FIELD_IDS['candidate.birth_place']}>{BIRTH_PLACE_LABEL}</label>
                <input
                  id={FIELD_IDS['candidate.birth_place']}
                  value={values.birth_place}
                  onChange={(e) => set('birth_place', e.target.value)}
                  placeholder={BIRTH_PLACE_PLACEHOLDER}
                  maxLength={200}
                  autoComplete="off"
                  aria-invalid={!!errors['candidate.birth_place']}
                  aria-describedby={[`${FIELD_IDS['candidate.birth_place']}-note`, describedBy('candidate.birth_place')]
                    .filter(Boolean)
                    .join(' ')}
                  data-testid="new-file-birth-place"
                />
                <p id={`${FIELD_IDS['candidate.birth_place']}-note`} className="field__note muted">
                  {BIRTH_PLACE_NOTE}
                </p>
                {fieldError('candidate.birth_place')}
              </div>
            </div>
          </fieldset>
          {regLoading && (
            <p className="muted field--wide" aria-live="polite">
              Chargement des informations demandées par ce CQPM…
            </p>
          )}
          {registration.error && registration.cqpm === values.cqpm && (
            <p className="field__error field--wide" title={registration.technical ?? undefined}>
              Les informations d'inscription propres à ce CQPM n'ont pas pu être chargées. {registration.error}
            </p>
          )}
          {!regLoading && regFields.length > 0 && (
            <fieldset className="field--wide fieldset" data-testid="registration-fields">
              <legend>Informations demandées par ce CQPM</legend>
              <RegistrationFields
                fields={regFields}
                draft={regDraft}
                onChange={setReg}
                errors={regErrors}
                errorDetails={regErrorDetails}
              />
            </fieldset>
          )}
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy || regLoading}>
            {busy ? 'Création…' : 'Créer le dossier'}
          </button>
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Annuler
          </button>
        </div>
      </form>
    </section>
  );
}
