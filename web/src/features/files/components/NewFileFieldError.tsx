import { FIELD_IDS, type FieldName } from '../newFileForm';

/** A new-file field's error sentence, with the server's English message as its title (for support). */
export function NewFileFieldError({
  field,
  errors,
  details,
}: {
  field: FieldName;
  errors: Partial<Record<FieldName, string>>;
  details: Partial<Record<FieldName, string>>;
}) {
  if (!errors[field]) return null;
  return (
    <p id={`${FIELD_IDS[field]}-error`} className="field__error" data-testid={`error-${field}`} title={details[field]}>
      {errors[field]}
    </p>
  );
}
