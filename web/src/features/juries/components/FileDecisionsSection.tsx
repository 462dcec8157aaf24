import { Link } from 'react-router-dom';
import {
  awardDownloadLabel,
  downloadableAwards,
  fileDecisionPending,
  quietDecisionsError,
  sortDecisions,
} from '../fileDecisions';
import { formatParisDateTime } from '../../../shared/format/format';
import { awardCredentialUrl, awardDocumentUrl, awardKindLabel, blocLabel, outcomeLabel, verifyPagePath } from '../jury';
import { DECISION_PENDING_MESSAGE } from '../juryClosing';
import { juryApi } from '../juryApi';
import type { JuryDecision } from '../juryTypes';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { useApiResource } from '../../../shared/hooks/useApiResource';

/**
 * « Décision du jury » on the file page, for whoever reads the file (candidate,
 * company, centre): each decision with its blocs and, once the results are
 * published, the certificate or attestation to download with its verification
 * code. Hidden while there is none (or the reader may not see them).
 */
export function FileDecisionsSection({
  fileId,
  fileState,
  revision,
}: {
  fileId: string;
  /** The file's state: a decision recorded on a file still in deliberation awaits the publication. */
  fileState: string;
  /** Reloads when it changes (the file changed: a publication, a revocation). */
  revision: number;
}) {
  const { data: decisions, error } = useApiResource<JuryDecision[]>(
    (signal) =>
      juryApi.fileDecisions(fileId, signal).then(
        (r) => r.items,
        (err: unknown) => {
          if (quietDecisionsError(err)) return [];
          throw err;
        },
      ),
    [fileId, fileState, revision],
    { context: { fields: {} }, clearOnChange: false },
  );

  if (error && !decisions?.length) {
    return (
      <section className="panel" aria-labelledby="file-decisions-title" data-testid="file-decisions">
        <h2 id="file-decisions-title">Décision du jury</h2>
        <ErrorAlert error={error} />
      </section>
    );
  }
  if (!decisions || decisions.length === 0) return null;

  return (
    <section className="panel" aria-labelledby="file-decisions-title" data-testid="file-decisions">
      <h2 id="file-decisions-title">Décision du jury</h2>
      <ErrorAlert error={error} />
      {sortDecisions(decisions).map((d) => {
        const pending = fileDecisionPending(fileState, d);
        const awards = downloadableAwards(d);
        return (
          <div
            key={d.id}
            className="jury-decision"
            data-testid="file-decision"
            data-decision-id={d.id}
            data-outcome={d.outcome}
            data-revoked={d.revoked}
            data-pending={pending}
          >
            <p>
              <strong data-testid="file-decision-outcome">{outcomeLabel(d.outcome)}</strong>
              {d.revoked && (
                <>
                  {' '}
                  — <strong className="badge badge--overdue" data-testid="file-decision-revoked">révoquée</strong>
                </>
              )}
            </p>
            {d.blocs.length > 0 && (
              <ul className="texts" aria-label="Blocs de compétences">
                {d.blocs.map((b) => (
                  <li key={b.index}>{blocLabel(b)}</li>
                ))}
              </ul>
            )}
            <p className="muted">
              Décision du {formatParisDateTime(d.decided_at)}
              {d.referential.version !== null ? ` · référentiel version ${d.referential.version}` : ''}
            </p>
            {d.revoked && d.revocation && (
              <p className="muted">
                Révoquée le {formatParisDateTime(d.revocation.at)} : {d.revocation.reason}
              </p>
            )}
            {pending && (
              <p className="alert" data-testid="file-decision-pending">
                {DECISION_PENDING_MESSAGE}
              </p>
            )}
            {d.awards.length > 0 && (
              <ul className="jury-awards" aria-label="Documents délivrés">
                {d.awards.map((a) => (
                  <li key={a.id} data-testid="file-award" data-award-id={a.id} data-code={a.verification_code}>
                    {awardKindLabel(a.kind)} · code de vérification{' '}
                    <Link to={verifyPagePath(a.verification_code)} className="code" data-testid="file-award-code">
                      {a.verification_code}
                    </Link>
                    {awards.includes(a) && (
                      <>
                        {' '}
                        ·{' '}
                        <a href={awardDocumentUrl(a.id)} download data-testid="file-award-download">
                          {awardDownloadLabel(a.kind)} (PDF)
                        </a>{' '}
                        ·{' '}
                        <a
                          href={awardCredentialUrl(a.id)}
                          download
                          data-testid="file-award-credential"
                          title="Open Badges 3.0, signé par la plateforme : à déposer dans un portefeuille de compétences"
                        >
                          Badge numérique signé
                        </a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}
