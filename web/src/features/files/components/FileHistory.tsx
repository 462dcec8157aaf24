import { useState } from 'react';
import { HISTORY_KINDS, allHistoryKinds, historyEntries, toggleKind, type HistoryKind } from '../fileHistory';
import type { FileEvent, Workflow } from '../fileTypes';
import type { StreamStatus } from '../useFileStream';
import { HistoryEntry } from './HistoryEntry';
import { LiveStatus } from './LiveStatus';
import { TrailSeal } from './TrailSeal';

/** How many entries show before « Afficher tout l'historique ». */
const FIRST_ENTRIES = 40;

/**
 * « Historique »: everything that happened on the file (steps, documents, plan,
 * commission and grid, company opinion, comments, decisions, corrections…),
 * newest first, live, with a filter per kind.
 */
export function FileHistory({
  fileId,
  events,
  workflow,
  streamStatus,
}: {
  fileId: string;
  /** null while they load. */
  events: FileEvent[] | null;
  workflow: Workflow | null;
  streamStatus: StreamStatus;
}) {
  const [kinds, setKinds] = useState<Set<HistoryKind>>(allHistoryKinds);
  const [whole, setWhole] = useState(false);
  const entries = events ? historyEntries(events, workflow, kinds) : [];
  const shown = whole ? entries : entries.slice(0, FIRST_ENTRIES);
  return (
    <section className="panel" aria-labelledby="history-title" data-testid="file-history">
      <h2 id="history-title">Historique</h2>
      <LiveStatus status={streamStatus} />
      {events && events.length > 0 && <TrailSeal fileId={fileId} eventCount={events.length} />}
      <fieldset className="fieldset history-filters" data-testid="history-filters">
        <legend>Afficher</legend>
        <div className="choice-group__options">
          {HISTORY_KINDS.map((k) => (
            <label key={k.id} className="check history-filter" htmlFor={`history-kind-${k.id}`}>
              <input
                id={`history-kind-${k.id}`}
                type="checkbox"
                checked={kinds.has(k.id)}
                onChange={(e) => setKinds((current) => toggleKind(current, k.id, e.target.checked))}
                data-testid="history-filter"
                data-kind={k.id}
              />
              {k.label}
            </label>
          ))}
        </div>
      </fieldset>
      {!events ? (
        <p>Chargement…</p>
      ) : events.length === 0 ? (
        <p className="muted">Aucun événement pour ce dossier.</p>
      ) : entries.length === 0 ? (
        <p className="muted" data-testid="history-none">
          Aucun événement de ce type. Cochez d'autres catégories pour les afficher.
        </p>
      ) : (
        <>
          <ol className="timeline" data-testid="history" aria-label="Historique du dossier, du plus récent au plus ancien">
            {shown.map(({ event, kind }) => (
              <HistoryEntry key={event.seq} event={event} kind={kind} workflow={workflow} />
            ))}
          </ol>
          {shown.length < entries.length && (
            <button type="button" className="button" onClick={() => setWhole(true)} data-testid="history-more">
              Afficher tout l'historique
            </button>
          )}
        </>
      )}
    </section>
  );
}
