// The jury's validation, competency by competency. The jury no longer picks an
// outcome: it validates each competency (starting from the commission's signed
// result) and the outcome follows, on the server, by the rule mirrored here so
// the page can show it live:
//   every competency validated                     → certified (the whole CQPM);
//   else the blocs, not already held, all of whose
//   competencies are validated, when blocs may be
//   awarded (proposal.blocs_awardable)              → blocs_awarded (those blocs);
//   else                                            → not_certified.
// Blocs may be awarded only while the pinned referential says the CQPM is
// registered at the RNCP (on the session's date); an older server that does
// not say (no blocs_awardable) is taken as allowing them.
// A file registered for some blocs only: the competencies of the other blocs
// (targeted: false) were never evaluated, are not validated and take no verdict.
// A verdict that departs from the commission's result needs its own written
// reason; the decision's reason is asked only when the outcome departs from the
// plugin's proposal while no competency departs from the commission.

import {
  blocCodes,
  blocLabel,
  JURY_FIELD_MESSAGES,
  outcomeLabel,
  REASON_REQUIRED_MESSAGE,
  resultLabel,
} from './jury';
import { describeError, normaliseField, pluginMessage } from '../../shared/errors/errors';
import { formatCalendarDate } from '../../shared/format/format';
import { utf8Length } from '../../shared/format/textList';
import type {
  CarriedBloc,
  DecisionCompetency,
  DecisionRequest,
  JuryBloc,
  JuryProposal,
  Outcome,
  ProposalCompetency,
} from './juryTypes';

export const COMPETENCY_REASON_MESSAGE = "Indiquez le motif de l'écart avec le résultat de la commission.";
export const COMPETENCY_REASON_LENGTH_MESSAGE = 'Le motif est trop long : abrégez-le.';
export const COMPETENCY_NOT_JUDGED_MESSAGE =
  "Cette compétence ne peut pas être jugée ici (bloc déjà obtenu, ou compétence absente du référentiel). Rechargez la page.";
export const COMPETENCY_CONTRADICTION_MESSAGE =
  'Le résultat demandé ne correspond pas aux compétences validées : vérifiez cette compétence.';

/** The server's limit on a competency's reason, in UTF-8 bytes. */
const REASON_MAX_BYTES = 2000;

/** What the jury says of one competency in the form (carried-over competencies have none). */
export interface VerdictDraft {
  validated: boolean;
  reason: string;
}

/** Verdicts by competency number. */
export type ValidationDraft = Readonly<Record<string, VerdictDraft>>;

export interface DerivedOutcome {
  outcome: Outcome;
  /** certified: every bloc; blocs_awarded: the blocs newly awarded; not_certified: none. */
  blocs: number[];
}

/** Errors of the decision form: per competency number, and the decision's reason. */
export interface DecisionErrors {
  competencies: Record<string, string>;
  reason?: string;
}

/** "acquise", "non acquise", "non évaluée" (also for a competency never graded). */
export function commissionResultLabel(result: string | null | undefined): string {
  return resultLabel(result ?? 'not_evaluated');
}

/** Whether the commission's signed result validates the competency. */
export function commissionAcquired(competency: Pick<ProposalCompetency, 'commission_result'>): boolean {
  return competency.commission_result === 'acquired';
}

/** Whether the competency's bloc is one the file registered for (older proposals do not say: yes). */
export function isTargeted(competency: Pick<ProposalCompetency, 'targeted'>): boolean {
  return competency.targeted !== false;
}

/** Whether the jury gives a verdict on the competency: neither carried over nor outside the blocs registered for. */
export function isJudged(competency: Pick<ProposalCompetency, 'carried_over' | 'targeted'>): boolean {
  return !competency.carried_over && isTargeted(competency);
}

/** The form's starting point: each competency judged as the proposal pre-fills it, no reason. */
export function initialValidation(competencies: ReadonlyArray<ProposalCompetency>): Record<string, VerdictDraft> {
  const draft: Record<string, VerdictDraft> = {};
  for (const c of competencies) {
    if (isJudged(c)) draft[c.number] = { validated: c.validated, reason: '' };
  }
  return draft;
}

/**
 * Whether the competency counts as validated: a carried-over bloc's always, a
 * bloc not registered for never, else the jury's verdict.
 */
export function isValidated(competency: ProposalCompetency, draft: ValidationDraft): boolean {
  if (competency.carried_over) return true;
  if (!isTargeted(competency)) return false;
  return draft[competency.number]?.validated ?? competency.validated;
}

