import type { OpinionVersion } from '../opinionTypes';
import { OPINION_VALUES, opinionInputId, opinionValueLabel, type OpinionAnswerDraft } from '../companyOpinion';
import { formatDateTime } from '../../../shared/format/format';
import { ScrollBox } from '../../../shared/ui/ScrollBox';

/** The rows of the opinion form for one list (activities or competencies), editable. */
export function OpinionAnswerRows({
  list,
  caption,
  answers,
  disabled,
  errorField,
  onChange,
}: {
  list: 'activities' | 'competencies';
  caption: string;
  answers: OpinionAnswerDraft[];
  disabled: boolean;
  errorField: string | null;
  onChange: (answers: OpinionAnswerDraft[]) => void;
}) {
  const set = (i: number, patch: Partial<OpinionAnswerDraft>) => onChange(answers.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const noun = list === 'activities' ? 'Activité' : 'Compétence';
  return (
    <fieldset className="fieldset opinion-list" data-testid={`opinion-${list}`}>
      <legend>{caption}</legend>
      {answers.map((a, i) => {
        const field = `${list}.${a.key}`;
        const invalid = errorField === field;
        return (
          <div key={a.key} className="opinion-row" data-testid="opinion-row" data-key={field}>
            <p className="opinion-row__title" id={`${opinionInputId(field)}-title`}>
              {noun} {a.key} — {a.title}
            </p>
            <div className="field">
              <label htmlFor={opinionInputId(field)}>Avis</label>
              <select
                id={opinionInputId(field)}
                value={a.value}
                disabled={disabled}
                aria-invalid={invalid || undefined}
                aria-describedby={`${opinionInputId(field)}-title`}
                onChange={(e) => set(i, { value: e.target.value })}
                data-testid="opinion-value"
              >
                <option value="">— Choisir —</option>
                {OPINION_VALUES.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field field--grow">
              <label htmlFor={`${opinionInputId(field)}-comment`}>Commentaire</label>
              <input
                id={`${opinionInputId(field)}-comment`}
                type="text"
                value={a.comment}
                maxLength={2000}
                disabled={disabled}
                aria-describedby={`${opinionInputId(field)}-title`}
                onChange={(e) => set(i, { comment: e.target.value })}
                data-testid="opinion-comment"
              />
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A version of the opinion, read-only (signed versions, or what a reader sees). */
export function OpinionVersionView({ version, testId }: { version: OpinionVersion; testId: string }) {
  return (
    <div className="opinion-version" data-testid={testId} data-version={version.version}>
      <p className="muted">
        Version {version.version}
        {version.signed_by && version.signed_at
          ? ` · signée par ${version.signed_by.display_name} le ${formatDateTime(version.signed_at)}`
          : version.updated_by && version.updated_at
            ? ` · brouillon enregistré par ${version.updated_by.display_name} le ${formatDateTime(version.updated_at)}`
            : ''}
      </p>
      <ScrollBox>
        <table className="files-table opinion-table">
          <thead>
            <tr>
              <th scope="col">Activité ou compétence</th>
              <th scope="col">Avis</th>
              <th scope="col">Commentaire</th>
            </tr>
          </thead>
          <tbody>
            {version.activities.map((a) => (
              <tr key={`a${a.index}`}>
                <th scope="row">
                  Activité {a.index} — {a.title}
                </th>
                <td>{opinionValueLabel(a.value)}</td>
                <td className="pre-wrap">{a.comment}</td>
              </tr>
            ))}
            {version.competencies.map((c) => (
              <tr key={`c${c.number}`} data-testid="opinion-competency-row">
                <th scope="row">
                  Compétence {c.number} — {c.title}
                </th>
                <td>{opinionValueLabel(c.value)}</td>
                <td className="pre-wrap">{c.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {version.text.trim() && (
        <p className="pre-wrap">
          <strong>Appréciation générale :</strong> {version.text}
        </p>
      )}
    </div>
  );
}
