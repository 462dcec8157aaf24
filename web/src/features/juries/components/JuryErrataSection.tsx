import { useState, type FormEvent } from 'react';
import type { ErrorDescription } from '../../../shared/errors/errors';
import { ERRATUM_MAX_LENGTH, erratumDetails, reportClosingError, validateErratum } from '../juryClosing';
import type { JuryErratum } from '../juryTypes';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';

/**
 * The session's errata: once the deliberation opened, its record is not edited
 * any more; the coordinator appends a correction, printed on the minutes.
 */
export function JuryErrataSection({
  errata,
  canAdd,
  onAdd,
}: {
  errata: JuryErratum[];
  canAdd: boolean;
  onAdd: (text: string) => Promise<void>;
}) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);

  if (!canAdd && errata.length === 0) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const invalid = validateErratum(text);
    setLocalError(invalid);
    if (invalid) return;
    setBusy(true);
    try {
      await onAdd(text.trim());
      setText('');
    } catch (err) {
      const described = reportClosingError(err);
      if (described.field === 'text') setLocalError(described.text);
      else setError(described);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="jury-errata-title" data-testid="jury-errata">
      <h2 id="jury-errata-title">Errata</h2>
      {errata.length === 0 ? (
        <p className="muted">Aucun erratum.</p>
      ) : (
        <ol className="texts">
          {errata.map((e, i) => (
            <li key={`${e.recorded_at}-${i}`} data-testid="jury-erratum">
              <span data-testid="jury-erratum-content">{e.text}</span>{' '}
              <span className="muted">— {erratumDetails(e)}</span>
            </li>
          ))}
        </ol>
      )}
      {canAdd && (
        <form className="jury-erratum-form" onSubmit={submit} noValidate data-testid="jury-erratum-form">
          <h3>Ajouter un erratum</h3>
          <ErrorAlert error={error} />
          <div className="field">
            <label htmlFor="jury-erratum-text">Texte de l'erratum</label>
            <textarea
              id="jury-erratum-text"
              rows={3}
              value={text}
              onChange={(e) => setText(e.target.value)}
              maxLength={ERRATUM_MAX_LENGTH}
              required
              aria-invalid={localError ? true : undefined}
              aria-describedby={localError ? 'jury-erratum-error' : 'jury-erratum-note'}
              data-testid="jury-erratum-text"
            />
            <p id="jury-erratum-note" className="field__note">
              Il est inscrit au procès-verbal avec votre nom et l'heure, sans rien effacer.
            </p>
            {localError && (
              <p id="jury-erratum-error" className="field__error" data-testid="jury-erratum-error">
                {localError}
              </p>
            )}
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={busy} data-testid="jury-erratum-submit">
              {busy ? 'Enregistrement…' : 'Ajouter un erratum'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
