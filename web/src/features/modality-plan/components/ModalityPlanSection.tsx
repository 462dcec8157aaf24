import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../shared/api/client';
import { modalityPlanApi } from '../modalityPlanApi';
import { reportError } from '../../../shared/errors/errors';
import { formatCalendarDate } from '../../../shared/format/format';
import {
  allowedModalities,
  applyToAll,
  buildPlanRequest,
  describeDetail,
  draftFromView,
  emptyEntry,
  isExceptional,
  planErrorTarget,
  planFieldsOf,
  planInputId,
  validatePlan,
  type DetailDraft,
  type EntryDraft,
  type EntryKey,
  type PlanDraft,
  type PlanErrors,
} from '../modalityPlan';
import { blocCodeLabel, competencyLink } from '../../referentials/referential';
import type { CandidateFile } from '../../files/fileTypes';
import type { ModalityPlanRequest, ModalityPlanView, PlanCompetency, PlanField } from '../modalityPlanTypes';
import { TextListInput } from '../../../shared/ui/TextListInput';
import { useApiResource } from '../../../shared/hooks/useApiResource';

type Notice = { kind: 'success' | 'error'; text: string; technical?: string | null } | null;

/** The values sent, by API field name, so error sentences can tell "missing" from "too long". */
function sentValues(request: ModalityPlanRequest): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  request.competencies.forEach((entry, i) => {
    values[`competencies[${i}].planned_date`] = entry.planned_date;
    values[`competencies[${i}].place`] = entry.place;
    values[`competencies[${i}].justification`] = entry.justification ?? '';
  });
  return values;
}

function competencyList(numbers: number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  if (sorted.length === 1) return `la compétence ${sorted[0]}`;
  return `les compétences ${sorted.slice(0, -1).join(', ')} et ${sorted[sorted.length - 1]}`;
}

function focusEntry(competency: number, key: EntryKey) {
  requestAnimationFrame(() => {
    const el = document.getElementById(planInputId(competency, key)) ?? document.getElementById(planInputId(competency, 'entry'));
    el?.focus();
  });
}

