import { useState } from 'react';
import { quorumMessage } from '../jury';
import type { JurySession } from '../juryTypes';
import type { FileSummary } from '../../files/fileTypes';
import { JuryAddFileForm } from './JuryAddFileForm';

/**
 * « Dossiers présentés »: for the coordinator, the opening of the deliberation
 * (with what the quorum misses) while the session is planned, and the files
 * ready for the jury to add; the files themselves follow as cards.
 */
export function JuryFilesPanel({
  session,
  coordinator,
  readyFiles,
  cqpmTitle,
  onOpen,
  onAdd,
}: {
  session: JurySession;
  coordinator: boolean;
  /** Files ready for the jury (those already in the session are left out here). */
  readyFiles: FileSummary[];
  cqpmTitle: (cqpm: string) => string;
  onOpen: () => Promise<void>;
  onAdd: (fileId: string) => Promise<void>;
}) {
  const [opening, setOpening] = useState(false);
  const inSession = new Set(session.files.map((f) => f.id));
  const addable = readyFiles.filter((f) => !inSession.has(f.id));
  const missing = quorumMessage(session.missing_colleges);

  async function open() {
    setOpening(true);
    try {
      await onOpen();
    } finally {
      setOpening(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="jury-files-title">
      <h2 id="jury-files-title">Dossiers présentés</h2>
      {coordinator && session.state === 'planned' && (
        <div className="jury-open">
          {missing && (
            <p className="muted" data-testid="jury-quorum-hint">
              {missing}
            </p>
          )}
          <button
            type="button"
            className="button button--primary"
            onClick={() => void open()}
            disabled={opening}
            data-testid="jury-open"
          >
            {opening ? 'Ouverture…' : 'Ouvrir la délibération'}
          </button>
        </div>
      )}
      {coordinator && <JuryAddFileForm files={addable} cqpmTitle={cqpmTitle} onAdd={onAdd} />}
      {session.files.length === 0 && <p className="muted">Aucun dossier n'est encore inscrit à cette session.</p>}
    </section>
  );
}
