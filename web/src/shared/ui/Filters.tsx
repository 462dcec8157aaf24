import type { ReactNode } from 'react';
import { Options, type Choice } from './Options';

/** The filters above a list (role="search"); « Réinitialiser » when `onReset` is given. */
export function FilterBar({ label, onReset, children }: { label: string; onReset?: () => void; children: ReactNode }) {
  return (
    <form className="filters" role="search" onSubmit={(e) => e.preventDefault()} aria-label={label}>
      {children}
      {onReset && (
        <button type="button" className="button" onClick={onReset}>
          Réinitialiser
        </button>
      )}
    </form>
  );
}

/**
 * A choice among `options`, first « all » (`allLabel`, the empty value) when
 * given; `value` and `onChange` usually come from useUrlFilters().bind(param).
 */
export function SelectFilter({
  id,
  label,
  value,
  onChange,
  allLabel,
  options,
  extra,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  allLabel?: string;
  options: readonly Choice[];
  /** An option before the list (one that stands for a value the list lacks...). */
  extra?: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {extra}
        <Options choices={options} />
      </select>
    </div>
  );
}

/** The search box of a list, as wide as the bar allows. */
export function SearchFilter({
  id,
  label,
  placeholder,
  value,
  onChange,
}: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field field--grow">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
