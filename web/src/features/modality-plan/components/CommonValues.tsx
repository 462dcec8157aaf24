import { useState } from 'react';
import type { ModalityPlanView } from '../modalityPlanTypes';

/** Date, place and evaluators set once for every competency. */
export function CommonValues({
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
