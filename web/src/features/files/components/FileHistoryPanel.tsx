import { isStateEvent } from '../fileSections';
import type { FileEvent, Workflow } from '../fileTypes';
import { Timeline } from './Timeline';

/** « Historique »: the file's changes of state (its other events are in the activity feed). */
export function FileHistoryPanel({ events, workflow }: { events: FileEvent[] | null; workflow: Workflow | null }) {
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Historique</h2>
      {events ? (
        <Timeline events={events.filter((e) => isStateEvent(e, workflow?.transitions ?? []))} workflow={workflow} />
      ) : (
        <p>Chargement…</p>
      )}
    </section>
  );
}
