// Helpers for showing a CQPM referential (GET /cqpms/{id}) as evaluators read it.

import type { CriteriaGroups, Referential, ReferentialModality } from './referentialTypes';

export const MISSING_BLOC_CODE = 'Code non attribué';

/** The four groups of measurable and observable criteria, in the referential's order, with their French headings. */
export const CRITERIA_GROUPS: ReadonlyArray<{ key: keyof CriteriaGroups; heading: string }> = [
  { key: 'methods', heading: 'Méthodes utilisées' },
  { key: 'means', heading: 'Moyens utilisés' },
  { key: 'relations', heading: 'Liens professionnels' },
  { key: 'environment', heading: "Contraintes liées au milieu et à l'environnement de travail" },
];

/** A bloc's code as printed, or "Code non attribué" where the source prints none. */
export function blocCodeLabel(code: string | null | undefined): string {
  return code && code.trim() ? code : MISSING_BLOC_CODE;
}

/** Anchors of the referential page: blocs by position (their code may be missing), competencies by number. */
export function blocAnchor(index: number): string {
  return `bloc-${index + 1}`;
}

export function competencyAnchor(number: number): string {
  return `competence-${number}`;
}

/** The link to a competency of a CQPM's referential page. */
export function competencyLink(cqpm: string, number: number): string {
  return `/cqpm/${encodeURIComponent(cqpm)}#${competencyAnchor(number)}`;
}

/** The short tags of a modality: "hors VAE" when the VAE pathway is excluded, "exceptionnelle". */
export function modalityTags(modality: Pick<ReferentialModality, 'excluded_pathways' | 'exceptional'>): string[] {
  const tags: string[] = [];
  if (modality.excluded_pathways?.includes('vae')) tags.push('hors VAE');
  if (modality.exceptional) tags.push('exceptionnelle');
  return tags;
}

/** Whether an item of a text list introduces the items after it (it ends with a colon, as printed). */
export function isIntro(text: string): boolean {
  return /:\s*$/.test(text);
}

export interface TocEntry {
  anchor: string;
  label: string;
  children?: TocEntry[];
}

/** The table of contents of the referential page: the presentation, each bloc with its competencies, then the rest. */
export function tableOfContents(referential: Referential): TocEntry[] {
  const toc: TocEntry[] = [{ anchor: 'presentation', label: 'Présentation du métier' }];
  referential.blocs.forEach((bloc, index) => {
    toc.push({
      anchor: blocAnchor(index),
      label: `Bloc ${index + 1} · ${blocCodeLabel(bloc.code)} — ${bloc.title}`,
      children: bloc.competencies.map((c) => ({
        anchor: competencyAnchor(c.number),
        label: `${c.number}. ${c.title}`,
      })),
    });
  });
  toc.push({ anchor: 'modalites', label: "Modalités d'évaluation" });
  toc.push({ anchor: 'admissibilite', label: "Conditions d'admissibilité" });
  if (referential.notes && referential.notes.length > 0) toc.push({ anchor: 'notes', label: 'Notes du référentiel' });
  return toc;
}
