import { describe, expect, it } from 'vitest';
import {
  buildRegistration,
  correctedRegistration,
  firstRegistrationErrorKey,
  registrationAnswers,
  registrationDraftOf,
  registrationErrorInputId,
  registrationErrorKey,
  registrationInputId,
  sameRegistration,
  validateRegistration,
} from './registration';
import type { RegistrationField } from '../referentials/referentialTypes';

const FIELDS: RegistrationField[] = [
  {
    id: 'material_family',
    type: 'choice',
    required: true,
    label: 'Famille de matière première',
    choices: [
      { id: 'metal_powder', label: 'Poudre métallique' },
      { id: 'sand', label: 'Sable' },
    ],
  },
  { id: 'electrical_habilitations', type: 'text_list', required: true, label: 'Habilitations électriques détenues' },
  { id: 'planned_external_habilitations', type: 'text_list', required: false, label: 'Habilitations externes prévues' },
];

describe('registration fields of a CQPM', () => {
  it('sends a choice id and text lists, leaving out what was not given', () => {
    expect(
      buildRegistration(FIELDS, {
        material_family: 'metal_powder',
        electrical_habilitations: 'B1V\n  BR \n\nb1v',
        planned_external_habilitations: '  ',
        not_a_field: 'x',
      }),
    ).toEqual({ material_family: 'metal_powder', electrical_habilitations: ['B1V', 'BR'] });
    expect(buildRegistration([], { anything: 'x' })).toEqual({});
  });

  it('asks for the required fields, in the words of the plugins', () => {
    expect(validateRegistration(FIELDS, {})).toEqual({
      material_family: 'Famille de matière première : information obligatoire.',
      electrical_habilitations: 'Habilitations électriques détenues : indiquez au moins un élément.',
    });
    expect(validateRegistration(FIELDS, { material_family: 'sand', electrical_habilitations: 'B0' })).toEqual({});
  });

  it('makes input ids from field ids', () => {
    expect(registrationInputId('material_family')).toBe('nf-reg-material_family');
    expect(registrationInputId('a.b c')).toBe('nf-reg-a_b_c');
    expect(registrationInputId('material_family', 'correction-reg')).toBe('correction-reg-material_family');
  });
});

const CREDENTIALS: RegistrationField = {
  id: 'electrical_habilitations',
  type: 'credential_list',
  required: true,
  label: 'Habilitations électriques détenues',
  symbols: ['B1V', 'BR', 'H0V'],
  closed: true,
};
const MAINTENANCE: RegistrationField[] = [
  CREDENTIALS,
  { id: 'handling_authorisations', type: 'text_list', required: true, label: 'Autorisations de conduite' },
];
const b1v = { symbol: 'B1V', issuer: 'Aciers du Rhône', valid_until: '2027-12-31' };
const br = { symbol: 'BR', issuer: 'AFPA', valid_until: '2026-06-30' };

describe('registration fields: credential lists', () => {
  it('starts a new file with no row, and a file with its answers (plain texts of an earlier file are no rows)', () => {
    expect(registrationDraftOf(MAINTENANCE, null)).toEqual({ electrical_habilitations: [], handling_authorisations: '' });
    expect(registrationDraftOf(MAINTENANCE, { electrical_habilitations: ['B1V'] })).toMatchObject({ electrical_habilitations: [] });
    expect(
      registrationDraftOf([...MAINTENANCE, FIELDS[0]!], {
        electrical_habilitations: [b1v],
        handling_authorisations: ['CACES R489', 'R484 pont roulant'],
        material_family: 'sand',
      }),
    ).toEqual({
      electrical_habilitations: [b1v],
      handling_authorisations: 'CACES R489\nR484 pont roulant',
      material_family: 'sand',
    });
  });

  it('sends the rows as credentials, trimmed', () => {
    const draft = {
      electrical_habilitations: [{ symbol: 'B1V', issuer: ' Aciers du Rhône ', valid_until: '2027-12-31' }, br],
      handling_authorisations: 'CACES R489',
    };
    expect(buildRegistration(MAINTENANCE, draft)).toEqual({
      electrical_habilitations: [b1v, br],
      handling_authorisations: ['CACES R489'],
    });
    expect(buildRegistration(MAINTENANCE, { electrical_habilitations: [] })).toEqual({});
  });

  it('checks each row before sending', () => {
    const errors = validateRegistration(MAINTENANCE, {
      electrical_habilitations: [b1v, { symbol: 'BR', issuer: '', valid_until: '2026-06-30' }],
      handling_authorisations: '',
    });
    expect(errors).toEqual({
      'electrical_habilitations[1].issuer':
        "Habilitations électriques détenues, ligne 2 : indiquez qui l'a délivrée (employeur, organisme de formation).",
      handling_authorisations: 'Autorisations de conduite : indiquez au moins un élément.',
    });
    expect(validateRegistration(MAINTENANCE, { electrical_habilitations: [] })).toMatchObject({
      electrical_habilitations: 'Habilitations électriques détenues : indiquez au moins une habilitation ou autorisation.',
    });
  });

  it("asks a corrected file's plain texts to be typed again", () => {
    const optional = { ...CREDENTIALS, required: false };
    expect(validateRegistration([optional], { electrical_habilitations: [] }, { electrical_habilitations: ['B1V', 'BR'] })).toEqual({
      electrical_habilitations: expect.stringContaining('saisies en texte libre'),
    });
    expect(validateRegistration([optional], { electrical_habilitations: [b1v] }, { electrical_habilitations: ['B1V'] })).toEqual({});
  });
});

