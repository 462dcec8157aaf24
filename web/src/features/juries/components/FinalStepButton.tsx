
/** The two final steps of a session, confirmed before they are taken. */
export const FINAL_STEPS = {
  close: {
    title: 'Clore la session',
    text:
      'Une fois la session close, plus aucune décision ne peut y être enregistrée. Les membres présents signent ' +
      'ensuite le procès-verbal, puis le centre publie les résultats.',
  },
  publish: {
    title: 'Publier les résultats',
    text:
      'Les décisions prennent effet : les certificats et attestations sont délivrés avec leur code de ' +
      'vérification, les candidats et les entreprises sont informés et voient la décision. Cette publication est ' +
      'définitive.',
  },
} as const;

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
