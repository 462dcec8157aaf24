import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ApiError, isAbort } from '../../../shared/api/client';
import { referentialApi } from '../referentialApi';
import { ChangeList } from '../components/ChangeList';
import { ProposalApprovals } from '../components/ProposalApprovals';
import { ProposalFacts, ProposalImpact } from '../components/ProposalFacts';
import { ReasonDialog } from '../../../shared/ui/ReasonDialog';
import { forgetCqpm, titleOf, useCqpms } from '../cqpmCatalog';
import { reportError, type ErrorContext, type ErrorDescription } from '../../../shared/errors/errors';
import { historyLinks, parseVersion, reviewActions } from '../referentialHistory';
import { useSession } from '../../../app/session';
import type { Proposal, Referential } from '../referentialTypes';
import { useOnChange } from '../../../shared/hooks/useOnChange';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { ProposalBadge } from './ProposalsPage';
import { PageUnavailable } from '../../../shared/ui/RecordPage';

const NO_SUCH_PROPOSAL = {
  description: { text: "Cette proposition n'existe pas.", field: null, technical: null },
  notFound: true,
};

type Notice = { kind: 'success' | 'error'; text: string; technical?: string | null; published?: number } | null;

/** A proposal of the GTP: its reason, its changes, the files it concerns, its approvals, and the review buttons. */
export function ProposalPage() {
  const { n = '' } = useParams();
  const id = parseVersion(n);
  const location = useLocation();
  const { user } = useSession();
  const { cqpms } = useCqpms();
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [base, setBase] = useState<Referential | null>(null);
  const [loadError, setLoadError] = useState<{ description: ErrorDescription; notFound: boolean } | null>(null);
  const [notice, setNotice] = useState<Notice>(
    (location.state as { created?: boolean } | null)?.created
      ? { kind: 'success', text: 'Votre proposition est enregistrée : elle compte comme l’approbation de votre collège.' }
      : null,
  );
  const [busy, setBusy] = useState<'approve' | 'reject' | 'publish' | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [dialogError, setDialogError] = useState<ErrorDescription | null>(null);
  usePageTitle(id ? `Proposition n° ${id}` : 'Proposition');

  // State is set only once the proposal arrives (then-callbacks, never synchronously).
  const load = useCallback(
    (signal?: AbortSignal): Promise<void> => {
      if (!id) return Promise.resolve();
      return referentialApi.getProposal(id, signal).then(
        (p) => {
          setProposal(p);
          setLoadError(null);
          referentialApi.referentialVersion(p.cqpm, p.base_version, signal).then(
            (v) => setBase(v.referential),
            () => undefined,
          );
        },
        (err: unknown) => {
          if (isAbort(err)) return;
          setLoadError({
            description: reportError(err, { operation: 'proposal' }),
            notFound: err instanceof ApiError && err.status === 404,
          });
        },
      );
    },
    [id],
  );

  // Another proposal: the previous one is not shown meanwhile.
  useOnChange(id, () => setProposal(null));
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  async function act(kind: 'approve' | 'reject' | 'publish', reason?: string) {
    if (!proposal) return;
    setBusy(kind);
    setNotice(null);
    setDialogError(null);
    const context: ErrorContext = { operation: kind };
    try {
      let updated: Proposal;
      if (kind === 'approve') updated = await referentialApi.approveProposal(proposal.id);
      else if (kind === 'reject') updated = await referentialApi.rejectProposal(proposal.id, reason ?? '');
      else updated = await referentialApi.publishProposal(proposal.id);
      setProposal(updated);
      setRejecting(false);
      if (kind === 'approve') {
        setNotice({
          kind: 'success',
          text:
            updated.state === 'approved'
              ? 'Vous avez approuvé la proposition : les deux collèges l’ont approuvée, elle peut être publiée.'
              : 'Vous avez approuvé la proposition.',
        });
      } else if (kind === 'reject') {
        setNotice({ kind: 'success', text: 'La proposition est rejetée.' });
      } else {
        forgetCqpm(updated.cqpm);
        setNotice({
          kind: 'success',
          text: `La version ${updated.published_version ?? ''} du référentiel est publiée : elle est désormais en vigueur.`,
          published: updated.published_version ?? undefined,
        });
      }
    } catch (err) {
      const described = reportError(err, context);
      if (kind === 'reject' && err instanceof ApiError && err.code === 'invalid_field') {
        setDialogError(described);
      } else {
        setRejecting(false);
        setNotice({ kind: 'error', text: described.text, technical: described.technical });
        if (err instanceof ApiError && (err.code === 'invalid_state' || err.code === 'conflict')) await load();
      }
    } finally {
      setBusy(null);
    }
  }

  // A number that is not one (« /propositions/abc ») names no proposal.
  const unavailable = id ? loadError : NO_SUCH_PROPOSAL;
  if (unavailable && !proposal) {
    return (
      <PageUnavailable
        title={unavailable.notFound ? 'Proposition introuvable' : 'Proposition indisponible'}
        text={unavailable.description.text}
        technical={unavailable.description.technical}
        back={{ to: historyLinks.proposals(), label: 'Retour aux propositions' }}
      />
    );
  }
  if (!proposal) return <p aria-live="polite">Chargement de la proposition…</p>;

  const title = titleOf(cqpms, proposal.cqpm);
  return (
    <>
      <nav aria-label="Fil d'Ariane" className="breadcrumb">
        <Link to={historyLinks.proposals()}>Propositions</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">Proposition n° {proposal.id}</span>
      </nav>
      <div className="page-title">
        <div>
          <h1 data-testid="proposal-title">Proposition n° {proposal.id}</h1>
          <p className="subtitle">
            <Link to={`/cqpm/${encodeURIComponent(proposal.cqpm)}`}>{title}</Link> · sur la{' '}
            <Link to={historyLinks.version(proposal.cqpm, proposal.base_version)}>version {proposal.base_version}</Link>
          </p>
        </div>
        <div className="page-title__state">
          <ProposalBadge state={proposal.state} />
        </div>
      </div>

      <div aria-live="polite">
        {notice && (
          <div
            role={notice.kind === 'error' ? 'alert' : 'status'}
            className={`alert alert--${notice.kind}`}
            data-testid="proposal-notice"
            data-technical={notice.technical ?? undefined}
          >
            {notice.text}
            {notice.published && (
              <>
                {' '}
                <Link to={historyLinks.versions(proposal.cqpm)} data-testid="notice-versions">
                  Voir les versions
                </Link>
                {' · '}
                <Link to={historyLinks.diff(proposal.cqpm, proposal.base_version, notice.published)} data-testid="notice-diff">
                  Voir les changements
                </Link>
              </>
            )}
          </div>
        )}
      </div>

      <div className="review-layout">
        <div className="file-main">
          <ProposalFacts proposal={proposal} />
          <ProposalImpact proposal={proposal} />

          <section className="panel" aria-labelledby="changes-title">
            <h2 id="changes-title">Changements proposés</h2>
            <ChangeList
              changes={proposal.changes}
              referentials={[proposal.referential, base]}
              oldLabel={`Version ${proposal.base_version}`}
              newLabel={`Proposition n° ${proposal.id}`}
            />
          </section>
        </div>

        <aside className="file-side">
          <ProposalApprovals
            proposal={proposal}
            actions={reviewActions(user, proposal)}
            busy={busy}
            onApprove={() => void act('approve')}
            onPublish={() => void act('publish')}
            onReject={() => {
              setDialogError(null);
              setRejecting(true);
            }}
          />
        </aside>
      </div>

      {rejecting && (
        <ReasonDialog
          title={`Rejeter la proposition n° ${proposal.id}`}
          intro="Le motif du rejet est conservé avec la proposition et visible de tous."
          confirmLabel="Rejeter la proposition"
          busy={busy === 'reject'}
          error={dialogError}
          onCancel={() => setRejecting(false)}
          onConfirm={(reason) => void act('reject', reason)}
          testId="reject-dialog"
        />
      )}
    </>
  );
}

