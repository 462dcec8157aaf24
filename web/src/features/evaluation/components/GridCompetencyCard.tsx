import type { FileDocument } from '../../documents/documentTypes';
import type { GridCompetency } from '../evaluationTypes';
import { documentName } from '../../documents/documents';
import {
  RESULTS,
  differs,
  draftOf,
  groupsOf,
  resultLabel,
  signRefusal,
  type CompetencyDraft,
} from '../evaluationGrid';
import { formatDateTime } from '../../../shared/format/format';
import { blocCodeLabel } from '../../referentials/referential';
import { GridConflictPanel } from './GridConflictPanel';
import { Signatures } from './CompetencySignatures';
import { EvidencePicker } from './EvidencePicker';

export type CardMessage = { kind: 'success' | 'error' | 'info'; text: string; technical?: string | null } | null;

export interface CardActions {
  onChange: (draft: CompetencyDraft) => void;
  onSave: () => void;
  onCancel: () => void;
  onSign: () => void;
  onReapply: () => void;
  onDiscard: () => void;
}

/** One competency of the grid: criteria by group, result, observations, evidence, signatures. */
export function GridCompetencyCard({
  competency,
  draft,
  conflict,
  documents,
  editable,
  userId,
  modalityLabel,
  busy,
  message,
  actions,
}: {
  competency: GridCompetency;
  draft: CompetencyDraft | undefined;
  conflict: GridCompetency | undefined;
  documents: readonly FileDocument[];
  editable: boolean;
  userId: string;
  modalityLabel: string | null;
  busy: boolean;
  message: CardMessage;
  actions: CardActions;
}) {
  const n = competency.number;
  const shown = draft ?? draftOf(competency);
  const dirty = !!draft && differs(draft, competency);
  const changedMeanwhile = !!draft && dirty && draft.etag !== competency.etag && !conflict;
  const refusal = signRefusal(competency, userId, dirty);
  const id = (part: string) => `grid-${n}-${part}`;
  const titleId = id('title');
  const set = (patch: Partial<CompetencyDraft>) => actions.onChange({ ...shown, ...patch });

  return (
    <article
      className={`grid-competency${competency.evaluated ? ' grid-competency--evaluated' : ''}`}
      aria-labelledby={titleId}
      data-testid="grid-competency"
      data-competency={n}
      data-evaluated={competency.evaluated ? 'true' : 'false'}
      data-version={competency.version}
    >
      <header className="grid-competency__head">
        <div>
          <p className="grid-competency__bloc">
            <span className={`code${competency.bloc.code ? '' : ' code--missing'}`}>{blocCodeLabel(competency.bloc.code)}</span>{' '}
            {competency.bloc.title}
          </p>
          <h3 id={titleId} className="grid-competency__title">
            Compétence {n} — {competency.title}
          </h3>
          <p className="muted grid-competency__meta">
            Modalité prévue : {modalityLabel ?? 'non précisée'}
            {competency.updated_by && competency.updated_at && (
              <>
                {' '}
                · Dernière modification par {competency.updated_by.display_name}, le {formatDateTime(competency.updated_at)}
              </>
            )}
          </p>
        </div>
        <p className="grid-competency__status">
          {competency.evaluated ? (
            <span className="badge badge--certified" data-testid="competency-evaluated">
              Évaluée
            </span>
          ) : (
            <span className="badge badge--under_evaluation" data-testid="competency-pending">
              {competency.result === 'not_evaluated' ? 'À évaluer' : 'En attente de signatures'}
            </span>
          )}
        </p>
      </header>

      {conflict && draft && (
        <GridConflictPanel
          theirs={conflict}
          mine={draft}
          documents={documents}
          busy={busy}
          onReapply={actions.onReapply}
          onDiscard={actions.onDiscard}
        />
      )}
      {changedMeanwhile && (
        <p className="alert alert--info" role="status" data-testid="grid-changed-meanwhile">
          {competency.updated_by?.display_name ?? 'Un autre évaluateur'} a modifié cette compétence pendant votre saisie : à
          l'enregistrement, vous pourrez comparer les deux versions.
        </p>
      )}

      <div className="field grid-result">
        <label htmlFor={id('result')}>Résultat</label>
        {editable ? (
          <select
            id={id('result')}
            value={shown.result}
            disabled={busy}
            onChange={(e) => set({ result: e.target.value })}
            data-testid="grid-result"
          >
            {RESULTS.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        ) : (
          <output id={id('result')} data-testid="grid-result-value">
            {resultLabel(competency.result)}
          </output>
        )}
      </div>

      {groupsOf(competency).map((g) => (
        <div key={g.key} className="grid-group" data-testid={`grid-group-${g.key}`}>
          <h4>{g.heading}</h4>
          {(competency.criteria[g.key] ?? []).length > 0 && (
            <ul className="grid-criteria">
              {(competency.criteria[g.key] ?? []).map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          )}
          {editable ? (
            <div className="field">
              <label htmlFor={id(`obs-${g.key}`)}>Observations — {g.heading}</label>
              <textarea
                id={id(`obs-${g.key}`)}
                rows={2}
                value={shown.observations[g.key] ?? ''}
                disabled={busy}
                onChange={(e) => set({ observations: { ...shown.observations, [g.key]: e.target.value } })}
                data-testid={`grid-observations-${g.key}`}
              />
            </div>
          ) : (
            <p className="grid-observation pre-wrap" data-testid={`grid-observations-${g.key}`}>
              {competency.observations[g.key]?.trim() ? (
                competency.observations[g.key]
              ) : (
                <span className="muted">Aucune observation.</span>
              )}
            </p>
          )}
        </div>
      ))}

      {editable ? (
        <EvidencePicker
          id={id('evidence')}
          documents={documents}
          selected={shown.evidence}
          disabled={busy}
          onChange={(evidence) => set({ evidence })}
        />
      ) : (
        <p data-testid="grid-evidence">
          <strong>Preuves citées :</strong>{' '}
          {competency.evidence.length === 0
            ? 'aucune'
            : competency.evidence
                .map((e) => documents.find((d) => d.id === e))
                .map((d) => (d ? documentName(d) : 'document'))
                .join(', ')}
        </p>
      )}

      <Signatures competency={competency} />

      {editable && !conflict && (
        <div className="actions">
          <button type="button" className="button button--primary" onClick={actions.onSave} disabled={busy || !dirty} data-testid="grid-save">
            {busy ? 'Enregistrement…' : 'Enregistrer'}
          </button>
          {dirty && (
            <button type="button" className="button" onClick={actions.onCancel} disabled={busy} data-testid="grid-cancel">
              Annuler mes modifications
            </button>
          )}
          <button
            type="button"
            className="button"
            onClick={actions.onSign}
            disabled={busy || refusal !== null}
            title={refusal ?? undefined}
            aria-describedby={refusal ? id('sign-note') : undefined}
            data-testid="grid-sign"
          >
            Signer
          </button>
          {refusal && (
            <span id={id('sign-note')} className="muted field__note grid-sign-note">
              {refusal}
            </span>
          )}
        </div>
      )}
      <div aria-live="polite">
        {message && (
          <p
            role={message.kind === 'error' ? 'alert' : 'status'}
            className={`alert alert--${message.kind}`}
            data-testid="grid-message"
            data-technical={message.technical ?? undefined}
          >
            {message.text}
          </p>
        )}
      </div>
    </article>
  );
}
