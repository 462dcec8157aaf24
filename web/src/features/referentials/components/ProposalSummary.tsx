import { draftActionLabel, type DraftChange } from '../referentialEdit';
import type { Errors } from '../proposalFields';
import { FieldError } from './ProposalFormParts';

/**
 * « Votre proposition », beside the editor: the changes so far (each a link to
 * its input), the reason, « Envoyer la proposition » and « Tout annuler ».
 */
export function ProposalSummary({
  changes,
  reason,
  errors,
  busy,
  onReason,
  onShow,
  onReset,
}: {
  changes: DraftChange[];
  reason: string;
  errors: Errors;
  busy: boolean;
  onReason: (text: string) => void;
  /** Brings the input of a server field into view. */
  onShow: (field: string) => void;
  /** Back to the version in force. */
  onReset: () => void;
}) {
  const reasonInvalid = Boolean(errors.reason);
  return (
    <section className="panel propose-submit" aria-labelledby="propose-summary-title">
      <h2 id="propose-summary-title">Votre proposition</h2>
      {changes.length === 0 ? (
        <p className="muted" data-testid="draft-changes" data-count={0}>
          Aucune modification pour l’instant.
        </p>
      ) : (
        <ul className="draft-changes" data-testid="draft-changes" data-count={changes.length}>
          {changes.map((change) => (
            <li key={change.field}>
              <button type="button" className="button--link" onClick={() => onShow(change.field)}>
                {change.where}
              </button>
              {' : '}
              {draftActionLabel(change)}
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor="f-reason">Motif de la modification</label>
        <textarea
          id="f-reason"
          rows={4}
          value={reason}
          onChange={(e) => onReason(e.target.value)}
          maxLength={4000}
          required
          aria-invalid={reasonInvalid ? true : undefined}
          aria-describedby={reasonInvalid ? 'f-reason-error' : undefined}
          data-testid="propose-reason"
        />
        <FieldError field="reason" errors={errors} />
      </div>
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || changes.length === 0}
          data-testid="propose-submit"
        >
          {busy ? 'Envoi…' : 'Envoyer la proposition'}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || changes.length === 0}
          onClick={onReset}
        >
          Tout annuler
        </button>
      </div>
      <p className="muted field__note">
        Le document entier est envoyé ; le GTP voit ensuite les changements élément par élément.
      </p>
    </section>
  );
}
