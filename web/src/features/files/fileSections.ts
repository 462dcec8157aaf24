// Which collaborative sections a file page shows, by the file's state and the reader's role.

import { API_PREFIX } from '../../shared/api/client';

const BEFORE_EVALUATION = ['draft', 'registered', 'modalities_agreed', 'evidence_submitted'];
const FROM_EVALUATION = [
  'under_evaluation',
  'company_opinion',
  'ready_for_jury',
  'in_deliberation',
  'certified',
  'blocs_awarded',
  'not_certified',
];
const FROM_OPINION = ['company_opinion', 'ready_for_jury', 'in_deliberation', 'certified', 'blocs_awarded', 'not_certified'];

/** The commission: formed by the centre before and during the evaluation; read by the centre and evaluators. */
export function showsCommission(state: string, role: string): boolean {
  if (role !== 'centre_coordinator' && role !== 'evaluator') return false;
  return BEFORE_EVALUATION.includes(state) || state === 'under_evaluation';
}

/** The grid: from the evaluation on, for everyone but the company and the candidate (the server refuses them). */
export function showsGrid(state: string, role: string): boolean {
  if (role === 'company_tutor' || role === 'candidate') return false;
  return FROM_EVALUATION.includes(state);
}

/** The company opinion: from its step on, never for VAE. */
export function showsOpinion(state: string, pathway: string): boolean {
  return pathway !== 'vae' && FROM_OPINION.includes(state);
}

/** A move of the workflow (or the file's creation): the « Étapes du dossier » of the history. */
export function isStateEvent(event: { from: string | null; to: string; transition: string }, transitions: readonly { id: string }[]): boolean {
  return event.from === null || event.from !== event.to || transitions.some((t) => t.id === event.transition);
}

/**
 * The centre prints a file's complete archive (identity, plan, grid, opinion, decision, history) and takes its signed
 * audit bundle; so does the GTP's auditor, who reads the files that went before a jury. The server refuses others.
 */
export function printsArchive(role: string): boolean {
  return role === 'centre_coordinator' || role === 'gtp_auditor';
}

/** Everyone who works on a file comments on it; the GTP's auditor only reads (the server refuses). */
export function writesComments(role: string): boolean {
  return role !== 'gtp_auditor' && role !== 'gtp_admin';
}

/** Where the file's complete archive is downloaded as a PDF. */
export function fileArchiveUrl(fileId: string): string {
  return `${API_PREFIX}/files/${encodeURIComponent(fileId)}/archive.pdf`;
}

/** The centre's coordinator exports everything about the candidate when the person asks (RGPD right of access). */
export function exportsPersonalData(role: string): boolean {
  return role === 'centre_coordinator';
}

/** Where everything about the file's candidate, across their files of the centre, is downloaded as a signed zip. */
export function personalDataUrl(fileId: string): string {
  return `${API_PREFIX}/files/${encodeURIComponent(fileId)}/personal-data`;
}

/** Where the file is downloaded as an audit bundle: a zip signed with the platform's key, checked offline. */
export function fileAuditBundleUrl(fileId: string): string {
  return `${API_PREFIX}/files/${encodeURIComponent(fileId)}/audit-bundle`;
}
