import { describe, expect, it } from 'vitest';
import { trailSealText } from './trailSeal';

describe('trailSealText', () => {
  it('says an intact history is sealed, counting its events in French', () => {
    const many = trailSealText({ intact: true, events: 12, broken_at: null });
    expect(many.alarm).toBe(false);
    expect(many.text).toContain('Les 12 événements de ce dossier portent une empreinte SHA-256 chaînée');
    expect(trailSealText({ intact: true, events: 1, broken_at: null }).text).toContain(
      "L'événement de ce dossier porte une empreinte",
    );
  });

  it('raises the alarm where the chain breaks and says whom to tell', () => {
    const broken = trailSealText({ intact: false, events: 9, broken_at: 4 });
    expect(broken.alarm).toBe(true);
    expect(broken.text).toContain("rompue à l'événement n° 4");
    expect(broken.text).toContain('cqpm audit verify');
  });
});
