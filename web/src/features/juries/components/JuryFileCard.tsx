import { Link } from 'react-router-dom';
import { StateBadge } from '../../files/components/StateBadge';
import { JuryDecisionForm } from './JuryDecisionForm';
import { JuryDecisionView } from './JuryDecisionView';
import { JuryProposalView } from './JuryProposalView';
import { candidateName } from '../../../shared/format/format';
import { collegeName } from '../jury';
import type { DecisionRequest, JuryBloc, JuryFile } from '../juryTypes';

/** One file before the jury: its proposal, the abstentions, the decision form or the decision taken. */
export function JuryFileCard({
  file,
  stateLabel,
  blocs,
  decideRight,
  decisionPending,
  canRevoke,
  onDecide,
  onRevoke,
}: {
  file: JuryFile;
  stateLabel: string;
  blocs: JuryBloc[];
  decideRight: { allowed: boolean; reason: string | null };
  /** The decision is recorded but takes effect at the publication of the session's results. */
  decisionPending: boolean;
  canRevoke: boolean;
  onDecide: (decision: DecisionRequest) => Promise<void>;
  onRevoke: (decisionId: string, reason: string) => Promise<void>;
}) {
  const name = candidateName(file.candidate);
  const titleId = `jury-file-${file.id}-title`;
  return (
    <article className="panel jury-file" aria-labelledby={titleId} data-testid="jury-file" data-file-id={file.id} data-state={file.state}>
      <div className="page-title">
        <div>
          <h3 id={titleId}>
            <Link to={`/dossiers/${encodeURIComponent(file.id)}`}>{name}</Link>
          </h3>
          <p className="subtitle">
            {file.cqpm.title}
            {file.company ? ` · ${file.company.name}` : ' · sans entreprise'}
            {file.referential_version !== null ? ` · référentiel version ${file.referential_version}` : ''}
          </p>
        </div>
        <StateBadge state={file.state} label={stateLabel} />
      </div>

      {file.abstaining.length > 0 && (
        <p className="alert" data-testid="jury-abstentions">
          Abstention pour conflit d'intérêts :{' '}
          {file.abstaining.map((m) => `${m.display_name} (${collegeName(m.college)})`).join(', ')} — issu
          {file.abstaining.length > 1 ? 's' : ''} de l'entreprise du candidat.
        </p>
      )}
      {!file.quorum.met && file.state === 'in_deliberation' && (
        <p className="alert alert--error" data-testid="jury-file-quorum">
          Ce dossier ne peut pas être délibéré : aucun membre présent et sans conflit d'intérêts{' '}
          {file.quorum.missing_colleges.map((c) => `du ${collegeName(c)}`).join(' et ')}.
        </p>
      )}

      {file.proposal && !file.decision && <JuryProposalView proposal={file.proposal} />}
      {file.proposal_error && (
        <p className="alert alert--error">
          Les règles du CQPM n'ont pas pu établir de proposition pour ce dossier. Prévenez l'administrateur.
        </p>
      )}
      {file.state === 'ready_for_jury' && (
        <p className="muted">Le dossier passera en délibération à l'ouverture de la session.</p>
      )}

      {file.decision ? (
        <JuryDecisionView
          decision={file.decision}
          pending={decisionPending}
          canRevoke={canRevoke}
          onRevoke={(reason) => onRevoke(file.decision!.id, reason)}
        />
      ) : decideRight.allowed ? (
        <JuryDecisionForm fileId={file.id} proposal={file.proposal} blocs={blocs} onDecide={onDecide} />
      ) : (
        decideRight.reason && (
          <p className="muted" data-testid="jury-decide-blocked">
            {decideRight.reason}
          </p>
        )
      )}
    </article>
  );
}
