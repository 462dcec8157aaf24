import { correctionChanges } from '../correction';
import { formatDateTime } from '../../../shared/format/format';
import type { FileEvent, Workflow } from '../fileTypes';
import { eventLabel, stateLabel } from '../workflow';

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

function blocsOf(payload: FileEvent['payload']): string[] {
  const blocs = payload?.blocs;
  return Array.isArray(blocs) ? blocs.map((b) => (typeof b === 'string' ? b : JSON.stringify(b))) : [];
}

export function Timeline({ events, workflow }: { events: FileEvent[]; workflow: Workflow | null }) {
  if (events.length === 0) {
    return <p className="muted">Aucun événement pour ce dossier.</p>;
  }
  return (
    <ol className="timeline" data-testid="timeline">
      {events.map((event) => {
        const reason = text(event.payload?.reason);
        const blocs = blocsOf(event.payload);
        const corrected = event.transition === 'file_corrected' ? correctionChanges(event.payload) : [];
        return (
          <li key={event.seq} className="timeline__entry" data-testid="timeline-entry" data-to={event.to}>
            <div className="timeline__head">
              <time dateTime={event.at} className="timeline__time">
                {formatDateTime(event.at)}
              </time>
              <span className="timeline__actor">{event.actor?.display_name ?? 'Système'}</span>
            </div>
            <p className="timeline__what">
              <strong>{eventLabel(workflow, event)}</strong>
              {' : '}
              {event.from && event.from !== event.to ? (
                <>
                  {stateLabel(workflow, event.from)} <span aria-label="vers">→</span>{' '}
                </>
              ) : null}
              <span className="timeline__to">{stateLabel(workflow, event.to)}</span>
            </p>
            {reason && (
              <p className="timeline__reason">
                Motif : <q>{reason}</q>
              </p>
            )}
            {blocs.length > 0 && <p className="timeline__reason">Blocs attribués : {blocs.join(', ')}</p>}
            {corrected.length > 0 && (
              <ul className="timeline__reason timeline__changes" data-testid="timeline-corrections">
                {corrected.map((change) => (
                  <li key={change.field} data-field={change.field}>
                    {change.label} :{' '}
                    {change.before === null || change.after === null ? (
                      'modifiées'
                    ) : (
                      <>
                        avant <q>{change.before}</q>, après <q>{change.after}</q>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
