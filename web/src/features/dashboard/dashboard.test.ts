import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT, ariaSort, nextSort, sortFromUrl, sortHint, sortToUrl } from './dashboardSort';
import { overdueCountLabel, reportDueDay, reportDueLabel } from './reportDeadline';
import { addEachFile, bulkSummary } from './bulkJury';
import { filesCsvHref } from './dashboardApi';
import { ApiError } from '../../shared/api/client';

describe('dashboard sort', () => {
  it('reads the URL, falling back to newest first for anything unknown', () => {
    expect(sortFromUrl('', '')).toEqual(DEFAULT_SORT);
    expect(sortFromUrl('nom', '')).toEqual({ field: 'name', order: 'asc' });
    expect(sortFromUrl('maj', '')).toEqual({ field: 'updated_at', order: 'desc' });
    expect(sortFromUrl('echeance', 'desc')).toEqual({ field: 'report_due_at', order: 'desc' });
    expect(sortFromUrl('etat', 'sideways')).toEqual({ field: 'state', order: 'asc' });
    expect(sortFromUrl('toString', 'asc')).toEqual(DEFAULT_SORT);
    expect(sortFromUrl('birth_date', 'asc')).toEqual(DEFAULT_SORT);
  });

  it('writes the URL back, empty for the default sort', () => {
    expect(sortToUrl(DEFAULT_SORT)).toEqual({ tri: '', ordre: '' });
    expect(sortToUrl({ field: 'cqpm', order: 'desc' })).toEqual({ tri: 'cqpm', ordre: 'desc' });
    for (const tri of ['nom', 'cqpm', 'etat', 'echeance', 'maj', 'creation']) {
      for (const ordre of ['asc', 'desc']) {
        const sort = sortFromUrl(tri, ordre);
        expect(sortFromUrl(sortToUrl(sort).tri || 'creation', sortToUrl(sort).ordre || 'desc')).toEqual(sort);
      }
    }
  });

  it('turns the sorted column the other way and starts another one its own way', () => {
    const byName = nextSort(DEFAULT_SORT, 'name');
    expect(byName).toEqual({ field: 'name', order: 'asc' });
    expect(nextSort(byName, 'name')).toEqual({ field: 'name', order: 'desc' });
    expect(nextSort(byName, 'updated_at')).toEqual({ field: 'updated_at', order: 'desc' });
    expect(nextSort(byName, 'report_due_at')).toEqual({ field: 'report_due_at', order: 'asc' });
  });

  it('says the direction on the sorted header only', () => {
    const sort = { field: 'state', order: 'desc' } as const;
    expect(ariaSort(sort, 'state')).toBe('descending');
    expect(ariaSort({ field: 'state', order: 'asc' }, 'state')).toBe('ascending');
    expect(ariaSort(sort, 'name')).toBe('none');
    expect(sortHint(sort, 'state')).toBe('trier par ordre croissant');
    expect(sortHint(sort, 'updated_at')).toBe('trier par ordre décroissant');
  });
});

describe('report deadline', () => {
  it('is the Paris day the deadline ends with', () => {
    // 15 June 2026 ends at 00:00 Paris on the 16th, i.e. 22:00 UTC on the 15th (summer time).
    expect(reportDueDay('2026-06-15T22:00:00Z')).toBe('2026-06-15');
    // 12 January ends at 23:00 UTC (winter time).
    expect(reportDueDay('2026-01-12T23:00:00Z')).toBe('2026-01-12');
    expect(reportDueLabel('2026-06-15T22:00:00Z')).toBe('15/06/2026');
    expect(reportDueDay(null)).toBeNull();
    expect(reportDueDay('not a date')).toBeNull();
  });

  it('counts overdue files in French', () => {
    expect(overdueCountLabel(0)).toBe('Aucun dossier en retard');
    expect(overdueCountLabel(1)).toBe('1 dossier en retard');
    expect(overdueCountLabel(12)).toBe('12 dossiers en retard');
  });
});

describe('CSV export link', () => {
  it('carries the filters and the sort of the list', () => {
    expect(filesCsvHref({ state: 'draft', q: 'élo', overdue: true }, { field: 'name', order: 'desc' })).toBe(
      '/api/v1/files.csv?state=draft&q=%C3%A9lo&overdue=true&sort=name&order=desc',
    );
    expect(filesCsvHref({ cqpm: '', overdue: false }, DEFAULT_SORT)).toBe('/api/v1/files.csv?sort=created_at&order=desc');
  });
});

describe('bulk add to a jury session', () => {
  const files = [
    { id: 'f1', name: 'Inès Durand' },
    { id: 'f2', name: 'Lucas Martin' },
    { id: 'f3', name: 'Emma Lefèvre' },
  ];

  it('adds each file in turn and reports every refusal with its reason', async () => {
    const calls: string[] = [];
    const outcomes = await addEachFile(
      files,
      async (id) => {
        calls.push(id);
        if (id === 'f2') throw new ApiError(409, 'invalid_state', 'file is in draft', 'file_id');
      },
      (err) => (err instanceof ApiError ? 'pas prêt pour le jury' : 'erreur'),
    );
    expect(calls).toEqual(['f1', 'f2', 'f3']);
    expect(outcomes.map((o) => o.refusal)).toEqual([null, 'pas prêt pour le jury', null]);
    expect(bulkSummary(outcomes)).toBe('2 ajoutés, 1 refusé : Lucas Martin (pas prêt pour le jury).');
  });

  it('says so when everything was added or everything refused', async () => {
    const added = await addEachFile(files.slice(0, 1), async () => undefined, () => '');
    expect(bulkSummary(added)).toBe('1 ajouté, 0 refusé.');
    expect(bulkSummary(added, ['commission formée', 'commissions formées'])).toBe('1 commission formée, 0 refusé.');
    const refused = await addEachFile(files.slice(0, 2), () => Promise.reject(new Error('x')), () => 'session close.');
    expect(bulkSummary(refused)).toBe(
      '0 ajouté, 2 refusés : Inès Durand (session close) ; Lucas Martin (session close).',
    );
  });
});
