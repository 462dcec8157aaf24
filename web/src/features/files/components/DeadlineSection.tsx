import { useState, type FormEvent } from 'react';
import {
  canManageDeadlines,
  type Deadline,
  DEADLINE_FIELD_MESSAGES,
  describeDeadline,
  frenchDay,
  reportDeadline,
  validateDue,
  validateExtension,
} from '../deadlines';
import { type ErrorDescription, reportError } from '../../../shared/errors/errors';
import { formatDateTime, todayInParis } from '../../../shared/format/format';
import { deadlineApi } from '../deadlineApi';
import { useSession } from '../../../app/session';
import type { CandidateFile } from '../fileTypes';
import { useApiResource } from '../../../shared/hooks/useApiResource';

/**
 * The file's report deadline: everyone who sees the file reads it and its
 * extensions; the centre's coordinator sets it, then extends it with a reason.
 */
export function DeadlineSection({ file, onChanged }: { file: CandidateFile; onChanged?: () => void }) {
  const { user } = useSession();
  // Wrapped: a file may have no report deadline (null), which is not "not loaded yet".
  const loaded = useApiResource<{ deadline: Deadline | null }>(
    (signal) => deadlineApi.list(file.id, signal).then((r) => ({ deadline: reportDeadline(r.items) })),
    [file.id, file.updated_at],
    { context: { fields: {} }, clearOnChange: false },
  );
  const deadline = loaded.data ? loaded.data.deadline : undefined;
  const error = loaded.error;
  const manage = canManageDeadlines(user, file.state);

  function saved(updated: Deadline) {
    loaded.setData({ deadline: updated });
    onChanged?.();
  }

  return (
    <section className="panel" aria-labelledby="deadline-title" data-testid="deadline-section">
      <h2 id="deadline-title">Échéance du rapport</h2>
      {error && (
        <p role="alert" className="alert alert--error" data-technical={error.technical ?? undefined}>
          {error.text}
        </p>
      )}
      {deadline === undefined && !error && <p className="muted">Chargement…</p>}
      {deadline === null && <p className="muted">Aucune échéance fixée pour le rapport.</p>}
      {deadline && (
        <>
          <p data-testid="deadline-due" data-due={deadline.due} data-passed={deadline.passed}>
            {describeDeadline(deadline)}{' '}
            {deadline.passed && <span className="badge badge--overdue">Échéance dépassée</span>}
          </p>
          {deadline.extensions.length > 0 && (
            <ul className="timeline" aria-label="Prolongations" data-testid="deadline-extensions">
              <li className="timeline__entry">
                Échéance initiale : {frenchDay(deadline.set_due)}, fixée par {deadline.set_by.display_name} le{' '}
                {formatDateTime(deadline.set_at)}.
              </li>
              {deadline.extensions.map((x) => (
                <li key={x.number} className="timeline__entry">
                  Prolongée du {frenchDay(x.from)} au {frenchDay(x.until)} par {x.extended_by.display_name} le{' '}
                  {formatDateTime(x.extended_at)}.
                  <span className="timeline__reason"> Motif : {x.reason}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {manage && deadline === null && <SetDeadlineForm fileId={file.id} onSaved={saved} />}
      {manage && deadline && <ExtendDeadlineForm fileId={file.id} current={deadline} onSaved={saved} />}
    </section>
  );
}

function SetDeadlineForm({ fileId, onSaved }: { fileId: string; onSaved: (d: Deadline) => void }) {
  const [due, setDue] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = validateDue(due);
    setFieldError(problem);
    setError(null);
    if (problem) return;
    setBusy(true);
    try {
      onSaved(await deadlineApi.setReport(fileId, due.trim()));
    } catch (err) {
      const described = reportError(err, { fields: DEADLINE_FIELD_MESSAGES });
      if (described.field === 'due') setFieldError(described.text);
      else setError(described);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="filters" data-testid="deadline-set-form">
      {error && (
        <p role="alert" className="alert alert--error" data-technical={error.technical ?? undefined}>
          {error.text}
        </p>
      )}
      <div className="field">
        <label htmlFor="deadline-due">Rapport attendu au plus tard le</label>
        <input
          id="deadline-due"
          type="date"
          min={todayInParis()}
          value={due}
          onChange={(e) => setDue(e.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? 'deadline-due-error' : 'deadline-due-note'}
          data-testid="deadline-due-input"
        />
        {fieldError ? (
          <p id="deadline-due-error" className="field__error">
            {fieldError}
          </p>
        ) : (
          <p id="deadline-due-note" className="field__note">
            Fin de journée, heure de Paris.
          </p>
        )}
      </div>
      <button type="submit" className="button button--primary" disabled={busy} data-testid="deadline-set-submit">
        {busy ? 'Enregistrement…' : "Fixer l'échéance"}
      </button>
    </form>
  );
}

function ExtendDeadlineForm({
  fileId,
  current,
  onSaved,
}: {
  fileId: string;
  current: Deadline;
  onSaved: (d: Deadline) => void;
}) {
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'until' | 'reason', string>>>({});
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateExtension(current, until, reason);
    setErrors(found);
    setError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      onSaved(await deadlineApi.extendReport(fileId, until.trim(), reason.trim()));
      setUntil('');
      setReason('');
    } catch (err) {
      const described = reportError(err, { fields: DEADLINE_FIELD_MESSAGES });
      if (described.field === 'until' || described.field === 'reason') setErrors({ [described.field]: described.text });
      else setError(described);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="deadline-extend-title" data-testid="deadline-extend-form">
      <h3 id="deadline-extend-title">Prolonger l'échéance</h3>
      {error && (
        <p role="alert" className="alert alert--error" data-technical={error.technical ?? undefined}>
          {error.text}
        </p>
      )}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="deadline-until">Nouvelle échéance</label>
          <input
            id="deadline-until"
            type="date"
            min={current.due}
            value={until}
            onChange={(e) => setUntil(e.target.value)}
            aria-invalid={errors.until ? true : undefined}
            aria-describedby={errors.until ? 'deadline-until-error' : undefined}
            data-testid="deadline-until-input"
          />
          {errors.until && (
            <p id="deadline-until-error" className="field__error">
              {errors.until}
            </p>
          )}
        </div>
        <div className="field field--wide">
          <label htmlFor="deadline-reason">Motif de la prolongation</label>
          <textarea
            id="deadline-reason"
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={errors.reason ? 'deadline-reason-error' : undefined}
            data-testid="deadline-reason-input"
          />
          {errors.reason && (
            <p id="deadline-reason-error" className="field__error">
              {errors.reason}
            </p>
          )}
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy} data-testid="deadline-extend-submit">
          {busy ? 'Enregistrement…' : 'Prolonger'}
        </button>
      </div>
    </form>
  );
}
