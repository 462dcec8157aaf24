import { useCallback, useEffect, useMemo, useState } from 'react';
import { NoticeLine, type Notice as NoticeValue } from '../../../shared/ui/NoticeLine';
import { Link, useParams } from 'react-router-dom';
import { ApiError, isAbort } from '../../../shared/api/client';
import { fileApi } from '../../files/fileApi';
import { referentialApi } from '../../referentials/referentialApi';
import {
  candidatesFromSessions,
  decisionRight,
  formatSessionDate,
  formatSessionTime,
  inviteCandidates,
  JURY_FIELD_MESSAGES,
  JURY_SESSIONS_PATH,
  minutesUrl,
  quorumMessage,
  resultsCsvUrl,
  sessionStateLabel,
} from '../jury';
import { describeError, reportError } from '../../../shared/errors/errors';
import { InviteMemberForm } from '../components/InviteMemberForm';
import { JuryAddFileForm } from '../components/JuryAddFileForm';
import { JuryClosingSection } from '../components/JuryClosingSection';
import { JuryErrataSection } from '../components/JuryErrataSection';
import { JuryFileCard } from '../components/JuryFileCard';
import { JuryMembersSection } from '../components/JuryMembersSection';
import { indexedBlocs } from '../../files/blocScope';
import { titleOf, useCqpms } from '../../referentials/cqpmCatalog';
import { juryApi } from '../juryApi';
import { closingRights, decisionPending } from '../juryClosing';
import type { DecisionRequest, JuryBloc, JuryMemberCandidate, JurySession } from '../juryTypes';
import { useSession, useWorkflow } from '../../../app/session';
import type { OrganisationRef } from '../../../shared/api/types';
import type { FileSummary } from '../../files/fileTypes';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { stateLabel } from '../../files/workflow';

type Notice = NoticeValue | null;

/** Jury member accounts one may invite: the server's list when it gives one, else the members of the centre's other sessions. */
async function loadCandidates(session: JurySession, signal: AbortSignal): Promise<JuryMemberCandidate[]> {
  if (session.available_members) return session.available_members;
  const { items } = await juryApi.listSessions(signal);
  const others = items.filter((s) => s.id !== session.id).slice(0, 10);
  const details = await Promise.all(others.map((s) => juryApi.getSession(s.id, signal).catch(() => null)));
  return candidatesFromSessions(details.filter((d): d is JurySession => d !== null));
}

