// French labels for the identifiers the API returns. States and transitions
// take their labels from the workflow definition (GET /workflows/candidate-file);
// the fallbacks below only serve while it loads or if it lacks a label.

export const ROLE_LABELS: Record<string, string> = {
  centre_coordinator: 'Coordinateur du centre',
  company_tutor: 'Tuteur entreprise',
  candidate: 'Candidat',
  evaluator: 'Évaluateur',
  jury_member: 'Membre du jury',
  gtp_auditor: 'Auditeur GTP',
  gtp_admin: 'Administrateur GTP',
  admin: 'Administrateur',
};

export const COLLEGE_LABELS: Record<string, string> = {
  employer: 'collège employeur',
  employee: 'collège salarié',
};

export const PATHWAYS: ReadonlyArray<{ id: string; label: string }> = [
  { id: 'employee', label: 'Salarié' },
  { id: 'vae', label: 'VAE' },
  { id: 'job_seeker', label: "Demandeur d'emploi" },
  { id: 'other', label: 'Autre' },
];

export const CQPMS: ReadonlyArray<{ id: string; title: string }> = [
  { id: 'industrialisation', title: 'Technicien en industrialisation et en amélioration de procédés' },
  { id: 'maintenance-industrielle', title: 'Technicien en maintenance industrielle' },
  { id: 'fabrication-additive', title: 'Opérateur en fabrication additive' },
  { id: 'maintenance-productive', title: 'Technicien(ne) de maintenance productive' },
  { id: 'qualite', title: 'Technicien de la qualité' },
];

export const STATE_FALLBACK_LABELS: Record<string, string> = {
  draft: 'Brouillon',
  registered: 'Inscrit',
  modalities_agreed: "Modalités d'évaluation validées",
  evidence_submitted: 'Preuves déposées',
  under_evaluation: 'En évaluation',
  company_opinion: "Avis de l'entreprise",
  ready_for_jury: 'Prêt pour le jury',
  in_deliberation: 'En délibération',
  certified: 'Certifié',
  blocs_awarded: 'Blocs de compétences validés',
  not_certified: 'Non certifié',
  withdrawn: 'Retiré',
};

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}

export function collegeLabel(college: string | null | undefined): string | null {
  if (!college) return null;
  return COLLEGE_LABELS[college] ?? college;
}

export function pathwayLabel(pathway: string): string {
  return PATHWAYS.find((p) => p.id === pathway)?.label ?? pathway;
}

export function cqpmTitle(cqpm: string): string {
  return CQPMS.find((c) => c.id === cqpm)?.title ?? cqpm;
}
