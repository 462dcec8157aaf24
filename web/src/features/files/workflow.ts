// Helpers over the workflow definition served by GET /workflows/candidate-file.

import { STATE_FALLBACK_LABELS } from '../../shared/format/labels';
import type { AvailableTransition, FileEvent, Workflow } from './fileTypes';

export function stateLabel(workflow: Workflow | null, state: string | null | undefined): string {
  if (!state) return '';
  return workflow?.states.find((s) => s.id === state)?.label ?? STATE_FALLBACK_LABELS[state] ?? state;
}

export function transitionLabel(workflow: Workflow | null, transition: string): string {
  return workflow?.transitions.find((t) => t.id === transition)?.label ?? transition;
}

/** The states a file has been in, from its events (the workflow diagram marks them). */
export function visitedStates(events: ReadonlyArray<Pick<FileEvent, 'from' | 'to'>>): Set<string> {
  const visited = new Set<string>();
  for (const e of events) {
    if (e.from) visited.add(e.from);
    visited.add(e.to);
  }
  return visited;
}

/** Recorded actions that are not transitions of the workflow (the state does not change). */
export const ACTION_LABELS: Record<string, string> = {
  update_modality_plan: "Plan d'évaluation enregistré",
  file_corrected: 'Dossier corrigé',
  file_transfer_proposed: 'Transfert proposé',
  file_transferred: 'Dossier transféré',
  file_transfer_refused: 'Transfert refusé',
  file_transfer_cancelled: 'Proposition de transfert retirée',
};

/** The label of a history event: its transition's, or "Création du dossier" for the first one. */
export function eventLabel(workflow: Workflow | null, event: { transition: string; from: string | null }): string {
  const known = workflow?.transitions.find((t) => t.id === event.transition)?.label;
  if (known) return known;
  if (ACTION_LABELS[event.transition]) return ACTION_LABELS[event.transition]!;
  if (!event.from) return 'Création du dossier';
  return event.transition;
}

/** The states in workflow order, split into the path a file walks and its final outcomes. */
export function splitStates(workflow: Workflow): { path: Workflow['states']; outcomes: Workflow['states'] } {
  return {
    path: workflow.states.filter((s) => !s.final),
    outcomes: workflow.states.filter((s) => s.final),
  };
}

export const REASON_GUARD = 'reason_given';
export const BLOCS_GUARD = 'blocs_listed';

/** What a transition needs from the user before it can be fired. */
export function transitionInputs(t: Pick<AvailableTransition, 'guards'>): { reason: boolean; blocs: boolean } {
  return { reason: t.guards.includes(REASON_GUARD), blocs: t.guards.includes(BLOCS_GUARD) };
}

export function needsInput(t: Pick<AvailableTransition, 'guards'>): boolean {
  const inputs = transitionInputs(t);
  return inputs.reason || inputs.blocs;
}

/** Bloc codes typed one per line, or separated by commas or semicolons; duplicates dropped. */
export function parseBlocs(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\n,;]+/)) {
    const code = part.trim();
    if (code) seen.add(code);
  }
  return [...seen];
}

/** The transition payload from the dialog's answers. */
export function buildPayload(
  t: Pick<AvailableTransition, 'guards'>,
  answers: { reason?: string; blocs?: string },
): Record<string, unknown> {
  const inputs = transitionInputs(t);
  const payload: Record<string, unknown> = {};
  if (inputs.reason) payload.reason = (answers.reason ?? '').trim();
  if (inputs.blocs) payload.blocs = parseBlocs(answers.blocs ?? '');
  return payload;
}
