import { describe, expect, it } from 'vitest';
import {
  expandIdentityChanges,
  identityActionLabel,
  identityPathLabel,
  identityValueText,
  isCertificationIdentityChange,
  isIdentityChange,
} from './identityDiff';
import { changeSubject, changesSummary, groupChanges } from './referentialHistory';
import type { Referential, ReferentialChange } from './referentialTypes';

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

const REFERENTIAL: Referential = {
  id: 'technicien-qualite',
  title: 'Technicien de la qualité',
  source: { document: 'x.txt' },
  activities: [{ title: 'a', description: [] }],
  work_environment: [],
  interactions: [],
  blocs: [
    { code: 'BDC0229', title: 'Plan qualité', knowledge: [], competencies: [] },
    { code: 'BDC0230', title: 'Processus qualité', knowledge: [], competencies: [] },
  ],
  modalities: [],
  admissibility: ['x'],
};

describe('labels of the identity’s diff paths', () => {
  it('names every member in French', () => {
    expect(
      [
        'identity.cqpm_number',
        'identity.rncp.number',
        'identity.rncp.level',
        'identity.rncp.registration_start',
        'identity.rncp.registration_end',
        'identity.rncp.registered',
        'blocs[1].rncp_code',
        'identity',
        'identity.rncp',
      ].map(identityPathLabel),
    ).toEqual([
      'N° de CQPM',
      'Fiche RNCP — numéro',
      'Niveau',
      "Début d'enregistrement",
      "Fin d'enregistrement",
      'Inscrit au RNCP',
      'Code RNCP du bloc 2',
      'Identité de la certification',
      'Fiche RNCP',
    ]);
    expect(identityPathLabel('blocs[1].code')).toBeNull();
    expect(identityPathLabel('identity.rncp.other')).toBeNull();
    expect(isIdentityChange({ path: 'blocs[0].rncp_code' })).toBe(true);
    expect(isCertificationIdentityChange({ path: 'blocs[0].rncp_code' })).toBe(false);
    expect(isCertificationIdentityChange({ path: 'identity.rncp.level' })).toBe(true);
  });

  it('is the subject of a "field" change, instead of the raw path', () => {
    expect(changeSubject(change({ kind: 'field', action: 'added', path: 'identity.rncp.registered', new_value: true }))).toBe(
      'Inscrit au RNCP',
    );
    expect(changeSubject(change({ kind: 'field', action: 'added', path: 'blocs[1].rncp_code', bloc: 'BDC0230' }))).toBe(
      'Code RNCP du bloc 2',
    );
    // Any other member the diff does not know keeps its path.
    expect(changeSubject(change({ kind: 'field', action: 'added', path: 'blocs[1].other' }))).toBe('Autre élément (blocs[1].other)');
  });
});

describe('values and actions', () => {
  it('shows values in French, « non renseigné » when absent', () => {
    const registered = { path: 'identity.rncp.registered' };
    expect(identityValueText(registered, true)).toBe('oui');
    expect(identityValueText(registered, null)).toBe('non renseigné');
    expect(identityValueText({ path: 'identity.rncp.registration_start' }, '2023-06-28')).toBe('28/06/2023');
    expect(identityValueText({ path: 'identity.rncp.level' }, 5)).toBe('5');
    expect(identityValueText({ path: 'blocs[0].rncp_code' }, 'RNCP37854BC01')).toBe('RNCP37854BC01');
    expect(identityValueText({ path: 'blocs[0].rncp_code' }, undefined)).toBe('non renseigné');
    expect(identityValueText({ path: 'identity.rncp' }, { number: 'RNCP37854', registered: false })).toBe(
      "Fiche RNCP — numéro : RNCP37854 ; Niveau : non renseigné ; Début d'enregistrement : non renseigné ; Fin d'enregistrement : non renseigné ; Inscrit au RNCP : non",
    );
  });

  it('says « Renseigné », « Effacé », « Modification »; a bloc’s code « Code attribué »', () => {
    expect(identityActionLabel({ path: 'identity.cqpm_number', action: 'added' })).toBe('Renseigné');
    expect(identityActionLabel({ path: 'identity.cqpm_number', action: 'removed' })).toBe('Effacé');
    expect(identityActionLabel({ path: 'identity.rncp.number', action: 'reworded' })).toBe('Modification');
    expect(identityActionLabel({ path: 'blocs[0].rncp_code', action: 'added' })).toBe('Code attribué');
    expect(identityActionLabel({ path: 'blocs[0].rncp_code', action: 'removed' })).toBe('Suppression');
  });
});

describe('a change of the whole identity', () => {
  it('is split into one change per member that differs', () => {
    const whole = change({
      kind: 'field',
      action: 'added',
      path: 'identity',
      new_value: { cqpm_number: 'MQ 1', rncp: { number: 'RNCP37854', level: null, registered: true } },
    });
    const other = change({ kind: 'bloc_title', action: 'reworded', path: 'blocs[0].title', bloc: 'BDC0229' });
    const expanded = expandIdentityChanges([other, whole]);
    expect(expanded.map((c) => [c.kind, c.action, c.path, c.old_value, c.new_value])).toEqual([
      ['bloc_title', 'reworded', 'blocs[0].title', null, null],
      ['field', 'added', 'identity.cqpm_number', null, 'MQ 1'],
      ['field', 'added', 'identity.rncp.number', null, 'RNCP37854'],
      ['field', 'added', 'identity.rncp.registered', null, true],
    ]);
    const changed = expandIdentityChanges([
      change({
        kind: 'field',
        action: 'changed',
        path: 'identity.rncp',
        old_value: { registered: true, level: 5 },
        new_value: { registered: false, level: 5 },
      }),
    ]);
    expect(changed.map((c) => [c.action, c.path, c.old_value, c.new_value])).toEqual([
      ['changed', 'identity.rncp.registered', true, false],
    ]);
  });

  it('is kept as is when no member differs, and leaf changes pass through', () => {
    const empty = change({ kind: 'field', action: 'added', path: 'identity', new_value: { cqpm_number: null, rncp: null } });
    expect(expandIdentityChanges([empty])).toEqual([empty]);
    const leaf = change({ kind: 'field', action: 'added', path: 'identity.rncp.level', new_value: 5 });
    expect(expandIdentityChanges([leaf])).toEqual([leaf]);
  });
});

describe('grouping', () => {
  it('puts the identity first, in its own group, and a bloc’s RNCP code with its bloc', () => {
    const changes = [
      change({ kind: 'bloc_title', action: 'reworded', path: 'blocs[0].title', bloc: 'BDC0229', old_value: 'a', new_value: 'b' }),
      change({ kind: 'field', action: 'added', path: 'blocs[1].rncp_code', bloc: 'BDC0230', new_value: 'RNCP37854BC02' }),
      change({ kind: 'field', action: 'added', path: 'identity.rncp.registered', new_value: true }),
      change({ kind: 'field', action: 'added', path: 'identity.rncp.number', new_value: 'RNCP37854' }),
    ];
    const groups = groupChanges(changes, [REFERENTIAL]);
    expect(groups.map((g) => [g.kind, g.title, g.sections.flatMap((s) => s.changes.map((c) => c.path))])).toEqual([
      ['identity', 'Identité de la certification', ['identity.rncp.registered', 'identity.rncp.number']],
      ['bloc', 'Bloc 1 · BDC0229 — Plan qualité', ['blocs[0].title']],
      ['bloc', 'Bloc 2 · BDC0230 — Processus qualité', ['blocs[1].rncp_code']],
    ]);
    expect(changesSummary(changes)).toBe('4 changements : 1 reformulation, 3 ajouts');
  });
});
