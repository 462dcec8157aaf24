import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/client';
import { REASON_REQUIRED_MESSAGE } from './jury';
import type { CarriedBloc, DecisionCompetency, JuryProposal, ProposalCompetency } from './juryTypes';
import {
  COMPETENCY_CONTRADICTION_MESSAGE,
  COMPETENCY_NOT_JUDGED_MESSAGE,
  COMPETENCY_REASON_LENGTH_MESSAGE,
  COMPETENCY_REASON_MESSAGE,
  blocLookup,
  blocsAwardable,
  commissionResultLabel,
  decisionErrorsFromServer,
  decisionReasonRequired,
  decisionRequest,
  departsFromCommission,
  departures,
  deriveOutcome,
  derivedOutcomeLabel,
  groupByBloc,
  hasDecisionErrors,
  initialValidation,
  isJudged,
  isTargeted,
  isValidated,
  modalityNote,
  noBlocsNote,
  outcomeDepartsFromProposal,
  targetedBlocsNote,
  validateValidation,
  validationSummary,
  type ValidationDraft,
} from './juryValidation';

const blocs = [
  { index: 1, code: 'BDC0229', title: "La mise en place d'un plan d'action qualité" },
  { index: 2, code: 'BDC0230', title: "La formalisation d'un processus qualité" },
  { index: 3, code: null, title: "Le développement de l'amélioration continue" },
];

function competency(
  number: string,
  bloc_index: number,
  commission_result: string | null = 'acquired',
  carried_over = false,
): ProposalCompetency {
  return {
    number,
    title: `Compétence ${number}`,
    bloc_index,
    commission_result,
    carried_over,
    validated: carried_over || commission_result === 'acquired',
  };
}

/** Six competencies, two per bloc, all acquired by the commission. */
const allAcquired = [
  competency('1', 1),
  competency('2', 1),
  competency('3', 2),
  competency('4', 2),
  competency('5', 3),
  competency('6', 3),
];

const carriedBloc2: CarriedBloc = { ...blocs[1]!, decision_id: 'd0', decided_at: '2026-01-15T10:00:00Z' };

function proposal(outcome: JuryProposal['outcome'], blocIndexes: number[], extra: Partial<JuryProposal> = {}): JuryProposal {
  return {
    outcome,
    blocs: blocs.filter((b) => blocIndexes.includes(b.index)),
    carried_over: [],
    results: {},
    competencies: allAcquired,
    referential_version: 1,
    ...extra,
  };
}

const verdicts = (entries: Record<string, boolean | [boolean, string]>): ValidationDraft =>
  Object.fromEntries(
    Object.entries(entries).map(([n, v]) => [n, Array.isArray(v) ? { validated: v[0], reason: v[1] } : { validated: v, reason: '' }]),
  );

describe('deriving the outcome from the validated competencies', () => {
  it('certifies the whole CQPM when every competency is validated', () => {
    expect(deriveOutcome(allAcquired, initialValidation(allAcquired))).toEqual({ outcome: 'certified', blocs: [1, 2, 3] });
  });

  it('awards the blocs all of whose competencies are validated', () => {
    expect(deriveOutcome(allAcquired, verdicts({ '3': false }))).toEqual({ outcome: 'blocs_awarded', blocs: [1, 3] });
    expect(deriveOutcome(allAcquired, verdicts({ '1': false, '6': false }))).toEqual({ outcome: 'blocs_awarded', blocs: [2] });
  });

  it('awards nothing when no bloc is complete', () => {
    expect(deriveOutcome(allAcquired, verdicts({ '1': false, '3': false, '5': false }))).toEqual({
      outcome: 'not_certified',
      blocs: [],
    });
    expect(deriveOutcome([], {})).toEqual({ outcome: 'not_certified', blocs: [] });
  });

  it('counts a carried-over bloc as validated, without awarding it again', () => {
    const withCarried = [
      competency('1', 1),
      competency('2', 1),
      competency('3', 2, null, true),
      competency('4', 2, null, true),
      competency('5', 3, 'not_acquired'),
      competency('6', 3),
    ];
    const start = initialValidation(withCarried);
    // Competency 5 not acquired: bloc 1 is new, bloc 2 is already held.
    expect(deriveOutcome(withCarried, start)).toEqual({ outcome: 'blocs_awarded', blocs: [1] });
    // The carried bloc completes the whole CQPM once the rest is validated.
    expect(deriveOutcome(withCarried, { ...start, '5': { validated: true, reason: 'Vu en entretien' } })).toEqual({
      outcome: 'certified',
      blocs: [1, 2, 3],
    });
    // Only the carried bloc complete: nothing new to award.
    expect(deriveOutcome(withCarried, { ...start, '1': { validated: false, reason: 'x' } })).toEqual({
      outcome: 'not_certified',
      blocs: [],
    });
    // A verdict on a carried competency changes nothing.
    expect(deriveOutcome(withCarried, { ...start, '3': { validated: false, reason: '' } })).toEqual({
      outcome: 'blocs_awarded',
      blocs: [1],
    });
  });
});

