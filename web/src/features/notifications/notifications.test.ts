import { describe, expect, it } from 'vitest';
import {
  allMarkedRead,
  markedRead,
  notificationKindLabel,
  notificationLink,
  notificationLinkLabel,
  unreadBadge,
  unreadWords,
  type AppNotification,
  type NotificationList,
} from './notifications';

const n = (id: string, read = false, file_id: string | null = 'f1'): AppNotification => ({
  id,
  kind: 'ready_for_jury',
  file_id,
  title: 'Dossier prêt pour le jury',
  body: '…',
  created_at: '2026-11-21T09:00:00Z',
  read,
  read_at: read ? '2026-11-21T10:00:00Z' : null,
});

describe('the bell', () => {
  it('shows the unread count, capped at 99+', () => {
    expect(unreadBadge(0)).toBe('');
    expect(unreadBadge(3)).toBe('3');
    expect(unreadBadge(120)).toBe('99+');
    expect(unreadBadge(Number.NaN)).toBe('');
  });

  it('says the count in words', () => {
    expect(unreadWords(0)).toBe(', aucune non lue');
    expect(unreadWords(1)).toBe(', 1 non lue');
    expect(unreadWords(4)).toBe(', 4 non lues');
  });
});

describe('the list', () => {
  const list: NotificationList = { items: [n('a'), n('b', true), n('c', false, null)], unread: 2 };

  it('names kinds and links to the file', () => {
    expect(notificationKindLabel('deadline_overdue')).toBe('Échéance dépassée');
    expect(notificationKindLabel('decision')).toBe('Décision du jury');
    expect(notificationKindLabel('jury_convened')).toBe('Convocation au jury');
    expect(notificationLink({ file_id: null, kind: 'jury_convened' })).toBe('/jurys');
    expect(notificationLinkLabel({ file_id: null, kind: 'jury_convened' })).toBe('Voir les sessions de jury');
    expect(notificationKindLabel('other')).toBe('Information');
    expect(notificationLink(n('a'))).toBe('/dossiers/f1');
    expect(notificationLink(n('c', false, null))).toBeNull();
  });

  it('follows the link the server gives, with words saying where it leads', () => {
    const published = { file_id: null, kind: 'referential_published', link: '/cqpm/qualite/versions/2' };
    expect(notificationLink(published)).toBe('/cqpm/qualite/versions/2');
    expect(notificationLinkLabel(published)).toBe('Voir la nouvelle version');
    const awaiting = { file_id: null, kind: 'proposal_awaiting_college', link: '/propositions/7' };
    expect(notificationLinkLabel(awaiting)).toBe('Voir la proposition');
    expect(notificationLink({ file_id: null, kind: 'jury_convened', link: '/jurys/s1' })).toBe('/jurys/s1');
    expect(notificationLinkLabel({ file_id: null, kind: 'jury_convened', link: '/jurys/s1' })).toBe(
      'Voir la session de jury',
    );
    expect(notificationKindLabel('commission_member')).toBe('Commission d’évaluation');
    expect(notificationKindLabel('company_opinion_requested')).toBe('Avis de l’entreprise');
  });

  it('marks one read, once', () => {
    const once = markedRead(list, 'a', 'now');
    expect(once.unread).toBe(1);
    expect(once.items[0]).toMatchObject({ read: true, read_at: 'now' });
    expect(markedRead(once, 'a', 'later').unread).toBe(1);
    expect(markedRead(list, 'b', 'now').unread).toBe(2); // already read
  });

  it('marks all read', () => {
    const all = allMarkedRead(list, 'now');
    expect(all.unread).toBe(0);
    expect(all.items.every((x) => x.read)).toBe(true);
    expect(all.items[1]!.read_at).toBe('2026-11-21T10:00:00Z');
  });
});
