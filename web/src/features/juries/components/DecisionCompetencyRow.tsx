import { commissionResultLabel, departsFromCommission, isTargeted, modalityNote, type VerdictDraft } from '../juryValidation';
import type { ProposalCompetency } from '../juryTypes';

/**
 * One competency in the jury's decision form: the commission's result, the
 * jury's verdict (read-only for a bloc already held or not targeted), the
 * planned modality, and the reason a verdict departing from the commission needs.
 */
export function DecisionCompetencyRow({
  idPrefix,
  competency: c,
  draft,
  error,
  onVerdict,
}: {
  idPrefix: string;
  competency: ProposalCompetency;
  /** The jury's verdicts by competency number. */
  draft: Record<string, VerdictDraft>;
  error: string | undefined;
  onVerdict: (change: Partial<VerdictDraft>) => void;
}) {
  const id = `${idPrefix}-c${c.number}`;
  const verdict = draft[c.number];
  const departs = departsFromCommission(c, draft);
  const modality = modalityNote(c);
  const targeted = isTargeted(c);
  return (
    <li
      className={`jury-validation__row${targeted || c.carried_over ? '' : ' jury-validation__row--not-targeted'}`}
      data-testid="decision-competency"
      data-number={c.number}
      data-departs={departs}
      data-carried={c.carried_over}
      data-targeted={targeted}
    >
      <div className="jury-validation__line">
        <span id={`${id}-title`} className="jury-validation__title">
          <strong>Compétence {c.number}</strong> — {c.title}
        </span>
        {(targeted || c.carried_over) && (
          <span className="muted jury-validation__commission" data-testid="decision-competency-commission">
            Commission : {commissionResultLabel(c.commission_result)}
          </span>
        )}
        {c.carried_over ? (
          <span className="badge" data-testid="decision-competency-carried">
            Bloc déjà obtenu
          </span>
        ) : !targeted ? (
          <span className="muted" data-testid="jury-competency-not-targeted">
            Bloc non visé par l'inscription
          </span>
        ) : (
          <label className="checkbox jury-validation__check">
            <input
              type="checkbox"
              checked={verdict?.validated ?? c.validated}
              onChange={(e) => onVerdict({ validated: e.target.checked })}
              aria-describedby={`${id}-title`}
              data-testid="decision-competency-validated"
            />{' '}
            Validée par le jury
          </label>
        )}
      </div>
      {modality && (
        <div className="jury-validation__modality">
          <p className="muted" data-testid="jury-competency-modality">
            {modality.evaluatedIn}
          </p>
          {modality.justification && (
            <p className="alert alert--info" data-testid="jury-competency-justification">
              {modality.justification}
            </p>
          )}
        </div>
      )}
      {departs && (
        <div className="field jury-validation__reason">
          <label htmlFor={`${id}-reason`}>Motif (écart avec la commission)</label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            maxLength={2000}
            value={verdict?.reason ?? ''}
            onChange={(e) => onVerdict({ reason: e.target.value })}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            data-testid="decision-competency-reason"
          />
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert" data-testid="decision-competency-error">
          {error}
        </p>
      )}
    </li>
  );
}
