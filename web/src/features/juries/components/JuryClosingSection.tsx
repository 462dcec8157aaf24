import { useState, type FormEvent } from 'react';
import { useOnChange } from '../../../shared/hooks/useOnChange';
import type { ErrorDescription } from '../../../shared/errors/errors';
import { collegeName } from '../jury';
import {
  FINAL_STEPS,
  PRESIDENT_REQUIRED_MESSAGE,
  closeHint,
  closingRights,
  closingStatus,
  reportClosingError,
  signatureDetails,
} from '../juryClosing';
import type { JurySession } from '../juryTypes';
import type { User } from '../../../shared/api/types';
import { ConfirmDialog } from '../../../shared/ui/ConfirmDialog';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { FinalStepButton } from './FinalStepButton';

type Pending = 'president' | 'close' | 'sign' | 'publish' | null;

/**
 * « Fin de session »: the coordinator designates the president among the
 * members; the president closes the session once every file is decided; the
 * members present sign the minutes; the coordinator publishes the results once
 * a member of each college signed (the decisions take effect then).
 */

export function JuryClosingSection({
  session,
  user,
  onDesignate,
  onClose,
  onSign,
  onPublish,
}: {
  session: JurySession;
  user: Pick<User, 'id' | 'role'> | null | undefined;
  onDesignate: (userId: string) => Promise<void>;
  onClose: () => Promise<void>;
  onSign: () => Promise<void>;
  onPublish: () => Promise<void>;
}) {
  const rights = closingRights(user, session);
  const president = session.president ?? null;
  const signatures = session.signatures ?? [];
  const [chosen, setChosen] = useState(president?.user_id ?? '');
  const [pending, setPending] = useState<Pending>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [presidentError, setPresidentError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'close' | 'publish' | null>(null);
  const openDialog = (step: 'close' | 'publish') => {
    setDialogError(null);
    setConfirming(step);
  };
  const [dialogError, setDialogError] = useState<ErrorDescription | null>(null);

  // The select follows the president the server knows (after a designation, or a reload).
  useOnChange(president?.user_id ?? '', setChosen);

  async function run(kind: Exclude<Pending, null>, action: () => Promise<void>, inDialog = false) {
    setPending(kind);
    setError(null);
    setDialogError(null);
    try {
      await action();
      setConfirming(null);
    } catch (err) {
      const described = reportClosingError(err);
      if (inDialog) setDialogError(described);
      else setError(described);
    } finally {
      setPending(null);
    }
  }

  function designate(event: FormEvent) {
    event.preventDefault();
    if (!chosen) {
      setPresidentError(PRESIDENT_REQUIRED_MESSAGE);
      return;
    }
    setPresidentError(null);
    void run('president', () => onDesignate(chosen));
  }

  const status = closingStatus(session);
  const hint = rights.close || rights.designatePresident ? closeHint(session) : null;
  const showSignatures = session.state === 'closed' || session.state === 'published' || signatures.length > 0;

  return (
    <section className="panel jury-closing" aria-labelledby="jury-closing-title" data-testid="jury-closing">
      <h2 id="jury-closing-title">Fin de session</h2>
      {status && (
        <p className="alert alert--success" data-testid="jury-closing-status" data-state={session.state}>
          {status}
        </p>
      )}
      <ErrorAlert error={error} testId="jury-closing-error" />

      <h3>Présidence de séance</h3>
      <p data-testid="jury-president" data-user-id={president?.user_id ?? ''}>
        {president ? (
          <>
            Président(e) de séance : <strong>{president.display_name}</strong>
          </>
        ) : (
          <span className="muted">Aucun président ou présidente de séance désigné(e) pour le moment.</span>
        )}
      </p>
      {rights.designatePresident && (
        <form className="jury-president-form" onSubmit={designate} noValidate data-testid="jury-president-form">
          <div className="field">
            <label htmlFor="jury-president-select">Président(e) de séance</label>
            <select
              id="jury-president-select"
              value={chosen}
              onChange={(e) => setChosen(e.target.value)}
              aria-invalid={presidentError ? true : undefined}
              aria-describedby={presidentError ? 'jury-president-error' : 'jury-president-note'}
              data-testid="jury-president-select"
            >
              <option value="">Choisir parmi les membres…</option>
              {session.members.map((m) => (
                <option key={m.user_id} value={m.user_id}>
                  {m.display_name} ({collegeName(m.college)})
                </option>
              ))}
            </select>
            <p id="jury-president-note" className="field__note">
              Il ou elle clôt la session une fois chaque dossier décidé.
            </p>
            {presidentError && (
              <p id="jury-president-error" className="field__error" data-testid="jury-president-error">
                {presidentError}
              </p>
            )}
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={pending !== null} data-testid="jury-president-submit">
              {pending === 'president' ? 'Enregistrement…' : president ? 'Changer de président(e)' : 'Désigner'}
            </button>
          </div>
        </form>
      )}

      {hint && (
        <p className="muted" data-testid="jury-close-hint">
          {hint}
        </p>
      )}
      {rights.close && (
        <div className="actions">
          <FinalStepButton
            step="close"
            allowed={rights.close.allowed}
            busy={pending !== null}
            describedBy={rights.close.reason ? 'jury-close-blocked' : undefined}
            onOpen={openDialog}
          />
          {rights.close.reason && (
            <p id="jury-close-blocked" className="muted">
              {rights.close.reason}
            </p>
          )}
        </div>
      )}

      {showSignatures && (
        <>
          <h3>Signatures du procès-verbal</h3>
          {signatures.length === 0 ? (
            <p className="muted" data-testid="jury-no-signature">
              Aucune signature pour le moment.
            </p>
          ) : (
            <ul className="texts" data-testid="jury-signatures">
              {signatures.map((s) => (
                <li key={s.user_id} data-testid="jury-signature" data-user-id={s.user_id} data-college={s.college}>
                  <strong>{s.display_name}</strong> — {signatureDetails(s)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {rights.sign && (
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void run('sign', onSign)}
            disabled={!rights.sign.allowed || pending !== null}
            aria-describedby={rights.sign.reason ? 'jury-sign-blocked' : undefined}
            data-testid="jury-sign"
          >
            {pending === 'sign' ? 'Signature…' : 'Signer le procès-verbal'}
          </button>
          {rights.sign.reason && (
            <p id="jury-sign-blocked" className="muted">
              {rights.sign.reason}
            </p>
          )}
        </div>
      )}

      {rights.publish && (
        <div className="jury-publish">
          {rights.publish.reason && (
            <p id="jury-publish-hint" className="muted" data-testid="jury-publish-hint">
              {rights.publish.reason}
            </p>
          )}
          <div className="actions">
            <FinalStepButton
              step="publish"
              allowed={rights.publish.allowed}
              busy={pending !== null}
              describedBy={rights.publish.reason ? 'jury-publish-hint' : undefined}
              onOpen={openDialog}
            />
          </div>
        </div>
      )}

      {confirming && (
        <ConfirmDialog
          title={FINAL_STEPS[confirming].title}
          confirmLabel={FINAL_STEPS[confirming].title}
          busy={pending === confirming}
          error={dialogError}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void run(confirming, confirming === 'close' ? onClose : onPublish, true)}
          testId={`jury-${confirming}-dialog`}
        >
          <p>{FINAL_STEPS[confirming].text}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
