import { useEffect, useState, type FormEvent } from 'react';
import { isAbort } from '../../../shared/api/client';
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
} from '../administration';
import type { Organisation } from '../adminTypes';
import { describeError, reportError } from '../../../shared/errors/errors';
import type { User } from '../../../shared/api/types';
import { useDraftForm } from '../../../shared/hooks/useDraftForm';
import { FieldStateError } from '../../../shared/ui/FieldError';
import { FormActions, FormAlerts, FormField } from '../../../shared/ui/FormParts';
import { Options } from '../../../shared/ui/Options';

const REGION_OPTIONS = REGIONS.map((r) => ({ value: r.name, label: r.name }));
/** Codes typed (départements, SIRET): no autofill, no spelling. */
const CODE_INPUT = { autoComplete: 'off', spellCheck: false } as const;

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
  const form = useDraftForm({
    initial: () => (original ? draftFromOrganisation(original) : emptyOrganisationDraft(user)),
    source: original,
    fields: ORGANISATION_FIELDS,
    prefix: 'org',
  });
  const { draft, set } = form;
  const [centres, setCentres] = useState<Organisation[] | null>(null);
  const [centresError, setCentresError] = useState<string | null>(null);
  const chooseCentres = canChooseCentres(user);
  const kind = draft.kind;

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

  function toggleCentre(id: string, checked: boolean) {
    set('centre_ids', checked ? [...draft.centre_ids, id] : draft.centre_ids.filter((c) => c !== id));
  }

  const submit = (event: FormEvent) =>
    form.submit(event, {
      validate: () => validateOrganisationDraft(draft),
      save: async () => {
        if (original) {
          const patch = organisationPatch(original, draft, user);
          const result = Object.keys(patch).length > 0 ? await organisationApi.update(original.id, patch) : original;
          form.markSaved();
          onSaved(result);
        } else {
          onSaved(await organisationApi.create(organisationRequest(draft, user)));
        }
      },
      describe: (err) => reportError(err, { operation: 'organisation', values: organisationValues(draft) }),
      fieldOf: (described) => {
        const field = organisationFieldOf(described.field);
        // The kind is chosen once; the centres only by the administrator.
        if (field === 'kind' || (field === 'centre_ids' && !chooseCentres)) return null;
        return field;
      },
    });

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
  const centresField = form.field('centre_ids');

  return (
    <form onSubmit={submit} noValidate data-testid="org-form" aria-label={creating ? 'Nouvelle organisation' : "Modifier l'organisation"}>
      <FormAlerts formError={form.formError} saved={form.saved} testIdPrefix="org" />
      <div className="form-grid">
        {creating && kinds.length > 1 ? (
          <FormField label="Type d'organisation" {...form.field('kind')}>
            <select {...form.bind('kind')} required data-testid="org-kind">
              <Options
                prompt="— Choisir un type —"
                choices={ORGANISATION_KINDS.filter((k) => kinds.includes(k.id)).map((k) => ({ value: k.id, label: k.label }))}
              />
            </select>
          </FormField>
        ) : (
          <div className="field">
            <span className="field__label">Type d'organisation</span>
            <span data-testid="org-kind-fixed">{kindLabel(draft.kind || (original?.kind ?? ''))}</span>
            <FieldStateError field={form.field('kind')} />
          </div>
        )}
        <FormField label="Nom" {...form.field('name')}>
          <input {...form.bind('name')} maxLength={200} autoComplete="off" required data-testid="org-name" />
        </FormField>

        {kind === 'centre' && (
          <>
            <FormField label="Région" {...form.field('region')}>
              <select {...form.bind('region')} required data-testid="org-region">
                <Options prompt="— Choisir une région —" choices={REGION_OPTIONS} />
              </select>
            </FormField>
            <FormField
              label="Départements"
              note="Codes séparés par des virgules : deux chiffres, 2A, 2B, ou 971 à 976 outre-mer."
              {...form.field('departements')}
            >
              <input {...form.bind('departements')} {...CODE_INPUT} placeholder="69, 01, 2A, 974" required data-testid="org-departements" />
            </FormField>
          </>
        )}

        {kind === 'company' && (
          <>
            <FormField
              label="SIRET"
              note="14 chiffres : le SIREN de l'entreprise suivi du numéro de l'établissement."
              {...form.field('siret')}
            >
              <input {...form.bind('siret')} {...CODE_INPUT} inputMode="numeric" placeholder="123 456 789 00012" required data-testid="org-siret" />
            </FormField>
            <FormField
              label={
                <>
                  Adresse <span className="muted">(facultatif)</span>
                </>
              }
              className="field field--wide"
              {...form.field('address')}
            >
              <textarea rows={3} {...form.bind('address')} maxLength={1000} data-testid="org-address" />
            </FormField>
            {chooseCentres ? (
              <fieldset
                className="field--wide fieldset"
                id={centresField.id}
                tabIndex={-1}
                aria-invalid={centresField.error ? true : undefined}
                aria-describedby={centresField.error ? `${centresField.id}-error` : undefined}
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
                <FieldStateError field={centresField} />
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
      <FormActions
        busy={form.busy}
        label={creating ? "Créer l'organisation" : 'Enregistrer'}
        testId="org-submit"
        onCancel={onCancel}
      />
    </form>
  );
}
