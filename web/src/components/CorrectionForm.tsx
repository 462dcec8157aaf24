import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../api';
import {
  CORRECTION_FIELDS,
  correctionDraftOf,
  correctionFieldOf,
  correctionRequest,
  correctionValues,
  validateCorrection,
  type CorrectionDraft,
  type CorrectionField,
} from '../correction';
import { reportError, type ErrorDescription } from '../errors';
import type { CandidateFile } from '../types';
import { useDraftForm } from '../useDraftForm';
import { FieldStateError } from './FieldError';
import { FormActions, FormAlerts, FormField } from './FormParts';

/**
 * « Corriger le dossier »: the centre's coordinator corrects the candidate's
 * identity with a reason. Only the fields that changed are sent, with the
 * version of the file the form was opened on: a file changed meanwhile is
 * refused (version_conflict) rather than overwritten, and `onStale` reloads it.
 */
export function CorrectionForm({
  file,
  onCorrected,
  onStale,
  onCancel,
}: {
  file: CandidateFile;
  onCorrected: (file: CandidateFile) => void;
  /** The file changed or closed since the form opened: the page says why and reloads it. */
  onStale: (error: ErrorDescription) => void;
  onCancel: () => void;
}) {
  // The file as the form was opened on it: the changes and the expected version are computed against it.
  const [base] = useState(() => ({ version: file.version, candidate: file.candidate }));
  const form = useDraftForm<CorrectionDraft, CorrectionField>({
    initial: () => correctionDraftOf(base.candidate),
    fields: CORRECTION_FIELDS,
    prefix: 'correction',
  });
  const { draft } = form;
  const identity = form.field('candidate');

  const submit = (event: FormEvent) =>
    form.submit(event, {
      validate: () => validateCorrection(base.candidate, draft),
      save: async () => {
        try {
          onCorrected(await api.correctFile(file.id, correctionRequest(base, draft)));
        } catch (err) {
          if (err instanceof ApiError && (err.code === 'version_conflict' || err.code === 'invalid_state')) {
            onStale(reportError(err, { operation: 'correction' }));
            return;
          }
          throw err;
        }
      },
      describe: (err) => reportError(err, { operation: 'correction', values: correctionValues(draft) }),
      fieldOf: (described) => correctionFieldOf(described.field),
    });

  return (
    <form onSubmit={submit} noValidate data-testid="correction-form" aria-labelledby="correction-title">
      <h3 id="correction-title">Corriger le dossier</h3>
      <p className="muted">
        Les anciennes et les nouvelles valeurs restent dans l'historique du dossier, avec le motif de la correction.
      </p>
      <FormAlerts formError={form.formError} saved={false} testIdPrefix="correction" />
      <fieldset
        className="fieldset"
        id={identity.id}
        tabIndex={-1}
        aria-invalid={identity.error ? true : undefined}
        aria-describedby={identity.error ? `${identity.id}-error` : undefined}
      >
        <legend>Candidat</legend>
        <div className="form-grid">
          <FormField label="Prénom" {...form.field('given_name')}>
            <input {...form.bind('given_name')} maxLength={200} autoComplete="off" required data-testid="correction-given-name" />
          </FormField>
          <FormField label="Nom" {...form.field('family_name')}>
            <input {...form.bind('family_name')} maxLength={200} autoComplete="off" required data-testid="correction-family-name" />
          </FormField>
          <FormField label="Adresse e-mail" {...form.field('email')}>
            <input
              type="email"
              {...form.bind('email')}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              data-testid="correction-email"
            />
          </FormField>
          <FormField label="Date de naissance" {...form.field('birth_date')}>
            <input
              type="date"
              {...form.bind('birth_date')}
              max={new Date().toISOString().slice(0, 10)}
              required
              data-testid="correction-birth-date"
            />
          </FormField>
        </div>
        <FieldStateError field={identity} />
      </fieldset>
      <FormField label="Motif de la correction" className="field field--wide" {...form.field('reason')}>
        <textarea rows={3} {...form.bind('reason')} maxLength={1000} required data-testid="correction-reason" />
      </FormField>
      <FormActions busy={form.busy} label="Enregistrer la correction" testId="correction-submit" onCancel={onCancel} />
    </form>
  );
}
