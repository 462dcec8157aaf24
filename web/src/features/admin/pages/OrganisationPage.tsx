import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
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
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { Fact } from '../../../shared/ui/Fact';
import { ActionOutcome, Breadcrumb, RecordLoadFailed } from '../../../shared/ui/RecordPage';
import { OrganisationForm } from '../components/OrganisationForm';
import { SingleSignOnPanel } from '../components/SingleSignOnPanel';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { Panel } from '../../../shared/ui/Panel';
import { reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { formatDateTime } from '../../../shared/format/format';
import { useSession } from '../../../app/session';
import { useCentreNames } from '../useCentreNames';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { useApiResource } from '../../../shared/hooks/useApiResource';

const ACCOUNTS_SHOWN = 10;

/** One organisation: what it is, its edit form, « Désactiver » / « Réactiver », and its accounts. */
export function OrganisationPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { user } = useSession();
  const {
    data: organisation,
    setData: setOrganisation,
    error,
  } = useApiResource<Organisation>((signal) => organisationApi.get(id, signal), [id], {
    context: { operation: 'organisation' },
  });
  const [notice, setNotice] = useState<string | null>(() => (location.state as { notice?: string } | null)?.notice ?? null);
  const [actionError, setActionError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);
  const { data: accounts, error: accountsError } = useApiResource<Page<Account>>(
    (signal) => accountApi.list({ organisation_id: id, limit: ACCOUNTS_SHOWN }, signal),
    [id],
    { context: { operation: 'list' }, clearOnChange: false },
  );
  usePageTitle(organisation?.name ?? 'Organisation');

  const isCompany = organisation?.kind === 'company';
  const centreNames = useCentreNames(isCompany);

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
      <RecordLoadFailed
        breadcrumb={<Breadcrumb to={ORGANISATIONS_PATH} list="Organisations" />}
        title="Organisation"
        error={error}
        testId="organisation-error"
      />
    );
  }
  if (!organisation || !user) return <p aria-live="polite">Chargement de l'organisation…</p>;

  const editable = canEditOrganisation(user, organisation);
  const rolesHere = creatableRoles(user).filter((r) => ROLE_ORGANISATION_KIND[r] === organisation.kind);
  const canAddAccount = organisation.active && rolesHere.length > 0;

  return (
    <>
      <Breadcrumb to={ORGANISATIONS_PATH} list="Organisations" current={organisation.name} />
      <PageTitle title={organisation.name} titleTestId="organisation-title" subtitle={kindLabel(organisation.kind)}>
        <div className="page-title__state">
          <OrganisationStateBadge active={organisation.active} />
        </div>
      </PageTitle>

      <ActionOutcome notice={notice} error={actionError} testIdPrefix="organisation" />

      <Panel id="org-facts-title" title="Informations">
        <dl className="facts" data-testid="organisation-facts">
          {organisation.kind === 'centre' && (
            <>
              <Fact label="Région" testId="organisation-region">
                {regionLabel(organisation.region) ?? '—'}
              </Fact>
              <Fact label="Départements" testId="organisation-departements">
                {formatDepartements(organisation.departements) || '—'}
              </Fact>
            </>
          )}
          {organisation.kind === 'company' && (
            <>
              <Fact label="SIRET" testId="organisation-siret">
                {formatSiret(organisation.siret) || '—'}
              </Fact>
              <Fact label="Adresse" className="pre-wrap">
                {organisation.address || '—'}
              </Fact>
              <Fact label="Centres avec lesquels elle travaille" testId="organisation-centres">
                {organisation.centre_ids.length === 0
                  ? '—'
                  : organisation.centre_ids
                      .map((c) => centreNames.get(c) ?? (c === user.organisation.id ? user.organisation.name : 'Autre centre'))
                      .join(', ')}
              </Fact>
            </>
          )}
          <Fact label="Créée le">{formatDateTime(organisation.created_at)}</Fact>
          <Fact label="Mise à jour">{formatDateTime(organisation.updated_at)}</Fact>
        </dl>
      </Panel>

      {editable && (
        <Panel id="org-edit-title" title="Modifier">
          <OrganisationForm user={user} original={organisation} onSaved={(o) => { setOrganisation(o); setNotice(null); }} />
        </Panel>
      )}

      {editable && (
        <Panel id="org-state-title" title={organisation.active ? 'Désactiver' : 'Réactiver'}>
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
        </Panel>
      )}

      {user.role === 'admin' && organisation.active && <SingleSignOnPanel organisationId={organisation.id} />}

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
        <ErrorAlert error={accountsError} />
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