describe("registration fields: the server's refusals", () => {
  const draft = { electrical_habilitations: [b1v, br], handling_authorisations: 'CACES R489' };

  it('puts a row-level refusal under the row and part it names', () => {
    expect(registrationErrorKey('registration.electrical_habilitations[1].valid_until', MAINTENANCE, draft)).toBe(
      'electrical_habilitations[1].valid_until',
    );
    expect(registrationErrorKey('$.registration.electrical_habilitations[0].symbol', MAINTENANCE, draft)).toBe(
      'electrical_habilitations[0].symbol',
    );
    expect(registrationErrorKey('registration.electrical_habilitations[1]', MAINTENANCE, draft)).toBe('electrical_habilitations[1]');
    expect(registrationErrorKey('registration.electrical_habilitations[1].colour', MAINTENANCE, draft)).toBe(
      'electrical_habilitations[1]',
    );
  });

  it('puts a refusal of a row the form does not show, of the field or of a list text under the field', () => {
    expect(registrationErrorKey('registration.electrical_habilitations[5].issuer', MAINTENANCE, draft)).toBe(
      'electrical_habilitations',
    );
    expect(registrationErrorKey('registration.electrical_habilitations', MAINTENANCE, draft)).toBe('electrical_habilitations');
    expect(registrationErrorKey('registration.handling_authorisations[0]', MAINTENANCE, draft)).toBe('handling_authorisations');
  });

  it('leaves what is not one of the form’s fields to the form', () => {
    expect(registrationErrorKey('registration.unknown', MAINTENANCE, draft)).toBeNull();
    expect(registrationErrorKey('registration', MAINTENANCE, draft)).toBeNull();
    expect(registrationErrorKey('candidate.email', MAINTENANCE, draft)).toBeNull();
    expect(registrationErrorKey(null, MAINTENANCE, draft)).toBeNull();
  });

  it('focuses the first input at fault, in the order of the form', () => {
    const errors = {
      handling_authorisations: 'x',
      'electrical_habilitations[1].valid_until': 'x',
      'electrical_habilitations[1].symbol': 'x',
      'electrical_habilitations[2]': 'x',
    };
    const first = firstRegistrationErrorKey(MAINTENANCE, errors);
    expect(first).toBe('electrical_habilitations[1].symbol');
    expect(registrationErrorInputId(first!, MAINTENANCE)).toBe('nf-reg-electrical_habilitations-1-symbol');
    expect(registrationErrorInputId('electrical_habilitations[2]', MAINTENANCE, 'correction-reg')).toBe(
      'correction-reg-electrical_habilitations-2-symbol',
    );
    expect(registrationErrorInputId('handling_authorisations', MAINTENANCE)).toBe('nf-reg-handling_authorisations');
    expect(firstRegistrationErrorKey(MAINTENANCE, { handling_authorisations: 'x' })).toBe('handling_authorisations');
    expect(firstRegistrationErrorKey(MAINTENANCE, {})).toBeNull();
  });
});

describe('registration fields: a correction', () => {
  it('replaces the answers of the fields, keeping anything else the file holds', () => {
    const original = { electrical_habilitations: ['B1V'], handling_authorisations: ['CACES R489'], legacy_note: 'x' };
    expect(correctedRegistration(MAINTENANCE, original, { electrical_habilitations: [b1v], handling_authorisations: '' })).toEqual({
      electrical_habilitations: [b1v],
      legacy_note: 'x',
    });
  });

  it('compares answers whatever the order of their keys', () => {
    const reordered = { valid_until: '2027-12-31', issuer: 'Aciers du Rhône', symbol: 'B1V' };
    expect(sameRegistration({ a: [b1v], b: 'x' }, { b: 'x', a: [reordered] })).toBe(true);
    expect(sameRegistration({ a: [b1v] }, { a: [br] })).toBe(false);
    expect(sameRegistration(null, {})).toBe(true);
  });
});

describe('registration answers on the file page', () => {
  it('reads each field by its label, credentials and plain texts of an earlier file alike', () => {
    const answers = registrationAnswers([...MAINTENANCE, FIELDS[0]!], {
      electrical_habilitations: [b1v, 'BR'],
      material_family: 'metal_powder',
      extra: ['x'],
    });
    expect(answers).toEqual([
      {
        id: 'electrical_habilitations',
        label: 'Habilitations électriques détenues',
        lines: ["B1V — délivrée par Aciers du Rhône, valable jusqu'au 31/12/2027", 'BR'],
      },
      { id: 'handling_authorisations', label: 'Autorisations de conduite', lines: [] },
      { id: 'material_family', label: 'Famille de matière première', lines: ['Poudre métallique'] },
      { id: 'extra', label: 'extra', lines: ['x'] },
    ]);
  });

  it('reads credentials even without the CQPM’s fields', () => {
    expect(registrationAnswers([], { electrical_habilitations: [br] })).toEqual([
      { id: 'electrical_habilitations', label: 'electrical_habilitations', lines: ["BR — délivrée par AFPA, valable jusqu'au 30/06/2026"] },
    ]);
  });
});
