import { describe, expect, it } from 'vitest';
import { PLAN_JUSTIFICATION_MESSAGE } from '../../shared/errors/errors';
import {
  applyToAll,
  buildPlanRequest,
  describeDetail,
  draftFromView,
  entryKeyOf,
  isIsoDate,
  planErrorTarget,
  planFieldError,
  planInputId,
  validatePlan,
  type PlanDraft,
} from './modalityPlan';
import type { ModalityPlanView, PlanField } from './modalityPlanTypes';

const TECHNOLOGIES: PlanField = {
  id: 'technologies',
  type: 'choices',
  label: "Technologies de l'équipement (au moins deux)",
  min: 2,
  choices: [
    { id: 'electrical', label: 'Électrique' },
    { id: 'mechanical', label: 'Mécanique' },
    { id: 'pneumatic', label: 'Pneumatique' },
  ],
};
const LEVEL: PlanField = {
  id: 'intervention_level',
  type: 'choice',
  label: "Niveau d'intervention",
  choices: [
    { id: '2', label: '2e niveau' },
    { id: '3', label: '3e niveau' },
  ],
};
const EQUIPMENT: PlanField = { id: 'automated_equipment', type: 'text_list', label: 'Équipements automatisés', min: 2 };
const FURNACE: PlanField = { id: 'heat_treatment_furnace', type: 'boolean', label: 'Four', required: true };

function view(overrides: Partial<ModalityPlanView> = {}): ModalityPlanView {
  return {
    file_id: 'f1',
    file_version: 3,
    state: 'registered',
    editable: true,
    plan: null,
    competencies: [
      { number: 1, title: 'Mesurer', bloc_code: null, bloc_title: 'Surveillance' },
      { number: 2, title: 'Intervenir', bloc_code: 'BDC0208', bloc_title: 'Maintenance' },
    ],
    modalities: [
      { id: 'real_situation', label: 'Situation réelle', exceptional: false },
      { id: 'reconstituted_situation', label: 'Situation reconstituée', exceptional: true },
      { id: 'company_opinion', label: "Avis de l'entreprise", exceptional: false },
    ],
    allowed_modalities: { '1': ['real_situation', 'reconstituted_situation'], '2': ['real_situation'] },
    plan_fields: { '2': [TECHNOLOGIES, LEVEL] },
    evaluators: [
      { id: 'e1', display_name: 'Patrick Girard' },
      { id: 'e2', display_name: 'Nathalie Roux' },
    ],
    ...overrides,
  };
}

function filled(): PlanDraft {
  const draft = draftFromView(view());
  draft[1] = { ...draft[1]!, modality: 'real_situation', planned_date: '2027-03-10', place: ' Atelier ', evaluators: ['e1'] };
  draft[2] = {
    ...draft[2]!,
    planned_date: '2027-03-11',
    place: 'Atelier',
    evaluators: ['e1', 'e2'],
    details: { technologies: ['electrical', 'pneumatic'], intervention_level: '2' },
  };
  return draft;
}

describe('draftFromView', () => {
  it('starts empty, with the only allowed modality preselected and the plan fields initialised', () => {
    const draft = draftFromView(view());
    expect(draft[1]).toEqual({ modality: '', planned_date: '', place: '', evaluators: [], justification: '', details: {} });
    expect(draft[2]!.modality).toBe('real_situation');
    expect(draft[2]!.details).toEqual({ technologies: [], intervention_level: '' });
  });

  it('reads a saved plan back, text lists as one entry per line', () => {
    const v = view({
      plan_fields: { '1': [EQUIPMENT, FURNACE] },
      plan: [
        {
          competency: 1,
          modality: 'reconstituted_situation',
          planned_date: '2027-01-15',
          place: 'Plateau technique',
          evaluators: ['e2'],
          justification: 'Équipement arrêté',
          details: { automated_equipment: ['Ligne L2', 'Presse P7'], heat_treatment_furnace: true },
        },
      ],
    });
    const draft = draftFromView(v);
    expect(draft[1]).toEqual({
      modality: 'reconstituted_situation',
      planned_date: '2027-01-15',
      place: 'Plateau technique',
      evaluators: ['e2'],
      justification: 'Équipement arrêté',
      details: { automated_equipment: 'Ligne L2\nPresse P7', heat_treatment_furnace: true },
    });
  });
});