/** Whether the jury's verdict departs from the commission's result (then it needs a reason). */
export function departsFromCommission(competency: ProposalCompetency, draft: ValidationDraft): boolean {
  return isJudged(competency) && isValidated(competency, draft) !== commissionAcquired(competency);
}

/** The competencies whose verdict departs from the commission, in the referential's order. */
export function departures(
  competencies: ReadonlyArray<ProposalCompetency>,
  draft: ValidationDraft,
): ProposalCompetency[] {
  return competencies.filter((c) => departsFromCommission(c, draft));
}

/** Whether the decision may award blocs of competencies (absent from older servers: yes). */
export function blocsAwardable(proposal: Pick<JuryProposal, 'blocs_awardable'> | null | undefined): boolean {
  return proposal?.blocs_awardable !== false;
}

/**
 * Why no bloc can be awarded, in French, or null when blocs can be: the pinned
 * referential does not say the CQPM is registered at the RNCP, or (registered)
 * its registration dates do not cover the session.
 */
export function noBlocsNote(
  proposal: Pick<JuryProposal, 'blocs_awardable' | 'identity' | 'referential_version'> | null | undefined,
): string | null {
  if (!proposal || blocsAwardable(proposal)) return null;
  const version = proposal.referential_version;
  const referential = version ? `le référentiel (version ${version})` : 'le référentiel du dossier';
  const rncp = proposal.identity?.rncp ?? null;
  if (rncp?.registered === true && (rncp.registration_start || rncp.registration_end)) {
    const dates =
      rncp.registration_start && rncp.registration_end
        ? `du ${formatCalendarDate(rncp.registration_start)} au ${formatCalendarDate(rncp.registration_end)}`
        : rncp.registration_start
          ? `à partir du ${formatCalendarDate(rncp.registration_start)}`
          : `jusqu'au ${formatCalendarDate(rncp.registration_end!)}`;
    return `Aucun bloc ne peut être attribué : d'après ${referential}, ce CQPM est inscrit au RNCP ${dates}, ce qui ne couvre pas la date de la session.`;
  }
  return `Aucun bloc ne peut être attribué : ${referential} n'indique pas que ce CQPM est inscrit au RNCP.`;
}

/**
 * The outcome the validated competencies support: the server's rule. Without
 * `awardable` (the CQPM not registered at the RNCP), complete blocs are not
 * awarded: every competency validated certifies, anything less does not.
 */
export function deriveOutcome(
  competencies: ReadonlyArray<ProposalCompetency>,
  draft: ValidationDraft,
  awardable = true,
): DerivedOutcome {
  const blocs = new Map<number, { carried: boolean; complete: boolean }>();
  for (const c of competencies) {
    const bloc = blocs.get(c.bloc_index) ?? { carried: false, complete: true };
    bloc.carried ||= c.carried_over;
    bloc.complete &&= isValidated(c, draft);
    blocs.set(c.bloc_index, bloc);
  }
  const indexes = [...blocs.keys()].sort((a, b) => a - b);
  if (competencies.length > 0 && indexes.every((i) => blocs.get(i)!.complete)) {
    return { outcome: 'certified', blocs: indexes };
  }
  const awarded = indexes.filter((i) => !blocs.get(i)!.carried && blocs.get(i)!.complete);
  if (awardable && awarded.length > 0) return { outcome: 'blocs_awarded', blocs: awarded };
  return { outcome: 'not_certified', blocs: [] };
}

/** Whether the derived outcome departs from the plugin's proposal (the outcome, or the blocs of an attestation). */
export function outcomeDepartsFromProposal(
  proposal: Pick<JuryProposal, 'outcome' | 'blocs'> | null,
  derived: DerivedOutcome,
): boolean {
  if (!proposal) return true;
  if (proposal.outcome !== derived.outcome) return true;
  if (derived.outcome !== 'blocs_awarded') return false;
  const proposed = new Set(proposal.blocs.map((b) => b.index));
  const chosen = new Set(derived.blocs);
  return proposed.size !== chosen.size || [...chosen].some((i) => !proposed.has(i));
}

/**
 * Whether the decision needs the jury's own reason: its outcome departs from
 * the proposal and no competency departs from the commission (whose reasons
 * would explain it).
 */
