// Comments on a file: which to show, and what each is about.

import type { FileComment } from './fileTypes';

/** "all", "general", or a competency number as a string. */
export type CommentFilter = string;

export function filterComments(comments: readonly FileComment[], filter: CommentFilter): FileComment[] {
  if (filter === 'all') return [...comments];
  if (filter === 'general') return comments.filter((c) => c.competency === null);
  return comments.filter((c) => c.competency === filter);
}

/** "Général" or "Compétence 3" (with its title when known). */
export function commentSubject(competency: string | null, competencies: readonly { number: number; title: string }[]): string {
  if (competency === null) return 'Général';
  const known = competencies.find((c) => String(c.number) === competency);
  return known ? `Compétence ${competency} — ${known.title}` : `Compétence ${competency}`;
}
