import { useState, type FormEvent } from 'react';
import { nullIfNotFound } from '../../../shared/api/client';
import { fileApi } from '../fileApi';
import { type ErrorDescription } from '../../../shared/errors/errors';
import { useDraftForm } from '../../../shared/hooks/useDraftForm';
import {
  ADMISSIBILITY_FIELDS,
  ADMISSIBILITY_REASON_MAX,
  EMPTY_ADMISSIBILITY_DRAFT,
  MODALITIES_AFTER_ADMISSIBILITY_MESSAGE,
  admissibilityFieldOf,
  admissibilityLabel,
  admissibilityRequest,
  admissibilityStale,
  awaitsFavourableDecision,
  decisionByline,
  describeAdmissibilityError,
  earlierExaminations,
  validateAdmissibility,
  type AdmissibilityDecision,
  type AdmissibilityDraft,
  type AdmissibilityField,
  type VaeAdmissibility,
} from '../vaeAdmissibility';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { FieldStateError } from '../../../shared/ui/FieldError';
import { FormActions, FormAlerts, FormField } from '../../../shared/ui/FormParts';
import { LiveNoticeLine, type Notice } from '../../../shared/ui/NoticeLine';
import { Panel } from '../../../shared/ui/Panel';
import { useApiResource } from '../../../shared/hooks/useApiResource';

/**
 * « Recevabilité de la demande de VAE » on the file page of a VAE file: the
 * decision in force, the earlier examinations, and for the file's centre
 * coordinator while the file is registered the form to record a decision.
 * After a decision the file is reloaded too (`onDecided`): the modalities may
 * now be agreed.
 */
export function VaeAdmissibilitySection({
  file,
  revision,
  onDecided,
}: {
  file: { id: string; state: string; pathway: string };
  /** Reloads when it changes (a decision recorded elsewhere, a transition). */
  revision: number;
  onDecided: () => void;
}) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const vae = file.pathway === 'vae';
  // A server without the admissibility (404) has nothing to show: the section stays hidden.
  const {
    data: view,
    setData: setView,
    error,
    reload,
  } = useApiResource<VaeAdmissibility | null>(
    (signal) => nullIfNotFound(fileApi.admissibility(file.id, signal)),
    [file.id, file.state, vae, revision],
    { enabled: vae, context: { operation: 'load' }, clearOnChange: false },
  );

  if (!vae || (!view && !error) || (view && !view.required)) return null;

  function decided(updated: VaeAdmissibility) {
    setView(updated);
    const current = updated.current;
    setNotice({
      kind: 'success',
      text: current
        ? `Décision enregistrée : demande ${admissibilityLabel(current.favourable).toLowerCase()}. Le candidat en est informé.`
        : 'Décision enregistrée.',
    });
    onDecided();
  }

  function stale(described: ErrorDescription) {
    setNotice({ kind: 'error', text: described.text, technical: described.technical });
    reload();
    onDecided();
  }

  const earlier = view ? earlierExaminations(view) : [];
  return (
    <Panel id="vae-admissibility-title" title="Recevabilité de la demande de VAE" testId="vae-admissibility">
      <LiveNoticeLine notice={notice} testId="vae-admissibility-notice" />
      <ErrorAlert error={error} />
      {view && (
        <>
          {view.current ? (
            <DecisionLines decision={view.current} testId="vae-admissibility-current" />
          ) : (
            <p className="muted" data-testid="vae-admissibility-none">
              Aucune décision de recevabilité n'a encore été enregistrée.
            </p>
          )}
          {awaitsFavourableDecision(view, file.state) && (
            <p className="alert alert--info" data-testid="vae-admissibility-hint">
              {MODALITIES_AFTER_ADMISSIBILITY_MESSAGE}
            </p>
          )}
          {earlier.length > 0 && (
            <details className="admissibility-history" data-testid="vae-admissibility-history">
              <summary>Examens précédents ({earlier.length})</summary>
              <ul className="timeline">
                {earlier.map((d) => (
                  <li key={d.id} className="timeline__entry">
                    <DecisionLines decision={d} testId="vae-admissibility-earlier" />
                  </li>
                ))}
              </ul>
            </details>
          )}
          {view.editable && (
            <AdmissibilityForm key={view.current?.id ?? 'first'} fileId={file.id} again={view.current !== null} onDecided={decided} onStale={stale} />
          )}
        </>
      )}
    </Panel>
  );
}

