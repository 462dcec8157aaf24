// The signed-in user and the workflow definition, shared by every page.

import { createContext, useContext, useEffect, useState } from 'react';
import { isAbort } from '../shared/api/client';
import { fileApi } from '../features/files/fileApi';
import type { User } from '../shared/api/types';
import type { Workflow } from '../features/files/fileTypes';

export interface SessionValue {
  /** undefined: not known yet; null: signed out. */
  user: User | null | undefined;
  setUser: (user: User | null | undefined) => void;
}

/** Provided by SessionProvider (SessionProvider.tsx). */
export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

// The workflow rarely changes: load it once per page load and share it.
let workflowPromise: Promise<Workflow> | null = null;

export function loadWorkflow(): Promise<Workflow> {
  if (!workflowPromise) {
    workflowPromise = fileApi.workflow().catch((err: unknown) => {
      workflowPromise = null;
      throw err;
    });
  }
  return workflowPromise;
}

/** The workflow definition, or null while it loads (labels fall back meanwhile). */
export function useWorkflow(): Workflow | null {
  const [workflow, setWorkflow] = useState<Workflow | null>(null);
  useEffect(() => {
    let live = true;
    loadWorkflow().then(
      (w) => live && setWorkflow(w),
      (err: unknown) => {
        if (!isAbort(err)) console.warn('workflow unavailable', err);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return workflow;
}
