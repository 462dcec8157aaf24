import { useState } from 'react';
import { ApiError } from '../../shared/api/client';
import { reportError, type ErrorDescription } from '../../shared/errors/errors';
import type { TransitionAnswers } from './components/TransitionDialog';
import { fileApi } from './fileApi';
import type { AvailableTransition, CandidateFile } from './fileTypes';
import { buildPayload, needsInput } from './workflow';

/**
 * Fires a file's transitions: at once, or through their dialog when they ask
 * for a reason or blocs. A refusal the dialog can show (a missing reason) stays
 * in the dialog; a stale page (version conflict, state changed) closes it.
 */
export function useTransitionFiring(
  file: CandidateFile | null,
  handlers: {
    /** A transition is sent: the page's last notice goes. */
    onStart: () => void;
    /** Fired: the file as it is now. */
    onFired: (updated: CandidateFile, transition: AvailableTransition) => Promise<void>;
    /** Refused, shown above the page; `stale`: the page must show the file as it is now. */
    onRefused: (described: ErrorDescription, stale: boolean) => Promise<void>;
  },
) {
  const [firing, setFiring] = useState<string | null>(null);
  const [dialogFor, setDialogFor] = useState<AvailableTransition | null>(null);
  const [dialogError, setDialogError] = useState<ErrorDescription | null>(null);

  async function fire(transition: AvailableTransition, answers: TransitionAnswers = {}) {
    if (!file) return;
    setFiring(transition.id);
    handlers.onStart();
    setDialogError(null);
    try {
      const updated = await fileApi.fireTransition(file.id, transition.id, file.version, buildPayload(transition, answers));
      setDialogFor(null);
      await handlers.onFired(updated, transition);
    } catch (err) {
      const described = reportError(err, { operation: 'transition', pathway: file.pathway });
      if (err instanceof ApiError && (err.code === 'version_conflict' || err.code === 'invalid_state')) {
        // The page is stale: say so, close the dialog and show the file as it is now.
        setDialogFor(null);
        await handlers.onRefused(described, true);
      } else if (dialogFor && err instanceof ApiError && err.status !== 401) {
        setDialogError(described);
      } else {
        await handlers.onRefused(described, false);
      }
    } finally {
      setFiring(null);
    }
  }

  return {
    /** The transition being sent, if any. */
    firing,
    /** The transition whose dialog is open, and what it refused. */
    dialogFor,
    dialogError,
    /** A transition's button: its dialog, or the transition at once. */
    choose(transition: AvailableTransition) {
      if (needsInput(transition)) {
        setDialogError(null);
        setDialogFor(transition);
      } else {
        void fire(transition);
      }
    },
    fire,
    closeDialog: () => setDialogFor(null),
  };
}
