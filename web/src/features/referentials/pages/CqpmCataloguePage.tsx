import { Link } from 'react-router-dom';
import { useCqpms } from '../cqpmCatalog';
import { describeError } from '../../../shared/errors/errors';
import { MISSING_BLOC_CODE, blocCodeLabel } from '../referential';
import { historyLinks, isGtpAuditor } from '../referentialHistory';
import { useSession } from '../../../app/session';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';

/** The CQPMs of the platform, each linking to its referential. */
export function CqpmCataloguePage() {
  usePageTitle('Référentiels CQPM');
  const gtp = isGtpAuditor(useSession().user);
  const { cqpms, error } = useCqpms({ fresh: true });
  const described = error ? describeError(error, { operation: 'list' }) : null;

  return (
    <>
      <div className="page-title">
        <div>
          <h1>Référentiels CQPM</h1>
          <p className="subtitle">Les certifications de la plateforme et leur référentiel en vigueur.</p>
        </div>
      </div>
      {described && (
        <p role="alert" className="alert alert--error" data-technical={described.technical ?? undefined}>
          {described.text}
        </p>
      )}
      {!cqpms && !described && <p aria-live="polite">Chargement des CQPM…</p>}
      {cqpms && cqpms.length === 0 && <p className="muted">Aucun CQPM n'est installé sur la plateforme.</p>}
      {cqpms && cqpms.length > 0 && (
        <ul className="catalogue" data-testid="cqpm-catalogue">
          {cqpms.map((c) => (
            <li key={c.id} className="catalogue__item panel" data-testid="cqpm-card" data-cqpm={c.id}>
              <h2 className="catalogue__title">
                <Link to={`/cqpm/${encodeURIComponent(c.id)}`}>{c.title}</Link>
              </h2>
              <p className="muted catalogue__meta">
                {c.referential_version ? (
                  <span data-testid="catalogue-version">Version {c.referential_version} du référentiel</span>
                ) : (
                  <>Version {c.version}</>
                )}{' '}
                · {c.blocs} bloc{c.blocs > 1 ? 's' : ''} de compétences · {c.competencies} compétence
                {c.competencies > 1 ? 's' : ''}
              </p>
              <ul className="code-list" aria-label="Codes des blocs">
                {c.bloc_codes.map((code, index) => (
                  <li key={index}>
                    <span
                      className={`code${code ? '' : ' code--missing'}`}
                      title={code ? undefined : "Le référentiel source n'imprime pas de code pour ce bloc."}
                    >
                      {blocCodeLabel(code)}
                    </span>
                  </li>
                ))}
              </ul>
              <p className="catalogue__links">
                <Link to={historyLinks.versions(c.id)} data-testid="catalogue-versions">
                  Historique des versions
                </Link>
                {(c.referential_version ?? 1) > 1 && (
                  <Link to={historyLinks.diff(c.id)}>Derniers changements</Link>
                )}
                {gtp && (
                  <Link to={historyLinks.propose(c.id)} data-testid="catalogue-propose">
                    Proposer une modification
                  </Link>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {cqpms?.some((c) => c.bloc_codes.some((code) => !code)) && (
        <p className="muted field__note">
          « {MISSING_BLOC_CODE} » : le document officiel n'imprime pas de code pour ce bloc ; seul le GTP peut le
          compléter, par une modification du référentiel.
        </p>
      )}
    </>
  );
}
