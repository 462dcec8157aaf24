import { useCallback, useEffect, useEffectEvent, useState, type DependencyList, type Dispatch, type SetStateAction } from 'react';
import { reportError, type ErrorContext, type ErrorDescription } from '../errors/errors';
import { loadOnce } from './loadOnce';
import { sameDeps } from './sameDeps';

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
  // Each change of `deps` (compared as an effect's), each reload() and being enabled again is a new load; the
  // state it starts from (no error, loading) is set while rendering or in reload(), never in the effect.
  const [seen, setSeen] = useState({ deps, enabled, loads: 0 });
  const depsChanged = !sameDeps(seen.deps, deps);
  if (depsChanged || seen.enabled !== enabled) {
    setSeen({ deps, enabled, loads: seen.loads + 1 });
    // Another record: what was shown belongs to the previous one (cleared before it is drawn).
    if (depsChanged && clearOnChange) setData(null);
    if (enabled) {
      setError(null);
      setLoading(true);
    }
  }

  // The render's own load and options, read when the load starts and ends.
  const run = useEffectEvent((signal: AbortSignal) => load(signal));
  const loaded = useEffectEvent((value: T) => {
    options.onLoad?.(value);
    setData(value);
    setLoading(false);
  });
  const describe = useEffectEvent((err: unknown) => (options.describe ?? ((e) => reportError(e, options.context)))(err));

  useEffect(() => {
    if (!enabled) return;
    return loadOnce((signal) => run(signal), {
      loaded: (value) => loaded(value),
      failed: (description) => {
        setError(description);
        setLoading(false);
      },
      describe: (err) => describe(err),
    });
  }, [enabled, seen.loads]);

  const reload = useCallback(() => {
    if (!enabled) return;
    setSeen((s) => ({ ...s, loads: s.loads + 1 }));
    setError(null);
    setLoading(true);
  }, [enabled]);
  return { data, setData, error, setError, loading, reload };
}
