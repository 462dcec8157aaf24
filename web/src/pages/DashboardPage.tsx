import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, isAbort } from '../api';
import { reportError, type ErrorDescription } from '../errors';
import { NewFileForm } from '../components/NewFileForm';
import { OverdueBadge } from '../components/OverdueBadge';
import { StateBadge } from '../components/StateBadge';
import { candidateName, formatShortDateTime } from '../format';
import { titleOf, useCqpms } from '../cqpmCatalog';
import { CQPMS, PATHWAYS, pathwayLabel } from '../labels';
import { useSession, useWorkflow } from '../session';
import type { FileList, FileStats } from '../types';
import { usePageTitle } from '../usePageTitle';
import { stateLabel } from '../workflow';

const PAGE_SIZE = 25;

// URL query parameters of the dashboard (shareable, kept by the back button).
const P_STATE = 'etat';
const P_CQPM = 'cqpm';
const P_PATHWAY = 'parcours';
const P_QUERY = 'q';

export function DashboardPage() {
  usePageTitle('Tableau de bord');
  const { user } = useSession();
  const workflow = useWorkflow();
  const { cqpms } = useCqpms();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = params.get(P_STATE) ?? '';
  const cqpm = params.get(P_CQPM) ?? '';
  const pathway = params.get(P_PATHWAY) ?? '';
  const q = params.get(P_QUERY) ?? '';

  const [queryInput, setQueryInput] = useState(q);
  const [stats, setStats] = useState<FileStats | null>(null);
  const [list, setList] = useState<FileList | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [creating, setCreating] = useState(false);

  // The cursor stack belongs to one set of filters; a new filter starts at page 1.
  const filterKey = JSON.stringify([state, cqpm, pathway, q]);
  const [paging, setPaging] = useState<{ key: string; cursors: (string | null)[] }>({ key: filterKey, cursors: [null] });
  const cursors = paging.key === filterKey ? paging.cursors : [null];
  const cursor = cursors[cursors.length - 1] ?? null;

  function setParam(name: string, value: string) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: name === P_QUERY },
    );
  }

  // Search as the user types, a moment after the last key.
  useEffect(() => {
    if (queryInput.trim() === q) return;
    const timer = setTimeout(() => setParam(P_QUERY, queryInput.trim()), 300);
    return () => clearTimeout(timer);
  }, [queryInput]);

  useEffect(() => {
    const controller = new AbortController();
    api.fileStats({ cqpm, pathway, q }, controller.signal).then(setStats, (err: unknown) => {
      if (!isAbort(err)) setStats(null);
    });
    return () => controller.abort();
  }, [cqpm, pathway, q]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    api.listFiles({ state, cqpm, pathway, q, limit: PAGE_SIZE, cursor }, controller.signal).then(
      (result) => {
        setList(result);
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        setError(reportError(err, { operation: 'list', values: { q, cqpm, pathway, state } }));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [state, cqpm, pathway, q, cursor]);

  const stateIds = workflow ? workflow.states.map((s) => s.id) : Object.keys(stats?.by_state ?? {});
  const canCreate = user?.role === 'centre_coordinator';
  const pageNumber = cursors.length;

  function resetFilters() {
    setQueryInput('');
    setParams(new URLSearchParams());
  }

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

      {creating && (
        <NewFileForm onCancel={() => setCreating(false)} onCreated={(file) => navigate(`/dossiers/${encodeURIComponent(file.id)}`)} />
      )}

      <section aria-labelledby="stats-title" className="stats">
        <h2 id="stats-title" className="visually-hidden">
          Dossiers par état
        </h2>
        <ul className="stats__list">
          <li>
            <button
              type="button"
              className="stat"
              aria-pressed={state === ''}
              onClick={() => setParam(P_STATE, '')}
              data-testid="stat-all"
            >
              <span className="stat__count">{stats?.total ?? '…'}</span>
              <span className="stat__label">Tous les dossiers</span>
            </button>
          </li>
          {stateIds.map((id) => (
            <li key={id}>
              <button
                type="button"
                className={`stat stat--${id}`}
                aria-pressed={state === id}
                onClick={() => setParam(P_STATE, state === id ? '' : id)}
                data-testid={`stat-${id}`}
              >
                <span className="stat__count">{stats ? (stats.by_state[id] ?? 0) : '…'}</span>
                <span className="stat__label">{stateLabel(workflow, id)}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="files-title">
        <h2 id="files-title" className="visually-hidden">
          Dossiers
        </h2>
        <form className="filters" role="search" onSubmit={(e) => e.preventDefault()} aria-label="Filtrer les dossiers">
          <div className="field">
            <label htmlFor="f-state">État</label>
            <select id="f-state" value={state} onChange={(e) => setParam(P_STATE, e.target.value)}>
              <option value="">Tous les états</option>
              {stateIds.map((id) => (
                <option key={id} value={id}>
                  {stateLabel(workflow, id)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-cqpm">CQPM</label>
            <select id="f-cqpm" value={cqpm} onChange={(e) => setParam(P_CQPM, e.target.value)}>
              <option value="">Tous les CQPM</option>
              {(cqpms ?? CQPMS).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-pathway">Parcours</label>
            <select id="f-pathway" value={pathway} onChange={(e) => setParam(P_PATHWAY, e.target.value)}>
              <option value="">Tous les parcours</option>
              {PATHWAYS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--grow">
            <label htmlFor="f-q">Nom du candidat</label>
            <input
              id="f-q"
              type="search"
              placeholder="Rechercher un candidat"
              value={queryInput}
              onChange={(e) => setQueryInput(e.target.value)}
            />
          </div>
          <button type="button" className="button" onClick={resetFilters}>
            Réinitialiser
          </button>
        </form>

        {error && (
          <p role="alert" className="alert alert--error" data-testid="files-error" title={error.technical ?? undefined}>
            {error.text}
            {error.field === 'cursor' && cursors.length > 1 && (
              <>
                {' '}
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => setPaging({ key: filterKey, cursors: [null] })}
                >
                  Revenir à la première page
                </button>
              </>
            )}
          </p>
        )}

        <div className="table-wrap" aria-busy={loading}>
          <table className="files-table" data-testid="files-table">
            <caption className="visually-hidden">Dossiers des candidats, page {pageNumber}</caption>
            <thead>
              <tr>
                <th scope="col">Candidat</th>
                <th scope="col">CQPM</th>
                <th scope="col">Parcours</th>
                <th scope="col">État</th>
                <th scope="col">Centre</th>
                <th scope="col">Entreprise</th>
                <th scope="col">Mis à jour</th>
              </tr>
            </thead>
            <tbody>
              {list?.items.map((file) => (
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
              ))}
            </tbody>
          </table>
          {!loading && list && list.items.length === 0 && <p className="empty">Aucun dossier ne correspond à ces critères.</p>}
          {loading && !list && <p className="empty">Chargement des dossiers…</p>}
        </div>

        <nav className="pager" aria-label="Pagination">
          <button
            type="button"
            className="button"
            disabled={cursors.length <= 1 || loading}
            onClick={() => setPaging({ key: filterKey, cursors: cursors.slice(0, -1) })}
          >
            Précédents
          </button>
          <span className="muted">Page {pageNumber}</span>
          <button
            type="button"
            className="button"
            disabled={!list?.next_cursor || loading}
            onClick={() => list?.next_cursor && setPaging({ key: filterKey, cursors: [...cursors, list.next_cursor] })}
            data-testid="next-page"
          >
            Suivants
          </button>
        </nav>
      </section>
    </>
  );
}
