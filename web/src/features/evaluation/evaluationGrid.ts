// The evaluation grid editor's logic: what an evaluator edits per
// competency (a draft), what is sent, who may sign, and what a conflict shows.

import type { CompetencyRequest, CriteriaGroup, GridCompetency } from './evaluationTypes';
import { CRITERIA_GROUPS } from '../referentials/referential';

export const RESULTS: ReadonlyArray<{ id: string; label: string }> = [
  { id: 'not_evaluated', label: 'Non évaluée' },
  { id: 'acquired', label: 'Acquise' },
  { id: 'not_acquired', label: 'Non acquise' },
];

export function resultLabel(result: string): string {
  return RESULTS.find((r) => r.id === result)?.label ?? result;
}

/** Signatures needed for a competency to count as evaluated. */
export const SIGNATURES_REQUIRED = 2;

/** What the evaluator is editing for one competency, and the version it started from. */
export interface CompetencyDraft {
  result: string;
  observations: Partial<Record<CriteriaGroup, string>>;
  evidence: string[];
  /** The ETag of the version the draft was made from (sent in If-Match). */
  etag: string;
}

/** The criteria groups of a competency, in the referential's order, with their headings. */
export function groupsOf(competency: Pick<GridCompetency, 'criteria' | 'observations'>) {
  return CRITERIA_GROUPS.filter((g) => g.key in competency.criteria || g.key in competency.observations);
}

export function draftOf(competency: GridCompetency): CompetencyDraft {
  const observations: Partial<Record<CriteriaGroup, string>> = {};
  for (const g of groupsOf(competency)) observations[g.key] = competency.observations[g.key] ?? '';
  return { result: competency.result, observations, evidence: [...competency.evidence], etag: competency.etag };
}

function sameText(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '').trim() === (b ?? '').trim();
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Whether the draft says something else than the competency's content. */
export function differs(draft: Omit<CompetencyDraft, 'etag'>, competency: GridCompetency): boolean {
  if (draft.result !== competency.result) return true;
  if (!sameSet(draft.evidence, competency.evidence)) return true;
  return groupsOf(competency).some((g) => !sameText(draft.observations[g.key], competency.observations[g.key]));
}

export function requestOf(draft: CompetencyDraft): CompetencyRequest {
  const observations: Partial<Record<CriteriaGroup, string>> = {};
  for (const [key, text] of Object.entries(draft.observations) as [CriteriaGroup, string][]) {
    observations[key] = text.trim();
  }
  return { result: draft.result, observations, evidence: [...draft.evidence] };
}

export function hasSigned(competency: Pick<GridCompetency, 'signatures'>, userId: string): boolean {
  return competency.signatures.some((s) => s.evaluator_id === userId);
}

/** Why the user cannot sign the competency as it stands, or null if they can. */
export function signRefusal(competency: GridCompetency, userId: string, dirty: boolean): string | null {
  if (dirty) return 'Enregistrez vos modifications avant de signer.';
  if (competency.result === 'not_evaluated') return 'Choisissez « Acquise » ou « Non acquise » avant de signer.';
  if (hasSigned(competency, userId)) return 'Vous avez signé cette version.';
  return null;
}

/** "2 signatures sur 2", "1 signature sur 2". */
export function signatureCount(competency: Pick<GridCompetency, 'signatures'>): string {
  const n = competency.signatures.length;
  return `${n} signature${n > 1 ? 's' : ''} sur ${SIGNATURES_REQUIRED}`;
}

/** The parts of the competency where the other evaluator's version and the draft disagree (French). */
export function conflictParts(draft: CompetencyDraft, theirs: GridCompetency): string[] {
  const parts: string[] = [];
  if (draft.result !== theirs.result) parts.push('le résultat');
  for (const g of groupsOf(theirs)) {
    if (!sameText(draft.observations[g.key], theirs.observations[g.key])) parts.push(`les observations « ${g.heading} »`);
  }
  if (!sameSet(draft.evidence, theirs.evidence)) parts.push('les preuves citées');
  return parts;
}

/** The draft re-based on the other evaluator's version: the user's content, their ETag. */
export function reapply(draft: CompetencyDraft, theirs: GridCompetency): CompetencyDraft {
  return { ...draft, etag: theirs.etag };
}

/** How many competencies count as evaluated (two signatures on their current version). */
export function evaluatedCount(competencies: readonly GridCompetency[]): number {
  return competencies.filter((c) => c.evaluated).length;
}

/**
 * The competencies the user may sign as they stand — a result chosen, no unsaved change, not yet
 * signed by them at this version — which « Signer toutes les compétences relues » signs one by one,
 * each at its own version (its ETag).
 */
export function signableNow(
  competencies: readonly GridCompetency[],
  userId: string,
  dirty: (competency: GridCompetency) => boolean,
): GridCompetency[] {
  return competencies.filter((c) => signRefusal(c, userId, dirty(c)) === null);
}
