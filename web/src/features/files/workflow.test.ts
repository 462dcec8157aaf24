import { describe, expect, it } from 'vitest';
import { formFieldOf } from './newFileForm';
import { candidateName, formatCalendarDate } from '../../shared/format/format';
import { cqpmTitle, pathwayLabel, roleLabel } from '../../shared/format/labels';
import type { Workflow } from './fileTypes';
import { buildPayload, eventLabel, needsInput, parseBlocs, splitStates, stateLabel, transitionLabel, visitedStates } from './workflow';

const workflow: Workflow = {
  id: 'candidate-file',
  version: 1,
  title: 'Dossier',
  initial: 'draft',
  states: [
    { id: 'draft', label: 'Brouillon', final: false },
    { id: 'registered', label: 'Inscrit', final: false },
    { id: 'certified', label: 'Certifié', final: true },
    { id: 'withdrawn', label: 'Retiré', final: true },
  ],
  transitions: [{ id: 'register', label: 'Inscrire le candidat', from: ['draft'], to: 'registered', roles: [], guards: [] }],
};

describe('workflow labels', () => {
  it('reads labels from the workflow, with fallbacks', () => {
    expect(stateLabel(workflow, 'registered')).toBe('Inscrit');
    expect(stateLabel(null, 'under_evaluation')).toBe('En évaluation');
    expect(stateLabel(workflow, 'mystery')).toBe('mystery');
    expect(transitionLabel(workflow, 'register')).toBe('Inscrire le candidat');
    expect(transitionLabel(workflow, 'unknown')).toBe('unknown');
    expect(eventLabel(workflow, { transition: 'register', from: 'draft' })).toBe('Inscrire le candidat');
    expect(eventLabel(workflow, { transition: 'update_modality_plan', from: 'registered' })).toBe("Plan d'évaluation enregistré");
    expect(eventLabel(workflow, { transition: 'file_corrected', from: 'draft' })).toBe('Dossier corrigé');
    expect(eventLabel(workflow, { transition: 'file_transferred', from: 'draft' })).toBe('Dossier transféré');
    expect(eventLabel(workflow, { transition: 'create', from: null })).toBe('Création du dossier');
    expect(eventLabel(workflow, { transition: 'import', from: 'draft' })).toBe('import');
  });

  it('splits the path from the final outcomes, keeping the order', () => {
    const { path, outcomes } = splitStates(workflow);
    expect(path.map((s) => s.id)).toEqual(['draft', 'registered']);
    expect(outcomes.map((s) => s.id)).toEqual(['certified', 'withdrawn']);
  });
});

describe('transition payloads', () => {
  it('asks for input only for the reason and blocs guards', () => {
    expect(needsInput({ guards: [] })).toBe(false);
    expect(needsInput({ guards: ['candidate_identity_complete'] })).toBe(false);
    expect(needsInput({ guards: ['reason_given'] })).toBe(true);
    expect(needsInput({ guards: ['blocs_listed'] })).toBe(true);
  });

  it('builds the payload from the answers', () => {
    expect(buildPayload({ guards: [] }, { reason: 'ignored' })).toEqual({});
    expect(buildPayload({ guards: ['reason_given'] }, { reason: '  Déménagement  ' })).toEqual({ reason: 'Déménagement' });
    expect(buildPayload({ guards: ['blocs_listed'] }, { blocs: 'BDC0170\nBDC0171, BDC0170;' })).toEqual({
      blocs: ['BDC0170', 'BDC0171'],
    });
  });

  it('parses bloc lists', () => {
    expect(parseBlocs('  ')).toEqual([]);
    expect(parseBlocs('A; B ,\n\nC')).toEqual(['A', 'B', 'C']);
  });
});

describe('French labels and formats', () => {
  it('translates roles, pathways and CQPM ids', () => {
    expect(roleLabel('centre_coordinator')).toBe('Coordinateur du centre');
    expect(roleLabel('gtp_auditor')).toBe('Auditeur GTP');
    expect(pathwayLabel('job_seeker')).toBe("Demandeur d'emploi");
    expect(cqpmTitle('maintenance-productive')).toBe('Technicien(ne) de maintenance productive');
    expect(cqpmTitle('inconnu')).toBe('inconnu');
  });

  it('formats calendar dates without a time-zone shift', () => {
    expect(formatCalendarDate('1990-01-01')).toBe('01/01/1990');
    expect(formatCalendarDate('n/a')).toBe('n/a');
  });

  it('writes the family name in capitals', () => {
    expect(candidateName({ given_name: 'Zoé', family_name: 'Lefèvre' })).toBe('Zoé Lefèvre');
  });
});

describe('new file form field mapping', () => {
  it('maps API error fields to form fields', () => {
    expect(formFieldOf('candidate.email')).toBe('candidate.email');
    expect(formFieldOf('company_id')).toBe('company_id');
    expect(formFieldOf('company')).toBe('company_id');
    expect(formFieldOf('/candidate/birth_date')).toBe('candidate.birth_date');
    expect(formFieldOf('expected_version')).toBeNull();
    expect(formFieldOf(null)).toBeNull();
  });
});

describe('visited states', () => {
  it('collects the states the events went from and to, once each', () => {
    const events = [
      { from: null, to: 'draft' },
      { from: 'draft', to: 'registered' },
      { from: 'registered', to: 'registered' },
    ];
    expect([...visitedStates(events)].sort()).toEqual(['draft', 'registered']);
    expect(visitedStates([]).size).toBe(0);
  });
});
