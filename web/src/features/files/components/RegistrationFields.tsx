import { legacyTextsOf } from '../credentials';
import { draftRows, draftText, registrationInputId, type RegistrationDraft, type RegistrationDraftValue } from '../registration';
import type { RegistrationField } from '../../referentials/referentialTypes';
import { CredentialListInput } from './CredentialListInput';
import { FieldError } from '../../../shared/ui/FieldError';
import { TextListInput } from '../../../shared/ui/TextListInput';

/**
 * The inputs of a CQPM's own registration fields (a choice, a list of texts,
 * a list of credentials), for the new-file form and the correction form.
 * `errors` are keyed by field id, or "<id>[i].<part>" for a credential's row
 * (validateRegistration(), registrationErrorKey()); `idPrefix` and
 * `testIdPrefix` tell the two forms' inputs apart. `original`: the answers a
 * corrected file holds (plain texts of an earlier file show as they are).
 */
export function RegistrationFields({
  fields,
  draft,
  onChange,
  errors,
  errorDetails = {},
  original = null,
  idPrefix = 'nf-reg',
  testIdPrefix = '',
}: {
  fields: readonly RegistrationField[];
  draft: RegistrationDraft;
  onChange: (fieldId: string, value: RegistrationDraftValue) => void;
  errors: Readonly<Record<string, string>>;
  errorDetails?: Readonly<Record<string, string>>;
  original?: Readonly<Record<string, unknown>> | null;
  idPrefix?: string;
  testIdPrefix?: string;
}) {
  function input(field: RegistrationField) {
    const id = registrationInputId(field.id, idPrefix);
    const error = errors[field.id];
    const describedBy = [field.help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
    const marker = field.required ? <span aria-hidden="true"> *</span> : <span className="muted"> (facultatif)</span>;
    const credentials = field.type === 'credential_list';
    return (
      <div className="field field--wide" key={field.id} data-testid={`${testIdPrefix}registration-${field.id}`}>
        {credentials ? (
          <span className="field__label" id={`${id}-label`}>
            {field.label}
            {marker}
          </span>
        ) : (
          <label htmlFor={id}>
            {field.label}
            {marker}
          </label>
        )}
        {field.help && (
          <p id={`${id}-help`} className="muted field__note">
            {field.help}
          </p>
        )}
        {credentials ? (
          <CredentialListInput
            field={field}
            id={id}
            labelId={`${id}-label`}
            describedBy={describedBy}
            rows={draftRows(draft, field.id)}
            onChange={(rows) => onChange(field.id, rows)}
            errors={errors}
            errorDetails={errorDetails}
            legacy={legacyTextsOf(original?.[field.id])}
            testIdPrefix={testIdPrefix}
          />
        ) : field.type === 'text_list' ? (
          <TextListInput
            id={id}
            value={draftText(draft, field.id)}
            onChange={(v) => onChange(field.id, v)}
            suggestions={field.suggestions}
            invalid={!!error}
            describedBy={describedBy}
          />
        ) : (
          <select
            id={id}
            value={draftText(draft, field.id)}
            onChange={(e) => onChange(field.id, e.target.value)}
            aria-invalid={!!error}
            aria-describedby={describedBy}
            aria-required={field.required ? true : undefined}
          >
            <option value="">— Choisir —</option>
            {(field.choices ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        )}
        <FieldError
          id={`${id}-error`}
          message={error}
          technical={errorDetails[field.id]}
          testId={`${testIdPrefix}error-registration.${field.id}`}
        />
      </div>
    );
  }

  return <div className="form-grid">{fields.map(input)}</div>;
}
