import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { organisationApi } from '../adminApi';
import {
  ORGANISATION_KINDS,
  ORGANISATION_STATE_FILTERS,
  activeFilterOf,
  creatableKinds,
  kindLabel,
  organisationPath,
  organisationSummary,
} from '../administration';
import type { Organisation } from '../adminTypes';
import { OrganisationStateBadge } from '../components/AdminBadges';
import { FilterBar, SearchFilter, SelectFilter } from '../../../shared/ui/Filters';
import { OrganisationForm } from '../components/OrganisationForm';
import { PagedTable } from '../../../shared/ui/PagedTable';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { Panel } from '../../../shared/ui/Panel';
import { formatShortDateTime } from '../../../shared/format/format';
import { useSession } from '../../../app/session';
import { useCentreNames } from '../useCentreNames';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { usePagedList } from '../../../shared/hooks/usePagedList';
import { useUrlFilters } from '../../../shared/hooks/useUrlFilters';

const PAGE_SIZE = 25;

// URL query parameters (shareable, kept by the back button); the search is q.
const P_KIND = 'type';
const P_STATE = 'etat';

const KIND_OPTIONS = ORGANISATION_KINDS.map((k) => ({ value: k.id, label: k.plural }));
const STATE_OPTIONS = ORGANISATION_STATE_FILTERS.map((f) => ({ value: f.id, label: f.label }));

/** The organisations the user administers: a filterable, paginated table and the "Nouvelle organisation" form. */
export function OrganisationsPage() {
  usePageTitle('Organisations');
  const { user } = useSession();
  const navigate = useNavigate();
  const filters = useUrlFilters();
  const kind = filters.get(P_KIND);
  const state = filters.get(P_STATE);
  const q = filters.q;
  const active = activeFilterOf(state);

  const [creating, setCreating] = useState(false);
  const list = usePagedList<Organisation>(
    JSON.stringify([kind, active, q]),
    (cursor, signal) => organisationApi.list({ kind, active, q, limit: PAGE_SIZE, cursor }, signal),
    { operation: 'list', values: { q } },
  );
  const kinds = creatableKinds(user);

  // The centres' names, for the companies' "Centres" column.
  const centreNames = useCentreNames();

  if (!user) return null;
  return (
    <>
      <PageTitle
        title="Organisations"
        subtitle={
          user.role === 'centre_coordinator'
            ? 'Votre centre et les entreprises qui travaillent avec lui.'
            : user.role === 'admin'
              ? 'Centres de certification, entreprises, GTP Certifications et plateforme.'
              : 'Votre organisation.'
        }
      >
        {kinds.length > 0 && !creating && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="org-new">
            Nouvelle organisation
          </button>
        )}
      </PageTitle>

      {creating && (
        <Panel id="org-new-title" title="Nouvelle organisation">
          <OrganisationForm
            user={user}
            onCancel={() => setCreating(false)}
            onSaved={(organisation) =>
              navigate(organisationPath(organisation.id), { state: { notice: 'Organisation créée.' } })
            }
          />
        </Panel>
      )}

      <FilterBar label="Filtrer les organisations" onReset={filters.reset}>
        <SelectFilter id="f-org-kind" label="Type" {...filters.bind(P_KIND)} allLabel="Tous les types" options={KIND_OPTIONS} />
        <SelectFilter id="f-org-state" label="État" {...filters.bind(P_STATE)} options={STATE_OPTIONS} />
        <SearchFilter id="f-org-q" label="Recherche" placeholder="Nom, SIRET, département…" {...filters.searchBox} />
      </FilterBar>

      <PagedTable
        list={list}
        caption="Organisations"
        columns={['Nom', 'Type', 'Territoire ou SIRET', 'Centres', 'État', 'Mise à jour']}
        empty="Aucune organisation ne correspond à ces critères."
        loadingText="Chargement des organisations…"
        testIdPrefix="organisations"
        row={(o) => (
          <tr key={o.id} data-testid="organisation-row" data-organisation-id={o.id} data-kind={o.kind}>
            <th scope="row">
              <Link to={organisationPath(o.id)} data-testid="organisation-link">
                {o.name}
              </Link>
            </th>
            <td>{kindLabel(o.kind)}</td>
            <td>{organisationSummary(o) || <span className="muted">—</span>}</td>
            <td>
              {o.kind === 'company' && o.centre_ids.length > 0 ? (
                o.centre_ids.map((id) => centreNames.get(id) ?? 'Autre centre').join(', ')
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td>
              <OrganisationStateBadge active={o.active} />
            </td>
            <td>
              <time dateTime={o.updated_at}>{formatShortDateTime(o.updated_at)}</time>
            </td>
          </tr>
        )}
      />
    </>
  );
}
