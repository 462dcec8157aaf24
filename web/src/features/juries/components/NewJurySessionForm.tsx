import { useState, type FormEvent } from 'react';
import { JURY_FIELD_MESSAGES, validateNewSession } from '../jury';
import { type ErrorDescription, reportError } from '../../../shared/errors/errors';
import { juryApi } from '../juryApi';
import { todayInParis } from '../../../shared/format/format';
import type { JurySession, NewJurySession } from '../juryTypes';

/** The centre coordinator convenes a jury session: its date and its place. */
export function NewJurySessionForm({
  onCreated,
  onCancel,
}: {
  onCreated: (session: JurySession) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<NewJurySession>({ date: '', time: '', place: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof NewJurySession, string>>>({});
  const [serverError, setServerError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateNewSession(draft);
    setErrors(found);
    setServerError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      onCreated(
        await juryApi.createSession({ date: draft.date.trim(), time: draft.time.trim(), place: draft.place.trim() }),
      );
    } catch (err) {
      const described = reportError(err, { fields: JURY_FIELD_MESSAGES });
      if (described.field === 'date' || described.field === 'time' || described.field === 'place')
        setErrors({ [described.field]: described.text });
      else setServerError(described);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: keyof NewJurySession) =>
    errors[name] ? (
      <p id={`jury-new-${name}-error`} className="field__error" data-testid={`jury-new-error-${name}`}>
        {errors[name]}
      </p>
    ) : null;

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="jury-new-title" data-testid="jury-new-form">
      <h2 id="jury-new-title">Nouvelle session de jury</h2>
      {serverError && (
        <p role="alert" className="alert alert--error" data-technical={serverError.technical ?? undefined}>
          {serverError.text}
        </p>
      )}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="jury-new-date">Date de la session</label>
          <input
            id="jury-new-date"
            type="date"
            min={todayInParis()}
            value={draft.date}
            onChange={(e) => setDraft({ ...draft, date: e.target.value })}
            aria-invalid={errors.date ? true : undefined}
            aria-describedby={errors.date ? 'jury-new-date-error' : undefined}
            required
            data-testid="jury-new-date"
          />
          {fieldError('date')}
        </div>
        <div className="field">
          <label htmlFor="jury-new-time">Heure (heure de Paris)</label>
          <input
            id="jury-new-time"
            type="time"
            value={draft.time}
            onChange={(e) => setDraft({ ...draft, time: e.target.value })}
            aria-invalid={errors.time ? true : undefined}
            aria-describedby={errors.time ? 'jury-new-time-error' : undefined}
            required
            data-testid="jury-new-time"
          />
          {fieldError('time')}
        </div>
        <div className="field field--wide">
          <label htmlFor="jury-new-place">Lieu</label>
          <input
            id="jury-new-place"
            type="text"
            value={draft.place}
            maxLength={500}
            placeholder="Par exemple : Lyon, salle du jury"
            onChange={(e) => setDraft({ ...draft, place: e.target.value })}
            aria-invalid={errors.place ? true : undefined}
            aria-describedby={errors.place ? 'jury-new-place-error' : undefined}
            required
            data-testid="jury-new-place"
          />
          {fieldError('place')}
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="jury-new-submit">
          {busy ? 'Création…' : 'Créer la session'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Annuler
        </button>
      </div>
    </form>
  );
}
