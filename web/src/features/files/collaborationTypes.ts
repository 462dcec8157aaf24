// Shapes of the file's collaborative content (issue 5): documents, the
// evaluation grid and its commission, the company opinion, comments.

import type { CriteriaGroups } from '../../shared/api/types';

export type DocumentKind = 'report' | 'evidence' | 'attestation' | 'other';

export interface DocumentVersion {
  number: number;
  sha256: string;
  size: number;
  mime_type: string;
  filename: string;
  uploaded_by: { id: string; display_name: string };
  uploaded_at: string;
}

/** GET /files/{id}/documents items; versions oldest first. */
export interface FileDocument {
  id: string;
  file_id: string;
  kind: DocumentKind | string;
  created_at: string;
  versions: DocumentVersion[];
}

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

export type OpinionValue = 'favourable' | 'reserved' | 'unfavourable';

export interface OpinionAnswer {
  title: string;
  value: OpinionValue | string | null;
  comment: string;
}

export interface OpinionVersion {
  version: number;
  state: 'draft' | 'signed' | string;
  activities: (OpinionAnswer & { index: string })[];
  competencies: (OpinionAnswer & { number: string })[];
  text: string;
  updated_by: { id: string; display_name: string } | null;
  updated_at: string | null;
  signed_by: { id: string; display_name: string } | null;
  signed_at: string | null;
  etag: string;
}

/** GET /files/{id}/company-opinion */
export interface CompanyOpinion {
  file_id: string;
  required: boolean;
  editable: boolean;
  values: { id: string; label: string }[];
  state: 'draft' | 'signed' | string | null;
  current: OpinionVersion | null;
  /** Every signed version, oldest first. */
  history: OpinionVersion[];
}

export interface OpinionRequest {
  activities: { index: string; value: string | null; comment: string }[];
  competencies: { number: string; value: string | null; comment: string }[];
  text: string;
}

export interface FileComment {
  id: string;
  file_id: string;
  competency: string | null;
  body: string;
  author: { id: string; display_name: string; role: string };
  created_at: string;
}
