import { Link } from 'react-router-dom';
import { ACCOUNTS_PATH, ADMIN_LOG_PATH, ORGANISATIONS_PATH } from '../administration';
import { useSession } from '../session';
import { usePageTitle } from '../usePageTitle';

/** /administration: what each tab is for, as the user's role sees it. */
export function AdministrationPage() {
  usePageTitle('Administration');
  const { user } = useSession();
  const role = user?.role;
  const organisations =
    role === 'admin'
      ? 'Les centres de certification et leur territoire, les entreprises, le GTP Certifications et la plateforme.'
      : role === 'centre_coordinator'
        ? 'Votre centre et les entreprises qui travaillent avec lui : créez une entreprise, corrigez ses informations.'
        : 'Votre organisation.';
  const accounts =
    role === 'admin'
      ? 'Tous les comptes : création avec invitation par e-mail, rôle, collège, organisation, désactivation.'
      : role === 'centre_coordinator'
        ? "Les évaluateurs, membres du jury et candidats de votre centre, et les tuteurs des entreprises qui travaillent avec lui."
        : 'Les auditeurs du GTP Certifications, avec leur collège.';
  return (
    <>
      <div className="page-title">
        <div>
          <h1>Administration</h1>
          <p className="subtitle">{user?.organisation.name}</p>
        </div>
      </div>
      <div className="admin-home">
        <section className="panel" aria-labelledby="admin-home-organisations">
          <h2 id="admin-home-organisations">
            <Link to={ORGANISATIONS_PATH}>Organisations</Link>
          </h2>
          <p>{organisations}</p>
        </section>
        <section className="panel" aria-labelledby="admin-home-accounts">
          <h2 id="admin-home-accounts">
            <Link to={ACCOUNTS_PATH}>Comptes</Link>
          </h2>
          <p>{accounts}</p>
        </section>
        <section className="panel" aria-labelledby="admin-home-log">
          <h2 id="admin-home-log">
            <Link to={ADMIN_LOG_PATH}>Journal d'administration</Link>
          </h2>
          <p>Chaque acte d'administration, daté, avec son auteur : il ne peut être ni modifié ni effacé.</p>
        </section>
      </div>
    </>
  );
}
