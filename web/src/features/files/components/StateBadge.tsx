export function StateBadge({ state, label }: { state: string; label: string }) {
  return (
    <span className={`badge badge--${state}`} data-state={state}>
      {label}
    </span>
  );
}
