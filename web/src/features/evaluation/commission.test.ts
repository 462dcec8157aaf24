import { describe, expect, it } from 'vitest';
import { commissionSelection, plannedEvaluators } from './commission';

const entry = (competency: number, evaluators: string[]) => ({
  competency,
  modality: 'real_situation',
  planned_date: '2027-03-10',
  place: 'Atelier',
  evaluators,
});

describe('commission pre-filled from the modality plan', () => {
  it("ticks the plan's evaluators once each, in the plan's order, among those the centre may choose", () => {
    const plan = { plan: [entry(1, ['e2', 'e1']), entry(2, ['e1', 'gone']), entry(3, ['e3'])] };
    expect(plannedEvaluators(plan, [{ id: 'e1' }, { id: 'e2' }, { id: 'e3' }])).toEqual(['e2', 'e1', 'e3']);
    expect(plannedEvaluators(plan, [{ id: 'e1' }])).toEqual(['e1']);
  });

  it('ticks nobody without a saved plan or without evaluators to choose from', () => {
    expect(plannedEvaluators({ plan: null }, [{ id: 'e1' }])).toEqual([]);
    expect(plannedEvaluators(null, [{ id: 'e1' }])).toEqual([]);
    expect(plannedEvaluators({ plan: [entry(1, ['e1'])] }, undefined)).toEqual([]);
  });

  it("keeps a formed commission's members and the reader's own choice over the plan", () => {
    expect(commissionSelection(null, [], ['e1', 'e2'])).toEqual(['e1', 'e2']);
    expect(commissionSelection(null, ['e3'], ['e1'])).toEqual(['e3']);
    expect(commissionSelection([], [], ['e1'])).toEqual([]);
    expect(commissionSelection(['e2'], ['e3'], ['e1'])).toEqual(['e2']);
  });
});
