import type { ChangeEvent } from 'react';
import { EMPTY_CREDENTIAL, credentialKey, type CredentialPart, type CredentialRow } from '../credentials';
import type { RegistrationField } from '../../referentials/referentialTypes';
import { FieldStateError } from '../../../shared/ui/FieldError';
import { FormField } from '../../../shared/ui/FormParts';

/**
 * A credential_list registration field: one row per habilitation or
 * authorisation (symbol, « Délivrée par », « Valable jusqu'au », « Retirer »)
 * and « Ajouter ». The symbol is picked in the CQPM's list when the field is
 * closed, else typed with the list as suggestions. `errors` are keyed as
 * credentialKey() says; the caller renders the field's label (`labelId`) and
 * its own error. `legacy`: the plain texts an earlier file holds, shown as they
 * are until rows replace them.
 */
export function CredentialListInput({
  field,
  id,
  labelId,
  describedBy,
  rows,
  onChange,
  errors,
  errorDetails = {},
  legacy = [],
  testIdPrefix = '',
}: {
  field: RegistrationField;
  /** The group's id (focused when the field as a whole is at fault); each input's id starts with it. */
  id: string;
  labelId: string;
  describedBy?: string;
  rows: readonly CredentialRow[];
  onChange: (rows: CredentialRow[]) => void;
  errors: Readonly<Record<string, string>>;
  errorDetails?: Readonly<Record<string, string>>;
  legacy?: readonly string[];
  testIdPrefix?: string;
}) {
  const symbols = field.symbols ?? [];
  const focus = (target: string) => requestAnimationFrame(() => document.getElementById(target)?.focus());
  const listId = `${id}-symbols`;
  /** value, onChange and test id of the control that edits a part of a row. */
  const bind = (index: number, part: CredentialPart) => ({
    value: rows[index]![part],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      onChange(rows.map((r, i) => (i === index ? { ...r, [part]: e.target.value } : r))),
    'data-testid': `credential-${part.replace('_', '-')}`,
  });
  const state = (index: number, part?: CredentialPart) => {
    const key = credentialKey(field.id, index, part);
    return {
      id: `${id}-${index}${part ? `-${part}` : ''}`,
      error: errors[key],
      technical: errorDetails[key],
      errorTestId: `${testIdPrefix}error-registration.${key}`,
    };
  };

  return (
    <div role="group" id={id} tabIndex={-1} aria-labelledby={labelId} aria-describedby={describedBy} className="credential-list">
      {legacy.length > 0 && (
        <p className="alert alert--info" data-testid="credential-legacy">
          Saisie d'origine, en texte libre : {legacy.join(', ')}. Indiquez chaque élément ci-dessous : ces lignes
          remplaceront ce texte à l'enregistrement.
        </p>
      )}
      {rows.length === 0 && legacy.length === 0 && <p className="muted field__note">Aucune ligne : « Ajouter » en crée une.</p>}
      {rows.map((row, i) => (
        <fieldset key={i} className="credential-row" data-testid="credential-row" data-index={i}>
          <legend>Ligne {i + 1}</legend>
          <FormField label="Symbole" {...state(i, 'symbol')}>
            {field.closed ? (
              <select {...bind(i, 'symbol')}>
                <option value="">— Choisir —</option>
                {[...symbols, ...(row.symbol && !symbols.includes(row.symbol) ? [row.symbol] : [])].map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            ) : (
              <input {...bind(i, 'symbol')} list={symbols.length > 0 ? listId : undefined} maxLength={40} autoComplete="off" />
            )}
          </FormField>
          <FormField label="Délivrée par" {...state(i, 'issuer')}>
            <input {...bind(i, 'issuer')} maxLength={200} placeholder="Employeur, organisme de formation" />
          </FormField>
          <FormField label="Valable jusqu'au" {...state(i, 'valid_until')}>
            <input type="date" {...bind(i, 'valid_until')} />
          </FormField>
          <button
            type="button"
            className="button credential-row__remove"
            onClick={() => {
              onChange(rows.filter((_, j) => j !== i));
              focus(id);
            }}
            aria-label={`Retirer la ligne ${i + 1}`}
            data-testid="credential-remove"
          >
            Retirer
          </button>
          <FieldStateError field={state(i)} />
        </fieldset>
      ))}
      {!field.closed && symbols.length > 0 && (
        <datalist id={listId}>
          {symbols.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      <button
        type="button"
        className="button"
        onClick={() => {
          onChange([...rows, { ...EMPTY_CREDENTIAL }]);
          focus(state(rows.length, 'symbol').id);
        }}
        aria-label={`Ajouter une ligne : ${field.label}`}
        data-testid="credential-add"
      >
        Ajouter
      </button>
    </div>
  );
}
