// Shapes of the evaluation modality plan (GET/PUT /files/{id}/modalities).

import type { Schema } from '../../shared/api/schemas';

// ---- The evaluation modality plan (GET/PUT /files/{id}/modalities) ----------

/** An extra input of a competency's plan entry (the plugin's plan_fields), read from entry.details. */
export type PlanField = Schema<'PlanField'>;

export type ModalityPlanEntry = Schema<'ModalityPlanEntry'>;

export interface PlanCompetency {
  number: number;
  title: string;
  bloc_code: string | null;
  bloc_title: string;
}

export interface PlanModality {
  id: string;
  label: string;
  exceptional: boolean;
}

export type ModalityPlanView = Schema<'ModalityPlanView'>;

export type ModalityPlanRequest = Schema<'ModalityPlanRequest'>;
