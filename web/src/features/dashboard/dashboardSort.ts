// The dashboard's sort: which column, which way, as the URL keeps it (?tri=…&ordre=…) and the API takes it
// (?sort=…&order=…).

export type SortField = 'name' | 'cqpm' | 'state' | 'report_due_at' | 'updated_at' | 'created_at';
export type SortOrder = 'asc' | 'desc';

export interface FileSort {
  field: SortField;
  order: SortOrder;
}

/** URL value (French, shareable) ↔ API field. */
const URL_FIELDS: Record<string, SortField> = {
  nom: 'name',
  cqpm: 'cqpm',
  etat: 'state',
  echeance: 'report_due_at',
  maj: 'updated_at',
  creation: 'created_at',
};

/** Newest first, as the API lists files unless told otherwise. */
export const DEFAULT_SORT: FileSort = { field: 'created_at', order: 'desc' };

/** The way a column sorts when first chosen: dates newest first, the rest (and deadlines, soonest first) ascending. */
export function defaultOrder(field: SortField): SortOrder {
  return field === 'updated_at' || field === 'created_at' ? 'desc' : 'asc';
}

/** The sort the URL's `tri` and `ordre` say; anything unknown is the default sort, never an error. */
export function sortFromUrl(tri: string, ordre: string): FileSort {
  const field = Object.hasOwn(URL_FIELDS, tri) ? URL_FIELDS[tri] : undefined;
  if (!field) return DEFAULT_SORT;
  const order = ordre === 'asc' || ordre === 'desc' ? ordre : defaultOrder(field);
  return { field, order };
}

/** `tri` and `ordre` for the URL; both empty for the default sort (a clean address). */
export function sortToUrl(sort: FileSort): { tri: string; ordre: string } {
  if (sort.field === DEFAULT_SORT.field && sort.order === DEFAULT_SORT.order) return { tri: '', ordre: '' };
  const tri = Object.keys(URL_FIELDS).find((key) => URL_FIELDS[key] === sort.field) ?? '';
  return { tri, ordre: sort.order };
}

/** A click on `field`'s header: the same column turns the other way, another starts its own way. */
export function nextSort(current: FileSort, field: SortField): FileSort {
  if (current.field === field) return { field, order: current.order === 'asc' ? 'desc' : 'asc' };
  return { field, order: defaultOrder(field) };
}

/** The header's aria-sort: only the sorted column says a direction. */
export function ariaSort(current: FileSort, field: SortField): 'ascending' | 'descending' | 'none' {
  if (current.field !== field) return 'none';
  return current.order === 'asc' ? 'ascending' : 'descending';
}

/** What a header's button announces after its label: where a click takes the list. */
export function sortHint(current: FileSort, field: SortField): string {
  const next = nextSort(current, field);
  return next.order === 'asc' ? 'trier par ordre croissant' : 'trier par ordre décroissant';
}
