import { IDENTITY_LABELS, RNCP_LEVELS, type IdentityKey } from '../certificationIdentity';
import { IDENTITY_FIELD, RNCP_FIELD, identityField, identityInputs, setIdentityInput } from '../identityEdit';
import type { Referential } from '../referentialTypes';
import { FieldError } from './ProposalFormParts';
import { inputId, type Errors } from '../proposalFields';

/** « Identité de la certification »: the CQPM number, the RNCP fiche, whether the CQPM is registered at the RNCP. */
export function IdentityEditor({
  draft,
  original,
  errors,
  onChange,
}: {
  draft: Referential;
  original: Referential;
  errors: Errors;
  onChange: (next: Referential) => void;
}) {
  const inputs = identityInputs(draft);
  const before = identityInputs(original);
  const props = (key: IdentityKey, hint?: boolean) => {
    const field = identityField(key);
    const id = inputId(field);
    const described = [errors[field] ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
    return {
      id,
      value: inputs[key],
      onChange: (e: { target: { value: string } }) => onChange(setIdentityInput(draft, key, e.target.value)),
      'aria-invalid': errors[field] ? true : undefined,
      'aria-describedby': described || undefined,
      'data-field': field,
      'data-changed': inputs[key] !== before[key] || undefined,
    };
  };
  return (
    <section
      id={inputId(IDENTITY_FIELD)}
      tabIndex={-1}
      className="panel"
      aria-labelledby="edit-identity"
      data-testid="edit-identity"
    >
      <h2 id="edit-identity">Identité de la certification</h2>
      <p className="muted field__note">
        Laissez vide ce qui n’est pas connu : la page du référentiel l’affiche « non renseigné ». Un jury n’attribue des
        blocs de compétences que si la version du référentiel du dossier indique « Inscrit au RNCP : oui ». Le code RNCP
        de chaque bloc se saisit avec le bloc, plus bas.
      </p>
      <FieldError field={IDENTITY_FIELD} errors={errors} />
      <div className="form-grid">
        <div className="field">
          <label htmlFor={inputId(identityField('cqpm_number'))}>{IDENTITY_LABELS.cqpm_number}</label>
          <input
            {...props('cqpm_number', true)}
            placeholder="MQ 2015 06 69 0334"
            autoComplete="off"
            spellCheck={false}
            maxLength={60}
            data-testid="edit-cqpm-number"
          />
          <p id={`${inputId(identityField('cqpm_number'))}-hint`} className="muted field__note">
            Tel qu’imprimé sur le document officiel (60 caractères au plus).
          </p>
          <FieldError field={identityField('cqpm_number')} errors={errors} />
        </div>
      </div>
      <fieldset id={inputId(RNCP_FIELD)} tabIndex={-1} className="fieldset" data-testid="edit-rncp">
        <legend>Fiche RNCP</legend>
        <FieldError field={RNCP_FIELD} errors={errors} />
        <div className="form-grid">
          <div className="field">
            <label htmlFor={inputId(identityField('number'))}>Numéro de la fiche</label>
            <input
              {...props('number', true)}
              placeholder="RNCP37854"
              autoComplete="off"
              spellCheck={false}
              maxLength={12}
              data-testid="edit-rncp-number"
            />
            <p id={`${inputId(identityField('number'))}-hint`} className="muted field__note">
              RNCP suivi de 4 à 6 chiffres.
            </p>
            <FieldError field={identityField('number')} errors={errors} />
          </div>
          <div className="field">
            <label htmlFor={inputId(identityField('level'))}>{IDENTITY_LABELS.level}</label>
            <select {...props('level')} data-testid="edit-rncp-level">
              <option value="">non renseigné</option>
              {RNCP_LEVELS.map((level) => (
                <option key={level} value={String(level)}>
                  Niveau {level}
                </option>
              ))}
            </select>
            <FieldError field={identityField('level')} errors={errors} />
          </div>
          <div className="field">
            <label htmlFor={inputId(identityField('registration_start'))}>{IDENTITY_LABELS.registration_start}</label>
            <input type="date" {...props('registration_start')} data-testid="edit-rncp-start" />
            <FieldError field={identityField('registration_start')} errors={errors} />
          </div>
          <div className="field">
            <label htmlFor={inputId(identityField('registration_end'))}>{IDENTITY_LABELS.registration_end}</label>
            <input type="date" {...props('registration_end')} data-testid="edit-rncp-end" />
            <FieldError field={identityField('registration_end')} errors={errors} />
          </div>
          <div className="field">
            <label htmlFor={inputId(identityField('registered'))}>{IDENTITY_LABELS.registered}</label>
            <select {...props('registered', true)} data-testid="edit-rncp-registered">
              <option value="">non renseigné</option>
              <option value="true">oui</option>
              <option value="false">non</option>
            </select>
            <p id={`${inputId(identityField('registered'))}-hint`} className="muted field__note">
              « oui » seulement : les jurys peuvent attribuer des blocs de compétences.
            </p>
            <FieldError field={identityField('registered')} errors={errors} />
          </div>
        </div>
      </fieldset>
    </section>
  );
}
