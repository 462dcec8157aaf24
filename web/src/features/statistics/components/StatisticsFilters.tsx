import { useState, type FormEvent } from 'react';
import { periodProblem, type StatisticsFilter } from '../statistics';
import type { Choice } from '../../../shared/ui/Options';
import { Options } from '../../../shared/ui/Options';

/**
 * The period (from, to: Paris days, both included) and, for those who see
 * every centre, the centre: applied together by « Afficher », which puts them
 * in the address. Empty dates are the server's default (twelve months).
 */
export function StatisticsFilters({
  filter,
  centres,
  onApply,
}: {
  filter: StatisticsFilter;
  /** The centres to choose from; none: the coordinator's own, no choice shown. */
  centres: readonly Choice[] | null;
  onApply: (filter: StatisticsFilter) => void;
}) {
  const [draft, setDraft] = useState(filter);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = `${filter.from}|${filter.to}|${filter.centre}`;
  const [applied, setApplied] = useState(shown);
  if (applied !== shown) {
    // The address changed (back button, a link): the form shows it.
    setApplied(shown);
    setDraft(filter);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = periodProblem(draft.from, draft.to);
    setProblem(found);
    if (!found) onApply(draft);
  }

  return (
    <form className="filters" role="search" aria-label="Période et centre" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="statistics-from">Du</label>
        <input
          id="statistics-from"
          type="date"
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          aria-describedby={problem ? 'statistics-period-problem' : undefined}
          data-testid="statistics-from"
        />
      </div>
      <div className="field">
        <label htmlFor="statistics-to">Au</label>
        <input
          id="statistics-to"
          type="date"
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          data-testid="statistics-to"
        />
      </div>
      {centres && (
        <div className="field">
          <label htmlFor="statistics-centre">Centre</label>
          <select id="statistics-centre" value={draft.centre} onChange={(e) => setDraft({ ...draft, centre: e.target.value })}>
            <option value="">Tous les centres</option>
            <Options choices={centres} />
          </select>
        </div>
      )}
      <button type="submit" className="button button--primary" data-testid="statistics-apply">
        Afficher
      </button>
      {problem && (
        <p id="statistics-period-problem" role="alert" className="alert alert--error">
          {problem}
        </p>
      )}
    </form>
  );
}
