// Shapes of the candidate files API (/api/v1/files, /workflows): files, their events, the workflow.

import type { RegistrationValues } from '../referentials/referentialTypes';
import type { OrganisationRef, PathwayId } from '../../shared/api/types';
import type { Schema } from '../../shared/api/schemas';

export type Candidate = Schema<'Candidate'>;

/** The sex as the civil status records it (the Caisse des Dépôts' declaration). */
export type CandidateSex = NonNullable<Candidate['sex']>;

/** The optional fields: null when not recorded. */
type OptionalCandidateKey = 'birth_place' | 'sex' | 'birth_insee_code';

/** The candidate of POST /files: the birth place, sex and INSEE code only when given (never blank). */
export type NewCandidate = Omit<Candidate, OptionalCandidateKey> & {
  birth_place?: string;
  sex?: CandidateSex;
  birth_insee_code?: string;
};

/** The candidate's fields a correction changes: a birth place, sex or INSEE code of "" erases it. */
export type CandidateCorrection = Partial<Omit<Candidate, OptionalCandidateKey>> & {
  birth_place?: string;
  sex?: CandidateSex | '';
  birth_insee_code?: string;
};

export type AvailableTransition = Schema<'Transition'>;

/** The referential version a file was judged under, pinned when it was registered. */
export type PinnedReferential = Schema<'PinnedReferential'>;

/** GET/POST /files/{id}/referential: the pinned version, the one in force, the changes between them. */
export type FileReferential = Schema<'FileReferential'>;

export interface FileSummary {
  id: string;
  state: string;
  version: number;
  cqpm: string;
  pathway: PathwayId | string;
  candidate: Candidate;
  centre: OrganisationRef;
  company: OrganisationRef | null;
  created_at: string;
  updated_at: string;
  /** Null until the file is registered (older servers: absent). */
  referential?: PinnedReferential | null;
  /** End of the report deadline in force (Europe/Paris), or null when none is set. */
  report_due_at?: string | null;
  /** The report deadline has passed and no report was uploaded. */
  overdue?: boolean;
  /**
   * The CQPM's registration answers, by field id (absent from servers that do
   * not send them: the page then neither shows nor corrects them).
   */
  registration?: RegistrationValues | null;
  /** The blocs registered for and those carried over: `{}` the whole CQPM, nothing carried over (absent from older servers). */
  bloc_scope?: BlocScope;
}

/** A bloc held from an earlier jury decision, whose carry-over the centre confirmed on the file. */
export interface CarriedOverBloc {
  /** 1-based index of the bloc in the file's referential. */
  bloc: number;
  decision_id: string;
  confirmed_by: string;
  confirmed_at: string;
}

/** What a file covers of its CQPM. */
export interface BlocScope {
  /** The blocs registered for (1-based indexes); absent or empty: the whole CQPM. */
  targeted?: number[];
  carried_over?: CarriedOverBloc[];
}

export interface CandidateFile extends FileSummary {
  available_transitions: AvailableTransition[];
}

export interface FileList {
  items: FileSummary[];
  next_cursor: string | null;
}

export type FileStats = Schema<'FileStats'>;

export interface NewFileRequest {
  cqpm: string;
  pathway: string;
  candidate: NewCandidate;
  company_id: string | null;
  /** The CQPM's own registration fields (GET /cqpms/{id} registration_fields), by field id. */
  registration?: RegistrationValues;
  /** The blocs registered for (1-based indexes in the CQPM's referential); absent: the whole CQPM. */
  blocs?: number[];
}

/** POST /files/{id}/corrections: the fields present are corrected (only those that changed are sent). */
export interface FileCorrectionRequest {
  expected_version: number;
  reason: string;
  candidate: CandidateCorrection;
  /** The CQPM's registration answers, whole: sent only when they changed. */
  registration?: RegistrationValues;
}

export interface FileEvent {
  seq: number;
  transition: string;
  from: string | null;
  to: string;
  actor: { id: string; login: string; display_name: string; role?: string } | null;
  organisation_id: string | null;
  payload: Record<string, unknown> | null;
  at: string;
  hash: string;
  /** A short French sentence saying what happened (the activity feed). */
  summary_fr?: string;
}

export type WorkflowState = Schema<'WorkflowState'>;

export type WorkflowTransition = Schema<'WorkflowTransition'>;

export type Workflow = Schema<'WorkflowDefinition'>;

/** GET /files/{id}?at=…: the file exactly as it stood at an earlier instant, read-only (its `file` has no `version`). */
export type FileAsOf = Schema<'FileAsOf'>;

/** A comment on a file (GET/POST /files/{id}/comments): general, or about one competency. */
export type FileComment = Schema<'Comment'>;
