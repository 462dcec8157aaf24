// French sentences for the errors of the file's collaborative content
// (documents, grid, commission, company opinion, comments). Codes and fields
// not handled here fall back to shared/errors/errors.ts (describeError).

import { describeError, isApiErrorLike, normaliseField, type ErrorDescription } from '../../shared/errors/errors';
import { formatCalendarDate } from '../../shared/format/format';

export type CollaborationOperation = 'upload' | 'grid' | 'sign' | 'commission' | 'opinion' | 'opinion-sign' | 'comment';

export const TOO_LARGE_MESSAGE = 'Le fichier est trop volumineux.';
export const UNSUPPORTED_TYPE_MESSAGE =
  "Ce type de fichier n'est pas accepté : envoyez un PDF, un document OpenDocument ou Office, ou une image PNG ou JPEG, avec l'extension qui correspond à son contenu.";
export const ACTIVE_PDF_MESSAGE =
  "Ce PDF contient du JavaScript ou une action qui lance un programme : il n'a pas été enregistré. Enregistrez-le à nouveau en PDF simple (Imprimer > Enregistrer au format PDF) et réessayez.";
export const HTML_POLYGLOT_MESSAGE =
  "Ce fichier contient du code de page web dans ses premiers octets : il n'a pas été enregistré. Enregistrez-le à nouveau depuis le logiciel qui l'a produit et réessayez.";
export const UNCHECKABLE_PDF_MESSAGE =
  "Ce PDF ne peut pas être vérifié (endommagé ou protégé par un mot de passe) : il n'a pas été enregistré. Enregistrez-le à nouveau en PDF simple, sans mot de passe, et réessayez.";
export const SCANNER_UNAVAILABLE_MESSAGE =
  "L'antivirus ne peut pas vérifier le fichier pour le moment : il n'a pas été enregistré. Réessayez dans quelques minutes.";
export const STALE_GRID_MESSAGE =
  "Cette compétence a été modifiée par un autre évaluateur depuis que vous l'avez ouverte : comparez sa version avec la vôtre avant d'enregistrer.";
export const STALE_OPINION_MESSAGE =
  "L'avis de l'entreprise a été modifié entre-temps : la version à jour est affichée, vos saisies sont conservées.";

function megabytes(bytes: unknown): string | null {
  const n = typeof bytes === 'number' ? bytes : Number(bytes);
  if (!Number.isFinite(n) || n <= 0) return null;
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(n / (1024 * 1024))} Mo`;
}

function deadlineMessage(details: Readonly<Record<string, unknown>> | null): string {
  const due = details?.due;
  const date = typeof due === 'string' && due ? ` (${formatCalendarDate(due)})` : '';
  return `L'échéance du rapport est dépassée${date} : seul le centre peut la prolonger.`;
}

function fieldMessage(operation: CollaborationOperation, field: string | null, values?: Record<string, unknown>): string | null {
  if (!field) return null;
  if (operation === 'grid' || operation === 'sign') {
    if (field === 'result') {
      return operation === 'sign'
        ? 'Choisissez « Acquise » ou « Non acquise » et enregistrez avant de signer.'
        : 'Choisissez un résultat pour la compétence.';
    }
    if (field.startsWith('observations.')) return 'Les observations sont trop longues (8 000 caractères au plus).';
    if (field === 'evidence' || field.startsWith('evidence[')) {
      return "Un des documents cités n'appartient plus au dossier : rechargez la page et choisissez de nouveau les preuves.";
    }
  }
  if (operation === 'commission' && (field === 'evaluators' || field.startsWith('evaluators['))) {
    return field === 'evaluators'
      ? 'Choisissez au moins un évaluateur.'
      : "Un des évaluateurs choisis n'est pas évaluateur du centre du dossier.";
  }
  if (operation === 'opinion' || operation === 'opinion-sign') {
    const missing = /^(activities|competencies)\.([^.]+)(?:\.(value|comment))?$/.exec(field);
    if (missing) {
      const what = missing[1] === 'activities' ? `l'activité ${missing[2]}` : `la compétence ${missing[2]}`;
      if (missing[3] === 'comment') return `Le commentaire sur ${what} est trop long (2 000 caractères au plus).`;
      return `Donnez un avis (favorable, réservé ou défavorable) sur ${what} avant de signer.`;
    }
    if (field === 'text') {
      return operation === 'opinion-sign'
        ? "Enregistrez l'avis avant de le signer."
        : "L'appréciation générale est trop longue (10 000 caractères au plus).";
    }
    if (field === 'pathway') return "Un dossier en VAE n'a pas d'avis de l'entreprise.";
  }
  if (operation === 'comment') {
    if (field === 'body') {
      const sent = values?.body;
      return typeof sent === 'string' && sent.trim() ? 'Le commentaire est trop long (4 000 caractères au plus).' : 'Écrivez un commentaire.';
    }
    if (field === 'competency') return "Cette compétence n'existe pas dans le référentiel du dossier.";
  }
  return null;
}

