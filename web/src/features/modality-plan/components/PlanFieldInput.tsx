import { planInputId, type DetailDraft } from '../modalityPlan';
import type { PlanField } from '../modalityPlanTypes';
import { TextListInput } from '../../../shared/ui/TextListInput';

/** One extra field of the CQPM for a competency (its plugin's plan_fields). */
export function PlanFieldInput({
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
