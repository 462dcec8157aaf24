import { BIRTH_PLACE_LABEL, BIRTH_PLACE_NOTE, BIRTH_PLACE_PLACEHOLDER } from '../candidate';
import { FIELD_IDS, errorIdOf, type FieldName, type Values } from '../newFileForm';
import { NewFileFieldError } from './NewFileFieldError';

/** « Candidat » in the new-file form: first and last name, e-mail, date and place of birth. */
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
        <div className="field">
          <label htmlFor={FIELD_IDS['candidate.given_name']}>Prénom</label>
          <input
            id={FIELD_IDS['candidate.given_name']}
            value={values.given_name}
            onChange={(e) => set('given_name', e.target.value)}
            autoComplete="off"
            aria-invalid={!!errors['candidate.given_name']}
            aria-describedby={errorIdOf(errors, 'candidate.given_name')}
            required
          />
          <NewFileFieldError field="candidate.given_name" errors={errors} details={errorDetails} />
        </div>
        <div className="field">
          <label htmlFor={FIELD_IDS['candidate.family_name']}>Nom</label>
          <input
            id={FIELD_IDS['candidate.family_name']}
            value={values.family_name}
            onChange={(e) => set('family_name', e.target.value)}
            autoComplete="off"
            aria-invalid={!!errors['candidate.family_name']}
            aria-describedby={errorIdOf(errors, 'candidate.family_name')}
            required
          />
          <NewFileFieldError field="candidate.family_name" errors={errors} details={errorDetails} />
        </div>
        <div className="field">
          <label htmlFor={FIELD_IDS['candidate.email']}>Adresse e-mail</label>
          <input
            id={FIELD_IDS['candidate.email']}
            type="email"
            value={values.email}
            onChange={(e) => set('email', e.target.value)}
            autoComplete="off"
            aria-invalid={!!errors['candidate.email']}
            aria-describedby={errorIdOf(errors, 'candidate.email')}
            required
          />
          <NewFileFieldError field="candidate.email" errors={errors} details={errorDetails} />
        </div>
        <div className="field">
          <label htmlFor={FIELD_IDS['candidate.birth_date']}>Date de naissance</label>
          <input
            id={FIELD_IDS['candidate.birth_date']}
            type="date"
            value={values.birth_date}
            onChange={(e) => set('birth_date', e.target.value)}
            max={new Date().toISOString().slice(0, 10)}
            aria-invalid={!!errors['candidate.birth_date']}
            aria-describedby={errorIdOf(errors, 'candidate.birth_date')}
            required
          />
          <NewFileFieldError field="candidate.birth_date" errors={errors} details={errorDetails} />
        </div>
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
      </div>
    </fieldset>
  );
}
