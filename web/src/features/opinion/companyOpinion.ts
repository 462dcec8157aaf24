// The company opinion form's logic: the draft the tutor edits, what is sent,
// and what is still missing before signing.

import type { CompanyOpinion, OpinionRequest, OpinionVersion } from './opinionTypes';

export const OPINION_VALUES: ReadonlyArray<{ id: string; label: string }> = [
  { id: 'favourable', label: 'Favorable' },
  { id: 'reserved', label: 'Réservé' },
  { id: 'unfavourable', label: 'Défavorable' },
];

export function opinionValueLabel(value: string | null | undefined): string {
  if (!value) return 'Non renseigné';
  return OPINION_VALUES.find((v) => v.id === value)?.label ?? value;
}

export interface OpinionAnswerDraft {
  key: string;
  title: string;
  value: string;
  comment: string;
}

export interface OpinionDraft {
  activities: OpinionAnswerDraft[];
  competencies: OpinionAnswerDraft[];
  text: string;
  /** The ETag of the version read (If-Match). */
  etag: string;
}

export function draftFromVersion(version: OpinionVersion): OpinionDraft {
  return {
    activities: version.activities.map((a) => ({ key: String(a.index), title: a.title, value: a.value ?? '', comment: a.comment ?? '' })),
    competencies: version.competencies.map((c) => ({
      key: String(c.number),
      title: c.title,
      value: c.value ?? '',
      comment: c.comment ?? '',
    })),
    text: version.text ?? '',
    etag: version.etag,
  };
}

export function requestFromDraft(draft: OpinionDraft): OpinionRequest {
  return {
    activities: draft.activities.map((a) => ({ index: a.key, value: a.value || null, comment: a.comment.trim() })),
    competencies: draft.competencies.map((c) => ({ number: c.key, value: c.value || null, comment: c.comment.trim() })),
    text: draft.text.trim(),
  };
}

/** The first item without a value, as the server names it ("activities.2", "competencies.3"), or null. */
export function firstMissing(draft: OpinionDraft): string | null {
  const activity = draft.activities.find((a) => !a.value);
  if (activity) return `activities.${activity.key}`;
  const competency = draft.competencies.find((c) => !c.value);
  return competency ? `competencies.${competency.key}` : null;
}

/** Whether the draft differs from the version it was made from. */
export function draftChanged(draft: OpinionDraft, version: OpinionVersion): boolean {
  const base = draftFromVersion(version);
  const same = (a: OpinionAnswerDraft[], b: OpinionAnswerDraft[]) =>
    a.length === b.length && a.every((x, i) => x.value === b[i]!.value && x.comment.trim() === b[i]!.comment.trim());
  return !same(draft.activities, base.activities) || !same(draft.competencies, base.competencies) || draft.text.trim() !== base.text.trim();
}

/** What the form shows at the top: the state of the current version, in French. */
export function opinionStatus(opinion: CompanyOpinion): string {
  if (!opinion.required) return "Sans objet : un dossier en VAE n'a pas d'avis de l'entreprise.";
  const current = opinion.current;
  if (!current || !current.updated_at) return "L'entreprise n'a pas encore donné son avis.";
  if (current.state === 'signed') return `Version ${current.version} signée.`;
  return current.version > 1 ? `Correction en cours (version ${current.version}, brouillon).` : 'Brouillon (non signé).';
}

/** The id of an input of the form, so errors can point at it. */
export function opinionInputId(field: string): string {
  return `opinion-${field.replace(/[^a-z0-9]+/gi, '-')}`;
}

/** The transition that takes a file with a signed company opinion to the jury. */
export const GIVE_COMPANY_OPINION = 'give_company_opinion';

/** What remains once the opinion is signed, naming the action (`label`) as the top of the page shows it. */
export function opinionNextStep(label: string): string {
  return `Il reste à le transmettre : « ${label} », en haut de la page, présente le dossier au jury.`;
}
