import type { PickedFile } from '../bulkJury';
import { BulkCommissionBar } from './BulkCommissionBar';
import { BulkJuryBar } from './BulkJuryBar';

/** What the coordinator may do at once to the ticked files: add them to a jury session, form their commission. */
export function BulkActions({
  picked,
  onClear,
  onAdded,
  onChanged,
}: {
  picked: readonly PickedFile[];
  onClear: () => void;
  /** Files added to a session (they leave the selection). */
  onAdded: (addedIds: string[]) => void;
  /** Something changed: the list is read again. */
  onChanged: () => void;
}) {
  return (
    <>
      <BulkJuryBar
        picked={picked}
        onClear={onClear}
        onDone={(addedIds) => {
          onAdded(addedIds);
          onChanged();
        }}
      />
      <BulkCommissionBar picked={picked} onDone={onChanged} />
    </>
  );
}
