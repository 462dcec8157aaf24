import { useState } from 'react';
import { Link } from 'react-router-dom';
import { accountApi, organisationApi } from '../adminApi';
import {
  ACCOUNT_STATUSES,
  ROLE_ORDER,
  accountPath,
  creatableRoles,
  deliveryMessage,
  organisationPath,
  roleWithCollege,
} from '../administration';
import type { Account, CreatedAccount, Organisation } from '../adminTypes';
import { AccountForm } from '../components/AccountForm';
import { AccountStatusBadge } from '../components/AdminBadges';
import { FilterBar, SearchFilter, SelectFilter } from '../../../shared/ui/Filters';
import { PagedTable } from '../../../shared/ui/PagedTable';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { Panel } from '../../../shared/ui/Panel';
import { formatDateTime } from '../../../shared/format/format';
import { roleLabel } from '../../../shared/format/labels';
import { useSession } from '../../../app/session';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { usePagedList } from '../../../shared/hooks/usePagedList';
import { useUrlFilters } from '../../../shared/hooks/useUrlFilters';
import { useApiResource } from '../../../shared/hooks/useApiResource';

const PAGE_SIZE = 25;

// URL query parameters (shareable, kept by the back button); the search is q.
const P_ORGANISATION = 'organisation';
const P_ROLE = 'role';
const P_STATUS = 'statut';
/** nouveau=1 opens the "Nouveau compte" form (the organisation page links to it). */
const P_NEW = 'nouveau';

const ROLE_OPTIONS = ROLE_ORDER.map((r) => ({ value: r, label: roleLabel(r) }));
const STATUS_OPTIONS = ACCOUNT_STATUSES.map((s) => ({ value: s.id, label: s.label }));

/** The accounts the user administers: a filterable, paginated table and the "Nouveau compte" form. */
export function AccountsPage() {
  usePageTitle('Comptes');
  const { user } = useSession();
  const filters = useUrlFilters();
  const organisationId = filters.get(P_ORGANISATION);
  const role = filters.get(P_ROLE);
  const status = filters.get(P_STATUS);
  const q = filters.q;
  const creating = filters.get(P_NEW) === '1';

  const [created, setCreated] = useState<CreatedAccount | null>(null);
  const list = usePagedList<Account>(
    JSON.stringify([organisationId, role, status, q]),
    (cursor, signal) =>
      accountApi.list({ organisation_id: organisationId, role, status, q, limit: PAGE_SIZE, cursor }, signal),
    { operation: 'list', values: { q } },
  );
  const canCreate = creatableRoles(user).length > 0;
  const setNew = (open: boolean) => filters.set(P_NEW, open ? '1' : '', true);

  // The organisations of the filter (every state: a deactivated one still has accounts).
  const { data: organisations } = useApiResource<Organisation[]>(
    (signal) =>
      organisationApi.listAll({ active: 'all' }, signal).then(
        (all) => [...all].sort((a, b) => a.name.localeCompare(b.name, 'fr')),
        () => [],
      ),
    [],
  );

  function onCreated(result: CreatedAccount) {
    setCreated(result);
    setNew(false);
    list.reload();
  }

  if (!user) return null;
  const filterOrganisationKnown = !organisationId || organisations === null || organisations.some((o) => o.id === organisationId);
  return (
    <>
      <PageTitle
        title="Comptes"
        subtitle={
          user.role === 'centre_coordinator'
            ? 'Les comptes de votre centre et des entreprises qui travaillent avec lui.'
            : user.role === 'gtp_admin'
              ? 'Les comptes du GTP Certifications.'
              : 'Tous les comptes de la plateforme.'
        }
      >
        {canCreate && !creating && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setCreated(null);
              setNew(true);
            }}
            data-testid="account-new"
          >
            Nouveau compte
          </button>
        )}
      </PageTitle>

      {created && (
        <div
          role="status"
          className={`alert ${created.invitation.delivery === 'log' ? 'alert--info' : 'alert--success'}`}
          data-testid="account-created"
        >
          <p>
            Compte créé : <Link to={accountPath(created.user.id)}>{created.user.display_name}</Link> (identifiant{' '}
            {created.user.login}).
          </p>
          <p data-testid="invitation-delivery" data-delivery={created.invitation.delivery}>
            {deliveryMessage(created.invitation.delivery, created.user.email)}
            {created.invitation.expires_at && ` Le lien est valable jusqu'au ${formatDateTime(created.invitation.expires_at)}.`}
          </p>
        </div>
      )}

      {creating && canCreate && (
        <Panel id="account-new-title" title="Nouveau compte">
          <p className="muted">
            La personne reçoit par e-mail un lien pour choisir son mot de passe ; le lien est valable 72 heures.
          </p>
          <AccountForm
            user={user}
            initialOrganisationId={organisationId || undefined}
            onCreated={onCreated}
            onCancel={() => setNew(false)}
          />
        </Panel>
      )}

      <FilterBar label="Filtrer les comptes" onReset={filters.reset}>
        <SelectFilter
          id="f-account-organisation"
          label="Organisation"
          {...filters.bind(P_ORGANISATION)}
          allLabel="Toutes les organisations"
          extra={!filterOrganisationKnown && <option value={organisationId}>Organisation choisie</option>}
          options={(organisations ?? []).map((o) => ({ value: o.id, label: `${o.name}${o.active ? '' : ' (désactivée)'}` }))}
        />
        <SelectFilter id="f-account-role" label="Rôle" {...filters.bind(P_ROLE)} allLabel="Tous les rôles" options={ROLE_OPTIONS} />
        <SelectFilter id="f-account-status" label="Statut" {...filters.bind(P_STATUS)} allLabel="Tous les statuts" options={STATUS_OPTIONS} />
        <SearchFilter id="f-account-q" label="Recherche" placeholder="Nom, identifiant, adresse e-mail…" {...filters.searchBox} />
      </FilterBar>

      <PagedTable
        list={list}
        caption="Comptes"
        columns={['Nom', 'Identifiant', 'Adresse e-mail', 'Rôle', 'Organisation', 'Statut']}
        empty="Aucun compte ne correspond à ces critères."
        loadingText="Chargement des comptes…"
        testIdPrefix="accounts"
        row={(a) => (
          <tr key={a.id} data-testid="account-row" data-account-id={a.id} data-status={a.status} data-role={a.role}>
            <th scope="row">
              <Link to={accountPath(a.id)} data-testid="account-link">
                {a.display_name}
              </Link>
            </th>
            <td>{a.login}</td>
            <td>{a.email}</td>
            <td>{roleWithCollege(a.role, a.college)}</td>
            <td>
              <Link to={organisationPath(a.organisation.id)}>{a.organisation.name}</Link>
            </td>
            <td>
              <AccountStatusBadge status={a.status} />
            </td>
          </tr>
        )}
      />
    </>
  );
}
