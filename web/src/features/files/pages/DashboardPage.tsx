import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { fileApi } from '../fileApi';
import { FilterBar, SearchFilter, SelectFilter } from '../../../shared/ui/Filters';
import { NewFileForm } from '../components/NewFileForm';
import { OverdueBadge } from '../components/OverdueBadge';
import { PagedTable } from '../../../shared/ui/PagedTable';
import { StateBadge } from '../components/StateBadge';
import { candidateName, formatShortDateTime } from '../../../shared/format/format';
import { titleOf, useCqpms } from '../../referentials/cqpmCatalog';
import { CQPMS, PATHWAYS, pathwayLabel } from '../../../shared/format/labels';
import { useSession, useWorkflow } from '../../../app/session';
import type { FileSummary, FileStats } from '../fileTypes';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { usePagedList } from '../../../shared/hooks/usePagedList';
import { useUrlFilters } from '../../../shared/hooks/useUrlFilters';
import { stateLabel } from '../workflow';
import { useApiResource } from '../../../shared/hooks/useApiResource';
import { TodoPanel } from '../../todo/components/TodoPanel';
import { hasTodoList } from '../../todo/todo';

const PAGE_SIZE = 25;

// URL query parameters of the dashboard (shareable, kept by the back button); the search is q.
const P_STATE = 'etat';
const P_CQPM = 'cqpm';
const P_PATHWAY = 'parcours';
const P_OVERDUE = 'retard';
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

  const [creating, setCreating] = useState(false);
  const list = usePagedList<FileSummary>(
    JSON.stringify([state, cqpm, pathway, q, overdue]),
    (cursor, signal) =>
      fileApi.listFiles({ state, cqpm, pathway, q, overdue: overdue || undefined, limit: PAGE_SIZE, cursor }, signal),
    { operation: 'list', values: { q, cqpm, pathway, state } },
  );

  // The counts stay until the new ones arrive; none after a failure.
  const { data: stats } = useApiResource<FileStats | null>(
    (signal) => fileApi.fileStats({ cqpm, pathway, q }, signal).catch(() => null),
    [cqpm, pathway, q],
    { clearOnChange: false },
  );

  const stateIds = workflow ? workflow.states.map((s) => s.id) : Object.keys(stats?.by_state ?? {});
  const canCreate = user?.role === 'centre_coordinator';

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

        <PagedTable
          list={list}
          caption="Dossiers des candidats"
          columns={['Candidat', 'CQPM', 'Parcours', 'État', 'Centre', 'Entreprise', 'Mis à jour']}
          empty="Aucun dossier ne correspond à ces critères."
          loadingText="Chargement des dossiers…"
          testIdPrefix="files"
          nextTestId="next-page"
          row={(file) => (
            <tr key={file.id} data-testid="file-row" data-state={file.state} data-file-id={file.id}>
              <th scope="row">
                <Link to={`/dossiers/${encodeURIComponent(file.id)}`} data-testid="file-link">
                  {candidateName(file.candidate)}
                </Link>
              </th>
              <td>{titleOf(cqpms, file.cqpm)}</td>
              <td>{pathwayLabel(file.pathway)}</td>
              <td>
                <StateBadge state={file.state} label={stateLabel(workflow, file.state)} />
                {file.overdue && <OverdueBadge />}
              </td>
              <td>{file.centre.name}</td>
              <td>{file.company?.name ?? <span className="muted">—</span>}</td>
              <td>
                <time dateTime={file.updated_at}>{formatShortDateTime(file.updated_at)}</time>
              </td>
            </tr>
          )}
        />
      </section>
    </>
  );
}

/** A count of files that filters the list on click (pressed while its filter applies); « … » while loading. */
function StatButton({
  count,
  label,
  pressed,
  onClick,
  testId,
  className,
}: {
  count: number | undefined;
  label: string;
  pressed: boolean;
  onClick: () => void;
  testId: string;
  className?: string;
}) {
  return (
    <button type="button" className={className ? `stat ${className}` : 'stat'} aria-pressed={pressed} onClick={onClick} data-testid={testId}>
      <span className="stat__count">{count ?? '…'}</span>
      <span className="stat__label">{label}</span>
    </button>
  );
}
