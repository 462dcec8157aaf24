import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { isAbort } from '../api';
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
  type AccountDraft,
  type AccountField,
} from '../administration';
import type { Account, CreatedAccount, Organisation } from '../adminTypes';
import { describeError, reportError, type ErrorDescription } from '../errors';
import { roleLabel } from '../labels';
import type { User } from '../types';
import { FieldError } from './FieldError';

const inputId = (field: AccountField) => `account-${field}`;
const errorId = (field: AccountField) => `account-${field}-error`;

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
  const [draft, setDraft] = useState<AccountDraft>(() =>
    original ? draftFromAccount(original) : emptyAccountDraft(initialOrganisationId ?? ''),
  );
  const [errors, setErrors] = useState<Partial<Record<AccountField, string>>>({});
  const [errorDetails, setErrorDetails] = useState<Partial<Record<AccountField, string>>>({});
  const [formError, setFormError] = useState<ErrorDescription | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  // The organisations of the kind the chosen role belongs to, loaded on demand.
  const [organisations, setOrganisations] = useState<Record<string, Organisation[]>>({});
  const [organisationsError, setOrganisationsError] = useState<string | null>(null);

  const roles = useMemo(() => {
    const allowed = creatableRoles(user);
    return original && !allowed.includes(original.role) ? [original.role, ...allowed] : allowed;
  }, [user, original]);
  const kind = draft.role ? ROLE_ORGANISATION_KIND[draft.role] : undefined;
  const loaded = kind ? organisations[kind] : undefined;

  useEffect(() => {
    if (original) setDraft(draftFromAccount(original));
  }, [original]);

  useEffect(() => {
    if (!kind || organisations[kind]) return;
    const controller = new AbortController();
    setOrganisationsError(null);
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
  }, [loaded, choices, draft.organisation_id]);

  function set<K extends keyof AccountDraft>(key: K, value: AccountDraft[K]) {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
  }

  function focusFirst(found: Partial<Record<AccountField, string>>) {
    const first = ACCOUNT_FIELDS.find((f) => found[f]);
    if (first) requestAnimationFrame(() => document.getElementById(inputId(first))?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    setErrorDetails({});
    setSaved(false);
    const found = validateAccountDraft(draft, creating);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    setBusy(true);
    try {
      if (original) {
        const patch = accountPatch(original, draft);
        const result = Object.keys(patch).length > 0 ? await accountApi.update(original.id, patch) : original;
        setSaved(true);
        onSaved?.(result);
      } else {
        const created = await accountApi.create(accountRequest(draft));
        setDraft(emptyAccountDraft(initialOrganisationId ?? ''));
        onCreated?.(created);
      }
    } catch (err) {
      const described = reportError(err, { operation: 'account', values: accountValues(draft) });
      const field = accountFieldOf(described.field);
      const shown = field && (field !== 'login' || creating) && (field !== 'college' || needsCollege(draft.role));
      if (field && shown) {
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

  const invalid = (field: AccountField) => (errors[field] ? true : undefined);
  const describedBy = (field: AccountField, note?: string) =>
    [note, errors[field] ? errorId(field) : null].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: AccountField) => (
    <FieldError id={errorId(field)} message={errors[field]} technical={errorDetails[field]} testId={`account-error-${field}`} />
  );

  return (
    <form onSubmit={submit} noValidate data-testid="account-form" aria-label={creating ? 'Nouveau compte' : 'Modifier le compte'}>
      {formError && (
        <p role="alert" className="alert alert--error" data-testid="account-form-error" title={formError.technical ?? undefined}>
          {formError.text}
        </p>
      )}
      {saved && !formError && (
        <p role="status" className="alert alert--success" data-testid="account-saved">
          Modifications enregistrées.
        </p>
      )}
      <div className="form-grid">
        {creating && (
          <div className="field">
            <label htmlFor={inputId('login')}>Identifiant</label>
            <input
              id={inputId('login')}
              value={draft.login}
              onChange={(e) => set('login', e.target.value)}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={200}
              aria-invalid={invalid('login')}
              aria-describedby={describedBy('login', 'account-login-note')}
              required
              data-testid="account-login"
            />
            <p id="account-login-note" className="field__note muted">
              Sans espace ; il ne pourra plus être changé.
            </p>
            {fieldError('login')}
          </div>
        )}
        <div className="field">
          <label htmlFor={inputId('display_name')}>Nom affiché</label>
          <input
            id={inputId('display_name')}
            value={draft.display_name}
            onChange={(e) => set('display_name', e.target.value)}
            autoComplete="off"
            maxLength={200}
            placeholder="Prénom Nom"
            aria-invalid={invalid('display_name')}
            aria-describedby={describedBy('display_name')}
            required
            data-testid="account-display-name"
          />
          {fieldError('display_name')}
        </div>
        <div className="field">
          <label htmlFor={inputId('email')}>Adresse e-mail</label>
          <input
            id={inputId('email')}
            type="email"
            value={draft.email}
            onChange={(e) => set('email', e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={invalid('email')}
            aria-describedby={describedBy('email')}
            required
            data-testid="account-email"
          />
          {fieldError('email')}
        </div>
        <div className="field">
          <label htmlFor={inputId('role')}>Rôle</label>
          <select
            id={inputId('role')}
            value={draft.role}
            onChange={(e) => set('role', e.target.value)}
            aria-invalid={invalid('role')}
            aria-describedby={describedBy('role')}
            required
            data-testid="account-role"
          >
            <option value="">— Choisir un rôle —</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
          {fieldError('role')}
        </div>
        {needsCollege(draft.role) && (
          <div className="field">
            <label htmlFor={inputId('college')}>Collège</label>
            <select
              id={inputId('college')}
              value={draft.college}
              onChange={(e) => set('college', e.target.value as AccountDraft['college'])}
              aria-invalid={invalid('college')}
              aria-describedby={describedBy('college')}
              required
              data-testid="account-college"
            >
              <option value="">— Choisir un collège —</option>
              {COLLEGE_CHOICES.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
            {fieldError('college')}
          </div>
        )}
        <div className="field">
          <label htmlFor={inputId('organisation_id')}>Organisation</label>
          <select
            id={inputId('organisation_id')}
            value={draft.organisation_id}
            onChange={(e) => set('organisation_id', e.target.value)}
            aria-invalid={invalid('organisation_id')}
            aria-describedby={describedBy('organisation_id', organisationsError ? 'account-organisations-load' : undefined)}
            disabled={!draft.role || (!loaded && !organisationsError)}
            required
            data-testid="account-organisation"
          >
            <option value="">
              {!draft.role
                ? "— Choisir d'abord le rôle —"
                : !loaded && !organisationsError
                  ? 'Chargement…'
                  : choices.length === 0
                    ? `— Aucune organisation (${kindLabel(kind ?? '').toLowerCase()}) —`
                    : '— Choisir une organisation —'}
            </option>
            {choices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          {organisationsError && (
            <p className="field__error" id="account-organisations-load">
              Liste des organisations indisponible. {organisationsError}
            </p>
          )}
          {fieldError('organisation_id')}
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="account-submit">
          {busy ? 'Enregistrement…' : creating ? "Créer le compte et envoyer l'invitation" : 'Enregistrer'}
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
