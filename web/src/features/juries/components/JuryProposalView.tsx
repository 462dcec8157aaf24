import { blocLabel, formatSessionDate, outcomeLabel, resultLabel } from '../jury';
import type { JuryProposal } from '../juryTypes';

/** What the CQPM's rules propose from the grid signed by the commission, with the blocs carried over. */
export function JuryProposalView({ proposal }: { proposal: JuryProposal }) {
  const results = Object.entries(proposal.results).sort(([a], [b]) => Number(a) - Number(b));
  return (
    <div className="jury-proposal" data-testid="jury-proposal" data-outcome={proposal.outcome}>
      <h4>Proposition issue de la grille d'évaluation</h4>
      <p>
        <strong data-testid="jury-proposal-outcome">{outcomeLabel(proposal.outcome)}</strong>
        {proposal.referential_version !== null && (
          <span className="muted"> · référentiel version {proposal.referential_version}</span>
        )}
      </p>
      {proposal.blocs.length > 0 && (
        <ul className="texts" aria-label="Blocs proposés">
          {proposal.blocs.map((b) => (
            <li key={b.index}>{blocLabel(b)}</li>
          ))}
        </ul>
      )}
      {proposal.carried_over.length > 0 && (
        <div data-testid="jury-carried-over">
          <p className="muted">Blocs déjà acquis par le candidat (décisions antérieures, reportés) :</p>
          <ul className="texts">
            {proposal.carried_over.map((b) => (
              <li key={b.index}>
                {blocLabel(b)} <span className="muted">— acquis le {formatSessionDate(b.decided_at.slice(0, 10))}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {results.length > 0 && (
        <p className="muted jury-results">
          {results.map(([n, r], i) => (
            <span key={n}>
              {i > 0 ? ' · ' : ''}Compétence {n} : {resultLabel(r)}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