describe('a CQPM the pinned referential does not say is registered at the RNCP (blocs_awardable false)', () => {
  const notRegistered = proposal('not_certified', [], { blocs_awardable: false });

  it('reads an older server (no blocs_awardable) as allowing blocs', () => {
    expect(blocsAwardable(proposal('blocs_awarded', [1]))).toBe(true);
    expect(blocsAwardable(proposal('blocs_awarded', [1], { blocs_awardable: true }))).toBe(true);
    expect(blocsAwardable(notRegistered)).toBe(false);
    expect(blocsAwardable(null)).toBe(true);
  });

  it('awards no bloc: all validated certifies, anything less does not', () => {
    expect(deriveOutcome(allAcquired, initialValidation(allAcquired), false)).toEqual({ outcome: 'certified', blocs: [1, 2, 3] });
    expect(deriveOutcome(allAcquired, verdicts({ '3': false }), false)).toEqual({ outcome: 'not_certified', blocs: [] });
    expect(deriveOutcome(allAcquired, verdicts({ '1': false, '6': false }), false)).toEqual({ outcome: 'not_certified', blocs: [] });
    // A bloc carried over from an earlier decision still counts toward the whole CQPM.
    const withCarried = [competency('1', 1), competency('2', 1), competency('3', 2, null, true), competency('4', 2, null, true)];
    expect(deriveOutcome(withCarried, initialValidation(withCarried), false)).toEqual({ outcome: 'certified', blocs: [1, 2] });
    expect(deriveOutcome(withCarried, verdicts({ '1': false }), false)).toEqual({ outcome: 'not_certified', blocs: [] });
  });

  it('compares with the proposal as the server derives it', () => {
    // The plugin proposed not_certified: a complete bloc (1) awards nothing, so nothing departs.
    const partial = [competency('1', 1), competency('2', 1), competency('3', 2, 'not_acquired'), competency('4', 2)];
    expect(decisionReasonRequired(notRegistered, partial, initialValidation(partial))).toBe(false);
    // Registered, the same validation would award bloc 1, departing from a not_certified proposal.
    expect(decisionReasonRequired(proposal('not_certified', []), partial, initialValidation(partial))).toBe(true);
    // Every competency validated still certifies the whole CQPM, which departs from not_certified.
    expect(decisionReasonRequired(notRegistered, allAcquired, initialValidation(allAcquired))).toBe(true);
  });

  it('says why no bloc can be awarded', () => {
    expect(noBlocsNote(proposal('blocs_awarded', [1]))).toBeNull();
    expect(noBlocsNote(notRegistered)).toBe(
      "Aucun bloc ne peut être attribué : le référentiel (version 1) n'indique pas que ce CQPM est inscrit au RNCP.",
    );
    expect(noBlocsNote({ ...notRegistered, referential_version: null })).toBe(
      "Aucun bloc ne peut être attribué : le référentiel du dossier n'indique pas que ce CQPM est inscrit au RNCP.",
    );
    const outOfDates = {
      ...notRegistered,
      referential_version: 3,
      identity: {
        title: 'Technicien de la qualité',
        cqpm_number: null,
        rncp: { number: 'RNCP37854', level: 5, registration_start: '2020-01-01', registration_end: '2024-12-31', registered: true },
      },
    };
    expect(noBlocsNote(outOfDates)).toBe(
      "Aucun bloc ne peut être attribué : d'après le référentiel (version 3), ce CQPM est inscrit au RNCP du 01/01/2020 au 31/12/2024, ce qui ne couvre pas la date de la session.",
    );
    const notSaid = { ...outOfDates, identity: { ...outOfDates.identity, rncp: { ...outOfDates.identity.rncp, registered: null } } };
    expect(noBlocsNote(notSaid)).toContain("n'indique pas que ce CQPM est inscrit au RNCP");
  });
});

