// Adding several files to a planned jury session, one request per file: each file's answer is kept, so that
// the coordinator reads which were added and why the others were refused.

/** A file picked on the dashboard, with the name the summary gives it. */
export interface PickedFile {
  id: string;
  name: string;
}

export interface BulkOutcome {
  file: PickedFile;
  /** Null when added; otherwise the French reason. */
  refusal: string | null;
}

/**
 * Adds each file in turn (in order, never all at once: the session's rules are checked against the files added
 * before) with `add`, and returns every file's outcome. `describe` turns a refusal into French.
 */
export async function addEachFile(
  files: readonly PickedFile[],
  add: (fileId: string) => Promise<unknown>,
  describe: (err: unknown) => string,
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = [];
  for (const file of files) {
    try {
      await add(file.id);
      outcomes.push({ file, refusal: null });
    } catch (err) {
      outcomes.push({ file, refusal: describe(err) });
    }
  }
  return outcomes;
}

function count(n: number, singular: string, plural: string): string {
  return `${n} ${n > 1 ? plural : singular}`;
}

// A reason is a sentence of its own; inside parentheses it loses its full stop.
function withoutFinalStop(reason: string): string {
  return reason.replace(/[.\s]+$/, '');
}

/** What a bulk action did to a file, in the singular and the plural (« ajouté », « ajoutés »). */
export type DoneWords = readonly [string, string];

/** « 3 ajoutés, 1 refusé : Inès Durand (raison). » — every refusal named with its reason. */
export function bulkSummary(outcomes: readonly BulkOutcome[], done: DoneWords = ['ajouté', 'ajoutés']): string {
  const added = outcomes.filter((o) => o.refusal === null).length;
  const refused = outcomes.filter((o) => o.refusal !== null);
  const head = `${count(added, done[0], done[1])}, ${count(refused.length, 'refusé', 'refusés')}`;
  if (refused.length === 0) return `${head}.`;
  return `${head} : ${refused.map((o) => `${o.file.name} (${withoutFinalStop(o.refusal ?? '')})`).join(' ; ')}.`;
}
