import { useEffect, useState } from 'react';
import { isAbort } from '../../shared/api/client';
import { reportError } from '../../shared/errors/errors';
import { loadCqpm } from '../referentials/cqpmCatalog';
import type { RegistrationField } from '../referentials/referentialTypes';
import type { JuryBloc } from '../juries/juryTypes';
import { WHOLE_CQPM_DRAFT, indexedBlocs, type ScopeDraft } from './blocScope';
import { registrationDraftOf, type RegistrationDraft, type RegistrationDraftValue } from './registration';

/** The CQPM's registration fields and blocs: null while they load; `error` when they could not be loaded. */
interface RegistrationState {
  cqpm: string;
  fields: RegistrationField[] | null;
  blocs: JuryBloc[];
  error: string | null;
  technical: string | null;
}

const loadingFor = (cqpm: string): RegistrationState => ({ cqpm, fields: cqpm ? null : [], blocs: [], error: null, technical: null });

/** A scope error: its sentence, and the server's English message for support. */
export type ScopeError = { text: string; technical?: string } | null;

/**
 * What the new-file form asks that depends on the CQPM chosen: its plugin's
 * registration fields with their answers and errors, and its blocs with the
 * scope chosen. Everything starts again when the CQPM changes.
 */
export function useCqpmRegistration(cqpm: string) {
  const [registration, setRegistration] = useState<RegistrationState>(loadingFor(''));
  const [draft, setDraft] = useState<RegistrationDraft>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [errorDetails, setErrorDetails] = useState<Record<string, string>>({});
  const [scope, setScope] = useState<ScopeDraft>(WHOLE_CQPM_DRAFT);
  const [scopeError, setScopeError] = useState<ScopeError>(null);

  // Another CQPM: its answers and scope start empty (set while rendering, so no frame shows the old ones).
  const [forCqpm, setForCqpm] = useState(cqpm);
  if (forCqpm !== cqpm) {
    setForCqpm(cqpm);
    setDraft({});
    setErrors({});
    setErrorDetails({});
    setScope(WHOLE_CQPM_DRAFT);
    setScopeError(null);
    setRegistration(loadingFor(cqpm));
  }

  useEffect(() => {
    if (!cqpm) return;
    let live = true;
    loadCqpm(cqpm).then(
      (detail) => {
        if (!live) return;
        const fields = detail.registration_fields ?? [];
        const blocs = indexedBlocs(detail.referential?.blocs ?? []);
        setRegistration({ cqpm, fields, blocs, error: null, technical: null });
        setDraft(registrationDraftOf(fields, null));
      },
      (err: unknown) => {
        if (!live || isAbort(err)) return;
        const described = reportError(err, { operation: 'cqpm' });
        setRegistration({ cqpm, fields: [], blocs: [], error: described.text, technical: described.technical });
      },
    );
    return () => {
      live = false;
    };
  }, [cqpm]);

  const current = registration.cqpm === cqpm;
  return {
    fields: current ? (registration.fields ?? []) : [],
    loading: !!cqpm && (!current || registration.fields === null),
    blocs: current ? registration.blocs : [],
    /** Why the fields could not be loaded (then the form goes on without them). */
    loadError: current && registration.error ? { text: registration.error, technical: registration.technical } : null,
    draft,
    setAnswer: (id: string, value: RegistrationDraftValue) => setDraft((d) => ({ ...d, [id]: value })),
    errors,
    setErrors,
    errorDetails,
    setErrorDetails,
    scope,
    setScope,
    scopeError,
    setScopeError,
  };
}
