// The proposal editor's fields: the id of the input of each server field, the
// errors by field, and where on the page a server error belongs.

/** French error sentences by server field ("referential.blocs[1].code"). */
export type Errors = Record<string, string>;

/** The id of the input of a server field ("referential.blocs[1].code" → "f-referential-blocs-1-code"). */
export function inputId(field: string): string {
  return `f-${field.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-+$/, '')}`;
}

/** Rows of a textarea for a text: 2 to 8, one per 90 characters. */
export function rowsFor(text: string): number {
  return Math.min(8, Math.max(2, Math.ceil(text.length / 90)));
}

/** The server's field, or the nearest enclosing one the form shows ("referential.identity.rncp" for a fault inside the fiche). */
export function shownField(field: string): string | null {
  for (let f: string | null = field; f; ) {
    if (document.getElementById(inputId(f))) return f;
    const cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
    f = cut > 0 && f.slice(0, cut).startsWith('referential.') ? f.slice(0, cut) : null;
  }
  return null;
}
