import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { blocLabel, formatSessionDate, JURY_FIELD_MESSAGES } from '../jury';
import { type ErrorDescription, reportError } from '../../../shared/errors/errors';
import {
  blocLookup,
  blocsAwardable,
  decisionErrorsFromServer,
  decisionReasonRequired,
  decisionRequest,
  departures,
  deriveOutcome,
  derivedOutcomeLabel,
  groupByBloc,
  hasDecisionErrors,
  initialValidation,
  isJudged,
  noBlocsNote,
  outcomeDepartsFromProposal,
  targetedBlocsNote,
  validateValidation,
  type DecisionErrors,
  type VerdictDraft,
} from '../juryValidation';
import type { DecisionRequest, JuryBloc, JuryProposal, ProposalCompetency } from '../juryTypes';
import { DecisionCompetencyRow } from './DecisionCompetencyRow';
import { without } from '../../../shared/records';

const NO_ERRORS: DecisionErrors = { competencies: {} };

/**
 * The jury's decision on one file: it validates each competency, starting from
 * the commission's signed result (a verdict that departs from it needs its
 * reason); the outcome follows from the validation and shows live. The
 * decision's own reason is asked only when that outcome departs from the
 * proposal while no competency departs from the commission.
 */
export function JuryDecisionForm({
  fileId,
  proposal,
  blocs,
  onDecide,
}: {
  fileId: string;
  proposal: JuryProposal | null;
  /** The blocs of the file's pinned referential (empty while they load: the proposal's serve meanwhile). */
  blocs: JuryBloc[];
  onDecide: (decision: DecisionRequest) => Promise<void>;
}) {
  const competencies = useMemo<ProposalCompetency[]>(() => proposal?.competencies ?? [], [proposal]);
  const [draft, setDraft] = useState<Record<string, VerdictDraft>>(() => initialValidation(competencies));
  const [reason, setReason] = useState('');
  const [serverAskedReason, setServerAskedReason] = useState(false);
  const [errors, setErrors] = useState<DecisionErrors>(NO_ERRORS);
  const [serverError, setServerError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const prefix = `decision-${fileId}`;

  const lookup = useMemo(() => blocLookup(blocs, proposal), [blocs, proposal]);
  const groups = useMemo(
    () => groupByBloc(competencies, lookup, proposal?.carried_over ?? []),
    [competencies, lookup, proposal],
  );
  const awardable = blocsAwardable(proposal);
  const noBlocs = noBlocsNote(proposal);
  const targetedNote = targetedBlocsNote(proposal, lookup);
  const derived = deriveOutcome(competencies, draft, awardable);
  const departing = departures(competencies, draft).length > 0;
  const differs = outcomeDepartsFromProposal(proposal, derived);
  const reasonShown = decisionReasonRequired(proposal, competencies, draft) || serverAskedReason;
  const canDecide = competencies.length > 0;

  // After a refused submit, bring the first field at fault into view.
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  function setVerdict(number: string, change: Partial<VerdictDraft>) {
    setDraft((d) => ({ ...d, [number]: { validated: d[number]?.validated ?? false, reason: d[number]?.reason ?? '', ...change } }));
    setErrors((e) => (number in e.competencies ? { ...e, competencies: without(e.competencies, number) } : e));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!canDecide) return;
    const shownReason = reasonShown ? reason : null;
    const found = validateValidation(competencies, draft, shownReason);
    setErrors(found);
    setServerError(null);
    if (hasDecisionErrors(found)) {
      setAttempt((n) => n + 1);
      return;
    }
    const body = decisionRequest(competencies, draft, shownReason);
    setBusy(true);
    try {
      await onDecide(body);
    } catch (err) {
      const mapped = decisionErrorsFromServer(err, body);
      const shown = new Set(competencies.filter(isJudged).map((c) => c.number));
      if (mapped && Object.keys(mapped.errors.competencies).every((n) => shown.has(n))) {
        reportError(err, { fields: JURY_FIELD_MESSAGES });
        setErrors(mapped.errors);
        if (mapped.askReason) setServerAskedReason(true);
        setAttempt((n) => n + 1);
      } else {
        setServerError(reportError(err, { fields: JURY_FIELD_MESSAGES }));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="jury-decision-form" onSubmit={submit} noValidate data-testid="decision-form">
      {serverError && (
        <p role="alert" className="alert alert--error" data-technical={serverError.technical ?? undefined}>
          {serverError.text}
        </p>
      )}
      <h4>Validation du jury, compétence par compétence</h4>
      {noBlocs && (
        <p className="alert alert--info" data-testid="decision-no-blocs">
          {noBlocs} Le CQPM n’est délivré que si toutes les compétences sont validées.
        </p>
      )}
      {targetedNote && (
        <p className="alert alert--info" data-testid="decision-targeted-blocs">
          {targetedNote}
        </p>
      )}
      {!canDecide && (
        <p className="alert alert--error" data-testid="decision-unavailable">
          Les compétences du référentiel n'ont pas pu être chargées : la décision ne peut pas être préparée. Rechargez la
          page, ou prévenez l'administrateur.
        </p>
      )}
      {groups.map((g) => (
        <fieldset key={g.bloc.index} className="fieldset jury-validation" data-testid="decision-bloc" data-bloc-index={g.bloc.index}>
          <legend>{blocLabel(g.bloc)}</legend>
          {g.carried && (
            <p className="muted">
              Bloc déjà obtenu le {formatSessionDate(g.carried.decided_at.slice(0, 10))} : ses compétences ne sont pas
              jugées à nouveau.
            </p>
          )}
          <ul className="jury-validation__list">
            {g.competencies.map((c) => (
              <DecisionCompetencyRow
                key={c.number}
                idPrefix={prefix}
                competency={c}
                draft={draft}
                error={errors.competencies[c.number]}
                onVerdict={(change) => setVerdict(c.number, change)}
              />
            ))}
          </ul>
        </fieldset>
      ))}
      {canDecide && (
        <p
          className="jury-validation__derived"
          aria-live="polite"
          data-testid="decision-derived-outcome"
          data-outcome={derived.outcome}
          data-blocs-awardable={awardable}
        >
          Résultat : <strong>{derivedOutcomeLabel(derived, lookup)}</strong>
          <span className="muted">
            {differs ? ' — s’écarte de la proposition issue de la grille' : ' — conforme à la proposition'}
          </span>
        </p>
      )}
      {reasonShown && (
        <div className="field">
          <label htmlFor={`${prefix}-reason`}>Motif de la décision (obligatoire : le résultat s’écarte de la proposition)</label>
          <textarea
            id={`${prefix}-reason`}
            rows={3}
            maxLength={4000}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setErrors((er) => (er.reason ? { competencies: er.competencies } : er));
            }}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={errors.reason ? `${prefix}-reason-error` : undefined}
            required
            data-testid="decision-reason"
          />
          {errors.reason && (
            <p id={`${prefix}-reason-error`} className="field__error" data-testid="decision-reason-error">
              {errors.reason}
            </p>
          )}
        </div>
      )}
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || !canDecide}
          data-testid="decision-submit"
        >
          {busy ? 'Enregistrement…' : differs || departing ? 'Enregistrer la décision' : 'Confirmer la proposition'}
        </button>
      </div>
    </form>
  );
}
