import { describe, expect, it } from 'vitest';
import { EMPTY, apiValues, errorIdOf, firstErrorTarget, validate } from './newFileForm';
import { BIRTH_INSEE_CODE_MESSAGE } from './candidate';
import type { RegistrationField } from '../referentials/referentialTypes';

const REG_FIELDS: RegistrationField[] = [
  { id: 'material_family', type: 'choice', required: true, label: 'Famille', choices: [{ id: 'sand', label: 'Sable' }] },
  { id: 'electrical_habilitations', type: 'text_list', required: true, label: 'Habilitations' },
];

describe('new file form focus after a refusal', () => {
  it('focuses the first field at fault in the order of the form', () => {
    const found = { 'candidate.email': 'x', pathway: 'x' };
    expect(firstErrorTarget(found, {}, false, REG_FIELDS, 1)).toBe('nf-pathway');
  });

  it('focuses the first bloc when the scope is at fault, unless the CQPM is', () => {
    expect(firstErrorTarget({ 'candidate.email': 'x' }, {}, true, REG_FIELDS, 2)).toBe('nf-bloc-2');
    expect(firstErrorTarget({ cqpm: 'x' }, {}, true, REG_FIELDS, 2)).toBe('nf-cqpm');
  });

  it('focuses the first registration answer when no other field is at fault', () => {
    const foundReg = { electrical_habilitations: 'x', material_family: 'x' };
    expect(firstErrorTarget({}, foundReg, false, REG_FIELDS, 1)).toBe('nf-reg-material_family');
    expect(firstErrorTarget({ company_id: 'x' }, foundReg, false, REG_FIELDS, 1)).toBe('nf-company');
  });

  it('focuses nothing when nothing is at fault', () => {
    expect(firstErrorTarget({}, {}, false, REG_FIELDS, 1)).toBeNull();
  });
});

describe('new file form error ids', () => {
  it('names the error sentence only when the field has one', () => {
    expect(errorIdOf({ 'candidate.birth_date': 'x' }, 'candidate.birth_date')).toBe('nf-birth-date-error');
    expect(errorIdOf({}, 'candidate.birth_date')).toBeUndefined();
  });
});

describe('new file form: sex and INSEE code of the birth place', () => {
  const filled = {
    ...EMPTY,
    cqpm: 'qualite',
    given_name: 'Emma',
    family_name: 'Lefèvre',
    email: 'emma@exemple.fr',
    birth_date: '1999-09-03',
  };

  it('takes them empty (optional) or well formed', () => {
    expect(validate(filled)).toEqual({});
    expect(validate({ ...filled, sex: 'F', birth_insee_code: '2a004' })).toEqual({});
  });

  it('refuses a malformed INSEE code before sending, under its field', () => {
    expect(validate({ ...filled, birth_insee_code: '691' })).toEqual({ 'candidate.birth_insee_code': BIRTH_INSEE_CODE_MESSAGE });
    expect(firstErrorTarget({ 'candidate.birth_insee_code': 'x' }, {}, false, REG_FIELDS, 1)).toBe('nf-birth-insee-code');
  });

  it('names them as the API does, the code in capitals', () => {
    expect(apiValues({ ...filled, sex: 'M', birth_insee_code: ' 2b033 ' })).toMatchObject({
      'candidate.sex': 'M',
      'candidate.birth_insee_code': '2B033',
    });
  });
});
