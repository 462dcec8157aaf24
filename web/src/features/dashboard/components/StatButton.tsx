/** A count of files that filters the list on click (pressed while its filter applies); « … » while loading. */
export function StatButton({
  count,
  label,
  pressed,
  onClick,
  testId,
  className,
}: {
  count: number | undefined;
  label: string;
  pressed: boolean;
  onClick: () => void;
  testId: string;
  className?: string;
}) {
  return (
    <button type="button" className={className ? `stat ${className}` : 'stat'} aria-pressed={pressed} onClick={onClick} data-testid={testId}>
      <span className="stat__count">{count ?? '…'}</span>
      <span className="stat__label">{label}</span>
    </button>
  );
}
