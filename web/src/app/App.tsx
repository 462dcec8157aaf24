import { Suspense, lazy, useEffect, useState } from 'react';
import { BrowserRouter, Link, Navigate, Outlet, Route, Routes, useNavigate } from 'react-router-dom';
import { ApiError, isAbort, setUnauthorizedHandler } from '../shared/api/client';
import { sessionApi } from './sessionApi';
import { reportError, type ErrorDescription } from '../shared/errors/errors';
import { ADMINISTRATION_PATH } from '../features/admin/administration';
import { Header } from './layout/Header';
import { AccountPage } from '../features/admin/pages/AccountPage';
import { AccountsPage } from '../features/admin/pages/AccountsPage';
import { AdminLogPage } from '../features/admin/pages/AdminLogPage';
import { AdministrationLayout } from '../features/admin/pages/AdministrationLayout';
import { AdministrationPage } from '../features/admin/pages/AdministrationPage';
import { CandidateImportPage } from '../features/files/pages/CandidateImportPage';
import { ChangePasswordPage } from '../features/admin/pages/ChangePasswordPage';
import { CqpmCataloguePage } from '../features/referentials/pages/CqpmCataloguePage';
import { CqpmDiffPage } from '../features/referentials/pages/CqpmDiffPage';
import { CqpmPage } from '../features/referentials/pages/CqpmPage';
import { CqpmVersionPage } from '../features/referentials/pages/CqpmVersionPage';
import { CqpmVersionsPage } from '../features/referentials/pages/CqpmVersionsPage';
import { DashboardPage } from '../features/dashboard/pages/DashboardPage';
import { FileLinkPage } from '../features/files/pages/FileLinkPage';
import { FilePage } from '../features/files/pages/FilePage';
import { ForgotPasswordPage } from '../features/admin/pages/ForgotPasswordPage';
import { JurySessionPage } from '../features/juries/pages/JurySessionPage';
import { JurySessionsPage } from '../features/juries/pages/JurySessionsPage';
import { LoginPage } from './LoginPage';
import { NotificationsPage } from '../features/notifications/pages/NotificationsPage';
import { OrganisationPage } from '../features/admin/pages/OrganisationPage';
import { OrganisationsPage } from '../features/admin/pages/OrganisationsPage';
import { ProposalPage } from '../features/referentials/pages/ProposalPage';
import { ProposalsPage } from '../features/referentials/pages/ProposalsPage';
import { ProposeChangePage } from '../features/referentials/pages/ProposeChangePage';
import { SetPasswordPage } from '../features/admin/pages/SetPasswordPage';
import { TransfersPage } from '../features/files/pages/TransfersPage';
import { VerifyPage } from '../features/juries/pages/VerifyPage';
import { isGtpAuditor } from '../features/referentials/referentialHistory';
import { SessionProvider } from './SessionProvider';
import { useSession } from './session';
import { usePageTitle } from '../shared/hooks/usePageTitle';

export const LOGIN_PATH = '/connexion';

// The charts' library is most of the statistics page's weight: loaded when the page is opened, not with every page.
const StatisticsPage = lazy(() => import('../features/statistics/pages/StatisticsPage').then((m) => ({ default: m.StatisticsPage })));
// For a few coordinators and auditors only: loaded when opened.
const HoldersPage = lazy(() => import('../features/holders/pages/HoldersPage').then((m) => ({ default: m.HoldersPage })));

/** Sends the user to the login page whenever the API answers 401. */
function UnauthorizedRedirect() {
  const navigate = useNavigate();
  const { setUser } = useSession();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      setUser(null);
      if (window.location.pathname !== LOGIN_PATH) {
        navigate(LOGIN_PATH, { replace: true, state: { from: window.location.pathname + window.location.search } });
      }
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate, setUser]);
  return null;
}

