import { Link } from 'react-router-dom';
import { formatSessionDate, formatSessionTime, JURY_SESSIONS_PATH, minutesUrl, resultsCsvUrl, sessionStateLabel } from '../jury';
import type { JurySession } from '../juryTypes';

/** A jury session page's breadcrumb and title: date, hour, place, centre and state. */
export function JurySessionHeader({ session }: { session: JurySession }) {
  return (
    <>
      <nav aria-label="Fil d'Ariane" className="breadcrumb">
        <Link to={JURY_SESSIONS_PATH}>Jurys paritaires</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">Session</span>
      </nav>
      <div className="page-title">
        <div>
          <h1 data-testid="jury-session-title">
            Jury du {formatSessionDate(session.date)}
            {session.time ? ` à ${formatSessionTime(session.time)}` : ''}
          </h1>
          <p className="subtitle">
            {session.place} · {session.centre.name}
          </p>
        </div>
        <div className="page-title__state">
          <span className={`badge badge--jury-${session.state}`} data-testid="jury-session-state" data-state={session.state}>
            {sessionStateLabel(session.state)}
          </span>
        </div>
      </div>
    </>
  );
}

/** The session's minutes, and for the coordinator its results as CSV. */
export function JuryDocumentsPanel({ sessionId, coordinator }: { sessionId: string; coordinator: boolean }) {
  return (
    <section className="panel" aria-labelledby="jury-docs-title">
      <h2 id="jury-docs-title">Documents de la session</h2>
      <div className="actions">
        <a className="button" href={minutesUrl(sessionId)} download data-testid="jury-minutes">
          Procès-verbal (PDF)
        </a>
        {coordinator && (
          <a className="button" href={resultsCsvUrl(sessionId)} download data-testid="jury-results-csv">
            Résultats (CSV pour Excel)
          </a>
        )}
      </div>
    </section>
  );
}
