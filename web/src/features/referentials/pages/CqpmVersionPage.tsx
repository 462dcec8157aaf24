import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ApiError, isAbort } from '../../../shared/api/client';
import { referentialApi } from '../referentialApi';
import { CertificationIdentityPanel } from '../components/CertificationIdentityPanel';
import { PinnedFilesTable } from '../components/PinnedFilesTable';
import { useSession } from '../../../app/session';
import { ReferentialView } from '../components/ReferentialView';
import { titleOf, useCqpms } from '../cqpmCatalog';
import { reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { formatDateTime } from '../../../shared/format/format';
import { collegeLabel } from '../../../shared/format/labels';
import { filesCount, historyLinks, parseVersion } from '../referentialHistory';
import type { PinnedFiles, ReferentialVersion, ReferentialVersionDetail } from '../referentialTypes';
import { useOnChange } from '../../../shared/hooks/useOnChange';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { PageUnavailable } from '../../../shared/ui/RecordPage';

/** One published version of a referential: its publication, the files judged under it, and its text. */
export function CqpmVersionPage() {
  const { id = '', n = '' } = useParams();
  const location = useLocation();
  const number = parseVersion(n);
  const { cqpms } = useCqpms();
  const { user } = useSession();
  // Files by centre are the GTP's audit material: the server gives them to auditors and administrators only.
  const seesPinnedFiles = user?.role === 'gtp_auditor' || user?.role === 'admin';
  const title = titleOf(cqpms, id);
  usePageTitle(number ? `Version ${number} du référentiel · ${title}` : 'Version du référentiel');
  const [detail, setDetail] = useState<ReferentialVersionDetail | null>(null);
  const [versions, setVersions] = useState<ReferentialVersion[] | null>(null);
  const [pinned, setPinned] = useState<PinnedFiles | null>(null);
  const [error, setError] = useState<{ description: ErrorDescription; notFound: boolean } | null>(null);

  // Another version: nothing of the previous one stays on the page.
  useOnChange(`${id}/${number}/${seesPinnedFiles}`, () => {
    setDetail(null);
    setPinned(null);
    setError(null);
  });
  useEffect(() => {
    if (!number) return;
    const controller = new AbortController();
    const fail = (err: unknown) => {
      if (isAbort(err)) return;
      setError({
        description: reportError(err, { operation: 'versions' }),
        notFound: err instanceof ApiError && err.status === 404,
      });
    };
    referentialApi.referentialVersion(id, number, controller.signal).then(setDetail, fail);
    if (seesPinnedFiles) {
      referentialApi.pinnedFiles(id, number, controller.signal).then(setPinned, (err: unknown) => {
        if (!isAbort(err)) reportError(err, { operation: 'versions' });
      });
    }
    referentialApi.referentialVersions(id, controller.signal).then(
      (r) => setVersions(r.items),
      () => undefined,
    );
    return () => controller.abort();
  }, [id, number, seesPinnedFiles]);

  // A link to the pinned files (#dossiers) scrolls there once loaded.
  useEffect(() => {
    if (!pinned || !location.hash) return;
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }, [pinned, location.hash]);

  const breadcrumb = (
    <nav aria-label="Fil d'Ariane" className="breadcrumb">
      <Link to="/cqpm">Référentiels CQPM</Link> <span aria-hidden="true">›</span>{' '}
      <Link to={`/cqpm/${encodeURIComponent(id)}`}>{title}</Link> <span aria-hidden="true">›</span>{' '}
      <Link to={historyLinks.versions(id)}>Versions</Link> <span aria-hidden="true">›</span>{' '}
      <span aria-current="page">Version {n}</span>
    </nav>
  );
  // A number that is not one names no version.
  const unavailable = number
    ? error
    : { description: { text: "Cette version du référentiel n'existe pas.", field: null, technical: null }, notFound: true };
  if (unavailable) {
    return (
      <PageUnavailable
        breadcrumb={breadcrumb}
        title={unavailable.notFound ? 'Version introuvable' : 'Version indisponible'}
        text={unavailable.description.text}
        technical={unavailable.description.technical}
        back={{ to: historyLinks.versions(id), label: 'Voir les versions du référentiel' }}
      />
    );
  }
  if (!detail || !number) return <p aria-live="polite">Chargement de la version…</p>;

  const latest = versions?.[versions.length - 1]?.version ?? null;
  const inForce = latest === detail.version;
  return (
    <div className="referential" data-testid="referential-version-page" data-version={detail.version}>
      {breadcrumb}
      <div className="page-title">
        <div>
          <p className="subtitle">{title}</p>
          <h1 data-testid="version-title">
            Version {detail.version} du référentiel
            {inForce && <span className="tag tag--current">en vigueur</span>}
            {latest !== null && !inForce && <span className="tag">remplacée par la version {latest}</span>}
          </h1>
        </div>
        <div className="actions">
          {detail.version > 1 && (
            <Link className="button" to={historyLinks.diff(id, detail.version - 1, detail.version)} data-testid="version-changes">
              Changements depuis la version {detail.version - 1}
            </Link>
          )}
          {latest !== null && !inForce && (
            <Link className="button" to={historyLinks.diff(id, detail.version, latest)}>
              Comparer avec la version en vigueur
            </Link>
          )}
        </div>
      </div>

      <CertificationIdentityPanel identity={detail.referential.identity} version={detail.version} />

      <section className="panel" aria-labelledby="publication-title">
        <h2 id="publication-title">Publication</h2>
        <dl className="facts">
          <div>
            <dt>Publiée le</dt>
            <dd>{formatDateTime(detail.published_at)}</dd>
          </div>
          <div>
            <dt>Par</dt>
            <dd>
              {detail.author}
              {detail.email && <span className="muted"> · {detail.email}</span>}
            </dd>
          </div>
          <div className="facts__wide">
            <dt>Motif</dt>
            <dd data-testid="version-reason">{detail.reason}</dd>
          </div>
          <div className="facts__wide">
            <dt>Approbations</dt>
            <dd>
              {detail.approvers.length === 0
                ? "Version d'origine, transcrite du document officiel."
                : detail.approvers.map((a) => `${a.name} (${collegeLabel(a.college)})`).join(', ')}
            </dd>
          </div>
          <div className="facts__wide">
            <dt>Étiquette git</dt>
            <dd>
              <code>{detail.tag}</code> <span className="muted">({detail.commit.slice(0, 12)})</span>
            </dd>
          </div>
        </dl>
      </section>

      {seesPinnedFiles && (
      <section className="panel" id="dossiers" aria-labelledby="pinned-title">
        <h2 id="pinned-title">
          Dossiers rattachés à cette version{pinned ? ` : ${filesCount(pinned.total)}` : ''}
        </h2>
        <p className="muted field__note">
          Un dossier est rattaché, à son inscription, à la version en vigueur du référentiel : il est évalué selon cette
          version.
        </p>
        {pinned ? <PinnedFilesTable pinned={pinned} testId="pinned-files" /> : <p className="muted">Chargement…</p>}
      </section>
      )}

      <h2 className="section-title">Texte du référentiel (version {detail.version})</h2>
      <ReferentialView cqpm={id} referential={detail.referential} />
    </div>
  );
}
