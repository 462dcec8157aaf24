import { FIELD_IDS, type FieldName } from '../newFileForm';

/** A new-file field's error sentence, with the server's English message kept in data-technical (for support, never shown nor read aloud). */
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
    <p id={`${FIELD_IDS[field]}-error`} className="field__error" data-testid={`error-${field}`} data-technical={details[field]}>
      {errors[field]}
    </p>
  );
}
