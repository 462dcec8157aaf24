import { useCallback, useEffect, useMemo, useState } from 'react';
import { NoticeLine, type Notice as NoticeValue } from '../../../shared/ui/NoticeLine';
import { Link, useParams } from 'react-router-dom';
import { ApiError, isAbort } from '../../../shared/api/client';
import { fileApi } from '../fileApi';
import { ActivityFeed, LiveStatus } from '../components/ActivityFeed';
import { CarryOverSection } from '../components/CarryOverSection';
import { CorrectionForm } from '../components/CorrectionForm';
import { DeadlineSection } from '../components/DeadlineSection';
import { FileBlocScope } from '../components/FileBlocScope';
import { FileDecisionsSection } from '../../juries/components/FileDecisionsSection';
import { FileCollaboration } from '../components/FileCollaboration';
import { ModalityPlanSection } from '../../modality-plan/components/ModalityPlanSection';
import { RegistrationAnswers } from '../components/RegistrationAnswers';
import { StateBadge } from '../components/StateBadge';
import { Timeline } from '../components/Timeline';
import { TransferSection } from '../components/TransferSection';
import { TransitionDialog, type TransitionAnswers } from '../components/TransitionDialog';
import { VaeAdmissibilitySection } from '../components/VaeAdmissibilitySection';
import { WorkflowDiagram } from '../components/WorkflowDiagram';
import { birthFacts } from '../candidate';
import { canCorrectFile } from '../correction';
import { describeError, reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { candidateName, formatDateTime } from '../../../shared/format/format';
import { titleOf, useCqpms } from '../../referentials/cqpmCatalog';
import { pathwayLabel } from '../../../shared/format/labels';
import { historyLinks } from '../../referentials/referentialHistory';
import { isStateEvent } from '../fileSections';
import { INITIAL_REVISIONS, bump, lastSeq, mergeEvents, sectionsFor, type Revisions } from '../liveUpdates';
import { useSession, useWorkflow } from '../../../app/session';
import { useFileStream } from '../useFileStream';
import type { AvailableTransition, CandidateFile, FileEvent } from '../fileTypes';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { buildPayload, needsInput, stateLabel } from '../workflow';

type Notice = NoticeValue | null;

export function FilePage() {
  const { id = '' } = useParams();
  const workflow = useWorkflow();
  const { cqpms } = useCqpms();
  const [file, setFile] = useState<CandidateFile | null>(null);
  const [events, setEvents] = useState<FileEvent[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | Error | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [firing, setFiring] = useState<string | null>(null);
  const [dialogFor, setDialogFor] = useState<AvailableTransition | null>(null);
  const [dialogError, setDialogError] = useState<ErrorDescription | null>(null);
  const { user } = useSession();
  const [revisions, setRevisions] = useState<Revisions>(INITIAL_REVISIONS);
  const [correcting, setCorrecting] = useState(false);

  usePageTitle(file ? `Dossier de ${candidateName(file.candidate)}` : 'Dossier');

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const [f, ev] = await Promise.all([fileApi.getFile(id, signal), fileApi.fileEvents(id, signal)]);
        setFile(f);
        setEvents(ev.items);
        setLoadError(null);
      } catch (err) {
        if (isAbort(err)) return;
        reportError(err, { operation: 'load' });
        setLoadError(err instanceof Error ? err : new Error(String(err)));
      }
    },
    [id],
  );

  useEffect(() => {
    const controller = new AbortController();
    setFile(null);
    setEvents(null);
    setNotice(null);
    setCorrecting(false);
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  // Live: each event of the stream reloads what it changed (other people's work shows within a second).
  const streamStatus = useFileStream(id, events === null ? undefined : lastSeq(events), (event) => {
    setEvents((list) => mergeEvents(list, event));
    const sections = sectionsFor(event);
    setRevisions((r) => bump(r, sections));
    if (sections.includes('file')) {
      fileApi.getFile(id).then(setFile, (err: unknown) => reportError(err, { operation: 'load' }));
    }
  });

  const visited = useMemo(() => {
    const set = new Set<string>();
    for (const e of events ?? []) {
      if (e.from) set.add(e.from);
      set.add(e.to);
    }
    return set;
  }, [events]);

  async function fire(transition: AvailableTransition, answers: TransitionAnswers = {}) {
    if (!file) return;
    setFiring(transition.id);
    setNotice(null);
    setDialogError(null);
    try {
      const updated = await fileApi.fireTransition(file.id, transition.id, file.version, buildPayload(transition, answers));
      setFile(updated);
      setDialogFor(null);
      const ev = await fileApi.fileEvents(file.id);
      setEvents(ev.items);
      setNotice({
        kind: 'success',
        text: `« ${transition.label} » effectué : le dossier est maintenant « ${stateLabel(workflow, updated.state)} ».`,
      });
    } catch (err) {
      const described = reportError(err, { operation: 'transition', pathway: file.pathway });
      if (err instanceof ApiError && (err.code === 'version_conflict' || err.code === 'invalid_state')) {
        // The page is stale: say so, close the dialog and show the file as it is now.
        setDialogFor(null);
        setNotice({ kind: 'error', text: described.text, technical: described.technical });
        await reload();
      } else if (dialogFor && err instanceof ApiError && err.status !== 401) {
        setDialogError(described);
      } else {
        setNotice({ kind: 'error', text: described.text, technical: described.technical });
      }
    } finally {
      setFiring(null);
    }
  }

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

  function onTransitionClick(t: AvailableTransition) {
    if (needsInput(t)) {
      setDialogError(null);
      setDialogFor(t);
    } else {
      void fire(t);
    }
  }

  if (loadError && !file) {
    const notFound = loadError instanceof ApiError && (loadError.status === 404 || loadError.status === 403);
    const described = describeError(loadError, { operation: 'load' });
    return (
      <section>
        <h1>{notFound ? 'Dossier introuvable' : 'Dossier indisponible'}</h1>
        <p role="alert" className="alert alert--error" title={described.technical ?? undefined}>
          {notFound ? "Ce dossier n'existe pas ou vous n'y avez pas accès." : described.text}
        </p>
        <p>
          <Link to="/">Retour au tableau de bord</Link>
        </p>
      </section>
    );
  }
  if (!file) {
    return <p aria-live="polite">Chargement du dossier…</p>;
  }

  const currentLabel = stateLabel(workflow, file.state);
  const birth = birthFacts(file.candidate);
  const mayCorrect = canCorrectFile(user, file);
  return (
    <>
      <nav aria-label="Fil d'Ariane" className="breadcrumb">
        <Link to="/">Tableau de bord</Link> <span aria-hidden="true">›</span> <span aria-current="page">Dossier</span>
      </nav>
      <div className="page-title">
        <div>
          <h1 data-testid="file-title">{candidateName(file.candidate)}</h1>
          <p className="subtitle">
            {titleOf(cqpms, file.cqpm)} ·{' '}
            <Link to={`/cqpm/${encodeURIComponent(file.cqpm)}`} data-testid="file-cqpm-link">
              Voir le référentiel
            </Link>
          </p>
          <FileBlocScope file={file} />
          <p className="subtitle" data-testid="file-referential">
            {file.referential ? (
              <>
                Référentiel :{' '}
                <Link
                  to={historyLinks.version(file.cqpm, file.referential.version)}
                  data-testid="file-referential-link"
                  title={`Le dossier est évalué selon la version ${file.referential.version} du référentiel, en vigueur à son inscription.`}
                >
                  version {file.referential.version}
                </Link>
              </>
            ) : (
              <span className="muted">Référentiel : la version en vigueur sera retenue à l'inscription</span>
            )}
          </p>
        </div>
        <div className="page-title__state">
          <span data-testid="file-state" data-state={file.state}>
            <StateBadge state={file.state} label={currentLabel} />
          </span>
          <span className="muted" data-testid="file-version">
            Version {file.version}
          </span>
        </div>
      </div>

      <div aria-live="polite">
        <NoticeLine notice={notice} testId="file-notice" />
      </div>

      <div className="file-layout">
        <div className="file-main">
          <section className="panel" aria-labelledby="identity-title">
            <h2 id="identity-title">Dossier</h2>
            <dl className="facts">
              <div>
                <dt>Prénom</dt>
                <dd>{file.candidate.given_name}</dd>
              </div>
              <div>
                <dt>Nom</dt>
                <dd>{file.candidate.family_name}</dd>
              </div>
              <div>
                <dt>Adresse e-mail</dt>
                <dd>
                  <a href={`mailto:${file.candidate.email}`}>{file.candidate.email}</a>
                </dd>
              </div>
              <div>
                <dt>Naissance</dt>
                <dd data-testid="file-birth">
                  {birth.date}
                  {birth.place && (
                    <>
                      {' à '}
                      <span data-testid="file-birth-place">{birth.place}</span>
                    </>
                  )}
                </dd>
              </div>
              <div>
                <dt>CQPM</dt>
                <dd>
                  <Link to={`/cqpm/${encodeURIComponent(file.cqpm)}`}>{titleOf(cqpms, file.cqpm)}</Link>
                </dd>
              </div>
              <div>
                <dt>Référentiel</dt>
                <dd>
                  {file.referential ? (
                    <Link to={historyLinks.version(file.cqpm, file.referential.version)}>
                      Version {file.referential.version}
                    </Link>
                  ) : (
                    'Fixé à l’inscription'
                  )}
                </dd>
              </div>
              <div>
                <dt>Parcours</dt>
                <dd>{pathwayLabel(file.pathway)}</dd>
              </div>
              <div>
                <dt>État</dt>
                <dd>{currentLabel}</dd>
              </div>
              <div>
                <dt>Version</dt>
                <dd>{file.version}</dd>
              </div>
              <div>
                <dt>Centre</dt>
                <dd data-testid="file-centre">{file.centre.name}</dd>
              </div>
              <div>
                <dt>Entreprise</dt>
                <dd>{file.company?.name ?? (file.pathway === 'vae' ? 'Sans objet (VAE)' : 'Aucune')}</dd>
              </div>
              <div>
                <dt>Créé le</dt>
                <dd>{formatDateTime(file.created_at)}</dd>
              </div>
              <div>
                <dt>Mis à jour le</dt>
                <dd>{formatDateTime(file.updated_at)}</dd>
              </div>
            </dl>
            <RegistrationAnswers cqpm={file.cqpm} values={file.registration} />
            {mayCorrect && !correcting && (
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setNotice(null);
                    setCorrecting(true);
                  }}
                  data-testid="correction-open"
                >
                  Corriger le dossier
                </button>
              </div>
            )}
            {mayCorrect && correcting && (
              <CorrectionForm
                file={file}
                onCorrected={(updated) => void corrected(updated)}
                onStale={(error) => void correctionStale(error)}
                onCancel={() => setCorrecting(false)}
              />
            )}
          </section>

          <FileDecisionsSection fileId={file.id} fileState={file.state} revision={revisions.file} />

          <VaeAdmissibilitySection file={file} revision={revisions.admissibility} onDecided={() => void reload()} />

          <CarryOverSection file={file} onChanged={() => void reload()} />

          <section className="panel" aria-labelledby="actions-title">
            <h2 id="actions-title">Actions</h2>
            {file.available_transitions.length === 0 ? (
              <p className="muted">Aucune action possible pour vous dans cet état.</p>
            ) : (
              <div className="actions" data-testid="transitions">
                {file.available_transitions.map((t) => (
                  <button
                    key={t.id}
                    type="button"
                    className={`button ${t.id === 'withdraw' || t.id === 'refuse_certification' ? 'button--danger' : 'button--primary'}`}
                    onClick={() => onTransitionClick(t)}
                    disabled={firing !== null}
                    data-testid={`transition-${t.id}`}
                    data-transition={t.id}
                    data-to={t.to}
                    aria-haspopup={needsInput(t) ? 'dialog' : undefined}
                  >
                    {firing === t.id && !dialogFor ? 'Envoi…' : t.label}
                    {needsInput(t) ? '…' : ''}
                  </button>
                ))}
              </div>
            )}
          </section>

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

          <section className="panel" aria-labelledby="timeline-title">
            <h2 id="timeline-title">Historique</h2>
            {events ? (
              <Timeline events={events.filter((e) => isStateEvent(e, workflow?.transitions ?? []))} workflow={workflow} />
            ) : (
              <p>Chargement…</p>
            )}
          </section>
        </div>

        <aside className="file-side panel" aria-labelledby="workflow-title">
          <h2 id="workflow-title">Circuit du dossier</h2>
          {workflow ? (
            <WorkflowDiagram workflow={workflow} current={file.state} visited={visited} />
          ) : (
            <p className="muted">Chargement du circuit…</p>
          )}
          <h2 id="activity-title" className="section-title">
            Activité
          </h2>
          <LiveStatus status={streamStatus} />
          {events ? <ActivityFeed events={events} workflow={workflow} /> : <p>Chargement…</p>}
        </aside>
      </div>

      {dialogFor && (
        <TransitionDialog
          transition={dialogFor}
          busy={firing !== null}
          error={dialogError}
          onCancel={() => setDialogFor(null)}
          onConfirm={(answers) => void fire(dialogFor, answers)}
        />
      )}
    </>
  );
}
