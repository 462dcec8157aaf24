// Parts of the proposal editor: a field's error and the editor of one list of
// texts (conditions, criteria, expected results...).

import {
  addListItem,
  getList,
  keepsOneItem,
  listField,
  removeListItem,
  setListItem,
  type TextListRef,
} from '../referentialEdit';
import type { Referential } from '../referentialTypes';
import { inputId, rowsFor, type Errors } from '../proposalFields';

export function FieldError({ field, errors }: { field: string; errors: Errors }) {
  const text = errors[field];
  if (!text) return null;
  return (
    <p id={`${inputId(field)}-error`} className="field__error" data-testid={`error-${field}`}>
      {text}
    </p>
  );
}

/** The items of one list of texts, each editable and removable, and a button to add one. */
export function ListEditor({
  label,
  itemLabel,
  listRef,
  draft,
  original,
  errors,
  onChange,
}: {
  label: string;
  itemLabel: string;
  listRef: TextListRef;
  draft: Referential;
  original: Referential;
  errors: Errors;
  onChange: (next: Referential) => void;
}) {
  const items = getList(draft, listRef);
  const before = getList(original, listRef);
  const listName = listField(listRef);
  return (
    <fieldset className="fieldset list-editor" data-testid="list-editor" data-field={listName}>
      <legend>{label}</legend>
      <FieldError field={listName} errors={errors} />
      {items.length === 0 && <p className="muted">Aucun élément.</p>}
      {items.map((text, i) => {
        const field = listField(listRef, i);
        const id = inputId(field);
        const changed = before[i] !== text;
        return (
          <div key={i} className={`field list-editor__item${changed ? ' list-editor__item--changed' : ''}`}>
            <label htmlFor={id} className="visually-hidden">
              {itemLabel} n° {i + 1}
            </label>
            <div className="list-editor__row">
              <span className="list-editor__number" aria-hidden="true">
                {i + 1}.
              </span>
              <textarea
                id={id}
                rows={rowsFor(text)}
                value={text}
                onChange={(e) => onChange(setListItem(draft, listRef, i, e.target.value))}
                aria-invalid={errors[field] ? true : undefined}
                aria-describedby={errors[field] ? `${id}-error` : undefined}
                data-field={field}
              />
              <button
                type="button"
                className="button"
                onClick={() => onChange(removeListItem(draft, listRef, i))}
                disabled={keepsOneItem(listRef) && items.length <= 1}
                aria-label={`Retirer : ${itemLabel} n° ${i + 1}`}
                title="Retirer cet élément"
              >
                Retirer
              </button>
            </div>
            <FieldError field={field} errors={errors} />
          </div>
        );
      })}
      <button type="button" className="button list-editor__add" onClick={() => onChange(addListItem(draft, listRef))}>
        + Ajouter : {itemLabel.toLowerCase()}
      </button>
    </fieldset>
  );
}
