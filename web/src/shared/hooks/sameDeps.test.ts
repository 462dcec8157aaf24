import { describe, expect, it } from 'vitest';
import { sameDeps } from './sameDeps';

describe('sameDeps', () => {
  it('is true for the same items in the same order', () => {
    const record = { id: 'f1' };
    expect(sameDeps(['f1', 3, record], ['f1', 3, record])).toBe(true);
    expect(sameDeps([], [])).toBe(true);
  });

  it('compares objects by identity, not by content', () => {
    expect(sameDeps([{ id: 'f1' }], [{ id: 'f1' }])).toBe(false);
  });

  it('is false for another item, another order or another length', () => {
    expect(sameDeps(['f1', 3], ['f1', 4])).toBe(false);
    expect(sameDeps([3, 'f1'], ['f1', 3])).toBe(false);
    expect(sameDeps(['f1'], ['f1', 3])).toBe(false);
  });

  it('compares as Object.is: NaN is NaN, 0 is not -0', () => {
    expect(sameDeps([NaN], [NaN])).toBe(true);
    expect(sameDeps([0], [-0])).toBe(false);
  });
});
