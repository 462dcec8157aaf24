import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApiResource } from '../../../shared/hooks/useApiResource';
import { useRefreshWhileOpen } from '../../../shared/hooks/useRefreshWhileOpen';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { todoApi } from '../todoApi';
import '../todo.css';
import { TODO_POLL_MS, TODO_SHOWN, dueText, summaryText, todoLink, type TodoItem, type TodoList } from '../todo';

/**
 * « À faire » on the landing page: what waits on the signed-in person, most urgent first, each item a
 * link to the page where it is done. Asked again every 30 s and when the window regains focus, so the
 * list follows the files as they move.
 */
export function TodoPanel() {
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const { data, error, reload } = useApiResource<TodoList>(
    (signal) => todoApi.mine({ overdue: overdueOnly }, signal),
    [overdueOnly],
    { context: { operation: 'load' }, clearOnChange: false },
  );
  useRefreshWhileOpen(reload, TODO_POLL_MS);

  const items = data?.items ?? [];
  const shown = showAll ? items : items.slice(0, TODO_SHOWN);
  const overdueCount = data?.summary.overdue_count ?? 0;
  return (
    <section className="todo panel" aria-labelledby="todo-title" data-testid="todo-panel" data-total={data?.summary.total}>
      <div className="todo__head">
        <h2 id="todo-title">À faire</h2>
        <p className="todo__summary" aria-live="polite" data-testid="todo-summary">
          {data ? summaryText(data) : 'Chargement…'}
        </p>
        {(overdueCount > 0 || overdueOnly) && (
          <button
            type="button"
            className="button"
            aria-pressed={overdueOnly}
            onClick={() => setOverdueOnly(!overdueOnly)}
            data-testid="todo-overdue-only"
          >
            En retard seulement
          </button>
        )}
      </div>
      {error && <ErrorAlert error={error} />}
      {shown.length > 0 && (
        <ul className="todo__list">
          {shown.map((item) => (
            <TodoEntry key={`${item.kind} ${item.file ?? item.session_id ?? item.proposal_id}`} item={item} />
          ))}
        </ul>
      )}
      {!showAll && items.length > TODO_SHOWN && (
        <button type="button" className="button button--link todo__more" onClick={() => setShowAll(true)} data-testid="todo-show-all">
          Tout afficher ({items.length})
        </button>
      )}
    </section>
  );
}

function TodoEntry({ item }: { item: TodoItem }) {
  const link = todoLink(item);
  // A session's item already names its day; its due day is said only once it has passed.
  const due = item.session_id && !item.overdue ? null : dueText(item);
  return (
    <li
      className={item.overdue ? 'todo__item todo__item--overdue' : 'todo__item'}
      data-testid="todo-item"
      data-kind={item.kind}
      data-file-id={item.file ?? undefined}
    >
      {link ? <Link to={link}>{item.label}</Link> : <span>{item.label}</span>}
      {due && <span className="todo__due">{due}</span>}
    </li>
  );
}
