import { useState, type FormEvent } from 'react';
import { periodProblem, type Period } from '../holderReport';

/**
 * The period of the jury sessions (« Du », « Au »: Paris days, both included),
 * applied by « Afficher », which puts it in the address; checked first as the
 * server checks it (the end not before the start, three years at most).
 */
export function HoldersPeriodForm({ period, onApply }: { period: Period; onApply: (period: Period) => void }) {
  const [draft, setDraft] = useState(period);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = `${period.from}|${period.to}`;
  const [applied, setApplied] = useState(shown);
  if (applied !== shown) {
    // The address changed (back button, a link): the form shows it.
    setApplied(shown);
    setDraft(period);
    setProblem(null);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = periodProblem(draft);
    setProblem(found);
    if (!found) onApply(draft);
  }

  const describedBy = problem ? 'holders-period-problem' : undefined;
  return (
    <form className="filters" role="search" aria-label="Période des jurys" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="holders-from">Du</label>
        <input
          id="holders-from"
          type="date"
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          aria-describedby={describedBy}
          aria-invalid={problem ? true : undefined}
          required
          data-testid="holders-from"
        />
      </div>
      <div className="field">
        <label htmlFor="holders-to">Au</label>
        <input
          id="holders-to"
          type="date"
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          aria-describedby={describedBy}
          aria-invalid={problem ? true : undefined}
          required
          data-testid="holders-to"
        />
      </div>
      <button type="submit" className="button button--primary" data-testid="holders-apply">
        Afficher
      </button>
      {problem && (
        <p id="holders-period-problem" role="alert" className="alert alert--error">
          {problem}
        </p>
      )}
    </form>
  );
}
