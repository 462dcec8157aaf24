import { formatDateTime } from '../../../shared/format/format';
import { roleLabel } from '../../../shared/format/labels';
import type { FileEvent, Workflow } from '../fileTypes';
import type { StreamStatus } from '../useFileStream';
import { eventLabel } from '../workflow';
import { useFocusableWhenScrolling } from '../../../shared/hooks/useFocusableWhenScrolling';
import '../collaboration.css';

const STATUS_TEXT: Record<StreamStatus, string> = {
  off: 'Mises à jour en direct inactives',
  connecting: 'Connexion aux mises à jour en direct…',
  live: 'Mises à jour en direct',
  reconnecting: 'Reconnexion aux mises à jour en direct…',
};

/** Whether the page follows the file live: a small status line. */
export function LiveStatus({ status }: { status: StreamStatus }) {
  return (
    <p className={`live-status live-status--${status}`} data-testid="live-status" data-status={status} role="status">
      <span className="live-status__dot" aria-hidden="true" /> {STATUS_TEXT[status]}
    </p>
  );
}

/** Every event of the file, newest first, as a French sentence (summary_fr), with who and when. */
export function ActivityFeed({ events, workflow, limit = 50 }: { events: FileEvent[]; workflow: Workflow | null; limit?: number }) {
  const newest = [...events].sort((a, b) => b.seq - a.seq).slice(0, limit);
  // The feed scrolls within its own height: focusable then, so that the keyboard scrolls it too.
  const scrollRef = useFocusableWhenScrolling<HTMLOListElement>();
  if (newest.length === 0) return <p className="muted">Aucune activité pour ce dossier.</p>;
  return (
    <ol className="activity" data-testid="activity-feed" ref={scrollRef} aria-label="Activité du dossier">
      {newest.map((e) => (
        <li key={e.seq} className="activity__entry" data-testid="activity-entry" data-transition={e.transition} data-seq={e.seq}>
          <span className="activity__what">{e.summary_fr ?? eventLabel(workflow, e)}</span>
          <span className="activity__meta muted">
            {e.actor ? `${e.actor.display_name}${e.actor.role ? ` (${roleLabel(e.actor.role)})` : ''}` : 'Système'} ·{' '}
            <time dateTime={e.at}>{formatDateTime(e.at)}</time>
          </span>
        </li>
      ))}
    </ol>
  );
}
