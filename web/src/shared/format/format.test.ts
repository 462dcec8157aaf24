import { describe, expect, it } from 'vitest';
import { candidateName, formatParisDateTime, todayInParis, withFirstOfMonth } from './format';
import { frenchDay } from '../../features/files/deadlines';
import { formatSessionDate } from '../../features/juries/jury';

describe('French dates', () => {
  it('writes the first day of a month « 1er »', () => {
    expect(withFirstOfMonth('1 novembre 2026')).toBe('1er novembre 2026');
    expect(withFirstOfMonth('mercredi 1 avril 2026')).toBe('mercredi 1er avril 2026');
    expect(withFirstOfMonth('1 août 2026 à 09:30')).toBe('1er août 2026 à 09:30');
    // Other days, and a 1 that is not a day of a month, are left alone.
    for (const text of ['11 novembre 2026', '21 mai 2026', '31 décembre 2026', '1 dossier', '2021 mars'])
      expect(withFirstOfMonth(text)).toBe(text);
  });

  it('says « 1er » wherever a long date is printed', () => {
    expect(frenchDay('2026-11-01')).toBe('1er novembre 2026');
    expect(frenchDay('2026-11-11')).toBe('11 novembre 2026');
    expect(formatSessionDate('2027-04-01')).toBe('jeudi 1er avril 2027');
    expect(formatParisDateTime('2026-10-31T23:30:00Z')).toMatch(/^1er novembre 2026 à 00:30$/);
  });

  it("gives Paris's calendar day", () => {
    expect(todayInParis(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInParis(new Date('2026-12-31T22:30:00Z'))).toBe('2026-12-31');
  });
});

describe('candidateName', () => {
  const name = (given_name: string, family_name: string) => candidateName({ given_name, family_name });

  it('writes the name exactly as it was typed, in any script', () => {
    expect(name('Camille', 'Rousseau')).toBe('Camille Rousseau');
    expect(name('Văn Đức', 'Nguyễn-Łukasiewicz Ţurcanu')).toBe('Văn Đức Nguyễn-Łukasiewicz Ţurcanu');
    expect(name('Jürgen', 'Größmann')).toBe('Jürgen Größmann'); // never GRÖSSMANN
    expect(name('İsmail', 'Işık Çağlayan')).toBe('İsmail Işık Çağlayan');
    expect(name('Νικόλαος', 'Παπαδόπουλος')).toBe('Νικόλαος Παπαδόπουλος');
    expect(name('מרים', 'כהן')).toBe('מרים כהן');
  });
});
