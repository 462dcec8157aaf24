import { CRITERIA_GROUPS } from '../referential';
import { competencyField, setCompetencyTitle } from '../referentialEdit';
import type { Referential } from '../referentialTypes';
import { inputId, rowsFor, type Errors } from '../proposalFields';
import { FieldError, ListEditor } from './ProposalFormParts';

/** One competency in the proposal editor, folded: its title, conditions, criteria by group and expected results. */
export function CompetencyEditor({
  bloc,
  index,
  draft,
  original,
  errors,
  onChange,
}: {
  /** The indexes of its bloc and of the competency in it. */
  bloc: number;
  index: number;
  draft: Referential;
  original: Referential;
  errors: Errors;
  onChange: (next: Referential) => void;
}) {
  const competency = draft.blocs[bloc]!.competencies[index]!;
  const field = `${competencyField(bloc, index)}.title`;
  // What every list editor of the competency shares.
  const lists = { draft, original, errors, onChange };
  return (
    <details
      className="propose-details propose-competency"
      data-testid="edit-competency"
      data-number={competency.number}
    >
      <summary>
        Compétence {competency.number} — {competency.title}
      </summary>
      <div className="field">
        <label htmlFor={inputId(field)}>Intitulé de la compétence {competency.number}</label>
        <textarea
          id={inputId(field)}
          rows={rowsFor(competency.title)}
          value={competency.title}
          onChange={(e) => onChange(setCompetencyTitle(draft, bloc, index, e.target.value))}
          aria-invalid={errors[field] ? true : undefined}
        />
        <FieldError field={field} errors={errors} />
      </div>
      <ListEditor
        label="Conditions de réalisation"
        itemLabel="Condition"
        listRef={{ bloc, competency: index, list: 'conditions' }}
        {...lists}
      />
      {CRITERIA_GROUPS.map((group) => (
        <ListEditor
          key={group.key}
          label={`Critères : ${group.heading}`}
          itemLabel="Critère"
          listRef={{ bloc, competency: index, list: group.key }}
          {...lists}
        />
      ))}
      <ListEditor
        label="Résultats attendus"
        itemLabel="Résultat attendu"
        listRef={{ bloc, competency: index, list: 'expected_results' }}
        {...lists}
      />
    </details>
  );
}
