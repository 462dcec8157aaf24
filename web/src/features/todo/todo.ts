// The « À faire » list (GET /api/v1/me/todo): its shapes, where each item leads, and how its due day reads.

import type { Schema } from '../../shared/api/schemas';
import { withFirstOfMonth } from '../../shared/format/format';

export type TodoItem = Schema<'TodoItem'>;
export type TodoList = Schema<'TodoList'>;

/** How many items the landing page shows before « Tout afficher ». */
export const TODO_SHOWN = 8;

/** How often the list is asked again while the page stays open (and whenever the window regains focus). */
export const TODO_POLL_MS = 30_000;

/** The page where the item is done: the file, the jury session or the referential proposal. */
export function todoLink(item: TodoItem): string | null {
  if (item.file) return `/dossiers/${encodeURIComponent(item.file)}`;
  if (item.session_id) return `/jurys/${encodeURIComponent(item.session_id)}`;
  if (item.proposal_id !== null) return `/propositions/${item.proposal_id}`;
  return null;
}

const dueFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** « pour le 1er décembre 2026 », « en retard depuis le 3 mars 2026 », or null without a due day. */
export function dueText(item: TodoItem): string | null {
  if (!item.due) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(item.due)) return null;
  const [year, month, date] = item.due.split('-').map(Number) as [number, number, number];
  const day = withFirstOfMonth(dueFormat.format(new Date(Date.UTC(year, month - 1, date))));
  return item.overdue ? `en retard depuis le ${day}` : `pour le ${day}`;
}

/** « 3 actions à faire, dont 1 en retard », « Rien à faire pour l'instant ». */
export function summaryText(list: Pick<TodoList, 'summary'>): string {
  const { total, overdue_count: overdue } = list.summary;
  if (total === 0) return "Rien à faire pour l'instant";
  const actions = total === 1 ? '1 action à faire' : `${total} actions à faire`;
  return overdue > 0 ? `${actions}, dont ${overdue} en retard` : actions;
}

/** The roles things wait on (the administrators' lists are always empty: they get no panel). */
export function hasTodoList(role: string | undefined): boolean {
  return role !== undefined && role !== 'admin' && role !== 'gtp_admin';
}
