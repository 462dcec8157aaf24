import { useState, type FormEvent } from 'react';
import { evaluationApi } from '../../evaluation/evaluationApi';
import { useApiResource } from '../../../shared/hooks/useApiResource';
import { reportError } from '../../../shared/errors/errors';
import { addEachFile, bulkSummary, type BulkOutcome, type PickedFile } from '../bulkJury';

/**
 * The coordinator's other action on the ticked files: form the same evaluation commission for each, one
 * request per file. Safe in bulk because a file whose commission is already formed otherwise is left as it
 * is (the server refuses it, and the summary says so); the file's own page changes a commission.
 */
export function BulkCommissionBar({ picked, onDone }: { picked: readonly PickedFile[]; onDone: () => void }) {
  // The centre's evaluators, as the first ticked file's commission offers them (every file is the centre's).
  const firstId = picked[0]?.id ?? '';
  const { data: commission, error } = useApiResource(
    (signal) => evaluationApi.commission(firstId, signal),
    [firstId],
  );
  const evaluators = commission?.available_evaluators ?? [];
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<BulkOutcome[] | null>(null);

  function toggle(id: string) {
    setChosen((current) => (current.includes(id) ? current.filter((c) => c !== id) : [...current, id]));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen.length === 0 || picked.length === 0) return;
    setBusy(true);
    setOutcomes(null);
    const results = await addEachFile(
      picked,
      (fileId) => evaluationApi.formCommissionIfNone(fileId, chosen),
      (err) => reportError(err, { fields: {} }).text,
    );
    setOutcomes(results);
    setBusy(false);
    onDone();
  }

  const refused = outcomes?.some((o) => o.refusal !== null) ?? false;
  return (
    <form className="bulk-bar" onSubmit={submit} aria-labelledby="bulk-commission-title" data-testid="bulk-commission">
      <h3 id="bulk-commission-title" className="bulk-bar__title">
        Former la commission d'évaluation des dossiers sélectionnés
      </h3>
      {error && (
        <p role="alert" className="alert alert--error">
          {error.text}
        </p>
      )}
      <fieldset className="fieldset">
        <legend>Évaluateurs (dans l'ordre choisi)</legend>
        {!commission && !error && <p className="muted">Chargement des évaluateurs du centre…</p>}
        <div className="choice-group__options">
          {evaluators.map((evaluator) => (
            <label key={evaluator.id} className="check" htmlFor={`bulk-commission-${evaluator.id}`}>
              <input
                id={`bulk-commission-${evaluator.id}`}
                type="checkbox"
                checked={chosen.includes(evaluator.id)}
                disabled={busy}
                onChange={() => toggle(evaluator.id)}
                data-testid="bulk-commission-evaluator"
              />
              {evaluator.display_name}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="field__note">Un dossier dont la commission est déjà formée autrement est laissé tel quel.</p>
      <button
        type="submit"
        className="button"
        disabled={busy || chosen.length === 0 || picked.length === 0}
        data-testid="bulk-commission-submit"
      >
        {busy ? 'Formation…' : 'Former la commission'}
      </button>
      {outcomes && (
        <p
          role={refused ? 'alert' : 'status'}
          className={`alert ${refused ? 'alert--error' : 'alert--success'}`}
          data-testid="bulk-commission-result"
        >
          {bulkSummary(outcomes, ['commission formée', 'commissions formées'])}
        </p>
      )}
    </form>
  );
}