describe('buildPlanRequest', () => {
  it('sends one trimmed entry per competency, in order, with the expected version and the plan fields', () => {
    const request = buildPlanRequest(view(), filled());
    expect(request).toEqual({
      expected_version: 3,
      competencies: [
        { competency: 1, modality: 'real_situation', planned_date: '2027-03-10', place: 'Atelier', evaluators: ['e1'], details: {} },
        {
          competency: 2,
          modality: 'real_situation',
          planned_date: '2027-03-11',
          place: 'Atelier',
          evaluators: ['e1', 'e2'],
          details: { technologies: ['electrical', 'pneumatic'], intervention_level: '2' },
        },
      ],
    });
  });

  it('sends the justification only for an exceptional modality', () => {
    const draft = filled();
    draft[1] = { ...draft[1]!, justification: '  Pas de situation réelle disponible  ' };
    expect(buildPlanRequest(view(), draft).competencies[0]!.justification).toBeUndefined();
    draft[1] = { ...draft[1]!, modality: 'reconstituted_situation' };
    expect(buildPlanRequest(view(), draft).competencies[0]!.justification).toBe('Pas de situation réelle disponible');
  });

  it('turns text lists into lists, booleans into booleans, and leaves an unset choice out', () => {
    const v = view({ plan_fields: { '2': [EQUIPMENT, FURNACE, LEVEL] } });
    const draft = filled();
    draft[2] = { ...draft[2]!, details: { automated_equipment: ' Ligne L2 \n\nPresse P7\nligne l2', heat_treatment_furnace: false, intervention_level: '' } };
    expect(buildPlanRequest(v, draft).competencies[1]!.details).toEqual({
      automated_equipment: ['Ligne L2', 'Presse P7'],
      heat_treatment_furnace: false,
    });
  });
});

describe('validatePlan', () => {
  it('accepts a complete plan', () => {
    expect(validatePlan(view(), filled())).toEqual({});
  });

  it('names every missing piece of every competency, in French', () => {
    const errors = validatePlan(view(), draftFromView(view()));
    expect(errors[1]).toEqual({
      modality: "Choisissez une modalité d'évaluation.",
      planned_date: "Indiquez la date prévue de l'évaluation.",
      place: "Indiquez le lieu de l'évaluation.",
      evaluators: 'Choisissez au moins un évaluateur.',
    });
    expect(errors[2]).toMatchObject({ 'details.technologies': 'Choisissez au moins 2 éléments.' });
    expect(errors[2]!['details.intervention_level']).toBeUndefined(); // not declared required
  });

  it('asks for a justification of an exceptional modality', () => {
    const draft = filled();
    for (const justification of ['   ', 'RAS', 'Pas de poste disponible']) {
      draft[1] = { ...draft[1]!, modality: 'reconstituted_situation', justification };
      expect(validatePlan(view(), draft)[1]).toEqual({ justification: PLAN_JUSTIFICATION_MESSAGE });
    }
    draft[1] = { ...draft[1]!, justification: "La ligne L2 est arrêtée pour rénovation pendant l'évaluation." };
    expect(validatePlan(view(), draft)[1]).toBeUndefined();
  });

  it('refuses a modality the competency does not allow, an impossible date and an unknown evaluator', () => {
    const draft = filled();
    draft[2] = { ...draft[2]!, modality: 'company_opinion', planned_date: '2027-02-30', evaluators: ['gone'] };
    expect(validatePlan(view(), draft)[2]).toEqual({
      modality: "Choisissez une modalité d'évaluation.",
      planned_date: 'La date prévue doit être une date valide (AAAA-MM-JJ).',
      evaluators: "Un des évaluateurs choisis n'est pas évaluateur du centre du dossier. Rechargez la page et réessayez.",
    });
  });
});

