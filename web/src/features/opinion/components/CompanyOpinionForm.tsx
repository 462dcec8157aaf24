import { useState, type FormEvent } from 'react';
import { isNotForReader } from '../../../shared/api/client';
import { opinionApi } from '../opinionApi';
import { currentOf, describeCollaborationError } from '../../files/collaborationErrors';
import type { CompanyOpinion } from '../opinionTypes';
import {
  draftChanged,
  draftFromVersion,
  firstMissing,
  opinionInputId,
  opinionNextStep,
  opinionStatus,
  requestFromDraft,
  type OpinionDraft,
} from '../companyOpinion';
import { reportError } from '../../../shared/errors/errors';
import '../../files/collaboration.css';
import { OpinionAnswerRows, OpinionVersionView } from './OpinionAnswers';
import { useApiResource } from '../../../shared/hooks/useApiResource';

type Notice = { kind: 'success' | 'error' | 'info'; text: string; technical?: string | null } | null;

/**
 * The company opinion ("avis de l'entreprise"): the company tutor fills, per
 * activity and competency, a value and a comment, plus a free text; saves
 * drafts (If-Match) and signs. A signed version is locked: "Corriger l'avis"
 * starts the next version. Signed versions stay readable in the history.
 */
// `transmitLabel`: give_company_opinion's label when the reader may fire it now (a signed opinion then says so).
export function CompanyOpinionForm(props: { fileId: string; revision: number; transmitLabel: string | null }) {
  const { fileId, revision, transmitLabel } = props;
  const [hidden, setHidden] = useState(false);
  const [draft, setDraft] = useState<OpinionDraft | null>(null);
  const [conflict, setConflict] = useState<CompanyOpinion | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [errorField, setErrorField] = useState<string | null>(null);

  const { data: opinion, setData: setOpinion } = useApiResource<CompanyOpinion>(
    (signal) => opinionApi.opinion(fileId, signal),
    [fileId, revision],
    {
      clearOnChange: false,
      // Not the reader's to see (403, 404): the form stays hidden; another failure is said in the notice.
      describe: (err) => {
        if (isNotForReader(err)) setHidden(true);
        else setNotice({ kind: 'error', ...reportError(err, { operation: 'load' }) });
        return null;
      },
    },
  );

  if (hidden || !opinion) return null;
  const current = opinion.current;
  const signed = current?.state === 'signed';
  // The tutor edits a draft version directly; a signed one only after "Corriger l'avis".
  const editing = opinion.editable && current !== null && (draft !== null || !signed);
  const shown = draft ?? (current ? draftFromVersion(current) : null);

  function fail(err: unknown, operation: 'opinion' | 'opinion-sign') {
    const theirs = currentOf<CompanyOpinion>(err);
    if (theirs) {
      setOpinion(theirs);
      setConflict(theirs);
    }
    const described = describeCollaborationError(err, operation);
    setErrorField(described.field);
    setNotice({ kind: 'error', text: described.text, technical: described.technical });
    if (described.field) document.getElementById(opinionInputId(described.field))?.focus();
  }

  async function save(from: OpinionDraft): Promise<CompanyOpinion | null> {
    try {
      const saved = await opinionApi.saveOpinion(fileId, from.etag, requestFromDraft(from));
      setOpinion(saved);
      setDraft(null);
      setConflict(null);
      return saved;
    } catch (err) {
      fail(err, 'opinion');
      return null;
    }
  }

  async function onSave(e: FormEvent) {
    e.preventDefault();
    if (!shown) return;
    setBusy(true);
    setNotice(null);
    setErrorField(null);
    const saved = await save(shown);
    if (saved) setNotice({ kind: 'success', text: `Brouillon enregistré (version ${saved.current?.version ?? ''}).` });
    setBusy(false);
  }

  async function onSign() {
    if (!shown || !current) return;
    const missing = firstMissing(shown);
    setNotice(null);
    setErrorField(null);
    if (missing) {
      const described = describeCollaborationError({ status: 422, code: 'unprocessable', field: missing, details: null, message: '' }, 'opinion-sign');
      setErrorField(missing);
      setNotice({ kind: 'error', text: described.text });
      document.getElementById(opinionInputId(missing))?.focus();
      return;
    }
    setBusy(true);
    try {
      let etag = shown.etag;
      if (draft && (signed || draftChanged(draft, current))) {
        // A correction of a signed version, or unsaved changes: save first, then sign what was saved.
        const saved = await save(draft);
        if (!saved?.current) return;
        etag = saved.current.etag;
      }
      const result = await opinionApi.signOpinion(fileId, etag);
      setOpinion(result);
      setDraft(null);
      // What remains (transmitting it) is said under the signed opinion, which stays.
      setNotice({ kind: 'success', text: `Avis de l'entreprise signé (version ${result.current?.version ?? ''}).` });
    } catch (err) {
      fail(err, 'opinion-sign');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="opinion-title" data-testid="company-opinion" data-state={opinion.state ?? ''}>
      <h2 id="opinion-title">Avis de l'entreprise</h2>
      <p data-testid="opinion-status">{opinionStatus(opinion)}</p>

      {conflict && draft && (
        <div className="conflict" role="alert" data-testid="opinion-conflict">
          <p>L'avis a été modifié entre-temps. Version actuelle :</p>
          {conflict.current && <OpinionVersionView version={conflict.current} testId="opinion-conflict-current" />}
          <div className="actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => conflict.current && setDraft({ ...draft, etag: conflict.current.etag }) /* keeps the user's answers */}
              data-testid="opinion-conflict-reapply"
            >
              Réappliquer mes saisies
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => {
                setDraft(null);
                setConflict(null);
                setNotice(null);
              }}
            >
              Abandonner mes saisies
            </button>
          </div>
        </div>
      )}

      {opinion.required && current && editing && shown ? (
        <form onSubmit={(e) => void onSave(e)} noValidate data-testid="opinion-form">
          <OpinionAnswerRows
            list="activities"
            caption="Avis par activité"
            answers={shown.activities}
            disabled={busy}
            errorField={errorField}
            onChange={(activities) => setDraft({ ...shown, activities })}
          />
          <OpinionAnswerRows
            list="competencies"
            caption="Avis par compétence"
            answers={shown.competencies}
            disabled={busy}
            errorField={errorField}
            onChange={(competencies) => setDraft({ ...shown, competencies })}
          />
          <div className="field">
            <label htmlFor={opinionInputId('text')}>Appréciation générale</label>
            <textarea
              id={opinionInputId('text')}
              rows={4}
              value={shown.text}
              maxLength={10000}
              disabled={busy}
              onChange={(e) => setDraft({ ...shown, text: e.target.value })}
              data-testid="opinion-text"
            />
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={busy} data-testid="opinion-save">
              Enregistrer le brouillon
            </button>
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void onSign()} data-testid="opinion-sign">
              Signer l'avis
            </button>
          </div>
        </form>
      ) : (
        opinion.required &&
        current &&
        current.updated_at && (
          <>
            <OpinionVersionView version={current} testId="opinion-current" />
            {signed && transmitLabel && (
              <p className="alert alert--info" data-testid="opinion-next-step">
                {opinionNextStep(transmitLabel)}
              </p>
            )}
            {opinion.editable && signed && (
              <div className="actions">
                <button type="button" className="button" onClick={() => setDraft(draftFromVersion(current))} data-testid="opinion-correct">
                  Corriger l'avis
                </button>
              </div>
            )}
          </>
        )
      )}

      <div aria-live="polite">
        {notice && (
          <p
            role={notice.kind === 'error' ? 'alert' : 'status'}
            className={`alert alert--${notice.kind}`}
            data-testid="opinion-notice"
            data-technical={notice.technical ?? undefined}
          >
            {notice.text}
          </p>
        )}
      </div>

      {opinion.history.length > 0 && (
        <details className="opinion-history" data-testid="opinion-history">
          <summary>Versions signées ({opinion.history.length})</summary>
          {[...opinion.history].reverse().map((v) => (
            <OpinionVersionView key={v.version} version={v} testId="opinion-signed-version" />
          ))}
        </details>
      )}
    </section>
  );
}
