import { describe, expect, it } from 'vitest';
import {
  CRITERIA_GROUPS,
  blocAnchor,
  blocCodeLabel,
  competencyAnchor,
  competencyLink,
  isIntro,
  modalityTags,
  tableOfContents,
} from './referential';
import { appendLine, joinLines, parseLines } from '../../shared/format/textList';
import type { Referential } from './referentialTypes';

const competency = (number: number, title: string) => ({
  number,
  title,
  conditions: ['c'],
  criteria: { methods: [], means: [], relations: [], environment: [] },
  expected_results: ['r'],
});

const REFERENTIAL: Referential = {
  id: 'maintenance-productive',
  title: 'Technicien(ne) de maintenance productive',
  source: { document: 'x.txt' },
  activities: [{ title: 'a', description: [] }],
  work_environment: [],
  interactions: [],
  blocs: [
    { code: null, title: 'La surveillance', knowledge: [], competencies: [competency(1, 'Mesurer'), competency(2, 'Évaluer')] },
    { code: 'BDC0170', title: 'Le maintien', knowledge: [], competencies: [competency(3, 'Diagnostiquer')] },
  ],
  modalities: [],
  admissibility: ['x'],
};

describe('referential helpers', () => {
  it('says "Code non attribué" where the source prints no bloc code', () => {
    expect(blocCodeLabel('BDC0170')).toBe('BDC0170');
    expect(blocCodeLabel(null)).toBe('Code non attribué');
    expect(blocCodeLabel('')).toBe('Code non attribué');
  });

  it('has the four criteria groups with their French headings, in order', () => {
    expect(CRITERIA_GROUPS.map((g) => [g.key, g.heading])).toEqual([
      ['methods', 'Méthodes utilisées'],
      ['means', 'Moyens utilisés'],
      ['relations', 'Liens professionnels'],
      ['environment', "Contraintes liées au milieu et à l'environnement de travail"],
    ]);
  });

  it('tags modalities "hors VAE" and "exceptionnelle"', () => {
    expect(modalityTags({ excluded_pathways: ['vae'] })).toEqual(['hors VAE']);
    expect(modalityTags({ exceptional: true })).toEqual(['exceptionnelle']);
    expect(modalityTags({ excluded_pathways: ['job_seeker'], exceptional: false })).toEqual([]);
  });

  it('anchors blocs by position and competencies by number', () => {
    expect(blocAnchor(0)).toBe('bloc-1');
    expect(competencyAnchor(7)).toBe('competence-7');
    expect(competencyLink('maintenance-productive', 3)).toBe('/cqpm/maintenance-productive#competence-3');
  });

  it('builds the table of contents by bloc and competency', () => {
    const toc = tableOfContents(REFERENTIAL);
    expect(toc.map((e) => e.anchor)).toEqual(['presentation', 'bloc-1', 'bloc-2', 'modalites', 'admissibilite']);
    expect(toc[1]!.label).toBe('Bloc 1 · Code non attribué — La surveillance');
    expect(toc[1]!.children).toEqual([
      { anchor: 'competence-1', label: '1. Mesurer' },
      { anchor: 'competence-2', label: '2. Évaluer' },
    ]);
    expect(toc[2]!.label).toBe('Bloc 2 · BDC0170 — Le maintien');
    expect(tableOfContents({ ...REFERENTIAL, notes: [{ title: 'n', text: ['t'] }] }).at(-1)!.anchor).toBe('notes');
  });

  it('recognises the sentences that introduce a list', () => {
    expect(isIntro('La méthode de mesure est adaptée par exemple :')).toBe(true);
    expect(isIntro('Les conditions de sécurité sont respectées : ')).toBe(true);
    expect(isIntro('Comparaison aux valeurs attendues.')).toBe(false);
  });
});

describe('text lists', () => {
  it('parses one entry per line, trimmed, without blanks or duplicates', () => {
    expect(parseLines(' B1V \r\n\nBR\nb1v\n')).toEqual(['B1V', 'BR']);
    expect(parseLines('')).toEqual([]);
  });

  it('appends a suggestion on its own line once', () => {
    expect(appendLine('', 'B1V')).toBe('B1V');
    expect(appendLine('B0\n', 'B1V')).toBe('B0\nB1V');
    expect(appendLine('B0\nb1v', 'B1V')).toBe('B0\nb1v');
  });

  it('joins a saved list for editing', () => {
    expect(joinLines(['a', 2, 'b'])).toBe('a\nb');
    expect(joinLines(undefined)).toBe('');
  });
});
