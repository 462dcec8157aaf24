import { useState } from 'react';
import { Link, NavLink, useNavigate } from 'react-router-dom';
import { sessionApi } from '../sessionApi';
import { leaveForProviderLogout } from '../providerLogout';
import { ADMINISTRATION_PATH, canAdminister } from '../../features/admin/administration';
import { collegeLabel, roleLabel } from '../../shared/format/labels';
import { isGtpAuditor } from '../../features/referentials/referentialHistory';
import { JURY_SESSIONS_PATH } from '../../features/juries/jury';
import { TRANSFERS_PATH, canSeeTransfers } from '../../features/files/transfers';
import { STATISTICS_PATH, canSeeStatistics } from '../../features/statistics/statistics';
import { HOLDERS_PATH, canSeeHolders } from '../../features/holders/holders';
import { AccountMenu } from './AccountMenu';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { useSession } from '../session';
import type { User } from '../../shared/api/types';

export function Header({ user }: { user: User }) {
  const navigate = useNavigate();
  const { setUser } = useSession();
  const [busy, setBusy] = useState(false);

  async function logout() {
    setBusy(true);
    let providerLogout: string | null = null;
    try {
      providerLogout = await sessionApi.logout();
    } catch {
      // Signed out locally whatever the server said; the cookie is HttpOnly.
    }
    // Through the identity provider, which ends its own session and sends the browser back to /connexion:
    // the page is left as it is (buttons disabled) rather than signed out in the app first, whose 401 on
    // /me would race the departure with an in-app trip to the login page.
    if (leaveForProviderLogout(providerLogout)) return;
    setBusy(false);
    setUser(null);
    navigate('/connexion', { replace: true });
  }

  const college = collegeLabel(user.college);
  // The GTP sees no candidate files: an auditor's home is the proposals of referential
  // changes, the GTP administrator's the administration.
  const gtp = isGtpAuditor(user);
  const noFiles = gtp || user.role === 'gtp_admin';
  return (
    <header className="app-header">
      <Link to="/" className="app-header__brand">
        CQPM Hub
      </Link>
      <nav className="app-header__nav" aria-label="Navigation principale">
        {!noFiles && (
          <NavLink to="/" end className="app-header__link">
            Tableau de bord
          </NavLink>
        )}
        {(gtp || user.role === 'admin') && (
          <NavLink to="/propositions" className="app-header__link" data-testid="nav-proposals">
            Propositions GTP
          </NavLink>
        )}
        {(user.role === 'centre_coordinator' || user.role === 'jury_member' || user.role === 'gtp_auditor') && (
          <NavLink to={JURY_SESSIONS_PATH} className="app-header__link" data-testid="nav-juries">
            Jurys
          </NavLink>
        )}
        {canSeeTransfers(user) && (
          <NavLink to={TRANSFERS_PATH} className="app-header__link" data-testid="nav-transfers">
            Transferts
          </NavLink>
        )}
        {canSeeStatistics(user) && (
          <NavLink to={STATISTICS_PATH} className="app-header__link" data-testid="nav-statistics">
            Statistiques
          </NavLink>
        )}
        {canSeeHolders(user) && (
          <NavLink to={HOLDERS_PATH} className="app-header__link" data-testid="nav-holders">
            Titulaires à déclarer
          </NavLink>
        )}
        <NavLink to="/cqpm" className="app-header__link" data-testid="nav-cqpm">
          Référentiels CQPM
        </NavLink>
        {canAdminister(user) && (
          <NavLink to={ADMINISTRATION_PATH} className="app-header__link" data-testid="nav-administration">
            Administration
          </NavLink>
        )}
        <NotificationBell />
      </nav>
      <div className="app-header__user" data-testid="current-user">
        <AccountMenu name={user.display_name} onLogout={logout} busy={busy} />
        <span className="app-header__meta">
          {user.organisation.name} · {roleLabel(user.role)}
          {college ? ` (${college})` : ''}
        </span>
      </div>
      <button type="button" className="button button--ghost" onClick={logout} disabled={busy}>
        Se déconnecter
      </button>
    </header>
  );
}