export function JurySessionPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const workflow = useWorkflow();
  const { cqpms } = useCqpms();
  const [session, setSession] = useState<JurySession | null>(null);
  const [loadError, setLoadError] = useState<ApiError | Error | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [opening, setOpening] = useState(false);
  const [candidates, setCandidates] = useState<JuryMemberCandidate[]>([]);
  const [companies, setCompanies] = useState<OrganisationRef[]>([]);
  const [readyFiles, setReadyFiles] = useState<FileSummary[]>([]);
  const [blocsByRef, setBlocsByRef] = useState<Record<string, JuryBloc[]>>({});
  const coordinator = user?.role === 'centre_coordinator';

  usePageTitle(session ? `Jury du ${formatSessionDate(session.date)}` : 'Session de jury');

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setSession(await juryApi.getSession(id, signal));
        setLoadError(null);
      } catch (err) {
        if (isAbort(err)) return;
        reportError(err, { fields: {} });
        setLoadError(err instanceof Error ? err : new Error(String(err)));
      }
    },
    [id],
  );

  useEffect(() => {
    const controller = new AbortController();
    setSession(null);
    setNotice(null);
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  // The coordinator's pickers: accounts to invite, companies, files ready for the jury.
  const sessionLoaded = session !== null;
  useEffect(() => {
    if (!coordinator || !sessionLoaded || !session) return;
    const controller = new AbortController();
    const quiet = (err: unknown) => {
      if (!isAbort(err)) reportError(err, { fields: {} });
    };
    loadCandidates(session, controller.signal).then(setCandidates, quiet);
    fileApi.companies(controller.signal).then((r) => setCompanies(r.items), quiet);
    fileApi.listFiles({ state: 'ready_for_jury', limit: 100 }, controller.signal).then((r) => setReadyFiles(r.items), quiet);
    return () => controller.abort();
    // Loaded once per session page; the lists are filtered against the session below.
  }, [coordinator, sessionLoaded, id]);

  // The blocs of each pinned referential, to name the blocs of the jury's validation.
  const refKeys = useMemo(() => {
    const keys = new Set<string>();
    for (const f of session?.files ?? []) {
      if (f.state === 'in_deliberation' && f.referential_version !== null) keys.add(`${f.cqpm.id}@${f.referential_version}`);
    }
    return [...keys];
  }, [session]);
  useEffect(() => {
    const missing = refKeys.filter((k) => !blocsByRef[k]);
    if (missing.length === 0) return;
    const controller = new AbortController();
    for (const key of missing) {
      const [cqpm, version] = key.split('@') as [string, string];
      referentialApi.referentialVersion(cqpm, Number(version), controller.signal).then(
        (v) =>
          setBlocsByRef((prev) => ({
            ...prev,
            [key]: indexedBlocs(v.referential.blocs),
          })),
        (err: unknown) => {
          if (!isAbort(err)) reportError(err, { fields: {} });
        },
      );
    }
    return () => controller.abort();
  }, [refKeys, blocsByRef]);

  async function act(action: () => Promise<JurySession>, success: string) {
    const updated = await action();
    setSession(updated);
    setNotice({ kind: 'success', text: success });
  }

  async function openDeliberation() {
    if (!session) return;
    setNotice(null);
    setOpening(true);
    try {
      await act(() => juryApi.open(session.id), 'La délibération est ouverte : les dossiers de la session sont en délibération.');
    } catch (err) {
      const described = reportError(err, { fields: JURY_FIELD_MESSAGES });
      setNotice({ kind: 'error', text: described.text, technical: described.technical });
      await reload();
    } finally {
      setOpening(false);
    }
  }

  async function decide(fileId: string, decision: DecisionRequest) {
    if (!session) return;
    await juryApi.decide(session.id, fileId, decision);
    await reload();
    setNotice({
      kind: 'success',
      text: 'La décision du jury est enregistrée : elle prendra effet à la publication des résultats.',
    });
  }

  /** A step of the session's end; on a refusal (the session changed meanwhile) the page shows it as it is now. */
  async function closingStep(action: () => Promise<JurySession>, success: string) {
    setNotice(null);
    try {
      await act(action, success);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) void reload();
      throw err;
    }
  }

  async function revoke(decisionId: string, reason: string) {
    await juryApi.revoke(decisionId, reason);
    await reload();
    setNotice({ kind: 'success', text: 'La décision est révoquée ; elle reste dans l’historique du dossier.' });
  }

  if (loadError && !session) {
    const notFound = loadError instanceof ApiError && (loadError.status === 404 || loadError.status === 403);
    const described = describeError(loadError, { fields: {} });
    return (
      <section>
        <h1>{notFound ? 'Session introuvable' : 'Session indisponible'}</h1>
        <p role="alert" className="alert alert--error" title={described.technical ?? undefined}>
          {notFound ? "Cette session de jury n'existe pas ou vous n'y êtes pas convoqué." : described.text}
        </p>
        <p>
          <Link to={JURY_SESSIONS_PATH}>Retour aux sessions de jury</Link>
        </p>
      </section>
    );
  }
  if (!session) return <p aria-live="polite">Chargement de la session…</p>;

  const inSession = new Set(session.files.map((f) => f.id));
  const addable = readyFiles.filter((f) => !inSession.has(f.id));
  const missing = quorumMessage(session.missing_colleges);

  return (
    <>
      <nav aria-label="Fil d'Ariane" className="breadcrumb">
        <Link to={JURY_SESSIONS_PATH}>Jurys paritaires</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">Session</span>
      </nav>
      <div className="page-title">
        <div>
          <h1 data-testid="jury-session-title">
            Jury du {formatSessionDate(session.date)}
            {session.time ? ` à ${formatSessionTime(session.time)}` : ''}
          </h1>
          <p className="subtitle">
            {session.place} · {session.centre.name}
          </p>
        </div>
        <div className="page-title__state">
          <span className={`badge badge--jury-${session.state}`} data-testid="jury-session-state" data-state={session.state}>
            {sessionStateLabel(session.state)}
          </span>
        </div>
      </div>

      <div aria-live="polite">
        <NoticeLine notice={notice} testId="jury-notice" />
      </div>

      <section className="panel" aria-labelledby="jury-docs-title">
        <h2 id="jury-docs-title">Documents de la session</h2>
        <div className="actions">
          <a className="button" href={minutesUrl(session.id)} download data-testid="jury-minutes">
            Procès-verbal (PDF)
          </a>
          {coordinator && (
            <a className="button" href={resultsCsvUrl(session.id)} download data-testid="jury-results-csv">
              Résultats (CSV pour Excel)
            </a>
          )}
        </div>
      </section>

      <JuryMembersSection
        members={session.members}
        editable={coordinator && session.state === 'planned'}
        frozen={session.state !== 'planned'}
        onAttendance={(userId, present) =>
          act(
            () => juryApi.setAttendance(session.id, userId, present),
            present ? 'Présence enregistrée.' : 'Absence enregistrée.',
          )
        }
      >
        {coordinator && session.state === 'planned' && (
          <InviteMemberForm
            candidates={inviteCandidates(candidates, session.members)}
            companies={companies}
            onInvite={(userId, companyId) =>
              act(() => juryApi.addMember(session.id, userId, companyId), 'Le membre est convoqué à la session.')
            }
          />
        )}
      </JuryMembersSection>

      <section className="panel" aria-labelledby="jury-files-title">
        <h2 id="jury-files-title">Dossiers présentés</h2>
        {coordinator && session.state === 'planned' && (
          <div className="jury-open">
            {missing && (
              <p className="muted" data-testid="jury-quorum-hint">
                {missing}
              </p>
            )}
            <button
              type="button"
              className="button button--primary"
              onClick={() => void openDeliberation()}
              disabled={opening}
              data-testid="jury-open"
            >
              {opening ? 'Ouverture…' : 'Ouvrir la délibération'}
            </button>
          </div>
        )}
        {coordinator && (
          <JuryAddFileForm
            files={addable}
            cqpmTitle={(cqpm) => titleOf(cqpms, cqpm)}
            onAdd={async (fileId) => {
              await act(() => juryApi.addFile(session.id, fileId), 'Le dossier est inscrit à la session.');
              setReadyFiles((files) => files.filter((f) => f.id !== fileId));
            }}
          />
        )}
        {session.files.length === 0 && <p className="muted">Aucun dossier n'est encore inscrit à cette session.</p>}
      </section>

      {session.files.map((file) => (
        <JuryFileCard
          key={file.id}
          file={file}
          stateLabel={stateLabel(workflow, file.state)}
          blocs={blocsByRef[`${file.cqpm.id}@${file.referential_version}`] ?? []}
          decideRight={decisionRight(user, session, file)}
          decisionPending={file.decision ? decisionPending(session.state, file.decision) : false}
          canRevoke={coordinator}
          onDecide={(decision) => decide(file.id, decision)}
          onRevoke={revoke}
        />
      ))}

      <JuryClosingSection
        session={session}
        user={user}
        onDesignate={(userId) =>
          closingStep(() => juryApi.designatePresident(session.id, userId), 'Le président ou la présidente de séance est désigné(e).')
        }
        onClose={() =>
          closingStep(
            () => juryApi.close(session.id),
            'La session est close : les membres présents peuvent signer le procès-verbal.',
          )
        }
        onSign={() => closingStep(() => juryApi.sign(session.id), 'Vous avez signé le procès-verbal.')}
        onPublish={() =>
          closingStep(
            () => juryApi.publish(session.id),
            'Résultats publiés : les décisions ont pris effet et les candidats en sont informés.',
          )
        }
      />

      <JuryErrataSection
        errata={session.errata ?? []}
        canAdd={closingRights(user, session).addErratum}
        onAdd={(text) => closingStep(() => juryApi.addErratum(session.id, text), 'L’erratum est inscrit au procès-verbal.')}
      />
    </>
  );
}
