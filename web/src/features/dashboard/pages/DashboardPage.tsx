import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { FilterBar, SearchFilter, SelectFilter } from '../../../shared/ui/Filters';
import { NewFileForm } from '../../files/components/NewFileForm';
import { PagedTable } from '../../../shared/ui/PagedTable';
import { titleOf, useCqpms } from '../../referentials/cqpmCatalog';
import { CQPMS, PATHWAYS } from '../../../shared/format/labels';
import { useSession, useWorkflow } from '../../../app/session';
import type { FileSummary, FileStats } from '../../files/fileTypes';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { usePagedList } from '../../../shared/hooks/usePagedList';
import { useUrlFilters } from '../../../shared/hooks/useUrlFilters';
import { stateLabel } from '../../files/workflow';
import { useApiResource } from '../../../shared/hooks/useApiResource';
import { TodoPanel } from '../../todo/components/TodoPanel';
import { hasTodoList } from '../../todo/todo';
import { overdueCountLabel } from '../reportDeadline';
import { dashboardApi, filesCsvHref, type DashboardFilters } from '../dashboardApi';
import { nextSort, sortFromUrl, sortToUrl, type SortField } from '../dashboardSort';
import { useFileSelection } from '../useFileSelection';
import { FileRow } from '../components/FileRow';
import { StatButton } from '../components/StatButton';
import { SortHeader } from '../components/SortHeader';
import { BulkActions } from '../components/BulkActions';
import '../dashboard.css';

const PAGE_SIZE = 25;

// URL query parameters of the dashboard (shareable, kept by the back button); the search is q.
const P_STATE = 'etat';
const P_CQPM = 'cqpm';
const P_PATHWAY = 'parcours';
const P_OVERDUE = 'retard';
const P_SORT = 'tri';
const P_ORDER = 'ordre';
const OVERDUE_OPTIONS = [{ value: 'oui', label: 'Rapport en retard' }];
const PATHWAY_OPTIONS = PATHWAYS.map((p) => ({ value: p.id, label: p.label }));

