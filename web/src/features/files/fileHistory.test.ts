import { describe, expect, it } from 'vitest';
import { allHistoryKinds, historyEntries, historyKindOf, historyReason, historyText, toggleKind, HISTORY_KINDS } from './fileHistory';
import type { FileEvent, Workflow } from './fileTypes';

const workflow: Workflow = {
  id: 'candidate-file',
  version: 1,
  title: 'Dossier',
  initial: 'draft',
  states: [
    { id: 'draft', label: 'Brouillon', final: false },
    { id: 'registered', label: 'Inscrit', final: false },
  ],
  transitions: [{ id: 'register', label: 'Inscrire le candidat', from: ['draft'], to: 'registered', roles: [], guards: [] }],
};

function event(seq: number, transition: string, from: string | null, to: string, extra: Partial<FileEvent> = {}): FileEvent {
  return { seq, transition, from, to, actor: null, organisation_id: null, payload: null, at: '2027-01-0' + seq, hash: 'h', ...extra };
}

const events = [
  event(1, 'create', null, 'draft', { summary_fr: 'Dossier ouvert par Claire' }),
  event(2, 'register', 'draft', 'registered', { summary_fr: 'Inscrire le candidat' }),
  event(3, 'add_document', 'registered', 'registered', { summary_fr: 'Document déposé : « cv.pdf » (preuve)' }),
  event(4, 'commission_assigned', 'registered', 'registered'),
  event(5, 'comment_added', 'registered', 'registered', { summary_fr: 'Commentaire général' }),
  event(6, 'company_opinion_signed', 'registered', 'registered'),
  event(7, 'vae_admissibility_decided', 'registered', 'registered', { summary_fr: 'Événement « vae_admissibility_decided »' }),
  event(8, 'file_corrected', 'registered', 'registered', { payload: { reason: 'Coquille' } }),
  event(9, 'future_thing', 'registered', 'registered', { summary_fr: 'Événement « future_thing »' }),
];

describe('the file history', () => {
  it('sorts every kind of event into its filter', () => {
    expect(events.map((e) => historyKindOf(e, workflow))).toEqual([
      'state',
      'state',
      'documents',
      'evaluation',
      'comments',
      'opinion',
      'decisions',
      'other',
      'other',
    ]);
    expect(HISTORY_KINDS.map((k) => k.id).sort()).toEqual([...allHistoryKinds()].sort());
  });

  it('lists newest first, only the kinds chosen', () => {
    expect(historyEntries(events, workflow, allHistoryKinds()).map((e) => e.event.seq)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    const steps = toggleKind(new Set(), 'state', true);
    expect(historyEntries(events, workflow, steps).map((e) => e.event.seq)).toEqual([2, 1]);
    const noSteps = toggleKind(allHistoryKinds(), 'state', false);
    expect(historyEntries(events, workflow, noSteps).some((e) => e.kind === 'state')).toBe(false);
    expect(historyEntries([], workflow, allHistoryKinds())).toEqual([]);
  });

  it('says what happened in French, never with an identifier', () => {
    const texts = events.map((e) => historyText(e, workflow));
    expect(texts[0]).toBe('Dossier ouvert par Claire');
    expect(texts[3]).toBe("Commission d'évaluation désignée");
    expect(texts[6]).toBe('Recevabilité de la VAE décidée');
    expect(texts[7]).toBe('Dossier corrigé');
    expect(texts[8]).toBe('Action enregistrée sur le dossier');
    for (const text of texts) expect(text).not.toMatch(/[a-z]+_[a-z]+/);
  });

  it('gives the reason once: not when the sentence already says it', () => {
    expect(historyReason(events[7]!, 'Dossier corrigé')).toBe('Coquille');
    expect(historyReason(events[7]!, 'Claire a corrigé le dossier — motif : Coquille')).toBeNull();
    expect(historyReason(events[0]!, 'Dossier ouvert')).toBeNull();
  });
});
