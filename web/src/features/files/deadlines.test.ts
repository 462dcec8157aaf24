import { describe, expect, it } from 'vitest';
import {
  DUE_MESSAGE,
  DUE_PAST_MESSAGE,
  EXTENSION_REASON_MESSAGE,
  UNTIL_MESSAGE,
  canManageDeadlines,
  describeDeadline,
  frenchDay,
  reportDeadline,
  validateDue,
  validateExtension,
  type Deadline,
} from './deadlines';

const deadline: Deadline = {
  kind: 'report',
  due: '2026-06-15',
  due_at: '2026-06-15T22:00:00Z',
  time_zone: 'Europe/Paris',
  passed: false,
  set_due: '2026-06-15',
  set_by: { id: 'u', display_name: 'Claire Moreau' },
  set_at: '2026-05-01T08:00:00Z',
  extensions: [],
};

describe('deadlines', () => {
  it('writes the day in French, end of day Paris time', () => {
    expect(frenchDay('2026-06-15')).toBe('15 juin 2026');
    expect(describeDeadline(deadline)).toBe(
      'Rapport attendu au plus tard le 15 juin 2026 (fin de journée, heure de Paris).',
    );
  });

  it('finds the report deadline', () => {
    expect(reportDeadline([{ ...deadline, kind: 'other' }, deadline])).toBe(deadline);
    expect(reportDeadline([])).toBeNull();
  });

  it('lets only the centre coordinator manage the deadline of an open file', () => {
    expect(canManageDeadlines({ role: 'centre_coordinator' }, 'registered')).toBe(true);
    expect(canManageDeadlines({ role: 'centre_coordinator' }, 'certified')).toBe(false);
    expect(canManageDeadlines({ role: 'company_tutor' }, 'registered')).toBe(false);
    expect(canManageDeadlines(null, 'registered')).toBe(false);
  });

  it('checks the day set', () => {
    expect(validateDue('2026-06-15', '2026-06-01')).toBeNull();
    expect(validateDue('')).toBe(DUE_MESSAGE);
    expect(validateDue('2026-02-30')).toBe(DUE_MESSAGE);
  });

  it('refuses a day already past in Paris, not today', () => {
    expect(validateDue('2026-05-31', '2026-06-01')).toBe(DUE_PAST_MESSAGE);
    expect(validateDue('2026-06-01', '2026-06-01')).toBeNull();
  });

  it('wants a later day and a reason for an extension', () => {
    expect(validateExtension(deadline, '2026-07-01', 'Arrêt maladie')).toEqual({});
    expect(validateExtension(deadline, '', '')).toEqual({ until: UNTIL_MESSAGE, reason: EXTENSION_REASON_MESSAGE });
    expect(validateExtension(deadline, '2026-06-15', 'x').until).toBe(
      "La nouvelle échéance doit être postérieure à l'échéance en vigueur (15 juin 2026).",
    );
  });
});