/** The French sentence for a failed call of the collaborative sections. */
export function describeCollaborationError(
  err: unknown,
  operation: CollaborationOperation,
  values?: Record<string, unknown>,
): ErrorDescription {
  const base = describeError(err);
  if (!isApiErrorLike(err)) return base;
  const field = normaliseField(err.field);
  const say = (text: string): ErrorDescription => ({ ...base, text });
  if (err.code === 'deadline_passed') return say(deadlineMessage(err.details));
  if (err.status === 413 || err.code === 'payload_too_large') {
    const max = megabytes(err.details?.max_bytes);
    return say(operation === 'upload' ? `${TOO_LARGE_MESSAGE}${max ? ` La taille maximale est ${max}.` : ''}` : base.text);
  }
  if (operation === 'upload' && (err.status === 415 || err.code === 'unsupported_media_type')) {
    return say(UNSUPPORTED_TYPE_MESSAGE);
  }
  if (operation === 'upload' && err.code === 'infected') {
    const signature = typeof err.details?.signature === 'string' ? ` (${err.details.signature})` : '';
    return say(`L'antivirus a détecté un logiciel malveillant dans ce fichier${signature} : il n'a pas été enregistré.`);
  }
  if (operation === 'upload' && err.code === 'active_content') {
    return say(err.details?.found === 'html' ? HTML_POLYGLOT_MESSAGE : ACTIVE_PDF_MESSAGE);
  }
  if (operation === 'upload' && err.code === 'unprocessable' && field === 'file') return say(UNCHECKABLE_PDF_MESSAGE);
  if (operation === 'upload' && err.code === 'unavailable' && field === 'file') return say(SCANNER_UNAVAILABLE_MESSAGE);
  if (operation === 'upload' && err.code === 'invalid_field' && field === 'kind') {
    return say('Choisissez la nature du document.');
  }
  if (operation === 'upload' && err.code === 'invalid_field' && field === 'file') return say('Choisissez un fichier à envoyer.');
  if (err.code === 'precondition_failed') {
    return say(operation === 'opinion' || operation === 'opinion-sign' ? STALE_OPINION_MESSAGE : STALE_GRID_MESSAGE);
  }
  if (err.code === 'precondition_required') return say(`La version lue n'a pas été transmise. Rechargez la page et réessayez.`);
  if (err.code === 'forbidden') {
    if (operation === 'upload') return say('Seuls le centre, l’entreprise et le candidat déposent des documents.');
    if (operation === 'grid' || operation === 'sign') return say('Seuls les évaluateurs de la commission remplissent et signent la grille.');
    if (operation === 'commission') return say('Seul le coordinateur du centre désigne la commission d’évaluation.');
    if (operation === 'opinion' || operation === 'opinion-sign') return say("Seul le tuteur de l'entreprise du candidat donne l'avis de l'entreprise.");
  }
  if (err.code === 'invalid_state') {
    if (operation === 'grid' || operation === 'sign') return say("La grille ne se modifie plus : le dossier n'est plus en évaluation.");
    if (operation === 'opinion') return say("L'avis ne se modifie plus : le dossier n'est plus à l'étape de l'avis de l'entreprise.");
    if (operation === 'opinion-sign') return say("Cette version de l'avis est déjà signée : enregistrez une correction pour en créer une nouvelle.");
    if (operation === 'commission') return say("La commission ne se modifie plus : l'évaluation est terminée.");
    if (operation === 'upload') return say('Le dossier est clos : aucun document ne peut plus être ajouté.');
  }
  if (err.code === 'invalid_field' || err.code === 'unprocessable') {
    const text = fieldMessage(operation, field, values);
    if (text) return say(text);
  }
  return base;
}

/** The current content a 412 answer carries (details.current), if any. */
export function currentOf<T>(err: unknown): T | null {
  if (!isApiErrorLike(err) || err.code !== 'precondition_failed') return null;
  const current = err.details?.current;
  return current && typeof current === 'object' ? (current as T) : null;
}
