import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { isAbort } from '../../../shared/api/client';
import { referentialApi } from '../referentialApi';
import { ChangeList } from '../components/ChangeList';
import { titleOf, useCqpms } from '../cqpmCatalog';
import { reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { formatShortDateTime } from '../../../shared/format/format';
import { historyLinks, parseVersion } from '../referentialHistory';
import type { Referential, ReferentialDiff, ReferentialVersion } from '../referentialTypes';
import { useOnChange } from '../../../shared/hooks/useOnChange';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { CompareForm } from './CqpmVersionsPage';

function VersionCard({ cqpm, version, side }: { cqpm: string; version: ReferentialVersion; side: string }) {
  return (
    <div className="diff-version" data-testid={`diff-${side}`} data-version={version.version}>
      <p className="muted diff-version__side">{side === 'from' ? 'Avant' : 'Après'}</p>
      <h2>
        <Link to={historyLinks.version(cqpm, version.version)}>Version {version.version}</Link>
      </h2>
      <p className="muted">
        {formatShortDateTime(version.published_at)} · {version.author}
      </p>
      <p className="diff-version__reason">{version.reason}</p>
    </div>
  );
}

/** The changes between two versions of a CQPM's referential, side by side. */
export function CqpmDiffPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const from = parseVersion(search.get('de'));
  const to = parseVersion(search.get('a'));
  const { cqpms } = useCqpms();
  const title = titleOf(cqpms, id);
  usePageTitle(`Comparer des versions · ${title}`);
  const [versions, setVersions] = useState<ReferentialVersion[] | null>(null);
  const [diff, setDiff] = useState<ReferentialDiff | null>(null);
  const [referentials, setReferentials] = useState<(Referential | null)[]>([]);
  const [error, setError] = useState<ErrorDescription | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    referentialApi.referentialVersions(id, controller.signal).then(
      (r) => setVersions(r.items),
      (err: unknown) => {
        if (!isAbort(err)) setError(reportError(err, { operation: 'versions' }));
      },
    );
    return () => controller.abort();
  }, [id]);

  // Other versions compared: the previous comparison is not shown meanwhile.
  useOnChange(`${id}/${from}/${to}`, () => {
    setDiff(null);
    setError(null);
    setReferentials([]);
  });
  useEffect(() => {
    const controller = new AbortController();
    referentialApi.referentialDiff(id, { from, to }, controller.signal).then(
      (d) => {
        setDiff(d);
        // The texts of both versions, for the titles of blocs and competencies.
        Promise.all(
          [d.to.version, d.from.version].map((v) =>
            referentialApi.referentialVersion(id, v, controller.signal).then(
              (r) => r.referential,
              () => null,
            ),
          ),
        ).then(setReferentials, () => undefined);
      },
      (err: unknown) => {
        if (!isAbort(err)) setError(reportError(err, { operation: 'versions' }));
      },
    );
    return () => controller.abort();
  }, [id, from, to]);

  const single = versions !== null && versions.length < 2;
  return (
    <>
      <nav aria-label="Fil d'Ariane" className="breadcrumb">
        <Link to="/cqpm">Référentiels CQPM</Link> <span aria-hidden="true">›</span>{' '}
        <Link to={`/cqpm/${encodeURIComponent(id)}`}>{title}</Link> <span aria-hidden="true">›</span>{' '}
        <Link to={historyLinks.versions(id)}>Versions</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">Comparer</span>
      </nav>
      <div className="page-title">
        <div>
          <h1>Comparer deux versions du référentiel</h1>
          <p className="subtitle">{title}</p>
        </div>
      </div>
      {versions && versions.length > 1 && (
        <section className="panel no-print">
          <CompareForm cqpm={id} versions={versions} from={diff?.from.version ?? from} to={diff?.to.version ?? to} />
        </section>
      )}
      {single && (
        <p className="alert alert--info" data-testid="diff-single">
          Ce référentiel n'a qu'une version publiée : il n'y a rien à comparer.
        </p>
      )}
      {error && (
        <p role="alert" className="alert alert--error" data-technical={error.technical ?? undefined}>
          {error.text}
        </p>
      )}
      {!diff && !error && <p aria-live="polite">Chargement des changements…</p>}
      {diff && !single && (
        <>
          <div className="diff-versions">
            <VersionCard cqpm={id} version={diff.from} side="from" />
            <span className="diff-versions__arrow" aria-hidden="true">
              →
            </span>
            <VersionCard cqpm={id} version={diff.to} side="to" />
          </div>
          {diff.from.version > diff.to.version && (
            <p className="alert alert--info">
              Comparaison à rebours : la version de départ est plus récente que la version d'arrivée.
            </p>
          )}
          <ChangeList
            changes={diff.changes}
            referentials={referentials}
            oldLabel={`Version ${diff.from.version}`}
            newLabel={`Version ${diff.to.version}`}
          />
        </>
      )}
    </>
  );
}
