/** A choice offered by a select. */
export interface Choice {
  value: string;
  label: string;
}

/** The options of a select: first the empty one (`prompt`: « — Choisir… — », « Tous les… ») when given. */
export function Options({ prompt, choices }: { prompt?: string; choices: readonly Choice[] }) {
  return (
    <>
      {prompt !== undefined && <option value="">{prompt}</option>}
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </>
  );
}
