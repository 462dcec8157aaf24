// Notifications: their shapes, the bell's badge and label, and where each leads.

import { TRANSFERS_PATH } from '../files/transfers';

export interface AppNotification {
  id: string;
  kind:
    | 'deadline_near'
    | 'deadline_overdue'
    | 'ready_for_jury'
    | 'decision'
    | 'transfer_proposed'
    | 'transfer_answered'
    | 'file_transferred'
    | 'jury_convened'
    | 'commission_member'
    | 'company_opinion_requested'
    | 'proposal_awaiting_college'
    | 'referential_published'
    | string;
  file_id: string | null;
  title: string;
  body: string;
  created_at: string;
  read: boolean;
  read_at: string | null;
  /** The page it is about, relative to the site (« /jurys/… »); absent or null: by its file or kind. */
  link?: string | null;
}

export interface NotificationList {
  items: AppNotification[];
  unread: number;
}

/** How often the bell asks for the unread count (and whenever the window regains focus). */
export const NOTIFICATION_POLL_MS = 30_000;

/** Sent on window when notifications were read here, so the bell refreshes at once. */
export const NOTIFICATIONS_CHANGED_EVENT = 'cqpm:notifications-changed';

const KIND_LABELS: Record<string, string> = {
  deadline_near: 'Échéance proche',
  deadline_overdue: 'Échéance dépassée',
  ready_for_jury: 'Prêt pour le jury',
  decision: 'Décision du jury',
  transfer_proposed: 'Transfert proposé',
  transfer_answered: 'Réponse à un transfert',
  file_transferred: 'Changement de centre',
  jury_convened: 'Convocation au jury',
  commission_member: 'Commission d’évaluation',
  company_opinion_requested: 'Avis de l’entreprise',
  proposal_awaiting_college: 'Proposition de référentiel',
  referential_published: 'Nouveau référentiel',
  vae_admissibility: 'Recevabilité VAE',
};

export function notificationKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? 'Information';
}

/** The badge text: "" when nothing is unread, "99+" beyond 99. */
export function unreadBadge(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

/** The unread count in words, as screen readers say it after the bell's visible « Notifications ». */
export function unreadWords(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return ', aucune non lue';
  const n = Math.floor(count);
  return `, ${n} non lue${n > 1 ? 's' : ''}`;
}

/**
 * The page a notification leads to: its file's, or for a transfer about no
 * file the reader may open (proposed to their centre, accepted by another,
 * withdrawn) the « Transferts » page, for a convocation the jury sessions; else null.
 */
export function notificationLink(
  notification: Pick<AppNotification, 'file_id' | 'link'> & { kind?: string },
): string | null {
  if (notification.link) return notification.link;
  if (notification.file_id) return `/dossiers/${encodeURIComponent(notification.file_id)}`;
  if (notification.kind?.startsWith('transfer_')) return TRANSFERS_PATH;
  if (notification.kind === 'jury_convened') return '/jurys';
  return null;
}

/** The words of the notification's link. */
export function notificationLinkLabel(
  notification: Pick<AppNotification, 'file_id' | 'link'> & { kind?: string },
): string {
  if (notification.kind === 'proposal_awaiting_college') return 'Voir la proposition';
  if (notification.kind === 'referential_published') return 'Voir la nouvelle version';
  if (notification.kind === 'jury_convened' && notification.link) return 'Voir la session de jury';
  if (notification.file_id) return 'Voir le dossier';
  return notification.kind === 'jury_convened' ? 'Voir les sessions de jury' : 'Voir les transferts';
}

/** The list after one notification was read here (the unread count follows). */
export function markedRead(list: NotificationList, id: string, at: string): NotificationList {
  let changed = 0;
  const items = list.items.map((n) => {
    if (n.id !== id || n.read) return n;
    changed++;
    return { ...n, read: true, read_at: at };
  });
  return { items, unread: Math.max(0, list.unread - changed) };
}

/** The list after "tout marquer comme lu". */
export function allMarkedRead(list: NotificationList, at: string): NotificationList {
  return { items: list.items.map((n) => (n.read ? n : { ...n, read: true, read_at: at })), unread: 0 };
}