/** A decision: « Recevable » or « Non recevable », its reason, who and when (Paris time). */
function DecisionLines({ decision, testId }: { decision: AdmissibilityDecision; testId: string }) {
  return (
    <div data-testid={testId} data-favourable={String(decision.favourable)} data-sequence={decision.sequence}>
      <p className="admissibility-verdict">
        <strong className={`badge ${decision.favourable ? 'badge--certified' : 'badge--not_certified'}`}>
          {admissibilityLabel(decision.favourable)}
        </strong>{' '}
        <span className="muted">examen n° {decision.sequence}</span>
      </p>
      <p className="admissibility-reason">Motif : {decision.reason}</p>
      <p className="muted admissibility-byline">{decisionByline(decision)}</p>
    </div>
  );
}

/** The centre coordinator's decision: recevable or not, and its reason (checked before sending). */
function AdmissibilityForm({
  fileId,
  again,
  onDecided,
  onStale,
}: {
  fileId: string;
  /** A decision is already in force: this is a new examination. */
  again: boolean;
  onDecided: (view: VaeAdmissibility) => void;
  onStale: (described: ErrorDescription) => void;
}) {
  const form = useDraftForm<AdmissibilityDraft, AdmissibilityField>({
    initial: () => EMPTY_ADMISSIBILITY_DRAFT,
    fields: ADMISSIBILITY_FIELDS,
    prefix: 'vae-admissibility',
  });
  const { draft } = form;
  const favourable = form.field('favourable');
  const errorId = `${favourable.id}-error`;

  const submit = (event: FormEvent) =>
    form.submit(event, {
      validate: () => validateAdmissibility(draft),
      save: async () => {
        const body = admissibilityRequest(draft);
        try {
          onDecided(await fileApi.decideAdmissibility(fileId, body));
        } catch (err) {
          if (admissibilityStale(err)) {
            onStale(describeAdmissibilityError(err, body));
            return;
          }
          throw err;
        }
      },
      describe: (err) => {
        const described = describeAdmissibilityError(err, admissibilityRequest(draft));
        if (described.technical) console.warn('CQPM Hub:', described.technical);
        return described;
      },
      fieldOf: admissibilityFieldOf,
    });

  const radio = (value: 'yes' | 'no', label: string, testId: string) => (
    <label className="check">
      <input
        type="radio"
        id={value === 'yes' ? favourable.id : `${favourable.id}-no`}
        name="vae-admissibility-favourable"
        value={value}
        checked={draft.favourable === value}
        onChange={() => form.set('favourable', value)}
        aria-invalid={favourable.error ? true : undefined}
        aria-describedby={favourable.error ? errorId : undefined}
        data-testid={testId}
      />
      {label}
    </label>
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="vae-admissibility-form-title" data-testid="vae-admissibility-form">
      <h3 id="vae-admissibility-form-title">{again ? 'Nouvel examen de la demande' : 'Décision de recevabilité'}</h3>
      <FormAlerts formError={form.formError} saved={false} testIdPrefix="vae-admissibility" />
      <fieldset className="choice-group">
        <legend>La demande de VAE est-elle recevable ?</legend>
        <div className="choice-group__options">
          {radio('yes', 'Recevable', 'vae-admissibility-favourable')}
          {radio('no', 'Non recevable', 'vae-admissibility-unfavourable')}
        </div>
        <FieldStateError field={favourable} />
      </fieldset>
      <FormField
        label="Motif"
        note="Le motif est communiqué au candidat avec la décision."
        className="field field--wide"
        {...form.field('reason')}
      >
        <textarea rows={3} {...form.bind('reason')} maxLength={ADMISSIBILITY_REASON_MAX} required data-testid="vae-admissibility-reason" />
      </FormField>
      <FormActions busy={form.busy} label="Enregistrer la décision" testId="vae-admissibility-submit" />
    </form>
  );
}
