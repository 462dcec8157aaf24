import { Link } from 'react-router-dom';
import { ACCOUNTS_PATH, ADMIN_LOG_PATH, IMPORT_PATH, ORGANISATIONS_PATH, canImportCandidates } from '../administration';
import { useSession } from '../../../app/session';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { PageTitle } from '../../../shared/ui/PageTitle';

/** /administration: what each tab is for, as the user's role sees it. */
export function AdministrationPage() {
  usePageTitle('Administration');
  const { user } = useSession();
  const role = user?.role;
  const sections = [
    {
      id: 'admin-home-organisations',
      to: ORGANISATIONS_PATH,
      title: 'Organisations',
      text:
        role === 'admin'
          ? 'Les centres de certification et leur territoire, les entreprises, le GTP Certifications et la plateforme.'
          : role === 'centre_coordinator'
            ? 'Votre centre et les entreprises qui travaillent avec lui : créez une entreprise, corrigez ses informations.'
            : 'Votre organisation.',
    },
    {
      id: 'admin-home-accounts',
      to: ACCOUNTS_PATH,
      title: 'Comptes',
      text:
        role === 'admin'
          ? 'Tous les comptes : création avec invitation par e-mail, rôle, collège, organisation, désactivation.'
          : role === 'centre_coordinator'
            ? 'Les évaluateurs, membres du jury et candidats de votre centre, et les tuteurs des entreprises qui travaillent avec lui.'
            : 'Les auditeurs du GTP Certifications, avec leur collège.',
    },
    ...(canImportCandidates(user)
      ? [
          {
            id: 'admin-home-import',
            to: IMPORT_PATH,
            title: 'Importer des candidats',
            text: "Un fichier CSV, une ligne par candidat : chaque ligne est vérifiée, puis tous les dossiers sont créés d'un coup.",
          },
        ]
      : []),
    {
      id: 'admin-home-log',
      to: ADMIN_LOG_PATH,
      title: "Journal d'administration",
      text: "Chaque acte d'administration, daté, avec son auteur : il ne peut être ni modifié ni effacé.",
    },
  ];
  return (
    <>
      <PageTitle title="Administration" subtitle={user?.organisation.name} />
      <div className="admin-home">
        {sections.map((section) => (
          <section key={section.id} className="panel" aria-labelledby={section.id}>
            <h2 id={section.id}>
              <Link to={section.to}>{section.title}</Link>
            </h2>
            <p>{section.text}</p>
          </section>
        ))}
      </div>
    </>
  );
}
