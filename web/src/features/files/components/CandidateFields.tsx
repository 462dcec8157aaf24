import {
  BIRTH_INSEE_CODE_LABEL,
  BIRTH_INSEE_CODE_NOTE,
  BIRTH_PLACE_LABEL,
  BIRTH_PLACE_NOTE,
  BIRTH_PLACE_PLACEHOLDER,
  SEX_CHOICES,
  SEX_LABEL,
} from '../candidate';
import { FIELD_IDS, errorIdOf, type FieldName, type Values } from '../newFileForm';
import { Options } from '../../../shared/ui/Options';
import { NewFileFieldError } from './NewFileFieldError';

const INSEE_ID = FIELD_IDS['candidate.birth_insee_code'];

/** The candidate's required inputs, in the order of the form. */
const REQUIRED_INPUTS: ReadonlyArray<{
  key: 'given_name' | 'family_name' | 'email' | 'birth_date';
  field: FieldName;
  label: string;
  type?: 'email' | 'date';
}> = [
  { key: 'given_name', field: 'candidate.given_name', label: 'Prénom' },
  { key: 'family_name', field: 'candidate.family_name', label: 'Nom' },
  { key: 'email', field: 'candidate.email', label: 'Adresse e-mail', type: 'email' },
  { key: 'birth_date', field: 'candidate.birth_date', label: 'Date de naissance', type: 'date' },
];

/**
 * « Candidat » in the new-file form: first and last name, e-mail, date and place
 * of birth, and the optional sex and INSEE code of the birth place.
 */
export function CandidateFields({
  values,
  set,
  errors,
  errorDetails,
}: {
  values: Values;
  set: <K extends keyof Values>(key: K, value: Values[K]) => void;
  errors: Partial<Record<FieldName, string>>;
  errorDetails: Partial<Record<FieldName, string>>;
}) {
  return (
    <fieldset className="field--wide fieldset">
      <legend>Candidat</legend>
      <div className="form-grid">
        {REQUIRED_INPUTS.map(({ key, field, label, type }) => (
          <div className="field" key={key}>
            <label htmlFor={FIELD_IDS[field]}>{label}</label>
            <input
              id={FIELD_IDS[field]}
              type={type}
              value={values[key]}
              onChange={(e) => set(key, e.target.value)}
              // A date of birth: not after today; the other inputs: nothing remembered from other candidates.
              {...(type === 'date' ? { max: new Date().toISOString().slice(0, 10) } : { autoComplete: 'off' })}
              aria-invalid={!!errors[field]}
              aria-describedby={errorIdOf(errors, field)}
              required
            />
            <NewFileFieldError field={field} errors={errors} details={errorDetails} />
          </div>
        ))}
        <div className="field">
          <label htmlFor={FIELD_IDS['candidate.birth_place']}>{BIRTH_PLACE_LABEL}</label>
          <input
            id={FIELD_IDS['candidate.birth_place']}
            value={values.birth_place}
            onChange={(e) => set('birth_place', e.target.value)}
            placeholder={BIRTH_PLACE_PLACEHOLDER}
            maxLength={200}
            autoComplete="off"
            aria-invalid={!!errors['candidate.birth_place']}
            aria-describedby={[`${FIELD_IDS['candidate.birth_place']}-note`, errorIdOf(errors, 'candidate.birth_place')]
              .filter(Boolean)
              .join(' ')}
            data-testid="new-file-birth-place"
          />
          <p id={`${FIELD_IDS['candidate.birth_place']}-note`} className="field__note muted">
            {BIRTH_PLACE_NOTE}
          </p>
          <NewFileFieldError field="candidate.birth_place" errors={errors} details={errorDetails} />
        </div>
        <div className="field">
          <label htmlFor={FIELD_IDS['candidate.sex']}>{SEX_LABEL}</label>
          <select
            id={FIELD_IDS['candidate.sex']}
            value={values.sex}
            onChange={(e) => set('sex', e.target.value)}
            aria-invalid={!!errors['candidate.sex']}
            aria-describedby={errorIdOf(errors, 'candidate.sex')}
            data-testid="new-file-sex"
          >
            <Options choices={SEX_CHOICES} />
          </select>
          <NewFileFieldError field="candidate.sex" errors={errors} details={errorDetails} />
        </div>
        <div className="field">
          <label htmlFor={INSEE_ID}>{BIRTH_INSEE_CODE_LABEL}</label>
          <input
            id={INSEE_ID}
            value={values.birth_insee_code}
            onChange={(e) => set('birth_insee_code', e.target.value)}
            maxLength={5}
            size={7}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-invalid={!!errors['candidate.birth_insee_code']}
            aria-describedby={[`${INSEE_ID}-note`, errorIdOf(errors, 'candidate.birth_insee_code')].filter(Boolean).join(' ')}
            data-testid="new-file-birth-insee-code"
          />
          <p id={`${INSEE_ID}-note`} className="field__note muted">
            {BIRTH_INSEE_CODE_NOTE}
          </p>
          <NewFileFieldError field="candidate.birth_insee_code" errors={errors} details={errorDetails} />
        </div>
      </div>
    </fieldset>
  );
}
