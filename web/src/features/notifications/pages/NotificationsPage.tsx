import { useState } from 'react';
import { Link } from 'react-router-dom';
import { reportError } from '../../../shared/errors/errors';
import { formatDateTime } from '../../../shared/format/format';
import { notificationApi } from '../notificationApi';
import {
  NOTIFICATIONS_CHANGED_EVENT,
  allMarkedRead,
  markedRead,
  notificationKindLabel,
  notificationLink,
  notificationLinkLabel,
  type NotificationList,
} from '../notifications';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { useApiResource } from '../../../shared/hooks/useApiResource';
import { EmailSettingsForm } from '../components/EmailSettingsForm';

/** The user's notifications, newest first: deadlines near or passed, files ready for the jury, decisions, transfers. */
export function NotificationsPage() {
  usePageTitle('Notifications');
  const {
    data: list,
    setData: setList,
    error,
    setError,
  } = useApiResource<NotificationList>((signal) => notificationApi.list(signal, 100), [], { context: { fields: {} } });
  const [busy, setBusy] = useState<string | null>(null);

  async function run(key: string, action: () => Promise<unknown>, apply: (l: NotificationList) => NotificationList) {
    setBusy(key);
    setError(null);
    try {
      await action();
      setList((l) => (l ? apply(l) : l));
      window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED_EVENT));
    } catch (err) {
      setError(reportError(err, { fields: {} }));
    } finally {
      setBusy(null);
    }
  }

  const now = () => new Date().toISOString();
  return (
    <>
      <div className="page-title">
        <div>
          <h1>Notifications</h1>
          <p className="subtitle" data-testid="notifications-unread">
            {list ? (list.unread === 0 ? 'Aucune notification non lue.' : `${list.unread} non lue${list.unread > 1 ? 's' : ''}.`) : ''}
          </p>
        </div>
        {list && list.unread > 0 && (
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void run('all', () => notificationApi.markAllRead(), (l) => allMarkedRead(l, now()))}
            data-testid="notifications-read-all"
          >
            Tout marquer comme lu
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="alert alert--error" data-technical={error.technical ?? undefined}>
          {error.text}
        </p>
      )}
      <EmailSettingsForm />
      {!list && !error && <p aria-live="polite">Chargement des notifications…</p>}
      {list && list.items.length === 0 && <p className="empty">Vous n'avez aucune notification.</p>}
      {list && list.items.length > 0 && (
        <ul className="notifications" data-testid="notifications">
          {list.items.map((n) => {
            const link = notificationLink(n);
            return (
              <li
                key={n.id}
                className={`panel notification${n.read ? '' : ' notification--unread'}`}
                data-testid="notification"
                data-read={n.read}
                data-kind={n.kind}
              >
                <p className="notification__meta muted">
                  <span className="tag">{notificationKindLabel(n.kind)}</span>{' '}
                  <time dateTime={n.created_at}>{formatDateTime(n.created_at)}</time>
                  {!n.read && <span className="visually-hidden"> (non lue)</span>}
                </p>
                <h2 className="notification__title">{n.title}</h2>
                <p>{n.body}</p>
                <div className="actions">
                  {link && (
                    <Link to={link} className="button button--link">
                      {notificationLinkLabel(n)}
                    </Link>
                  )}
                  {!n.read && (
                    <button
                      type="button"
                      className="button"
                      disabled={busy !== null}
                      onClick={() =>
                        void run(n.id, () => notificationApi.markRead(n.id), (l) => markedRead(l, n.id, now()))
                      }
                      data-testid="notification-read"
                    >
                      Marquer comme lu
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
