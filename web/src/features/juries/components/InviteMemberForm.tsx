import { useState, type FormEvent } from 'react';
import { collegeName, JURY_FIELD_MESSAGES } from '../jury';
import { type ErrorDescription, reportError } from '../../../shared/errors/errors';
import type { JuryMemberCandidate } from '../juryTypes';
import type { OrganisationRef } from '../../../shared/api/types';

/**
 * The coordinator invites a jury member account, picked from the centre's jury members not yet
 * invited, with the company the member comes from (a member never deliberates on a candidate of
 * their own company). Once every one is invited, the form says so instead.
 */
export function InviteMemberForm({
  candidates,
  candidatesLoaded,
  companies,
  onInvite,
}: {
  candidates: JuryMemberCandidate[];
  candidatesLoaded: boolean;
  companies: OrganisationRef[];
  onInvite: (userId: string, companyId: string | null) => Promise<void>;
}) {
  const [userId, setUserId] = useState('');
  const [companyId, setCompanyId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!userId.trim()) {
      setLocalError('Choisissez le membre du jury à convoquer.');
      return;
    }
    setLocalError(null);
    setBusy(true);
    try {
      await onInvite(userId.trim(), companyId || null);
      setUserId('');
      setCompanyId('');
    } catch (err) {
      setError(reportError(err, { fields: JURY_FIELD_MESSAGES }));
    } finally {
      setBusy(false);
    }
  }

  const shown = localError ?? error?.text ?? null;
  if (candidatesLoaded && candidates.length === 0) {
    return (
      <section className="jury-invite" aria-labelledby="jury-invite-title" data-testid="jury-invite-none">
        <h3 id="jury-invite-title">Convoquer un membre</h3>
        <p className="field__note">
          Tous les membres du jury de votre centre sont convoqués à cette session. Un nouveau membre du jury se crée
          dans Administration, avec son collège.
        </p>
      </section>
    );
  }
  return (
    <form className="jury-invite" onSubmit={submit} noValidate aria-labelledby="jury-invite-title" data-testid="jury-invite-form">
      <h3 id="jury-invite-title">Convoquer un membre</h3>
      {shown && (
        <p id="jury-invite-error" role="alert" className="alert alert--error" data-technical={error?.technical ?? undefined}>
          {shown}
        </p>
      )}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="jury-invite-member">Membre du jury</label>
          <select
            id="jury-invite-member"
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
            disabled={!candidatesLoaded}
            aria-invalid={localError ? true : undefined}
            aria-describedby={shown ? 'jury-invite-error' : undefined}
            data-testid="jury-invite-member"
          >
            <option value="">{candidatesLoaded ? 'Choisir un membre…' : 'Chargement des membres…'}</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.display_name} ({collegeName(c.college)})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="jury-invite-company">Entreprise d'origine</label>
          <select
            id="jury-invite-company"
            value={companyId}
            onChange={(e) => setCompanyId(e.target.value)}
            aria-describedby="jury-invite-company-note"
            data-testid="jury-invite-company"
          >
            <option value="">Aucune entreprise</option>
            {companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <p id="jury-invite-company-note" className="field__note">
            Le membre s'abstiendra sur les dossiers des candidats de cette entreprise.
          </p>
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy || !candidatesLoaded} data-testid="jury-invite-submit">
          {busy ? 'Convocation…' : 'Convoquer'}
        </button>
      </div>
    </form>
  );
}
