// Whether a registered file may move to the referential version in force, and what the page says about it.

import type { FileReferential } from './fileTypes';

/** The move the reader may make: from the pinned version to the one in force; null when there is none. */
export function referentialMove(view: FileReferential | null): { from: number; to: number } | null {
  if (!view || !view.movable || !view.pinned) return null;
  if (view.current.version <= view.pinned.version) return null;
  return { from: view.pinned.version, to: view.current.version };
}

/** Whether the page asks the server at all: only the centre's coordinator may move a registered file's pin. */
export function mayAskReferentialMove(role: string | undefined, state: string, pinned: boolean): boolean {
  return role === 'centre_coordinator' && state === 'registered' && pinned;
}

export function referentialMoveText(move: { from: number; to: number }): string {
  return `Ce dossier suit la version ${move.from} du référentiel ; la version ${move.to} est en vigueur.`;
}
