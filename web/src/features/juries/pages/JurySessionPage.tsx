import { useCallback, useEffect, useState } from 'react';
import { NoticeLine, type Notice as NoticeValue } from '../../../shared/ui/NoticeLine';
import { useParams } from 'react-router-dom';
import { ApiError, isAbort } from '../../../shared/api/client';
import {
  decisionRight,
  formatSessionDate,
  inviteCandidates,
  JURY_FIELD_MESSAGES,
  JURY_SESSIONS_PATH,
  pinnedReferentialKey,
} from '../jury';
import { describeError, reportError } from '../../../shared/errors/errors';
import { InviteMemberForm } from '../components/InviteMemberForm';
import { JuryClosingSection } from '../components/JuryClosingSection';
import { JuryErrataSection } from '../components/JuryErrataSection';
import { JuryFileCard } from '../components/JuryFileCard';
import { JuryFilesPanel } from '../components/JuryFilesPanel';
import { JuryMembersSection } from '../components/JuryMembersSection';
import { JuryDocumentsPanel, JurySessionHeader } from '../components/JurySessionHeader';
import { titleOf, useCqpms } from '../../referentials/cqpmCatalog';
import { juryApi } from '../juryApi';
import { closingRights, decisionPending } from '../juryClosing';
import type { DecisionRequest, JurySession } from '../juryTypes';
import { useJuryPickers } from '../useJuryPickers';
import { usePinnedBlocs } from '../usePinnedBlocs';
import { useSession, useWorkflow } from '../../../app/session';
import { useOnChange } from '../../../shared/hooks/useOnChange';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { stateLabel } from '../../files/workflow';
import { PageUnavailable } from '../../../shared/ui/RecordPage';

type Notice = NoticeValue | null;

export function JurySessionPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const workflow = useWorkflow();
  const { cqpms } = useCqpms();
  const [session, setSession] = useState<JurySession | null>(null);
  const [loadError, setLoadError] = useState<ApiError | Error | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const coordinator = user?.role === 'centre_coordinator';
  const pickers = useJuryPickers(session, coordinator);
  const blocsByRef = usePinnedBlocs(session);

  usePageTitle(session ? `Jury du ${formatSessionDate(session.date)}` : 'Session de jury');

  // State is set only once the session arrives (then-callbacks, never synchronously).
  const reload = useCallback(
    (signal?: AbortSignal): Promise<void> =>
      juryApi.getSession(id, signal).then(
        (loaded) => {
          setSession(loaded);
          setLoadError(null);
        },
        (err: unknown) => {
          if (isAbort(err)) return;
          reportError(err, { fields: {} });
          setLoadError(err instanceof Error ? err : new Error(String(err)));
        },
      ),
    [id],
  );

  // Another session: nothing of the previous one stays on the page.
  useOnChange(id, () => {
    setSession(null);
    setNotice(null);
  });
  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  async function act(action: () => Promise<JurySession>, success: string) {
    const updated = await action();
    setSession(updated);
    setNotice({ kind: 'success', text: success });
  }

  async function openDeliberation() {
    if (!session) return;
    setNotice(null);
    try {
      await act(() => juryApi.open(session.id), 'La délibération est ouverte : les dossiers de la session sont en délibération.');
    } catch (err) {
      const described = reportError(err, { fields: JURY_FIELD_MESSAGES });
      setNotice({ kind: 'error', text: described.text, technical: described.technical });
      await reload();
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
      <PageUnavailable
        title={notFound ? 'Session introuvable' : 'Session indisponible'}
        text={notFound ? "Cette session de jury n'existe pas ou vous n'y êtes pas convoqué." : described.text}
        technical={described.technical}
        back={{ to: JURY_SESSIONS_PATH, label: 'Retour aux sessions de jury' }}
      />
    );
  }
  if (!session) return <p aria-live="polite">Chargement de la session…</p>;

  return (
    <>
      <JurySessionHeader session={session} />

      <div aria-live="polite">
        <NoticeLine notice={notice} testId="jury-notice" />
      </div>

      <JuryDocumentsPanel sessionId={session.id} coordinator={coordinator} />

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
            candidates={inviteCandidates(pickers.candidates, session.members)}
            candidatesLoaded={pickers.candidatesLoaded}
            companies={pickers.companies}
            onInvite={(userId, companyId) =>
              act(() => juryApi.addMember(session.id, userId, companyId), 'Le membre est convoqué à la session.')
            }
          />
        )}
      </JuryMembersSection>

      <JuryFilesPanel
        session={session}
        coordinator={coordinator}
        readyFiles={pickers.readyFiles}
        cqpmTitle={(cqpm) => titleOf(cqpms, cqpm)}
        onOpen={openDeliberation}
        onAdd={async (fileId) => {
          await act(() => juryApi.addFile(session.id, fileId), 'Le dossier est inscrit à la session.');
          pickers.dropReadyFile(fileId);
        }}
      />

      {session.files.map((file) => (
        <JuryFileCard
          key={file.id}
          file={file}
          stateLabel={stateLabel(workflow, file.state)}
          blocs={blocsByRef[pinnedReferentialKey(file)] ?? []}
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