describe('planFieldError', () => {
  it.each([
    [TECHNOLOGIES, ['electrical'], 'Choisissez au moins 2 éléments.'],
    [TECHNOLOGIES, ['electrical', 'mechanical'], null],
    [{ ...TECHNOLOGIES, min: undefined, required: true }, [], 'Choisissez au moins un élément.'],
    [EQUIPMENT, 'Ligne L2\n  \nligne l2', 'Indiquez au moins 2 éléments, un par ligne.'],
    [EQUIPMENT, 'Ligne L2\nPresse P7', null],
    [{ ...LEVEL, required: true }, '', 'Choisissez une valeur dans la liste.'],
    [LEVEL, '', null],
    [FURNACE, false, null],
  ] as const)('%o with %o', (field, value, expected) => {
    expect(planFieldError(field as PlanField, value as never)).toBe(expected);
  });
});

describe('planErrorTarget', () => {
  const request = buildPlanRequest(view(), filled());

  it('puts a plugin refusal on its competency and field', () => {
    expect(
      planErrorTarget('competencies[1].details.technologies', { competency: 2, message_fr: 'x', plugin: 'p' }, request),
    ).toEqual({ competency: 2, key: 'details.technologies' });
  });

  it('finds the competency from the entry index when details do not say', () => {
    expect(planErrorTarget('competencies[0].planned_date', null, request)).toEqual({ competency: 1, key: 'planned_date' });
    expect(planErrorTarget('competencies[1].evaluators[0]', null, request)).toEqual({ competency: 2, key: 'evaluators' });
    expect(planErrorTarget('competencies[1]', null, request)).toEqual({ competency: 2, key: 'entry' });
  });

  it('puts a missing competency on that competency', () => {
    expect(planErrorTarget('competencies', { competency: 2 }, request)).toEqual({ competency: 2, key: 'entry' });
  });

  it('leaves errors about the whole plan to the form', () => {
    expect(planErrorTarget('expected_version', { current_version: 4 }, request)).toBeNull();
    expect(planErrorTarget('competencies[9].place', null, request)).toBeNull();
    expect(planErrorTarget(null, null, request)).toBeNull();
  });
});

describe('helpers', () => {
  it('entryKeyOf', () => {
    expect(entryKeyOf(null)).toBe('entry');
    expect(entryKeyOf('competency')).toBe('entry');
    expect(entryKeyOf('justification')).toBe('justification');
    expect(entryKeyOf('details.automated_equipment[1]')).toBe('details.automated_equipment');
    expect(entryKeyOf('details')).toBe('entry');
    expect(entryKeyOf('something')).toBe('entry');
  });

  it('planInputId makes valid ids', () => {
    expect(planInputId(4, 'details.technologies')).toBe('plan-4-details-technologies');
    expect(planInputId(1, 'planned_date')).toBe('plan-1-planned_date');
  });

  it('isIsoDate', () => {
    expect(isIsoDate('2027-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('10/03/2027')).toBe(false);
  });

  it('applyToAll sets the common values everywhere and keeps the rest', () => {
    const draft = applyToAll(filled(), { planned_date: '2027-06-01', place: '', evaluators: ['e2'] });
    expect(draft[1]).toMatchObject({ planned_date: '2027-06-01', place: ' Atelier ', evaluators: ['e2'], modality: 'real_situation' });
    expect(draft[2]).toMatchObject({ planned_date: '2027-06-01', place: 'Atelier', evaluators: ['e2'] });
  });

  it('describeDetail shows saved values in words', () => {
    expect(describeDetail(TECHNOLOGIES, ['electrical', 'pneumatic'])).toBe('Électrique, Pneumatique');
    expect(describeDetail(LEVEL, '3')).toBe('3e niveau');
    expect(describeDetail(FURNACE, true)).toBe('Oui');
    expect(describeDetail(FURNACE, false)).toBe('Non');
    expect(describeDetail(EQUIPMENT, ['Ligne L2', 'Presse P7'])).toBe('Ligne L2, Presse P7');
    expect(describeDetail(EQUIPMENT, [])).toBeNull();
    expect(describeDetail(LEVEL, undefined)).toBeNull();
  });
});