export function DashboardPage() {
  usePageTitle('Tableau de bord');
  const { user } = useSession();
  const workflow = useWorkflow();
  const { cqpms } = useCqpms();
  const navigate = useNavigate();
  const filters = useUrlFilters();
  const state = filters.get(P_STATE);
  const cqpm = filters.get(P_CQPM);
  const pathway = filters.get(P_PATHWAY);
  const q = filters.q;
  // The report deadline has passed and no report is there (the API's overdue=true).
  const overdue = filters.get(P_OVERDUE) === 'oui';
  const sort = sortFromUrl(filters.get(P_SORT), filters.get(P_ORDER));
  const listFilters: DashboardFilters = { state, cqpm, pathway, q, overdue };
  const listKey = JSON.stringify([state, cqpm, pathway, q, overdue, sort]);

  const [creating, setCreating] = useState(false);
  const list = usePagedList<FileSummary>(
    listKey,
    (cursor, signal) => dashboardApi.listFiles(listFilters, sort, { limit: PAGE_SIZE, cursor }, signal),
    { operation: 'list', values: { q, cqpm, pathway, state } },
  );

  // The counts stay until the new ones arrive; none after a failure.
  const { data: stats } = useApiResource<FileStats | null>(
    (signal) => dashboardApi.fileStats({ cqpm, pathway, q }, signal).catch(() => null),
    [cqpm, pathway, q],
    { clearOnChange: false },
  );
  const { data: overdueStats } = useApiResource<FileStats | null>(
    (signal) => dashboardApi.fileStats({ cqpm, pathway, q, overdue: true }, signal).catch(() => null),
    [cqpm, pathway, q],
    { clearOnChange: false },
  );

  // Files ticked for a bulk action, for the filters and sort they were ticked under (a new list starts empty).
  const selection = useFileSelection(listKey);
  const pageItems = list.page?.items ?? [];
  const allPicked = pageItems.length > 0 && pageItems.every((f) => selection.has(f.id));

  const sortBy = (field: SortField) => {
    const { tri, ordre } = sortToUrl(nextSort(sort, field));
    filters.setMany({ [P_SORT]: tri, [P_ORDER]: ordre });
  };
  const stateIds = workflow ? workflow.states.map((s) => s.id) : Object.keys(stats?.by_state ?? {});
  const canCreate = user?.role === 'centre_coordinator';
  const overdueCount = overdueStats?.total;
  const header = (
    <tr>
      {canCreate && (
        <th scope="col" className="select-cell">
          <input
            type="checkbox"
            id="pick-page"
            checked={allPicked}
            disabled={pageItems.length === 0}
            onChange={(e) => selection.toggle(pageItems, e.target.checked)}
            data-testid="pick-page"
          />
          <label htmlFor="pick-page" className="visually-hidden">
            Sélectionner les dossiers de la page
          </label>
        </th>
      )}
      <SortHeader field="name" label="Candidat" sort={sort} onSort={sortBy} />
      <SortHeader field="cqpm" label="CQPM" sort={sort} onSort={sortBy} />
      <th scope="col">Parcours</th>
      <SortHeader field="state" label="État" sort={sort} onSort={sortBy} />
      <SortHeader field="report_due_at" label="Échéance du rapport" sort={sort} onSort={sortBy} />
      {!canCreate && <th scope="col">Centre</th>}
      <th scope="col">Entreprise</th>
      <SortHeader field="created_at" label="Ouvert le" sort={sort} onSort={sortBy} />
      <SortHeader field="updated_at" label="Mis à jour" sort={sort} onSort={sortBy} />
    </tr>
  );

  return (
    <>
      <div className="page-title">
        <h1>Tableau de bord</h1>
        {canCreate && !creating && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="new-file">
            Nouveau dossier
          </button>
        )}
      </div>

      {hasTodoList(user?.role) && <TodoPanel />}

      {creating && (
        <NewFileForm onCancel={() => setCreating(false)} onCreated={(file) => navigate(`/dossiers/${encodeURIComponent(file.id)}`)} />
      )}

      <section aria-labelledby="stats-title" className="stats">
        <h2 id="stats-title" className="visually-hidden">
          Dossiers par état
        </h2>
        <ul className="stats__list">
          <li>
            <StatButton
              count={stats?.total}
              label="Tous les dossiers"
              pressed={state === ''}
              onClick={() => filters.set(P_STATE, '')}
              testId="stat-all"
            />
          </li>
          {stateIds.map((id) => (
            <li key={id}>
              <StatButton
                className={`stat--${id}`}
                count={stats ? (stats.by_state[id] ?? 0) : undefined}
                label={stateLabel(workflow, id)}
                pressed={state === id}
                onClick={() => filters.set(P_STATE, state === id ? '' : id)}
                testId={`stat-${id}`}
              />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="files-title">
        <h2 id="files-title" className="visually-hidden">
          Dossiers
        </h2>
        <FilterBar label="Filtrer les dossiers" onReset={filters.reset}>
          <SelectFilter
            id="f-state"
            label="État"
            {...filters.bind(P_STATE)}
            allLabel="Tous les états"
            options={stateIds.map((id) => ({ value: id, label: stateLabel(workflow, id) }))}
          />
          <SelectFilter
            id="f-cqpm"
            label="CQPM"
            {...filters.bind(P_CQPM)}
            allLabel="Tous les CQPM"
            options={(cqpms ?? CQPMS).map((c) => ({ value: c.id, label: c.title }))}
          />
          <SelectFilter
            id="f-pathway"
            label="Parcours"
            {...filters.bind(P_PATHWAY)}
            allLabel="Tous les parcours"
            options={PATHWAY_OPTIONS}
          />
          <SelectFilter
            id="f-overdue"
            label="Échéance du rapport"
            {...filters.bind(P_OVERDUE)}
            allLabel="Toutes les échéances"
            options={OVERDUE_OPTIONS}
          />
          <SearchFilter id="f-q" label="Nom du candidat" placeholder="Rechercher un candidat" {...filters.searchBox} />
        </FilterBar>

        <div className="dashboard-actions">
          <button
            type="button"
            className="button overdue-counter"
            aria-pressed={overdue}
            disabled={overdueCount === undefined || (overdueCount === 0 && !overdue)}
            onClick={() => filters.set(P_OVERDUE, overdue ? '' : 'oui')}
            data-testid="overdue-counter"
          >
            {overdueCount === undefined ? 'Dossiers en retard : …' : overdueCountLabel(overdueCount)}
          </button>
          <a className="button" href={filesCsvHref(listFilters, sort)} download data-testid="export-csv">
            Exporter (CSV)<span className="visually-hidden"> : les dossiers de ces critères, dans cet ordre</span>
          </a>
        </div>

        {canCreate && selection.picked.length > 0 && (
          <BulkActions
            picked={selection.picked}
            onClear={selection.clear}
            onAdded={selection.drop}
            onChanged={list.reload}
          />
        )}

        <PagedTable
          list={list}
          caption="Dossiers des candidats"
          columns={[]}
          header={header}
          empty="Aucun dossier ne correspond à ces critères."
          loadingText="Chargement des dossiers…"
          testIdPrefix="files"
          nextTestId="next-page"
          row={(file) => (
            <FileRow
              key={file.id}
              file={file}
              cqpmTitle={titleOf(cqpms, file.cqpm)}
              stateName={stateLabel(workflow, file.state)}
              selectable={canCreate}
              showCentre={!canCreate}
              picked={selection.has(file.id)}
              onPick={(on) => selection.toggle([file], on)}
            />
          )}
        />
      </section>
    </>
  );
}
