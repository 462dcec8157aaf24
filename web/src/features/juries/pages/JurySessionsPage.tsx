import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { NewJurySessionForm } from '../components/NewJurySessionForm';
import { formatSessionDate, formatSessionTime, jurySessionPath, sessionStateLabel, sortSessions } from '../jury';
import { juryApi } from '../juryApi';
import type { JurySessionSummary } from '../juryTypes';
import { useSession } from '../../../app/session';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { useApiResource } from '../../../shared/hooks/useApiResource';
import { ScrollBox } from '../../../shared/ui/ScrollBox';

/** The jury sessions: a centre's coordinator sees and convenes its centre's, a jury member those they sit on. */
export function JurySessionsPage() {
  usePageTitle('Jurys paritaires');
  const { user } = useSession();
  const navigate = useNavigate();
  const { data: sessions, error } = useApiResource<JurySessionSummary[]>(
    (signal) => juryApi.listSessions(signal).then((list) => sortSessions(list.items)),
    [],
    { context: { fields: {} } },
  );
  const [creating, setCreating] = useState(false);
  const coordinator = user?.role === 'centre_coordinator';

  return (
    <>
      <div className="page-title">
        <div>
          <h1>Jurys paritaires</h1>
          <p className="subtitle">
            {coordinator
              ? 'Les sessions de jury de votre centre : convocation des membres, dossiers présentés, délibération.'
              : 'Les sessions de jury auxquelles vous êtes convoqué.'}
          </p>
        </div>
        {coordinator && !creating && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="jury-new">
            Nouvelle session
          </button>
        )}
      </div>

      {creating && (
        <NewJurySessionForm
          onCancel={() => setCreating(false)}
          onCreated={(session) => navigate(jurySessionPath(session.id))}
        />
      )}

      {error && (
        <p role="alert" className="alert alert--error" data-technical={error.technical ?? undefined}>
          {error.text}
        </p>
      )}

      <ScrollBox aria-busy={sessions === null && !error}>
        <table className="files-table" data-testid="jury-sessions">
          <caption className="visually-hidden">Sessions de jury</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Lieu</th>
              <th scope="col">Centre</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {sessions?.map((s) => (
              <tr key={s.id} data-testid="jury-session-row" data-session-id={s.id} data-state={s.state}>
                <th scope="row">
                  <Link to={jurySessionPath(s.id)} data-testid="jury-session-link">
                    {formatSessionDate(s.date)}
                    {s.time ? ` à ${formatSessionTime(s.time)}` : ''}
                  </Link>
                </th>
                <td>{s.place}</td>
                <td>{s.centre.name}</td>
                <td>
                  <span className={`badge badge--jury-${s.state}`}>{sessionStateLabel(s.state)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {sessions && sessions.length === 0 && (
          <p className="empty">
            {coordinator ? 'Aucune session de jury pour le moment.' : "Vous n'êtes convoqué à aucune session de jury."}
          </p>
        )}
        {!sessions && !error && <p className="empty">Chargement des sessions…</p>}
      </ScrollBox>
    </>
  );
}
