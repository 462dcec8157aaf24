import { NavLink, Outlet } from 'react-router-dom';
import { ACCOUNTS_PATH, ADMIN_LOG_PATH, IMPORT_PATH, ORGANISATIONS_PATH, canAdminister, canImportCandidates } from '../administration';
import { useSession } from '../../../app/session';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';

/** The administration pages: their tabs, for the roles that administer something. */
export function AdministrationLayout() {
  const { user } = useSession();
  if (!canAdminister(user)) return <NoAccess />;
  const tabs = [
    { to: ORGANISATIONS_PATH, label: 'Organisations', testId: 'admin-tab-organisations' },
    { to: ACCOUNTS_PATH, label: 'Comptes', testId: 'admin-tab-accounts' },
    ...(canImportCandidates(user) ? [{ to: IMPORT_PATH, label: 'Importer des candidats', testId: 'admin-tab-import' }] : []),
    { to: ADMIN_LOG_PATH, label: "Journal d'administration", testId: 'admin-tab-log' },
  ];
  return (
    <>
      <nav className="admin-tabs" aria-label="Administration" data-testid="admin-tabs">
        {tabs.map((tab) => (
          <NavLink key={tab.to} to={tab.to} className="admin-tabs__link" data-testid={tab.testId}>
            {tab.label}
          </NavLink>
        ))}
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
