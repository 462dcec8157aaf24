// What a file page reloads when the live stream (GET /files/{id}/stream)
// brings an event: each event names what changed through its `transition`.

import type { FileEvent } from './fileTypes';

/** The parts of the file page that load their own data. */
export type FileSection =
  | 'file'
  | 'documents'
  | 'evaluation'
  | 'commission'
  | 'opinion'
  | 'comments'
  | 'deadlines'
  | 'transfers'
  | 'admissibility';

const SAME_STATE: Record<string, FileSection[]> = {
  add_document: ['documents', 'file'],
  evaluation_updated: ['evaluation'],
  evaluation_signed: ['evaluation'],
  commission_assigned: ['commission', 'evaluation'],
  company_opinion_saved: ['opinion'],
  company_opinion_signed: ['opinion', 'file'],
  comment_added: ['comments'],
  deadline_set: ['deadlines', 'file'],
  deadline_extended: ['deadlines', 'file'],
  update_modality_plan: ['file', 'evaluation'],
  file_corrected: ['file'],
  vae_admissibility_decided: ['admissibility', 'file'],
  // The file's version moves on: the carry-over and the modality plan reload with it.
  carry_over_confirmed: ['file'],
  file_transfer_proposed: ['transfers'],
  file_transfer_refused: ['transfers'],
  file_transfer_cancelled: ['transfers'],
};

/**
 * The sections to reload for an event. A workflow transition, a file
 * transferred to another centre (file_transferred) or anything unknown may
 * change what everyone can do: the file and every section.
 */
export function sectionsFor(event: Pick<FileEvent, 'transition' | 'from' | 'to'>): FileSection[] {
  const known = SAME_STATE[event.transition];
  if (known && event.from === event.to) return known;
  return ['file', 'documents', 'evaluation', 'commission', 'opinion', 'comments', 'deadlines', 'transfers', 'admissibility'];
}

/** A counter per section: a section reloads when its counter changes. */
export type Revisions = Record<FileSection, number>;

export const INITIAL_REVISIONS: Revisions = {
  file: 0,
  documents: 0,
  evaluation: 0,
  commission: 0,
  opinion: 0,
  comments: 0,
  deadlines: 0,
  transfers: 0,
  admissibility: 0,
};

export function bump(revisions: Revisions, sections: readonly FileSection[]): Revisions {
  const next = { ...revisions };
  for (const section of sections) next[section] += 1;
  return next;
}

/** The events with the new one in place (by seq, no duplicates: a reconnection may replay some). */
export function mergeEvents(events: readonly FileEvent[] | null, incoming: FileEvent): FileEvent[] {
  const list = (events ?? []).filter((e) => e.seq !== incoming.seq);
  list.push(incoming);
  return list.sort((a, b) => a.seq - b.seq);
}

/** An event of the stream (its `data:` line), or null when it is not one. */
export function parseStreamEvent(data: string): FileEvent | null {
  try {
    const value = JSON.parse(data) as Partial<FileEvent> | null;
    if (!value || typeof value !== 'object' || typeof value.seq !== 'number' || typeof value.transition !== 'string') {
      return null;
    }
    return value as FileEvent;
  } catch {
    return null;
  }
}

/** The last seq of the events read, to resume the stream after it (?after=). */
export function lastSeq(events: readonly FileEvent[] | null): number | null {
  if (!events || events.length === 0) return null;
  return events.reduce((max, e) => Math.max(max, e.seq), 0);
}
