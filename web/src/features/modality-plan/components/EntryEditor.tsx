import { Link } from 'react-router-dom';
import {
  allowedModalities,
  isExceptional,
  planFieldsOf,
  planInputId,
  type EntryDraft,
  type EntryKey,
} from '../modalityPlan';
import { blocCodeLabel, competencyLink } from '../../referentials/referential';
import type { ModalityPlanView, PlanCompetency } from '../modalityPlanTypes';
import { PlanFieldInput } from './PlanFieldInput';

/** The editor of one competency's entry. */
export function EntryEditor({
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
