import { useMemo } from 'react';
import { useApiResource } from '../../shared/hooks/useApiResource';
import { organisationApi } from './adminApi';
import type { Organisation } from './adminTypes';

/**
 * Every centre's name by id, for the centres a company works with. Empty while loading, when not
 * `enabled` (not a company), and after a failure: the pages then say « Autre centre ».
 */
export function useCentreNames(enabled = true): Map<string, string> {
  const { data: centres } = useApiResource<Organisation[]>(
    (signal) => organisationApi.listAll({ kind: 'centre', active: 'all' }, signal).catch(() => []),
    [enabled],
    { enabled, clearOnChange: false },
  );
  return useMemo(() => new Map((centres ?? []).map((c) => [c.id, c.name])), [centres]);
}
