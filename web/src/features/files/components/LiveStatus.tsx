import type { StreamStatus } from '../useFileStream';
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
