import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isAbort } from '../../../shared/api/client';
import { referentialApi } from '../referentialApi';
import { titleOf, useCqpms } from '../cqpmCatalog';
import { reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { formatShortDateTime } from '../../../shared/format/format';
import { collegeLabel } from '../../../shared/format/labels';
import { filesCount, historyLinks, isGtpAuditor } from '../referentialHistory';
import { useSession } from '../../../app/session';
import type { PinnedFiles, ReferentialVersion } from '../referentialTypes';
import { useOnChange } from '../../../shared/hooks/useOnChange';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { ScrollBox } from '../../../shared/ui/ScrollBox';

/** Pick two versions and open their comparison. */
export function CompareForm({
  cqpm,
  versions,
  from,
  to,
}: {
  cqpm: string;
  versions: readonly ReferentialVersion[];
  from: number | null;
  to: number | null;
}) {
  const navigate = useNavigate();
  const latest = versions[versions.length - 1]?.version ?? 1;
  const [fromValue, setFrom] = useState(String(from ?? Math.max(1, (to ?? latest) - 1)));
  const [toValue, setTo] = useState(String(to ?? latest));
  // The choice follows the versions compared (after a navigation) and the version in force.
  useOnChange(`${from}/${to}/${latest}`, () => {
    setFrom(String(from ?? Math.max(1, (to ?? latest) - 1)));
    setTo(String(to ?? latest));
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    navigate(historyLinks.diff(cqpm, Number(fromValue), Number(toValue)));
  }
  const options = versions.map((v) => (
    <option key={v.version} value={v.version}>
      Version {v.version}
      {v.version === latest ? ' (en vigueur)' : ''}
    </option>
  ));
  return (
    <form className="filters compare-form" onSubmit={submit} aria-label="Comparer deux versions" data-testid="compare-form">
      <div className="field">
        <label htmlFor="compare-from">Version de départ</label>
        <select id="compare-from" value={fromValue} onChange={(e) => setFrom(e.target.value)} data-testid="compare-from">
          {options}
        </select>
      </div>
      <div className="field">
        <label htmlFor="compare-to">Version d'arrivée</label>
        <select id="compare-to" value={toValue} onChange={(e) => setTo(e.target.value)} data-testid="compare-to">
          {options}
        </select>
      </div>
      <button
        type="button"
        className="button"
        onClick={() => {
          setFrom(toValue);
          setTo(fromValue);
        }}
        title="Échanger les deux versions"
      >
        ⇄ Inverser
      </button>
      <button type="submit" className="button button--primary" data-testid="compare-submit">
        Comparer
      </button>
    </form>
  );
}

/** The published versions of a CQPM's referential: who, when, why, approved by whom, and the files judged under each. */
export function CqpmVersionsPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const { cqpms } = useCqpms();
  const title = titleOf(cqpms, id);
  usePageTitle(`Versions du référentiel · ${title}`);
  const [versions, setVersions] = useState<ReferentialVersion[] | null>(null);
  const [pinned, setPinned] = useState<Record<number, PinnedFiles | null>>({});
  const [error, setError] = useState<ErrorDescription | null>(null);

  // Another CQPM: nothing of the previous one stays on the page.
  useOnChange(id, () => {
    setVersions(null);
    setPinned({});
    setError(null);
  });
  useEffect(() => {
    const controller = new AbortController();
    referentialApi.referentialVersions(id, controller.signal).then(
      (r) => {
        setVersions(r.items);
        for (const v of r.items) {
          referentialApi.pinnedFiles(id, v.version, controller.signal).then(
            (p) => setPinned((current) => ({ ...current, [v.version]: p })),
            (err: unknown) => {
              if (isAbort(err)) return;
              reportError(err, { operation: 'versions' });
              setPinned((current) => ({ ...current, [v.version]: null }));
            },
          );
        }
      },
      (err: unknown) => {
        if (!isAbort(err)) setError(reportError(err, { operation: 'versions' }));
      },
    );
    return () => controller.abort();
  }, [id]);

  const latest = versions?.[versions.length - 1]?.version ?? null;
  return (
    <>
      <nav aria-label="Fil d'Ariane" className="breadcrumb">
        <Link to="/cqpm">Référentiels CQPM</Link> <span aria-hidden="true">›</span>{' '}
        <Link to={`/cqpm/${encodeURIComponent(id)}`}>{title}</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">Versions</span>
      </nav>
      <div className="page-title">
        <div>
          <h1>Versions du référentiel</h1>
          <p className="subtitle">
            {title} · chaque version est publiée après l'approbation des deux collèges du GTP Certifications.
          </p>
        </div>
        <div className="actions">
          <Link className="button" to={historyLinks.proposals({ cqpm: id })}>
            Propositions
          </Link>
          {isGtpAuditor(user) && (
            <Link className="button button--primary" to={historyLinks.propose(id)} data-testid="link-propose">
              Proposer une modification
            </Link>
          )}
        </div>
      </div>
      {error && (
        <p role="alert" className="alert alert--error" data-technical={error.technical ?? undefined}>
          {error.text}
        </p>
      )}
      {!versions && !error && <p aria-live="polite">Chargement des versions…</p>}
      {versions && (
        <>
          {versions.length > 1 && (
            <section className="panel" aria-labelledby="compare-title">
              <h2 id="compare-title">Comparer deux versions</h2>
              <CompareForm cqpm={id} versions={versions} from={null} to={null} />
            </section>
          )}
          <ScrollBox>
            <table className="files-table versions-table" data-testid="versions-table">
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Publiée le</th>
                  <th scope="col">Auteur</th>
                  <th scope="col">Motif</th>
                  <th scope="col">Approbations</th>
                  <th scope="col">Dossiers rattachés</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...versions].reverse().map((v) => {
                  const p = pinned[v.version];
                  return (
                    <tr key={v.version} data-testid="version-row" data-version={v.version}>
                      <th scope="row">
                        <Link to={historyLinks.version(id, v.version)}>Version {v.version}</Link>
                        {v.version === latest && <span className="tag tag--current">en vigueur</span>}
                        <div className="muted version-tag" title={v.commit}>
                          {v.tag}
                        </div>
                      </th>
                      <td>{formatShortDateTime(v.published_at)}</td>
                      <td data-testid="version-author">
                        {v.author}
                        {v.email && <div className="muted">{v.email}</div>}
                      </td>
                      <td className="version-reason" data-testid="version-reason">
                        {v.reason}
                      </td>
                      <td data-testid="version-approvers">
                        {v.approvers.length === 0 ? (
                          <span className="muted">Version d'origine</span>
                        ) : (
                          <ul className="plain-list">
                            {v.approvers.map((a) => (
                              <li key={`${a.college}-${a.email}`} data-college={a.college}>
                                {a.name} <span className="muted">({collegeLabel(a.college)})</span>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td>
                        {p === undefined ? (
                          <span className="muted">…</span>
                        ) : p === null ? (
                          <span className="muted">—</span>
                        ) : (
                          <Link to={historyLinks.pinnedFiles(id, v.version)} data-testid="version-files" data-total={p.total}>
                            {filesCount(p.total)}
                          </Link>
                        )}
                      </td>
                      <td>
                        {v.version > 1 && (
                          <Link to={historyLinks.diff(id, v.version - 1, v.version)} data-testid="version-diff">
                            Changements
                          </Link>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollBox>
        </>
      )}
    </>
  );
}
