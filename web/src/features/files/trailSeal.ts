// What the history says about its own integrity, from GET /files/{id}/audit:
// the events chained by their SHA-256 fingerprints, none altered — or where
// the chain breaks.

import type { Schema } from '../../shared/api/schemas';

export type FileAudit = Schema<'FileAudit'>;

/** The sentence under the history, and whether it is an alarm. */
export function trailSealText(audit: Pick<FileAudit, 'intact' | 'events' | 'broken_at'>): {
  alarm: boolean;
  text: string;
} {
  if (audit.intact) {
    const events = audit.events === 1 ? "L'événement" : `Les ${audit.events} événements`;
    return {
      alarm: false,
      text: `Historique scellé : ${events} de ce dossier ${audit.events === 1 ? 'porte' : 'portent'} une empreinte SHA-256 chaînée ; aucun n'a été modifié depuis son enregistrement.`,
    };
  }
  return {
    alarm: true,
    text: `Historique altéré : la chaîne d'empreintes est rompue à l'événement n° ${audit.broken_at ?? '?'}. Prévenez l'administrateur de la plateforme (commande « cqpm audit verify »).`,
  };
}
