import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format/format';
import { filesCount, historyLinks } from '../referentialHistory';
import type { Proposal } from '../referentialTypes';
import { PinnedFilesTable } from './PinnedFilesTable';

/** « La proposition »: its reason, proposer, date, base version, and what became of it. */
export function ProposalFacts({ proposal }: { proposal: Proposal }) {
  return (
    <section className="panel" aria-labelledby="proposal-facts-title">
      <h2 id="proposal-facts-title">La proposition</h2>
      <dl className="facts">
        <div className="facts__wide">
          <dt>Motif</dt>
          <dd data-testid="proposal-reason">{proposal.reason}</dd>
        </div>
        <div>
          <dt>Proposée par</dt>
          <dd data-testid="proposal-proposer">{proposal.proposer.display_name}</dd>
        </div>
        <div>
          <dt>Le</dt>
          <dd>{formatDateTime(proposal.created_at)}</dd>
        </div>
        <div>
          <dt>Version de base</dt>
          <dd>
            <Link to={historyLinks.version(proposal.cqpm, proposal.base_version)}>Version {proposal.base_version}</Link>
          </dd>
        </div>
        {proposal.decided_at && (
          <div>
            <dt>{proposal.state === 'rejected' ? 'Rejetée le' : 'Décision le'}</dt>
            <dd>{formatDateTime(proposal.decided_at)}</dd>
          </div>
        )}
        {proposal.rejection_reason && (
          <div className="facts__wide">
            <dt>Motif du rejet</dt>
            <dd data-testid="proposal-rejection">{proposal.rejection_reason}</dd>
          </div>
        )}
        {proposal.published_version !== null && (
          <div>
            <dt>Publiée comme</dt>
            <dd>
              <Link to={historyLinks.version(proposal.cqpm, proposal.published_version)} data-testid="proposal-published">
                Version {proposal.published_version}
              </Link>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** « Dossiers concernés »: the open files pinned to the version the proposal changes. */
export function ProposalImpact({ proposal }: { proposal: Proposal }) {
  return (
    <section className="panel" aria-labelledby="impact-title" data-testid="impact">
      <h2 id="impact-title">Dossiers concernés</h2>
      <p className="field__note">
        <strong data-testid="impact-count">{filesCount(proposal.impact.total)}</strong> en cours{' '}
        {proposal.impact.total > 1 ? 'sont rattachés' : proposal.impact.total === 1 ? 'est rattaché' : 'rattaché'} à la version{' '}
        {proposal.base_version}, sur laquelle porte la proposition.
      </p>
      {proposal.impact.total > 0 && <PinnedFilesTable pinned={proposal.impact} testId="impact-table" />}
    </section>
  );
}
