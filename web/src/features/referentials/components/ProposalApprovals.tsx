import { collegeLabel } from '../../../shared/format/labels';
import { formatDateTime } from '../../../shared/format/format';
import { COLLEGES, type ReviewActions } from '../referentialHistory';
import type { Proposal } from '../referentialTypes';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * « Approbations du GTP »: each college's approval of a proposal, and the
 * review buttons the reader may use (approve, publish, reject with a reason).
 */
export function ProposalApprovals({
  proposal,
  actions,
  busy,
  onApprove,
  onPublish,
  onReject,
}: {
  proposal: Proposal;
  actions: ReviewActions;
  /** The review step under way, if any: every button waits. */
  busy: 'approve' | 'reject' | 'publish' | null;
  onApprove: () => void;
  onPublish: () => void;
  /** Opens the reason dialog. */
  onReject: () => void;
}) {
  const approvalOf = (college: string) => proposal.approvals.find((a) => a.college === college) ?? null;
  return (
    <section className="panel" aria-labelledby="approvals-title" data-testid="approvals">
      <h2 id="approvals-title">Approbations du GTP</h2>
      <p className="muted field__note">Une approbation de chaque collège est requise avant la publication.</p>
      <ul className="approvals">
        {COLLEGES.map((college) => {
          const approval = approvalOf(college);
          return (
            <li
              key={college}
              className={`approval${approval ? ' approval--done' : ''}`}
              data-testid="approval"
              data-college={college}
              data-approved={approval ? 'true' : 'false'}
            >
              <span className="approval__college">{capitalise(collegeLabel(college) ?? college)}</span>
              {approval ? (
                <span>
                  ✓ {approval.display_name}
                  <span className="muted"> · {formatDateTime(approval.approved_at)}</span>
                </span>
              ) : (
                <span className="muted">{proposal.state === 'open' ? 'En attente' : 'Pas d’approbation'}</span>
              )}
            </li>
          );
        })}
      </ul>
      {(actions.approve || actions.reject || actions.publish) && (
        <div className="actions" data-testid="review-actions">
          {actions.approve && (
            <button
              type="button"
              className="button button--primary"
              onClick={onApprove}
              disabled={busy !== null}
              data-testid="proposal-approve"
            >
              {busy === 'approve' ? 'Envoi…' : 'Approuver'}
            </button>
          )}
          {actions.publish && (
            <button
              type="button"
              className="button button--primary"
              onClick={onPublish}
              disabled={busy !== null}
              data-testid="proposal-publish"
            >
              {busy === 'publish' ? 'Publication…' : `Publier la version ${proposal.base_version + 1}`}
            </button>
          )}
          {actions.reject && (
            <button
              type="button"
              className="button button--danger"
              onClick={onReject}
              disabled={busy !== null}
              aria-haspopup="dialog"
              data-testid="proposal-reject"
            >
              Rejeter…
            </button>
          )}
        </div>
      )}
      {actions.note && (
        <p className="muted field__note" data-testid="review-note">
          {actions.note}
        </p>
      )}
    </section>
  );
}
