// What a file covers of its CQPM (« CQPM ou blocs de compétences »): the blocs
// it registers for (POST /files `blocs`; none, or all of them, is the whole
// CQPM) and the blocs it carries over from an earlier jury decision of the
// same candidate (GET/PUT /files/{id}/carry-over, confirmed by the centre while
// the file is registered). The competencies of the blocs not targeted or
// carried over are neither planned nor evaluated, and the jury does not judge
// them. Here: the new-file form's choice, the lines of the file page, the
// carry-over section's request and the server's refusals in French.

import { describeError, type ErrorDescription, listFieldOf } from '../../shared/errors/errors';
import { bornIn, recordedBirthPlace } from './candidate';
import { formatParisDateTime } from '../../shared/format/format';
import { blocLabel } from '../juries/jury';
import type { JuryBloc } from '../juries/juryTypes';
import type { BlocScope } from './fileTypes';
import type { ReferentialBloc } from '../referentials/referentialTypes';
import type { Schema } from '../../shared/api/schemas';

/** The blocs of a referential, numbered as the API numbers them (1-based, in order). */
export function indexedBlocs(blocs: ReadonlyArray<Pick<ReferentialBloc, 'code' | 'rncp_code' | 'title'>>): JuryBloc[] {
  return blocs.map((b, i) => ({ index: i + 1, code: b.code ?? null, rncp_code: b.rncp_code ?? null, title: b.title }));
}

/** « BDC0229 — La mise en place… », or the title alone for a bloc without code. */
export function scopeBlocLabel(bloc: Pick<JuryBloc, 'code' | 'title'>): string {
  return blocLabel({ code: bloc.code, title: bloc.title });
}

/** The list with `index` in it (checked) or out of it, ascending. */
export function toggleIndex(list: readonly number[], index: number, checked: boolean): number[] {
  const rest = list.filter((i) => i !== index);
  return (checked ? [...rest, index] : rest).sort((a, b) => a - b);
}

function fieldOf(err: unknown): string | null {
  const field = typeof err === 'object' && err !== null ? (err as { field?: unknown }).field : undefined;
  return typeof field === 'string' ? field : null;
}

function codeOf(err: unknown): unknown {
  return typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
}

/** A refusal of `blocs` or `blocs[i]` said with `message` (or the plugin's own sentence), else null. */
function blocsRefusal(err: unknown, message: string): ErrorDescription | null {
  if (listFieldOf(fieldOf(err)) !== 'blocs') return null;
  return describeError(err, { fields: { blocs: message } });
}

// ---- The new-file form: the whole CQPM or some blocs ---------------------------

export type ScopeChoice = 'whole' | 'blocs';

/** The form's choice: the whole CQPM, or the blocs ticked (1-based indexes). */
export interface ScopeDraft {
  choice: ScopeChoice;
  blocs: number[];
}

export const WHOLE_CQPM_DRAFT: ScopeDraft = { choice: 'whole', blocs: [] };

export const BLOCS_REQUIRED_MESSAGE = 'Choisissez au moins un bloc.';
export const BLOCS_INVALID_MESSAGE =
  "Un des blocs choisis n'existe pas dans ce CQPM, ou il est choisi deux fois : rechargez la page puis choisissez à nouveau.";

/** Whether the form offers the choice: a CQPM of two blocs or more (one bloc is the whole CQPM). */
export function offersBlocChoice(blocs: readonly unknown[]): boolean {
  return blocs.length > 1;
}

/** The check made before sending: some blocs chosen, none ticked. */
export function validateScope(draft: ScopeDraft): string | null {
  return draft.choice === 'blocs' && draft.blocs.length === 0 ? BLOCS_REQUIRED_MESSAGE : null;
}

/**
 * The `blocs` of POST /files (the draft is valid), ascending: undefined for
 * the whole CQPM, whether chosen as such or by ticking every one of its
 * `blocCount` blocs.
 */
export function scopeRequestBlocs(draft: ScopeDraft, blocCount: number): number[] | undefined {
  if (draft.choice !== 'blocs') return undefined;
  const chosen = [...new Set(draft.blocs)].filter((i) => i >= 1 && i <= blocCount).sort((a, b) => a - b);
  return chosen.length === 0 || chosen.length === blocCount ? undefined : chosen;
}

/** The server's refusal of a bloc (400 `blocs[i]`: unknown or repeated) under the blocs, or null for another field. */
export function describeScopeError(err: unknown): ErrorDescription | null {
  return blocsRefusal(err, BLOCS_INVALID_MESSAGE);
}

// ---- The file page: what the file covers ----------------------------------------

export const WHOLE_CQPM_LABEL = 'Inscription : CQPM complet';

/** Whether the file covers the whole CQPM with nothing carried over (`{}`): no bloc to name. */
export function isPlainScope(scope: BlocScope | null | undefined): boolean {
  return !scope?.targeted?.length && !scope?.carried_over?.length;
}

/** « BDC0229 — …, BDC0231 — … » when every bloc is known, else their numbers « 1, 3 ». */
export function blocNames(indexes: readonly number[], blocs: readonly JuryBloc[] | null | undefined): string {
  const labels = indexes.map((i) => blocs?.find((b) => b.index === i));
  if (labels.every((b) => b !== undefined)) return labels.map((b) => scopeBlocLabel(b!)).join(', ');
  return indexes.join(', ');
}

/** « Inscription : CQPM complet », « Inscription : bloc 2 », « Inscription : blocs 1, 3 » (named when `blocs` are at hand). */
export function registrationScopeLabel(scope: BlocScope | null | undefined, blocs: readonly JuryBloc[] | null | undefined): string {
  const targeted = scope?.targeted ?? [];
  if (targeted.length === 0) return WHOLE_CQPM_LABEL;
  return `Inscription : ${targeted.length === 1 ? 'bloc' : 'blocs'} ${blocNames(targeted, blocs)}`;
}

