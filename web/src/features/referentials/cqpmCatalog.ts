// The CQPMs of the platform (one plugin each), from GET /cqpms and
// GET /cqpms/{id}. The plugins change only when the server restarts, but the
// referential in force changes when the GTP publishes a version: each is
// loaded once per page load and shared; the referential pages ask for a fresh
// copy ({ fresh: true }), and publishing forgets what was loaded.

import { useEffect, useState } from 'react';
import { isAbort } from '../../shared/api/client';
import { referentialApi } from './referentialApi';
import { indexedBlocs } from '../files/blocScope';
import type { JuryBloc } from '../juries/juryTypes';
import { cqpmTitle } from '../../shared/format/labels';
import type { CqpmDetail, CqpmSummary } from './referentialTypes';

let listPromise: Promise<CqpmSummary[]> | null = null;
const detailPromises = new Map<string, Promise<CqpmDetail>>();

export function loadCqpms(options: { fresh?: boolean } = {}): Promise<CqpmSummary[]> {
  if (!listPromise || options.fresh) {
    listPromise = referentialApi.listCqpms().then(
      (r) => [...r.items].sort((a, b) => a.title.localeCompare(b.title, 'fr')),
      (err: unknown) => {
        listPromise = null;
        throw err;
      },
    );
  }
  return listPromise;
}

export function loadCqpm(id: string, options: { fresh?: boolean } = {}): Promise<CqpmDetail> {
  let promise = options.fresh ? undefined : detailPromises.get(id);
  if (!promise) {
    promise = referentialApi.getCqpm(id).catch((err: unknown) => {
      detailPromises.delete(id);
      throw err;
    });
    detailPromises.set(id, promise);
  }
  return promise;
}

/**
 * The blocs of a CQPM, numbered from 1: those of the referential version a
 * file is pinned to, else (a file not registered yet) those in force.
 */
export function loadReferentialBlocs(cqpm: string, version: number | null | undefined): Promise<JuryBloc[]> {
  const referential = version
    ? referentialApi.referentialVersion(cqpm, version).then((v) => v.referential)
    : loadCqpm(cqpm).then((d) => d.referential);
  return referential.then((r) => indexedBlocs(r.blocs));
}

/** Forgets what was loaded (tests). */
export function resetCqpmCache(): void {
  listPromise = null;
  detailPromises.clear();
}

/** A new version of this CQPM's referential was published: load it again next time. */
export function forgetCqpm(id: string): void {
  listPromise = null;
  detailPromises.delete(id);
}

/** The CQPMs sorted by title, null while they load; `error` when they could not be loaded. */
export function useCqpms(options: { fresh?: boolean } = {}): { cqpms: CqpmSummary[] | null; error: unknown } {
  const [state, setState] = useState<{ cqpms: CqpmSummary[] | null; error: unknown }>({ cqpms: null, error: null });
  const fresh = options.fresh ?? false;
  useEffect(() => {
    let live = true;
    loadCqpms({ fresh }).then(
      (cqpms) => live && setState({ cqpms, error: null }),
      (err: unknown) => {
        if (live && !isAbort(err)) setState({ cqpms: null, error: err });
      },
    );
    return () => {
      live = false;
    };
  }, [fresh]);
  return state;
}

/** The title of a CQPM: from the platform's list when loaded, else the built-in French titles, else its id. */
export function titleOf(cqpms: readonly CqpmSummary[] | null, id: string): string {
  return cqpms?.find((c) => c.id === id)?.title ?? cqpmTitle(id);
}
