import { describe, expect, it } from 'vitest';
import { buildRegistration, registrationInputId, validateRegistration } from './registration';
import type { RegistrationField } from './types';

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
  });
});
