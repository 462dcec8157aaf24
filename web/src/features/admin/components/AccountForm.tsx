import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { isAbort } from '../../../shared/api/client';
import { accountApi, organisationApi } from '../adminApi';
import {
  ACCOUNT_FIELDS,
  COLLEGE_CHOICES,
  ROLE_ORGANISATION_KIND,
  accountFieldOf,
  accountPatch,
  accountRequest,
  accountValues,
  creatableRoles,
  draftFromAccount,
  emptyAccountDraft,
  kindLabel,
  needsCollege,
  organisationsForRole,
  validateAccountDraft,
} from '../administration';
import type { Account, CreatedAccount, Organisation } from '../adminTypes';
import { describeError, reportError } from '../../../shared/errors/errors';
import { roleLabel } from '../../../shared/format/labels';
import type { User } from '../../../shared/api/types';
import { useDraftForm } from '../../../shared/hooks/useDraftForm';
import { useOnChange } from '../../../shared/hooks/useOnChange';
import { FormActions, FormAlerts, FormField } from '../../../shared/ui/FormParts';
import { Options } from '../../../shared/ui/Options';

const COLLEGE_OPTIONS = COLLEGE_CHOICES.map((c) => ({ value: c.id, label: c.label }));

/**
 * The form of an account: "Nouveau compte" (no `original`: login, name,
 * e-mail, role, college, organisation; the server e-mails the invitation) or
 * the edit form of an existing account (the login never changes). The roles
 * and organisations offered are those the user may give.
 */