describe('departures from the commission', () => {
  it('pre-fills from the proposal, carried-over competencies left out', () => {
    const list = [competency('1', 1), competency('2', 1, 'not_acquired'), competency('3', 2, null, true)];
    expect(initialValidation(list)).toEqual({
      '1': { validated: true, reason: '' },
      '2': { validated: false, reason: '' },
    });
    expect(departures(list, initialValidation(list))).toEqual([]);
  });

  it('flags a verdict that differs from the commission, either way', () => {
    const acquired = competency('1', 1);
    const notAcquired = competency('2', 1, 'not_acquired');
    const notEvaluated = competency('3', 2, 'not_evaluated');
    const neverGraded = competency('4', 2, null);
    const carried = competency('5', 3, null, true);
    expect(departsFromCommission(acquired, verdicts({ '1': false }))).toBe(true);
    expect(departsFromCommission(acquired, verdicts({ '1': true }))).toBe(false);
    expect(departsFromCommission(notAcquired, verdicts({ '2': true }))).toBe(true);
    expect(departsFromCommission(notEvaluated, verdicts({ '3': true }))).toBe(true);
    expect(departsFromCommission(neverGraded, verdicts({ '4': true }))).toBe(true);
    expect(departsFromCommission(neverGraded, {})).toBe(false);
    expect(departsFromCommission(carried, verdicts({ '5': false }))).toBe(false);
  });

  it('names the commission results in French', () => {
    expect(commissionResultLabel('acquired')).toBe('acquise');
    expect(commissionResultLabel('not_acquired')).toBe('non acquise');
    expect(commissionResultLabel('not_evaluated')).toBe('non évaluée');
    expect(commissionResultLabel(null)).toBe('non évaluée');
  });
});

describe("the decision's own reason", () => {
  it('compares the derived outcome with the proposal, blocs included', () => {
    expect(outcomeDepartsFromProposal(proposal('certified', [1, 2, 3]), { outcome: 'certified', blocs: [1, 2, 3] })).toBe(false);
    expect(outcomeDepartsFromProposal(proposal('certified', [1, 2, 3]), { outcome: 'blocs_awarded', blocs: [1] })).toBe(true);
    expect(outcomeDepartsFromProposal(proposal('blocs_awarded', [1, 3]), { outcome: 'blocs_awarded', blocs: [3, 1] })).toBe(false);
    expect(outcomeDepartsFromProposal(proposal('blocs_awarded', [1, 3]), { outcome: 'blocs_awarded', blocs: [1] })).toBe(true);
    expect(outcomeDepartsFromProposal(null, { outcome: 'not_certified', blocs: [] })).toBe(true);
  });

  it('is asked only when the outcome departs from the proposal and no competency departs', () => {
    const certified = proposal('certified', [1, 2, 3]);
    expect(decisionReasonRequired(certified, allAcquired, initialValidation(allAcquired))).toBe(false);
    // A competency's reason explains the departure.
    expect(decisionReasonRequired(certified, allAcquired, verdicts({ '1': false }))).toBe(false);
    // The plugin proposed less than the commission's results support: the jury says why it differs.
    expect(decisionReasonRequired(proposal('blocs_awarded', [1, 3]), allAcquired, initialValidation(allAcquired))).toBe(true);
  });
});

