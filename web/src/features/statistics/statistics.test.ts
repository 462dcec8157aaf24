import { describe, expect, it } from 'vitest';
import { canSeeStatistics, csvUrl, filesCount, filterQuery, frenchPercent, monthLabel, periodProblem, pivotByMonth } from './statistics';

describe('statistics helpers', () => {
  it('shows the page to coordinators, the administrator and GTP auditors only', () => {
    expect(['centre_coordinator', 'admin', 'gtp_auditor'].every((role) => canSeeStatistics({ role }))).toBe(true);
    expect(['company_tutor', 'evaluator', 'jury_member', 'candidate', 'gtp_admin'].some((role) => canSeeStatistics({ role }))).toBe(false);
  });

  it('keeps the filter in a query string and names the CSV of a series', () => {
    expect(filterQuery({ from: '', to: '', centre: '' })).toBe('');
    expect(filterQuery({ from: '2026-01-01', to: '2026-06-30', centre: 'c 1' })).toBe('?from=2026-01-01&to=2026-06-30&centre=c+1');
    expect(csvUrl('juries', { from: '2026-01-01', to: '', centre: '' })).toBe('/api/v1/statistics/juries.csv?from=2026-01-01');
  });

  it('refuses a period that ends before it starts', () => {
    expect(periodProblem('2026-02-01', '2026-01-31')).toMatch(/précéder/);
    expect(periodProblem('2026-01-31', '2026-01-31')).toBeNull();
    expect(periodProblem('', '2026-01-31')).toBeNull();
  });

  it('writes months and rates the French way', () => {
    expect(monthLabel('2026-03')).toBe('mars 2026');
    expect(monthLabel('2026-13')).toBe('2026-13');
    expect(frenchPercent(2 / 3)).toBe('66,7 %');
    expect([0, 1, 2, 1500].map(filesCount)).toEqual(['0 dossier', '1 dossier', '2 dossiers', '1\u202f500 dossiers']);
  });

  it('pivots counts into one row per month and one column per key, zeros filled', () => {
    const rows = [
      { month: '2026-02', state: 'draft', label: 'Brouillon', files: 2 },
      { month: '2026-01', state: 'certified', label: 'Certifié', files: 1 },
      { month: '2026-02', state: 'certified', label: 'Certifié', files: 3 },
    ];
    const pivot = pivotByMonth(rows, (r) => r.state, (r) => r.label, (r) => r.files);
    expect(pivot.keys).toEqual([
      { key: 'draft', label: 'Brouillon' },
      { key: 'certified', label: 'Certifié' },
    ]);
    expect(pivot.rows).toEqual([
      { month: 'janv. 2026', certified: 1, draft: 0 },
      { month: 'févr. 2026', draft: 2, certified: 3 },
    ]);
  });
});
