import { useEffect, useMemo, useState } from 'react';
import { isAbort } from '../../shared/api/client';
import { reportError } from '../../shared/errors/errors';
import { indexedBlocs } from '../files/blocScope';
import { referentialApi } from '../referentials/referentialApi';
import { referentialsInDeliberation } from './jury';
import type { JuryBloc, JurySession } from './juryTypes';

/**
 * The blocs of each referential version pinned by a file in deliberation, to
 * name the blocs of the jury's validation, by pinnedReferentialKey(file).
 * Each version is read once; a failure is only logged (the proposal's blocs serve).
 */
export function usePinnedBlocs(session: JurySession | null): Record<string, JuryBloc[]> {
  const [blocsByRef, setBlocsByRef] = useState<Record<string, JuryBloc[]>>({});
  const refKeys = useMemo(() => referentialsInDeliberation(session?.files ?? []), [session]);
  useEffect(() => {
    const missing = refKeys.filter((k) => !blocsByRef[k]);
    if (missing.length === 0) return;
    const controller = new AbortController();
    for (const key of missing) {
      const [cqpm, version] = key.split('@') as [string, string];
      referentialApi.referentialVersion(cqpm, Number(version), controller.signal).then(
        (v) =>
          setBlocsByRef((prev) => ({
            ...prev,
            [key]: indexedBlocs(v.referential.blocs),
          })),
        (err: unknown) => {
          if (!isAbort(err)) reportError(err, { fields: {} });
        },
      );
    }
    return () => controller.abort();
  }, [refKeys, blocsByRef]);
  return blocsByRef;
}
