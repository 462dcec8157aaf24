import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format/format';
import { pathwayLabel } from '../../../shared/format/labels';
import { historyLinks } from '../../referentials/referentialHistory';
import { BIRTH_INSEE_CODE_LABEL, birthFacts, inseeCodeText, sexText } from '../candidate';
import type { CandidateFile } from '../fileTypes';

/** The facts of a file: the candidate, the CQPM and its referential, the pathway, state, centre, company and dates. */
export function FileFacts({ file, cqpmTitle, stateLabel }: { file: CandidateFile; cqpmTitle: string; stateLabel: string }) {
  const birth = birthFacts(file.candidate);
  return (
    <dl className="facts">
      <div>
        <dt>Prénom</dt>
        <dd>{file.candidate.given_name}</dd>
      </div>
      <div>
        <dt>Nom</dt>
        <dd>{file.candidate.family_name}</dd>
      </div>
      <div>
        <dt>Adresse e-mail</dt>
        <dd>
          <a href={`mailto:${file.candidate.email}`}>{file.candidate.email}</a>
        </dd>
      </div>
      <div>
        <dt>Naissance</dt>
        <dd data-testid="file-birth">
          {birth.date}
          {birth.place && (
            <>
              {' à '}
              <span data-testid="file-birth-place">{birth.place}</span>
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>Sexe</dt>
        <dd data-testid="file-sex">{sexText(file.candidate.sex)}</dd>
      </div>
      <div>
        <dt>{BIRTH_INSEE_CODE_LABEL}</dt>
        <dd data-testid="file-birth-insee-code">{inseeCodeText(file.candidate.birth_insee_code)}</dd>
      </div>
      <div>
        <dt>CQPM</dt>
        <dd>
          <Link to={`/cqpm/${encodeURIComponent(file.cqpm)}`}>{cqpmTitle}</Link>
        </dd>
      </div>
      <div>
        <dt>Référentiel</dt>
        <dd>
          {file.referential ? (
            <Link to={historyLinks.version(file.cqpm, file.referential.version)}>
              Version {file.referential.version}
            </Link>
          ) : (
            'Fixé à l’inscription'
          )}
        </dd>
      </div>
      <div>
        <dt>Parcours</dt>
        <dd>{pathwayLabel(file.pathway)}</dd>
      </div>
      <div>
        <dt>État</dt>
        <dd>{stateLabel}</dd>
      </div>
      <div>
        <dt>Centre</dt>
        <dd data-testid="file-centre">{file.centre.name}</dd>
      </div>
      <div>
        <dt>Entreprise</dt>
        <dd>{file.company?.name ?? (file.pathway === 'vae' ? 'Sans objet (VAE)' : 'Aucune')}</dd>
      </div>
      <div>
        <dt>Créé le</dt>
        <dd>{formatDateTime(file.created_at)}</dd>
      </div>
      <div>
        <dt>Mis à jour le</dt>
        <dd>{formatDateTime(file.updated_at)}</dd>
      </div>
    </dl>
  );
}
