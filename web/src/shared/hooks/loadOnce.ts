// One load of an API resource, abortable: the part of useApiResource that React does not need, so it is
// unit-tested without a DOM.

import { isAbort } from '../api/client';
import type { ErrorDescription } from '../errors/errors';

export interface LoadHandlers<T> {
  /** The value loaded; never called once aborted. */
  loaded: (value: T) => void;
  /** The failure, as the page says it (null: nothing to show); never called for an abort. */
  failed: (description: ErrorDescription | null) => void;
  /** Turns a failure into what the page shows. */
  describe: (err: unknown) => ErrorDescription | null;
}

/**
 * Starts `load` with a fresh AbortSignal and hands its outcome to `handlers`, unless aborted first.
 * Returns the abort function (an effect's cleanup): after it, neither handler is called.
 */
export function loadOnce<T>(load: (signal: AbortSignal) => Promise<T>, handlers: LoadHandlers<T>): () => void {
  const controller = new AbortController();
  load(controller.signal).then(
    (value) => {
      if (!controller.signal.aborted) handlers.loaded(value);
    },
    (err: unknown) => {
      if (controller.signal.aborted || isAbort(err)) return;
      handlers.failed(handlers.describe(err));
    },
  );
  return () => controller.abort();
}
