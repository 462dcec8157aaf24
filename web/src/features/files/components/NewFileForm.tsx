import { useState, type FormEvent } from 'react';
import { fileApi } from '../fileApi';
import { describeScopeError, offersBlocChoice, scopeRequestBlocs, validateScope } from '../blocScope';
import { useCqpms } from '../../referentials/cqpmCatalog';
import { newFileCandidate } from '../candidate';
import { describeError, reportError } from '../../../shared/errors/errors';
import { CQPMS, PATHWAYS } from '../../../shared/format/labels';
import { buildRegistration, registrationErrorKey, validateRegistration } from '../registration';
import type { OrganisationRef } from '../../../shared/api/types';
import type { CandidateFile } from '../fileTypes';
import { BlocScopeFields } from './BlocScopeFields';
import { CandidateFields } from './CandidateFields';
import { NewFileFieldError } from './NewFileFieldError';
import { RegistrationFields } from './RegistrationFields';
import { useApiResource } from '../../../shared/hooks/useApiResource';
import { useCqpmRegistration } from '../useCqpmRegistration';
import {
  EMPTY,
  FIELD_IDS,
  apiValues,
  errorIdOf,
  firstErrorTarget,
  formFieldOf,
  validate,
  type FieldName,
  type Values,
} from '../newFileForm';

/** The dashboard's « Nouveau dossier »: the CQPM (its blocs and registration fields), the pathway, the company, the candidate. */
export function NewFileForm({ onCreated, onCancel }: { onCreated: (file: CandidateFile) => void; onCancel: () => void }) {
  const [values, setValues] = useState<Values>(EMPTY);
  const { cqpms } = useCqpms();
  const reg = useCqpmRegistration(values.cqpm);
  const { fields: regFields, loading: regLoading, blocs, draft: regDraft, scope } = reg;
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

  const blocChoice = !regLoading && offersBlocChoice(blocs);

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => ({ ...v, [key]: value }));
  }

  /** The scope's blocs come right after the CQPM in the form: `blocsAtFault` gets the focus unless the CQPM is. */
  function focusFirstError(found: Partial<Record<FieldName, string>>, foundReg: Record<string, string> = {}, blocsAtFault = false) {
    const target = firstErrorTarget(found, foundReg, blocsAtFault, regFields, blocs[0]?.index ?? 1);
    if (target) requestAnimationFrame(() => document.getElementById(target)?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    setErrorDetails({});
    reg.setErrorDetails({});
    if (regLoading) return;
    const found = validate(values);
    const foundReg = validateRegistration(regFields, regDraft);
    const foundScope = blocChoice ? validateScope(scope) : null;
    setErrors(found);
    reg.setErrors(foundReg);
    reg.setScopeError(foundScope ? { text: foundScope } : null);
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
        reg.setScopeError({ text: blocsRefused.text, technical: blocsRefused.technical ?? undefined });
        focusFirstError({}, {}, true);
      } else if (regKey) {
        const fieldErrors = { [regKey]: described.text };
        reg.setErrors(fieldErrors);
        reg.setErrorDetails(described.technical ? { [regKey]: described.technical } : {});
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

  return (
    <section className="panel" aria-labelledby="new-file-title">
      <h2 id="new-file-title">Nouveau dossier</h2>
      <form onSubmit={submit} noValidate data-testid="new-file-form">
        {formError && (
          <p role="alert" className="alert alert--error" data-testid="new-file-error" data-technical={formError.technical ?? undefined}>
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
              aria-describedby={errorIdOf(errors, 'cqpm')}
              required
            >
              <option value="">— Choisir un CQPM —</option>
              {(cqpms ?? CQPMS).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
            <NewFileFieldError field="cqpm" errors={errors} details={errorDetails} />
          </div>
          {blocChoice && (
            <BlocScopeFields
              blocs={blocs}
              draft={scope}
              onChange={(next) => {
                reg.setScope(next);
                reg.setScopeError(null);
              }}
              error={reg.scopeError?.text}
              technical={reg.scopeError?.technical}
            />
          )}
          <div className="field">
            <label htmlFor={FIELD_IDS.pathway}>Parcours</label>
            <select
              id={FIELD_IDS.pathway}
              value={values.pathway}
              onChange={(e) => set('pathway', e.target.value)}
              aria-invalid={!!errors.pathway}
              aria-describedby={errorIdOf(errors, 'pathway')}
              required
            >
              {PATHWAYS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
            <NewFileFieldError field="pathway" errors={errors} details={errorDetails} />
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
                aria-describedby={errorIdOf(errors, 'company_id') ?? (companiesError ? 'nf-company-load' : undefined)}
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
            <NewFileFieldError field="company_id" errors={errors} details={errorDetails} />
          </div>
          <CandidateFields values={values} set={set} errors={errors} errorDetails={errorDetails} />
          {regLoading && (
            <p className="muted field--wide" aria-live="polite">
              Chargement des informations demandées par ce CQPM…
            </p>
          )}
          {reg.loadError && (
            <p className="field__error field--wide" data-technical={reg.loadError.technical ?? undefined}>
              Les informations d'inscription propres à ce CQPM n'ont pas pu être chargées. {reg.loadError.text}
            </p>
          )}
          {!regLoading && regFields.length > 0 && (
            <fieldset className="field--wide fieldset" data-testid="registration-fields">
              <legend>Informations demandées par ce CQPM</legend>
              <RegistrationFields
                fields={regFields}
                draft={regDraft}
                onChange={reg.setAnswer}
                errors={reg.errors}
                errorDetails={reg.errorDetails}
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
