import { useCallback, useEffect, useState } from 'react';
import { NoticeLine, type Notice as NoticeValue } from '../../../shared/ui/NoticeLine';
import { useParams } from 'react-router-dom';
import { ApiError, isAbort } from '../../../shared/api/client';
import { fileApi } from '../fileApi';
import { CarryOverSection } from '../components/CarryOverSection';
import { DeadlineSection } from '../components/DeadlineSection';
import { FileActionsPanel } from '../components/FileActionsPanel';
import { FileAsOfSection } from '../components/FileAsOfSection';
import { FileDecisionsSection } from '../../juries/components/FileDecisionsSection';
import { FileCollaboration } from '../components/FileCollaboration';
import { FileHeader } from '../components/FileHeader';
import { FileHistory } from '../components/FileHistory';
import { FileIdentitySection } from '../components/FileIdentitySection';
import { FileSidePanel } from '../components/FileSidePanel';
import { ModalityPlanSection } from '../../modality-plan/components/ModalityPlanSection';
import { ReferentialMoveSection } from '../components/ReferentialMoveSection';
import { TransferSection } from '../components/TransferSection';
import { TransitionDialog } from '../components/TransitionDialog';
import { VaeAdmissibilitySection } from '../components/VaeAdmissibilitySection';
import { correctionModeOf } from '../correction';
import { printsArchive } from '../fileSections';
import { describeError, reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { candidateName } from '../../../shared/format/format';
import { titleOf, useCqpms } from '../../referentials/cqpmCatalog';
import { INITIAL_REVISIONS, bump, lastSeq, mergeEvents, sectionsFor, type Revisions } from '../liveUpdates';
import { useSession, useWorkflow } from '../../../app/session';
import { useFileStream } from '../useFileStream';
import { useTransitionFiring } from '../useTransitionFiring';
import type { CandidateFile, FileEvent } from '../fileTypes';
import { useOnChange } from '../../../shared/hooks/useOnChange';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { stateLabel } from '../workflow';
import { PageUnavailable } from '../../../shared/ui/RecordPage';

type Notice = NoticeValue | null;

export function FilePage() {
  const { id = '' } = useParams();
  const workflow = useWorkflow();
  const { cqpms } = useCqpms();
  const [file, setFile] = useState<CandidateFile | null>(null);
  const [events, setEvents] = useState<FileEvent[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | Error | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const { user } = useSession();
  const [revisions, setRevisions] = useState<Revisions>(INITIAL_REVISIONS);
  const [correcting, setCorrecting] = useState(false);

  usePageTitle(file ? `Dossier de ${candidateName(file.candidate)}` : 'Dossier');

  // The file and its events; state is set only once they arrive (then-callbacks, never synchronously).
  const reload = useCallback(
    (signal?: AbortSignal): Promise<void> =>
      Promise.all([fileApi.getFile(id, signal), fileApi.fileEvents(id, signal)]).then(
        ([f, ev]) => {
          setFile(f);
          setEvents(ev.items);
          setLoadError(null);
        },
        (err: unknown) => {
          if (isAbort(err)) return;
          reportError(err, { operation: 'load' });
          setLoadError(err instanceof Error ? err : new Error(String(err)));
        },
      ),
    [id],
  );

  // Another file: nothing of the previous one stays on the page.
  useOnChange(id, () => {
    setFile(null);
    setEvents(null);
    setNotice(null);
    setCorrecting(false);
  });
  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  // Live: each event of the stream reloads what it changed (other people's work shows within a second).
  const streamStatus = useFileStream(id, events === null ? undefined : lastSeq(events), (event) => {
    setEvents((list) => mergeEvents(list, event));
    // Every write of a section is an event: one of the reader's own is a later success, so an error said earlier goes.
    if (user && event.actor?.id === user.id) setNotice((n) => (n?.kind === 'error' ? null : n));
    const sections = sectionsFor(event);
    setRevisions((r) => bump(r, sections));
    if (sections.includes('file')) {
      fileApi.getFile(id).then(setFile, (err: unknown) => reportError(err, { operation: 'load' }));
    }
  });

  const transitions = useTransitionFiring(file, {
    onStart: () => setNotice(null),
    onFired: async (updated, transition) => {
      setFile(updated);
      setEvents((await fileApi.fileEvents(updated.id)).items);
      setNotice({
        kind: 'success',
        text: `« ${transition.label} » effectué : le dossier est maintenant « ${stateLabel(workflow, updated.state)} ».`,
      });
    },
    onRefused: async (described, stale) => {
      setNotice({ kind: 'error', text: described.text, technical: described.technical });
      if (stale) await reload();
    },
  });

  async function corrected(updated: CandidateFile) {
    setFile(updated);
    setCorrecting(false);
    setNotice({ kind: 'success', text: 'Dossier corrigé : la correction et son motif sont inscrits dans son historique.' });
    try {
      setEvents((await fileApi.fileEvents(updated.id)).items);
    } catch (err) {
      reportError(err, { operation: 'load' });
    }
  }

  async function correctionStale(error: ErrorDescription) {
    // The file changed or closed since the form opened: say so and show it as it is now.
    setCorrecting(false);
    setNotice({ kind: 'error', text: error.text, technical: error.technical });
    await reload();
  }

  if (loadError && !file) {
    const notFound = loadError instanceof ApiError && (loadError.status === 404 || loadError.status === 403);
    const described = describeError(loadError, { operation: 'load' });
    return (
      <PageUnavailable
        title={notFound ? 'Dossier introuvable' : 'Dossier indisponible'}
        text={notFound ? "Ce dossier n'existe pas ou vous n'y avez pas accès." : described.text}
        technical={described.technical}
        back={{ to: '/', label: 'Retour au tableau de bord' }}
      />
    );
  }
  if (!file) {
    return <p aria-live="polite">Chargement du dossier…</p>;
  }

  const currentLabel = stateLabel(workflow, file.state);
  const { dialogFor } = transitions;
  return (
    <>
      <FileHeader file={file} cqpmTitle={titleOf(cqpms, file.cqpm)} stateLabel={currentLabel} />

      <div aria-live="polite">
        <NoticeLine notice={notice} testId="file-notice" />
      </div>

      <div className="file-layout">
        <div className="file-main">
          <FileIdentitySection
            file={file}
            cqpmTitle={titleOf(cqpms, file.cqpm)}
            stateLabel={currentLabel}
            correction={correctionModeOf(user, file)}
            correcting={correcting}
            onCorrect={() => {
              setNotice(null);
              setCorrecting(true);
            }}
            onCorrected={(updated) => void corrected(updated)}
            onStale={(error) => void correctionStale(error)}
            onCancel={() => setCorrecting(false)}
          />

          <ReferentialMoveSection
            file={file}
            role={user?.role}
            onMoved={(text) => {
              setNotice({ kind: 'success', text });
              void reload();
            }}
          />

          <FileDecisionsSection fileId={file.id} fileState={file.state} revision={revisions.file} />

          <VaeAdmissibilitySection file={file} revision={revisions.admissibility} onDecided={() => void reload()} />

          <CarryOverSection file={file} onChanged={() => void reload()} />

          <FileActionsPanel
            transitions={file.available_transitions}
            firing={transitions.firing}
            dialogOpen={dialogFor !== null}
            onTransition={transitions.choose}
          />

          <ModalityPlanSection
            file={file}
            onSaved={async () => {
              setNotice(null);
              await reload();
            }}
          />

          <TransferSection key={file.id} file={file} revision={revisions.transfers} />

          <DeadlineSection file={file} />

          {user && (
            <FileCollaboration
              file={file}
              user={user}
              workflow={workflow}
              revisions={revisions}
              onChanged={() => void fileApi.getFile(file.id).then(setFile, () => undefined)}
            />
          )}

          {user && printsArchive(user.role) && <FileAsOfSection key={file.id} file={file} />}

          <FileHistory fileId={file.id} events={events} workflow={workflow} streamStatus={streamStatus} />
        </div>

        <FileSidePanel workflow={workflow} state={file.state} events={events} />
      </div>

      {dialogFor && (
        <TransitionDialog
          transition={dialogFor}
          busy={transitions.firing !== null}
          error={transitions.dialogError}
          onCancel={transitions.closeDialog}
          onConfirm={(answers) => void transitions.fire(dialogFor, answers)}
        />
      )}
    </>
  );
}
