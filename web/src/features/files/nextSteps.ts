// What happens next on a file, by the state it is in: one French sentence
// under the state, saying who acts. Keyed by the states of
// workflows/candidate-file.json (nextSteps.test.ts fails when a state is missing).

const NEXT_STEPS: Readonly<Record<string, string>> = {
  draft: "Prochaine étape : le centre complète le dossier puis inscrit le candidat.",
  registered:
    "Prochaine étape : le centre établit le plan des modalités d'évaluation, forme la commission d'évaluation, puis valide les modalités.",
  modalities_agreed:
    "Prochaine étape : le candidat, son entreprise ou le centre dépose les preuves, puis déclare les preuves déposées.",
  evidence_submitted: "Prochaine étape : le centre ou un évaluateur de la commission ouvre l'évaluation.",
  under_evaluation:
    "Prochaine étape : les évaluateurs de la commission remplissent et signent la grille, puis demandent l'avis de l'entreprise (ou transmettent au jury pour une VAE).",
  company_opinion: "Prochaine étape : le tuteur de l'entreprise rédige et signe l'avis de l'entreprise.",
  ready_for_jury: "Prochaine étape : le centre inscrit le dossier à une session du jury et ouvre la délibération.",
  in_deliberation: 'Prochaine étape : le jury délibère et décide de délivrer le CQPM, de valider des blocs ou de ne pas le délivrer.',
  certified: 'Dossier clos : le CQPM est délivré. Le centre peut imprimer le dossier complet pour ses archives.',
  blocs_awarded: 'Dossier clos : des blocs de compétences sont validés. Le candidat pourra les faire valoir dans un prochain dossier.',
  not_certified: "Dossier clos : le CQPM n'est pas délivré. Le centre peut ouvrir un nouveau dossier pour le candidat.",
  withdrawn: "Dossier clos : il a été retiré par le centre. Plus aucune action n'est possible.",
};

/** The sentence for a state, or null for a state the table does not know (a newer server's). */
export function nextStepText(state: string): string | null {
  return NEXT_STEPS[state] ?? null;
}

/** The states the table covers (for its test against the workflow definition). */
export function nextStepStates(): string[] {
  return Object.keys(NEXT_STEPS);
}
