import { describe, expect, it } from 'vitest';
import {
  blameLabel,
  blamePath,
  blameTitle,
  blocIndexOf,
  changeSides,
  changeSubject,
  changesSummary,
  filesCount,
  formatValue,
  groupChanges,
  historyLinks,
  impactTable,
  indexBlame,
  latestBlameVersion,
  moveDescription,
  parseVersion,
  proposalStateLabel,
  reviewActions,
  wordDiff,
} from './referentialHistory';
import type { BlameItem, Proposal, Referential, ReferentialChange } from './referentialTypes';

const change = (c: Partial<ReferentialChange> & Pick<ReferentialChange, 'kind' | 'action' | 'path'>): ReferentialChange => ({
  competency: null,
  bloc: null,
  group: null,
  old_value: null,
  new_value: null,
  from_index: null,
  to_index: null,
  ...c,
});

const competency = (number: number, title: string) => ({
  number,
  title,
  conditions: ['c'],
  criteria: { methods: ['m'], means: [], relations: [], environment: [] },
  expected_results: ['r'],
});

const REFERENTIAL: Referential = {
  id: 'fabrication-additive',
  title: 'Opérateur en fabrication additive',
  source: { document: 'x.txt' },
  activities: [{ title: 'a', description: [] }],
  work_environment: [],
  interactions: [],
  blocs: [
    { code: 'BDC0198', title: 'La préparation de production', knowledge: [], competencies: [competency(1, 'Approvisionner')] },
    { code: 'BDC0199', title: 'La réalisation', knowledge: [], competencies: [competency(4, 'Mettre en place')] },
  ],
  modalities: [],
  admissibility: ['x'],
};

// The changes of the demo's proposal (real server output, in document order).
const CHANGES: ReferentialChange[] = [
  change({ kind: 'title', action: 'reworded', path: 'title', old_value: 'Ancien titre', new_value: 'Nouveau titre' }),
  change({ kind: 'knowledge', action: 'moved', path: 'blocs[0].knowledge[0]', bloc: 'BDC0198', old_value: 'La doc.', new_value: 'La doc.', from_index: 4, to_index: 0 }),
  change({ kind: 'condition', action: 'removed', path: 'competencies.1.conditions[1]', competency: 1, bloc: 'BDC0198', old_value: 'Au moins un équipement', from_index: 1 }),
  change({ kind: 'criterion', action: 'reworded', path: 'competencies.1.criteria.methods[0]', competency: 1, bloc: 'BDC0198', group: 'methods', old_value: 'La conformité est vérifiée', new_value: 'La conformité documentée est vérifiée', from_index: 0, to_index: 0 }),
  change({ kind: 'criterion', action: 'added', path: 'competencies.1.criteria.means[4]', competency: 1, bloc: 'BDC0198', group: 'means', new_value: 'Un nouveau moyen', to_index: 4 }),
  change({ kind: 'bloc_code', action: 'filled', path: 'blocs[1].code', bloc: 'BDC0199', new_value: 'BDC0199', from_index: 1, to_index: 1 }),
  change({ kind: 'competency_title', action: 'reworded', path: 'competencies.4.title', competency: 4, bloc: 'BDC0199', old_value: 'Mettre', new_value: 'Mettre en place' }),
  change({ kind: 'modality_field', action: 'changed', path: 'modalities.company_opinion.excluded_pathways', old_value: ['vae'], new_value: ['vae', 'job_seeker'] }),
];