/** The read-only plan: one row per competency. */
function PlanTable({ view, cqpm }: { view: ModalityPlanView; cqpm: string }) {
  const names = new Map(view.evaluators.map((e) => [e.id, e.display_name]));
  const modalities = new Map(view.modalities.map((m) => [m.id, m]));
  return (
    <div className="table-wrap">
      <table className="files-table plan-table" data-testid="plan-table">
        <caption className="visually-hidden">Plan d'évaluation, une ligne par compétence</caption>
        <thead>
          <tr>
            <th scope="col">Compétence</th>
            <th scope="col">Modalité</th>
            <th scope="col">Date prévue</th>
            <th scope="col">Lieu</th>
            <th scope="col">Évaluateurs</th>
            <th scope="col">Précisions</th>
          </tr>
        </thead>
        <tbody>
          {view.competencies.map((c) => {
            const entry = view.plan?.find((e) => e.competency === c.number);
            const modality = entry ? modalities.get(entry.modality) : undefined;
            const details = planFieldsOf(view, c.number)
              .map((field) => ({ field, text: describeDetail(field, entry?.details?.[field.id]) }))
              .filter((d) => d.text !== null);
            return (
              <tr key={c.number} data-testid="plan-row" data-competency={c.number}>
                <th scope="row" className="plan-table__competency">
                  <Link to={competencyLink(cqpm, c.number)}>
                    {c.number}. {c.title}
                  </Link>
                  <span className="muted plan-table__bloc">{blocCodeLabel(c.bloc_code)}</span>
                </th>
                {entry ? (
                  <>
                    <td data-testid="plan-modality">
                      {modality?.label ?? entry.modality}
                      {modality?.exceptional && <span className="tag">exceptionnelle</span>}
                    </td>
                    <td>{formatCalendarDate(entry.planned_date)}</td>
                    <td>{entry.place}</td>
                    <td>{entry.evaluators.map((id) => names.get(id) ?? id).join(', ')}</td>
                    <td>
                      {entry.justification && (
                        <p className="plan-table__detail">
                          <span className="muted">Justification : </span>
                          {entry.justification}
                        </p>
                      )}
                      {details.map(({ field, text }) => (
                        <p key={field.id} className="plan-table__detail">
                          <span className="muted">{field.label} : </span>
                          {text}
                        </p>
                      ))}
                    </td>
                  </>
                ) : (
                  <td colSpan={5} className="muted">
                    Non planifiée
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** One extra field of the CQPM for a competency (its plugin's plan_fields). */
function PlanFieldInput({
  competency,
  field,
  value,
  error,
  disabled,
  onChange,
}: {
  competency: number;
  field: PlanField;
  value: DetailDraft | undefined;
  error: string | undefined;
  disabled: boolean;
  onChange: (value: DetailDraft) => void;
}) {
  const key = `details.${field.id}`;
  const id = planInputId(competency, key);
  const errorId = `${id}-error`;
  const errorLine = error ? (
    <p id={errorId} className="field__error" data-testid={`plan-error-${competency}-${key}`}>
      {error}
    </p>
  ) : null;
  const testId = `plan-field-${field.id}`;

  if (field.type === 'choices') {
    const selected = Array.isArray(value) ? value : [];
    return (
      <fieldset className="field field--wide choice-group" aria-describedby={error ? errorId : undefined} data-testid={testId}>
        <legend>{field.label}</legend>
        <div className="choice-group__options">
          {(field.choices ?? []).map((choice, i) => (
            <label key={choice.id} className="check">
              <input
                id={i === 0 ? id : `${id}-${i}`}
                type="checkbox"
                checked={selected.includes(choice.id)}
                disabled={disabled}
                aria-invalid={!!error}
                onChange={(e) =>
                  onChange(e.target.checked ? [...selected, choice.id] : selected.filter((s) => s !== choice.id))
                }
              />
              {choice.label}
            </label>
          ))}
        </div>
        {errorLine}
      </fieldset>
    );
  }
  if (field.type === 'boolean') {
    return (
      <div className="field field--wide" data-testid={testId}>
        <label className="check">
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            disabled={disabled}
            aria-invalid={!!error}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => onChange(e.target.checked)}
          />
          {field.label}
        </label>
        {errorLine}
      </div>
    );
  }
  if (field.type === 'text_list') {
    return (
      <div className="field field--wide" data-testid={testId}>
        <label htmlFor={id}>{field.label}</label>
        <TextListInput
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={onChange}
          invalid={!!error}
          describedBy={error ? errorId : undefined}
          disabled={disabled}
        />
        {errorLine}
      </div>
    );
  }
  return (
    <div className="field" data-testid={testId}>
      <label htmlFor={id}>{field.label}</label>
      <select
        id={id}
        value={typeof value === 'string' ? value : ''}
        disabled={disabled}
        aria-invalid={!!error}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">— Choisir —</option>
        {(field.choices ?? []).map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.label}
          </option>
        ))}
      </select>
      {errorLine}
    </div>
  );
}

/** The editor of one competency's entry. */
function EntryEditor({
  view,
  cqpm,
  competency,
  entry,
  errors,
  disabled,
  onChange,
}: {
  view: ModalityPlanView;
  cqpm: string;
  competency: PlanCompetency;
  entry: EntryDraft;
  errors: Record<EntryKey, string>;
  disabled: boolean;
  onChange: (entry: EntryDraft) => void;
}) {
  const n = competency.number;
  const idOf = (key: EntryKey) => planInputId(n, key);
  const errorOf = (key: EntryKey) =>
    errors[key] ? (
      <p id={`${idOf(key)}-error`} className="field__error" data-testid={`plan-error-${n}-${key}`}>
        {errors[key]}
      </p>
    ) : null;
  const described = (key: EntryKey) => (errors[key] ? `${idOf(key)}-error` : undefined);
  const allowed = allowedModalities(view, n);
  const exceptional = isExceptional(view, entry.modality);
  const set = (patch: Partial<EntryDraft>) => onChange({ ...entry, ...patch });

  return (
    <fieldset
      className={`plan-entry${Object.keys(errors).length > 0 ? ' plan-entry--invalid' : ''}`}
      id={idOf('entry')}
      tabIndex={-1}
      data-testid="plan-entry"
      data-competency={n}
      aria-describedby={described('entry')}
    >
      <legend>
        Compétence {n} — {competency.title}
      </legend>
      <p className="muted field__note plan-entry__bloc">
        {blocCodeLabel(competency.bloc_code)} · {competency.bloc_title} ·{' '}
        <Link to={competencyLink(cqpm, n)} target="_blank" rel="noopener">
          Critères dans le référentiel
        </Link>
      </p>
      {errorOf('entry')}
      <div className="form-grid">
        <div className="field field--wide">
          <label htmlFor={idOf('modality')}>Modalité d'évaluation</label>
          <select
            id={idOf('modality')}
            value={entry.modality}
            disabled={disabled}
            aria-invalid={!!errors.modality}
            aria-describedby={described('modality')}
            onChange={(e) => set({ modality: e.target.value })}
          >
            <option value="">— Choisir une modalité —</option>
            {allowed.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
                {m.exceptional ? ' (exceptionnelle)' : ''}
              </option>
            ))}
          </select>
          {errorOf('modality')}
        </div>
        <div className="field">
          <label htmlFor={idOf('planned_date')}>Date prévue</label>
          <input
            id={idOf('planned_date')}
            type="date"
            value={entry.planned_date}
            disabled={disabled}
            aria-invalid={!!errors.planned_date}
            aria-describedby={described('planned_date')}
            onChange={(e) => set({ planned_date: e.target.value })}
          />
          {errorOf('planned_date')}
        </div>
        <div className="field">
          <label htmlFor={idOf('place')}>Lieu</label>
          <input
            id={idOf('place')}
            value={entry.place}
            maxLength={2000}
            disabled={disabled}
            aria-invalid={!!errors.place}
            aria-describedby={described('place')}
            onChange={(e) => set({ place: e.target.value })}
          />
          {errorOf('place')}
        </div>
        <fieldset className="field choice-group" aria-describedby={described('evaluators')} data-testid="plan-evaluators">
          <legend>Évaluateurs</legend>
          {view.evaluators.length === 0 ? (
            <p className="field__error">Le centre n'a aucun évaluateur : créez d'abord un compte d'évaluateur.</p>
          ) : (
            <div className="choice-group__options">
              {view.evaluators.map((evaluator, i) => (
                <label key={evaluator.id} className="check">
                  <input
                    id={i === 0 ? idOf('evaluators') : `${idOf('evaluators')}-${i}`}
                    type="checkbox"
                    checked={entry.evaluators.includes(evaluator.id)}
                    disabled={disabled}
                    aria-invalid={!!errors.evaluators}
                    onChange={(e) =>
                      set({
                        evaluators: e.target.checked
                          ? [...entry.evaluators, evaluator.id]
                          : entry.evaluators.filter((id) => id !== evaluator.id),
                      })
                    }
                  />
                  {evaluator.display_name}
                </label>
              ))}
            </div>
          )}
          {errorOf('evaluators')}
        </fieldset>
        {exceptional && (
          <div className="field field--wide">
            <label htmlFor={idOf('justification')}>Justification de la modalité exceptionnelle</label>
            <textarea
              id={idOf('justification')}
              rows={3}
              value={entry.justification}
              maxLength={2000}
              disabled={disabled}
              aria-invalid={!!errors.justification}
              aria-describedby={[`${idOf('justification')}-hint`, described('justification')].filter(Boolean).join(' ')}
              onChange={(e) => set({ justification: e.target.value })}
            />
            <p id={`${idOf('justification')}-hint`} className="muted field__note">
              Le référentiel n'admet cette modalité qu'à titre exceptionnel : expliquez pourquoi elle est retenue.
            </p>
            {errorOf('justification')}
          </div>
        )}
        {planFieldsOf(view, n).map((field) => (
          <PlanFieldInput
            key={field.id}
            competency={n}
            field={field}
            value={entry.details[field.id]}
            error={errors[`details.${field.id}`]}
            disabled={disabled}
            onChange={(value) => set({ details: { ...entry.details, [field.id]: value } })}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** Date, place and evaluators set once for every competency. */
function CommonValues({
  view,
  disabled,
  onApply,
}: {
  view: ModalityPlanView;
  disabled: boolean;
  onApply: (common: { planned_date: string; place: string; evaluators: string[] }) => void;
}) {
  const [date, setDate] = useState('');
  const [place, setPlace] = useState('');
  const [evaluators, setEvaluators] = useState<string[]>([]);
  const empty = !date && !place.trim() && evaluators.length === 0;
  return (
    <details className="plan-common">
      <summary>Même date, même lieu ou mêmes évaluateurs pour toutes les compétences</summary>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="plan-common-date">Date prévue</label>
          <input id="plan-common-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="plan-common-place">Lieu</label>
          <input id="plan-common-place" value={place} onChange={(e) => setPlace(e.target.value)} />
        </div>
        <fieldset className="field choice-group">
          <legend>Évaluateurs</legend>
          <div className="choice-group__options">
            {view.evaluators.map((evaluator) => (
              <label key={evaluator.id} className="check">
                <input
                  type="checkbox"
                  checked={evaluators.includes(evaluator.id)}
                  onChange={(e) =>
                    setEvaluators((list) =>
                      e.target.checked ? [...list, evaluator.id] : list.filter((id) => id !== evaluator.id),
                    )
                  }
                />
                {evaluator.display_name}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <button
        type="button"
        className="button"
        disabled={disabled || empty}
        onClick={() => onApply({ planned_date: date, place, evaluators })}
      >
        Appliquer à toutes les compétences
      </button>
    </details>
  );
}

/**
 * The evaluation modality plan of a file: a table for everyone, an editor for
 * the centre's coordinator while the file is registered. After a save the
 * page reloads the file (its version changed), so "Valider les modalités
 * d'évaluation" can be fired.
 */
export function ModalityPlanSection({ file, onSaved }: { file: CandidateFile; onSaved: () => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const editingRef = useRef(false);
  editingRef.current = editing;
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
      if (!editingRef.current || !v.editable) setDraft(draftFromView(v));
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
    if (errors[competency]) {
      setErrors((e) => {
        const next = { ...e };
        delete next[competency];
        return next;
      });
    }
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
      <p role="alert" className="alert alert--error" title={loadError.technical ?? undefined}>
        Le plan d'évaluation n'a pas pu être chargé. {loadError.text}
      </p>
    );
  } else if (!view) {
    body = <p aria-live="polite">Chargement du plan d'évaluation…</p>;
  } else if (editing && view.editable) {
    body = (
      <form onSubmit={save} noValidate data-testid="plan-editor" aria-labelledby="plan-editor-title">
        <h3 id="plan-editor-title" tabIndex={-1} className="plan-editor__title">
          {view.plan ? "Modifier le plan d'évaluation" : "Établir le plan d'évaluation"}
        </h3>
        <p className="muted field__note">
          Pour chaque compétence : la modalité prévue par le référentiel, la date, le lieu et au moins un évaluateur du
          centre.
        </p>
        <CommonValues
          view={view}
          disabled={busy}
          onApply={(common) => {
            setDraft((d) => applyToAll(d, common));
            setErrors({});
          }}
        />
        {view.competencies.map((c) => (
          <EntryEditor
            key={c.number}
            view={view}
            cqpm={file.cqpm}
            competency={c}
            entry={draft[c.number] ?? emptyEntry()}
            errors={errors[c.number] ?? {}}
            disabled={busy}
            onChange={(entry) => setEntry(c.number, entry)}
          />
        ))}
        {formError && (
          <p role="alert" className="alert alert--error" data-testid="plan-form-error" title={formError.technical ?? undefined}>
            {formError.text}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="plan-save">
            {busy ? 'Enregistrement…' : "Enregistrer le plan d'évaluation"}
          </button>
          {view.plan && (
            <button type="button" className="button" onClick={cancel} disabled={busy}>
              Annuler
            </button>
          )}
        </div>
      </form>
    );
  } else {
    body = (
      <>
        {formError && (
          <p role="alert" className="alert alert--error" data-testid="plan-form-error" title={formError.technical ?? undefined}>
            {formError.text}
          </p>
        )}
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
