import { useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import { ApiError, isAbort } from '../../../shared/api/client';
import { fileApi } from '../fileApi';
import {
  CIVIL_STATUS_ONLY_NOTE,
  CORRECTION_FIELDS,
  correctionDraftOf,
  correctionFieldOf,
  correctionRegistrationErrors,
  correctionRequest,
  correctionValues,
  registrationCorrection,
  validateCorrection,
  type CorrectionDraft,
  type CorrectionField,
  type CorrectionMode,
} from '../correction';
import { loadCqpm } from '../../referentials/cqpmCatalog';
import { reportError, type ErrorDescription } from '../../../shared/errors/errors';
import {
  firstRegistrationErrorKey,
  registrationDraftOf,
  registrationErrorInputId,
  registrationErrorKey,
  type RegistrationDraftValue,
} from '../registration';
import type { CandidateFile } from '../fileTypes';
import type { RegistrationField } from '../../referentials/referentialTypes';
import { useDraftForm } from '../../../shared/hooks/useDraftForm';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { FieldStateError } from '../../../shared/ui/FieldError';
import { FormActions, FormAlerts, FormField } from '../../../shared/ui/FormParts';
import { CorrectionIdentityFields } from './CorrectionIdentityFields';
import { RegistrationFields } from './RegistrationFields';

const REG_PREFIX = 'correction-reg';

/**
 * « Corriger le dossier »: the centre's coordinator corrects the candidate's
 * identity, and the CQPM's registration answers when the server sends them
 * with the file, with a reason. Only the fields that changed are sent, with the
 * version of the file the form was opened on: a file changed meanwhile is
 * refused (version_conflict) rather than overwritten, and `onStale` reloads it.
 * On a closed file (`civil_status`), only the sex and the INSEE code of the
 * birth place are offered, with the reason.
 */
export function CorrectionForm({
  file,
  mode = 'full',
  start = 'identity',
  onCorrected,
  onStale,
  onCancel,
}: {
  file: CandidateFile;
  mode?: CorrectionMode;
  /**
   * What the reader came to change: « Modifier » of the registration answers opens a form of the
   * answers alone (the identity stays as it is, unless it is at fault), with the focus on them.
   */
  start?: 'identity' | 'registration';
  onCorrected: (file: CandidateFile) => void;
  /** The file changed or closed since the form opened: the page says why and reloads it. */
  onStale: (error: ErrorDescription) => void;
  onCancel: () => void;
}) {
  // The file as the form was opened on it: the changes and the expected version are computed against it.
  const [base] = useState(() => ({ version: file.version, candidate: file.candidate, registration: file.registration }));
  const form = useDraftForm<CorrectionDraft, CorrectionField>({
    initial: () => correctionDraftOf(base.candidate),
    fields: CORRECTION_FIELDS,
    prefix: 'correction',
  });
  const { draft } = form;
  const identity = form.field('candidate');
  // The CQPM's registration fields: only for a file whose answers the server sends (else they are not corrected).
  const full = mode === 'full';
  const correctsRegistration = full && base.registration !== undefined;
  const answersOnly = start === 'registration' && correctsRegistration;
  const [fields, setFields] = useState<RegistrationField[] | null>(null);
  const [fieldsError, setFieldsError] = useState<ErrorDescription | null>(null);
  const [regErrors, setRegErrors] = useState<Record<string, string>>({});
  const [regErrorDetails, setRegErrorDetails] = useState<Record<string, string>>({});
  const registration = registrationCorrection(base, fields);
  const registrationRef = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (start === 'registration') registrationRef.current?.focus();
  }, [start]);

  // The draft's answers start from the file's, read when the fields arrive.
  const fieldsLoaded = useEffectEvent((loaded: RegistrationField[]) => {
    setFields(loaded);
    form.set('registration', registrationDraftOf(loaded, base.registration));
  });
  useEffect(() => {
    if (!correctsRegistration) return;
    let live = true;
    loadCqpm(file.cqpm).then(
      (detail) => {
        if (live) fieldsLoaded(detail.registration_fields ?? []);
      },
      (err: unknown) => {
        if (live && !isAbort(err)) setFieldsError(reportError(err, { operation: 'cqpm' }));
      },
    );
    return () => {
      live = false;
    };
  }, [file.cqpm, correctsRegistration]);

  /** The registration's errors by field and row; when they come first, the focus goes to the first input at fault. */
  function showRegistrationErrors(errors: Record<string, string>, details: Record<string, string>, first: boolean) {
    setRegErrors(errors);
    setRegErrorDetails(details);
    const key = first && fields ? firstRegistrationErrorKey(fields, errors) : null;
    const target = key && fields ? registrationErrorInputId(key, fields, REG_PREFIX) : null;
    if (target) requestAnimationFrame(() => document.getElementById(target)?.focus());
  }

  const submit = (event: FormEvent) =>
    form.submit(event, {
      validate: () => {
        const errors = validateCorrection(base.candidate, draft, new Date(), registration, mode);
        const firstAtFault = CORRECTION_FIELDS.find((f) => errors[f]);
        showRegistrationErrors(correctionRegistrationErrors(draft, registration), {}, firstAtFault === 'registration');
        return errors;
      },
      save: async () => {
        try {
          onCorrected(await fileApi.correctFile(file.id, correctionRequest(base, draft, registration, mode)));
        } catch (err) {
          if (err instanceof ApiError && (err.code === 'version_conflict' || err.code === 'invalid_state')) {
            onStale(reportError(err, { operation: 'correction' }));
            return;
          }
          throw err;
        }
      },
      describe: (err) => reportError(err, { operation: 'correction', values: correctionValues(draft) }),
      fieldOf: (described) => {
        const field = correctionFieldOf(described.field);
        if (field !== 'registration') return field;
        // Under the input at fault (a credential's row), or above the form when the form does not show it.
        const key = fields ? registrationErrorKey(described.field, fields, draft.registration) : null;
        if (!key) return null;
        showRegistrationErrors({ [key]: described.text }, described.technical ? { [key]: described.technical } : {}, true);
        return 'registration';
      },
    });

  return (
    <form onSubmit={submit} noValidate data-testid="correction-form" aria-labelledby="correction-title">
      <h3 id="correction-title">
        {answersOnly ? "Modifier les informations d'inscription" : full ? 'Corriger le dossier' : "Compléter l'état civil"}
      </h3>
      {!full && (
        <p className="alert alert--info" data-testid="correction-civil-status-note">
          {CIVIL_STATUS_ONLY_NOTE}
        </p>
      )}
      <p className="muted">
        Les anciennes et les nouvelles valeurs restent dans l'historique du dossier, avec le motif de la correction.
      </p>
      <FormAlerts formError={form.formError} saved={false} testIdPrefix="correction" />
      {(!answersOnly || identity.error) && (
        <fieldset
          className="fieldset"
          id={identity.id}
          tabIndex={-1}
          aria-invalid={identity.error ? true : undefined}
          aria-describedby={identity.error ? `${identity.id}-error` : undefined}
        >
          <legend>Candidat</legend>
          <CorrectionIdentityFields form={form} full={full} />
          <FieldStateError field={identity} />
        </fieldset>
      )}
      {correctsRegistration && (
        <fieldset className="fieldset" data-testid="correction-registration" ref={registrationRef} tabIndex={-1}>
          <legend>Informations demandées par ce CQPM</legend>
          <ErrorAlert error={fieldsError} />
          {fields === null && !fieldsError && <p className="muted">Chargement des informations demandées par ce CQPM…</p>}
          {fields && fields.length === 0 && <p className="muted">Ce CQPM ne demande aucune information à l'inscription.</p>}
          {fields && fields.length > 0 && (
            <RegistrationFields
              fields={fields}
              draft={draft.registration}
              onChange={(id: string, value: RegistrationDraftValue) => form.set('registration', { ...draft.registration, [id]: value })}
              errors={regErrors}
              errorDetails={regErrorDetails}
              original={base.registration}
              idPrefix={REG_PREFIX}
              testIdPrefix="correction-"
            />
          )}
        </fieldset>
      )}
      <FormField label="Motif de la correction" className="field field--wide" {...form.field('reason')}>
        <textarea rows={3} {...form.bind('reason')} maxLength={1000} required data-testid="correction-reason" />
      </FormField>
      <FormActions busy={form.busy} label="Enregistrer la correction" testId="correction-submit" onCancel={onCancel} />
    </form>
  );
}
