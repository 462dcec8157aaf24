import { useState, type FormEvent } from 'react';
import { juryApi } from '../../juries/juryApi';
import { JURY_FIELD_MESSAGES } from '../../juries/jury';
import { useApiResource } from '../../../shared/hooks/useApiResource';
import { reportError } from '../../../shared/errors/errors';
import { formatCalendarDate } from '../../../shared/format/format';
import { addEachFile, bulkSummary, type BulkOutcome, type PickedFile } from '../bulkJury';

/**
 * The coordinator's action on the files ticked in the list: add them to a planned jury session, one request
 * per file; the summary names every refused file with its reason. `onDone` gets the ids added.
 */
export function BulkJuryBar({
  picked,
  onClear,
  onDone,
}: {
  picked: readonly PickedFile[];
  onClear: () => void;
  onDone: (addedIds: string[]) => void;
}) {
  const { data: sessions, error: sessionsError } = useApiResource(
    (signal) => juryApi.listSessions(signal).then((page) => page.items.filter((s) => s.state === 'planned')),
    [],
  );
  const [sessionId, setSessionId] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<BulkOutcome[] | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!sessionId || picked.length === 0) return;
    setBusy(true);
    setOutcomes(null);
    const results = await addEachFile(
      picked,
      (fileId) => juryApi.addFile(sessionId, fileId),
      (err) => reportError(err, { fields: JURY_FIELD_MESSAGES }).text,
    );
    setOutcomes(results);
    setBusy(false);
    onDone(results.filter((o) => o.refusal === null).map((o) => o.file.id));
  }

  const refused = outcomes?.some((o) => o.refusal !== null) ?? false;
  return (
    <form className="bulk-bar" onSubmit={submit} aria-labelledby="bulk-title" data-testid="bulk-bar">
      <h3 id="bulk-title" className="bulk-bar__title">
        {picked.length === 0
          ? 'Aucun dossier sélectionné'
          : `${picked.length} dossier${picked.length > 1 ? 's' : ''} sélectionné${picked.length > 1 ? 's' : ''}`}
      </h3>
      {sessionsError && (
        <p role="alert" className="alert alert--error">
          {sessionsError.text}
        </p>
      )}
      {sessions && sessions.length === 0 ? (
        <p className="muted">Aucune session de jury n'est planifiée : créez-en une depuis « Jurys ».</p>
      ) : (
        <div className="filters">
          <div className="field">
            <label htmlFor="bulk-session">Session de jury planifiée</label>
            <select id="bulk-session" value={sessionId} onChange={(e) => setSessionId(e.target.value)} data-testid="bulk-session">
              <option value="">Choisir une session…</option>
              {(sessions ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {formatCalendarDate(s.date)}
                  {s.time ? ` à ${s.time}` : ''} — {s.place}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="button"
            disabled={busy || !sessionId || picked.length === 0}
            data-testid="bulk-add"
          >
            {busy ? 'Ajout…' : 'Ajouter à une session de jury'}
          </button>
          <button type="button" className="button" onClick={onClear} disabled={busy || picked.length === 0}>
            Tout désélectionner
          </button>
        </div>
      )}
      {outcomes && (
        <p
          role={refused ? 'alert' : 'status'}
          className={`alert ${refused ? 'alert--error' : 'alert--success'}`}
          data-testid="bulk-result"
        >
          {bulkSummary(outcomes)}
        </p>
      )}
    </form>
  );
}
