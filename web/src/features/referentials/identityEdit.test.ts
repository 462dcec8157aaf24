import { describe, expect, it } from 'vitest';
import {
  BLOC_RNCP_CODE_MESSAGE,
  BLOC_RNCP_FICHE_MESSAGE,
  IDENTITY_MESSAGE,
  REGISTERED_MESSAGE,
  REGISTRATION_ORDER_MESSAGE,
  RNCP_LEVEL_MESSAGE,
  RNCP_NUMBER_MESSAGE,
} from './certificationIdentity';
import { REGISTRATION_END_SERVER_MESSAGE, referentialFieldMessage } from '../../shared/errors/errors';
import {
  blocRncpCodeField,
  finaliseIdentity,
  identityDraftChanges,
  identityField,
  identityInputs,
  normaliseRncpCode,
  setBlocRncpCode,
  setIdentityInput,
  validateIdentityDraft,
} from './identityEdit';
import { draftActionLabel, draftChanges, validateDraft } from './referentialEdit';
import type { Referential } from './referentialTypes';

const competency = (number: number) => ({
  number,
  title: `Compétence ${number}`,
  conditions: ['Sur un poste'],
  criteria: { methods: ['Méthode A'], means: [], relations: [], environment: [] },
  expected_results: ['Résultat'],
});

/** As the seeds: no identity, no RNCP codes. */
const SEED: Referential = {
  id: 'technicien-qualite',
  title: 'Technicien de la qualité',
  source: { document: 'x.txt' },
  activities: [{ title: 'a', description: [] }],
  work_environment: [],
  interactions: [],
  blocs: [
    { code: 'BDC0229', title: 'Plan qualité', knowledge: [], competencies: [competency(1)] },
    { code: 'BDC0230', title: 'Processus qualité', knowledge: [], competencies: [competency(2)] },
  ],
  modalities: [],
  admissibility: ['x'],
};

const RECORDED: Referential = {
  ...structuredClone(SEED),
  identity: {
    cqpm_number: 'MQ 2015 06 69 0334',
    rncp: { number: 'RNCP37854', level: 5, registration_start: '2023-06-28', registration_end: null, registered: true },
  },
  blocs: SEED.blocs.map((b, i) => ({ ...structuredClone(b), rncp_code: `RNCP37854BC0${i + 1}` })),
};

describe('field names', () => {
  it('are the server’s', () => {
    expect(identityField('cqpm_number')).toBe('referential.identity.cqpm_number');
    expect(identityField('number')).toBe('referential.identity.rncp.number');
    expect(identityField('registered')).toBe('referential.identity.rncp.registered');
    expect(blocRncpCodeField(0)).toBe('referential.blocs[0].rncp_code');
  });
});

describe('editing the identity', () => {
  it('shows a seed as empty inputs', () => {
    expect(identityInputs(SEED)).toEqual({
      cqpm_number: '',
      number: '',
      level: '',
      registration_start: '',
      registration_end: '',
      registered: '',
    });
    expect(identityInputs(RECORDED)).toMatchObject({ number: 'RNCP37854', level: '5', registered: 'true', registration_end: '' });
  });

  it('fills members from the inputs, as null when empty', () => {
    let draft = setIdentityInput(SEED, 'number', ' rncp 37854 ');
    expect(draft.identity).toEqual({
      cqpm_number: null,
      rncp: { number: 'RNCP37854', level: null, registration_start: null, registration_end: null, registered: null },
    });
    expect(SEED.identity).toBeUndefined(); // the original is untouched
    draft = setIdentityInput(draft, 'level', '6');
    draft = setIdentityInput(draft, 'registered', 'false');
    draft = setIdentityInput(draft, 'registration_start', '2024-01-15');
    draft = setIdentityInput(draft, 'cqpm_number', 'MQ 2015 ');
    expect(draft.identity).toEqual({
      cqpm_number: 'MQ 2015 ', // kept as typed while typing; trimmed when sent
      rncp: { number: 'RNCP37854', level: 6, registration_start: '2024-01-15', registration_end: null, registered: false },
    });
    expect(setIdentityInput(draft, 'registered', '').identity?.rncp?.registered).toBeNull();
  });

  it('leaves the identity out once everything is emptied again', () => {
    let draft = setIdentityInput(SEED, 'registered', 'true');
    draft = setIdentityInput(draft, 'registered', '');
    expect('identity' in draft).toBe(false);
    draft = setIdentityInput(SEED, 'cqpm_number', 'MQ 1');
    expect(draft.identity).toEqual({ cqpm_number: 'MQ 1', rncp: null });
  });

  it("fills a bloc's RNCP code in capitals; blank is null", () => {
    expect(normaliseRncpCode(' rncp37854 bc01 ')).toBe('RNCP37854BC01');
    expect(normaliseRncpCode('  ')).toBeNull();
    const draft = setBlocRncpCode(SEED, 1, 'rncp37854bc02');
    expect(draft.blocs[1]!.rncp_code).toBe('RNCP37854BC02');
    expect(setBlocRncpCode(draft, 1, '').blocs[1]!.rncp_code).toBeNull();
    expect(() => setBlocRncpCode(SEED, 5, 'x')).toThrow(RangeError);
  });
});

