import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isAbort } from '../../../shared/api/client';
import type { ErrorDescription } from '../../../shared/errors/errors';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { fileApi } from '../fileApi';
import {
  AS_OF_INVALID_MESSAGE,
  asOfRefusal,
  askedInstant,
  describeAsOfError,
  earliestLocalValue,
  parisInstant,
  parisLocalValue,
  skippedHourNote,
} from '../fileAsOf';
import type { CandidateFile, FileAsOf } from '../fileTypes';
import { FileAsOfResult } from './FileAsOfResult';

const INPUT_ID = 'file-as-of-at';
const ERROR_ID = 'file-as-of-error';

/**
 * « Le dossier à une date passée »: the centre's coordinator or the GTP's auditor picks a past instant (Paris time)
 * and reads the file exactly as it stood then, read-only. The page shows it only to them (printsArchive).
 */
export function FileAsOfSection({ file }: { file: Pick<CandidateFile, 'id' | 'created_at'> }) {
  // The input's max and first value: now, to the minute, when the section opened (« Afficher » checks the clock again).
  const [now] = useState(() => parisLocalValue(new Date()));
  const [value, setValue] = useState(now);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [result, setResult] = useState<{ asOf: FileAsOf; note: string | null } | null>(null);
  const controller = useRef<AbortController | null>(null);

  // Leaving the page (or another file) drops the call under way.
  useEffect(() => () => controller.current?.abort(), []);

  async function show(event: FormEvent) {
    event.preventDefault();
    const now = new Date();
    const refusal = asOfRefusal(value, now, file.created_at);
    const instant = parisInstant(value);
    if (refusal || !instant) {
      setError({ text: refusal ?? AS_OF_INVALID_MESSAGE, field: 'at', technical: null });
      return;
    }
    controller.current?.abort();
    const call = new AbortController();
    controller.current = call;
    setBusy(true);
    setError(null);
    try {
      const asOf = await fileApi.fileAt(file.id, askedInstant(instant.iso, now), call.signal);
      setResult({ asOf, note: instant.skipped ? skippedHourNote(value, instant.iso) : null });
    } catch (err) {
      if (isAbort(err)) return;
      const described = describeAsOfError(err);
      if (described.technical) console.warn('CQPM Hub:', described.technical);
      setError(described);
    } finally {
      if (controller.current === call) {
        controller.current = null;
        setBusy(false);
      }
    }
  }

  const invalid = error?.field === 'at';
  return (
    <section className="panel" aria-labelledby="file-as-of-title" data-testid="file-as-of">
      <h2 id="file-as-of-title">Le dossier à une date passée</h2>
      <p className="muted">
        Le dossier tel qu'il était à l'instant choisi : état, inscription, commission, grille et signatures, avis de
        l'entreprise, documents, décisions du jury et historique. Lecture seule.
      </p>
      <form onSubmit={(e) => void show(e)} noValidate className="filters">
        <div className="field">
          <label htmlFor={INPUT_ID}>Voir le dossier au</label>
          <input
            id={INPUT_ID}
            type="datetime-local"
            value={value}
            min={earliestLocalValue(file.created_at) || undefined}
            max={now}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? `${INPUT_ID}-note ${ERROR_ID}` : `${INPUT_ID}-note`}
            data-testid="file-as-of-input"
          />
          <p id={`${INPUT_ID}-note`} className="field__note muted">
            Heure de Paris.
          </p>
        </div>
        <button type="submit" className="button button--primary" disabled={busy} data-testid="file-as-of-show">
          {busy ? 'Chargement…' : 'Afficher'}
        </button>
      </form>
      <ErrorAlert error={error} id={ERROR_ID} testId="file-as-of-error" />
      <div aria-live="polite" aria-busy={busy}>
        {result && !error && <FileAsOfResult asOf={result.asOf} note={result.note} />}
      </div>
    </section>
  );
}
