import { useState, type FormEvent } from 'react';
import { JURY_FIELD_MESSAGES } from '../jury';
import { type ErrorDescription, reportError } from '../../../shared/errors/errors';
import { candidateName } from '../../../shared/format/format';
import type { FileSummary } from '../../files/fileTypes';

/** The coordinator puts a file ready for the jury before this session. */
export function JuryAddFileForm({
  files,
  cqpmTitle,
  onAdd,
}: {
  /** The centre's files in ready_for_jury, not yet in this session. */
  files: FileSummary[];
  cqpmTitle: (id: string) => string;
  onAdd: (fileId: string) => Promise<void>;
}) {
  const [fileId, setFileId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorDescription | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!fileId) return;
    setBusy(true);
    setError(null);
    try {
      await onAdd(fileId);
      setFileId('');
    } catch (err) {
      setError(reportError(err, { fields: JURY_FIELD_MESSAGES }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="jury-add-file" onSubmit={submit} aria-labelledby="jury-add-file-title" data-testid="jury-add-file-form">
      <h3 id="jury-add-file-title">Présenter un dossier</h3>
      {error && (
        <p role="alert" className="alert alert--error" data-technical={error.technical ?? undefined}>
          {error.text}
        </p>
      )}
      {files.length === 0 ? (
        <p className="muted">Aucun dossier du centre n'est « Prêt pour le jury ».</p>
      ) : (
        <div className="filters">
          <div className="field field--grow">
            <label htmlFor="jury-add-file">Dossier prêt pour le jury</label>
            <select id="jury-add-file" value={fileId} onChange={(e) => setFileId(e.target.value)} data-testid="jury-add-file">
              <option value="">Choisir un dossier…</option>
              {files.map((f) => (
                <option key={f.id} value={f.id}>
                  {candidateName(f.candidate)} — {cqpmTitle(f.cqpm)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" disabled={busy || !fileId} data-testid="jury-add-file-submit">
            {busy ? 'Ajout…' : 'Ajouter à la session'}
          </button>
        </div>
      )}
    </form>
  );
}