describe('change labels', () => {
  it('says what changed, where, in French', () => {
    expect(changeSubject(CHANGES[0]!)).toBe('Titre du CQPM');
    expect(changeSubject(CHANGES[1]!)).toBe('Connaissance associée');
    expect(changeSubject(CHANGES[2]!)).toBe('Condition de réalisation n° 2');
    expect(changeSubject(CHANGES[3]!)).toBe('Critère (Méthodes utilisées) n° 1');
    expect(changeSubject(CHANGES[4]!)).toBe('Critère (Moyens utilisés) n° 5');
    expect(changeSubject(CHANGES[5]!)).toBe('Code du bloc');
    expect(changeSubject(CHANGES[6]!)).toBe('Intitulé de la compétence');
    expect(changeSubject(CHANGES[7]!)).toBe('Parcours exclus');
    expect(changeSubject(change({ kind: 'text', action: 'added', path: 'admissibility[2]', to_index: 2 }))).toBe(
      "Conditions d'admissibilité n° 3",
    );
    expect(changeSubject(change({ kind: 'competency', action: 'added', path: 'competencies.7', competency: 7 }))).toBe('Compétence 7');
  });

  it('describes moves', () => {
    expect(moveDescription(CHANGES[1]!)).toBe('De la place 5 à la place 1');
    expect(
      moveDescription(change({ kind: 'competency', action: 'moved', path: 'competencies.4', competency: 4, old_value: 'bloc 2', new_value: 'BDC0198' })),
    ).toBe('Du bloc 2 (code non attribué) au bloc BDC0198');
    expect(moveDescription(CHANGES[3]!)).toBeNull();
  });

  it('formats values: texts, competencies, blocs, booleans, pathways', () => {
    expect(formatValue(null)).toBeNull();
    expect(formatValue('texte')).toBe('texte');
    expect(formatValue(true)).toBe('oui');
    expect(formatValue(['vae', 'job_seeker'], 'modality_field')).toBe("VAE, Demandeur d'emploi");
    expect(formatValue(competency(3, 'Diagnostiquer'))).toBe('Compétence 3 : Diagnostiquer');
    expect(formatValue({ code: null, title: 'La surveillance', knowledge: [], competencies: [1, 2] })).toBe(
      'Code non attribué — La surveillance',
    );
    expect(formatValue({ id: 'company_opinion', label: "Avis de l'entreprise" })).toBe("Avis de l'entreprise");
    expect(formatValue([])).toBe('aucun');
  });

  it('shows only the old side of a removal, only the new side of an addition or a filled code', () => {
    expect(changeSides(CHANGES[2]!)).toEqual({ old: true, new: false });
    expect(changeSides(CHANGES[4]!)).toEqual({ old: false, new: true });
    expect(changeSides(CHANGES[5]!)).toEqual({ old: false, new: true });
    expect(changeSides(CHANGES[3]!)).toEqual({ old: true, new: true });
  });

  it('summarises the changes', () => {
    expect(changesSummary([])).toBe('Aucun changement');
    expect(changesSummary([CHANGES[5]!])).toBe('1 changement : 1 code attribué');
    expect(changesSummary(CHANGES)).toBe(
      '8 changements : 3 reformulations, 1 déplacement, 1 suppression, 1 ajout, 1 code attribué, 1 modification',
    );
  });
});

