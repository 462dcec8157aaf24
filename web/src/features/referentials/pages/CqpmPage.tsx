import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError, isAbort } from '../../../shared/api/client';
import { referentialApi } from '../referentialApi';
import { CertificationIdentityPanel } from '../components/CertificationIdentityPanel';
import { ReferentialView } from '../components/ReferentialView';
import { loadCqpm } from '../cqpmCatalog';
import { describeError, reportError } from '../../../shared/errors/errors';
import { competencyAnchor } from '../referential';
import { historyLinks, indexBlame, isGtpAuditor, latestBlameVersion, type BlameIndex } from '../referentialHistory';
import { useSession } from '../../../app/session';
import type { CqpmDetail } from '../referentialTypes';
import { useOnChange } from '../../../shared/hooks/useOnChange';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { PageUnavailable } from '../../../shared/ui/RecordPage';

/** A CQPM's referential in force, laid out for an evaluator (and for print); blame annotations on demand. */
export function CqpmPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { user } = useSession();
  const [cqpm, setCqpm] = useState<CqpmDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [showBlame, setShowBlame] = useState(false);
  const [blame, setBlame] = useState<{ index: BlameIndex; latest: number } | null>(null);
  const [blameError, setBlameError] = useState<string | null>(null);
  usePageTitle(cqpm ? `Référentiel · ${cqpm.title}` : 'Référentiel CQPM');

  // Another CQPM: nothing of the previous one stays on the page.
  useOnChange(id, () => {
    setCqpm(null);
    setError(null);
    setBlame(null);
    setShowBlame(false);
  });
  useEffect(() => {
    let live = true;
    loadCqpm(id, { fresh: true }).then(
      (c) => live && setCqpm(c),
      (err: unknown) => {
        if (!live || isAbort(err)) return;
        reportError(err, { operation: 'cqpm' });
        setError(err);
      },
    );
    return () => {
      live = false;
    };
  }, [id]);

  // The blame is loaded the first time it is shown.
  useEffect(() => {
    if (!showBlame || blame) return;
    const controller = new AbortController();
    referentialApi.referentialBlame(id, controller.signal).then(
      (r) => setBlame({ index: indexBlame(r.items), latest: latestBlameVersion(r.items) }),
      (err: unknown) => {
        if (isAbort(err)) return;
        setBlameError(reportError(err, { operation: 'versions' }).text);
        setShowBlame(false);
      },
    );
    return () => controller.abort();
  }, [id, showBlame, blame]);

  // Once the referential is shown, go to the anchor of the address (a link to one competency).
  useEffect(() => {
    if (!cqpm || !location.hash) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    target?.scrollIntoView();
  }, [cqpm, location.hash, location.key]);

  if (error) {
    const notFound = error instanceof ApiError && error.status === 404;
    const described = describeError(error, { operation: 'cqpm' });
    return (
      <PageUnavailable
        title={notFound ? 'CQPM introuvable' : 'Référentiel indisponible'}
        text={described.text}
        technical={described.technical}
        back={{ to: '/cqpm', label: 'Retour aux référentiels CQPM' }}
      />
    );
  }
  if (!cqpm) return <p aria-live="polite">Chargement du référentiel…</p>;

  const ref = cqpm.referential;
  const competencies = ref.blocs.flatMap((b) => b.competencies);
  const version = cqpm.referential_version;
  return (
    <div className="referential" data-testid="referential" data-cqpm={cqpm.id}>
      <nav aria-label="Fil d'Ariane" className="breadcrumb">
        <Link to="/cqpm">Référentiels CQPM</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">{cqpm.title}</span>
      </nav>
      <div className="ref-heading">
        <div>
          <p className="subtitle">Référentiel du CQPM</p>
          <h1 data-testid="cqpm-title">{ref.title}</h1>
          <p className="subtitle">
            {version ? (
              <>
                <Link to={historyLinks.version(cqpm.id, version)} data-testid="referential-version">
                  Version {version} du référentiel
                </Link>{' '}
                (en vigueur) ·{' '}
              </>
            ) : (
              <>Version {cqpm.version} · </>
            )}
            {cqpm.blocs} bloc{cqpm.blocs > 1 ? 's' : ''} de compétences · {cqpm.competencies} compétence
            {cqpm.competencies > 1 ? 's' : ''}
          </p>
          <p className="ref-links no-print">
            <Link to={historyLinks.versions(cqpm.id)} data-testid="link-versions">
              Historique des versions
            </Link>
            <Link to={historyLinks.diff(cqpm.id)} data-testid="link-diff">
              Comparer deux versions
            </Link>
            <Link to={historyLinks.proposals({ cqpm: cqpm.id })}>Propositions de modification</Link>
            {isGtpAuditor(user) && (
              <Link to={historyLinks.propose(cqpm.id)} data-testid="link-propose">
                Proposer une modification
              </Link>
            )}
          </p>
        </div>
        <div className="ref-tools no-print">
          <button
            type="button"
            className="button"
            aria-pressed={showBlame}
            onClick={() => {
              // Shown again: a new try, without the last failure.
              if (!showBlame) setBlameError(null);
              setShowBlame((v) => !v);
            }}
            data-testid="blame-toggle"
            title="Indique, pour chaque compétence, critère et élément du référentiel, la version qui l'a modifié en dernier."
          >
            {showBlame ? 'Masquer les versions' : 'Afficher la version de chaque élément'}
          </button>
          <button type="button" className="button" onClick={() => window.print()}>
            Imprimer
          </button>
          <label className="visually-hidden" htmlFor="ref-jump">
            Aller à la compétence
          </label>
          <select
            id="ref-jump"
            value=""
            onChange={(e) => e.target.value && navigate({ hash: e.target.value }, { replace: true })}
          >
            <option value="">Aller à la compétence…</option>
            {competencies.map((c) => (
              <option key={c.number} value={competencyAnchor(c.number)}>
                {c.number}. {c.title}
              </option>
            ))}
          </select>
        </div>
      </div>

      <CertificationIdentityPanel identity={ref.identity} version={version} />

      {blameError && (
        <p role="alert" className="alert alert--error">
          {blameError}
        </p>
      )}
      {showBlame && !blame && <p aria-live="polite">Chargement des versions…</p>}
      {showBlame && blame && (
        <p className="alert alert--info no-print" role="status" data-testid="blame-legend">
          Chaque élément porte la version du référentiel qui l'a modifié en dernier
          {blame.latest > 1 ? (
            <>
              {' '}
              (<span className="blame blame--changed">v{blame.latest}</span> : modifié dans la dernière version publiée)
            </>
          ) : (
            " : rien n'a changé depuis la version 1"
          )}
          . Cliquez sur une version pour voir qui l'a publiée et pourquoi.
        </p>
      )}

      <ReferentialView cqpm={cqpm.id} referential={ref} blame={showBlame && blame ? blame.index : null} />
    </div>
  );
}
