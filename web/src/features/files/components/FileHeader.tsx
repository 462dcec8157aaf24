import { Link } from 'react-router-dom';
import { candidateName } from '../../../shared/format/format';
import { historyLinks } from '../../referentials/referentialHistory';
import type { CandidateFile } from '../fileTypes';
import { FileBlocScope } from './FileBlocScope';
import { StateBadge } from './StateBadge';
import { useSession } from '../../../app/session';
import { exportsPersonalData, fileArchiveUrl, fileAuditBundleUrl, personalDataUrl, printsArchive } from '../fileSections';
import { nextStepText } from '../nextSteps';

/**
 * A file page's breadcrumb and title: the candidate, the CQPM, the blocs aimed at, the pinned referential, the state,
 * and for the centre the complete file to print for its archive; under them, what happens next and who acts.
 */
export function FileHeader({ file, cqpmTitle, stateLabel }: { file: CandidateFile; cqpmTitle: string; stateLabel: string }) {
  const { user } = useSession();
  const next = nextStepText(file.state);
  return (
    <>
      <nav aria-label="Fil d'Ariane" className="breadcrumb">
        <Link to="/">Tableau de bord</Link> <span aria-hidden="true">›</span> <span aria-current="page">Dossier</span>
      </nav>
      <div className="page-title">
        <div>
          <h1 data-testid="file-title">{candidateName(file.candidate)}</h1>
          <p className="subtitle">
            {cqpmTitle} ·{' '}
            <Link to={`/cqpm/${encodeURIComponent(file.cqpm)}`} data-testid="file-cqpm-link">
              Voir le référentiel
            </Link>
          </p>
          <FileBlocScope file={file} />
          <p className="subtitle" data-testid="file-referential">
            {file.referential ? (
              <>
                Référentiel :{' '}
                <Link
                  to={historyLinks.version(file.cqpm, file.referential.version)}
                  data-testid="file-referential-link"
                  title={`Le dossier est évalué selon la version ${file.referential.version} du référentiel, en vigueur à son inscription.`}
                >
                  version {file.referential.version}
                </Link>
              </>
            ) : (
              <span className="muted">Référentiel : la version en vigueur sera retenue à l'inscription</span>
            )}
          </p>
        </div>
        <div className="page-title__state">
          {/* The version is a concurrency counter, not shown to people; tests wait on it. */}
          <span data-testid="file-state" data-state={file.state} data-version={file.version}>
            <StateBadge state={file.state} label={stateLabel} />
          </span>
          {user && printsArchive(user.role) && (
            <>
              <a href={fileArchiveUrl(file.id)} download data-testid="file-archive">
                Imprimer le dossier complet (PDF)
              </a>
              <a
                href={fileAuditBundleUrl(file.id)}
                download
                data-testid="file-audit-bundle"
                title="Archive ZIP signée par la plateforme, vérifiable hors ligne avec « cqpm audit verify-bundle »"
              >
                Dossier d'audit signé (ZIP)
              </a>
            </>
          )}
          {user && exportsPersonalData(user.role) && (
            <a
              href={personalDataUrl(file.id)}
              download
              data-testid="file-personal-data"
              title="Tout ce que la plateforme conserve sur ce candidat, dans ses dossiers du centre, à remettre à la personne qui en fait la demande (droit d'accès, RGPD)"
            >
              Données personnelles du candidat (ZIP)
            </a>
          )}
        </div>
      </div>
      {next && (
        <p className="next-step" data-testid="file-next-step">
          {next}
        </p>
      )}
    </>
  );
}
