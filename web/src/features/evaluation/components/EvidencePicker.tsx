import type { FileDocument } from '../../documents/documentTypes';
import { documentName, kindLabel } from '../../documents/documents';

export function EvidencePicker({
  id,
  documents,
  selected,
  disabled,
  onChange,
}: {
  id: string;
  documents: readonly FileDocument[];
  selected: readonly string[];
  disabled: boolean;
  onChange: (ids: string[]) => void;
}) {
  return (
    <fieldset className="fieldset grid-evidence" data-testid="grid-evidence">
      <legend>Preuves citées</legend>
      {documents.length === 0 ? (
        <p className="muted field__note">Aucun document déposé pour ce dossier.</p>
      ) : (
        <div className="choice-group__options">
          {documents.map((d) => (
            <label key={d.id} className="check" htmlFor={`${id}-${d.id}`}>
              <input
                id={`${id}-${d.id}`}
                type="checkbox"
                checked={selected.includes(d.id)}
                disabled={disabled}
                onChange={(e) => onChange(e.target.checked ? [...selected, d.id] : selected.filter((x) => x !== d.id))}
              />
              {documentName(d)} ({kindLabel(d.kind).toLowerCase()})
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
