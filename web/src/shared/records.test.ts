import { describe, expect, it } from 'vitest';
import { without } from './records';

describe('without', () => {
  it('copies the record without the key', () => {
    const errors: Record<string, string> = { reason: 'Indiquez un motif.', title: 'Trop long.' };
    expect(without(errors, 'reason')).toEqual({ title: 'Trop long.' });
    expect(errors).toEqual({ reason: 'Indiquez un motif.', title: 'Trop long.' });
  });

  it('works with numeric keys', () => {
    expect(without<Record<number, string>>({ 1: 'a', 2: 'b' }, 2)).toEqual({ 1: 'a' });
  });

  it('returns the same record when the key is absent', () => {
    const drafts: Record<number, string> = { 1: 'a' };
    expect(without(drafts, 3)).toBe(drafts);
  });
});
