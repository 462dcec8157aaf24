// The evaluation commission's form: who it starts with.

import type { ModalityPlanView } from '../modality-plan/modalityPlanTypes';

/**
 * The evaluators the modality plan names (every competency's, in the plan's
 * order, once each) that the centre may still choose: the commission's form
 * starts with them ticked while the commission is not formed yet.
 */
export function plannedEvaluators(
  plan: Pick<ModalityPlanView, 'plan'> | null,
  available: readonly { id: string }[] | null | undefined,
): string[] {
  const choosable = new Set((available ?? []).map((e) => e.id));
  const seen = new Set<string>();
  for (const entry of plan?.plan ?? []) {
    for (const id of entry.evaluators) {
      if (choosable.has(id)) seen.add(id);
    }
  }
  return [...seen];
}

/** The evaluators ticked: the reader's choice, else the members, else (no member yet) those of the plan. */
export function commissionSelection(chosen: string[] | null, members: readonly string[], planned: readonly string[]): string[] {
  if (chosen !== null) return chosen;
  return members.length > 0 ? [...members] : [...planned];
}