export function decisionReasonRequired(
  proposal: Pick<JuryProposal, 'outcome' | 'blocs' | 'blocs_awardable'> | null,
  competencies: ReadonlyArray<ProposalCompetency>,
  draft: ValidationDraft,
): boolean {
  return (
    outcomeDepartsFromProposal(proposal, deriveOutcome(competencies, draft, blocsAwardable(proposal))) &&
    departures(competencies, draft).length === 0
  );
}

/**
 * The form's errors before sending (French): a reason for each verdict that
 * departs from the commission; the decision's reason when its field is shown
 * (`reason` null: the field is hidden).
 */
export function validateValidation(
  competencies: ReadonlyArray<ProposalCompetency>,
  draft: ValidationDraft,
  reason: string | null,
): DecisionErrors {
  const errors: DecisionErrors = { competencies: {} };
  for (const c of departures(competencies, draft)) {
    const text = draft[c.number]?.reason.trim() ?? '';
    if (!text) errors.competencies[c.number] = COMPETENCY_REASON_MESSAGE;
    else if (utf8Length(text) > REASON_MAX_BYTES) errors.competencies[c.number] = COMPETENCY_REASON_LENGTH_MESSAGE;
  }
  if (reason !== null && !reason.trim()) errors.reason = REASON_REQUIRED_MESSAGE;
  return errors;
}

export function hasDecisionErrors(errors: DecisionErrors): boolean {
  return errors.reason !== undefined || Object.keys(errors.competencies).length > 0;
}

/**
 * The body of POST …/decision: the verdicts that depart from the commission,
 * each with its reason (the others keep the commission's result on the
 * server; a competency carried over or outside the blocs registered for is
 * never sent), and the decision's reason when its field is shown and filled. No
 * outcome, no blocs: the server derives them.
 */
export function decisionRequest(
  competencies: ReadonlyArray<ProposalCompetency>,
  draft: ValidationDraft,
  reason: string | null,
): DecisionRequest {
  const body: DecisionRequest = {
    competencies: departures(competencies, draft).map((c) => ({
      number: c.number,
      validated: isValidated(c, draft),
      reason: draft[c.number]?.reason.trim() ?? '',
    })),
  };
  const text = reason?.trim();
  if (text) body.reason = text;
  return body;
}

/**
 * The server's refusal of a decision as form errors: "competencies[i].reason"
 * (and .number, .validated) on the row of the i-th verdict sent; "outcome" or
 * "blocs" on the competency details.competency names; "reason" on the
 * decision's reason (`askReason`: show its field). Null when the error belongs
 * to no field (the page shows it above the form).
 */
export function decisionErrorsFromServer(
  err: unknown,
  sent: DecisionRequest,
): { errors: DecisionErrors; askReason: boolean } | null {
  const described = describeError(err, { fields: JURY_FIELD_MESSAGES });
  const field = normaliseField(described.field);
  if (!field) return null;
  const details = (err as { details?: Readonly<Record<string, unknown>> | null }).details ?? null;
  const entry = /^competencies\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (entry) {
    const number = sent.competencies?.[Number(entry[1])]?.number;
    if (number === undefined) return null;
    const sub = entry[2];
    const text =
      sub === 'reason'
        ? (pluginMessage(details) ?? COMPETENCY_REASON_MESSAGE)
        : sub === 'number'
          ? COMPETENCY_NOT_JUDGED_MESSAGE
          : described.text;
    return { errors: { competencies: { [number]: text } }, askReason: false };
  }
  if (field === 'outcome' || field === 'blocs' || field.startsWith('blocs[')) {
    const number = details?.competency;
    if (typeof number !== 'string' && typeof number !== 'number') return null;
    return {
      errors: { competencies: { [String(number)]: pluginMessage(details) ?? COMPETENCY_CONTRADICTION_MESSAGE } },
      askReason: false,
    };
  }
  if (field === 'reason') return { errors: { competencies: {}, reason: described.text }, askReason: true };
  return null;
}

// ---- How each competency was evaluated ---------------------------------------

/**
 * What the form says of how the commission evaluated a competency:
 * « Évaluée en : <modality> » and, for an exceptional modality, its written
 * justification (the jury must see why it was evaluated outside a real
 * situation). Null when the proposal does not say (older decisions).
 */
export function modalityNote(
  competency: Pick<ProposalCompetency, 'modality'>,
): { evaluatedIn: string; justification: string | null } | null {
  const modality = competency.modality;
  if (!modality) return null;
  const label = modality.label?.trim() || modality.id;
  const text = modality.justification?.trim();
  return {
    evaluatedIn: `Évaluée en : ${label}`,
    justification: modality.exceptional ? `Situation reconstituée — justification : ${text || 'non renseignée'}` : null,
  };
}