describe('the document sent', () => {
  it('trims the CQPM number and keeps the version’s own form when nothing changed', () => {
    const typed = setIdentityInput(SEED, 'cqpm_number', '  MQ 2015 06 69 0334  ');
    expect(finaliseIdentity(SEED, typed).identity).toEqual({ cqpm_number: 'MQ 2015 06 69 0334', rncp: null });
    // Typed, then emptied: the seed stays without identity nor RNCP codes.
    const undone = setBlocRncpCode(setBlocRncpCode(setIdentityInput(typed, 'cqpm_number', ''), 0, 'RNCP1BC01'), 0, '');
    const sent = finaliseIdentity(SEED, undone);
    expect(sent).toEqual(SEED);
    expect('identity' in sent).toBe(false);
    expect('rncp_code' in sent.blocs[0]!).toBe(false);
    // A recorded identity in another form (rncp members absent) is kept as it was.
    const partial: Referential = { ...structuredClone(SEED), identity: { rncp: { registered: true } } };
    const touched = setIdentityInput(setIdentityInput(partial, 'level', '4'), 'level', '');
    expect(finaliseIdentity(partial, touched).identity).toEqual({ rncp: { registered: true } });
  });

  it('sends the members emptied as null', () => {
    const cleared = setIdentityInput(RECORDED, 'cqpm_number', '');
    expect(finaliseIdentity(RECORDED, cleared).identity).toEqual({ cqpm_number: null, rncp: RECORDED.identity!.rncp });
    const noCode = setBlocRncpCode(RECORDED, 0, '');
    expect(finaliseIdentity(RECORDED, noCode).blocs[0]!.rncp_code).toBeNull();
  });
});

describe('validation and changes', () => {
  it('accepts a seed and a recorded identity', () => {
    expect(validateIdentityDraft(SEED)).toEqual({});
    expect(validateIdentityDraft(RECORDED)).toEqual({});
  });

  it('names each fault under its input', () => {
    let draft = setIdentityInput(SEED, 'number', 'RNCP12');
    draft = setIdentityInput(draft, 'registration_start', '2028-01-01');
    draft = setIdentityInput(draft, 'registration_end', '2023-01-01');
    draft = setBlocRncpCode(draft, 0, 'RNCP37854BC1');
    expect(validateIdentityDraft(draft)).toEqual({
      'referential.identity.rncp.number': RNCP_NUMBER_MESSAGE,
      'referential.identity.rncp.registration_end': REGISTRATION_ORDER_MESSAGE,
      'referential.blocs[0].rncp_code': BLOC_RNCP_CODE_MESSAGE(1),
    });
    // validateDraft (the whole form) includes them.
    expect(validateDraft(draft)).toMatchObject({ 'referential.identity.rncp.number': RNCP_NUMBER_MESSAGE });
    const otherFiche = setBlocRncpCode(RECORDED, 1, 'RNCP11111BC02');
    expect(validateDraft(otherFiche)).toEqual({ 'referential.blocs[1].rncp_code': BLOC_RNCP_FICHE_MESSAGE(2, 'RNCP37854') });
  });

  it('lists the identity’s changes first, then each bloc’s RNCP code after its code', () => {
    let draft = setIdentityInput(SEED, 'registered', 'true');
    draft = setIdentityInput(draft, 'cqpm_number', 'MQ 1 ');
    draft = setBlocRncpCode(draft, 1, 'RNCP37854BC02');
    draft = { ...draft, blocs: draft.blocs.map((b, i) => (i === 1 ? { ...b, code: 'BDC0231' } : b)) };
    const changes = draftChanges(SEED, draft);
    expect(changes.map((c) => [c.field, c.where, c.action, c.after])).toEqual([
      ['referential.identity.cqpm_number', 'Identité · N° de CQPM', 'recorded', 'MQ 1'],
      ['referential.identity.rncp.registered', 'Identité · Inscrit au RNCP', 'recorded', 'oui'],
      ['referential.blocs[1].code', 'Bloc 2 · code', 'modified', 'BDC0231'],
      ['referential.blocs[1].rncp_code', 'Bloc 2 · code RNCP', 'filled', 'RNCP37854BC02'],
    ]);
    expect(changes.map(draftActionLabel)).toEqual(['renseigné', 'renseigné', 'modifié', 'code attribué']);
    const cleared = identityDraftChanges(RECORDED, setIdentityInput(RECORDED, 'level', ''));
    expect(cleared).toEqual([
      {
        field: 'referential.identity.rncp.level',
        where: 'Identité · Niveau',
        before: '5',
        after: null,
        action: 'cleared',
      },
    ]);
    expect(draftActionLabel(cleared[0]!)).toBe('effacé (non renseigné)');
  });

  it('sees no change in an edit undone, nor in null against absent', () => {
    const undone = setIdentityInput(setIdentityInput(SEED, 'level', '3'), 'level', '');
    expect(draftChanges(SEED, undone)).toEqual([]);
    const nulls: Referential = { ...structuredClone(SEED), blocs: SEED.blocs.map((b) => ({ ...b, rncp_code: null })) };
    expect(draftChanges(SEED, nulls)).toEqual([]);
  });
});

describe("the server's refusals", () => {
  it('are said in French for each member', () => {
    expect(referentialFieldMessage('referential.identity.rncp.number')).toBe(RNCP_NUMBER_MESSAGE);
    expect(referentialFieldMessage('referential.identity.rncp.level')).toBe(RNCP_LEVEL_MESSAGE);
    expect(referentialFieldMessage('referential.identity.rncp.registered')).toBe(REGISTERED_MESSAGE);
    expect(referentialFieldMessage('referential.identity.rncp.registration_end')).toBe(REGISTRATION_END_SERVER_MESSAGE);
    expect(referentialFieldMessage('referential.identity.rncp')).toBe(IDENTITY_MESSAGE);
    expect(referentialFieldMessage('$.referential.identity')).toBe(IDENTITY_MESSAGE);
    expect(referentialFieldMessage('referential.blocs[0].rncp_code')).toBe(BLOC_RNCP_CODE_MESSAGE(1));
  });
});
