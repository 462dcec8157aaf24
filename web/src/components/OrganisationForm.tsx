import { useEffect, useState, type FormEvent } from 'react';
import { isAbort } from '../api';
import { organisationApi } from '../adminApi';
import {
  ORGANISATION_FIELDS,
  ORGANISATION_KINDS,
  REGIONS,
  canChooseCentres,
  creatableKinds,
  draftFromOrganisation,
  emptyOrganisationDraft,
  kindLabel,
  organisationFieldOf,
  organisationPatch,
  organisationRequest,
  organisationValues,
  validateOrganisationDraft,
  type OrganisationDraft,
  type OrganisationField,
} from '../administration';
import type { Organisation } from '../adminTypes';
import { describeError, reportError, type ErrorDescription } from '../errors';
import type { User } from '../types';
import { FieldError } from './FieldError';

const inputId = (field: OrganisationField) => `org-${field}`;
const errorId = (field: OrganisationField) => `org-${field}-error`;

/**
 * The form of an organisation: "Nouvelle organisation" (no `original`) or its
 * edit form. A centre has its région and départements, a company its SIRET,
 * address and the centres it works with; the GTP and the platform a name.
 */
export function OrganisationForm({
  user,
  original,
  onSaved,
  onCancel,
}: {
  user: User;
  original?: Organisation;
  onSaved: (organisation: Organisation) => void;
  onCancel?: () => void;
}) {
  const creating = !original;
  const kinds = creatableKinds(user);
  const [draft, setDraft] = useState<OrganisationDraft>(() =>
    original ? draftFromOrganisation(original) : emptyOrganisationDraft(user),
  );
  const [errors, setErrors] = useState<Partial<Record<OrganisationField, string>>>({});
  const [errorDetails, setErrorDetails] = useState<Partial<Record<OrganisationField, string>>>({});
  const [formError, setFormError] = useState<ErrorDescription | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [centres, setCentres] = useState<Organisation[] | null>(null);
  const [centresError, setCentresError] = useState<string | null>(null);
  const chooseCentres = canChooseCentres(user);
  const kind = draft.kind;

  useEffect(() => {
    if (original) setDraft(draftFromOrganisation(original));
  }, [original]);

  // The centres a company may work with: the administrator picks them.
  useEffect(() => {
    if (kind !== 'company' || !chooseCentres || centres) return;
    const controller = new AbortController();
    organisationApi.listAll({ kind: 'centre', active: 'all' }, controller.signal).then(
      (list) => setCentres([...list].sort((a, b) => a.name.localeCompare(b.name, 'fr'))),
      (err: unknown) => {
        if (!isAbort(err)) setCentresError(describeError(err, { operation: 'list' }).text);
      },
    );
    return () => controller.abort();
  }, [kind, chooseCentres, centres]);

  function set<K extends keyof OrganisationDraft>(key: K, value: OrganisationDraft[K]) {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
  }

  function toggleCentre(id: string, checked: boolean) {
    set('centre_ids', checked ? [...draft.centre_ids, id] : draft.centre_ids.filter((c) => c !== id));
  }

  function focusFirst(found: Partial<Record<OrganisationField, string>>) {
    const first = ORGANISATION_FIELDS.find((f) => found[f]);
    if (first) requestAnimationFrame(() => document.getElementById(inputId(first))?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    setErrorDetails({});
    setSaved(false);
    const found = validateOrganisationDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    setBusy(true);
    try {
      if (original) {
        const patch = organisationPatch(original, draft, user);
        const result = Object.keys(patch).length > 0 ? await organisationApi.update(original.id, patch) : original;
        setSaved(true);
        onSaved(result);
      } else {
        onSaved(await organisationApi.create(organisationRequest(draft, user)));
      }
    } catch (err) {
      const described = reportError(err, { operation: 'organisation', values: organisationValues(draft) });
      const field = organisationFieldOf(described.field);
      if (field && field !== 'kind' && (field !== 'centre_ids' || chooseCentres)) {
        setErrors({ [field]: described.text });
        setErrorDetails(described.technical ? { [field]: described.technical } : {});
        focusFirst({ [field]: described.text });
      } else {
        setFormError(described);
      }
    } finally {
      setBusy(false);
    }
  }

  const invalid = (field: OrganisationField) => (errors[field] ? true : undefined);
  const describedBy = (field: OrganisationField, note?: string) =>
    [note, errors[field] ? errorId(field) : null].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: OrganisationField) => (
    <FieldError id={errorId(field)} message={errors[field]} technical={errorDetails[field]} testId={`org-error-${field}`} />
  );

  const coordinatorCentreNote =
    user.role === 'centre_coordinator'
      ? creating
        ? `L'entreprise travaillera avec votre centre, ${user.organisation.name}.`
        : draft.centre_ids.includes(user.organisation.id)
          ? `L'entreprise travaille avec votre centre, ${user.organisation.name}${
              draft.centre_ids.length > 1 ? `, et avec ${draft.centre_ids.length - 1} autre(s) centre(s)` : ''
            }.`
          : "L'entreprise ne travaille pas avec votre centre."
      : null;

  return (
    <form onSubmit={submit} noValidate data-testid="org-form" aria-label={creating ? 'Nouvelle organisation' : "Modifier l'organisation"}>
      {formError && (
        <p role="alert" className="alert alert--error" data-testid="org-form-error" title={formError.technical ?? undefined}>
          {formError.text}
        </p>
      )}
      {saved && !formError && (
        <p role="status" className="alert alert--success" data-testid="org-saved">
          Modifications enregistrées.
        </p>
      )}
      <div className="form-grid">
        <div className="field">
          {creating && kinds.length > 1 ? (
            <>
              <label htmlFor={inputId('kind')}>Type d'organisation</label>
              <select
                id={inputId('kind')}
                value={draft.kind}
                onChange={(e) => set('kind', e.target.value as OrganisationDraft['kind'])}
                aria-invalid={invalid('kind')}
                aria-describedby={describedBy('kind')}
                required
                data-testid="org-kind"
              >
                <option value="">— Choisir un type —</option>
                {ORGANISATION_KINDS.filter((k) => kinds.includes(k.id)).map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.label}
                  </option>
                ))}
              </select>
            </>
          ) : (
            <>
              <span className="field__label">Type d'organisation</span>
              <span data-testid="org-kind-fixed">{kindLabel(draft.kind || (original?.kind ?? ''))}</span>
            </>
          )}
          {fieldError('kind')}
        </div>
        <div className="field">
          <label htmlFor={inputId('name')}>Nom</label>
          <input
            id={inputId('name')}
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
            maxLength={200}
            autoComplete="off"
            aria-invalid={invalid('name')}
            aria-describedby={describedBy('name')}
            required
            data-testid="org-name"
          />
          {fieldError('name')}
        </div>

        {kind === 'centre' && (
          <>
            <div className="field">
              <label htmlFor={inputId('region')}>Région</label>
              <select
                id={inputId('region')}
                value={draft.region}
                onChange={(e) => set('region', e.target.value)}
                aria-invalid={invalid('region')}
                aria-describedby={describedBy('region')}
                required
                data-testid="org-region"
              >
                <option value="">— Choisir une région —</option>
                {REGIONS.map((r) => (
                  <option key={r.code} value={r.name}>
                    {r.name}
                  </option>
                ))}
              </select>
              {fieldError('region')}
            </div>
            <div className="field">
              <label htmlFor={inputId('departements')}>Départements</label>
              <input
                id={inputId('departements')}
                value={draft.departements}
                onChange={(e) => set('departements', e.target.value)}
                placeholder="69, 01, 2A, 974"
                autoComplete="off"
                spellCheck={false}
                aria-invalid={invalid('departements')}
                aria-describedby={describedBy('departements', 'org-departements-note')}
                required
                data-testid="org-departements"
              />
              <p id="org-departements-note" className="field__note muted">
                Codes séparés par des virgules : deux chiffres, 2A, 2B, ou 971 à 976 outre-mer.
              </p>
              {fieldError('departements')}
            </div>
          </>
        )}

        {kind === 'company' && (
          <>
            <div className="field">
              <label htmlFor={inputId('siret')}>SIRET</label>
              <input
                id={inputId('siret')}
                value={draft.siret}
                onChange={(e) => set('siret', e.target.value)}
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                placeholder="123 456 789 00012"
                aria-invalid={invalid('siret')}
                aria-describedby={describedBy('siret', 'org-siret-note')}
                required
                data-testid="org-siret"
              />
              <p id="org-siret-note" className="field__note muted">
                14 chiffres : le SIREN de l'entreprise suivi du numéro de l'établissement.
              </p>
              {fieldError('siret')}
            </div>
            <div className="field field--wide">
              <label htmlFor={inputId('address')}>
                Adresse <span className="muted">(facultatif)</span>
              </label>
              <textarea
                id={inputId('address')}
                rows={3}
                value={draft.address}
                onChange={(e) => set('address', e.target.value)}
                maxLength={1000}
                aria-invalid={invalid('address')}
                aria-describedby={describedBy('address')}
                data-testid="org-address"
              />
              {fieldError('address')}
            </div>
            {chooseCentres ? (
              <fieldset
                className="field--wide fieldset"
                id={inputId('centre_ids')}
                tabIndex={-1}
                aria-invalid={invalid('centre_ids')}
                aria-describedby={describedBy('centre_ids')}
                data-testid="org-centres"
              >
                <legend>Centres avec lesquels l'entreprise travaille</legend>
                {centres === null && !centresError && <p className="muted">Chargement des centres…</p>}
                {centresError && <p className="field__error">Liste des centres indisponible. {centresError}</p>}
                {centres && centres.length === 0 && <p className="muted">Aucun centre pour le moment.</p>}
                {centres && centres.length > 0 && (
                  <div className="check-list">
                    {centres
                      .filter((c) => c.active || draft.centre_ids.includes(c.id))
                      .map((c) => (
                        <label key={c.id} className="checkbox">
                          <input
                            type="checkbox"
                            checked={draft.centre_ids.includes(c.id)}
                            onChange={(e) => toggleCentre(c.id, e.target.checked)}
                          />{' '}
                          {c.name}
                          {!c.active && <span className="muted"> (désactivé)</span>}
                        </label>
                      ))}
                  </div>
                )}
                {fieldError('centre_ids')}
              </fieldset>
            ) : (
              <div className="field field--wide">
                <span className="field__label">Centres avec lesquels l'entreprise travaille</span>
                <p className="field__note" data-testid="org-centres-note">
                  {coordinatorCentreNote}
                </p>
              </div>
            )}
          </>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="org-submit">
          {busy ? 'Enregistrement…' : creating ? "Créer l'organisation" : 'Enregistrer'}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Annuler
          </button>
        )}
      </div>
    </form>
  );
}
