import { appendLine, parseLines } from '../format/textList';

/**
 * A list of short texts typed one per line, with the CQPM's suggestions as
 * buttons that add a line. The caller renders the label (htmlFor = id).
 */
export function TextListInput({
  id,
  value,
  onChange,
  suggestions = [],
  invalid = false,
  describedBy,
  rows = 3,
  disabled = false,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  suggestions?: readonly string[];
  invalid?: boolean;
  describedBy?: string;
  rows?: number;
  disabled?: boolean;
}) {
  const present = new Set(parseLines(value).map((line) => line.toLocaleLowerCase('fr')));
  const hintId = `${id}-hint`;
  return (
    <>
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid}
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
        disabled={disabled}
        className="text-list"
      />
      <p id={hintId} className="muted field__note">
        Un élément par ligne.
      </p>
      {suggestions.length > 0 && (
        <div className="suggestions" role="group" aria-label="Suggestions">
          {suggestions.map((s) => {
            const added = present.has(s.toLocaleLowerCase('fr'));
            return (
              <button
                key={s}
                type="button"
                className="chip"
                onClick={() => onChange(appendLine(value, s))}
                disabled={added || disabled}
                aria-label={added ? `${s} (déjà ajouté)` : `Ajouter ${s}`}
              >
                {added ? '✓' : '+'} {s}
              </button>
            );
          })}
        </div>
      )}
    </>
  );
}
