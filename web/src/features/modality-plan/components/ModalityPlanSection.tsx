import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/client';
import { modalityPlanApi } from '../modalityPlanApi';
import { reportError } from '../../../shared/errors/errors';
import {
  applyToAll,
  competencyList,
  buildPlanRequest,
  draftFromView,
  planErrorTarget,
  planInputId,
  sentValues,
  validatePlan,
  type EntryDraft,
  type EntryKey,
  type PlanDraft,
  type PlanErrors,
} from '../modalityPlan';
import type { CandidateFile } from '../../files/fileTypes';
import type { ModalityPlanView } from '../modalityPlanTypes';
import { useApiResource } from '../../../shared/hooks/useApiResource';
import { without } from '../../../shared/records';
import { PlanTable } from './PlanTable';
import { PlanEditorForm, PlanFormError, type Notice } from './PlanEditorForm';


function focusEntry(competency: number, key: EntryKey) {
  requestAnimationFrame(() => {
    const el = document.getElementById(planInputId(competency, key)) ?? document.getElementById(planInputId(competency, 'entry'));
    el?.focus();
  });
}

/**
 * The evaluation modality plan of a file: a table for everyone, an editor for
 * the centre's coordinator while the file is registered. After a save the
 * page reloads the file (its version changed), so "Valider les modalités
 * d'évaluation" can be fired.
 */
export function ModalityPlanSection({ file, onSaved }: { file: CandidateFile; onSaved: () => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<PlanDraft>({});
  const [errors, setErrors] = useState<PlanErrors>({});
  const [formError, setFormError] = useState<Notice>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const {
    data: view,
    setData: setView,
    error: loadError,
  } = useApiResource<ModalityPlanView>((signal) => modalityPlanApi.modalityPlan(file.id, signal), [file.id, file.version], {
    context: { operation: 'load' },
    clearOnChange: false,
    onLoad: (v) => {
      if (!v.editable) {
        setEditing(false);
        setNotice(null);
      } else if (!v.plan) setEditing(true);
      // While editing, what was typed stays; competencies new to the plan (a carry-over withdrawn) start afresh.
      if (!editing || !v.editable) setDraft(draftFromView(v));
      else setDraft((d) => ({ ...draftFromView(v), ...d }));
    },
  });

  function startEditing() {
    if (!view) return;
    setDraft(draftFromView(view));
    setErrors({});
    setFormError(null);
    setNotice(null);
    setEditing(true);
    requestAnimationFrame(() => document.getElementById('plan-editor-title')?.focus());
  }

  function cancel() {
    if (!view) return;
    setDraft(draftFromView(view));
    setErrors({});
    setFormError(null);
    setEditing(!view.plan);
  }

  function setEntry(competency: number, entry: EntryDraft) {
    setDraft((d) => ({ ...d, [competency]: entry }));
    if (errors[competency]) setErrors((e) => without(e, competency));
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!view) return;
    setNotice(null);
    setFormError(null);
    const found = validatePlan(view, draft);
    setErrors(found);
    const invalid = view.competencies.map((c) => c.number).filter((n) => found[n]);
    if (invalid.length > 0) {
      setFormError({ kind: 'error', text: `Le plan n'est pas complet : vérifiez ${competencyList(invalid)}.` });
      const first = invalid[0]!;
      const firstKey = Object.keys(found[first] ?? {})[0] ?? 'entry';
      focusEntry(first, firstKey);
      return;
    }
    const request = buildPlanRequest(view, draft);
    setBusy(true);
    try {
      const updated = await modalityPlanApi.saveModalityPlan(file.id, request);
      setView(updated);
      setDraft(draftFromView(updated));
      setEditing(false);
      setNotice({
        kind: 'success',
        text:
          updated.state === 'registered'
            ? "Plan d'évaluation enregistré. Vous pouvez maintenant valider les modalités d'évaluation (section Actions)."
            : "Plan d'évaluation enregistré.",
      });
      await onSaved();
    } catch (err) {
      const described = reportError(err, { operation: 'plan', pathway: file.pathway, values: sentValues(request) });
      if (err instanceof ApiError && (err.code === 'version_conflict' || err.code === 'invalid_state')) {
        // Someone else changed the file: show it as it is now, keep what was typed.
        setFormError({
          kind: 'error',
          text: `${described.text} Vos saisies sont conservées : vérifiez-les puis enregistrez à nouveau.`,
          technical: described.technical,
        });
        await onSaved();
        return;
      }
      const target = err instanceof ApiError ? planErrorTarget(err.field, err.details, request) : null;
      if (target) {
        setErrors({ [target.competency]: { [target.key]: described.text } });
        setFormError({
          kind: 'error',
          text: `Le plan n'a pas été enregistré : vérifiez la compétence ${target.competency}.`,
          technical: described.technical,
        });
        focusEntry(target.competency, target.key);
      } else {
        setFormError({ kind: 'error', text: described.text, technical: described.technical });
      }
    } finally {
      setBusy(false);
    }
  }

  let body;
  if (loadError && !view) {
    body = (
      <p role="alert" className="alert alert--error" data-technical={loadError.technical ?? undefined}>
        Le plan d'évaluation n'a pas pu être chargé. {loadError.text}
      </p>
    );
  } else if (!view) {
    body = <p aria-live="polite">Chargement du plan d'évaluation…</p>;
  } else if (editing && view.editable) {
    body = (
      <PlanEditorForm
        view={view}
        cqpm={file.cqpm}
        draft={draft}
        errors={errors}
        formError={formError}
        busy={busy}
        onSubmit={save}
        onCancel={cancel}
        onApplyToAll={(common) => {
          setDraft((d) => applyToAll(d, common));
          setErrors({});
        }}
        onEntry={setEntry}
      />
    );
  } else {
    body = (
      <>
        <PlanFormError error={formError} />
        {view.plan ? (
          <PlanTable view={view} cqpm={file.cqpm} />
        ) : (
          <p className="muted" data-testid="plan-empty">
            {view.state === 'draft'
              ? "Le plan d'évaluation s'établit une fois le candidat inscrit."
              : "Aucun plan d'évaluation n'est enregistré pour ce dossier."}
          </p>
        )}
        {view.editable && (
          <div className="actions">
            <button type="button" className="button" onClick={startEditing} data-testid="plan-edit">
              {view.plan ? "Modifier le plan d'évaluation" : "Établir le plan d'évaluation"}
            </button>
          </div>
        )}
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby="plan-title" data-testid="plan-section">
      <h2 id="plan-title">Modalités d'évaluation</h2>
      <div aria-live="polite">
        {notice && (
          <p role="status" className={`alert alert--${notice.kind}`} data-testid="plan-notice">
            {notice.text}
          </p>
        )}
      </div>
      {body}
    </section>
  );
}
