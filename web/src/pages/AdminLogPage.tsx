import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { isAbort } from '../api';
import { ADMIN_LOG_CSV_URL, adminLogApi } from '../adminApi';
import {
  ADMIN_ACTION_LABELS,
  actionLabel,
  logActorName,
  logDetailLines,
  logTargetPath,
  targetKindLabel,
} from '../administration';
import type { AdminLogEntry, Page } from '../adminTypes';
import { Pager } from '../components/Pager';
import { reportError, type ErrorDescription } from '../errors';
import { formatShortDateTime } from '../format';
import { useCursorPaging } from '../useCursorPaging';
import { usePageTitle } from '../usePageTitle';

const PAGE_SIZE = 50;
const P_ACTION = 'action';

/** The administration log, newest first: who did what to which organisation or account. */
export function AdminLogPage() {
  usePageTitle("Journal d'administration");
  const [params, setParams] = useSearchParams();
  const action = params.get(P_ACTION) ?? '';
  const [list, setList] = useState<Page<AdminLogEntry> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const paging = useCursorPaging(action);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    adminLogApi.list({ action, limit: PAGE_SIZE, cursor: paging.cursor }, controller.signal).then(
      (page) => {
        setList(page);
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        setError(reportError(err, { operation: 'admin_log', values: { action } }));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [action, paging.cursor]);

  return (
    <>
      <div className="page-title">
        <div>
          <h1>Journal d'administration</h1>
          <p className="subtitle">Chaque acte d'administration, du plus récent au plus ancien. Le journal ne se modifie pas.</p>
        </div>
        <a className="button" href={ADMIN_LOG_CSV_URL} download data-testid="admin-log-csv">
          Exporter (CSV)
        </a>
      </div>

      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()} aria-label="Filtrer le journal">
        <div className="field">
          <label htmlFor="f-log-action">Action</label>
          <select
            id="f-log-action"
            value={action}
            onChange={(e) =>
              setParams((prev) => {
                const next = new URLSearchParams(prev);
                if (e.target.value) next.set(P_ACTION, e.target.value);
                else next.delete(P_ACTION);
                return next;
              })
            }
          >
            <option value="">Toutes les actions</option>
            {Object.entries(ADMIN_ACTION_LABELS).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </form>

      {error && (
        <p role="alert" className="alert alert--error" data-testid="admin-log-error" title={error.technical ?? undefined}>
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
        <table className="files-table admin-log" data-testid="admin-log-table">
          <caption className="visually-hidden">Journal d'administration, page {paging.pageNumber}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Auteur</th>
              <th scope="col">Action</th>
              <th scope="col">Objet</th>
              <th scope="col">Détails</th>
            </tr>
          </thead>
          <tbody>
            {list?.items.map((entry) => {
              const target = logTargetPath(entry.target);
              const details = logDetailLines(entry);
              return (
                <tr key={entry.seq} data-testid="admin-log-row" data-action={entry.action} data-seq={entry.seq}>
                  <td>
                    <time dateTime={entry.at}>{formatShortDateTime(entry.at)}</time>
                  </td>
                  <td>{entry.actor ? logActorName(entry) : <span className="muted">{logActorName(entry)}</span>}</td>
                  <th scope="row">{actionLabel(entry.action)}</th>
                  <td>
                    <span className="muted">{targetKindLabel(entry.target.kind)} </span>
                    {target ? <Link to={target}>{entry.target.label}</Link> : entry.target.label}
                  </td>
                  <td className="admin-log__details">
                    {details.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      <ul className="plain-list">
                        {details.map((line, i) => (
                          <li key={i}>{line}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {!loading && list && list.items.length === 0 && <p className="empty">Aucun acte ne correspond à ce critère.</p>}
        {loading && !list && <p className="empty">Chargement du journal…</p>}
      </div>
      <Pager paging={paging} nextCursor={list?.next_cursor} loading={loading} testId="admin-log" />
    </>
  );
}
