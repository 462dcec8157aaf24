import { useEffect, useEffectEvent, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A list's filters kept in the URL's query string (shareable, kept by the back
 * button), and its search box: what is typed goes into the URL a moment after
 * the last key, replacing the history entry rather than adding one per key.
 */
export function useUrlFilters(searchParam = 'q') {
  const [params, setParams] = useSearchParams();
  const q = params.get(searchParam) ?? '';
  const [searchInput, setSearchInput] = useState(q);

  /** Sets (or, empty, removes) one parameter; `replace` keeps the history entry (default: for the search only). */
  function set(name: string, value: string, replace = name === searchParam) {
    setMany({ [name]: value }, replace);
  }

  /** Sets (or, empty, removes) several parameters in one history entry (two set() calls would keep only the last). */
  function setMany(values: Record<string, string>, replace = false) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [name, value] of Object.entries(values)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      },
      { replace },
    );
  }

  // Reads the URL when the timer fires; a change of the URL alone (the back button) does not apply the box.
  const applySearch = useEffectEvent(() => {
    if (searchInput.trim() !== q) set(searchParam, searchInput.trim());
  });
  useEffect(() => {
    const timer = setTimeout(() => applySearch(), 300);
    return () => clearTimeout(timer);
  }, [searchInput]);

  return {
    /** A parameter's value, '' when absent. */
    get: (name: string) => params.get(name) ?? '',
    set,
    setMany,
    /** value and onChange of a select filter on one parameter (SelectFilter). */
    bind: (name: string) => ({ value: params.get(name) ?? '', onChange: (value: string) => set(name, value) }),
    /** The search applied (the URL's). */
    q,
    /** value and onChange of the search box (SearchFilter). */
    searchBox: { value: searchInput, onChange: setSearchInput },
    /** Every filter cleared. */
    reset: () => {
      setSearchInput('');
      setParams(new URLSearchParams());
    },
  };
}