describe('checking and sending the decision', () => {
  it('asks a reason for each departing verdict, and for the decision when its field shows', () => {
    const draft = verdicts({ '1': false, '3': [false, '  '], '5': [false, 'Audit non réalisé'] });
    expect(validateValidation(allAcquired, draft, null)).toEqual({
      competencies: { '1': COMPETENCY_REASON_MESSAGE, '3': COMPETENCY_REASON_MESSAGE },
    });
    expect(validateValidation(allAcquired, {}, ' ')).toEqual({ competencies: {}, reason: REASON_REQUIRED_MESSAGE });
    expect(validateValidation(allAcquired, {}, 'Vu le dossier')).toEqual({ competencies: {} });
    expect(hasDecisionErrors({ competencies: {} })).toBe(false);
    expect(hasDecisionErrors({ competencies: { '1': 'x' } })).toBe(true);
    expect(hasDecisionErrors({ competencies: {}, reason: 'x' })).toBe(true);
    expect(validateValidation(allAcquired, verdicts({ '1': [false, 'é'.repeat(1001)] }), null).competencies['1']).toBe(
      COMPETENCY_REASON_LENGTH_MESSAGE,
    );
  });

  it('sends only the departing verdicts with their reasons, never the outcome', () => {
    expect(decisionRequest(allAcquired, initialValidation(allAcquired), null)).toEqual({ competencies: [] });
    const draft = { ...initialValidation(allAcquired), ...verdicts({ '4': [false, ' Documents incomplets '] }) };
    expect(decisionRequest(allAcquired, draft, null)).toEqual({
      competencies: [{ number: '4', validated: false, reason: 'Documents incomplets' }],
    });
    const graded = [competency('1', 1, 'not_acquired'), competency('2', 1)];
    expect(decisionRequest(graded, verdicts({ '1': [true, 'Rattrapage'] }), ' Vu le dossier ')).toEqual({
      competencies: [{ number: '1', validated: true, reason: 'Rattrapage' }],
      reason: 'Vu le dossier',
    });
    expect(decisionRequest(graded, {}, '  ')).toEqual({ competencies: [] });
  });

  it("puts the server's refusals on the competency they name", () => {
    const sent = {
      competencies: [
        { number: '2', validated: false, reason: 'x' },
        { number: '5', validated: false, reason: '' },
      ],
    };
    const missing = new ApiError(422, 'unprocessable', 'competency 5 ...', 'competencies[1].reason', {
      competency: '5',
      message_fr: "La compétence 5 s'écarte du résultat de la commission : le jury doit en donner le motif.",
    });
    expect(decisionErrorsFromServer(missing, sent)).toEqual({
      errors: { competencies: { '5': "La compétence 5 s'écarte du résultat de la commission : le jury doit en donner le motif." } },
      askReason: false,
    });
    const bare = new ApiError(422, 'unprocessable', 'x', 'competencies[0].reason');
    expect(decisionErrorsFromServer(bare, sent)?.errors.competencies).toEqual({ '2': COMPETENCY_REASON_MESSAGE });
    const carried = new ApiError(400, 'invalid_field', 'x', 'competencies[0].number');
    expect(decisionErrorsFromServer(carried, sent)?.errors.competencies).toEqual({ '2': COMPETENCY_NOT_JUDGED_MESSAGE });
    const outcome = new ApiError(422, 'unprocessable', 'x', 'outcome', { derived_outcome: 'blocs_awarded', competency: '3' });
    expect(decisionErrorsFromServer(outcome, sent)?.errors.competencies).toEqual({ '3': COMPETENCY_CONTRADICTION_MESSAGE });
  });

  it("asks the decision's reason when the server does, and leaves the rest to the page", () => {
    const reason = new ApiError(422, 'unprocessable', 'departs', 'reason', {
      message_fr: "La décision s'écarte de la proposition : le jury doit en donner le motif par écrit.",
    });
    expect(decisionErrorsFromServer(reason, { competencies: [] })).toEqual({
      errors: { competencies: {}, reason: "La décision s'écarte de la proposition : le jury doit en donner le motif par écrit." },
      askReason: true,
    });
    const outOfRange = new ApiError(422, 'unprocessable', 'x', 'competencies[4].reason');
    expect(decisionErrorsFromServer(outOfRange, { competencies: [] })).toBeNull();
    expect(decisionErrorsFromServer(new ApiError(409, 'invalid_state', 'x', 'quorum'), { competencies: [] })).toBeNull();
    expect(decisionErrorsFromServer(new ApiError(500, 'internal', 'x'), { competencies: [] })).toBeNull();
    expect(decisionErrorsFromServer(new Error('network'), { competencies: [] })).toBeNull();
  });
});

