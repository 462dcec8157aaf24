import { describe, expect, it } from 'vitest';
import {
  EMPTY_CREDENTIAL,
  buildCredentials,
  credentialKey,
  credentialLabel,
  credentialLines,
  credentialsOf,
  legacyTextsOf,
  parseCredentialKey,
  validateCredentials,
} from './credentials';
import type { RegistrationField } from '../referentials/referentialTypes';

const closed: RegistrationField = {
  id: 'electrical_habilitations',
  type: 'credential_list',
  label: 'Habilitations électriques détenues',
  required: true,
  symbols: ['B1V', 'BR', 'H0V'],
  closed: true,
};
const open: RegistrationField = {
  id: 'handling_authorisations',
  type: 'credential_list',
  label: 'Autorisations de conduite',
  required: false,
  symbols: ['CACES R489'],
  closed: false,
};

const b1v = { symbol: 'B1V', issuer: 'Aciers du Rhône', valid_until: '2027-12-31' };

describe('credentials: reading an answer', () => {
  it('takes the typed credentials, and the plain texts of an earlier file apart', () => {
    const mixed = [b1v, 'BR', '  ', { symbol: 'X' }, 42];
    expect(credentialsOf(mixed)).toEqual([b1v]);
    expect(legacyTextsOf(mixed)).toEqual(['BR']);
    expect(legacyTextsOf('B1V, BR')).toEqual(['B1V, BR']);
    expect(credentialsOf(undefined)).toEqual([]);
    expect(legacyTextsOf(null)).toEqual([]);
  });

  it('reads « B1V — délivrée par …, valable jusqu’au 31/12/2027 », plain texts as they are', () => {
    expect(credentialLabel(b1v)).toBe("B1V — délivrée par Aciers du Rhône, valable jusqu'au 31/12/2027");
    expect(credentialLines([b1v, 'BR (ancien)'])).toEqual([
      "B1V — délivrée par Aciers du Rhône, valable jusqu'au 31/12/2027",
      'BR (ancien)',
    ]);
  });

  it('sends every row trimmed', () => {
    expect(buildCredentials([{ symbol: ' BR ', issuer: ' AFPA ', valid_until: '2026-06-30' }])).toEqual([
      { symbol: 'BR', issuer: 'AFPA', valid_until: '2026-06-30' },
    ]);
  });
});

describe('credentials: error keys', () => {
  it('names a row and its parts as the server does, without "registration."', () => {
    expect(credentialKey('electrical_habilitations', 1, 'valid_until')).toBe('electrical_habilitations[1].valid_until');
    expect(credentialKey('electrical_habilitations', 0)).toBe('electrical_habilitations[0]');
    expect(parseCredentialKey('electrical_habilitations', 'electrical_habilitations[1].issuer')).toEqual({ index: 1, part: 'issuer' });
    expect(parseCredentialKey('electrical_habilitations', 'electrical_habilitations[2]')).toEqual({ index: 2, part: null });
    expect(parseCredentialKey('electrical_habilitations', 'electrical_habilitations[2].colour')).toEqual({ index: 2, part: null });
    expect(parseCredentialKey('electrical_habilitations', 'electrical_habilitations')).toBeNull();
    expect(parseCredentialKey('electrical', 'electrical_habilitations[0]')).toBeNull();
  });
});

describe('credentials: checks before sending (the plugins’ sentences)', () => {
  it('asks a required field for at least one row', () => {
    expect(validateCredentials(closed, [])).toEqual({
      electrical_habilitations: 'Habilitations électriques détenues : indiquez au moins une habilitation ou autorisation.',
    });
    expect(validateCredentials(open, [])).toEqual({});
  });

  it('asks for typed rows in place of the plain texts of an earlier file', () => {
    expect(validateCredentials(open, [], ['CACES R489'])).toEqual({
      handling_authorisations: expect.stringContaining('saisies en texte libre'),
    });
  });

  it('names each part missing in each row, counted from 1', () => {
    const rows = [b1v, { ...EMPTY_CREDENTIAL }, { symbol: 'B2V', issuer: 'AFPA', valid_until: '2027-02-30' }];
    expect(validateCredentials(closed, rows)).toEqual({
      'electrical_habilitations[1].symbol': 'Habilitations électriques détenues, ligne 2 : indiquez le symbole (par exemple « B1V »).',
      'electrical_habilitations[1].issuer':
        "Habilitations électriques détenues, ligne 2 : indiquez qui l'a délivrée (employeur, organisme de formation).",
      'electrical_habilitations[1].valid_until': 'Habilitations électriques détenues, ligne 2 : indiquez la date de fin de validité.',
      'electrical_habilitations[2].symbol':
        "Habilitations électriques détenues, ligne 3 : « B2V » n'est pas un symbole reconnu ; choisissez-le dans la liste.",
      'electrical_habilitations[2].valid_until': 'Habilitations électriques détenues, ligne 3 : indiquez la date de fin de validité.',
    });
  });

  it('takes any symbol when the list is only suggestions, but not a blank or overlong one', () => {
    expect(validateCredentials(open, [{ symbol: 'Nacelle R486', issuer: 'Employeur', valid_until: '2028-01-15' }])).toEqual({});
    expect(validateCredentials(open, [{ symbol: 'x'.repeat(41), issuer: ' ', valid_until: '2028-01-15' }])).toEqual({
      'handling_authorisations[0].symbol': 'Autorisations de conduite, ligne 1 : indiquez le symbole (par exemple « CACES R489 »).',
      'handling_authorisations[0].issuer':
        "Autorisations de conduite, ligne 1 : indiquez qui l'a délivrée (employeur, organisme de formation).",
    });
  });
});
