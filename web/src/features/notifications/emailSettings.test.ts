import { describe, expect, it } from 'vitest';
import { EMAIL_FREQUENCY_CHOICES, emailFrequencySaved } from './emailSettings';

describe('the e-mail settings', () => {
  it('offers the three choices in French', () => {
    expect(EMAIL_FREQUENCY_CHOICES.map((c) => c.value)).toEqual(['immediate', 'daily', 'none']);
    expect(EMAIL_FREQUENCY_CHOICES.map((c) => c.label)).toEqual(['immédiatement', 'un résumé par jour', 'jamais']);
  });

  it('says what each choice means once recorded', () => {
    expect(emailFrequencySaved('daily')).toBe('Vous recevrez un résumé par jour de vos notifications.');
    expect(emailFrequencySaved('none')).toContain('elles restent affichées ici');
  });
});
