import { useState } from 'react';
import { candidateName } from '../../shared/format/format';
import type { FileSummary } from '../files/fileTypes';
import type { PickedFile } from './bulkJury';

/**
 * The files ticked on the dashboard for a bulk action, kept across its pages for one list (`listKey`: its
 * filters and sort); a new list starts with none ticked, so that no hidden file is ever acted on.
 */
export function useFileSelection(listKey: string) {
  const [selection, setSelection] = useState<{ key: string; files: Map<string, PickedFile> }>({
    key: listKey,
    files: new Map(),
  });
  const files = selection.key === listKey ? selection.files : new Map<string, PickedFile>();
  const update = (change: (next: Map<string, PickedFile>) => void) => {
    const next = new Map(files);
    change(next);
    setSelection({ key: listKey, files: next });
  };
  return {
    picked: [...files.values()],
    has: (id: string) => files.has(id),
    /** Ticks (or unticks) these files. */
    toggle: (items: readonly FileSummary[], on: boolean) =>
      update((next) => {
        for (const file of items) {
          if (on) next.set(file.id, { id: file.id, name: candidateName(file.candidate) });
          else next.delete(file.id);
        }
      }),
    /** Unticks these ids (the files a bulk action dealt with). */
    drop: (ids: readonly string[]) => update((next) => ids.forEach((id) => next.delete(id))),
    clear: () => update((next) => next.clear()),
  };
}
