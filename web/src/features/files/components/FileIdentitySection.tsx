import { useState } from 'react';
import type { ErrorDescription } from '../../../shared/errors/errors';
import type { CandidateFile } from '../fileTypes';
import type { CorrectionMode } from '../correction';
import { CorrectionForm } from './CorrectionForm';
import { FileFacts } from './FileFacts';
import { RegistrationAnswers } from './RegistrationAnswers';

/**
 * « Dossier »: the file's facts and registration answers, and for the centre's
 * coordinator « Corriger le dossier » with its form, or on a closed file
 * « Compléter le sexe et le code INSEE » (all a closed file still takes). The
 * page holds whether the form is open (a new file closes it).
 */
export function FileIdentitySection({
  file,
  cqpmTitle,
  stateLabel,
  correction,
  correcting,
  onCorrect,
  onCorrected,
  onStale,
  onCancel,
}: {
  file: CandidateFile;
  cqpmTitle: string;
  stateLabel: string;
  /** What the reader may correct: everything (open file), the civil status (closed file), or nothing (null). */
  correction: CorrectionMode | null;
  correcting: boolean;
  onCorrect: () => void;
  onCorrected: (updated: CandidateFile) => void;
  /** The file changed or closed since the form opened. */
  onStale: (error: ErrorDescription) => void;
  onCancel: () => void;
}) {
  // « Modifier » of the registration answers opens the same form, at those answers.
  const [start, setStart] = useState<'identity' | 'registration'>('identity');
  const open = (at: 'identity' | 'registration') => {
    setStart(at);
    onCorrect();
  };
  return (
    <section className="panel" aria-labelledby="identity-title">
      <h2 id="identity-title">Dossier</h2>
      <FileFacts file={file} cqpmTitle={cqpmTitle} stateLabel={stateLabel} />
      <RegistrationAnswers
        cqpm={file.cqpm}
        values={file.registration}
        onEdit={correction === 'full' && !correcting ? () => open('registration') : undefined}
      />
      {correction && !correcting && (
        <div className="actions">
          <button type="button" className="button" onClick={() => open('identity')} data-testid="correction-open">
            {correction === 'full' ? 'Corriger le dossier' : 'Compléter le sexe et le code INSEE'}
          </button>
        </div>
      )}
      {correction && correcting && (
        <CorrectionForm
          key={correction}
          file={file}
          mode={correction}
          start={start}
          onCorrected={onCorrected}
          onStale={onStale}
          onCancel={onCancel}
        />
      )}
    </section>
  );
}
