import { useState, type FormEvent } from 'react';
import { isNotForReader } from '../../../shared/api/client';
import { evaluationApi } from '../evaluationApi';
import { describeCollaborationError } from '../../files/collaborationErrors';
import type { Commission } from '../evaluationTypes';
import { commissionSelection, plannedEvaluators } from '../commission';
import { modalityPlanApi } from '../../modality-plan/modalityPlanApi';
import { reportError } from '../../../shared/errors/errors';
import { useApiResource } from '../../../shared/hooks/useApiResource';

type Notice = { kind: 'success' | 'error'; text: string; technical?: string | null } | null;

/**
 * The evaluation commission of the file: its members for everyone who sees
 * the file; for the centre coordinator, the evaluators of the centre to choose
 * from until the evaluation is over. While it is not formed yet, the
 * evaluators the modality plan names start ticked.
 */
export function CommissionSection({ fileId, revision }: { fileId: string; revision: number }) {
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [hidden, setHidden] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const { data: commission, setData: setCommission } = useApiResource<Commission>(
    (signal) => evaluationApi.commission(fileId, signal),
    [fileId, revision],
    {
      clearOnChange: false,
      onLoad: () => setChosen(null),
      // Not the reader's to see (403, 404): the section stays hidden; another failure is said in the notice.
      describe: (err) => {
        if (isNotForReader(err)) setHidden(true);
        else setNotice({ kind: 'error', ...reportError(err, { operation: 'load' }) });
        return null;
      },
    },
  );

  // The plan is read only to pre-fill a commission the reader forms for the first time.
  const forming = Boolean(commission?.editable && commission.available_evaluators && commission.evaluators.length === 0);
  const { data: plan } = useApiResource((signal) => modalityPlanApi.modalityPlan(fileId, signal), [fileId, forming], {
    enabled: forming,
    // Without the plan, nothing is pre-filled: the form works as before.
    describe: () => null,
  });

  if (hidden || !commission) return null;
  const members = commission.evaluators.map((e) => e.id);
  const planned = forming ? plannedEvaluators(plan, commission.available_evaluators) : [];
  const selected = commissionSelection(chosen, members, planned);
  const prefilled = chosen === null && members.length === 0 && planned.length > 0;
  const changed = selected.length !== members.length || selected.some((id) => !members.includes(id));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (selected.length === 0) {
      setNotice({ kind: 'error', text: 'Choisissez au moins un évaluateur.' });
      return;
    }
    setBusy(true);
    setNotice(null);
    try {
      setCommission(await evaluationApi.assignCommission(fileId, selected));
      setChosen(null);
      setNotice({ kind: 'success', text: "Commission d'évaluation enregistrée." });
    } catch (err) {
      const described = describeCollaborationError(err, 'commission');
      setNotice({ kind: 'error', text: described.text, technical: described.technical });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="commission-title" data-testid="commission-section">
      <h2 id="commission-title">Commission d'évaluation</h2>
      {commission.editable && commission.available_evaluators ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <fieldset className="fieldset">
            <legend>Évaluateurs de la commission</legend>
            <div className="choice-group__options">
              {commission.available_evaluators.map((e) => (
                <label key={e.id} className="check" htmlFor={`commission-${e.id}`}>
                  <input
                    id={`commission-${e.id}`}
                    type="checkbox"
                    checked={selected.includes(e.id)}
                    disabled={busy}
                    onChange={(ev) => setChosen(ev.target.checked ? [...selected, e.id] : selected.filter((x) => x !== e.id))}
                    data-testid="commission-choice"
                  />
                  {e.display_name}
                </label>
              ))}
            </div>
            {prefilled && (
              <p className="field__note" data-testid="commission-prefilled">
                Les évaluateurs prévus au plan des modalités d'évaluation sont cochés : vérifiez puis enregistrez la
                commission.
              </p>
            )}
            <p className="field__note muted">
              Une compétence est évaluée quand deux évaluateurs de la commission ont signé son résultat.
            </p>
          </fieldset>
          <button type="submit" className="button button--primary" disabled={busy || !changed} data-testid="commission-save">
            {busy ? 'Enregistrement…' : 'Enregistrer la commission'}
          </button>
        </form>
      ) : commission.evaluators.length === 0 ? (
        <p className="muted">La commission n'est pas encore désignée.</p>
      ) : (
        <ul className="plain-list" data-testid="commission-members">
          {commission.evaluators.map((e) => (
            <li key={e.id}>{e.display_name}</li>
          ))}
        </ul>
      )}
      <div aria-live="polite">
        {notice && (
          <p
            role={notice.kind === 'error' ? 'alert' : 'status'}
            className={`alert alert--${notice.kind}`}
            data-testid="commission-notice"
            data-technical={notice.technical ?? undefined}
          >
            {notice.text}
          </p>
        )}
      </div>
    </section>
  );
}
