// Calls of the notifications: the list (newest first), one marked read, all marked read,
// and how the user receives their e-mails.

import { request } from '../../shared/api/client';
import type { NotificationSettings } from './emailSettings';
import type { NotificationList } from './notifications';

const id = (value: string) => encodeURIComponent(value);

export const notificationApi = {
  list(signal?: AbortSignal, limit?: number): Promise<NotificationList> {
    return request('GET', `/notifications${limit ? `?limit=${limit}` : ''}`, { signal });
  },
  markRead(notificationId: string): Promise<void> {
    return request('POST', `/notifications/${id(notificationId)}/read`);
  },
  markAllRead(): Promise<{ marked: number }> {
    return request('POST', '/notifications/read-all');
  },
  settings(signal?: AbortSignal): Promise<NotificationSettings> {
    return request('GET', '/me/notification-settings', { signal });
  },
  saveSettings(settings: NotificationSettings): Promise<NotificationSettings> {
    return request('PUT', '/me/notification-settings', { body: settings });
  },
};