// ---- Blocs -------------------------------------------------------------------

/** The blocs known for a file: the pinned referential's, else those the proposal names. */
export function blocLookup(
  referential: ReadonlyArray<JuryBloc>,
  proposal: Pick<JuryProposal, 'blocs' | 'carried_over'> | null,
): Map<number, JuryBloc> {
  const lookup = new Map<number, JuryBloc>();
  const add = (b: JuryBloc) => {
    const known = lookup.get(b.index);
    if (!known) lookup.set(b.index, { index: b.index, code: b.code, rncp_code: b.rncp_code ?? null, title: b.title });
    else if (!known.rncp_code && b.rncp_code) known.rncp_code = b.rncp_code;
  };
  referential.forEach(add);
  proposal?.blocs.forEach(add);
  proposal?.carried_over.forEach(add);
  return lookup;
}

function blocOf(lookup: ReadonlyMap<number, JuryBloc>, index: number): JuryBloc {
  return lookup.get(index) ?? { index, code: null, title: `Bloc ${index}` };
}

/** « Inscription à certains blocs : BDC0229 — …, BDC0231 — … », or null for a file registered for the whole CQPM. */
export function targetedBlocsNote(
  proposal: Pick<JuryProposal, 'targeted_blocs'> | null | undefined,
  lookup: ReadonlyMap<number, JuryBloc>,
): string | null {
  const targeted = proposal?.targeted_blocs ?? [];
  if (targeted.length === 0) return null;
  return `Inscription à certains blocs : ${targeted.map((i) => blocLabel(blocOf(lookup, i))).join(', ')}`;
}

export interface BlocGroup {
  bloc: JuryBloc;
  /** Held from an earlier decision: its competencies are not judged again. */
  carried: CarriedBloc | null;
  competencies: ProposalCompetency[];
}

/** The competencies by bloc, in the blocs' order. */
export function groupByBloc(
  competencies: ReadonlyArray<ProposalCompetency>,
  lookup: ReadonlyMap<number, JuryBloc>,
  carriedOver: ReadonlyArray<CarriedBloc> = [],
): BlocGroup[] {
  const groups = new Map<number, BlocGroup>();
  for (const c of competencies) {
    let group = groups.get(c.bloc_index);
    if (!group) {
      const held = carriedOver.find((b) => b.index === c.bloc_index) ?? null;
      group = { bloc: blocOf(lookup, c.bloc_index), carried: held, competencies: [] };
      groups.set(c.bloc_index, group);
    }
    group.competencies.push(c);
  }
  return [...groups.values()].sort((a, b) => a.bloc.index - b.bloc.index);
}

/** "CQPM délivré", "Blocs de compétences : BDC0229, BDC0231 / RNCP37854BC03", "CQPM non délivré". */
export function derivedOutcomeLabel(derived: DerivedOutcome, lookup: ReadonlyMap<number, JuryBloc>): string {
  if (derived.outcome !== 'blocs_awarded') return outcomeLabel(derived.outcome);
  const names = derived.blocs.map((i) => {
    const bloc = blocOf(lookup, i);
    return blocCodes(bloc) || bloc.title;
  });
  return `Blocs de compétences : ${names.join(', ')}`;
}

// ---- A recorded decision -----------------------------------------------------

/** Whether a recorded verdict departed from the commission's result. */
export function recordedDeparture(competency: DecisionCompetency): boolean {
  return isJudged(competency) && competency.validated !== commissionAcquired(competency);
}

/**
 * What the decision view shows of the validation: whether every competency
 * was validated, and the competencies not validated or judged otherwise than
 * the commission (those of blocs the file did not register for left out).
 * Null for a decision recorded before the validation existed.
 */
export function validationSummary(
  competencies: ReadonlyArray<DecisionCompetency> | null | undefined,
): { allValidated: boolean; notable: DecisionCompetency[] } | null {
  // The competencies of blocs the file did not register for were not judged: they are not reported.
  const judged = (competencies ?? []).filter((c) => c.carried_over || isTargeted(c));
  if (judged.length === 0) return null;
  return {
    allValidated: judged.every((c) => c.validated),
    notable: judged.filter((c) => !c.validated || recordedDeparture(c)),
  };
}
