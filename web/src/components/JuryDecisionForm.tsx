import { useState, type FormEvent } from 'react';
import { JURY_FIELD_MESSAGES, reportActionError } from '../actionErrors';
import type { ErrorDescription } from '../errors';
import {
  OUTCOMES,
  awardableBlocs,
  blocLabel,
  decisionRequest,
  departsFromProposal,
  draftFromProposal,
  outcomeLabel,
  validateDecision,
  type DecisionDraft,
} from '../jury';
import type { DecisionRequest, JuryBloc, JuryProposal } from '../juryTypes';

/**
 * The jury's decision on one file: confirm the proposal, or depart from it
 * with a written reason; the blocs awarded are checked for an attestation.
 */
export function JuryDecisionForm({
  fileId,
  proposal,
  blocs,
  onDecide,
}: {
  fileId: string;
  proposal: JuryProposal | null;
  /** The blocs of the file's pinned referential (empty while they load). */
  blocs: JuryBloc[];
  onDecide: (decision: DecisionRequest) => Promise<void>;
}) {
  const [draft, setDraft] = useState<DecisionDraft>(() => draftFromProposal(proposal));
  const [errors, setErrors] = useState<Partial<Record<'blocs' | 'reason', string>>>({});
  const [serverError, setServerError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);
  const departs = departsFromProposal(proposal, draft);
  const choices = awardableBlocs(proposal, blocs);
  const prefix = `decision-${fileId}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateDecision(proposal, draft);
    setErrors(found);
    setServerError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onDecide(decisionRequest(draft));
    } catch (err) {
      const described = reportActionError(err, JURY_FIELD_MESSAGES);
      if (described.field === 'reason') setErrors({ reason: described.text });
      else if (described.field?.startsWith('blocs')) setErrors({ blocs: described.text });
      else setServerError(described);
    } finally {
      setBusy(false);
    }
  }

  function toggleBloc(index: number, checked: boolean) {
    setDraft((d) => ({ ...d, blocs: checked ? [...d.blocs, index] : d.blocs.filter((i) => i !== index) }));
  }

  return (
    <form className="jury-decision-form" onSubmit={submit} noValidate data-testid="decision-form">
      {serverError && (
        <p role="alert" className="alert alert--error" title={serverError.technical ?? undefined}>
          {serverError.text}
        </p>
      )}
      <fieldset className="fieldset">
        <legend>Décision du jury</legend>
        {OUTCOMES.map((o) => (
          <label key={o} className="checkbox">
            <input
              type="radio"
              name={`${prefix}-outcome`}
              value={o}
              checked={draft.outcome === o}
              onChange={() => setDraft((d) => ({ ...d, outcome: o }))}
              data-testid={`decision-outcome-${o}`}
            />{' '}
            {outcomeLabel(o)}
            {proposal?.outcome === o ? ' (proposé)' : ''}
          </label>
        ))}
      </fieldset>
      {draft.outcome === 'blocs_awarded' && (
        <fieldset className="fieldset" aria-describedby={errors.blocs ? `${prefix}-blocs-error` : undefined}>
          <legend>Blocs de compétences validés</legend>
          {choices.length === 0 && <p className="muted">Chargement des blocs du référentiel…</p>}
          {choices.map((b) => (
            <label key={b.index} className="checkbox">
              <input
                type="checkbox"
                checked={draft.blocs.includes(b.index)}
                onChange={(e) => toggleBloc(b.index, e.target.checked)}
                data-testid={`decision-bloc-${b.index}`}
              />{' '}
              {blocLabel(b)}
            </label>
          ))}
          {errors.blocs && (
            <p id={`${prefix}-blocs-error`} className="field__error" role="alert">
              {errors.blocs}
            </p>
          )}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={`${prefix}-reason`}>
          Motif {departs ? '(obligatoire : la décision s’écarte de la proposition)' : '(facultatif)'}
        </label>
        <textarea
          id={`${prefix}-reason`}
          rows={3}
          maxLength={4000}
          value={draft.reason}
          onChange={(e) => setDraft((d) => ({ ...d, reason: e.target.value }))}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${prefix}-reason-error` : undefined}
          required={departs}
          data-testid="decision-reason"
        />
        {errors.reason && (
          <p id={`${prefix}-reason-error`} className="field__error" data-testid="decision-reason-error">
            {errors.reason}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="decision-submit">
          {busy ? 'Enregistrement…' : departs ? 'Enregistrer la décision motivée' : 'Confirmer la proposition'}
        </button>
      </div>
    </form>
  );
}
