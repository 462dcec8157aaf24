// Shapes of the company opinion (GET/PUT /files/{id}/company-opinion).

import type { Schema } from '../../shared/api/schemas';

export type OpinionValue = Schema<'OpinionValue'>;

export type OpinionAnswer = Schema<'OpinionAnswer'>;

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
