import { FINAL_STEPS } from '../juryClosing';

/** The button that opens the confirmation of a final step (« Clore la session… », « Publier les résultats… »). */
export function FinalStepButton({
  step,
  allowed,
  busy,
  describedBy,
  onOpen,
}: {
  step: 'close' | 'publish';
  allowed: boolean;
  busy: boolean;
  describedBy: string | undefined;
  onOpen: (step: 'close' | 'publish') => void;
}) {
  return (
    <button
      type="button"
      className="button button--primary"
      onClick={() => onOpen(step)}
      disabled={!allowed || busy}
      aria-haspopup="dialog"
      aria-describedby={describedBy}
      data-testid={`jury-${step}`}
    >
      {FINAL_STEPS[step].title}…
    </button>
  );
}