describe('groupChanges', () => {
  it('groups by bloc, then competency, in document order, with titles from the referential', () => {
    const groups = groupChanges(CHANGES, [REFERENTIAL]);
    expect(groups.map((g) => g.title)).toEqual([
      'Présentation du CQPM',
      'Bloc 1 · BDC0198 — La préparation de production',
      'Bloc 2 · BDC0199 — La réalisation',
      "Modalités d'évaluation",
    ]);
    const bloc1 = groups[1]!;
    expect(bloc1.sections.map((s) => [s.competency, s.title, s.changes.length])).toEqual([
      [null, null, 1],
      [1, 'Compétence 1 — Approvisionner', 3],
    ]);
    const bloc2 = groups[2]!;
    expect(bloc2.sections.map((s) => s.competency)).toEqual([null, 4]);
    expect(bloc2.sections[1]!.title).toBe('Compétence 4 — Mettre en place');
  });

  it("puts a bloc's own items before its competencies, and names a bloc without code", () => {
    const groups = groupChanges([
      change({ kind: 'criterion', action: 'added', path: 'competencies.4.criteria.means[0]', competency: 4, bloc: 'bloc 2', group: 'means', new_value: 'x', to_index: 0 }),
      change({ kind: 'bloc_title', action: 'reworded', path: 'blocs[1].title', bloc: 'bloc 2', old_value: 'a', new_value: 'b' }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.title).toBe('Bloc 2 · Code non attribué');
    expect(groups[0]!.sections.map((s) => s.competency)).toEqual([null, 4]);
    expect(groups[0]!.sections[1]!.title).toBe('Compétence 4');
  });

  it('finds a bloc by its code or its number', () => {
    expect(blocIndexOf('BDC0199', [REFERENTIAL])).toBe(1);
    expect(blocIndexOf('bloc 3', [])).toBe(2);
    expect(blocIndexOf('BDC9999', [REFERENTIAL])).toBeNull();
  });
});

describe('wordDiff', () => {
  it('marks the words removed and added', () => {
    const d = wordDiff('La conformité est vérifiée', 'La conformité documentée est vérifiée');
    expect(d.old).toEqual([{ text: 'La conformité est vérifiée', changed: false }]);
    expect(d.new).toEqual([
      { text: 'La conformité ', changed: false },
      { text: 'documentée ', changed: true },
      { text: 'est vérifiée', changed: false },
    ]);
    const r = wordDiff('un deux trois', 'un quatre trois');
    expect(r.old.filter((s) => s.changed).map((s) => s.text.trim())).toEqual(['deux']);
    expect(r.new.filter((s) => s.changed).map((s) => s.text.trim())).toEqual(['quatre']);
    // Each side still reads as its whole text.
    expect(r.old.map((s) => s.text).join('')).toBe('un deux trois');
    expect(r.new.map((s) => s.text).join('')).toBe('un quatre trois');
  });

  it('marks several changed words as one run, spaces included', () => {
    const d = wordDiff('Le contrôle est fait par le technicien', 'Le contrôle est réalisé chaque jour par le technicien');
    expect(d.new.filter((s) => s.changed).map((s) => s.text.trim())).toEqual(['réalisé chaque jour']);
    expect(d.new.map((s) => s.text).join('')).toBe('Le contrôle est réalisé chaque jour par le technicien');
    expect(d.old.filter((s) => s.changed).map((s) => s.text.trim())).toEqual(['fait']);
  });

  it('leaves texts that share almost nothing unmarked', () => {
    expect(wordDiff('Mettre en place une production en fabrication additive', 'New title')).toEqual({
      old: [{ text: 'Mettre en place une production en fabrication additive', changed: false }],
      new: [{ text: 'New title', changed: false }],
    });
  });

  it('handles empty texts and very long ones', () => {
    expect(wordDiff('', 'nouveau')).toEqual({ old: [], new: [{ text: 'nouveau', changed: false }] });
    const long = Array.from({ length: 600 }, (_, i) => `mot${i}`).join(' ');
    const other = Array.from({ length: 600 }, (_, i) => `autre${i}`).join(' ');
    expect(wordDiff(long, other)).toEqual({ old: [{ text: long, changed: false }], new: [{ text: other, changed: false }] });
    expect(wordDiff(long, `${long} fin`).new).toEqual([{ text: `${long} fin`, changed: false }]);
  });
});

describe('blame', () => {
  const items: BlameItem[] = [
    { path: 'blocs[1].code', kind: 'bloc_code', bloc: 'BDC0199', competency: null, group: null, index: null, text: 'BDC0199', version: 2 },
    { path: 'competencies.1', kind: 'competency', bloc: 'BDC0198', competency: 1, group: null, index: null, text: 'A', version: 1 },
    {
      path: 'competencies.1.criteria.methods[0]',
      kind: 'criterion',
      bloc: 'BDC0198',
      competency: 1,
      group: 'methods',
      index: 0,
      text: 'x',
      version: 3,
    },
  ];

  it('indexes the items by the paths the page builds', () => {
    const index = indexBlame(items);
    expect(index.get(blamePath.blocCode(1))?.version).toBe(2);
    expect(index.get(blamePath.competency(1))?.version).toBe(1);
    expect(index.get(blamePath.criterion(1, 'methods', 0))?.version).toBe(3);
    expect(index.get(blamePath.criterion(1, 'means', 0))).toBeUndefined();
    expect(blamePath.condition(2, 1)).toBe('competencies.2.conditions[1]');
    expect(blamePath.expectedResult(2, 0)).toBe('competencies.2.expected_results[0]');
    expect(blamePath.knowledge(0, 3)).toBe('blocs[0].knowledge[3]');
    expect(latestBlameVersion(items)).toBe(3);
    expect(latestBlameVersion([])).toBe(1);
  });

  it('labels the versions', () => {
    expect(blameLabel(2)).toBe('v2');
    expect(blameTitle(1)).toBe("Inchangé depuis la version 1 (d'origine)");
    expect(blameTitle(4)).toBe('Modifié en dernier en version 4');
  });
});

describe('impactTable', () => {
  it('makes one row per centre and one column per state, in the workflow order', () => {
    const table = impactTable(
      [
        { centre_id: 'b', centre: 'Centre Rhône-Alpes', state: 'under_evaluation', count: 1 },
        { centre_id: 'a', centre: 'Centre Hauts-de-France', state: 'registered', count: 2 },
        { centre_id: 'b', centre: 'Centre Rhône-Alpes', state: 'registered', count: 3 },
      ],
      ['draft', 'registered', 'under_evaluation'],
    );
    expect(table.states).toEqual(['registered', 'under_evaluation']);
    expect(table.rows.map((r) => [r.centre, r.counts, r.total])).toEqual([
      ['Centre Hauts-de-France', { registered: 2 }, 2],
      ['Centre Rhône-Alpes', { under_evaluation: 1, registered: 3 }, 4],
    ]);
    expect(table.totals).toEqual({ registered: 5, under_evaluation: 1 });
    expect(table.total).toBe(6);
  });

  it('counts files in French', () => {
    expect(filesCount(0)).toBe('aucun dossier');
    expect(filesCount(1)).toBe('1 dossier');
    expect(filesCount(2)).toBe('2 dossiers');
  });
});

describe('reviewActions', () => {
  const employer = { id: 'u1', role: 'gtp_auditor', college: 'employer' };
  const employee = { id: 'u2', role: 'gtp_auditor', college: 'employee' };
  const employer2 = { id: 'u3', role: 'gtp_auditor', college: 'employer' };
  const open: Pick<Proposal, 'state' | 'approvals' | 'colleges' | 'proposer'> = {
    state: 'open',
    proposer: { id: 'u1', display_name: 'Marc Dubois' },
    approvals: [{ user_id: 'u1', display_name: 'Marc Dubois', college: 'employer', approved_at: '2026-01-01T00:00:00Z' }],
    colleges: { employer: 'Marc Dubois' },
  };

  it('lets the other college approve an open proposal', () => {
    expect(reviewActions(employee, open)).toEqual({ approve: true, reject: true, publish: false, note: null });
  });

  it('does not let the proposer or their college approve again', () => {
    const proposer = reviewActions(employer, open);
    expect(proposer.approve).toBe(false);
    expect(proposer.reject).toBe(true);
    expect(proposer.note).toBe("Votre proposition compte comme votre approbation ; l'approbation du collège salarié est attendue.");
    const colleague = reviewActions(employer2, open);
    expect(colleague.approve).toBe(false);
    expect(colleague.note).toBe("Le collège employeur a déjà approuvé (Marc Dubois) ; l'approbation du collège salarié est attendue.");
  });

  it('offers publication once approved, and nothing after', () => {
    const approved = { ...open, state: 'approved' };
    expect(reviewActions(employee, approved)).toEqual({ approve: false, reject: true, publish: true, note: null });
    for (const state of ['rejected', 'published']) {
      expect(reviewActions(employee, { ...open, state })).toEqual({ approve: false, reject: false, publish: false, note: null });
    }
  });

  it('shows no button to anyone outside the GTP', () => {
    expect(reviewActions({ id: 'c', role: 'centre_coordinator', college: null }, open)).toEqual({
      approve: false,
      reject: false,
      publish: false,
      note: null,
    });
    expect(reviewActions(null, open).approve).toBe(false);
  });
});

describe('links and parameters', () => {
  it('builds the links of the GTP pages', () => {
    expect(historyLinks.versions('qualite')).toBe('/cqpm/qualite/versions');
    expect(historyLinks.version('qualite', 2)).toBe('/cqpm/qualite/versions/2');
    expect(historyLinks.pinnedFiles('qualite', 2)).toBe('/cqpm/qualite/versions/2#dossiers');
    expect(historyLinks.diff('qualite')).toBe('/cqpm/qualite/comparer');
    expect(historyLinks.diff('qualite', 1, 2)).toBe('/cqpm/qualite/comparer?de=1&a=2');
    expect(historyLinks.proposals({ cqpm: 'qualite', state: 'open' })).toBe('/propositions?cqpm=qualite&etat=open');
    expect(historyLinks.proposal(3)).toBe('/propositions/3');
    expect(historyLinks.propose('qualite')).toBe('/cqpm/qualite/proposer');
  });

  it('reads a version number', () => {
    expect(parseVersion('2')).toBe(2);
    expect(parseVersion(' 3 ')).toBe(3);
    expect(parseVersion('0')).toBeNull();
    expect(parseVersion('-1')).toBeNull();
    expect(parseVersion('2a')).toBeNull();
    expect(parseVersion(null)).toBeNull();
  });

  it('labels proposal states', () => {
    expect(proposalStateLabel('open')).toBe('Ouverte');
    expect(proposalStateLabel('published')).toBe('Publiée');
    expect(proposalStateLabel('other')).toBe('other');
  });
});
