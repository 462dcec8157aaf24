import { useEffect, useState } from 'react';
import { isNotForReader } from '../../../shared/api/client';
import { evaluationApi } from '../evaluationApi';
import { currentOf, describeCollaborationError } from '../../files/collaborationErrors';
import type { FileDocument } from '../../documents/documentTypes';
import type { EvaluationGrid as Grid, GridCompetency } from '../evaluationTypes';
import { loadCqpm } from '../../referentials/cqpmCatalog';
import { reportError } from '../../../shared/errors/errors';
import {
  SIGNATURES_REQUIRED,
  differs,
  evaluatedCount,
  reapply,
  requestOf,
  signableNow,
  type CompetencyDraft,
} from '../evaluationGrid';
import '../../files/collaboration.css';
import { GridCompetencyCard, type CardMessage } from './GridCompetencyCard';
import { useApiResource } from '../../../shared/hooks/useApiResource';
import { without } from '../../../shared/records';

type ByCompetency<T> = Record<number, T>;

/** The modality labels of the file's CQPM, by id (the grid names modalities by id). */
function useModalityLabels(cqpm: string): Map<string, string> {
  const [labels, setLabels] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    loadCqpm(cqpm).then(
      (detail) => live && setLabels(new Map(detail.referential.modalities.map((m) => [m.id, m.label]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [cqpm]);
  return labels;
}

/**
 * The evaluation grid: per competency its criteria, result, observations,
 * evidence and signatures. Evaluators of the commission edit it while the file
 * is under evaluation (each save carries the competency's ETag; a stale one
 * shows the other evaluator's version, never overwrites it); others read it.
 * `revision` changes when the live stream says the grid changed.
 */
export function EvaluationGrid({
  fileId,
  cqpm,
  userId,
  documents,
  revision,
}: {
  fileId: string;
  cqpm: string;
  userId: string;
  documents: readonly FileDocument[];
  revision: number;
}) {
  const [hidden, setHidden] = useState(false);
  const [drafts, setDrafts] = useState<ByCompetency<CompetencyDraft>>({});
  const [conflicts, setConflicts] = useState<ByCompetency<GridCompetency>>({});
  const [messages, setMessages] = useState<ByCompetency<CardMessage>>({});
  const [busy, setBusy] = useState<number | null>(null);
  const [bulk, setBulk] = useState<CardMessage>(null);
  const modalities = useModalityLabels(cqpm);

  const {
    data: grid,
    setData: setGrid,
    error: loadError,
  } = useApiResource<Grid>((signal) => evaluationApi.grid(fileId, signal), [fileId, revision], {
    clearOnChange: false,
    describe: (err) => {
      if (!isNotForReader(err)) return reportError(err, { operation: 'load' });
      setHidden(true); // not for this role: the section stays out of the page
      return null;
    },
  });

  const replace = (competency: GridCompetency) =>
    setGrid((g) => (g ? { ...g, competencies: g.competencies.map((c) => (c.number === competency.number ? competency : c)) } : g));
  const say = (n: number, message: CardMessage) => setMessages((m) => ({ ...m, [n]: message }));

  async function save(n: number, draft: CompetencyDraft) {
    setBusy(n);
    say(n, null);
    try {
      const saved = await evaluationApi.saveCompetency(fileId, n, draft.etag, requestOf(draft));
      replace(saved);
      setDrafts((d) => without(d, n));
      setConflicts((c) => without(c, n));
      say(n, { kind: 'success', text: `Compétence ${n} enregistrée (version ${saved.version}).` });
    } catch (err) {
      const theirs = currentOf<GridCompetency>(err);
      const described = describeCollaborationError(err, 'grid');
      if (theirs) {
        replace(theirs);
        setConflicts((c) => ({ ...c, [n]: theirs }));
        say(n, { kind: 'error', text: described.text, technical: described.technical });
      } else {
        say(n, { kind: 'error', text: described.text, technical: described.technical });
      }
    } finally {
      setBusy(null);
    }
  }

  /** Signs one competency at the version shown (its ETag); says how it went on its card. Returns whether it signed. */
  async function sign(competency: GridCompetency): Promise<boolean> {
    const n = competency.number;
    setBusy(n);
    say(n, null);
    try {
      const signed = await evaluationApi.signCompetency(fileId, n, competency.etag);
      replace(signed);
      say(n, {
        kind: 'success',
        text: signed.evaluated
          ? `Compétence ${n} signée : elle est évaluée.`
          : `Compétence ${n} signée. Il faut ${SIGNATURES_REQUIRED} signatures pour qu'elle soit évaluée.`,
      });
      return true;
    } catch (err) {
      const theirs = currentOf<GridCompetency>(err);
      if (theirs) {
        replace(theirs);
        say(n, { kind: 'error', text: 'Cette compétence a changé depuis votre lecture : relisez-la avant de signer.' });
      } else {
        const described = describeCollaborationError(err, 'sign');
        say(n, { kind: 'error', text: described.text, technical: described.technical });
      }
      return false;
    } finally {
      setBusy(null);
    }
  }

  /** « Signer toutes les compétences relues »: one signature per competency, each at its own version. */
  async function signAll(competencies: GridCompetency[]) {
    setBulk({ kind: 'info', text: `Signature de ${competencies.length} compétences…` });
    let signed = 0;
    for (const c of competencies) if (await sign(c)) signed += 1;
    const failed = competencies.length - signed;
    setBulk(
      failed === 0
        ? { kind: 'success', text: `${signed} compétence${signed > 1 ? 's' : ''} signée${signed > 1 ? 's' : ''}.` }
        : { kind: 'error', text: `${signed} signée${signed > 1 ? 's' : ''}, ${failed} refusée${failed > 1 ? 's' : ''} : voyez les compétences concernées.` },
    );
  }

  if (hidden) return null;
  const evaluated = grid ? evaluatedCount(grid.competencies) : 0;
  const member = grid?.commission.some((m) => m.id === userId) ?? false;
  const signable = grid?.editable && member ? signableNow(grid.competencies, userId, (c) => c.number in drafts) : [];
  return (
    <section className="panel" aria-labelledby="grid-title" data-testid="evaluation-grid" data-editable={grid?.editable ? 'true' : 'false'}>
      <h2 id="grid-title">Grille d'évaluation</h2>
      {loadError && !grid && (
        <p role="alert" className="alert alert--error" data-technical={loadError.technical ?? undefined}>
          {loadError.text}
        </p>
      )}
      {!grid && !loadError && <p aria-live="polite">Chargement de la grille…</p>}
      {grid && (
        <>
          <p className="grid-summary" data-testid="grid-summary">
            {evaluated} compétence{evaluated > 1 ? 's' : ''} évaluée{evaluated > 1 ? 's' : ''} sur {grid.competencies.length} (signées
            par {SIGNATURES_REQUIRED} évaluateurs)
            {grid.referential.version !== null ? ` · référentiel version ${grid.referential.version}` : ''}
            {grid.complete ? ' · grille complète' : ''}
          </p>
          <p className="muted" data-testid="grid-commission">
            Commission :{' '}
            {grid.commission.length === 0 ? 'pas encore désignée' : grid.commission.map((m) => m.display_name).join(', ')}
            {grid.editable ? '' : ' · lecture seule'}
          </p>
          {signable.length > 1 && (
            <div className="actions">
              <button
                type="button"
                className="button button--primary"
                disabled={busy !== null}
                onClick={() => void signAll(signable)}
                data-testid="grid-sign-all"
              >
                Signer toutes les compétences relues ({signable.length})
              </button>
            </div>
          )}
          {bulk && (
            <p role={bulk.kind === 'error' ? 'alert' : 'status'} className={`alert alert--${bulk.kind}`} data-testid="grid-sign-all-notice">
              {bulk.text}
            </p>
          )}
          {grid.competencies.map((c) => (
            <GridCompetencyCard
              key={c.number}
              competency={c}
              draft={drafts[c.number]}
              conflict={conflicts[c.number]}
              documents={documents}
              editable={grid.editable}
              userId={userId}
              modalityLabel={c.modality ? (modalities.get(c.modality) ?? c.modality) : null}
              busy={busy === c.number}
              message={messages[c.number] ?? null}
              actions={{
                onChange: (draft) => {
                  // Back to the saved content: no draft, so live updates show again as they come.
                  setDrafts((d) => (differs(draft, c) ? { ...d, [c.number]: draft } : without(d, c.number)));
                  if (messages[c.number]?.kind === 'success') say(c.number, null);
                },
                onSave: () => {
                  const draft = drafts[c.number];
                  if (draft) void save(c.number, draft);
                },
                onCancel: () => {
                  setDrafts((d) => without(d, c.number));
                  say(c.number, null);
                },
                onSign: () => {
                  setBulk(null);
                  void sign(c);
                },
                onReapply: () => {
                  const draft = drafts[c.number];
                  const theirs = conflicts[c.number];
                  if (!draft || !theirs) return;
                  const rebased = reapply(draft, theirs);
                  setDrafts((d) => ({ ...d, [c.number]: rebased }));
                  void save(c.number, rebased);
                },
                onDiscard: () => {
                  setDrafts((d) => without(d, c.number));
                  setConflicts((x) => without(x, c.number));
                  say(c.number, { kind: 'info', text: 'Vos modifications ont été abandonnées : la version actuelle est affichée.' });
                },
              }}
            />
          ))}
        </>
      )}
    </section>
  );
}
