import { useCallback, useEffect, useRef, useState, type DependencyList, type Dispatch, type SetStateAction } from 'react';
import { reportError, type ErrorContext, type ErrorDescription } from '../errors/errors';
import { loadOnce } from './loadOnce';

export interface ApiResourceOptions<T> {
  /** false: nothing is loaded (a section hidden for this reader); what was loaded stays. Default true. */
  enabled?: boolean;
  /** The context of the French error sentence (reportError); ignored when `describe` is given. */
  context?: ErrorContext;
  /** What a failure shows; null shows nothing (the caller handled it, e.g. a 404 hides a section). */
  describe?: (err: unknown) => ErrorDescription | null;
  /** Called with each value loaded, before it is stored (to reset a form from it). */
  onLoad?: (value: T) => void;
  /** Whether the value is dropped when the dependencies change (another record: no stale page). Default true. */
  clearOnChange?: boolean;
}

export interface ApiResource<T> {
  /** The last value loaded; null before the first load ends (and after a change of record). */
  data: T | null;
  /** For a page that changes what it loaded after a write (the server's answer). */
  setData: Dispatch<SetStateAction<T | null>>;
  /** The French sentence of the last failure; cleared when a load starts. */
  error: ErrorDescription | null;
  setError: Dispatch<SetStateAction<ErrorDescription | null>>;
  loading: boolean;
  /** Loads again, keeping the value shown until the new one arrives. */
  reload: () => void;
}

/**
 * Loads an API resource for a component: once on mount and again when `deps` change or reload() is
 * called, aborting the call in flight on unmount and on each new load, with the failure as a French
 * sentence. `load` is the render's own (it sees the current props); `deps` say when it must run again.
 */
export function useApiResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  options: ApiResourceOptions<T> = {},
): ApiResource<T> {
  const { enabled = true, clearOnChange = true } = options;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [reloads, setReloads] = useState(0);
  const latest = useRef({ load, options });
  latest.current = { load, options };

  // Another record: what was shown belongs to the previous one.
  useEffect(() => {
    if (clearOnChange) setData(null);
  }, deps);

  useEffect(() => {
    if (!enabled) return;
    setError(null);
    setLoading(true);
    const { load: run, options: current } = latest.current;
    return loadOnce(run, {
      loaded: (value) => {
        latest.current.options.onLoad?.(value);
        setData(value);
        setLoading(false);
      },
      failed: (description) => {
        setError(description);
        setLoading(false);
      },
      describe: current.describe ?? ((err) => reportError(err, current.context)),
    });
  }, [enabled, reloads, ...deps]); // deps: the caller's, as for useEffect

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { data, setData, error, setError, loading, reload };
}