export function AccountForm({
  user,
  original,
  initialOrganisationId,
  onCreated,
  onSaved,
  onCancel,
}: {
  user: User;
  original?: Account;
  initialOrganisationId?: string;
  onCreated?: (created: CreatedAccount) => void;
  onSaved?: (account: Account) => void;
  onCancel?: () => void;
}) {
  const creating = !original;
  const form = useDraftForm({
    initial: () => (original ? draftFromAccount(original) : emptyAccountDraft(initialOrganisationId ?? '')),
    source: original,
    fields: ACCOUNT_FIELDS,
    prefix: 'account',
  });
  const { draft, setDraft } = form;
  // The organisations of the kind the chosen role belongs to, loaded on demand.
  const [organisations, setOrganisations] = useState<Record<string, Organisation[]>>({});
  const [organisationsError, setOrganisationsError] = useState<string | null>(null);

  const roles = useMemo(() => {
    const allowed = creatableRoles(user);
    return original && !allowed.includes(original.role) ? [original.role, ...allowed] : allowed;
  }, [user, original]);
  const kind = draft.role ? ROLE_ORGANISATION_KIND[draft.role] : undefined;
  const loaded = kind ? organisations[kind] : undefined;
  // Another kind asked for: a new try, without the last failure.
  useOnChange(kind, () => setOrganisationsError(null));

  useEffect(() => {
    if (!kind || organisations[kind]) return;
    const controller = new AbortController();
    organisationApi.listAll({ kind, active: 'true' }, controller.signal).then(
      (list) =>
        setOrganisations((all) => ({ ...all, [kind]: [...list].sort((a, b) => a.name.localeCompare(b.name, 'fr')) })),
      (err: unknown) => {
        if (!isAbort(err)) setOrganisationsError(describeError(err, { operation: 'list' }).text);
      },
    );
    return () => controller.abort();
  }, [kind, organisations]);

  const choices = useMemo(() => {
    const allowed = loaded ? organisationsForRole(user, draft.role, loaded) : [];
    // The account's own organisation stays shown, even if the user could not choose it.
    if (original && draft.role === original.role && !allowed.some((o) => o.id === original.organisation.id)) {
      return [{ id: original.organisation.id, name: original.organisation.name }, ...allowed];
    }
    return allowed;
  }, [loaded, user, draft.role, original]);

  // One possible organisation: it is chosen; a choice the new role does not allow is dropped.
  useEffect(() => {
    if (!loaded) return;
    if (choices.length === 1 && draft.organisation_id !== choices[0]!.id) {
      setDraft((d) => ({ ...d, organisation_id: choices[0]!.id }));
    } else if (draft.organisation_id && choices.length > 1 && !choices.some((o) => o.id === draft.organisation_id)) {
      setDraft((d) => ({ ...d, organisation_id: '' }));
    }
  }, [loaded, choices, draft.organisation_id, setDraft]);

  const submit = (event: FormEvent) =>
    form.submit(event, {
      validate: () => validateAccountDraft(draft, creating),
      save: async () => {
        if (original) {
          const patch = accountPatch(original, draft);
          const result = Object.keys(patch).length > 0 ? await accountApi.update(original.id, patch) : original;
          form.markSaved();
          onSaved?.(result);
        } else {
          const created = await accountApi.create(accountRequest(draft));
          form.setDraft(emptyAccountDraft(initialOrganisationId ?? ''));
          onCreated?.(created);
        }
      },
      describe: (err) => reportError(err, { operation: 'account', values: accountValues(draft) }),
      fieldOf: (described) => {
        const field = accountFieldOf(described.field);
        // The login shows only when creating, the college only for the roles that have one.
        if (field === 'login' && !creating) return null;
        if (field === 'college' && !needsCollege(draft.role)) return null;
        return field;
      },
    });

  const organisationPrompt = !draft.role
    ? "— Choisir d'abord le rôle —"
    : !loaded && !organisationsError
      ? 'Chargement…'
      : choices.length === 0
        ? `— Aucune organisation (${kindLabel(kind ?? '').toLowerCase()}) —`
        : '— Choisir une organisation —';

  return (
    <form onSubmit={submit} noValidate data-testid="account-form" aria-label={creating ? 'Nouveau compte' : 'Modifier le compte'}>
      <FormAlerts formError={form.formError} saved={form.saved} testIdPrefix="account" />
      <div className="form-grid">
        {creating && (
          <FormField label="Identifiant" note="Sans espace ; il ne pourra plus être changé." {...form.field('login')}>
            <input
              {...form.bind('login')}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={200}
              required
              data-testid="account-login"
            />
          </FormField>
        )}
        <FormField label="Nom affiché" {...form.field('display_name')}>
          <input
            {...form.bind('display_name')}
            autoComplete="off"
            maxLength={200}
            placeholder="Prénom Nom"
            required
            data-testid="account-display-name"
          />
        </FormField>
        <FormField label="Adresse e-mail" {...form.field('email')}>
          <input
            type="email"
            {...form.bind('email')}
            autoComplete="off"
            spellCheck={false}
            required
            data-testid="account-email"
          />
        </FormField>
        <FormField label="Rôle" {...form.field('role')}>
          <select {...form.bind('role')} required data-testid="account-role">
            <Options prompt="— Choisir un rôle —" choices={roles.map((r) => ({ value: r, label: roleLabel(r) }))} />
          </select>
        </FormField>
        {needsCollege(draft.role) && (
          <FormField label="Collège" {...form.field('college')}>
            <select {...form.bind('college')} required data-testid="account-college">
              <Options prompt="— Choisir un collège —" choices={COLLEGE_OPTIONS} />
            </select>
          </FormField>
        )}
        <FormField
          label="Organisation"
          {...form.field('organisation_id')}
          describedBy={[organisationsError ? 'account-organisations-load' : null]}
          after={
            organisationsError && (
              <p className="field__error" id="account-organisations-load">
                Liste des organisations indisponible. {organisationsError}
              </p>
            )
          }
        >
          <select
            {...form.bind('organisation_id')}
            disabled={!draft.role || (!loaded && !organisationsError)}
            required
            data-testid="account-organisation"
          >
            <Options prompt={organisationPrompt} choices={choices.map((o) => ({ value: o.id, label: o.name }))} />
          </select>
        </FormField>
      </div>
      <FormActions
        busy={form.busy}
        label={creating ? "Créer le compte et envoyer l'invitation" : 'Enregistrer'}
        testId="account-submit"
        onCancel={onCancel}
      />
    </form>
  );
}
