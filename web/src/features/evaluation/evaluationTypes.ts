// Shapes of the evaluation grid (GET/PUT /files/{id}/evaluation) and its commission (/files/{id}/commission).

import type { CriteriaGroups } from '../referentials/referentialTypes';

export type CompetencyResult = 'acquired' | 'not_acquired' | 'not_evaluated';

export type CriteriaGroup = keyof CriteriaGroups;

export interface GridSignature {
  evaluator_id: string;
  display_name: string;
  signed_at: string;
}

/** One competency of the evaluation grid, with its own ETag. */
export interface GridCompetency {
  number: number;
  title: string;
  bloc: { index: number; code: string | null; title: string };
  modality: string | null;
  criteria: Partial<Record<CriteriaGroup, string[]>>;
  result: CompetencyResult | string;
  observations: Partial<Record<CriteriaGroup, string>>;
  evidence: string[];
  version: number;
  etag: string;
  updated_by: { id: string; display_name: string } | null;
  updated_at: string | null;
  signatures: GridSignature[];
  evaluated: boolean;
}

/** GET /files/{id}/evaluation */
export interface EvaluationGrid {
  file_id: string;
  state: string;
  referential: { version: number | null; commit: string | null };
  commission: { id: string; display_name: string }[];
  editable: boolean;
  complete: boolean;
  competencies: GridCompetency[];
}

/** PUT /files/{id}/evaluation/{n} */
export interface CompetencyRequest {
  result: string;
  observations: Partial<Record<CriteriaGroup, string>>;
  evidence: string[];
}

/** GET/PUT /files/{id}/commission */
export interface Commission {
  file_id: string;
  evaluators: { id: string; display_name: string }[];
  editable: boolean;
  /** Only for the centre coordinator: the evaluators of the file's centre. */
  available_evaluators?: { id: string; display_name: string }[];
}