/** The pages behind the login: loads /me once, then shows the header and the page. */
function AuthenticatedLayout() {
  const { user, setUser } = useSession();
  const [error, setError] = useState<ErrorDescription | null>(null);

  useEffect(() => {
    if (user) return;
    const controller = new AbortController();
    sessionApi.me(controller.signal).then(setUser, (err: unknown) => {
      if (isAbort(err)) return;
      if (err instanceof ApiError && err.status === 401) return; // the redirect handles it
      setError(reportError(err, { operation: 'session' }));
    });
    return () => controller.abort();
  }, [user, setUser]);

  if (!user) {
    return (
      <main className="page page--centered" id="contenu">
        {error ? (
          <p role="alert" className="alert alert--error" data-technical={error.technical ?? undefined}>
            {error.text}
          </p>
        ) : (
          <p aria-live="polite">Chargement…</p>
        )}
      </main>
    );
  }
  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <Header user={user} />
      <main className="page" id="contenu" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

/**
 * The home page: the files dashboard, or for the GTP (who sees no files) its
 * proposals, and for the GTP's administrator the administration.
 */
function HomePage() {
  const { user } = useSession();
  if (isGtpAuditor(user)) return <Navigate to="/propositions" replace />;
  if (user?.role === 'gtp_admin') return <Navigate to={ADMINISTRATION_PATH} replace />;
  return <DashboardPage />;
}

function NotFoundPage() {
  usePageTitle('Page introuvable');
  return (
    <section>
      <h1>Page introuvable</h1>
      <p>
        Cette page n'existe pas. <Link to="/">Retour au tableau de bord</Link>
      </p>
    </section>
  );
}

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <UnauthorizedRedirect />
        <Routes>
          <Route path={LOGIN_PATH} element={<LoginPage />} />
          {/* Public: anyone checks a certificate's code, without an account. */}
          <Route path="verify" element={<VerifyPage />} />
          <Route path="verify/:code" element={<VerifyPage />} />
          {/* Public: one-time links (invitation, password reset) and the request of a reset. */}
          <Route path="invitation/:token" element={<SetPasswordPage purpose="invitation" />} />
          <Route path="mot-de-passe/:token" element={<SetPasswordPage purpose="reset" />} />
          <Route path="mot-de-passe-oublie" element={<ForgotPasswordPage />} />
          {/* With or without a session: signed out, it explains and leads to the login page, which comes back. */}
          <Route path="rattachement/:token" element={<FileLinkPage />} />
          <Route element={<AuthenticatedLayout />}>
            <Route index element={<HomePage />} />
            <Route path="dossiers/:id" element={<FilePage />} />
            <Route path="cqpm" element={<CqpmCataloguePage />} />
            <Route path="cqpm/:id" element={<CqpmPage />} />
            <Route path="cqpm/:id/versions" element={<CqpmVersionsPage />} />
            <Route path="cqpm/:id/versions/:n" element={<CqpmVersionPage />} />
            <Route path="cqpm/:id/comparer" element={<CqpmDiffPage />} />
            <Route path="cqpm/:id/proposer" element={<ProposeChangePage />} />
            <Route path="propositions" element={<ProposalsPage />} />
            <Route path="propositions/:n" element={<ProposalPage />} />
            <Route path="jurys" element={<JurySessionsPage />} />
            <Route path="jurys/:id" element={<JurySessionPage />} />
            <Route path="transferts" element={<TransfersPage />} />
            <Route path="notifications" element={<NotificationsPage />} />
            <Route
              path="statistiques"
              element={
                <Suspense fallback={<p aria-live="polite">Chargement…</p>}>
                  <StatisticsPage />
                </Suspense>
              }
            />
            <Route
              path="titulaires"
              element={
                <Suspense fallback={<p aria-live="polite">Chargement…</p>}>
                  <HoldersPage />
                </Suspense>
              }
            />
            <Route path="mon-compte/mot-de-passe" element={<ChangePasswordPage />} />
            <Route path="administration" element={<AdministrationLayout />}>
              <Route index element={<AdministrationPage />} />
              <Route path="organisations" element={<OrganisationsPage />} />
              <Route path="organisations/:id" element={<OrganisationPage />} />
              <Route path="comptes" element={<AccountsPage />} />
              <Route path="comptes/:id" element={<AccountPage />} />
              <Route path="import" element={<CandidateImportPage />} />
              <Route path="journal" element={<AdminLogPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
