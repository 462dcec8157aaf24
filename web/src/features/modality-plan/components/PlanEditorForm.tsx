import type { FormEvent } from 'react';
import { emptyEntry, type CommonEntryValues, type EntryDraft, type PlanDraft, type PlanErrors } from '../modalityPlan';
import type { ModalityPlanView } from '../modalityPlanTypes';
import { CommonValues } from './CommonValues';
import { EntryEditor } from './EntryEditor';

/** A sentence above or below the plan: its outcome, or why it was not saved. */
export type Notice = { kind: 'success' | 'error'; text: string; technical?: string | null } | null;

/** Why the plan was not saved (or did not load again), above the table or under the editor. */
export function PlanFormError({ error }: { error: Notice }) {
  if (!error) return null;
  return (
    <p role="alert" className="alert alert--error" data-testid="plan-form-error" data-technical={error.technical ?? undefined}>
      {error.text}
    </p>
  );
}

/**
 * The editor of the modality plan (the centre's coordinator, while the file is
 * registered): values common to every competency, then each competency's entry.
 * The section holds the draft and saves it.
 */
export function PlanEditorForm({
  view,
  cqpm,
  draft,
  errors,
  formError,
  busy,
  onSubmit,
  onCancel,
  onApplyToAll,
  onEntry,
}: {
  view: ModalityPlanView;
  cqpm: string;
  draft: PlanDraft;
  errors: PlanErrors;
  formError: Notice;
  busy: boolean;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
  onApplyToAll: (common: CommonEntryValues) => void;
  onEntry: (competency: number, entry: EntryDraft) => void;
}) {
  return (
    <form onSubmit={onSubmit} noValidate data-testid="plan-editor" aria-labelledby="plan-editor-title">
      <h3 id="plan-editor-title" tabIndex={-1} className="plan-editor__title">
        {view.plan ? "Modifier le plan d'évaluation" : "Établir le plan d'évaluation"}
      </h3>
      <p className="muted field__note">
        Pour chaque compétence : la modalité prévue par le référentiel, la date, le lieu et au moins un évaluateur du
        centre.
      </p>
      <CommonValues view={view} disabled={busy} onApply={onApplyToAll} />
      {view.competencies.map((c) => (
        <EntryEditor
          key={c.number}
          view={view}
          cqpm={cqpm}
          competency={c}
          entry={draft[c.number] ?? emptyEntry()}
          errors={errors[c.number] ?? {}}
          disabled={busy}
          onChange={(entry) => onEntry(c.number, entry)}
        />
      ))}
      <PlanFormError error={formError} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="plan-save">
          {busy ? 'Enregistrement…' : "Enregistrer le plan d'évaluation"}
        </button>
        {view.plan && (
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Annuler
          </button>
        )}
      </div>
    </form>
  );
}
