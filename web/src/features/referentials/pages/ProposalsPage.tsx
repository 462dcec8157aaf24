import { Link, useSearchParams } from 'react-router-dom';
import { referentialApi } from '../referentialApi';
import { titleOf, useCqpms } from '../cqpmCatalog';
import { formatShortDateTime } from '../../../shared/format/format';
import { PROPOSAL_STATES, historyLinks, isGtpAuditor, proposalStateLabel } from '../referentialHistory';
import { useSession } from '../../../app/session';
import type { ProposalSummary } from '../referentialTypes';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { useApiResource } from '../../../shared/hooks/useApiResource';
import { ScrollBox } from '../../../shared/ui/ScrollBox';
import { TodoPanel } from '../../todo/components/TodoPanel';

export function ProposalBadge({ state }: { state: string }) {
  return (
    <span className={`badge badge--proposal-${state}`} data-testid="proposal-state" data-state={state}>
      {proposalStateLabel(state)}
    </span>
  );
}

/** The GTP's proposals of referential changes, filtered by CQPM and state. */
export function ProposalsPage() {
  usePageTitle('Propositions de modification des référentiels');
  const { user } = useSession();
  const { cqpms } = useCqpms();
  const [search, setSearch] = useSearchParams();
  const cqpm = search.get('cqpm') ?? '';
  const state = search.get('etat') ?? '';
  const { data: items, error } = useApiResource<ProposalSummary[]>(
    (signal) => referentialApi.listProposals({ cqpm, state }, signal).then((r) => [...r.items].sort((a, b) => b.id - a.id)),
    [cqpm, state],
    { context: { operation: 'list' }, clearOnChange: false },
  );

  function setFilter(key: string, value: string) {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  }

  return (
    <>
      <div className="page-title">
        <div>
          <h1>Propositions de modification</h1>
          <p className="subtitle">
            Les changements des référentiels proposés au GTP Certifications : chacun est publié après l'approbation du
            collège employeur et du collège salarié.
          </p>
        </div>
      </div>
      {isGtpAuditor(user) && <TodoPanel />}
      <form className="filters" role="search" aria-label="Filtrer les propositions" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="proposals-cqpm">CQPM</label>
          <select id="proposals-cqpm" value={cqpm} onChange={(e) => setFilter('cqpm', e.target.value)}>
            <option value="">Tous les CQPM</option>
            {(cqpms ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="proposals-state">État</label>
          <select id="proposals-state" value={state} onChange={(e) => setFilter('etat', e.target.value)}>
            <option value="">Tous les états</option>
            {PROPOSAL_STATES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.plural}
              </option>
            ))}
          </select>
        </div>
      </form>
      {isGtpAuditor(user) && (
        <section className="panel" aria-labelledby="propose-title">
          <h2 id="propose-title">Proposer une modification</h2>
          <p className="muted">Choisissez le référentiel à modifier : la proposition part de sa version en vigueur.</p>
          <ul className="code-list">
            {(cqpms ?? []).map((c) => (
              <li key={c.id}>
                <Link className="button" to={historyLinks.propose(c.id)} data-testid="propose-cqpm" data-cqpm={c.id}>
                  {c.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {error && (
        <p role="alert" className="alert alert--error" data-technical={error.technical ?? undefined}>
          {error.text}
        </p>
      )}
      {!items && !error && <p aria-live="polite">Chargement des propositions…</p>}
      {items && (
        <ScrollBox>
          <table className="files-table" data-testid="proposals-table">
            <thead>
              <tr>
                <th scope="col">N°</th>
                <th scope="col">CQPM</th>
                <th scope="col">Motif</th>
                <th scope="col">Proposée par</th>
                <th scope="col">Le</th>
                <th scope="col">Sur la version</th>
                <th scope="col">État</th>
              </tr>
            </thead>
            <tbody>
              {items.length === 0 && (
                <tr>
                  <td colSpan={7} className="empty">
                    Aucune proposition{state ? ` ${proposalStateLabel(state).toLowerCase()}` : ''}.
                  </td>
                </tr>
              )}
              {items.map((p) => (
                <tr key={p.id} data-testid="proposal-row" data-proposal={p.id} data-state={p.state}>
                  <th scope="row">
                    <Link to={historyLinks.proposal(p.id)} data-testid="proposal-link">
                      n° {p.id}
                    </Link>
                  </th>
                  <td>{titleOf(cqpms, p.cqpm)}</td>
                  <td className="version-reason">{p.reason}</td>
                  <td>{p.proposer.display_name}</td>
                  <td>{formatShortDateTime(p.created_at)}</td>
                  <td>
                    <Link to={historyLinks.version(p.cqpm, p.base_version)}>version {p.base_version}</Link>
                    {p.published_version !== null && (
                      <>
                        {' → '}
                        <Link to={historyLinks.version(p.cqpm, p.published_version)}>version {p.published_version}</Link>
                      </>
                    )}
                  </td>
                  <td>
                    <ProposalBadge state={p.state} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </>
  );
}
