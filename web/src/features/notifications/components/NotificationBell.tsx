import { useCallback, useEffect, useState } from 'react';
import { useRefreshWhileOpen } from '../../../shared/hooks/useRefreshWhileOpen';
import { NavLink } from 'react-router-dom';
import { isAbort } from '../../../shared/api/client';
import { notificationApi } from '../notificationApi';
import { NOTIFICATIONS_CHANGED_EVENT, NOTIFICATION_POLL_MS, unreadBadge, unreadWords } from '../notifications';

/** The header's link to the notifications, with the unread count (asked every 30 s and when the window regains focus). */
export function NotificationBell() {
  const [unread, setUnread] = useState(0);

  // The count is set only once it arrives (a then-callback, never synchronously).
  const refresh = useCallback(
    (signal?: AbortSignal): Promise<void> =>
      notificationApi.list(signal, 1).then(
        (list) => setUnread(list.unread),
        (err: unknown) => {
          if (!isAbort(err)) console.warn('CQPM Hub: notifications unavailable', err);
        },
      ),
    [],
  );

  useEffect(() => {
    const controller = new AbortController();
    void refresh(controller.signal);
    return () => controller.abort();
  }, [refresh]);
  useRefreshWhileOpen(() => void refresh(), NOTIFICATION_POLL_MS, [NOTIFICATIONS_CHANGED_EVENT]);

  const badge = unreadBadge(unread);
  return (
    <NavLink
      to="/notifications"
      className="app-header__link notification-bell"
      data-testid="notification-bell"
      data-unread={unread}
    >
      {/* Named by its visible text and the count in words (unreadWords), never by an aria-label that
          differs from what sighted voice-control users read on it (WCAG 2.5.3). */}
      Notifications
      {badge && (
        <span className="notification-bell__count" aria-hidden="true" data-testid="notification-count">
          {badge}
        </span>
      )}
      <span className="visually-hidden">{unreadWords(unread)}</span>
    </NavLink>
  );
}
