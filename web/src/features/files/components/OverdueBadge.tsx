/** « en retard »: the report deadline has passed and no report was uploaded. */
export function OverdueBadge() {
  return (
    <span
      className="badge badge--overdue"
      title="L'échéance du rapport est dépassée et aucun rapport n'a été déposé."
      data-testid="file-overdue"
    >
      en retard
    </span>
  );
}
