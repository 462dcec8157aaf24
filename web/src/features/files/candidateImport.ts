// The logic of « Importer des candidats »: what the file holds, the check made
// before sending it, and the French words of the preview (counts, columns,
// dates, pathways). The server reads and checks the file (POST
// /imports/candidates); the page never parses the CSV itself.

import { ApiError } from '../../shared/api/client';
import type { ImportPreview } from '../admin/adminTypes';
import { IMPORT_MAX_BYTES, reportError, type ErrorDescription } from '../../shared/errors/errors';

export { IMPORT_MAX_BYTES };

/** The columns of the file, in the template's order, as the page explains them. */
export const IMPORT_COLUMNS: ReadonlyArray<{ name: string; meaning: string }> = [
  { name: 'nom', meaning: 'le nom de famille du candidat' },
  { name: 'prenom', meaning: 'son prénom' },
  { name: 'date_naissance', meaning: 'sa date de naissance, jj/mm/aaaa (par exemple 14/03/1998)' },
  { name: 'email', meaning: 'son adresse e-mail' },
  { name: 'cqpm', meaning: 'le CQPM préparé : son identifiant (par exemple qualite) ou son intitulé' },
  { name: 'parcours', meaning: 'salarie, vae, demandeur_emploi ou autre' },
  { name: 'siret_entreprise', meaning: "le SIRET de l'entreprise (14 chiffres), vide pour la VAE" },
  { name: 'sexe', meaning: 'facultatif : F ou M (état civil), pour la déclaration à la Caisse des Dépôts' },
  {
    name: 'code_insee_naissance',
    meaning: "facultatif : le code INSEE de la commune de naissance (69123, 2A004), ou 99 suivi du code du pays pour une naissance à l'étranger (99350)",
  },
];

/** « 1,4 Mo »: the size in mebibytes, one decimal, rounded up (so that a file just over 1 Mo never reads « 1,0 Mo »). */
export function formatMegabytes(bytes: number): string {
  return `${(Math.ceil((bytes / IMPORT_MAX_BYTES) * 10) / 10).toFixed(1).replace('.', ',')} Mo`;
}

/** The check made before sending a chosen file: null when it may go, else why not, in French. */
export function checkImportFile(file: { name: string; size: number } | null | undefined): string | null {
  if (!file) return 'Choisissez le fichier CSV des candidats.';
  if (file.size === 0) return `Le fichier « ${file.name} » est vide.`;
  if (file.size > IMPORT_MAX_BYTES) {
    return `Le fichier « ${file.name} » pèse ${formatMegabytes(file.size)} : un import accepte 1 Mo au plus. Découpez-le en plusieurs fichiers.`;
  }
  return null;
}

/** « 1 ligne », « 3 lignes », « 0 ligne » (French counts 0 and 1 as singular). */
export function countOf(n: number, singular: string, plural: string): string {
  return `${n} ${n <= 1 ? singular : plural}`;
}

/** « 3 lignes valides, 1 ligne en erreur », « 3 lignes valides, aucune ligne en erreur » (error_count counts lines). */
export function previewCounts(preview: Pick<ImportPreview, 'valid_count' | 'error_count'>): string {
  const errors =
    preview.error_count === 0 ? 'aucune ligne en erreur' : countOf(preview.error_count, 'ligne en erreur', 'lignes en erreur');
  return `${countOf(preview.valid_count, 'ligne valide', 'lignes valides')}, ${errors}`;
}

/** « Importer 3 candidats », « Importer 1 candidat ». */
export function importButtonLabel(count: number): string {
  return `Importer ${countOf(count, 'candidat', 'candidats')}`;
}

/** « 3 dossiers créés », « 1 dossier créé ». */
export function createdLabel(count: number): string {
  return count <= 1 ? `${count} dossier créé` : `${count} dossiers créés`;
}

/** The error's column as the table shows it: the header's name, or « Ligne entière ». */
export function errorColumnLabel(column: string): string {
  return column.trim() === '' ? 'Ligne entière' : column;
}

/** The server's phrase as a sentence: a capital first, a full stop last. */
export function asSentence(message: string): string {
  const text = message.trim();
  if (!text) return text;
  const capitalised = text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);
  return /[.!?…»)]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/**
 * The French sentence for a failed call of the import. A file the server
 * cannot read at all (422 unprocessable: not UTF-8, an unclosed quote; 413
 * with the line where it stopped: more than 10,000 lines) comes with a French
 * message of its own, « ligne 3 : guillemet non fermé… », shown as is; every
 * other answer is said by errors.ts.
 */
export function describeImportError(err: unknown): ErrorDescription {
  const described = reportError(err, { operation: 'import' });
  if (err instanceof ApiError && err.message.trim()) {
    const fromReader = err.code === 'unprocessable' || (err.code === 'payload_too_large' && err.details?.line !== undefined);
    if (fromReader) return { ...described, text: asSentence(err.message) };
  }
  return described;
}
