import { useEffect, useEffectEvent, useState } from 'react';
import { isAbort } from '../../shared/api/client';
import { reportError } from '../../shared/errors/errors';
import type { OrganisationRef } from '../../shared/api/types';
import { fileApi } from '../files/fileApi';
import type { FileSummary } from '../files/fileTypes';
import { candidatesFromSessions } from './jury';
import { juryApi } from './juryApi';
import type { JuryMemberCandidate, JurySession } from './juryTypes';

/** Jury member accounts one may invite: the server's list when it gives one, else the members of the centre's other sessions. */
async function loadCandidates(session: JurySession, signal: AbortSignal): Promise<JuryMemberCandidate[]> {
  if (session.available_members) return session.available_members;
  const { items } = await juryApi.listSessions(signal);
  const others = items.filter((s) => s.id !== session.id).slice(0, 10);
  const details = await Promise.all(others.map((s) => juryApi.getSession(s.id, signal).catch(() => null)));
  return candidatesFromSessions(details.filter((d): d is JurySession => d !== null));
}

/**
 * The coordinator's pickers on a jury session's page: accounts to invite,
 * companies, files ready for the jury. Loaded once per session (not again
 * when the session changes: the page filters them against it); a failure
 * leaves a list empty and is only logged.
 */
export function useJuryPickers(session: JurySession | null, enabled: boolean) {
  const [candidates, setCandidates] = useState<JuryMemberCandidate[]>([]);
  const [candidatesLoaded, setCandidatesLoaded] = useState(false);
  const [companies, setCompanies] = useState<OrganisationRef[]>([]);
  const [readyFiles, setReadyFiles] = useState<FileSummary[]>([]);
  const sessionId = session?.id ?? null;

  const load = useEffectEvent((signal: AbortSignal) => {
    if (!session) return;
    const quiet = (err: unknown) => {
      if (!isAbort(err)) reportError(err, { fields: {} });
    };
    loadCandidates(session, signal)
      .then(setCandidates, quiet)
      .finally(() => {
        if (!signal.aborted) setCandidatesLoaded(true);
      });
    fileApi.companies(signal).then((r) => setCompanies(r.items), quiet);
    fileApi.listFiles({ state: 'ready_for_jury', limit: 100 }, signal).then((r) => setReadyFiles(r.items), quiet);
  });
  useEffect(() => {
    if (!enabled || sessionId === null) return;
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [enabled, sessionId]);

  return {
    candidates,
    /** The accounts to invite are known (an empty list then means: every one is invited). */
    candidatesLoaded,
    companies,
    readyFiles,
    /** A file added to the session is no longer offered. */
    dropReadyFile: (fileId: string) => setReadyFiles((files) => files.filter((f) => f.id !== fileId)),
  };
}