describe('blocs', () => {
  it('groups the competencies by bloc, carried-over blocs marked', () => {
    const list = [competency('3', 2, null, true), competency('1', 1), competency('4', 2, null, true), competency('2', 1)];
    const lookup = blocLookup([], proposal('blocs_awarded', [1], { carried_over: [carriedBloc2] }));
    const groups = groupByBloc(list, lookup, [carriedBloc2]);
    expect(groups.map((g) => [g.bloc.code, g.carried?.decision_id ?? null, g.competencies.map((c) => c.number)])).toEqual([
      ['BDC0229', null, ['1', '2']],
      ['BDC0230', 'd0', ['3', '4']],
    ]);
    // A bloc neither the referential nor the proposal names.
    expect(groupByBloc([competency('9', 7)], lookup)[0]!.bloc).toEqual({ index: 7, code: null, title: 'Bloc 7' });
  });

  it('keeps the RNCP code of each bloc for its label', () => {
    const withRncp = [{ ...blocs[0]!, rncp_code: 'RNCP37854BC01' }, blocs[1]!, { ...blocs[2]!, rncp_code: 'RNCP37854BC03' }];
    const lookup = blocLookup(withRncp, proposal('blocs_awarded', [2]));
    expect(lookup.get(1)).toEqual({ index: 1, code: 'BDC0229', rncp_code: 'RNCP37854BC01', title: blocs[0]!.title });
    expect(lookup.get(2)?.rncp_code).toBeNull();
    // The proposal's blocs (from the server) fill a code the referential's list lacks.
    const fromProposal = blocLookup(blocs, { blocs: [{ ...blocs[1]!, rncp_code: 'RNCP37854BC02' }], carried_over: [] });
    expect(fromProposal.get(2)?.rncp_code).toBe('RNCP37854BC02');
    expect(derivedOutcomeLabel({ outcome: 'blocs_awarded', blocs: [1, 3] }, lookup)).toBe(
      'Blocs de compétences : BDC0229 / RNCP37854BC01, RNCP37854BC03',
    );
  });

  it('says the derived result in French', () => {
    const lookup = blocLookup(blocs, null);
    expect(derivedOutcomeLabel({ outcome: 'certified', blocs: [1, 2, 3] }, lookup)).toBe('CQPM délivré');
    expect(derivedOutcomeLabel({ outcome: 'not_certified', blocs: [] }, lookup)).toBe('CQPM non délivré');
    expect(derivedOutcomeLabel({ outcome: 'blocs_awarded', blocs: [1, 3] }, lookup)).toBe(
      "Blocs de compétences : BDC0229, Le développement de l'amélioration continue",
    );
  });
});

describe('a recorded validation', () => {
  const recorded = (c: ProposalCompetency, validated: boolean, reason: string | null = null): DecisionCompetency => ({
    ...c,
    validated,
    reason,
  });

  it('is one line when every competency was validated as the commission said', () => {
    expect(validationSummary(allAcquired.map((c) => recorded(c, true)))).toEqual({ allValidated: true, notable: [] });
    expect(validationSummary(null)).toBeNull();
    expect(validationSummary([])).toBeNull();
  });

  it('lists the competencies not validated and those judged otherwise than the commission', () => {
    const list = [
      recorded(competency('1', 1), false, 'Entretien insuffisant'),
      recorded(competency('2', 1, 'not_acquired'), false),
      recorded(competency('3', 2, 'not_acquired'), true, 'Rattrapage'),
      recorded(competency('4', 2), true),
      recorded(competency('5', 3, null, true), true),
    ];
    expect(validationSummary(list)).toEqual({ allValidated: false, notable: [list[0], list[1], list[2]] });
  });
});

describe('how each competency was evaluated', () => {
  it('says the modality the commission evaluated the competency in', () => {
    const real = { id: 'real_situation', label: 'Situation professionnelle réelle', exceptional: false, justification: null };
    expect(modalityNote({ modality: real })).toEqual({ evaluatedIn: 'Évaluée en : Situation professionnelle réelle', justification: null });
  });

  it('shows why an exceptional modality was chosen', () => {
    const reconstituted = {
      id: 'reconstituted_situation',
      label: 'Évaluation à partir d’une situation professionnelle reconstituée',
      exceptional: true,
      justification: ' Ligne de production arrêtée pendant la période d’évaluation. ',
    };
    expect(modalityNote({ modality: reconstituted })).toEqual({
      evaluatedIn: 'Évaluée en : Évaluation à partir d’une situation professionnelle reconstituée',
      justification: 'Situation reconstituée — justification : Ligne de production arrêtée pendant la période d’évaluation.',
    });
    expect(modalityNote({ modality: { ...reconstituted, justification: null } })?.justification).toBe(
      'Situation reconstituée — justification : non renseignée',
    );
    expect(modalityNote({ modality: { ...reconstituted, label: '' } })?.evaluatedIn).toBe('Évaluée en : reconstituted_situation');
  });

  it('says nothing for older decisions, whose proposal does not tell', () => {
    expect(modalityNote({ modality: null })).toBeNull();
    expect(modalityNote({})).toBeNull();
    expect(modalityNote(competency('1', 1))).toBeNull();
  });
});

