import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { isAbort } from '../api';
import { accountApi, organisationApi } from '../adminApi';
import {
  ORGANISATIONS_PATH,
  ROLE_ORGANISATION_KIND,
  accountPath,
  accountsOfOrganisationPath,
  canEditOrganisation,
  creatableRoles,
  formatDepartements,
  formatSiret,
  kindLabel,
  newAccountInOrganisationPath,
  regionLabel,
  roleWithCollege,
} from '../administration';
import type { Account, Organisation, Page } from '../adminTypes';
import { AccountStatusBadge, OrganisationStateBadge } from '../components/AdminBadges';
import { OrganisationForm } from '../components/OrganisationForm';
import { reportError, type ErrorDescription } from '../errors';
import { formatDateTime } from '../format';
import { useSession } from '../session';
import { usePageTitle } from '../usePageTitle';

const ACCOUNTS_SHOWN = 10;

/** One organisation: what it is, its edit form, « Désactiver » / « Réactiver », and its accounts. */
export function OrganisationPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { user } = useSession();
  const [organisation, setOrganisation] = useState<Organisation | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [notice, setNotice] = useState<string | null>(() => (location.state as { notice?: string } | null)?.notice ?? null);
  const [actionError, setActionError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);
  const [accounts, setAccounts] = useState<Page<Account> | null>(null);
  const [accountsError, setAccountsError] = useState<ErrorDescription | null>(null);
  const [centres, setCentres] = useState<Organisation[]>([]);
  usePageTitle(organisation?.name ?? 'Organisation');

  useEffect(() => {
    const controller = new AbortController();
    setOrganisation(null);
    setError(null);
    organisationApi.get(id, controller.signal).then(setOrganisation, (err: unknown) => {
      if (!isAbort(err)) setError(reportError(err, { operation: 'organisation' }));
    });
    accountApi.list({ organisation_id: id, limit: ACCOUNTS_SHOWN }, controller.signal).then(setAccounts, (err: unknown) => {
      if (!isAbort(err)) setAccountsError(reportError(err, { operation: 'list' }));
    });
    return () => controller.abort();
  }, [id]);

  const isCompany = organisation?.kind === 'company';
  useEffect(() => {
    if (!isCompany) return;
    const controller = new AbortController();
    organisationApi.listAll({ kind: 'centre', active: 'all' }, controller.signal).then(setCentres, (err: unknown) => {
      if (!isAbort(err)) setCentres([]);
    });
    return () => controller.abort();
  }, [isCompany]);
  const centreNames = useMemo(() => new Map(centres.map((c) => [c.id, c.name])), [centres]);

  async function setActive(active: boolean) {
    if (!organisation) return;
    setBusy(true);
    setActionError(null);
    setNotice(null);
    try {
      setOrganisation(await organisationApi.update(organisation.id, { active }));
      setNotice(active ? 'Organisation réactivée.' : 'Organisation désactivée.');
    } catch (err) {
      setActionError(reportError(err, { operation: 'organisation' }));
    } finally {
      setBusy(false);
    }
  }

  if (error) {
    return (
      <section>
        <p className="breadcrumb">
          <Link to={ORGANISATIONS_PATH}>Organisations</Link>
        </p>
        <h1>Organisation</h1>
        <p role="alert" className="alert alert--error" data-testid="organisation-error" title={error.technical ?? undefined}>
          {error.text}
        </p>
      </section>
    );
  }
  if (!organisation || !user) return <p aria-live="polite">Chargement de l'organisation…</p>;

  const editable = canEditOrganisation(user, organisation);
  const rolesHere = creatableRoles(user).filter((r) => ROLE_ORGANISATION_KIND[r] === organisation.kind);
  const canAddAccount = organisation.active && rolesHere.length > 0;

  return (
    <>
      <p className="breadcrumb">
        <Link to={ORGANISATIONS_PATH}>Organisations</Link> › {organisation.name}
      </p>
      <div className="page-title">
        <div>
          <h1 data-testid="organisation-title">{organisation.name}</h1>
          <p className="subtitle">{kindLabel(organisation.kind)}</p>
        </div>
        <div className="page-title__state">
          <OrganisationStateBadge active={organisation.active} />
        </div>
      </div>

      {notice && (
        <p role="status" className="alert alert--success" data-testid="organisation-notice">
          {notice}
        </p>
      )}
      {actionError && (
        <p role="alert" className="alert alert--error" data-testid="organisation-action-error" title={actionError.technical ?? undefined}>
          {actionError.text}
        </p>
      )}

      <section className="panel" aria-labelledby="org-facts-title">
        <h2 id="org-facts-title">Informations</h2>
        <dl className="facts" data-testid="organisation-facts">
          {organisation.kind === 'centre' && (
            <>
              <div>
                <dt>Région</dt>
                <dd data-testid="organisation-region">{regionLabel(organisation.region) ?? '—'}</dd>
              </div>
              <div>
                <dt>Départements</dt>
                <dd data-testid="organisation-departements">{formatDepartements(organisation.departements) || '—'}</dd>
              </div>
            </>
          )}
          {organisation.kind === 'company' && (
            <>
              <div>
                <dt>SIRET</dt>
                <dd data-testid="organisation-siret">{formatSiret(organisation.siret) || '—'}</dd>
              </div>
              <div>
                <dt>Adresse</dt>
                <dd className="pre-wrap">{organisation.address || '—'}</dd>
              </div>
              <div>
                <dt>Centres avec lesquels elle travaille</dt>
                <dd data-testid="organisation-centres">
                  {organisation.centre_ids.length === 0
                    ? '—'
                    : organisation.centre_ids.map((c) => centreNames.get(c) ?? (c === user.organisation.id ? user.organisation.name : 'Autre centre')).join(', ')}
                </dd>
              </div>
            </>
          )}
          <div>
            <dt>Créée le</dt>
            <dd>{formatDateTime(organisation.created_at)}</dd>
          </div>
          <div>
            <dt>Mise à jour</dt>
            <dd>{formatDateTime(organisation.updated_at)}</dd>
          </div>
        </dl>
      </section>

      {editable && (
        <section className="panel" aria-labelledby="org-edit-title">
          <h2 id="org-edit-title">Modifier</h2>
          <OrganisationForm user={user} original={organisation} onSaved={(o) => { setOrganisation(o); setNotice(null); }} />
        </section>
      )}

      {editable && (
        <section className="panel" aria-labelledby="org-state-title">
          <h2 id="org-state-title">{organisation.active ? 'Désactiver' : 'Réactiver'}</h2>
          {organisation.active ? (
            <>
              <p className="muted">
                Une organisation désactivée n'est plus proposée dans les listes ; ses dossiers et son historique
                restent consultables.
              </p>
              <button type="button" className="button button--danger" onClick={() => setActive(false)} disabled={busy} data-testid="organisation-deactivate">
                {busy ? 'Désactivation…' : 'Désactiver'}
              </button>
            </>
          ) : (
            <>
              <p className="muted">L'organisation est désactivée : elle n'est plus proposée dans les listes.</p>
              <button type="button" className="button button--primary" onClick={() => setActive(true)} disabled={busy} data-testid="organisation-reactivate">
                {busy ? 'Réactivation…' : 'Réactiver'}
              </button>
            </>
          )}
        </section>
      )}

      <section className="panel" aria-labelledby="org-accounts-title" data-testid="organisation-accounts">
        <div className="section-head">
          <h2 id="org-accounts-title">Comptes de l'organisation</h2>
          <p className="ref-links">
            <Link to={accountsOfOrganisationPath(organisation.id)} data-testid="organisation-accounts-link">
              Voir tous les comptes de l'organisation
            </Link>
            {canAddAccount && (
              <Link to={newAccountInOrganisationPath(organisation.id)} data-testid="organisation-new-account">
                Nouveau compte dans cette organisation
              </Link>
            )}
          </p>
        </div>
        {accountsError && (
          <p role="alert" className="alert alert--error" title={accountsError.technical ?? undefined}>
            {accountsError.text}
          </p>
        )}
        {accounts && accounts.items.length === 0 && <p className="muted">Aucun compte dans cette organisation.</p>}
        {accounts && accounts.items.length > 0 && (
          <ul className="plain-list">
            {accounts.items.map((a) => (
              <li key={a.id} data-testid="organisation-account">
                <Link to={accountPath(a.id)}>{a.display_name}</Link> — {roleWithCollege(a.role, a.college)}{' '}
                <AccountStatusBadge status={a.status} />
              </li>
            ))}
          </ul>
        )}
        {accounts?.next_cursor && (
          <p className="muted">
            Les {ACCOUNTS_SHOWN} premiers comptes sont affichés :{' '}
            <Link to={accountsOfOrganisationPath(organisation.id)}>voir la liste complète</Link>.
          </p>
        )}
      </section>
    </>
  );
}
