import { describe, expect, it } from 'vitest';
import { BLOC_CODE_MESSAGE, EMPTY_TEXT_MESSAGE } from '../../shared/errors/errors';
import {
  addListItem,
  draftActionLabel,
  draftChanges,
  getList,
  keepsOneItem,
  listField,
  normaliseBlocCode,
  removeListItem,
  setBlocCode,
  setBlocTitle,
  setCompetencyTitle,
  setListItem,
  validateDraft,
  type TextListRef,
} from './referentialEdit';
import type { Referential } from './referentialTypes';

const competency = (number: number) => ({
  number,
  title: `Compétence ${number}`,
  conditions: ['Sur un poste'],
  criteria: { methods: ['Méthode A', 'Méthode B'], means: [], relations: [], environment: [] },
  expected_results: ['Résultat'],
});

const REFERENTIAL: Referential = {
  id: 'fabrication-additive',
  title: 'Opérateur en fabrication additive',
  source: { document: 'x.txt' },
  activities: [{ title: 'a', description: [] }],
  work_environment: [],
  interactions: [],
  blocs: [
    { code: 'BDC0198', title: 'La préparation', knowledge: ['K1'], competencies: [competency(1), competency(2)] },
    { code: null, title: 'La réalisation', knowledge: [], competencies: [competency(3)] },
  ],
  modalities: [],
  admissibility: ['x'],
};

const methods: TextListRef = { bloc: 0, competency: 1, list: 'methods' };
const conditions: TextListRef = { bloc: 1, competency: 0, list: 'conditions' };

describe('editing a copy of the referential', () => {
  it('names fields as the server does', () => {
    expect(listField(methods)).toBe('referential.blocs[0].competencies[1].criteria.methods');
    expect(listField(methods, 2)).toBe('referential.blocs[0].competencies[1].criteria.methods[2]');
    expect(listField(conditions, 0)).toBe('referential.blocs[1].competencies[0].conditions[0]');
    expect(listField({ bloc: 1, competency: null, list: 'knowledge' }, 3)).toBe('referential.blocs[1].knowledge[3]');
  });

  it('fills a bloc code in capitals, and a blank code means none', () => {
    expect(normaliseBlocCode(' bdc0199 ')).toBe('BDC0199');
    expect(normaliseBlocCode('  ')).toBeNull();
    const filled = setBlocCode(REFERENTIAL, 1, 'bdc0199');
    expect(filled.blocs[1]!.code).toBe('BDC0199');
    expect(REFERENTIAL.blocs[1]!.code).toBeNull(); // the original is untouched
    expect(setBlocCode(filled, 1, '').blocs[1]!.code).toBeNull();
  });

  it('edits titles and list items without touching the original', () => {
    let draft = setBlocTitle(REFERENTIAL, 0, 'La préparation de production');
    draft = setCompetencyTitle(draft, 0, 1, 'Démarrer un équipement');
    draft = setListItem(draft, methods, 1, 'Méthode B révisée');
    draft = addListItem(draft, methods, 'Méthode C');
    draft = removeListItem(draft, methods, 0);
    expect(getList(draft, methods)).toEqual(['Méthode B révisée', 'Méthode C']);
    expect(draft.blocs[0]!.title).toBe('La préparation de production');
    expect(draft.blocs[0]!.competencies[1]!.title).toBe('Démarrer un équipement');
    expect(getList(REFERENTIAL, methods)).toEqual(['Méthode A', 'Méthode B']);
    expect(() => setListItem(draft, methods, 9, 'x')).toThrow(RangeError);
  });

  it('keeps one condition and one expected result', () => {
    expect(keepsOneItem(conditions)).toBe(true);
    expect(keepsOneItem(methods)).toBe(false);
  });
});

describe('validateDraft', () => {
  it('accepts the referential as it is', () => {
    expect(validateDraft(REFERENTIAL)).toEqual({});
  });

  it('refuses a malformed or repeated bloc code, an empty text, an emptied list', () => {
    let draft = setBlocCode(REFERENTIAL, 1, 'BDC19');
    expect(validateDraft(draft)).toEqual({ 'referential.blocs[1].code': BLOC_CODE_MESSAGE(2) });
    draft = setBlocCode(REFERENTIAL, 1, 'BDC0198');
    expect(validateDraft(draft)).toEqual({ 'referential.blocs[1].code': BLOC_CODE_MESSAGE(2) });

    draft = setListItem(REFERENTIAL, methods, 0, '   ');
    draft = setCompetencyTitle(draft, 0, 0, '');
    draft = removeListItem(draft, conditions, 0);
    expect(validateDraft(draft)).toEqual({
      'referential.blocs[0].competencies[1].criteria.methods[0]': EMPTY_TEXT_MESSAGE,
      'referential.blocs[0].competencies[0].title': EMPTY_TEXT_MESSAGE,
      'referential.blocs[1].competencies[0].conditions': 'Une compétence garde au moins une condition de réalisation.',
    });
  });
});

describe('draftChanges', () => {
  it('lists nothing for an untouched form', () => {
    expect(draftChanges(REFERENTIAL, structuredClone(REFERENTIAL))).toEqual([]);
  });

  it('lists each edited place, in French', () => {
    let draft = setBlocCode(REFERENTIAL, 1, 'BDC0199');
    draft = setListItem(draft, methods, 0, 'Méthode A révisée');
    draft = addListItem(draft, methods, 'Méthode C');
    draft = removeListItem(draft, { bloc: 0, competency: null, list: 'knowledge' }, 0);
    const changes = draftChanges(REFERENTIAL, draft);
    expect(changes.map((c) => [c.field, c.where, c.action])).toEqual([
      ['referential.blocs[0].knowledge[0]', 'Bloc 1 · Connaissance n° 1', 'removed'],
      ['referential.blocs[0].competencies[1].criteria.methods[0]', 'Compétence 2 · Critère (Méthodes utilisées) n° 1', 'modified'],
      ['referential.blocs[0].competencies[1].criteria.methods[2]', 'Compétence 2 · Critère (Méthodes utilisées) n° 3', 'added'],
      ['referential.blocs[1].code', 'Bloc 2 · code', 'filled'],
    ]);
    expect(changes.map(draftActionLabel)).toEqual(['suppression', 'modifié', 'ajout', 'code attribué']);
    expect(changes[3]).toMatchObject({ before: null, after: 'BDC0199' });
  });
});
