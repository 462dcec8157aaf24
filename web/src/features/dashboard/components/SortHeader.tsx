import { ariaSort, sortHint, type FileSort, type SortField } from '../dashboardSort';

/** A column heading that sorts the list: a button in the header cell, whose aria-sort says the direction. */
export function SortHeader({
  field,
  label,
  sort,
  onSort,
}: {
  field: SortField;
  label: string;
  sort: FileSort;
  onSort: (field: SortField) => void;
}) {
  const state = ariaSort(sort, field);
  return (
    <th scope="col" aria-sort={state}>
      <button type="button" className="sort-button" onClick={() => onSort(field)} data-testid={`sort-${field}`}>
        {label}
        <span className="sort-button__arrow" aria-hidden="true">
          {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕'}
        </span>
        <span className="visually-hidden">, {sortHint(sort, field)}</span>
      </button>
    </th>
  );
}