describe('a file registered for some blocs only', () => {
  /** Bloc 3 not registered for: never evaluated, validated by nobody. */
  const notTargeted = (number: string, bloc_index: number): ProposalCompetency => ({
    ...competency(number, bloc_index, null),
    targeted: false,
    validated: false,
  });
  const someBlocs = [
    { ...competency('1', 1), targeted: true },
    { ...competency('2', 1), targeted: true },
    competency('3', 2),
    competency('4', 2),
    notTargeted('5', 3),
    notTargeted('6', 3),
  ];

  it('treats a competency without `targeted` (older proposals) as targeted', () => {
    expect(isTargeted(competency('1', 1))).toBe(true);
    expect(isTargeted({ targeted: true })).toBe(true);
    expect(isTargeted({ targeted: false })).toBe(false);
    expect(isJudged(competency('1', 1))).toBe(true);
    expect(isJudged(competency('3', 2, null, true))).toBe(false);
    expect(isJudged(notTargeted('5', 3))).toBe(false);
  });

  it('gives no verdict to the competencies of a bloc not registered for', () => {
    const start = initialValidation(someBlocs);
    expect(Object.keys(start)).toEqual(['1', '2', '3', '4']);
    // Never validated, whatever the draft says; never a departure from the commission.
    const forced = verdicts({ '5': true });
    expect(isValidated(someBlocs[4]!, forced)).toBe(false);
    expect(departsFromCommission(someBlocs[4]!, forced)).toBe(false);
    expect(departures(someBlocs, forced)).toEqual([]);
  });

  it('never sends them, even when the draft holds a verdict for them', () => {
    const draft = { ...initialValidation(someBlocs), ...verdicts({ '3': [false, 'Geste non maîtrisé'], '5': [true, 'x'], '6': [false, 'y'] }) };
    expect(validateValidation(someBlocs, draft, null)).toEqual({ competencies: {} });
    expect(decisionRequest(someBlocs, draft, null)).toEqual({
      competencies: [{ number: '3', validated: false, reason: 'Geste non maîtrisé' }],
    });
  });

  it('awards the blocs registered for, never the whole CQPM', () => {
    expect(deriveOutcome(someBlocs, initialValidation(someBlocs))).toEqual({ outcome: 'blocs_awarded', blocs: [1, 2] });
    expect(deriveOutcome(someBlocs, verdicts({ '1': [false, 'x'] }))).toEqual({ outcome: 'blocs_awarded', blocs: [2] });
    // Blocs not awardable: nothing is certified without the bloc not registered for.
    expect(deriveOutcome(someBlocs, initialValidation(someBlocs), false)).toEqual({ outcome: 'not_certified', blocs: [] });
  });

  it('certifies when the blocs registered for and those carried over cover the CQPM', () => {
    const withCarried = [
      competency('1', 1),
      competency('2', 1),
      { ...competency('3', 2, null, true), targeted: true },
      { ...competency('4', 2, null, true), targeted: true },
    ];
    expect(deriveOutcome(withCarried, initialValidation(withCarried))).toEqual({ outcome: 'certified', blocs: [1, 2] });
  });

  it('says which blocs the file registered for, above the competencies', () => {
    const lookup = blocLookup(blocs, null);
    expect(targetedBlocsNote({ targeted_blocs: [1, 2] }, lookup)).toBe(
      "Inscription à certains blocs : BDC0229 — La mise en place d'un plan d'action qualité, BDC0230 — La formalisation d'un processus qualité",
    );
    expect(targetedBlocsNote({ targeted_blocs: [4] }, lookup)).toBe('Inscription à certains blocs : Bloc 4');
    expect(targetedBlocsNote({ targeted_blocs: [] }, lookup)).toBeNull();
    expect(targetedBlocsNote({}, lookup)).toBeNull();
    expect(targetedBlocsNote(null, lookup)).toBeNull();
  });

  it('leaves them out of a recorded validation', () => {
    const recorded: DecisionCompetency[] = someBlocs.map((c) => ({ ...c, reason: null }));
    const summary = validationSummary(recorded);
    expect(summary?.allValidated).toBe(true);
    expect(summary?.notable).toEqual([]);
    expect(validationSummary(recorded.slice(4))).toBeNull();
  });
});
