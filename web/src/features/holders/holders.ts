// « Titulaires à déclarer (Accrochage) »: where the page is and who sees it (the
// header's link). The report's logic is in holderReport.ts, loaded with the page.

import type { User } from '../../shared/api/types';

export const HOLDERS_PATH = '/titulaires';

/** A centre's coordinator (their centre's holders) and GTP auditors (every centre's). */
export function canSeeHolders(user: Pick<User, 'role'> | null | undefined): boolean {
  return user?.role === 'centre_coordinator' || user?.role === 'gtp_auditor';
}