/** « Blocs déjà obtenus (décision antérieure) : … », or null when nothing is carried over. */
export function carriedOverLabel(scope: BlocScope | null | undefined, blocs: readonly JuryBloc[] | null | undefined): string | null {
  const carried = (scope?.carried_over ?? []).map((c) => c.bloc);
  if (carried.length === 0) return null;
  return `Blocs déjà obtenus (décision antérieure) : ${blocNames(carried, blocs)}`;
}

// ---- The carry-over section (GET/PUT /files/{id}/carry-over) --------------------

/** A bloc an earlier decision in force awarded to the same candidate, among those the file targets. */
export interface OfferedBloc {
  bloc: JuryBloc;
  decision_id: string;
  decided_at: string;
  earlier_file_id: string;
  /** The birth place the earlier file records, to check it is the same person; null: not recorded (absent from older servers). */
  earlier_birth_place?: string | null;
  /** The centre confirmed its carry-over on this file. */
  confirmed: boolean;
}

export type CarryOverView = Schema<'CarryOver'>;

/** The body of PUT /files/{id}/carry-over: exactly the blocs carried over (none: every carry-over withdrawn). */
export interface CarryOverRequest {
  expected_version: number;
  blocs: number[];
}

export const CARRY_OVER_EXPLANATION =
  'Les compétences des blocs repris ne sont ni planifiées ni évaluées à nouveau : le jury les voit comme validées.';
export const CARRY_OVER_FORBIDDEN_MESSAGE = 'Seul le coordinateur du centre du dossier confirme la reprise des blocs déjà obtenus.';
export const CARRY_OVER_CLOSED_MESSAGE =
  "La reprise des blocs ne se confirme que tant que le dossier est « Inscrit », avant la validation des modalités d'évaluation : il a changé d'état entre-temps. La section a été rechargée.";
export const CARRY_OVER_CONFLICT_MESSAGE =
  'Le dossier a été modifié entre-temps : la section a été rechargée. Vérifiez les blocs cochés puis confirmez à nouveau.';
export const CARRY_OVER_BLOC_MESSAGE =
  "Un des blocs cochés ne peut pas être repris (la décision qui l'a attribué n'est plus en vigueur, ou il est coché deux fois) : la liste a été rechargée.";

/** The blocs whose carry-over is confirmed: the form's starting point. */
export function confirmedBlocs(view: Pick<CarryOverView, 'offered'>): number[] {
  return view.offered.filter((o) => o.confirmed).map((o) => o.bloc.index).sort((a, b) => a - b);
}

/** The body of the PUT: the offered blocs ticked, ascending, at the version read. */
export function carryOverRequest(view: Pick<CarryOverView, 'file_version' | 'offered'>, selected: readonly number[]): CarryOverRequest {
  const offered = new Set(view.offered.map((o) => o.bloc.index));
  const blocs = [...new Set(selected)].filter((i) => offered.has(i)).sort((a, b) => a - b);
  return { expected_version: view.file_version, blocs };
}

/** « Obtenu par la décision du 12 mars 2026 à 14:05 » (Paris time). */
export function earlierDecisionLine(offered: Pick<OfferedBloc, 'decided_at'>): string {
  return `Obtenu par la décision du ${formatParisDateTime(offered.decided_at)}`;
}

/** « (dossier antérieur : né(e) à Casablanca (Maroc)) », or null when the earlier file records no birth place. */
export function earlierBirthPlaceNote(offered: Pick<OfferedBloc, 'earlier_birth_place'>): string | null {
  const place = recordedBirthPlace(offered.earlier_birth_place);
  return place ? `(dossier antérieur : ${bornIn(place)})` : null;
}

/** What the section says once the carry-over is recorded. */
export function carryOverSavedText(view: Pick<CarryOverView, 'offered'>): string {
  const repris = view.offered.filter((o) => o.confirmed).map((o) => o.bloc);
  if (repris.length === 0) return 'Aucun bloc n’est repris : toutes les compétences des blocs visés seront évaluées.';
  const names = repris.map(scopeBlocLabel).join(', ');
  return `Reprise enregistrée (${repris.length === 1 ? 'bloc repris' : 'blocs repris'} : ${names}). Le plan d'évaluation ne porte plus sur leurs compétences.`;
}

/** The French sentence for a refused carry-over (400 `blocs[i]`, 403, 409 invalid_state or version_conflict). */
export function describeCarryOverError(err: unknown): ErrorDescription {
  const bloc = blocsRefusal(err, CARRY_OVER_BLOC_MESSAGE);
  if (bloc) return bloc;
  const described = describeError(err, { fields: {} });
  const code = codeOf(err);
  if (code === 'forbidden') return { ...described, text: CARRY_OVER_FORBIDDEN_MESSAGE };
  if (code === 'invalid_state') return { ...described, text: CARRY_OVER_CLOSED_MESSAGE };
  if (code === 'version_conflict') return { ...described, text: CARRY_OVER_CONFLICT_MESSAGE };
  return described;
}

/** Whether the refusal goes under the list of blocs (400 `blocs[i]`) rather than above the section. */
export function isCarryOverBlocsError(err: unknown): boolean {
  return listFieldOf(fieldOf(err)) === 'blocs';
}

/** Whether a refusal means the section is stale (the file moved on, a decision was revoked): reload it and the file. */
export function carryOverStale(err: unknown): boolean {
  const code = codeOf(err);
  return code === 'invalid_state' || code === 'version_conflict' || code === 'not_found' || isCarryOverBlocsError(err);
}
