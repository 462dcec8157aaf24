// Shapes of the evaluation modality plan (GET/PUT /files/{id}/modalities).

import type { Choice } from '../referentials/referentialTypes';

// ---- The evaluation modality plan (GET/PUT /files/{id}/modalities) ----------

/** An extra input of a competency's plan entry (the plugin's plan_fields), read from entry.details. */
export interface PlanField {
  id: string;
  type: 'choices' | 'choice' | 'text_list' | 'boolean' | string;
  label: string;
  min?: number;
  required?: boolean;
  choices?: Choice[];
}

export interface ModalityPlanEntry {
  competency: number;
  modality: string;
  planned_date: string;
  place: string;
  evaluators: string[];
  justification?: string;
  details: Record<string, unknown>;
}

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

export interface ModalityPlanView {
  file_id: string;
  file_version: number;
  state: string;
  editable: boolean;
  plan: ModalityPlanEntry[] | null;
  competencies: PlanCompetency[];
  modalities: PlanModality[];
  /** Per competency number (as a string), the modality ids allowed for the file's pathway. */
  allowed_modalities: Record<string, string[]>;
  /** Per competency number (as a string), the extra fields of its plan entry. */
  plan_fields: Record<string, PlanField[]>;
  evaluators: { id: string; display_name: string }[];
}

export interface ModalityPlanRequest {
  expected_version: number;
  competencies: ModalityPlanEntry[];
}
