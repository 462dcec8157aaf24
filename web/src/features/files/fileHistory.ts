// The file's one history: every event of GET /files/{id}/events (and of its
// live stream), newest first, each of a kind the reader may filter on.

import { isStateEvent } from './fileSections';
import type { FileEvent, Workflow } from './fileTypes';
import { eventLabel } from './workflow';

/** What an event is about: the filters of the history. */
export type HistoryKind = 'state' | 'documents' | 'evaluation' | 'opinion' | 'comments' | 'decisions' | 'other';

/** The filters in the order the page shows them, with their French labels. */
export const HISTORY_KINDS: ReadonlyArray<{ id: HistoryKind; label: string }> = [
  { id: 'state', label: 'Étapes du dossier' },
  { id: 'documents', label: 'Documents' },
  { id: 'evaluation', label: 'Plan, commission et grille' },
  { id: 'opinion', label: "Avis de l'entreprise" },
  { id: 'comments', label: 'Commentaires' },
  { id: 'decisions', label: 'Jury et décisions' },
  { id: 'other', label: 'Corrections, échéances et transferts' },
];

/** Recorded actions by kind; a workflow transition is a step, anything else unknown is « other ». */
const KIND_OF_ACTION: Readonly<Record<string, HistoryKind>> = {
  add_document: 'documents',
  update_modality_plan: 'evaluation',
  commission_assigned: 'evaluation',
  evaluation_updated: 'evaluation',
  evaluation_signed: 'evaluation',
  company_opinion_saved: 'opinion',
  company_opinion_signed: 'opinion',
  comment_added: 'comments',
  jury_decision: 'decisions',
  decision_revoked: 'decisions',
  add_to_jury_session: 'decisions',
  vae_admissibility_decided: 'decisions',
};

export function historyKindOf(event: Pick<FileEvent, 'transition' | 'from' | 'to'>, workflow: Workflow | null): HistoryKind {
  const known = KIND_OF_ACTION[event.transition];
  if (known) return known;
  return isStateEvent(event, workflow?.transitions ?? []) ? 'state' : 'other';
}

/** Recorded actions the server may not summarise (older servers, newer actions), in French. */
const ACTION_TEXTS: Readonly<Record<string, string>> = {
  vae_admissibility_decided: 'Recevabilité de la VAE décidée',
  carry_over_confirmed: 'Blocs déjà acquis reportés sur le dossier',
  move_referential: 'Version du référentiel changée',
  add_document: 'Document déposé',
  evaluation_updated: "Grille d'évaluation modifiée",
  evaluation_signed: "Grille d'évaluation signée",
  commission_assigned: "Commission d'évaluation désignée",
  company_opinion_saved: "Avis de l'entreprise enregistré (brouillon)",
  company_opinion_signed: "Avis de l'entreprise signé",
  comment_added: 'Commentaire ajouté',
  deadline_set: 'Échéance fixée',
  deadline_extended: 'Échéance prolongée',
  jury_decision: 'Décision du jury enregistrée',
  decision_revoked: 'Décision du jury révoquée',
  add_to_jury_session: 'Dossier inscrit à une session du jury',
};

// The server's fallback for an action it does not know names its identifier: never shown to people.
const SERVER_FALLBACK = /^Événement « /;

/** The sentence saying what happened: the server's summary, else a label of our own (never an identifier). */
export function historyText(event: FileEvent, workflow: Workflow | null): string {
  if (event.summary_fr && !SERVER_FALLBACK.test(event.summary_fr)) return event.summary_fr;
  const label = eventLabel(workflow, event);
  if (label !== event.transition) return label;
  return ACTION_TEXTS[event.transition] ?? 'Action enregistrée sur le dossier';
}

/** The reason of an event, when the sentence does not already say it. */
export function historyReason(event: FileEvent, text: string): string | null {
  const reason = event.payload?.reason;
  if (typeof reason !== 'string' || !reason.trim()) return null;
  return text.includes(reason.trim()) ? null : reason.trim();
}

/** Every kind shown: the history's filters as they start. */
export function allHistoryKinds(): Set<HistoryKind> {
  return new Set(HISTORY_KINDS.map((k) => k.id));
}

/** The events of the kinds chosen, newest first (by seq: the order the server recorded them). */
export function historyEntries(
  events: readonly FileEvent[],
  workflow: Workflow | null,
  kinds: ReadonlySet<HistoryKind>,
): { event: FileEvent; kind: HistoryKind }[] {
  return events
    .map((event) => ({ event, kind: historyKindOf(event, workflow) }))
    .filter((entry) => kinds.has(entry.kind))
    .sort((a, b) => b.event.seq - a.event.seq);
}

/** The filters with one kind switched on or off. */
export function toggleKind(kinds: ReadonlySet<HistoryKind>, kind: HistoryKind, on: boolean): Set<HistoryKind> {
  const next = new Set(kinds);
  if (on) next.add(kind);
  else next.delete(kind);
  return next;
}
