import { correctionChanges } from '../correction';
import { formatDateTime } from '../../../shared/format/format';
import { roleLabel } from '../../../shared/format/labels';
import { historyReason, historyText, type HistoryKind } from '../fileHistory';
import type { FileEvent, Workflow } from '../fileTypes';
import { stateLabel } from '../workflow';

/** One event of the file's history: what happened (a French sentence), who and when, and its details. */
export function HistoryEntry({ event, kind, workflow }: { event: FileEvent; kind: HistoryKind; workflow: Workflow | null }) {
  const what = historyText(event, workflow);
  const reason = historyReason(event, what);
  const corrected = event.transition === 'file_corrected' ? correctionChanges(event.payload) : [];
  const moved = kind === 'state' && event.from !== event.to;
  return (
    <li
      className={`timeline__entry timeline__entry--${kind}`}
      data-testid="history-entry"
      data-kind={kind}
      data-transition={event.transition}
      data-to={event.to}
    >
      <div className="timeline__head">
        <time dateTime={event.at} className="timeline__time">
          {formatDateTime(event.at)}
        </time>
        <span>
          <span className="timeline__actor">{event.actor?.display_name ?? 'Système'}</span>
          {event.actor?.role ? ` (${roleLabel(event.actor.role)})` : ''}
        </span>
      </div>
      <p className="timeline__what">
        <strong>{what}</strong>
      </p>
      {moved && (
        <p className="timeline__reason">
          {event.from ? (
            <>
              {stateLabel(workflow, event.from)} <span aria-label="vers">→</span>{' '}
            </>
          ) : (
            'État : '
          )}
          <span className="timeline__to">{stateLabel(workflow, event.to)}</span>
        </p>
      )}
      {reason && (
        <p className="timeline__reason">
          Motif : <q>{reason}</q>
        </p>
      )}
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
}
