import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { isAbort } from '../api';
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
import type { Organisation, Page } from '../adminTypes';
import { OrganisationStateBadge } from '../components/AdminBadges';
import { OrganisationForm } from '../components/OrganisationForm';
import { Pager } from '../components/Pager';
import { reportError, type ErrorDescription } from '../errors';
import { formatShortDateTime } from '../format';
import { useSession } from '../session';
import { useCursorPaging } from '../useCursorPaging';
import { usePageTitle } from '../usePageTitle';

const PAGE_SIZE = 25;

// URL query parameters (shareable, kept by the back button).
const P_KIND = 'type';
const P_STATE = 'etat';
const P_QUERY = 'q';

/** The organisations the user administers: a filterable, paginated table and the "Nouvelle organisation" form. */
export function OrganisationsPage() {
  usePageTitle('Organisations');
  const { user } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const kind = params.get(P_KIND) ?? '';
  const state = params.get(P_STATE) ?? '';
  const q = params.get(P_QUERY) ?? '';
  const active = activeFilterOf(state);

  const [queryInput, setQueryInput] = useState(q);
  const [list, setList] = useState<Page<Organisation> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [creating, setCreating] = useState(false);
  const [centres, setCentres] = useState<Organisation[]>([]);
  const paging = useCursorPaging(JSON.stringify([kind, active, q]));
  const kinds = creatableKinds(user);

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

  useEffect(() => {
    if (queryInput.trim() === q) return;
    const timer = setTimeout(() => setParam(P_QUERY, queryInput.trim()), 300);
    return () => clearTimeout(timer);
  }, [queryInput]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    organisationApi.list({ kind, active, q, limit: PAGE_SIZE, cursor: paging.cursor }, controller.signal).then(
      (page) => {
        setList(page);
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        setError(reportError(err, { operation: 'list', values: { q } }));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [kind, active, q, paging.cursor]);

  // The centres' names, for the companies' "Centres" column.
  useEffect(() => {
    const controller = new AbortController();
    organisationApi.listAll({ kind: 'centre', active: 'all' }, controller.signal).then(setCentres, (err: unknown) => {
      if (!isAbort(err)) setCentres([]);
    });
    return () => controller.abort();
  }, []);
  const centreNames = useMemo(() => new Map(centres.map((c) => [c.id, c.name])), [centres]);

  function resetFilters() {
    setQueryInput('');
    setParams(new URLSearchParams());
  }

  if (!user) return null;
  return (
    <>
      <div className="page-title">
        <div>
          <h1>Organisations</h1>
          <p className="subtitle">
            {user.role === 'centre_coordinator'
              ? 'Votre centre et les entreprises qui travaillent avec lui.'
              : user.role === 'admin'
                ? 'Centres de certification, entreprises, GTP Certifications et plateforme.'
                : 'Votre organisation.'}
          </p>
        </div>
        {kinds.length > 0 && !creating && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="org-new">
            Nouvelle organisation
          </button>
        )}
      </div>

      {creating && (
        <section className="panel" aria-labelledby="org-new-title">
          <h2 id="org-new-title">Nouvelle organisation</h2>
          <OrganisationForm
            user={user}
            onCancel={() => setCreating(false)}
            onSaved={(organisation) =>
              navigate(organisationPath(organisation.id), { state: { notice: 'Organisation créée.' } })
            }
          />
        </section>
      )}

      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()} aria-label="Filtrer les organisations">
        <div className="field">
          <label htmlFor="f-org-kind">Type</label>
          <select id="f-org-kind" value={kind} onChange={(e) => setParam(P_KIND, e.target.value)}>
            <option value="">Tous les types</option>
            {ORGANISATION_KINDS.map((k) => (
              <option key={k.id} value={k.id}>
                {k.plural}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-org-state">État</label>
          <select id="f-org-state" value={state} onChange={(e) => setParam(P_STATE, e.target.value)}>
            {ORGANISATION_STATE_FILTERS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--grow">
          <label htmlFor="f-org-q">Recherche</label>
          <input
            id="f-org-q"
            type="search"
            placeholder="Nom, SIRET, département…"
            value={queryInput}
            onChange={(e) => setQueryInput(e.target.value)}
          />
        </div>
        <button type="button" className="button" onClick={resetFilters}>
          Réinitialiser
        </button>
      </form>

      {error && (
        <p role="alert" className="alert alert--error" data-testid="organisations-error" title={error.technical ?? undefined}>
          {error.text}
          {error.field === 'cursor' && paging.pageNumber > 1 && (
            <>
              {' '}
              <button type="button" className="button button--link" onClick={paging.first}>
                Revenir à la première page
              </button>
            </>
          )}
        </p>
      )}

      <div className="table-wrap" aria-busy={loading}>
        <table className="files-table" data-testid="organisations-table">
          <caption className="visually-hidden">Organisations, page {paging.pageNumber}</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Type</th>
              <th scope="col">Territoire ou SIRET</th>
              <th scope="col">Centres</th>
              <th scope="col">État</th>
              <th scope="col">Mise à jour</th>
            </tr>
          </thead>
          <tbody>
            {list?.items.map((o) => (
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
            ))}
          </tbody>
        </table>
        {!loading && list && list.items.length === 0 && (
          <p className="empty">Aucune organisation ne correspond à ces critères.</p>
        )}
        {loading && !list && <p className="empty">Chargement des organisations…</p>}
      </div>
      <Pager paging={paging} nextCursor={list?.next_cursor} loading={loading} testId="organisations" />
    </>
  );
}
