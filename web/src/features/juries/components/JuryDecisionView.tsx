import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type ErrorDescription, reportError } from '../../../shared/errors/errors';
import { DECISION_PENDING_MESSAGE } from '../juryClosing';
import { formatDateTime } from '../../../shared/format/format';
import { awardDocumentUrl, awardKindLabel, blocLabel, collegeName, outcomeLabel, verifyPagePath } from '../jury';
import type { DecisionCompetency, JuryDecision } from '../juryTypes';
import { commissionResultLabel, recordedDeparture, validationSummary } from '../juryValidation';
import { ReasonDialog } from '../../../shared/ui/ReasonDialog';

/**
 * A recorded decision: outcome, blocs, reason, who decided, the documents issued; revocable by the centre.
 * `pending`: recorded, but its session's results are not published yet: no document exists yet.
 */
export function JuryDecisionView({
  decision,
  pending = false,
  canRevoke,
  onRevoke,
}: {
  decision: JuryDecision;
  pending?: boolean;
  canRevoke: boolean;
  onRevoke: (reason: string) => Promise<void>;
}) {
  const [revoking, setRevoking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorDescription | null>(null);

  async function revoke(reason: string) {
    setBusy(true);
    setError(null);
    try {
      await onRevoke(reason);
      setRevoking(false);
    } catch (err) {
      setError(reportError(err, { fields: { reason: 'Indiquez le motif de la révocation.' } }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div
      className="jury-decision"
      data-testid="jury-decision"
      data-outcome={decision.outcome}
      data-revoked={decision.revoked}
      data-pending={pending}
    >
      <h4>Décision du jury</h4>
      {decision.revoked && decision.revocation && (
        <p className="alert alert--error" data-testid="jury-decision-revoked">
          Décision révoquée le {formatDateTime(decision.revocation.at)} par {decision.revocation.by.display_name} :{' '}
          {decision.revocation.reason}
        </p>
      )}
      <p>
        <strong data-testid="jury-decision-outcome">{outcomeLabel(decision.outcome)}</strong>
        {decision.overrides_proposal ? ' — différente de la proposition' : ' — conforme à la proposition'}
      </p>
      {decision.blocs.length > 0 && (
        <ul className="texts" aria-label="Blocs délivrés">
          {decision.blocs.map((b) => (
            <li key={b.index}>{blocLabel(b)}</li>
          ))}
        </ul>
      )}
      <ValidationSummary competencies={decision.competencies} />
      {decision.reason && (
        <p>
          <span className="muted">Motif : </span>
          <span data-testid="jury-decision-reason">{decision.reason}</span>
        </p>
      )}
      <p className="muted">
        Enregistrée le {formatDateTime(decision.decided_at)} par {decision.decided_by.display_name}
        {decision.referential.version !== null ? ` · référentiel version ${decision.referential.version}` : ''}
      </p>
      {decision.abstentions.length > 0 && (
        <p className="muted" data-testid="jury-decision-abstentions">
          Abstentions (conflit d'intérêts) :{' '}
          {decision.abstentions.map((m) => `${m.name} (${collegeName(m.college)})`).join(', ')}
        </p>
      )}
      {pending && (
        <p className="alert" data-testid="jury-decision-pending">
          {DECISION_PENDING_MESSAGE}
        </p>
      )}
      {!pending && decision.awards.length > 0 && (
        <ul className="jury-awards" aria-label="Documents délivrés" data-testid="jury-awards">
          {decision.awards.map((a) => (
            <li key={a.id} data-testid="jury-award" data-award-id={a.id} data-code={a.verification_code}>
              {awardKindLabel(a.kind)} · code de vérification{' '}
              <Link to={verifyPagePath(a.verification_code)} className="code" data-testid="jury-award-code">
                {a.verification_code}
              </Link>
              {!decision.revoked && (
                <>
                  {' '}
                  ·{' '}
                  <a href={awardDocumentUrl(a.id)} download data-testid="jury-award-pdf">
                    {a.kind === 'certificate' ? 'Télécharger le certificat (PDF)' : "Télécharger l'attestation (PDF)"}
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && !revoking && (
        <p role="alert" className="alert alert--error" data-technical={error.technical ?? undefined}>
          {error.text}
        </p>
      )}
      {canRevoke && !decision.revoked && (
        <div className="actions">
          <button type="button" className="button button--danger" onClick={() => setRevoking(true)} data-testid="decision-revoke">
            Révoquer la décision…
          </button>
        </div>
      )}
      {revoking && (
        <ReasonDialog
          title="Révoquer la décision du jury"
          intro="La décision reste dans l'historique du dossier ; ses certificats seront déclarés révoqués à la vérification."
          confirmLabel="Révoquer"
          busy={busy}
          error={error}
          onCancel={() => setRevoking(false)}
          onConfirm={(reason) => void revoke(reason)}
          testId="revoke-dialog"
        />
      )}
    </div>
  );
}

/** The jury's validation as recorded: one line when every competency was validated, else the notable ones. */
function ValidationSummary({ competencies }: { competencies: DecisionCompetency[] | null | undefined }) {
  const summary = validationSummary(competencies);
  if (!summary) return null;
  const { allValidated, notable } = summary;
  return (
    <div className="jury-validation-summary" data-testid="jury-decision-validation" data-all-validated={allValidated}>
      {allValidated && notable.length === 0 ? (
        <p>Toutes les compétences validées.</p>
      ) : (
        <>
          <p className="muted">
            {allValidated
              ? 'Toutes les compétences validées, dont contre le résultat de la commission :'
              : 'Compétences non validées ou jugées autrement que la commission :'}
          </p>
          <ul className="texts">
            {notable.map((c) => (
              <li key={c.number} data-testid="jury-decision-competency" data-number={c.number} data-validated={c.validated}>
                Compétence {c.number} — {c.title} : <strong>{c.validated ? 'validée' : 'non validée'}</strong>
                <span className="muted">
                  {' '}
                  (commission : {commissionResultLabel(c.commission_result)}
                  {recordedDeparture(c) ? ', écart motivé' : ''})
                </span>
                {c.reason && (
                  <>
                    {' '}
                    — <span className="muted">motif :</span> <span data-testid="jury-decision-competency-reason">{c.reason}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
