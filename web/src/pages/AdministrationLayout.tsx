import { NavLink, Outlet } from 'react-router-dom';
import { ACCOUNTS_PATH, ADMIN_LOG_PATH, ORGANISATIONS_PATH, canAdminister } from '../administration';
import { useSession } from '../session';
import { usePageTitle } from '../usePageTitle';

/** The administration pages: their tabs, for the roles that administer something. */
export function AdministrationLayout() {
  const { user } = useSession();
  if (!canAdminister(user)) return <NoAccess />;
  return (
    <>
      <nav className="admin-tabs" aria-label="Administration" data-testid="admin-tabs">
        <NavLink to={ORGANISATIONS_PATH} className="admin-tabs__link" data-testid="admin-tab-organisations">
          Organisations
        </NavLink>
        <NavLink to={ACCOUNTS_PATH} className="admin-tabs__link" data-testid="admin-tab-accounts">
          Comptes
        </NavLink>
        <NavLink to={ADMIN_LOG_PATH} className="admin-tabs__link" data-testid="admin-tab-log">
          Journal d'administration
        </NavLink>
      </nav>
      <Outlet />
    </>
  );
}

function NoAccess() {
  usePageTitle('Administration');
  return (
    <section>
      <h1>Administration</h1>
      <p className="alert alert--error" role="alert" data-testid="admin-no-access">
        L'administration est réservée à l'administrateur de la plateforme, aux coordinateurs de centre et à
        l'administrateur du GTP.
      </p>
    </section>
  );
}
