import { statusLabel } from '../administration';

/** « Active » or « Désactivée ». */
export function OrganisationStateBadge({ active }: { active: boolean }) {
  return (
    <span className={`badge ${active ? 'badge--active' : 'badge--inactive'}`} data-testid="organisation-state">
      {active ? 'Active' : 'Désactivée'}
    </span>
  );
}

/** « Actif », « Invité » or « Désactivé ». */
export function AccountStatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge badge--${status}`} data-testid="account-status" data-status={status}>
      {statusLabel(status)}
    </span>
  );
}
