// Shapes of the evaluation grid (GET/PUT /files/{id}/evaluation) and its commission (/files/{id}/commission).

import type { CriteriaGroups } from '../referentials/referentialTypes';
import type { Schema } from '../../shared/api/schemas';

export type CompetencyResult = 'acquired' | 'not_acquired' | 'not_evaluated';

export type CriteriaGroup = keyof CriteriaGroups;

export interface GridSignature {
  evaluator_id: string;
  display_name: string;
  signed_at: string;
}

/** One competency of the evaluation grid, with its own ETag. */
export type GridCompetency = Schema<'CompetencyEvaluation'>;

/** GET /files/{id}/evaluation */
export type EvaluationGrid = Schema<'EvaluationGrid'>;

/** PUT /files/{id}/evaluation/{n} */
export interface CompetencyRequest {
  result: string;
  observations: Partial<Record<CriteriaGroup, string>>;
  evidence: string[];
}

/** GET/PUT /files/{id}/commission */
export type Commission = Schema<'Commission'>;
