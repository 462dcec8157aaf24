import { scopeBlocLabel, toggleIndex, type ScopeChoice, type ScopeDraft } from '../blocScope';
import type { JuryBloc } from '../../juries/juryTypes';
import { FieldError } from '../../../shared/ui/FieldError';
import { blocCheckboxId } from '../newFileForm';

const ERROR_ID = 'nf-blocs-error';

/**
 * The new-file form's choice between the whole CQPM and some of its blocs of
 * competencies (a checkbox per bloc, at least one), with its error.
 */
export function BlocScopeFields({
  blocs,
  draft,
  onChange,
  error,
  technical,
}: {
  blocs: readonly JuryBloc[];
  draft: ScopeDraft;
  onChange: (draft: ScopeDraft) => void;
  error: string | undefined;
  technical?: string;
}) {
  const describedBy = error ? ERROR_ID : undefined;
  const radio = (choice: ScopeChoice, label: string) => (
    <label className="check">
      <input
        type="radio"
        id={`nf-scope-${choice}`}
        name="nf-scope"
        value={choice}
        checked={draft.choice === choice}
        onChange={() => onChange({ ...draft, choice })}
        data-testid={`new-file-scope-${choice}`}
      />
      {label}
    </label>
  );
  return (
    <fieldset className="field--wide fieldset" data-testid="new-file-scope">
      <legend>Inscription</legend>
      <div className="choice-group__options">
        {radio('whole', 'Inscription au CQPM complet')}
        {radio('blocs', 'Inscription à certains blocs de compétences')}
      </div>
      {draft.choice === 'blocs' && (
        <fieldset className="choice-group" aria-invalid={error ? true : undefined} aria-describedby={describedBy}>
          <legend>Blocs de compétences visés</legend>
          <div className="check-list">
            {blocs.map((b) => (
              <label key={b.index} className="checkbox">
                <input
                  type="checkbox"
                  id={blocCheckboxId(b.index)}
                  checked={draft.blocs.includes(b.index)}
                  onChange={(e) => onChange({ ...draft, blocs: toggleIndex(draft.blocs, b.index, e.target.checked) })}
                  aria-describedby={describedBy}
                  data-testid="new-file-bloc"
                  data-bloc-index={b.index}
                />{' '}
                {scopeBlocLabel(b)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <FieldError id={ERROR_ID} message={error} technical={technical} testId="error-blocs" />
    </fieldset>
  );
}
