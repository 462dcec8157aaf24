import { Link } from 'react-router-dom';
import { ADMIN_LOG_CSV_URL, adminLogApi } from '../adminApi';
import {
  ADMIN_ACTION_LABELS,
  actionLabel,
  logActorName,
  logDetailLines,
  logTargetPath,
  targetKindLabel,
} from '../administration';
import type { AdminLogEntry } from '../adminTypes';
import { FilterBar, SelectFilter } from '../../../shared/ui/Filters';
import { PagedTable } from '../../../shared/ui/PagedTable';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { formatShortDateTime } from '../../../shared/format/format';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { usePagedList } from '../../../shared/hooks/usePagedList';
import { useUrlFilters } from '../../../shared/hooks/useUrlFilters';

const PAGE_SIZE = 50;
const P_ACTION = 'action';
const ACTION_OPTIONS = Object.entries(ADMIN_ACTION_LABELS).map(([value, label]) => ({ value, label }));

/** The administration log, newest first: who did what to which organisation or account. */
export function AdminLogPage() {
  usePageTitle("Journal d'administration");
  const filters = useUrlFilters();
  const action = filters.get(P_ACTION);
  const list = usePagedList<AdminLogEntry>(
    action,
    (cursor, signal) => adminLogApi.list({ action, limit: PAGE_SIZE, cursor }, signal),
    { operation: 'admin_log', values: { action } },
  );

  return (
    <>
      <PageTitle
        title="Journal d'administration"
        subtitle="Chaque acte d'administration, du plus récent au plus ancien. Le journal ne se modifie pas."
      >
        <a className="button" href={ADMIN_LOG_CSV_URL} download data-testid="admin-log-csv">
          Exporter (CSV)
        </a>
      </PageTitle>

      <FilterBar label="Filtrer le journal">
        <SelectFilter
          id="f-log-action"
          label="Action"
          {...filters.bind(P_ACTION)}
          allLabel="Toutes les actions"
          options={ACTION_OPTIONS}
        />
      </FilterBar>

      <PagedTable
        list={list}
        className="files-table admin-log"
        caption="Journal d'administration"
        columns={['Date', 'Auteur', 'Action', 'Objet', 'Détails']}
        empty="Aucun acte ne correspond à ce critère."
        loadingText="Chargement du journal…"
        testIdPrefix="admin-log"
        row={(entry) => <LogRow key={entry.seq} entry={entry} />}
      />
    </>
  );
}

function LogRow({ entry }: { entry: AdminLogEntry }) {
  const target = logTargetPath(entry.target);
  const details = logDetailLines(entry);
  return (
    <tr data-testid="admin-log-row" data-action={entry.action} data-seq={entry.seq}>
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
}
